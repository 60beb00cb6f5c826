"""Pictures in the published documents: stacked bars as inline SVG.

A :class:`Figure` sits between the Markdown lines of a document: the Markdown form leaves
it out (its figures are in the tables next to it), the HTML form draws it. The SVG is built
from numbers and our own labels, each label escaped with :func:`html.escape`; it has no
script, no link and no reference to anything outside itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

# Print-safe colours (readable in greyscale too: light to dark).
STATUS_COLOURS = {"done": "#2e7d32", "in progress": "#f9a825", "not started": "#b0bec5", "dropped": "#6d4c41"}
SCALE_COLOURS = ("#c62828", "#ef8a62", "#e0e0e0", "#67a9cf", "#1565c0")
RAG_COLOURS = {"red": "#c62828", "amber": "#f9a825", "green": "#2e7d32"}
DARK = frozenset({"#2e7d32", "#6d4c41", "#c62828", "#1565c0", "#1f4e79"})


@dataclass(frozen=True, slots=True)
class Segment:
    label: str
    value: float
    colour: str


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]
    note: str = ""  # shown after the bar (e.g. "12 answered")


@dataclass(frozen=True, slots=True)
class Figure:
    """A stacked bar chart: one bar per row, segments in order, a legend below."""

    title: str
    bars: tuple[Bar, ...]
    percent: bool = False  # values are percentages: each bar is drawn to 100


BAR_H = 18
GAP = 8
LABEL_W = 260
BAR_W = 340
NOTE_W = 110
WIDTH = LABEL_W + BAR_W + NOTE_W


def _wrap(text: str, width: int = 40) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines[:3] or [""]


def figure_svg(figure: Figure) -> str:
    """The figure as one ``<svg>`` element (with a title for screen readers)."""
    rows: list[str] = []
    y = 0
    legend: dict[str, str] = {}
    for bar in figure.bars:
        label_lines = _wrap(bar.label)
        height = max(BAR_H, 14 * len(label_lines))
        for n, line in enumerate(label_lines):
            rows.append(f'<text x="0" y="{y + 13 + 14 * n}" font-size="12">{escape(line)}</text>')
        total = 100.0 if figure.percent else sum(s.value for s in bar.segments)
        x = float(LABEL_W)
        for seg in bar.segments:
            if seg.value > 0:
                legend.setdefault(seg.label, seg.colour)
            if seg.value <= 0 or total <= 0:
                continue
            w = BAR_W * seg.value / total
            tip = f"{seg.label}: {seg.value:g}{'%' if figure.percent else ''}"
            rows.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR_H}" fill="{seg.colour}">'
                f"<title>{escape(tip)}</title></rect>"
            )
            if w >= 22:
                shown = f"{seg.value:g}{'%' if figure.percent else ''}"
                ink = "#fff" if seg.colour in DARK else "#111"  # readable on the segment's colour
                rows.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + 13}" font-size="11" text-anchor="middle" fill="{ink}">'
                    f"{escape(shown)}</text>"
                )
            x += w
        if total <= 0:
            rows.append(
                f'<rect x="{LABEL_W}" y="{y}" width="{BAR_W}" height="{BAR_H}" fill="none" '
                f'stroke="#999"/><text x="{LABEL_W + 6}" y="{y + 13}" font-size="11">none</text>'
            )
        if bar.note:
            rows.append(f'<text x="{LABEL_W + BAR_W + 8}" y="{y + 13}" font-size="11">{escape(bar.note)}</text>')
        y += height + GAP
    x = 0
    for label, colour in legend.items():
        rows.append(
            f'<rect x="{x}" y="{y + 2}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="{y + 12}" font-size="11">{escape(label)}</text>'
        )
        x += 24 + 7 * len(label)
    height = y + 20
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="figure" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" font-family="sans-serif"><title>{escape(figure.title)}</title>'
        + "".join(rows)
        + "</svg>"
    )


def progress_figure(title: str, counts: Sequence[tuple[str, int]]) -> Figure:
    """One bar of an objective's actions by status (done, in progress, not started, dropped)."""
    segments = tuple(Segment(label, value, STATUS_COLOURS.get(label, "#999")) for label, value in counts)
    total = sum(v for _l, v in counts)
    return Figure(title, (Bar("Actions by status", segments, f"{total} action{'s' if total != 1 else ''}"),))

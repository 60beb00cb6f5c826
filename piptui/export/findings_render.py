"""The findings across areas as Markdown lines (with figures for the HTML form) and as CSV."""

from __future__ import annotations

from collections.abc import Sequence

from piptui.domain.model import SECTOR_SHORT
from piptui.domain.plan import STATUS_ORDER, Progress
from piptui.export.findings import Findings, Theme, where_title
from piptui.export.markdown_parts import plural, table
from piptui.textfmt.csv_cells import rows_csv
from piptui.textfmt.html_doc import Line
from piptui.textfmt.html_svg import STATUS_COLOURS, Bar, Figure, Segment
from piptui.textfmt.markdown_text import md_cell, md_escape, md_line

THEMES_SHOWN = 12
CSV_COLUMNS = ("section", "dimension", "theme", "areas", "area_count", "cards", "text")


def _progress(objectives: Sequence[object]) -> Progress:
    from piptui.export.plan_view import ObjectiveView

    total = Progress()
    for o in objectives:
        if isinstance(o, ObjectiveView):
            p = o.progress
            total = Progress(
                total.total + p.total,
                total.done + p.done,
                total.in_progress + p.in_progress,
                total.not_started + p.not_started,
                total.dropped + p.dropped,
                total.red + p.red,
                total.amber + p.amber,
                total.green + p.green,
            )
    return total


def _example(area: str, text: str, sector: str) -> str:
    said = f"{sector}, {md_line(area)}" if sector else md_line(area)
    return f"  - {md_escape(text).replace(chr(10), chr(10) + '    ')} — *{said}*"


def theme_lines(themes: Sequence[Theme], areas: int) -> list[str]:
    lines: list[str] = []
    for t in themes[:THEMES_SHOWN]:
        lines.append(f"- **{md_line(t.shown)}**: {plural(len(t.areas), 'area')} of {areas} ({plural(t.cards, 'card')})")
        for area, card in t.examples:
            lines.append(_example(area, card.text, SECTOR_SHORT[card.sector] if card.sector else ""))
    if len(themes) > THEMES_SHOWN:
        rest = themes[THEMES_SHOWN:]
        lines.append(
            f"- and {plural(len(rest), 'more theme')}, each named by "
            f"{'one area' if all(len(t.areas) == 1 for t in rest) else 'few areas'}"
        )
    return [*lines, ""]


def findings_lines(f: Findings) -> list[Line]:
    n = len(f.areas)
    lines: list[Line] = ["# Findings across the areas", ""]
    names = ", ".join(sorted(md_line(a.area) for a in f.areas))
    lines += [f"From {plural(n, 'programme')}: {names}.", ""]
    if f.skipped:
        lines += ["**Left out** (cannot be read):", "", *(f"- {md_escape(s)}" for s in f.skipped), ""]
    lines += [
        "## The partnership profile across the areas",
        "",
        "Themes are the groups' cluster titles and tags, matched across areas by similarity; the count is "
        "how many areas named each. Confidential cards are never counted or quoted.",
        "",
    ]
    counts = [(where_title(d, s), themes) for (d, s), themes in f.themes.items()]
    if not counts:
        lines += ["No area has sorted cards into the profile's dimensions yet.", ""]
    for title, themes in counts:
        lines += [f"### {md_line(title)}", "", *theme_lines(themes, n)]
    lines += ["## Objectives by theme", ""]
    if not f.objective_groups:
        lines += ["No area has agreed an action plan yet.", ""]
    for t in f.objective_groups:
        lines.append(f"- **{md_line(t.shown)}**: {plural(len(t.areas), 'area')}")
        for area, title in sorted(t.named, key=lambda x: (x[0].casefold(), x[1])):
            lines.append(f"  - {md_line(area)}: {md_line(title)}")
    lines += ["", *_progress_lines(f)]
    lines += ["## The evaluation across the areas", ""]
    if f.evaluation is None:
        lines += ["No evaluation responses yet in any area.", ""]
    else:
        from piptui.survey.report_markdown import area_lines, published_tables, summary_lines

        lines += [*summary_lines(f.evaluation), "", "### By group", "", *area_lines(f.evaluation), ""]
        lines += published_tables(f.evaluation, level=3)
    return lines


def _progress_lines(f: Findings) -> list[Line]:
    lines: list[Line] = ["## Action progress across the areas", ""]
    rows = []
    bars = []
    for a in sorted(f.areas, key=lambda a: a.area.casefold()):
        p = _progress(a.objectives)
        rows.append(
            (
                md_cell(a.area),
                str(len(a.objectives)),
                str(p.total),
                str(p.done),
                str(p.in_progress),
                str(p.not_started),
                str(p.dropped),
                str(p.red),
                str(p.amber),
                str(p.green),
            )
        )
        counts = {"done": p.done, "in progress": p.in_progress, "not started": p.not_started, "dropped": p.dropped}
        bars.append(
            Bar(
                a.area,
                tuple(Segment(s.value, counts[s.value], STATUS_COLOURS[s.value]) for s in STATUS_ORDER),
                plural(p.total, "action"),
            )
        )
    total = _progress([o for a in f.areas for o in a.objectives])
    rows.append(
        (
            "**All areas**",
            str(sum(len(a.objectives) for a in f.areas)),
            str(total.total),
            str(total.done),
            str(total.in_progress),
            str(total.not_started),
            str(total.dropped),
            str(total.red),
            str(total.amber),
            str(total.green),
        )
    )
    header = ("Area", "Objectives", "Actions", "Done", "In progress", "Not started", "Dropped", "Red", "Amber", "Green")
    lines += [
        "The latest plan of each area.",
        "",
        Figure("Actions by status in each area", tuple(bars)),
        *table(header, rows, "l" + "r" * 9),
        "",
    ]
    return lines


def findings_csv(f: Findings) -> bytes:
    rows: list[tuple[object, ...]] = []
    for (d, s), themes in f.themes.items():
        for t in themes:
            examples = " | ".join(c.text for _a, c in t.examples)
            rows.append(
                ("theme", where_title(d, s), t.shown, "; ".join(sorted(t.areas)), len(t.areas), t.cards, examples)
            )
    for t in f.objective_groups:
        rows.append(
            (
                "objectives",
                "",
                t.shown,
                "; ".join(sorted(t.areas)),
                len(t.areas),
                "",
                " | ".join(f"{a}: {title}" for a, title in t.named),
            )
        )
    for a in f.areas:
        p = _progress(a.objectives)
        rows.append(
            (
                "progress",
                "",
                "",
                a.area,
                1,
                p.total,
                f"done {p.done}; in progress {p.in_progress}; not started {p.not_started}; dropped {p.dropped}; "
                f"red {p.red}; amber {p.amber}; green {p.green}",
            )
        )
    for s in f.skipped:
        rows.append(("left out", "", "", "", "", "", s))
    return rows_csv(CSV_COLUMNS, rows)

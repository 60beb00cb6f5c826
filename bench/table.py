"""The benchmark's rows and how they are printed (a Markdown table, readable in a terminal)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: a figure, what it was measured against, the goal and whether it was met.

    ``met`` is None when the row has no pass/fail goal (a figure to report) or could not run.
    """

    name: str
    figure: str
    baseline: str = "-"
    ratio: str = "-"
    goal: str = "-"
    met: bool | None = None
    note: str = ""


def not_available(name: str, why: str, goal: str = "-") -> Row:
    """A row whose piece of piptui is not there (yet): said, not crashed."""
    return Row(name, "not available", goal=goal, note=why)


def ms(seconds: float) -> str:
    """``0.00123`` -> ``1.23 ms``; three significant figures or so."""
    value = seconds * 1000
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def times(ratio: float) -> str:
    return f"{ratio:.2f}x"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0-100), nearest rank: an observed value, never an interpolation."""
    ordered = sorted(values)
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[min(max(rank, 1), len(ordered)) - 1]


COLUMNS = ("row", "figure", "baseline (same run)", "ratio", "goal", "met")


def verdict(met: bool | None) -> str:
    return "-" if met is None else "yes" if met else "NO"


def render(rows: Sequence[Row]) -> str:
    """The rows as an aligned Markdown table, then the notes of rows that have one."""
    cells = [COLUMNS] + [(r.name, r.figure, r.baseline, r.ratio, r.goal, verdict(r.met)) for r in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]

    def line(values: Sequence[str]) -> str:
        return "| " + " | ".join(v.replace("|", "/").ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    out = [line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(c) for c in cells[1:]]
    notes = [f"- {r.name}: {r.note}" for r in rows if r.note]
    if notes:
        out += ["", *notes]
    return "\n".join(out)

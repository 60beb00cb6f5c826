"""The perspective swap in the notes: each pair of sides as a two-column table, what one side
said as the other beside what that other side said of itself (its answers on the compare step
marked with their column). Every text goes through :func:`md_cell`."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import zip_longest

from piptui.domain.exercise import Exercise
from piptui.domain.model import SECTOR_SHORT, Card
from piptui.domain.perspectives import PerspectivePair, compare_perspectives, compare_step_columns, exercise_cards
from piptui.export.markdown_parts import table
from piptui.textfmt.markdown_text import md_cell, md_line


def _cell(card: Card, label: str = "") -> str:
    who = f" — *{SECTOR_SHORT[card.sector]}*" if card.sector is not None else ""
    lead = f"**{md_line(label)}:** " if label else ""
    return f"{lead}{md_cell(card.text)}{who}"


def pair_rows(pair: PerspectivePair) -> list[tuple[str, str]]:
    left = [_cell(c) for c in pair.as_other]
    right = [_cell(c) for c in pair.own_view]
    right += [_cell(c, v.column.title) for v in pair.verdicts for c in v.cards]
    return [(a or "", b or "") for a, b in zip_longest(left, right)]


def perspectives_section(exercise: Exercise, cards: Sequence[Card], level: int) -> list[str]:
    """The comparison under a perspective swap (nothing for another kind, or without cards)."""
    if exercise.kind.value != "perspective_swap":
        return []
    comparison = compare_perspectives(exercise_cards(cards, exercise.id), compare_step_columns(exercise))
    pairs = [p for p in comparison.pairs if not p.empty]
    if not pairs:
        return []
    title = md_line(exercise.title) or md_line(exercise.id)
    lines = [f"{'#' * level} {title} — the perspectives compared", ""]
    for pair in pairs:
        lines += [*table((pair.left_title, pair.right_title), pair_rows(pair)), ""]
    if comparison.unplaced:
        n = comparison.unplaced
        lines += [
            f"*{n} card{'s' if n != 1 else ''} without the speaker's sector {'are' if n != 1 else 'is'} in no pair.*",
            "",
        ]
    return lines

"""The wall of a step hidden until revealed: each column's count, never a card's text.

:class:`HiddenWall` takes the board's place on the wall while the lead facilitator keeps the
step's cards hidden (``piptui.domain.reveal``). It is given counts only, so no card's text can
reach the wall's screen (or the browser view, the same app). Confidential cards are left out of
the counts, as everywhere on the wall.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from piptui.domain.columns import ColumnGroup
from piptui.domain.reveal import hidden_count_text
from piptui.ui.text import literal

HIDDEN_TITLE = "hidden until revealed"

# One column of the hidden wall: its title and its sub-groups' (heading, count); heading None
# for a column without sub-groups.
Counted = tuple[str, list[tuple[str | None, int]]]


def counted(dims: Sequence[tuple[str, Sequence[ColumnGroup]]]) -> list[Counted]:
    """The columns' titles and counts (the cards themselves stay behind)."""
    out: list[Counted] = []
    for title, groups in dims:
        if len(groups) == 1:
            out.append((title, [(None, len(groups[0].cards))]))
        else:
            out.append((title, [(g.column.title if g.column else "Cards", len(g.cards)) for g in groups]))
    return out


def column_text(parts: list[tuple[str | None, int]]) -> Content:
    total = sum(n for _, n in parts)
    lines = [literal(hidden_count_text(total), "bold")]
    if len(parts) > 1:
        lines += [literal(f"{heading}: {n}") for heading, n in parts]
    return Content("\n\n").join(lines)


def list_text(columns: list[Counted]) -> Content:
    """Every column on its own line, for a wall too narrow for columns side by side."""
    lines = [
        Content.assemble(literal(f"{title}: ", "bold"), literal(hidden_count_text(sum(n for _, n in parts))))
        for title, parts in columns
    ]
    return Content("\n").join(lines)


class HiddenWall(Horizontal):
    """The step's columns, side by side (or one list), each showing how many cards it has."""

    def show(self, dims: Sequence[tuple[str, Sequence[ColumnGroup]]], *, side_by_side: bool) -> None:
        columns = counted(dims) or [("Cards", [(None, 0)])]
        wanted = len(columns) if side_by_side else 1
        boxes = list(self.query(Static))
        if len(boxes) != wanted:
            self.remove_children()
            boxes = [Static("", classes="wall-hidden-column", markup=False) for _ in range(wanted)]
            self.mount_all(boxes)
        total = sum(n for _, parts in columns for _, n in parts)
        if side_by_side:
            for box, (title, parts) in zip(boxes, columns, strict=True):
                box.update(column_text(parts))
                box.border_title = literal(f"{title}  {sum(n for _, n in parts)}")
        else:
            boxes[0].update(list_text(columns) if len(columns) > 1 else column_text(columns[0][1]))
            boxes[0].border_title = literal(f"Cards {total} · {HIDDEN_TITLE}")

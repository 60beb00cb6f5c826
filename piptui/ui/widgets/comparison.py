"""The perspective swap's comparison, for the session screen and the wall. Passive: it is given a
:class:`~piptui.domain.perspectives.Comparison` and shows one pair of sides (or every pair).

One pair is a table: what one side said *as* the other beside what that other side said *of
itself*, then its answers in the compare step's columns (rings true / misread / common ground).
Narrow (under :data:`WIDE` cells) the table has two columns, the answers under the side's own
view; wide, every list has a column of its own. User text is always literal (``rich.text.Text``).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from piptui.domain.model import Card
from piptui.domain.perspectives import Comparison, PerspectivePair
from piptui.ui.text import SECTOR_SHORT
from piptui.ui.widgets.board import SECTOR_STYLE

WIDE = 120  # from this width, each list of a pair gets its own column
NOTHING = "Nothing yet."


def card_text(card: Card) -> Text:
    """A card in the comparison: a bar in the speaker's colour, the text as typed, who spoke."""
    style = SECTOR_STYLE[card.sector] if card.sector is not None else "dim"
    text = Text("▍", style=style, end="")
    text.append(card.text)
    if card.sector is not None:
        text.append("  " + SECTOR_SHORT[card.sector], style="dim")
    return text


def cards_cell(cards: Sequence[Card], headings: Sequence[tuple[str, Sequence[Card]]] = ()) -> Text:
    """A table cell: the cards one per line, then each heading's cards under it."""
    out = Text(end="")
    lines: list[Text] = [card_text(c) for c in cards]
    if not cards and not headings:
        lines.append(Text(NOTHING, style="dim italic"))
    for title, under in headings:
        lines.append(Text(f"{title} ({len(under)})", style="bold underline"))
        lines.extend(card_text(c) for c in under)
    for n, line in enumerate(lines):
        if n:
            out.append("\n")
        out.append_text(line)
    return out


def pair_table(pair: PerspectivePair, *, wide: bool, number: int, total: int) -> Table:
    table = Table(
        expand=True,
        box=box.MINIMAL_HEAVY_HEAD,
        padding=(0, 1),
        title_justify="left",
        title_style="bold",
        caption_justify="left",
        caption_style="dim",
    )
    if total > 1:
        table.title = f"Pair {number} of {total}"
    answers = [(v.column.title, v.cards) for v in pair.verdicts]
    table.add_column(Text(pair.left_title), ratio=1, overflow="fold")
    if not wide or not answers:
        table.add_column(Text(pair.right_title), ratio=1, overflow="fold")
        table.add_row(cards_cell(pair.as_other), cards_cell(pair.own_view, answers))
        return table
    # wide: the side's own view (when it said anything outside the compare columns), then each column
    cells = [cards_cell(pair.as_other)]
    if pair.own_view:
        table.add_column(Text(pair.right_title), ratio=1, overflow="fold")
        cells.append(cards_cell(pair.own_view))
    for title, cards in answers:
        table.add_column(Text(f"{pair.right_title}: {title.lower()}"), ratio=1, overflow="fold")
        cells.append(cards_cell(cards))
    table.add_row(*cells)
    return table


class PerspectiveComparison(Widget):
    """``show(comparison)``; ``next_pair()`` steps through the pairs; ``show_all`` draws them all."""

    DEFAULT_CSS = """
    PerspectiveComparison {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.comparison = Comparison(pairs=(), unplaced=0)
        self.pair_index = 0
        self.show_all = False
        self._measured_width = 0

    def show(self, comparison: Comparison, *, show_all: bool | None = None) -> None:
        self.comparison = comparison
        if show_all is not None:
            self.show_all = show_all
        if self.pair_index >= len(comparison.pairs):
            self.pair_index = 0
        self.refresh(layout=True)

    def next_pair(self, offset: int = 1) -> int:
        """Show the next pair (wrapping round); returns its index."""
        if self.comparison.pairs:
            self.pair_index = (self.pair_index + offset) % len(self.comparison.pairs)
        self.refresh(layout=True)
        return self.pair_index

    @property
    def pair(self) -> PerspectivePair | None:
        pairs = self.comparison.pairs
        return pairs[self.pair_index] if pairs else None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._measured_width = width  # the layout is chosen by the width it is measured at
        return super().get_content_height(container, viewport, width)

    def render(self) -> RenderableType:
        pairs = self.comparison.pairs
        if not pairs:
            return Text("No perspectives to compare yet.", style="dim")
        wide = (self.size.width or self._measured_width) >= WIDE
        total = len(pairs)
        shown = list(enumerate(pairs)) if self.show_all else [(self.pair_index, pairs[self.pair_index])]
        parts: list[RenderableType] = [
            pair_table(p, wide=wide, number=i + 1, total=total if self.show_all else 1) for i, p in shown
        ]
        if self.comparison.unplaced:
            n = self.comparison.unplaced
            parts.append(
                Text(
                    f"{n} card{'s' if n != 1 else ''} without the speaker's sector (@council, @vcs...) are in no pair.",
                    style="dim italic",
                )
            )
        return Group(*parts)

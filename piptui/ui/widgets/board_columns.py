"""The board, side by side where there is room: the step's columns kanban-fashion, else one list.

Passive: the screen gives it the step's groups of cards (:meth:`BoardColumns.show`) and asks it
to move its highlight (:meth:`BoardColumns.cursor`); the boards inside post
:class:`~piptui.ui.widgets.board.Board.CardChosen` as before. The session screen and the wall
both use it.

Where each of the step's columns can have :data:`MIN_COLUMN` cells, every column is a
:class:`Board` of its own (one virtualised OptionList each, so a column measures only its
cards); a dimension with sub-groups ("Obstacles and barriers › Organisation / People / Power")
is one column with its sub-headings. Narrower, the one list of today (:attr:`list_board`), with a
heading per column. One column is *current*: it holds the highlight (and the focus, when the
board has it); Left/Right make the neighbouring one current.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from textual import events
from textual.app import ComposeResult
from textual.containers import Container, Horizontal
from textual.content import Content
from textual.widget import Widget

from piptui.domain.columns import ColumnGroup
from piptui.ui.text import literal
from piptui.ui.widgets.board import Board

MIN_COLUMN = 28  # cells a column needs to be read side by side


def dimensions(groups: Sequence[ColumnGroup]) -> list[tuple[str, list[ColumnGroup]]]:
    """The board's columns: a dimension with sub-groups ("Obstacles and barriers > Organisation /
    People / Power") is one column with its sub-headings; any other column is one of its own."""
    out: list[tuple[str, list[ColumnGroup]]] = []
    for group in groups:
        column = group.column
        name = column.group if column is not None and column.group else None
        if name is not None and out and out[-1][0] == name:
            out[-1][1].append(group)
        else:
            out.append((name or (column.title if column is not None else "Cards"), [group]))
    return out


def in_column(groups: list[ColumnGroup]) -> list[ColumnGroup]:
    """A dimension's groups as its own column shows them: its title is the column's, so a lone
    group has no heading and sub-groups are headed by their own names ("Organisation 5")."""
    if len(groups) == 1:
        return [replace(groups[0], column=None)]
    return [replace(g, column=replace(g.column, group=None)) if g.column is not None else g for g in groups]


def column_title(title: str, groups: Sequence[ColumnGroup], filtered: bool) -> str:
    shown, total = sum(len(g.cards) for g in groups), sum(g.total for g in groups)
    return f"{title}  {shown} of {total}" if filtered else f"{title}  {total}"


@dataclass(frozen=True, slots=True)
class _Shown:
    groups: Sequence[ColumnGroup]
    filtered: bool
    empty_text: str
    side_by_side: bool


class BoardColumns(Widget):
    """The board: ``BoardColumns(list_id=..., columns_id=..., column_classes=..., board_type=Board)``.

    ``focusable=False`` (the wall): no board takes the focus, nothing is highlighted."""

    DEFAULT_CSS = """
    BoardColumns { height: 1fr; }
    BoardColumns > Horizontal { height: 1fr; }
    BoardColumns > Horizontal > .board-cell { width: 1fr; height: 1fr; }
    BoardColumns > Horizontal > .board-cell > Board { width: 1fr; height: 1fr; }
    """

    def __init__(
        self,
        *,
        list_id: str,
        columns_id: str,
        column_classes: str,
        board_type: type[Board] = Board,
        focusable: bool = True,
        min_column: int = MIN_COLUMN,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._list_id = list_id
        self._columns_id = columns_id
        self._column_classes = column_classes
        self._board_type = board_type
        self._focusable = focusable
        self.min_column = min_column
        self._side = False
        self._shown: _Shown | None = None
        self._dims: list[tuple[str, list[ColumnGroup]]] = []
        # the columns, each in a cell of its own (see _column_boards): kept here, never looked up
        # in the cells, as a cell may be drawn before the board in it is mounted
        self._boards: list[Board] = []
        self._current = 0
        self._remembered: dict[int, str] = {}  # the card each column last highlighted
        self._title: Content | str = ""

    def compose(self) -> ComposeResult:
        yield self._board_type(id=self._list_id)
        yield Horizontal(id=self._columns_id)

    def on_mount(self) -> None:
        self.query_one(Horizontal).display = False

    # -- reading -------------------------------------------------------------
    @property
    def list_board(self) -> Board:
        """The one list (narrow terminals)."""
        return self.query_one(f"#{self._list_id}", Board)

    @property
    def columns(self) -> list[Board]:
        """The columns side by side (none while the board is one list)."""
        return list(self._boards) if self._side else []

    @property
    def side_by_side(self) -> bool:
        return self._side

    @property
    def current(self) -> Board:
        """The board holding the highlight: the current column, or the list."""
        columns = self.columns
        return columns[min(self._current, len(columns) - 1)] if columns else self.list_board

    @property
    def current_index(self) -> int:
        """Which column is current (0 while the board is one list)."""
        return self._current if self._side else 0

    @property
    def highlighted_card_id(self) -> str | None:
        return self.current.highlighted_card_id

    @property
    def card_ids(self) -> list[str]:
        """Every card shown, column by column."""
        if not self._side:
            return list(self.list_board.card_ids)
        return [card_id for board in self.columns for card_id in board.card_ids]

    def column_of(self, card_id: str) -> int | None:
        """The column showing the card (0 for the list)."""
        if not self._side:
            return 0 if card_id in self.list_board.card_ids else None
        for index, (_title, groups) in enumerate(self._dims):
            if any(card.id == card_id for group in groups for card in group.cards):
                return index
        return None

    # -- showing -------------------------------------------------------------
    def fits(self, count: int) -> bool:
        """Whether ``count`` columns have room side by side."""
        width = self.size.width or self.screen.size.width
        return count > 1 and width // count >= self.min_column

    def show(
        self,
        groups: Sequence[ColumnGroup],
        *,
        filtered: bool = False,
        keep: str | None = None,
        select: str | None = None,
        reveal: Sequence[str] = (),
        empty_text: str = "No cards yet: type one below and press Enter.",
        side_by_side: bool = True,
    ) -> None:
        """Show ``groups``: highlight ``select`` (else keep ``keep``), scroll the last of ``reveal``
        in each column into view. ``side_by_side=False`` keeps the one list whatever the width."""
        self._shown = _Shown(groups, filtered, empty_text, side_by_side)
        dims = dimensions(groups)
        side = side_by_side and self.fits(len(dims))
        had_focus = self.has_focus_within
        laid_out_anew = side != self._side or (side and len(self._boards) != len(dims))
        self._set_side(side)
        if not side:
            self._dims = []
            board = self.list_board
            board.show(groups, filtered=filtered, keep=keep, select=select, reveal=_last(reveal), empty_text=empty_text)
            if not self._focusable:
                board.highlighted = None
            if laid_out_anew:
                self._reveal_once_laid_out([(board, _last(reveal))])
            return
        self._dims = dims
        boards = self._column_boards(len(dims))
        where = {card.id: i for i, (_t, dim) in enumerate(dims) for g in dim for card in g.cards}
        target = where.get(select or "", where.get(keep or "", min(self._current, len(dims) - 1)))
        if target != self._current:
            self._forget_highlight()
        self._current = target
        for index, (board, (title, dim)) in enumerate(zip(boards, dims, strict=True)):
            current = index == target and self._focusable
            board.show(
                in_column(dim),
                filtered=filtered,
                keep=keep if current else self._remembered.get(index),
                select=select if current else None,
                reveal=_last([r for r in reveal if where.get(r) == index]),
                empty_text=empty_text,
                highlight=current,
            )
            if not current:
                board.highlighted = None
            heading = column_title(title, dim, filtered)
            if str(board.border_title or "") != heading:  # a new title redraws the whole column
                board.border_title = literal(heading)
            board.set_class(current, "-current")
            if self._focusable:
                board.can_focus = current
        if had_focus and self._focusable:
            boards[target].focus()
        if laid_out_anew:
            self._reveal_once_laid_out(
                [(board, _last([r for r in reveal if where.get(r) == index])) for index, board in enumerate(boards)]
            )

    def _reveal_once_laid_out(self, reveals: Sequence[tuple[Board, str | None]], tries: int = 3) -> None:
        """Scroll each new card into view once its board has a size: a board just shown (the list
        after the columns, when an unsorted card made one column too many, or new columns) has
        none yet, so scrolling it at once left the card out of sight."""
        wanted = [(board, card_id) for board, card_id in reveals if card_id is not None]
        if not wanted:
            return

        def reveal() -> None:
            waiting = [(b, c) for b, c in wanted if b.is_mounted and not b.scrollable_content_region.height]
            for board, card_id in wanted:
                if board.is_mounted and board.scrollable_content_region.height and card_id in board.card_ids:
                    board.reveal(card_id)
            if waiting and tries > 1:
                self._reveal_once_laid_out(waiting, tries - 1)

        self.call_after_refresh(reveal)

    def set_title(self, title: Content | str) -> None:
        """The list's border title (the columns have their own: name and count)."""
        if title != self._title:
            self._title = title
            self.list_board.border_title = title

    def _set_side(self, side: bool) -> None:
        if side == self._side:
            return
        self._side = side
        self.list_board.display = not side
        holder = self.query_one(Horizontal)
        holder.display = side
        if not side:
            holder.remove_children()
            self._boards = []

    def _column_boards(self, count: int) -> list[Board]:
        boards = self._boards
        if len(boards) != count:
            holder = self.query_one(Horizontal)
            holder.remove_children()
            boards = [self._board_type(classes=self._column_classes) for _ in range(count)]
            # Each column in a cell of its own: Textual draws every widget whose container's area
            # meets a change (its clip), so four columns in one row were all drawn again, with
            # their scrollbars, for a card in one of them.
            holder.mount_all([Container(board, classes="board-cell") for board in boards])
            self._boards = boards
            self._remembered.clear()
        return list(boards)

    def _forget_highlight(self) -> None:
        """The current column stops being current: it remembers its card, shows no highlight."""
        columns = self.columns
        if self._current < len(columns):
            board = columns[self._current]
            if board.highlighted_card_id is not None:
                self._remembered[self._current] = board.highlighted_card_id
            board.highlighted = None

    def on_resize(self, event: events.Resize) -> None:
        """Side by side or one list, as the new width allows."""
        shown = self._shown
        if shown is None:
            return
        side = shown.side_by_side and self.fits(len(dimensions(shown.groups)))
        if side != self._side:
            self.show(
                shown.groups,
                filtered=shown.filtered,
                keep=self.highlighted_card_id,
                empty_text=shown.empty_text,
                side_by_side=shown.side_by_side,
            )

    # -- moving the highlight --------------------------------------------------
    def cursor(self, direction: str) -> None:
        """Up, down, page_up, page_down, first, last: within the current column (or the list);
        left, right: to the neighbouring column (in the list: the previous or next heading)."""
        if direction in ("left", "right"):
            self.walk(-1 if direction == "left" else 1)
            return
        board = self.current
        move = {
            "up": board.action_cursor_up,
            "down": board.action_cursor_down,
            "page_up": board.action_page_up,
            "page_down": board.action_page_down,
            "first": board.action_first,
            "last": board.action_last,
        }.get(direction.replace("-", "_"))
        if move is not None:
            move()

    def walk(self, offset: int) -> None:
        """Make the neighbouring column with cards current (the focus follows, if the board has it)."""
        if not self._side:
            self.list_board.walk_headings(offset)
            return
        columns = self.columns
        index = self._current + offset
        while 0 <= index < len(columns) and not columns[index].card_ids:
            index += offset
        if 0 <= index < len(columns):
            self.make_current(index)

    def make_current(self, index: int, *, focus: bool | None = None) -> None:
        columns = self.columns
        if not columns or not 0 <= index < len(columns) or not self._focusable:
            return
        had_focus = self.has_focus_within if focus is None else focus
        old = columns[self._current] if self._current < len(columns) else None
        position = old.highlighted if old is not None and old.highlighted is not None else 0
        if index != self._current:
            self._forget_highlight()
        self._current = index
        board = columns[index]
        remembered = self._remembered.get(index)
        if remembered is not None and remembered in board.card_ids:
            board.select_card(remembered)
        elif board.card_ids and board.highlighted is None:
            board.highlight_near(position)
        for i, column in enumerate(columns):
            column.set_class(i == index, "-current")
            column.can_focus = i == index
        if had_focus:
            board.focus()

    def select_card(self, card_id: str) -> None:
        index = self.column_of(card_id)
        if index is None:
            return
        if self._side:
            self.make_current(index)
        self.current.select_card(card_id)

    def show_column(self, column_id: str) -> None:
        """The column (a step's column id) made current, its first card highlighted."""
        if not self._side:
            self.list_board.show_column(column_id)
            return
        for index, (_title, groups) in enumerate(self._dims):
            if any(g.column is not None and g.column.id == column_id for g in groups):
                self.make_current(index)
                board = self.columns[index]
                board.show_column(column_id) if len(groups) > 1 else board.action_first()
                return

    def on_click(self, event: events.Click) -> None:
        """A click in another column makes it current (the board there highlights the card)."""
        for index, board in enumerate(self.columns):
            if board is event.widget or (event.widget is not None and board in event.widget.ancestors):
                if index != self._current:
                    chosen = board.highlighted
                    self.make_current(index, focus=True)
                    if chosen is not None:
                        board.highlighted = chosen
                return


def _last(ids: Sequence[str]) -> str | None:
    return ids[-1] if ids else None

"""The board side by side (issue 17 point 4, issue 15's Left/Right): keys pressed at 160x45 and 80x24.

At 160x45 the demo's sorting step shows its four dimensions as columns; Left/Right walk them,
Up/Down/Home/End/PageUp/PageDown stay in one, Shift+Left/Right and [ ] move the highlighted card
to the neighbouring column (persisted, the focus following it). At 80x24 the one list stays, and
Left/Right jump from heading to heading.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input
from ui_support import demo_app, screen_text, session_ready, type_line, type_text, until

from piptui.domain.model import Card
from piptui.store import SessionStore
from piptui.ui import _textual_compat as compat
from piptui.ui.screens.dialogs import ConfirmDialog
from piptui.ui.widgets.board import Board
from piptui.ui.widgets.board_columns import BoardColumns

SORT = "sorting/sort"
WIDE = (160, 45)


def _card(path: Path, card_id: str) -> Card:
    with SessionStore(path) as store:
        return store.card(card_id)


def _column_ids(board: BoardColumns, index: int) -> list[str]:
    return list(board.columns[index].card_ids)


def _only_current_highlighted(board: BoardColumns) -> bool:
    return all((b.highlighted is None) == (i != board.current_index) for i, b in enumerate(board.columns))


def _in_view(board: Board, card_id: str) -> bool:
    line = board._index_to_line[board.get_option_index(card_id)]
    return board.scroll_y <= line < board.scroll_y + board.scrollable_content_region.height


async def test_a_wide_board_is_side_by_side_and_a_narrow_one_a_list(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(BoardColumns)
        assert board.side_by_side
        titles = [str(b.border_title).rsplit("  ", 1)[0] for b in board.columns]
        assert titles == ["Drivers", "Benefits", "Difficult aspects", "Obstacles and barriers"]
        headings = [str(o.prompt) for o in board.columns[3].options if o.disabled]
        assert [h.rsplit("  ", 1)[0] for h in headings] == ["Organisation", "People", "Power"]
        assert not board.list_board.display and board.columns[0].region.width >= 28
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not board.side_by_side and board.list_board.display
        assert len(board.card_ids) == len(board.list_board.card_ids) > 20


async def test_arrows_walk_columns_and_cards_from_the_capture_line(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(BoardColumns)
        capture = screen.query_one("#capture", Input)
        assert capture.has_focus and board.current_index == 0
        first = board.highlighted_card_id
        assert first == _column_ids(board, 0)[0]
        await pilot.press("right")
        assert board.current_index == 1 and board.highlighted_card_id == _column_ids(board, 1)[0]
        assert _only_current_highlighted(board)
        await pilot.press("down")
        assert board.highlighted_card_id == _column_ids(board, 1)[1]
        await pilot.press("right", "right")
        assert board.current_index == 3
        await pilot.press("right")  # the last column: stays
        assert board.current_index == 3
        await pilot.press("end")
        assert board.highlighted_card_id == _column_ids(board, 3)[-1]
        await pilot.press("home")
        assert board.highlighted_card_id == _column_ids(board, 3)[0]
        await pilot.press("pagedown")
        paged = board.highlighted_card_id
        assert paged in _column_ids(board, 3) and _column_ids(board, 3).index(paged or "") > 3
        await pilot.press("pageup")
        assert _column_ids(board, 3).index(board.highlighted_card_id or "") < _column_ids(board, 3).index(paged or "")
        await pilot.press("left", "left")
        assert board.current_index == 1
        assert board.highlighted_card_id == _column_ids(board, 1)[1]  # the column remembers its card
        await pilot.press("left")
        assert board.current_index == 0 and board.highlighted_card_id == first
        assert capture.has_focus  # the arrows never took the focus from the capture line
        assert _only_current_highlighted(board)

        # with text in the line, Left/Right move the text cursor and leave the board alone
        await type_text(pilot, "abc")
        await pilot.press("left", "left")
        assert capture.cursor_position == 1 and board.current_index == 0
        await pilot.press("right")
        assert capture.cursor_position == 2 and board.current_index == 0
        await pilot.press("shift+right")  # selects text, moves no card
        assert _card(screen.path, first or "").column == screen.columns[0].id


async def test_shift_arrows_and_brackets_move_the_card_and_the_focus_follows(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(BoardColumns)
        ids = [c.id for c in screen.columns]
        card_id = board.highlighted_card_id or ""
        assert _card(screen.path, card_id).column == ids[0]

        await pilot.press("shift+right")  # from the (empty) capture line
        assert _card(screen.path, card_id).column == ids[1]
        assert board.current_index == 1 and board.highlighted_card_id == card_id
        assert _only_current_highlighted(board)

        await pilot.press("tab")  # to the board: its current column
        assert screen.focused is board.columns[1]
        await pilot.press("right_square_bracket")
        assert _card(screen.path, card_id).column == ids[2]  # Difficult aspects › Partnership models
        assert board.current_index == 2 and board.highlighted_card_id == card_id
        assert screen.focused is board.columns[2]  # the focus followed the card
        await pilot.press("shift+left")
        assert _card(screen.path, card_id).column == ids[1]
        assert screen.focused is board.columns[1] and board.highlighted_card_id == card_id
        await pilot.press("left_square_bracket")
        assert _card(screen.path, card_id).column == ids[0]
        assert screen.focused is board.columns[0] and board.highlighted_card_id == card_id

        # on the board, Left/Right walk the columns with the focus, Up/Down stay in one
        await pilot.press("right")
        assert screen.focused is board.columns[1] and board.highlighted_card_id in _column_ids(board, 1)
        await pilot.press("down")
        assert board.highlighted_card_id == _column_ids(board, 1)[1]
        await pilot.press("end")
        assert board.highlighted_card_id == _column_ids(board, 1)[-1]

        # delete acts on the highlighted card of the focused column; undo brings it back there
        doomed = board.highlighted_card_id or ""
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert doomed not in board.card_ids
        await pilot.press("u")
        await until(pilot, lambda: doomed in board.card_ids, "the undone delete")
        assert doomed in _column_ids(board, 1)


async def test_new_cards_show_in_their_column(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(BoardColumns)
        ids = [c.id for c in screen.columns]
        with SessionStore(screen.path, author="bulk") as other, other.batch("bulk") as batch:
            for n in range(120):
                batch.put(Card(text=f"Bulk card {n}", session=3, step=SORT, column=ids[n % 2]))
        await until(pilot, lambda: len(board.card_ids) >= 150, "the 120 cards")
        await type_line(pilot, "Typed into benefits #" + ids[1])
        new_id = board.highlighted_card_id or ""
        assert board.current_index == 1 and new_id in _column_ids(board, 1)
        assert _in_view(board.columns[1], new_id)
        await pilot.press("home")
        assert not _in_view(board.columns[1], new_id)
        with SessionStore(screen.path, author="bob") as other:
            far = other.add_card("From another terminal", session=3, step=SORT, column=ids[0])
        await until(pilot, lambda: far.id in board.card_ids, "the other terminal's card")
        assert far.id in _column_ids(board, 0) and _in_view(board.columns[0], far.id)
        assert board.current_index == 1  # the highlight stayed where this person was
        assert board.highlighted_card_id == _column_ids(board, 1)[0]


async def test_a_narrow_board_is_one_list_and_left_right_jump_headings(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(BoardColumns)
        assert not board.side_by_side and board.columns == []
        ids = [c.id for c in screen.columns]
        start = board.highlighted_card_id or ""
        assert _card(screen.path, start).column == ids[0]
        await pilot.press("right")
        assert _card(screen.path, board.highlighted_card_id or "").column == ids[1]
        await pilot.press("right")
        assert _card(screen.path, board.highlighted_card_id or "").column == ids[2]
        await pilot.press("left", "left")
        assert board.highlighted_card_id == start
        await pilot.press("shift+right")
        assert _card(screen.path, start).column == ids[1] and board.highlighted_card_id == start
        await pilot.press("tab", "left_square_bracket")
        assert _card(screen.path, start).column == ids[0] and board.highlighted_card_id == start
        await pilot.press("end")
        assert board.highlighted_card_id == board.card_ids[-1]
        await pilot.press("home")
        assert board.highlighted_card_id == board.card_ids[0]


async def test_filter_edit_and_move_act_on_the_focused_columns_card(sessions_dir: Path) -> None:
    from piptui.ui.screens.dialogs import EditCardDialog, PickDialog

    app = demo_app(sessions_dir)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(BoardColumns)
        ids = [c.id for c in screen.columns]
        await pilot.press("f4", *"#resources", "enter")  # Benefits and Drivers both have one
        await until(pilot, lambda: len(board.card_ids) < 10, "the filter")
        assert board.side_by_side and "of" in str(board.columns[1].border_title)
        await pilot.press("right")
        card_id = board.highlighted_card_id or ""
        assert board.current_index == 1 and "resources" in _card(screen.path, card_id).tags
        await pilot.press("f2")
        assert isinstance(app.screen, EditCardDialog)
        await type_text(pilot, " (and buildings)")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _card(screen.path, card_id).text.endswith("(and buildings)")
        assert board.highlighted_card_id == card_id and board.current_index == 1
        await pilot.press("f3")
        assert isinstance(app.screen, PickDialog)
        await pilot.press("1")  # the first column, Drivers
        await until(pilot, lambda: _card(screen.path, card_id).column == ids[0], "the move")
        assert board.current_index == 0 and board.highlighted_card_id == card_id
        await pilot.press("ctrl+z")  # undo the move: back in Benefits, still highlighted
        await until(pilot, lambda: _card(screen.path, card_id).column == ids[1], "the undo")
        assert board.current_index == 1 and board.highlighted_card_id == card_id


async def test_the_wide_wall_scrolls_a_new_card_into_view_in_its_column(sessions_dir: Path) -> None:
    from piptui.ui.screens.wall import WallScreen

    app = demo_app(sessions_dir, author=None, mode="wall")
    async with app.run_test(size=WIDE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WallScreen) and app.screen.room is not None, "the wall")
        wall = app.screen
        assert isinstance(wall, WallScreen)
        board = wall.query_one(BoardColumns)
        await until(pilot, lambda: board.side_by_side, "the columns")
        path = wall.path
        with SessionStore(path) as store:
            ids = [c for c in dict.fromkeys(c.column for c in store.cards(session=3, step=SORT)) if c]
        with SessionStore(path, author="bulk") as other, other.batch("bulk") as batch:
            for n in range(80):
                batch.put(Card(text=f"Bulk card {n}", session=3, step=SORT, column=ids[0]))
        await until(pilot, lambda: len(board.card_ids) > 100, "the bulk cards")
        with SessionStore(path, author="bob") as other:
            late = other.add_card("Late to the wall", session=3, step=SORT, column=ids[0])
        await until(pilot, lambda: late.id in board.card_ids, "the late card")
        assert late.id in _column_ids(board, 0) and _in_view(board.columns[0], late.id)
        assert all(b.highlighted is None for b in board.columns)  # nothing is highlighted on a wall


def _layout(board: Board) -> list[tuple[str | None, str, int, int]]:
    lines = [compat.option_lines(board, i) for i in range(board.option_count)]
    return [(o.id, str(o.prompt), *w) for o, w in zip(board.options, lines, strict=True) if w is not None]


async def test_a_card_from_another_terminal_in_a_sub_group_is_laid_out_as_a_fresh_column(sessions_dir: Path) -> None:
    """The column keeps the measured lines of the cards before the new one; what it shows is what a
    column built from scratch shows: the card at the end of its sub-group, the sub-heading's new count."""
    app = demo_app(sessions_dir)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(BoardColumns)
        first = next(c for c in screen.columns if c.group == "Obstacles and barriers")  # > Organisation
        column = board.columns[3]
        heading = next(str(o.prompt) for o in column.options if o.disabled)
        count = int(heading.rsplit("  ", 1)[1])
        with SessionStore(screen.path, author="bob") as other:
            far = other.add_card("From another terminal, " + "a long card that wraps " * 4, session=3, step=SORT,
                                 column=first.id)  # fmt: skip
        await until(pilot, lambda: far.id in board.card_ids, "the other terminal's card")
        ids = [o.id for o in column.options]
        index = ids.index(far.id)
        assert column.options[index + 1].disabled  # the last of its sub-group, before "People"
        assert next(str(o.prompt) for o in column.options if o.disabled) == f"{first.title}  {count + 1}"
        shown = _layout(column)
        column.set_options(list(column.options))  # the same options, measured from scratch
        assert _layout(column) == shown
        assert compat.option_lines(column, index)[1] > 1  # type: ignore[index]  # it wraps
        await pilot.press("tab", "right", "right", "right", "end")
        assert board.current_index == 3 and board.highlighted_card_id == column.options[-1].id


async def test_a_card_from_another_terminal_lays_nothing_out_and_a_scrollbar_still_comes(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17's sync goal: a card from elsewhere redraws its column and the count beside the board,
    and lays the screen out again only when a column first needs its scrollbar."""
    from textual.screen import Screen

    from piptui.ui.widgets.column_index import ColumnIndex

    layouts: list[str] = []
    lay_out = Screen._refresh_layout

    def counted(screen: Screen[object], *args: object, **kw: object) -> None:
        layouts.append(type(screen).__name__)
        lay_out(screen, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    app = demo_app(sessions_dir)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(BoardColumns)
        index = screen.query_one(ColumnIndex)
        column, first = board.columns[0], screen.columns[0]
        assert not column.show_vertical_scrollbar  # the demo's few drivers fit
        count = sum(1 for c in screen.shown_snapshot.cards if c.column == first.id and c.step == SORT)  # type: ignore[union-attr]
        with SessionStore(screen.path, author="bob") as other:
            for n in range(40):  # one at a time, as a note-taker types them
                card = other.add_card(f"Driver {n} elsewhere", session=3, step=SORT, column=first.id)
                await until(pilot, lambda card=card: card.id in board.card_ids, f"card {n}")
                if column.show_vertical_scrollbar:
                    break
        assert column.show_vertical_scrollbar and column.vertical_scrollbar.region.height > 0  # laid out for it
        assert _in_view(column, card.id) and f"Driver {n} elsewhere" in screen_text(app)
        await pilot.pause()
        layouts.clear()
        with SessionStore(screen.path, author="bob") as other:
            late = other.add_card("Late driver", session=3, step=SORT, column=first.id)
        await until(pilot, lambda: late.id in board.card_ids, "the late card")
        await pilot.pause()
        assert late.id in _column_ids(board, 0) and _in_view(column, late.id)
        assert str(column.border_title) == f"{first.title}  {count + n + 2}"
        line = next(str(o.prompt) for o in index.options if o.id == first.id)
        assert line == f"{first.title}  {count + n + 2}"  # the sidebar's count, retitled in place
        assert f"{first.title}  {count + n + 2}" in screen_text(app)
        assert layouts == []  # nothing laid out again: only the column and the count were redrawn
        await pilot.press("tab", "down", "right", "left")  # the board still walks
        assert board.current_index == 0 and board.highlighted_card_id == _column_ids(board, 0)[1]


async def test_every_frame_finds_each_column_while_the_board_turns_into_columns(sessions_dir: Path) -> None:
    """Each column sits in a cell of its own (its own clip: a card in one column draws only that
    one); a cell can be drawn before the board in it is mounted, and what reads the board at each
    frame (as bench.board does, and the keys) must still find every column."""
    app = demo_app(sessions_dir)
    seen: list[tuple[bool, int, int]] = []
    errors: list[BaseException] = []

    def displayed() -> None:
        try:
            for columns in app.screen.query(BoardColumns):
                seen.append((columns.side_by_side, len(columns.columns), len(columns.card_ids)))
                _ = columns.current.highlighted_card_id
        except Exception as exc:  # any error at a frame is the failure this test looks for
            errors.append(exc)

    app.post_display_hook = displayed  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(BoardColumns)
        total = len(board.card_ids)
        assert not board.side_by_side and total > 20
        for _ in range(3):
            await pilot.resize_terminal(*WIDE)
            await pilot.press("right", "down")
            await pilot.resize_terminal(80, 24)
            await pilot.press("down")
        await pilot.resize_terminal(*WIDE)
        await pilot.press("tab", "home", "left")
        await pilot.pause()
        assert errors == []
        assert board.side_by_side and len(board.columns) == 4 and len(board.card_ids) == total
        assert all(cell.children for cell in board.query(".board-cell"))
        here = board.current_index
        assert here < 3 and board.highlighted_card_id == _column_ids(board, here)[0]
        assert (True, 4, total) in seen and (False, 0, total) in seen


async def test_an_unsorted_card_from_another_terminal_is_in_view_when_the_columns_give_way_to_the_list(
    sessions_dir: Path,
) -> None:
    """At 160x45 beside the sidebar, four columns fit but five (with Unsorted) do not: the board
    turns into the one list, and the new card is scrolled into view there."""
    app = demo_app(sessions_dir)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(BoardColumns)
        assert board.side_by_side
        with SessionStore(screen.path, author="Jean") as other:
            unsorted = other.add_card("Parish councils are never in the room", session=3, step=SORT)
        await until(pilot, lambda: unsorted.id in board.card_ids, "the other terminal's card")
        await until(pilot, lambda: _in_view(board.list_board, unsorted.id), "the new card in view")
        assert not board.side_by_side
        assert "Parish councils are never in the room" in screen_text(app)

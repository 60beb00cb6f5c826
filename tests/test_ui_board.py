"""Pilot tests of the board: move, edit, delete, undo/redo, filter, cards from other terminals."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from ui_support import (
    board_lines,
    demo_app,
    highlighted_text,
    notifications,
    session_ready,
    type_line,
    type_text,
    until,
)

from piptui.domain.model import Sector
from piptui.store import SessionStore
from piptui.ui.screens.dialogs import ConfirmDialog, EditCardDialog, PickDialog
from piptui.ui.widgets.board import Board

SORT = "sorting/sort"


def _cards(path: Path) -> list:  # type: ignore[type-arg]
    with SessionStore(path) as store:
        return store.cards(session=3, step=SORT)


async def test_move_edit_delete_undo_redo_filter(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(Board)
        await type_line(pilot, "Meetings at 10am exclude carers #drivers")
        card_id = board.highlighted_card_id
        assert card_id is not None
        columns = [c.id for c in screen.columns]

        # move with ] on the board, then with the F3 picker
        await pilot.press("tab")
        assert screen.focused is board
        await pilot.press("right_square_bracket")
        assert _by_id(screen.path, card_id).column == columns[1]
        assert board.highlighted_card_id == card_id
        await pilot.press("f3")
        assert isinstance(app.screen, PickDialog)
        await pilot.press("3")
        assert _by_id(screen.path, card_id).column == columns[2]

        # edit in the dialog
        await pilot.press("f2")
        assert isinstance(app.screen, EditCardDialog)
        await type_text(pilot, " and shift workers")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _by_id(screen.path, card_id).text.endswith("shift workers")
        assert "shift workers" in highlighted_text(screen)

        # undo the edit, then redo it
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _by_id(screen.path, card_id).text == "Meetings at 10am exclude carers"
        assert any(m == "Undone: edit card" for m in notifications(app))
        await pilot.press("ctrl+y")
        assert _by_id(screen.path, card_id).text.endswith("shift workers")

        # delete (asks first), undo brings it back
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert card_id not in {c.id for c in _cards(screen.path)}
        assert card_id not in board.card_ids
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert card_id in board.card_ids

        # filter by words, tag and sector
        await pilot.press("f4")
        filter_input = screen.query_one("#filter", Input)
        assert screen.focused is filter_input
        await pilot.press(*"carers")
        await pilot.pause()
        assert board.card_ids == [card_id]
        filter_input.value = "@vcs"
        await pilot.pause()
        assert board.card_ids and all(_by_id(screen.path, c).sector == Sector.VCS for c in board.card_ids)
        filter_input.value = "#trust"
        await pilot.pause()
        assert board.card_ids and all("trust" in _by_id(screen.path, c).tags for c in board.card_ids)
        assert any(" of " in line for line in board_lines(screen))  # "2 of 4" counts
        await pilot.press("escape")
        assert screen.focused is screen.query_one("#capture")
        assert len(board.card_ids) == len(_cards(screen.path))


def _by_id(path: Path, card_id: str):  # type: ignore[no-untyped-def]
    with SessionStore(path) as store:
        return store.card(card_id)


async def test_undo_with_nothing_to_undo_says_so(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="newcomer")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_ready(pilot)
        await pilot.press("ctrl+z")
        assert any("Nothing of yours to undo" in m for m in notifications(app))


async def test_cards_from_another_terminal_show_up(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(Board)
        board.select_card(board.card_ids[0])
        kept = board.highlighted_card_id
        with SessionStore(screen.path, author="bob") as other:
            for n in range(12):
                card = other.add_card(f"From the other room {n}", session=3, step=SORT)
        await until(pilot, lambda: card.id in board.card_ids, "the other terminal's card")  # through the watcher
        assert card.id in board.card_ids
        assert board.highlighted_card_id == kept  # the cursor stays where it was
        # ... and the new card is scrolled into view
        index = board.get_option_index(card.id)
        line = board._index_to_line[index]
        assert board.scroll_y <= line < board.scroll_y + board.scrollable_content_region.height


async def test_undo_after_someone_else_changed_it_shows_the_conflict(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await type_line(pilot, "Ours to undo #drivers")
        card_id = screen.query_one(Board).highlighted_card_id
        assert card_id is not None
        with SessionStore(screen.path, author="bob") as other:
            other.edit_card(card_id, text="Bob changed it")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _by_id(screen.path, card_id).text == "Bob changed it"
        # said once, with the offer to skip it (issue 15): Esc keeps it in the history
        assert isinstance(app.screen, ConfirmDialog) and "Cannot undo 'add card'" in app.screen.question
        await pilot.press("escape")
        assert _by_id(screen.path, card_id).text == "Bob changed it"


def _in_view(board: Board, card_id: str) -> bool:
    line = board._index_to_line[board.get_option_index(card_id)]
    return board.scroll_y <= line < board.scroll_y + board.scrollable_content_region.height


async def test_a_new_card_is_in_view_on_a_full_board(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        with SessionStore(screen.path, author="bulk") as other, other.batch("bulk") as batch:
            from piptui.domain.model import Card

            for n in range(300):
                batch.put(Card(text=f"Bulk card {n}", session=3, step=SORT, column=screen.columns[n % 3].id))
        board = screen.query_one(Board)
        await until(pilot, lambda: len(board.card_ids) >= 300, "the 300 cards")
        board.select_card(board.card_ids[0])
        await pilot.pause()
        await type_line(pilot, "Into the second column #" + screen.columns[1].id)
        new_id = board.highlighted_card_id
        assert new_id is not None and "Into the second column" in highlighted_text(screen)
        assert _in_view(board, new_id)
        await type_line(pilot, "Filtered away")
        assert _in_view(board, board.highlighted_card_id or "")
        await pilot.press("f4", *"nomatchatall", "enter")
        await type_line(pilot, "Hidden by the filter")
        assert any("the filter hides it" in m for m in notifications(app))


async def test_a_step_without_columns_is_one_list(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        plain_steps = [i for i, (_e, step) in enumerate(screen.steps) if not step.columns]
        assert plain_steps, "the demo session should have a step without columns"
        screen.go_to_step(plain_steps[0])
        await pilot.pause()
        assert screen.columns == ()
        await type_line(pilot, "A plain card #drivers")
        board = screen.query_one(Board)
        assert [o for o in board.options if o.disabled] == []
        assert "A plain card" in highlighted_text(screen)
        assert _by_id(screen.path, board.highlighted_card_id or "").column is None


async def test_the_mouse_highlights_then_edits(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(Board)
        board.select_card(board.card_ids[0])
        await pilot.pause()
        before = board.highlighted
        # the third line of the board: the first card's second line or the next card
        await pilot.click(Board, offset=(10, 4))
        await pilot.pause()
        assert not isinstance(app.screen, EditCardDialog)
        after = board.highlighted
        assert after is not None and after != before
        await pilot.pause(0.6)  # not a double click
        await pilot.click(Board, offset=(10, 4))
        await pilot.pause()
        assert isinstance(app.screen, EditCardDialog)


async def test_an_edit_keeps_a_move_someone_made_while_the_dialog_was_open(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await type_line(pilot, "Reports arrive too late to act on #drivers")
        card_id = screen.query_one(Board).highlighted_card_id
        assert card_id is not None
        await pilot.press("f2")
        assert isinstance(app.screen, EditCardDialog)
        with SessionStore(screen.path, author="bob") as bob:  # another terminal moves it meanwhile
            bob.move_card(card_id, "benefits")
        await type_text(pilot, "Reports arrive too late to act on them", replace=True)
        await pilot.press("ctrl+s")
        await pilot.pause()
        card = _by_id(screen.path, card_id)
        assert (card.text, card.column) == ("Reports arrive too late to act on them", "benefits")

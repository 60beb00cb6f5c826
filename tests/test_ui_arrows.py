"""The arrow keys walk the board, from the capture line and on the board (issue 15)."""

from __future__ import annotations

from pathlib import Path

from ui_support import demo_app, session_ready

from piptui.ui.widgets.board import Board
from piptui.ui.widgets.capture import CaptureLine


async def test_arrows_from_the_capture_line_walk_the_board(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(Board)
        capture = screen.query_one(CaptureLine)
        assert capture.has_focus
        assert len(board.card_ids) > 3
        start = board.highlighted
        assert start is not None
        await pilot.press("down")
        after_down = board.highlighted
        assert after_down is not None and after_down > start
        await pilot.press("up")
        assert board.highlighted == start
        await pilot.press("pagedown")
        paged = board.highlighted
        assert paged is not None and paged > after_down
        await pilot.press("pageup")
        assert board.highlighted is not None and board.highlighted < paged
        assert capture.has_focus  # the arrows never take the focus from the capture line
        assert app.is_running


async def test_arrows_home_end_on_the_board(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        board = screen.query_one(Board)
        await pilot.press("tab")
        assert screen.focused is board
        await pilot.press("end")
        last = board.highlighted_card_id
        assert last == board.card_ids[-1]
        await pilot.press("home")
        assert board.highlighted_card_id == board.card_ids[0]
        await pilot.press("down", "down")
        assert board.highlighted_card_id not in (None, board.card_ids[0])
        await pilot.press("up", "up")
        assert board.highlighted_card_id == board.card_ids[0]
        await pilot.press("pagedown", "pageup")
        assert app.is_running

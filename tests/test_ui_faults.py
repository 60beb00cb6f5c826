"""Faults keep the text and the app (issue 15, point 2, the TUI): a save that fails leaves the
typed line (or the dialog's edits) in place and says why; a file that becomes unreadable while
the screen is open is said once, and the screen recovers when the file comes back."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Input
from ui_support import demo_app, notifications, patience, screen_text, session_ready, type_text

from piptui.store import SessionStore
from piptui.ui.screens.dialogs import EditCardDialog
from piptui.ui.widgets.board import Board


def _texts(path: Path) -> list[str]:
    with SessionStore(path) as store:
        return [c.text for c in store.cards()]


async def _until(pilot, check, what: str) -> None:  # type: ignore[no-untyped-def]
    for _ in patience():
        if check():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never: {what}")


async def test_the_sessions_folder_removed_keeps_the_line_and_the_app(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        path = screen.path
        capture = screen.query_one("#capture", Input)
        away = sessions_dir.with_name("moved-away")
        sessions_dir.rename(away)
        await type_text(pilot, "Said while the folder was gone")
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert capture.value == "Said while the folder was gone"
        assert any(n.startswith("Not saved") or "Cannot read" in n for n in notifications(app))
        away.rename(sessions_dir)  # it comes back: Enter again saves the same line
        await pilot.press("enter")
        await _until(pilot, lambda: capture.value == "", "the line saved once the folder is back")
    assert "Said while the folder was gone" in _texts(path)


async def test_a_file_replaced_by_garbage_is_said_and_the_screen_recovers(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        path = screen.path
        board = screen.query_one(Board)
        cards = len(board.card_ids)
        kept = path.with_name("kept.json")
        shutil.copyfile(path, kept)
        path.write_text("{ this is not a programme")
        await _until(
            pilot,
            lambda: any("Cannot read" in n or "corrupt" in n.lower() or path.name in n for n in notifications(app)),
            "the screen says the file is unreadable",
        )
        assert app.is_running
        assert len(board.card_ids) == cards  # what was shown stays shown
        await type_text(pilot, "Typed while the file was broken")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#capture", Input).value == "Typed while the file was broken"
        shutil.copyfile(kept, path)  # the file comes back
        await pilot.press("enter")
        await _until(pilot, lambda: screen.query_one("#capture", Input).value == "", "saved once it is back")
        await _until(pilot, lambda: len(board.card_ids) == cards + 1, "the board shows the new card")
        assert app.is_running


async def test_a_dialog_whose_save_fails_stays_open_with_the_edits(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        path = screen.path
        await pilot.press("tab", "f2")
        await _until(pilot, lambda: isinstance(app.screen, EditCardDialog), "the edit dialog")
        await pilot.pause()
        original = app.screen.query_one("#text", Input).value
        await type_text(pilot, " (edited)")
        away = sessions_dir.with_name("moved-away")
        sessions_dir.rename(away)
        try:
            dialog = app.screen
            await pilot.press("ctrl+s")
            await _until(pilot, lambda: "Not saved" in screen_text(app), "the failure said in the dialog")
            assert app.screen is dialog  # it stayed open, with the edits
            assert dialog.query_one("#text", Input).value == original + " (edited)"
        finally:
            away.rename(sessions_dir)
        await pilot.press("ctrl+s")
        await _until(pilot, lambda: not isinstance(app.screen, EditCardDialog), "the dialog closed")
        assert app.is_running
    assert original + " (edited)" in _texts(path)

"""Quitting never loses a word (issue 15, point 4): Ctrl+Q asks when something is unsaved,
and a draft kept by a killed piptui comes back in the same person's capture line."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from ui_support import demo_app, notifications, patience, session_ready, type_text

from piptui.programmes import ensure_demo
from piptui.store import SessionStore
from piptui.store.drafts import draft_path, save_draft
from piptui.ui.quitting import QuitDialog
from piptui.ui.screens.dialogs import EditCardDialog

SORT = "sorting/sort"


def _texts(path: Path) -> list[str]:
    with SessionStore(path) as store:
        return [c.text for c in store.cards()]


async def test_ctrl_q_with_text_typed_asks_and_go_back_keeps_it(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await type_text(pilot, "Half a thought about carers")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        assert "Half a thought about carers" in str(app.screen.detail)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and app.is_running
        assert screen.query_one("#capture", Input).value == "Half a thought about carers"
        await pilot.press("ctrl+q", "b")  # b too goes back
        await pilot.pause()
        assert app.screen is screen and app.is_running


async def test_ctrl_q_then_save_saves_the_card_and_quits(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await type_text(pilot, "Saved on the way out #trust")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("s")
        for _ in patience():
            if not app.is_running:
                break
            await pilot.pause(0.02)
    assert app.return_code == 0
    assert "Saved on the way out" in _texts(screen.path)


async def test_ctrl_q_then_discard_quits_without_saving(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await type_text(pilot, "Not wanted")
        await pilot.press("ctrl+q", "d")
        for _ in patience():
            if not app.is_running:
                break
            await pilot.pause(0.02)
    assert not app.is_running
    assert "Not wanted" not in _texts(screen.path)


async def test_nothing_unsaved_quits_at_once(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, mode="home")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("q")
        for _ in patience():
            if not app.is_running:
                break
            await pilot.pause(0.02)
    assert not app.is_running and app.return_code == 0


async def test_a_dialog_holding_changes_asks_then_save_saves_it(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.press("tab", "f2")
        for _ in patience():
            if isinstance(app.screen, EditCardDialog):
                break
            await pilot.pause(0.02)
        await pilot.pause()
        await pilot.press("ctrl+q")  # nothing changed yet: quitting loses nothing, so it quits
        for _ in patience():
            if not app.is_running:
                break
            await pilot.pause(0.02)
    assert not app.is_running

    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.press("tab", "f2")
        for _ in patience():
            if isinstance(app.screen, EditCardDialog):
                break
            await pilot.pause(0.02)
        await pilot.pause()
        await type_text(pilot, " (edited on the way out)")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        assert "dialog has changes" in app.screen.detail
        await pilot.press("s")
        for _ in patience():
            if not app.is_running:
                break
            await pilot.pause(0.02)
    assert any(t.endswith("(edited on the way out)") for t in _texts(screen.path))


async def test_save_that_fails_does_not_quit_and_keeps_the_text(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await type_text(pilot, "Kept although the disk says no")
        away = sessions_dir.with_name("moved-away")
        sessions_dir.rename(away)  # the folder gone (as root a read-only folder would not stop it)
        try:
            await pilot.press("ctrl+q", "s")
            await pilot.pause(0.1)
            assert app.is_running
            assert screen.query_one("#capture", Input).value == "Kept although the disk says no"
            said = "\n".join(notifications(app))
            assert "Not saved" in said and "Not quitting" in said
        finally:
            away.rename(sessions_dir)


async def test_a_draft_comes_back_in_the_same_persons_capture_line(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    save_draft(path, "ann", "What I was typing when the line dropped")
    assert draft_path(path, "ann").stat().st_mode & 0o777 == 0o600
    other = demo_app(sessions_dir, author="bob")
    async with other.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.pause()
        assert screen.query_one("#capture", Input).value == ""  # not Bob's draft
    app = demo_app(sessions_dir, author="ann")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        for _ in patience():
            if screen.query_one("#capture", Input).value:
                break
            await pilot.pause(0.02)
        assert screen.query_one("#capture", Input).value == "What I was typing when the line dropped"
        assert any("unsaved line from last time" in n for n in notifications(app))
        assert not draft_path(path, "ann").exists()
        await pilot.press("enter")
        await pilot.pause()
    assert "What I was typing when the line dropped" in _texts(path)


async def test_the_notes_screen_takes_its_draft_back_too(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    save_draft(path, "Jean", "A note half typed")
    app = demo_app(sessions_dir, author="Jean", mode="notes")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in patience():
            capture = app.screen.query("#capture").results(Input)
            line = next(iter(capture), None)
            if line is not None and line.value:
                break
            await pilot.pause(0.02)
        assert app.screen.query_one("#capture", Input).value == "A note half typed"

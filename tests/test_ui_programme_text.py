"""The programme's context, vision and key learning, written on screen (issue 19, point 3):
t on the plan screen and on the home screen opens the dialog; what is saved is in the file
and in the area report. Driven by keys."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from textual import events
from textual.pilot import Pilot
from textual.widgets import Static, TextArea
from ui_support import demo_app, notifications, patience, screen_text, session_ready, type_text

from piptui.cli import main
from piptui.store import SessionStore
from piptui.ui.screens.home import HomeScreen
from piptui.ui.screens.plan import PlanScreen
from piptui.ui.screens.programme_text import ProgrammeTextDialog


async def _wait_for(pilot: Pilot[Any], cls: type) -> Any:
    for _ in patience():
        if isinstance(pilot.app.screen, cls):
            await pilot.pause()
            return pilot.app.screen
        await pilot.pause(0.02)
    raise AssertionError(f"{cls.__name__} did not show (the screen is {pilot.app.screen!r})")


def _message(dialog: ProgrammeTextDialog, field: str) -> str:
    error = dialog.query_one(f"#{field}-error", Static)
    return str(error.render()) if error.display else ""


def _programme(path: Path) -> Any:
    with SessionStore(path) as store:
        return store.programme()


def _report(sessions_dir: Path) -> str:
    result = CliRunner().invoke(
        main, ["--sessions-dir", str(sessions_dir), "export", "darlington-demo", "--content", "report"]
    )
    assert result.exit_code == 0, result.output
    return result.output


async def test_the_plan_screen_writes_context_vision_and_learning_into_the_report(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    path = sessions_dir / "darlington-demo.json"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_ready(pilot)
        await pilot.press("ctrl+n")
        await _wait_for(pilot, PlanScreen)
        await pilot.press("t")
        dialog = await _wait_for(pilot, ProgrammeTextDialog)
        assert dialog.query_one("#context", TextArea).has_focus
        await type_text(pilot, "A town with a strong LSP.")
        await pilot.press("enter", "enter")
        await type_text(pilot, "The Compact dates from 2004.")
        await pilot.press("tab")  # Tab goes on to the vision
        assert dialog.query_one("#vision", TextArea).has_focus
        await type_text(pilot, "Equal partners in all things")
        await pilot.press("tab")
        await type_text(pilot, "Start small, with a named champion.")
        await pilot.press("ctrl+s")
        await _wait_for(pilot, PlanScreen)
        assert any("Saved for the area report: Context, Vision, Key learning" in n for n in notifications(app))
    programme = _programme(path)
    assert programme.context == "A town with a strong LSP.\n\nThe Compact dates from 2004."
    assert programme.vision == "Equal partners in all things"
    assert programme.learning == "Start small, with a named champion."
    report = _report(sessions_dir)
    chapter = report[report.index("## Context and vision") : report.index("## The local partnership profile")]
    assert "A town with a strong LSP.\n\nThe Compact dates from 2004.\n" in chapter
    assert "Equal partners in all things" in chapter
    learning = report[report.index("## Key learning") :]
    assert "Start small, with a named champion." in learning


async def test_the_home_screen_opens_the_texts_of_the_highlighted_programme(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, mode="home")
    path = sessions_dir / "darlington-demo.json"
    with SessionStore(path) as store:
        from piptui.store.programme_ops import set_programme_text

        set_programme_text(store, vision="Partners as equals")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        home = await _wait_for(pilot, HomeScreen)
        for _ in patience():
            if home.programmes:
                break
            await pilot.pause(0.02)
        await pilot.press("t")
        dialog = await _wait_for(pilot, ProgrammeTextDialog)
        assert dialog.query_one("#vision", TextArea).text == "Partners as equals"
        await pilot.press("tab")
        await pilot.press("end")
        await type_text(pilot, " in every sector")
        await pilot.press("escape")  # cancelled: nothing written
        await _wait_for(pilot, HomeScreen)
        assert _programme(path).vision == "Partners as equals"
        await pilot.press("t")
        await _wait_for(pilot, ProgrammeTextDialog)
        await pilot.press("tab", "end")
        await type_text(pilot, " in every sector")
        await pilot.press("ctrl+s")
        await _wait_for(pilot, HomeScreen)
    assert _programme(path).vision == "Partners as equals in every sector"
    assert "Partners as equals in every sector" in _report(sessions_dir)


async def test_a_control_character_is_refused_beside_its_field_and_the_edits_stay(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    path = sessions_dir / "darlington-demo.json"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_ready(pilot)
        await pilot.press("ctrl+n")
        await _wait_for(pilot, PlanScreen)
        await pilot.press("t")
        dialog = await _wait_for(pilot, ProgrammeTextDialog)
        await type_text(pilot, "Context kept")
        await pilot.press("tab")
        vision = dialog.query_one("#vision", TextArea)
        vision.post_message(events.Paste("x\x1b]0;PWNED\x07 y \x9b2J"))  # a bracketed paste from the terminal
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "Vision holds a control character, ESC (U+001B)" in _message(dialog, "vision")
        assert _message(dialog, "context") == ""
        assert dialog.query_one("#context", TextArea).text == "Context kept"
        assert vision.has_focus
        assert _programme(path).vision == ""
        await pilot.press("end", "ctrl+u")  # the whole line of the vision, cleared
        await type_text(pilot, "Clean vision")
        await pilot.press("ctrl+s")
        await _wait_for(pilot, PlanScreen)
    programme = _programme(path)
    assert (programme.context, programme.vision) == ("Context kept", "Clean vision")


async def test_a_save_that_fails_keeps_the_dialog_open_with_its_edits(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    path = sessions_dir / "darlington-demo.json"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_ready(pilot)
        await pilot.press("ctrl+n")
        await _wait_for(pilot, PlanScreen)
        await pilot.press("t")
        dialog = await _wait_for(pilot, ProgrammeTextDialog)
        await type_text(pilot, "Typed before the disk went read-only")
        os.chmod(path, 0o444)
        try:
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is dialog
            assert "read-only" in _message(dialog, "save")
            assert dialog.query_one("#context", TextArea).text == "Typed before the disk went read-only"
        finally:
            os.chmod(path, 0o644)
        await pilot.press("ctrl+s")
        await _wait_for(pilot, PlanScreen)
    assert _programme(path).context == "Typed before the disk went read-only"


async def test_the_help_and_the_palette_offer_it(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await session_ready(pilot)
        await pilot.press("ctrl+n")
        await _wait_for(pilot, PlanScreen)
        await pilot.press("f1")
        for _ in patience():
            if "key learning" in screen_text(app):
                break
            await pilot.pause(0.05)
        assert "Write the programme's context, vision and key learning" in screen_text(app)
        await pilot.press("escape")
        await _wait_for(pilot, PlanScreen)
        await pilot.press("ctrl+p")
        await type_text(pilot, "context")
        for _ in patience():
            if "Context (t)" in screen_text(app):
                break
            await pilot.pause(0.05)
        assert "Context (t)" in screen_text(app)
        await pilot.press("enter")
        await _wait_for(pilot, ProgrammeTextDialog)

"""Counts read as English: "1 participant", "1 response" (the screens said "1 participants" and
"1 responses")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from textual.pilot import Pilot
from ui_support import demo_app, patience, screen_text, session_ready, type_text

from piptui.cli import main
from piptui.ui.app import PiptuiApp, create_app


async def until_text(pilot: Pilot[Any], app: PiptuiApp, words: str) -> str:
    text = ""
    for _ in patience():
        await pilot.pause(0.02)
        text = screen_text(app)
        if words in text:
            return text
    raise AssertionError(f"{words!r} never showed:\n{text}")


async def test_one_participant_is_a_participant(sessions_dir: Path) -> None:
    result = CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), "new", "sutton", "--area", "Sutton"])
    assert result.exit_code == 0, result.output
    app = create_app(sessions_dir=sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until_text(pilot, app, "sutton")
        await pilot.press("p")
        await until_text(pilot, app, "Nobody yet")
        await pilot.press("a")
        await until_text(pilot, app, "Add a participant")
        await type_text(pilot, "Jean Wilkinson")
        await pilot.press("tab")
        await type_text(pilot, "Sutton CVS")
        await pilot.press("tab", "enter", "down", "down", "down", "enter", "ctrl+s")
        text = await until_text(pilot, app, "came to session 1")
        assert "1 participant · 0 came to session 1" in text


async def test_one_response_is_a_response(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_ready(pilot)
        await pilot.press("ctrl+s")  # the survey
        await until_text(pilot, app, "Which sector do you work in?")
        await pilot.press("v", "ctrl+s")  # one form: a voluntary sector respondent
        await until_text(pilot, app, "1 response saved")
        await pilot.press("ctrl+r")  # the report
        text = await until_text(pilot, app, "invited: response rate")
        assert "1 response, 16 invited: response rate 6%" in text

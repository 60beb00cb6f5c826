"""A line half typed in the capture line is not lost when the facilitator opens another session
(Ctrl+R) or goes back to the programmes (Ctrl+B): it comes back in the next session screen's
capture line, to be finished and saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input
from ui_support import demo_app, notifications, patience, session_ready, type_text

from piptui.ui.screens.session import SessionScreen

HALF = "Half typed when the room moved on"


async def capture_of(pilot: Pilot[Any], number: int) -> Input:
    app = pilot.app
    for _ in patience():
        screen = app.screen
        if isinstance(screen, SessionScreen) and screen.number == number and screen.library is not None:
            await pilot.pause(0.1)
            return screen.query_one("#capture", Input)
        await pilot.pause(0.02)
    raise AssertionError(f"session {number} did not open ({app.screen!r})")


async def test_opening_another_session_keeps_the_half_typed_line(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_ready(pilot)
        await type_text(pilot, HALF)
        await pilot.press("ctrl+r")
        for _ in patience():
            if type(app.screen).__name__ == "PickDialog":
                break
            await pilot.pause(0.02)
        await pilot.press("5")
        line = await capture_of(pilot, 5)
        for _ in patience():
            if line.value:
                break
            await pilot.pause(0.02)
        assert line.value == HALF
        assert any("unsaved line" in n for n in notifications(app))


async def test_going_home_and_back_keeps_the_half_typed_line(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_ready(pilot)
        await type_text(pilot, HALF)
        await pilot.press("ctrl+b")
        for _ in patience():
            if type(app.screen).__name__ == "HomeScreen":
                break
            await pilot.pause(0.02)
        await pilot.pause(0.3)  # the list of programmes loads
        await pilot.press("enter")  # open the programme
        for _ in patience():
            if type(app.screen).__name__ == "PickDialog":
                break
            await pilot.pause(0.02)
        await pilot.press("enter")  # at its current session
        line = await capture_of(pilot, 3)
        for _ in patience():
            if line.value:
                break
            await pilot.pause(0.02)
        assert line.value == HALF

"""The lead opening another session keeps the room led all along: the other terminals never see
"nobody leads" (nor "Sue's terminal has gone") while the lead's terminal moves from session 3 to 5."""

from __future__ import annotations

from pathlib import Path

from ui_support import demo_app, patience, session_ready

from piptui.store import SessionStore
from piptui.store.room_ops import live_lead
from piptui.ui.screens.session import SessionScreen


def who_leads(path: Path) -> tuple[str | None, int]:
    """What another terminal reads: who leads the room, and its session."""
    with SessionStore(path) as store:
        programme = store.programme()
        lead = live_lead(programme)
        return (lead.person if lead else None), programme.current_session


async def test_opening_another_session_never_leaves_the_room_without_a_lead(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Sue")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        first = await session_ready(pilot)
        path = first.path
        for _ in patience():
            if first.leading:
                break
            await pilot.pause(0.02)
        assert who_leads(path) == ("Sue", 3)
        await pilot.press("ctrl+r")  # open which session?
        for _ in patience():
            if type(app.screen).__name__ == "PickDialog":
                break
            await pilot.pause(0.02)
        await pilot.press("5")
        seen: list[tuple[str | None, int]] = []
        for _ in patience(3.0):  # longer than the bars' one-second check
            await pilot.pause(0.02)
            seen.append(who_leads(path))
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.number == 5 and screen.leading
        assert seen[-1] == ("Sue", 5)
        assert all(person == "Sue" for person, _ in seen), f"the room had no lead at times: {set(seen)}"

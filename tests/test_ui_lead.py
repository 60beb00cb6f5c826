"""One terminal leads the room, driven by keys: browsing does not move the room, the lead's screen
is told when someone takes over, a dead lead frees the room, and the note-taker says where its
cards go when the room moves."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from ui_support import demo_app, notifications, patience, screen_text, session_ready

from piptui.store import SessionStore
from piptui.store.room_ops import RoomLead, live_lead
from piptui.ui.screens.notes import NotesScreen


async def eventually(pilot: Pilot[Any], condition: Any, timeout: float = 10.0) -> bool:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if condition():
            return True
        await pilot.pause(0.05)
    return bool(condition())


def room(path: Path) -> tuple[int, str | None, str | None]:
    """The room as the wall follows it: session, its current step, and who leads."""
    with SessionStore(path) as store:
        programme = store.programme()
        lead = live_lead(programme)
        return (
            programme.current_session,
            store.session(programme.current_session).current_step,
            lead.person if lead else None,
        )


async def test_the_first_facilitator_leads_and_a_second_browses_without_moving_the_room(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Sue")
    async with app.run_test(size=(110, 32), notifications=True) as pilot:
        screen = await session_ready(pilot)
        path = screen.path
        assert await eventually(pilot, lambda: screen.leading)
        assert room(path)[2] == "Sue" and "you lead the room" in screen.sub_title
        # Nigel, in another terminal, takes the lead at session 5 (piptui open NAME --session 5 --lead)
        with SessionStore(path) as other:
            RoomLead(other, "Nigel", pid=os.getppid()).take(5)
        assert await eventually(pilot, lambda: not screen.leading)
        assert any("Nigel took the lead" in m for m in notifications(app))
        assert "Nigel leads the room (session 5)" in screen_text(app) and "Ctrl+\\" in screen_text(app)
        before = room(path)
        await pilot.press("f6")  # next step: on this screen only
        await pilot.pause()
        assert room(path) == before and screen.step_ref != before[1]
        await pilot.press("f7")  # the room's timer is the lead's
        await pilot.pause()
        assert any("Only the lead runs the room's timer" in m for m in notifications(app))
        await pilot.press("ctrl+backslash")  # take the lead back: the room comes to this session and step
        assert await eventually(pilot, lambda: screen.leading)
        assert room(path) == (3, screen.step_ref, "Sue")


async def test_the_leading_screen_hears_of_a_takeover_at_once_and_keeps_its_heartbeat(sessions_dir: Path) -> None:
    """While it leads, the screen's own check runs only at each heartbeat (bench idle): another
    terminal taking the lead is heard of from the file's change, well before the next one."""
    app = demo_app(sessions_dir, author="Sue")
    async with app.run_test(size=(110, 32), notifications=True) as pilot:
        screen = await session_ready(pilot)
        assert await eventually(pilot, lambda: screen.leading)
        with SessionStore(screen.path) as store:
            first = live_lead(store.programme())
        assert first is not None and first.person == "Sue"
        # the heartbeat renews on its own (every 5 s), with nobody pressing anything
        assert await eventually(pilot, lambda: _heartbeat(screen.path) > first.heartbeat, timeout=8)
        await pilot.pause(0.3)  # just after a heartbeat: the next check is 5 s away
        with SessionStore(screen.path) as other:
            RoomLead(other, "Nigel", pid=os.getppid()).take(5)
        start = asyncio.get_running_loop().time()
        assert await eventually(pilot, lambda: not screen.leading, timeout=3)
        assert asyncio.get_running_loop().time() - start < 2.0
        assert "Nigel leads the room (session 5)" in screen_text(app)


def _heartbeat(path: Path) -> float:
    with SessionStore(path) as store:
        lead = store.programme().lead
    return lead.heartbeat if lead is not None else 0.0


async def test_a_dead_lead_frees_the_room_within_seconds(sessions_dir: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    app = demo_app(sessions_dir, author="Sue")
    try:
        async with app.run_test(size=(110, 32), notifications=True) as pilot:
            screen = await session_ready(pilot)
            assert await eventually(pilot, lambda: screen.leading)
            with SessionStore(screen.path) as other:
                RoomLead(other, "Nigel", pid=child.pid).take(4)
            assert await eventually(pilot, lambda: not screen.leading)
            child.kill()
            child.wait()
            assert await eventually(pilot, lambda: "Nobody leads the room" in screen_text(app))
            await pilot.press("ctrl+backslash")
            assert await eventually(pilot, lambda: screen.leading)
            assert room(screen.path)[0::2] == (3, "Sue")
    finally:
        if child.poll() is None:
            child.kill()


async def test_the_note_taker_says_where_its_cards_go_and_when_the_room_moves(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Jean", mode="notes")
    async with app.run_test(size=(100, 28), notifications=True) as pilot:
        for _ in patience():
            if isinstance(app.screen, NotesScreen) and app.screen.room is not None:
                break
            await pilot.pause(0.02)
        screen = app.screen
        assert "Your cards go to: Session 3 › Sorting" in screen_text(app)
        with SessionStore(screen.path) as lead:
            RoomLead(lead, "Sue", pid=os.getppid()).take(5)
            lead.set_current_step(5, "plan-review/progress")
        assert await eventually(pilot, lambda: "Your cards go to: Session 5" in screen_text(app))
        assert "Sue leads the room" in str(screen.query_one("#notes-target").render())
        assert any("The room moved: your cards now go to Session 5" in m for m in notifications(app))
        await pilot.press(*"Progress is slow", "enter")
        await pilot.pause()
        with SessionStore(screen.path) as store:
            assert [c.text for c in store.cards(session=5, step="plan-review/progress")] == ["Progress is slow"]

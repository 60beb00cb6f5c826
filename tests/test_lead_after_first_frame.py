"""The session screen writes its lead just after the first frame (the write's fsync is not on the
way to it): the room is led all the same, and a terminal that took the lead in between wins."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from test_ui_lead import eventually, room
from ui_support import demo_app, screen_text, session_ready

from piptui.store import SessionStore
from piptui.store.room_ops import RoomLead


async def test_the_screen_leads_and_the_file_says_so_once_the_first_frame_is_drawn(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Sue")
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await session_ready(pilot)
        assert screen.leading and "you lead the room" in screen.sub_title
        assert await eventually(pilot, lambda: room(screen.path)[2] == "Sue")


async def test_a_lead_taken_between_the_first_frame_and_the_write_wins(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = demo_app(sessions_dir, author="Sue")
    claim = RoomLead.claim_if_free

    def nigel_first(self: RoomLead, *args: Any, **kw: Any) -> bool:
        with SessionStore(self.store.path) as other:  # Nigel's terminal, just before ours writes
            RoomLead(other, "Nigel", pid=os.getppid()).take(5)
        return claim(self, *args, **kw)

    monkeypatch.setattr(RoomLead, "claim_if_free", nigel_first)
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await session_ready(pilot)
        assert await eventually(pilot, lambda: not screen.leading)
        assert room(screen.path)[2] == "Nigel"
        assert await eventually(pilot, lambda: "Nigel leads the room" in screen_text(app))
        assert "browsing" in screen.sub_title

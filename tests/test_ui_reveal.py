"""Hidden until revealed: the lead hides a step's cards from the wall (counts only) and reveals them.

The lead facilitator and the wall run as two apps on one programme file, in one event loop;
what the wall draws is read from its rendered screen, so a hidden card's text is known not to
be drawn at all.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from ui_support import board_lines, demo_app, notifications, patience, screen_text, session_ready

from piptui.domain.exercise import Step
from piptui.domain.model import Session
from piptui.domain.reveal import hidden_count_text, step_hidden, with_hidden
from piptui.store import SessionStore
from piptui.store.room_ops import RoomLead
from piptui.ui.screens.notes import LatestCards, NotesScreen
from piptui.ui.screens.session import SessionScreen
from piptui.ui.screens.session_reveal import HiddenNote
from piptui.ui.screens.wall import WallScreen
from piptui.ui.screens.wall_hidden import HiddenWall

ROOT = Path(__file__).resolve().parents[1]
SORT = "sorting/sort"
HIDE = "ctrl+right_square_bracket"


async def eventually(condition: Any, timeout: float = 10.0) -> bool:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if condition():
            return True
        await asyncio.sleep(0.05)
    return bool(condition())


async def wall_ready(pilot: Pilot[Any]) -> WallScreen:
    for _ in patience():
        screen = pilot.app.screen
        if isinstance(screen, WallScreen) and screen.room is not None:
            await pilot.pause()
            return screen
        await pilot.pause(0.02)
    raise AssertionError("the wall did not load")


def public_texts(path: Path) -> tuple[list[str], list[str]]:
    """The open and the confidential texts of the demo's current step."""
    with SessionStore(path) as store:
        cards = store.cards(session=3, step=SORT)
    return [c.text for c in cards if not c.confidential], [c.text for c in cards if c.confidential]


def test_the_lead_choice_overrides_the_script() -> None:
    step, hidden_step, session = Step("sort", "Sort"), Step("sort", "Sort", hidden=True), Session(3)
    assert not step_hidden(session, SORT, step) and step_hidden(session, SORT, hidden_step)
    hidden = with_hidden(session, SORT, True)
    assert step_hidden(hidden, SORT, step) and not step_hidden(hidden, "sorting/themes", step)
    revealed = with_hidden(hidden, SORT, False)
    assert not step_hidden(revealed, SORT, hidden_step)  # revealed wins over the script's `hidden: true`
    assert revealed.hidden_steps == () and revealed.revealed_steps == (SORT,)
    assert not step_hidden(session, None, hidden_step)
    assert hidden_count_text(1) == "1 card, hidden until revealed"
    assert hidden_count_text(7) == "7 cards, hidden until revealed"


def test_only_the_lead_writes_what_is_hidden(programme_file: Path) -> None:
    with SessionStore(programme_file) as store:
        lead = RoomLead(store, "Sue", pid=os.getpid())
        other = RoomLead(store, "Nigel", pid=os.getpid(), host="another-laptop")
        assert not lead.set_hidden(1, "a/b", True)  # nobody leads yet: nothing written
        lead.take(1)
        assert not other.set_hidden(1, "a/b", True)
        assert store.session(1).hidden_steps == ()
        assert lead.set_hidden(1, "a/b", True)
        assert store.session(1).hidden_steps == ("a/b",)
        assert lead.set_hidden(1, "a/b", False)
        assert (store.session(1).hidden_steps, store.session(1).revealed_steps) == ((), ("a/b",))


async def test_the_lead_hides_the_step_and_the_wall_shows_counts_only(sessions_dir: Path) -> None:
    lead_app = demo_app(sessions_dir, author="Sue", mode="session")
    wall_app = demo_app(sessions_dir, author=None, mode="wall")
    async with (
        lead_app.run_test(size=(160, 45), notifications=True) as lp,
        wall_app.run_test(size=(160, 45), notifications=True) as wp,
    ):
        lead = await session_ready(lp)
        wall = await wall_ready(wp)
        assert await eventually(lambda: lead.leading)
        public, secret = public_texts(lead.path)
        assert public and secret
        assert await eventually(lambda: public[0][:25] in screen_text(wall_app))  # shown before
        assert not wall.query_one(HiddenWall).display

        await lp.press(HIDE)
        assert await eventually(lambda: wall.query_one(HiddenWall).display)
        await wp.pause()
        drawn = screen_text(wall_app)
        for text in public + secret:
            assert text[:25] not in drawn  # not one card's words on the wall
        assert "Drivers" in drawn and "hidden until revealed" in drawn
        boxes = list(wall.query_one(HiddenWall).query(".wall-hidden-column"))
        titles = [str(b.border_title) for b in boxes]
        assert [t.rsplit("  ", 1)[0] for t in titles] == [
            "Drivers",
            "Benefits",
            "Difficult aspects",
            "Obstacles and barriers",
        ]
        assert sum(int(t.rsplit("  ", 1)[1]) for t in titles) == len(public)  # confidential cards not counted
        assert "Organisation:" in drawn  # a dimension's sub-groups keep their counts
        # the lead still sees the cards, and is told the wall does not
        assert public[0] in "\n".join(board_lines(lead))
        lead_screen = screen_text(lead_app)
        assert f"Hidden from the wall: it shows the count only ({len(public)} cards)" in lead_screen
        assert "Ctrl+] reveals them" in lead_screen
        with SessionStore(lead.path) as store:
            assert store.session(3).hidden_steps == (SORT,)

        await lp.press(HIDE)  # reveal
        assert await eventually(lambda: not wall.query_one(HiddenWall).display)
        assert await eventually(lambda: public[0][:25] in screen_text(wall_app))
        assert "hidden until revealed" not in screen_text(wall_app)
        await lp.pause()
        assert not lead.query_one(HiddenNote).display  # the lead's line about the wall has gone
        assert any("Revealed" in n for n in notifications(lead_app))


async def test_a_step_the_script_hides_opens_hidden_until_the_lead_reveals_it(
    sessions_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "my-exercises"
    folder.mkdir()
    script = (ROOT / "exercises" / "sorting.yaml").read_text(encoding="utf-8")
    marked = script.replace(
        "    mode: sort\n    timebox: 35\n", "    mode: sort\n    timebox: 35\n    hidden: true\n", 1
    )
    assert marked != script
    (folder / "sorting.yaml").write_text(marked, encoding="utf-8")
    wall_app = demo_app(sessions_dir, author=None, mode="wall", exercise_dirs=[folder])
    async with wall_app.run_test(size=(80, 24), notifications=True) as wp:
        wall = await wall_ready(wp)
        assert await eventually(lambda: wall.query_one(HiddenWall).display)
        public, secret = public_texts(wall.path)
        drawn = screen_text(wall_app)
        assert f"Cards {len(public)} · hidden until revealed" in drawn  # 80 wide: one list of counts
        assert "Drivers:" in drawn
        assert not any(text[:25] in drawn for text in public + secret)
        lead_app = demo_app(sessions_dir, author="Sue", mode="session", exercise_dirs=[folder])
        async with lead_app.run_test(size=(110, 32), notifications=True) as lp:
            lead = await session_ready(lp)
            assert await eventually(lambda: lead.leading)
            await lp.pause()
            assert "Hidden from the wall" in screen_text(lead_app)
            await lp.press(HIDE)
            assert await eventually(lambda: not wall.query_one(HiddenWall).display)
            with SessionStore(lead.path) as store:
                assert store.session(3).revealed_steps == (SORT,)


async def test_a_browsing_facilitator_cannot_hide_the_room(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Nigel", mode="session")
    async with app.run_test(size=(110, 32), notifications=True) as pilot:
        screen = await session_ready(pilot)
        with SessionStore(screen.path) as store:
            RoomLead(store, "Sue", pid=os.getppid(), host="another-laptop").take(3)  # someone else leads
        assert await eventually(lambda: not screen.leading)
        await pilot.press(HIDE)
        await pilot.pause()
        assert any("Only the lead hides or reveals" in n for n in notifications(app))
        with SessionStore(screen.path) as store:
            assert store.session(3).hidden_steps == ()
        assert isinstance(app.screen, SessionScreen)


async def test_the_note_taker_still_sees_the_cards_and_is_told_the_wall_does_not(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Jean", mode="notes")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for _ in patience():
            if isinstance(app.screen, NotesScreen) and app.screen.room is not None:
                break
            await pilot.pause(0.02)
        screen = app.screen
        public, _ = public_texts(screen.path)
        with SessionStore(screen.path) as store:
            lead = RoomLead(store, "Sue", pid=os.getppid(), host="another-laptop")
            lead.take(3)
            lead.set_hidden(3, SORT, True)
        assert await eventually(lambda: "hidden from the wall until revealed" in screen_text(app))
        assert any(public[0][:25] in str(o.prompt) for o in screen.query_one(LatestCards).options)

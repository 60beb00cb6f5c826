"""The note-taker and the wall: what they show, what they never show, and that they follow the room."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Digits, Input
from ui_support import demo_app, notifications, patience, screen_text, type_text

from piptui.domain.model import Timer
from piptui.store import SessionStore
from piptui.ui.room import RoomScreen
from piptui.ui.screens.notes import NOTES_BINDINGS, LatestCards, NotesScreen
from piptui.ui.screens.wall import WallBoard, WallScreen

SORT = "sorting/sort"
THEMES = "sorting/themes"
# the facilitator notes of the demo's current step (exercises/sorting.yaml), never on the wall
NOTES_WORDS = "Read out the four dimensions"


async def live_ready(pilot: Pilot[Any], cls: type[RoomScreen]) -> Any:
    """The screen of ``cls`` once it has drawn the room."""
    for _ in patience():
        screen = pilot.app.screen
        if isinstance(screen, cls) and screen.room is not None:
            await pilot.pause()
            return screen
        await pilot.pause(0.01)
    raise AssertionError(f"the {cls.__name__} did not load (screen is {pilot.app.screen!r})")


async def eventually(pilot: Pilot[Any], condition: Any, timeout: float = 10.0) -> bool:
    """Poll ``condition`` while the app runs (the watcher polls every 0.25 s); no timing asserted."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if condition():
            return True
        await pilot.pause(0.05)
    return bool(condition())


def latest_texts(screen: NotesScreen) -> list[str]:
    return [str(o.prompt) for o in screen.query_one(LatestCards).options]


def wall_texts(screen: WallScreen) -> list[str]:
    return [str(o.prompt) for o in screen.query_one(WallBoard).options]


# -- the note-taker -----------------------------------------------------------------


async def test_notes_capture_records_the_note_taker_and_lists_the_card(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Jean", mode="notes")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await live_ready(pilot, NotesScreen)
        assert screen.focused is screen.query_one("#capture")
        capture = screen.query_one("#capture", Input)
        await type_text(pilot, "! [red]Nobody answers the phone[/] #barriers-organisation @vcs >council")
        await pilot.press("enter")
        with SessionStore(screen.path) as store:
            card = store.cards(session=3, step=SORT)[-1]
        assert card.text == "[red]Nobody answers the phone[/]"
        assert (card.author, card.column, card.confidential) == ("Jean", "barriers-organisation", True)
        assert card.sector is not None and card.sector.value == "vcs"
        assert capture.value == ""
        await pilot.pause()
        assert latest_texts(screen)[-1].startswith("▍! [red]Nobody answers the phone[/]")
        assert latest_texts(screen)[-1].endswith("· Jean")
        assert "Notes by Jean" in screen.sub_title


async def test_notes_refuses_an_empty_card_and_clears_the_shortcuts(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Jean", mode="notes")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await live_ready(pilot, NotesScreen)
        before = len(latest_texts(screen))
        capture = screen.query_one("#capture", Input)
        await type_text(pilot, "#drivers @vcs")
        await pilot.press("enter")
        await pilot.pause()
        assert capture.value == ""  # refused and cleared (issue 15): the next card starts clean
        assert any("nothing was saved" in n for n in notifications(app))
        assert len(latest_texts(screen)) == before


async def test_notes_has_no_destructive_keys(sessions_dir: Path) -> None:
    actions = " ".join(str(getattr(b, "action", b)) for b in NOTES_BINDINGS)
    for word in ("edit", "delete", "move", "shift", "clusters", "plan"):  # undo: only the note-taker's own
        assert word not in actions
    app = demo_app(sessions_dir, author="Jean", mode="notes")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await live_ready(pilot, NotesScreen)
        token = screen.store.change_token()
        await pilot.press("tab")  # the list never takes the focus
        assert not screen.query_one(LatestCards).has_focus
        for key in ("f2", "f3", "d", "delete", "ctrl+z", "ctrl+y", "f6", "f7", "escape"):
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert screen.store.change_token() == token  # nothing written


async def test_notes_follows_the_facilitator_to_the_next_step(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Jean", mode="notes")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await live_ready(pilot, NotesScreen)
        with SessionStore(screen.path, author="Ann") as facilitator:
            facilitator.set_current_step(3, THEMES)
        assert await eventually(pilot, lambda: screen.room.step_ref == THEMES)
        await pilot.pause()
        assert "Find the themes" in str(screen.query_one("#step-title").render())
        screen.capture("A theme: trust")
        with SessionStore(screen.path) as store:
            (card,) = store.cards(session=3, step=THEMES)
        assert (card.text, card.author) == ("A theme: trust", "Jean")


# -- the wall -----------------------------------------------------------------------


async def test_the_wall_never_shows_a_confidential_card_nor_the_facilitator_notes(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author=None, mode="wall")
    # 100 wide: the one list (from about 4 x 28 cells the dimensions go side by side: test_ui_wall_columns)
    async with app.run_test(size=(100, 48), notifications=True) as pilot:
        screen = await live_ready(pilot, WallScreen)
        with SessionStore(screen.path) as store:
            cards = store.cards(session=3, step=SORT)
        secret = [c for c in cards if c.confidential]
        assert secret, "the demo has a confidential card on this step"
        with SessionStore(screen.path, author="Ann") as facilitator:
            new_secret = facilitator.add_card(
                "Said in confidence: the chief exec will not come",
                session=3,
                step=SORT,
                column="barriers-power",
                confidential=True,
            )
            public = facilitator.add_card(
                "Said in the open: meetings are at 10am", session=3, step=SORT, column="barriers-power"
            )
        assert await eventually(pilot, lambda: any("meetings are at 10am" in t for t in wall_texts(screen)))
        shown = "\n".join(wall_texts(screen))
        text = screen_text(app)
        for card in [*secret, new_secret]:
            assert card.text not in shown
            assert card.text[:30] not in text
        assert "!" not in "".join(t[:3] for t in wall_texts(screen))  # no confidential marker either
        assert public.text in shown
        assert NOTES_WORDS not in text
        public_count = sum(not c.confidential for c in cards) + 1
        assert screen.query_one(WallBoard).border_title is not None
        assert str(screen.query_one(WallBoard).border_title) == f"Cards {public_count}"
        power = next(t for t in wall_texts(screen) if "Power" in t and not t.startswith("▍"))
        power_public = sum(c.column == "barriers-power" and not c.confidential for c in cards) + 1
        assert power.endswith(f"  {power_public}")  # heading counts leave confidential cards out


async def test_a_card_made_confidential_later_leaves_the_wall(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author=None, mode="wall")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await live_ready(pilot, WallScreen)
        with SessionStore(screen.path, author="Ann") as facilitator:
            card = facilitator.add_card("Shown at first", session=3, step=SORT)
            assert await eventually(pilot, lambda: any("Shown at first" in t for t in wall_texts(screen)))
            facilitator.edit_card(card.id, confidential=True)
        assert await eventually(pilot, lambda: not any("Shown at first" in t for t in wall_texts(screen)))


async def test_the_wall_follows_session_step_and_timer(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author=None, mode="wall")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await live_ready(pilot, WallScreen)
        assert screen.room.session.number == 3 and screen.room.step_ref == SORT
        with SessionStore(screen.path, author="Ann") as facilitator:
            facilitator.set_current_step(3, THEMES, timer=Timer(duration=600))
        assert await eventually(pilot, lambda: screen.room.step_ref == THEMES)
        await pilot.pause()
        assert "Which themes run through the columns" in screen_text(app)
        assert screen.query_one("#wall-timer", Digits).value == "10:00"
        assert "paused" in screen_text(app)
        with SessionStore(screen.path, author="Ann") as facilitator:
            facilitator.set_timer(3, Timer(duration=600, started_at=0.0))  # started long ago: over time
        assert await eventually(pilot, lambda: screen.query_one("#wall-timer", Digits).value.startswith("+"))
        assert screen.query_one("#wall-clock").has_class("-overrun")
        with SessionStore(screen.path, author="Ann") as facilitator:
            facilitator.set_current_session(2)
        assert await eventually(pilot, lambda: screen.room.session.number == 2)


async def test_a_wall_given_a_session_stays_on_it(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author=None, mode="wall", session=2)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await live_ready(pilot, WallScreen)
        assert screen.room.session.number == 2
        with SessionStore(screen.path, author="Ann") as facilitator:
            facilitator.set_current_session(4)
        await pilot.pause(0.6)
        assert screen.room.session.number == 2


async def test_the_wall_never_writes(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Ann", mode="wall")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await live_ready(pilot, WallScreen)
        token = screen.store.change_token()
        assert screen.store.author is None  # even when opened --as someone
        for key in ("tab", "enter", "d", "e", "m", "f2", "f7", "ctrl+z", "pagedown", "pageup", "x"):
            await pilot.press(key)
        await pilot.click(WallBoard, offset=(4, 2))
        await pilot.click(WallBoard, offset=(4, 2))
        await pilot.pause(0.3)
        assert isinstance(app.screen, WallScreen)
        assert screen.store.change_token() == token
        assert not screen.query_one(WallBoard).has_focus


async def test_the_wall_says_once_when_the_file_goes(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author=None, mode="wall")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await live_ready(pilot, WallScreen)
        screen.path.unlink()
        assert await eventually(pilot, lambda: any("has gone" in n for n in notifications(app)))
        await pilot.pause(0.6)
        assert sum("has gone" in n for n in notifications(app)) == 1


async def test_a_session_the_programme_lacks_falls_back_home_with_the_reason(sessions_dir: Path) -> None:
    from piptui.programmes import ensure_demo
    from piptui.ui.app import create_app
    from piptui.ui.screens.home import HomeScreen

    path = ensure_demo(sessions_dir)
    with SessionStore(path) as store:
        missing = max(s.number for s in store.sessions()) + 1
    for mode in ("notes", "wall"):
        app = create_app(sessions_dir=sessions_dir, programme=path, session=missing, mode=mode)  # type: ignore[arg-type]
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert any(f"no session {missing}" in n for n in notifications(app))

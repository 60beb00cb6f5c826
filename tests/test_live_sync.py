"""Several terminals on one programme: each sees the others' cards; conflicts end in a clear message.

Apps run side by side in one event loop (``run_test`` each); waits poll for up to a few
seconds (the watcher polls every 0.25 s) and never assert a duration.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input
from ui_support import board_lines, demo_app, notifications, patience, session_ready, type_text

from piptui.errors import Conflict, NotFound
from piptui.store import SessionStore
from piptui.ui.screens.dialogs import EditCardDialog
from piptui.ui.screens.notes import LatestCards, NotesScreen
from piptui.ui.screens.session import SessionScreen
from piptui.ui.screens.wall import WallBoard, WallScreen
from piptui.ui.widgets.board import Board

SORT = "sorting/sort"


async def eventually(condition: Any, timeout: float = 10.0) -> bool:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if condition():
            return True
        await asyncio.sleep(0.05)
    return bool(condition())


async def live_ready(pilot: Pilot[Any], cls: type) -> Any:
    for _ in patience():
        screen = pilot.app.screen
        if isinstance(screen, cls) and getattr(screen, "room", None) is not None:
            return screen
        await pilot.pause(0.01)
    raise AssertionError(f"{cls.__name__} did not load")


def options(screen: Any, widget: type) -> str:
    return "\n".join(str(o.prompt) for o in screen.query_one(widget).options)


async def type_into(pilot: Pilot[Any], text: str) -> None:
    assert pilot.app.screen.query_one("#capture", Input).has_focus
    await type_text(pilot, text)
    await pilot.press("enter")


async def test_cards_typed_in_two_terminals_show_in_all_three(sessions_dir: Path) -> None:
    """The facilitator, a note-taker and the wall, each its own app, on one file."""
    facilitator = demo_app(sessions_dir, author="Ann", mode="session")
    note_taker = demo_app(sessions_dir, author="Jean", mode="notes")
    wall = demo_app(sessions_dir, author=None, mode="wall")
    async with (
        facilitator.run_test(size=(80, 24), notifications=True) as fp,
        note_taker.run_test(size=(80, 24), notifications=True) as np,
        wall.run_test(size=(80, 24), notifications=True) as wp,
    ):
        session = await session_ready(fp)
        notes = await live_ready(np, NotesScreen)
        wall_screen = await live_ready(wp, WallScreen)
        await type_into(fp, "Typed by the facilitator #barriers-power")
        await type_into(np, "Typed by the note-taker @vcs")
        for text in ("Typed by the facilitator", "Typed by the note-taker"):
            assert await eventually(lambda t=text: t in "\n".join(board_lines(session))), text
            assert await eventually(lambda t=text: t in options(notes, LatestCards)), text
            assert await eventually(lambda t=text: t in options(wall_screen, WallBoard)), text
        with SessionStore(session.path) as store:
            authors = {c.text: c.author for c in store.cards(session=3, step=SORT)}
        assert authors["Typed by the facilitator"] == "Ann"
        assert authors["Typed by the note-taker"] == "Jean"


async def test_a_card_added_by_a_script_appears_on_an_open_board(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Ann")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        with SessionStore(screen.path, author="script") as other:
            card = other.add_card("From piptui add in another process", session=3, step=SORT)
        assert await eventually(lambda: card.id in screen.query_one(Board).card_ids)


async def test_a_card_added_while_the_plan_is_open_is_on_the_board_on_escape(sessions_dir: Path) -> None:
    """Under the plan the session screen hears nothing (its wake-ups repainted the whole plan);
    back on top it catches up at once."""
    from piptui.ui.screens.plan import PlanScreen

    app = demo_app(sessions_dir, author="Ann")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.press("ctrl+n")
        assert await eventually(lambda: isinstance(app.screen, PlanScreen))
        await pilot.pause(0.3)
        shown = screen.shown_snapshot
        with SessionStore(screen.path, author="script") as other:
            card = other.add_card("Said while the plan was open", session=3, step=SORT)
        plan = app.screen
        assert await eventually(lambda: any(c.id == card.id for c in plan.snapshot.cards))  # the app heard of it
        await pilot.pause(0.3)
        assert screen.shown_snapshot is shown and card.id not in screen.query_one(Board).card_ids
        await pilot.press("escape")
        assert await eventually(lambda: card.id in screen.query_one(Board).card_ids)
        assert "Said while the plan was open" in "\n".join(board_lines(screen))


async def test_editing_a_card_someone_deleted_says_so(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Ann")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        card_id = screen.query_one(Board).highlighted_card_id
        assert card_id is not None
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, EditCardDialog)
        with SessionStore(screen.path, author="Bo") as other:
            other.delete_card(card_id)
        await type_text(pilot, "My edit, too late", replace=True)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert any("no longer there" in n for n in notifications(app))
        assert card_id not in screen.query_one(Board).card_ids


def test_two_facilitators_editing_one_card_the_later_wins_and_undo_restores(programme_file: Path) -> None:
    with SessionStore(programme_file, author="ann") as ann, SessionStore(programme_file, author="bo") as bo:
        card = ann.add_card("Original text")
        ann.edit_card(card.id, text="Ann's wording")
        bo.edit_card(card.id, text="Bo's wording")  # later: wins
        assert ann.card(card.id).text == "Bo's wording"
        assert (ann.card(card.id).edited_by) == "bo"
        # Ann's text is kept in the history: Bo's undo brings it back
        events = [e for e in ann.raw()["events"].values() if e["author"] == "bo"]
        (change,) = events[-1]["changes"]
        assert change[2]["text"] == "Ann's wording"
        # Ann cannot undo over Bo's change: a clear message, nothing changed
        try:
            ann.undo()
        except Conflict as exc:
            assert "changed since by someone else" in exc.message
        else:
            raise AssertionError("undo over someone else's later edit must refuse")
        assert bo.undo() == "edit card"
        assert ann.card(card.id).text == "Ann's wording"
        assert ann.undo() == "edit card"  # now Ann can step back too
        assert bo.card(card.id).text == "Original text"


def test_editing_a_deleted_card_is_not_found(programme_file: Path) -> None:
    with SessionStore(programme_file, author="ann") as ann, SessionStore(programme_file, author="bo") as bo:
        card = ann.add_card("Soon gone")
        bo.delete_card(card.id)
        for attempt in (
            lambda: ann.edit_card(card.id, text="x"),
            lambda: ann.move_card(card.id, "drivers"),
            lambda: ann.delete_card(card.id),
        ):
            try:
                attempt()
            except NotFound as exc:
                assert "no longer there" in exc.message
            else:
                raise AssertionError("expected NotFound")


async def test_the_session_screen_records_who_captured_and_who_edited(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Ann")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await type_into(pilot, "Signed by Ann")
        await pilot.pause()
        card_id = screen.query_one(Board).highlighted_card_id
        with SessionStore(screen.path) as store:
            assert store.card(card_id).author == "Ann"
        with SessionStore(screen.path, author="Bo") as bo:
            bo.edit_card(card_id, text="Reworded by Bo")
            assert bo.card(card_id).edited_by == "Bo"
            assert bo.card(card_id).author == "Ann"  # who captured it does not change


async def test_a_tui_piptui_add_and_the_api_writing_at_once_lose_nothing(sessions_dir: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    from helpers_procs import WRITER, finish, start_together

    app = demo_app(sessions_dir, author="Ann")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        path = screen.path
        with SessionStore(path) as store:
            before = {c.id for c in store.cards()}
        go = tmp_path / "go"
        writers = start_together([[WRITER, str(path), f"api{k}", "60", str(go)] for k in range(2)], go)
        adds = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "piptui",
                    "--sessions-dir",
                    str(sessions_dir),
                    "add",
                    "darlington-demo",
                    f"cli card {k}",
                    "--by",
                    f"cli{k}",
                ],
                stdout=subprocess.DEVNULL,
            )
            for k in range(4)
        ]
        for i in range(20):
            await type_into(pilot, f"tui card {i}")
        await asyncio.to_thread(finish, writers)
        assert [await asyncio.to_thread(p.wait, 60) for p in adds] == [0, 0, 0, 0]
        with SessionStore(path) as store:
            new = [c for c in store.cards() if c.id not in before]
        expected = (
            [f"tui card {i}" for i in range(20)]
            + [f"cli card {k}" for k in range(4)]
            + [f"api{k} card {i}" for k in range(2) for i in range(60)]
        )
        assert sorted(c.text for c in new) == sorted(expected)
        assert await eventually(
            lambda: {c.id for c in new if c.step == SORT and c.session == 3} <= set(screen.query_one(Board).card_ids)
        )

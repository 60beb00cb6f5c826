"""The participants screen and the session details dialog, driven by keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input
from ui_support import demo_app, patience, screen_text, session_ready

from piptui.domain.model import Sector
from piptui.store import SessionStore
from piptui.ui.screens.participants import ParticipantsScreen


async def _wait_for(pilot, kind):  # type: ignore[no-untyped-def]
    for _ in patience():
        if isinstance(pilot.app.screen, kind):
            await pilot.pause()
            return pilot.app.screen
        await pilot.pause(0.01)
    raise AssertionError(f"no {kind.__name__} (screen is {pilot.app.screen!r})")


def rows(screen: ParticipantsScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_add_a_person_from_the_session_screen_checks_each_field(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await session_ready(pilot)
        await pilot.press("f10")
        screen = await _wait_for(pilot, ParticipantsScreen)
        before = len(rows(screen))
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+s")  # nothing typed: a message beside the name and the sector
        await pilot.pause()
        text = screen_text(app)
        assert "A name cannot be empty" in text and "Choose the sector they work in" in text
        await pilot.press(*"tom askew")  # a name already there is refused in place
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "tom askew is a participant already" in screen_text(app)
        await pilot.press(
            *["backspace"] * 10,
            *"Zoe Hart",
            "tab",
            *"Age UK",
            "tab",
            "enter",
            "down",
            "down",
            "down",
            "enter",
            "tab",
            *"director",
            "ctrl+s",
        )
        for _ in patience():
            await pilot.pause(0.02)
            if len(rows(screen)) == before + 1:
                break
        zoe = next(r for r in rows(screen) if r[0] == "Zoe Hart")
        assert zoe[1:4] == ["Age UK", "VCS", "director"]
    with SessionStore(sessions_dir / "darlington-demo.json") as store:
        assert any(p.name == "Zoe Hart" and p.sector is Sector.VCS for p in store.participants())


async def test_tick_attendance_and_remove_with_undo(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await session_ready(pilot)
        await pilot.press("f10")
        screen = await _wait_for(pilot, ParticipantsScreen)
        with SessionStore(sessions_dir / "darlington-demo.json") as store:
            leads = {o.council_lead for o in store.objectives()} | {o.vcs_lead for o in store.objectives()}
        at = next(i for i, p in enumerate(screen.people) if p.id not in leads)
        first = rows(screen)[at][0]
        await pilot.press(*["down"] * at, "space")
        await pilot.pause()
        assert rows(screen)[at][4] == "✓ came"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        for _ in patience():
            await pilot.pause(0.02)
            if first not in [r[0] for r in rows(screen)]:
                break
        assert first not in [r[0] for r in rows(screen)]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert rows(screen)[at][0] == first and rows(screen)[at][4] == "✓ came"
        await pilot.press("escape")
        await session_ready(pilot)


async def test_session_details_dialog_refuses_a_bad_date_beside_the_field(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.press("f12")
        await pilot.pause()
        await pilot.press(*["backspace"] * 10, *"2008-02-30", "ctrl+s")
        await pilot.pause()
        assert "'2008-02-30' is not a date" in screen_text(app)
        await pilot.press(*["backspace"] * 10, *"2008-04-01", "tab", *"Dolphin Centre", "ctrl+s")
        for _ in patience():
            await pilot.pause(0.02)
            if screen.session.venue == "Dolphin Centre":
                break
        assert screen.session.date == "2008-04-01" and screen.session.venue == "Dolphin Centre"


async def test_opening_from_home_asks_who_you_are_and_remembers_it(
    sessions_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from piptui.programmes import ensure_demo
    from piptui.store.whoami import me_file
    from piptui.ui.app import create_app
    from piptui.ui.screens.people_dialogs import NameDialog

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    ensure_demo(sessions_dir)
    app = create_app(sessions_dir=sessions_dir)
    async with app.run_test(size=(90, 30), notifications=True) as pilot:
        for _ in patience():
            await pilot.pause(0.02)
            if app.screen.query(DataTable) and app.screen.query_one(DataTable).row_count:
                break
        await pilot.press("enter", "3")
        await _wait_for(pilot, NameDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert "Your name cannot be empty" in screen_text(app)
        await pilot.press(*"Jean Wilkinson", "enter")
        screen = await session_ready(pilot)
        assert screen.author == "Jean Wilkinson" and screen.store.author == "Jean Wilkinson"
    assert "Jean Wilkinson" in me_file().read_text(encoding="utf-8")
    again = create_app(sessions_dir=sessions_dir)
    async with again.run_test(size=(90, 30), notifications=True) as pilot:
        for _ in patience():
            await pilot.pause(0.02)
            if again.screen.query(DataTable) and again.screen.query_one(DataTable).row_count:
                break
        await pilot.press("enter", "3")
        dialog = await _wait_for(pilot, NameDialog)
        assert dialog.query_one("#name", Input).value == "Jean Wilkinson"


async def test_the_home_screen_opens_the_participants_with_p(sessions_dir: Path) -> None:
    from piptui.programmes import ensure_demo
    from piptui.ui.app import create_app
    from piptui.ui.screens.home import HomeScreen

    ensure_demo(sessions_dir)
    app = create_app(sessions_dir=sessions_dir)
    async with app.run_test(size=(90, 30), notifications=True) as pilot:
        for _ in patience():
            await pilot.pause(0.02)
            if app.screen.query(DataTable) and app.screen.query_one(DataTable).row_count:
                break
        await pilot.press("p")
        screen = await _wait_for(pilot, ParticipantsScreen)
        assert "Margaret Hollis" in [r[0] for r in rows(screen)]
        await pilot.press("escape")
        await _wait_for(pilot, HomeScreen)

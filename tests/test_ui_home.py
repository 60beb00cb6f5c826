"""Pilot tests of the home screen: list, create, open at a session."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input
from ui_support import notifications, patience, screen_text, session_ready

from piptui.programmes import ensure_demo
from piptui.store import SessionStore
from piptui.ui.app import create_app
from piptui.ui.screens.dialogs import NewProgrammeDialog, PickDialog
from piptui.ui.screens.home import HomeScreen


async def _rows(pilot, count: int) -> DataTable:  # type: ignore[no-untyped-def]
    table = pilot.app.screen.query_one(DataTable)
    for _ in patience():
        if table.row_count >= count:
            return table
        await pilot.pause(0.01)
    raise AssertionError(f"expected {count} rows, have {table.row_count}")


async def test_home_lists_programmes_with_counts(sessions_dir: Path) -> None:
    ensure_demo(sessions_dir)
    (sessions_dir / "broken.json").write_text("{not json")
    app = create_app(sessions_dir=sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await _rows(pilot, 2)
        for _ in patience():  # the rows are in the table; on a loaded machine the frame comes later
            if "Darlington" in screen_text(app):
                break
            await pilot.pause(0.02)
        text = screen_text(app)
        listed = [(p.name, p.area, p.error) for p in app.screen.programmes]
        assert "darlington-demo" in text and "Darlington" in text, f"{listed}\n{text}"
        assert "cannot be opened" in text
        demo = next(p for p in app.screen.programmes if p.name == "darlington-demo")
        assert demo.cards > 0 and demo.sessions_held >= 2
        assert str(demo.cards) in text


async def test_create_a_programme_from_the_dialog(sessions_dir: Path) -> None:
    app = create_app(sessions_dir=sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert "No programmes yet" in screen_text(app)
        await pilot.press("n")
        for _ in patience():
            if isinstance(app.screen, NewProgrammeDialog):
                break
            await pilot.pause(0.01)
        assert isinstance(app.screen, NewProgrammeDialog)
        await pilot.press(*"sutton-2009")
        await pilot.press("tab")
        await pilot.press(*"Sutton")
        await pilot.press("ctrl+s")
        await _rows(pilot, 1)
        path = sessions_dir / "sutton-2009.json"
        assert path.exists()
        with SessionStore(path) as store:
            assert store.programme().area == "Sutton"
            assert len(store.sessions()) >= 4
        assert any("Created sutton-2009" in m for m in notifications(app))


async def test_a_bad_name_is_refused_with_a_message(sessions_dir: Path) -> None:
    app = create_app(sessions_dir=sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("n")
        for _ in patience():
            if isinstance(app.screen, NewProgrammeDialog):
                break
            await pilot.pause(0.01)
        app.screen.query_one("#name", Input).value = "no spaces allowed"
        app.screen.query_one("#area", Input).value = "Sutton"
        dialog = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not a usable programme name" in screen_text(app)  # beside the buttons, the dialog open
        assert app.screen is dialog and dialog.query_one("#area", Input).value == "Sutton"
        assert not list(sessions_dir.glob("*.json"))


async def test_open_a_programme_at_a_session(sessions_dir: Path) -> None:
    ensure_demo(sessions_dir)
    app = create_app(sessions_dir=sessions_dir, author="ann")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _rows(pilot, 1)
        await pilot.press("enter")
        assert isinstance(app.screen, PickDialog)
        await pilot.press("2")
        screen = await session_ready(pilot)
        assert screen.number == 2
        with SessionStore(screen.path) as store:
            assert store.programme().current_session == 2
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_session_the_programme_lacks_falls_back_to_home(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    app = create_app(sessions_dir=sessions_dir, programme=path, session=9, mode="session")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("no session 9" in m for m in notifications(app))


async def test_opening_another_programme_replaces_the_live_one(sessions_dir: Path) -> None:
    from piptui.domain.model import Programme, Session

    ensure_demo(sessions_dir)
    other = sessions_dir / "zz-other.json"
    SessionStore.create(other, Programme(name="zz-other", area="Elsewhere"), sessions=[Session(1, title="One")]).close()
    app = create_app(sessions_dir=sessions_dir, author="ann")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _rows(pilot, 2)
        await pilot.press("enter")  # the demo (first row)
        assert isinstance(app.screen, PickDialog)
        await pilot.press("enter")
        first = await session_ready(pilot)
        demo_live = app.live
        assert demo_live is not None and first.live is demo_live and demo_live.path.name == "darlington-demo.json"
        await pilot.press("ctrl+b")
        await _rows(pilot, 2)
        await pilot.press("down", "enter")
        for _ in patience():
            await pilot.pause(0.01)
            if isinstance(app.screen, PickDialog):
                break
        await pilot.press("enter")
        second = await session_ready(pilot)
        assert app.live is not demo_live and app.live is not None and app.live.path.name == "zz-other.json"
        assert second.live is app.live and demo_live.watcher.kind is None  # the old one's watcher stopped

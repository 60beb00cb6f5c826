"""The change watcher: a write from anywhere becomes one ProgrammeChanged, idle polls post nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.app import App, ComposeResult

from piptui.store import SessionStore
from piptui.ui.watch import ProgrammeChanged, ProgrammeWatcher


class WatchApp(App[None]):
    def __init__(self, store: SessionStore, interval: float = 0.05) -> None:
        super().__init__()
        self.store = store
        self.interval = interval
        self.seen: list[ProgrammeChanged] = []

    def compose(self) -> ComposeResult:
        yield ProgrammeWatcher(self.store, interval=self.interval)

    def on_programme_changed(self, message: ProgrammeChanged) -> None:
        self.seen.append(message)


async def wait_for(condition, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if condition():
            return True
        await asyncio.sleep(0.02)
    return bool(condition())


async def test_a_write_from_another_store_posts_one_message(programme_file: Path) -> None:
    with SessionStore(programme_file) as mine, SessionStore(programme_file, author="bo") as other:
        app = WatchApp(mine)
        async with app.run_test() as pilot:
            await pilot.pause(0.2)
            assert app.seen == []  # the baseline is not a change
            other.add_card("from another terminal")
            assert await wait_for(lambda: len(app.seen) == 1)
            assert app.seen[0].token == mine.change_token()
            await pilot.pause(0.2)
            assert len(app.seen) == 1  # nothing more while nothing changes
            assert [c.text for c in mine.cards()] == ["from another terminal"]


async def test_check_polls_at_once_and_reports_a_vanished_file(programme_file: Path) -> None:
    with SessionStore(programme_file) as mine:
        app = WatchApp(mine, interval=60)
        async with app.run_test() as pilot:
            watcher = app.query_one(ProgrammeWatcher)
            assert watcher.check() is False
            with SessionStore(programme_file) as other:
                other.add_card("one")
            assert watcher.check() is True
            assert watcher.check() is False
            programme_file.unlink()
            assert watcher.check() is True
            await pilot.pause()
            assert app.seen[-1].token is None
            assert watcher.check() is False


async def test_the_watcher_stops_with_its_screen(programme_file: Path) -> None:
    with SessionStore(programme_file) as mine:
        app = WatchApp(mine)
        async with app.run_test() as pilot:
            watcher = app.query_one(ProgrammeWatcher)
            await watcher.remove()
            await pilot.pause()
            assert watcher._pinned is None
            with SessionStore(programme_file) as other:
                other.add_card("after")
            await pilot.pause(0.2)
            assert app.seen == []

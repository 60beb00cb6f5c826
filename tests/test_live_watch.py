"""The watcher and the live programme: a write from anywhere becomes one snapshot for every
screen, read once; an idle app reads nothing; the polling fallback works the same."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from piptui.store import SessionStore
from piptui.store.snapshot import Snapshot
from piptui.ui.live import LiveProgramme
from piptui.ui.watch import ProgrammeWatcher, file_system_type

try:
    import inotify_simple  # noqa: F401

    HAVE_INOTIFY = os.uname().sysname == "Linux"
except ImportError:  # an environment installed before the dependency was added: pip install -e '.[test]'
    HAVE_INOTIFY = False
inotify = pytest.mark.skipif(not HAVE_INOTIFY, reason="inotify is Linux's (through inotify_simple)")


async def wait_for(condition, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if condition():
            return True
        await asyncio.sleep(0.01)
    return bool(condition())


class Calls:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


@inotify
async def test_the_kernel_tells_of_a_rename_over_the_file_and_nothing_else(programme_file: Path) -> None:
    calls = Calls()
    watcher = ProgrammeWatcher(programme_file, calls)
    watcher.start()
    try:
        assert await wait_for(lambda: watcher.kind == "inotify")
        await asyncio.sleep(0.05)
        calls.count = 0
        (programme_file.parent / "another.json").write_text("{}")  # another file of the folder
        await asyncio.sleep(0.2)
        assert calls.count == 0
        with SessionStore(programme_file, author="bo") as other:
            other.add_card("From another terminal")  # a temporary file renamed over ours
        assert await wait_for(lambda: calls.count >= 1)
    finally:
        watcher.stop()
    assert watcher.kind is None


async def test_without_notifications_it_polls(programme_file: Path) -> None:
    calls = Calls()
    watcher = ProgrammeWatcher(programme_file, calls, poll=0.02, notifications=False)
    watcher.start()
    assert watcher.kind == "poll"
    assert await wait_for(lambda: calls.count >= 3)
    watcher.stop()
    stopped_at = calls.count
    await asyncio.sleep(0.1)
    assert calls.count == stopped_at


def test_the_file_system_of_a_folder_is_named(tmp_path: Path) -> None:
    kind = file_system_type(tmp_path)
    if os.path.exists("/proc/self/mountinfo"):
        assert kind  # e.g. ext4, tmpfs, overlay
    else:  # pragma: no cover - not Linux
        assert kind is None


class LiveApp(App[None]):
    """Two widgets subscribed to one live programme, as two screens would be."""

    def __init__(self, path: Path, *, notifications: bool = True) -> None:
        super().__init__()
        self.path = path
        self.notifications = notifications
        self.seen: dict[str, list[Snapshot]] = {"a": [], "b": []}

    def compose(self) -> ComposeResult:
        yield Static(id="a")
        yield Static(id="b")

    def on_mount(self) -> None:
        self.live = LiveProgramme(self, self.path, author="ann", notifications=self.notifications)
        for name in ("a", "b"):
            self.live.subscribe(self.query_one(f"#{name}"), self.seen[name].append)

    def on_unmount(self) -> None:
        self.live.close()


@pytest.mark.parametrize("notifications", [True, False], ids=["inotify", "poll"])
async def test_one_write_elsewhere_is_one_snapshot_for_every_subscriber(
    programme_file: Path, notifications: bool
) -> None:
    app = LiveApp(programme_file, notifications=notifications)
    async with app.run_test() as pilot:
        assert await wait_for(lambda: app.live.watcher.kind is not None)
        await pilot.pause(0.3)  # anything said while the watch was set up
        for seen in app.seen.values():
            seen.clear()
        with SessionStore(programme_file, author="bo") as other:
            card = other.add_card("Lack of resources")
        assert await wait_for(lambda: all(app.seen.values()))
        await pilot.pause(0.6)  # more looks (polls, events) find nothing new
        a, b = app.seen["a"], app.seen["b"]
        assert len(a) == len(b) == 1 and a[0] is b[0]  # one read, shared
        assert [c.id for c in a[0].cards] == [card.id]
        assert a[0].token == app.live.store.change_token()


async def test_a_write_here_is_read_once_and_not_again_when_the_watcher_hears_of_it(programme_file: Path) -> None:
    app = LiveApp(programme_file)
    async with app.run_test() as pilot:
        assert await wait_for(lambda: app.live.watcher.kind is not None)
        await pilot.pause(0.3)
        for seen in app.seen.values():
            seen.clear()
        app.live.store.add_card("Ours")
        mine = app.live.reload()
        await pilot.pause(0.3)
        assert mine is not None and app.seen["a"] == [mine] and app.seen["b"] == [mine]
        assert app.live.reload() is mine  # nothing new: no second publication
        await pilot.pause()
        assert len(app.seen["a"]) == 1


async def test_a_vanished_file_is_said_once_and_the_last_snapshot_kept(programme_file: Path) -> None:
    app = LiveApp(programme_file)
    async with app.run_test(notifications=True) as pilot:
        before = app.live.snapshot
        programme_file.rename(programme_file.with_suffix(".moved"))
        for _ in range(3):
            app.live.check()
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert len([m for m in said if "gone" in m]) == 1
        assert app.live.snapshot is before

"""Snapshot tests of the home, session and help screens at 80x24 and 120x40.

Deterministic: the demo programme (fixed ids and times), a paused timer, no cursor
blink, a relative sessions folder and a fixed modification time on the home screen.
Update after an intended change with ``pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from ui_support import patience, session_ready

from piptui.programmes import ensure_demo
from piptui.ui.app import create_app

SIZES = [(80, 24), (120, 40)]
FIXED_MTIME = 1205402400  # 2008-03-13 10:00 UTC


@pytest.fixture
def demo_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    path = ensure_demo(Path("sessions"))
    os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    return Path("sessions")


async def _home_ready(pilot: Pilot[Any]) -> None:
    """Rows in, and the table's columns sized to them (that happens on a later refresh)."""
    table = pilot.app.screen.query_one("DataTable")
    widths: list[int] = []
    for _ in patience():
        await pilot.pause(0.02)
        if table.row_count:
            widths.append(sum(column.get_render_width(table) for column in table.columns.values()))
            if len(widths) >= 3 and widths[-1] == widths[-2] == widths[-3] and table.region.width:
                break
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home(snap_compare: Any, demo_dir: Path, size: tuple[int, int]) -> None:
    app = create_app(sessions_dir=demo_dir)
    assert snap_compare(app, terminal_size=size, run_before=_home_ready)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_session(snap_compare: Any, demo_dir: Path, size: tuple[int, int]) -> None:
    app = create_app(sessions_dir=demo_dir, programme=demo_dir / "darlington-demo.json", mode="session", author="ann")

    async def ready(pilot: Pilot[Any]) -> None:
        await session_ready(pilot)

    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_session_after_capture_on_the_board(snap_compare: Any, demo_dir: Path, size: tuple[int, int]) -> None:
    app = create_app(sessions_dir=demo_dir, programme=demo_dir / "darlington-demo.json", mode="session", author="ann")

    async def ready(pilot: Pilot[Any]) -> None:
        screen = await session_ready(pilot)
        screen.query_one("#capture").value = "[red]Nobody[/] returns our calls #trust @vcs"
        await pilot.press("enter", "tab")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare: Any, demo_dir: Path, size: tuple[int, int]) -> None:
    app = create_app(sessions_dir=demo_dir, programme=demo_dir / "darlington-demo.json", mode="session")

    async def ready(pilot: Pilot[Any]) -> None:
        await session_ready(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=ready)

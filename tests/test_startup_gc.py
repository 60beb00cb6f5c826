"""Start-up runs without the cyclic garbage collector (a full collection cost 40-50 ms of the first
frame); the collector is back on once the first frame is drawn, and whatever happens to the app."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from ui_support import demo_app

from piptui import cli
from piptui.cli import run_app


async def test_the_collector_is_back_on_once_the_first_frame_is_drawn(
    sessions_dir: Path, collector_paused: None
) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what start-up made is set aside, not looked at again


async def test_an_app_started_with_the_collector_on_leaves_it_alone(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    frozen = gc.get_freeze_count()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() == frozen  # tests and embedders: nothing frozen


class Failing:
    def run(self) -> None:
        assert not gc.isenabled()  # paused while the app starts
        raise RuntimeError("the terminal went away")


def test_run_app_turns_the_collector_back_on_when_the_app_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "has_terminal", lambda: True)  # as in a terminal (CI runs tests without one)
    with pytest.raises(RuntimeError):
        run_app(Failing())
    assert gc.isenabled()


def test_the_piptui_command_pauses_the_collector_from_its_first_line_until_a_screen_starts(
    monkeypatch: pytest.MonkeyPatch, sessions_dir: Path, collector_paused: None
) -> None:
    import tomllib

    from piptui.__main__ import main

    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["scripts"]["piptui"] == "piptui.__main__:main"
    seen: list[bool] = []
    monkeypatch.setattr(cli, "run_app", lambda app: seen.append(gc.isenabled()))
    gc.enable()
    monkeypatch.setattr("sys.argv", ["piptui", "--sessions-dir", str(sessions_dir), "demo"])
    with pytest.raises(SystemExit) as done:
        main()
    assert done.value.code == 0 and seen == [False]  # paused through the imports, until the app's first frame


def test_a_command_without_a_screen_turns_the_collector_back_on(
    monkeypatch: pytest.MonkeyPatch, sessions_dir: Path, collector_paused: None
) -> None:
    from piptui.__main__ import main

    monkeypatch.setattr("sys.argv", ["piptui", "--sessions-dir", str(sessions_dir), "list"])
    with pytest.raises(SystemExit) as done:
        main()
    assert done.value.code == 0 and gc.isenabled()

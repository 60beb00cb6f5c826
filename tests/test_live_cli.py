"""``piptui wall`` and ``piptui serve``: routing, the loopback-only rule, the optional extra."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import piptui.cli
from piptui.cli import main
from piptui.cli.live_cmd import is_loopback
from piptui.programmes import ensure_demo


def run(sessions_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args])


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Apps the CLI would run (not run)."""
    apps: list[Any] = []
    monkeypatch.setattr(piptui.cli, "run_app", apps.append)
    return apps


class FakeServer:
    made: list[FakeServer] = []

    def __init__(self, command: str, host: str, port: int, title: str, templates_path: Path | None = None) -> None:
        self.command, self.host, self.port, self.title = command, host, port, title
        self.templates_path = templates_path
        self.served = False
        FakeServer.made.append(self)

    def serve(self) -> None:
        self.served = True


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> type[FakeServer]:
    import piptui.cli.live_cmd as live

    FakeServer.made = []
    monkeypatch.setattr(live, "_server_class", lambda: FakeServer)
    return FakeServer


def test_wall_opens_the_wall_mode(sessions_dir: Path, opened: list[Any]) -> None:
    path = ensure_demo(sessions_dir)
    result = run(sessions_dir, "wall", "darlington-demo", "--session", "2")
    assert result.exit_code == 0, result.output
    (app,) = opened
    assert (app.mode, app.programme_path, app.session_number, app.author) == ("wall", path, 2, None)


def test_open_wall_and_notes_route_their_modes(sessions_dir: Path, opened: list[Any]) -> None:
    ensure_demo(sessions_dir)
    assert run(sessions_dir, "open", "darlington-demo", "--wall").exit_code == 0
    assert run(sessions_dir, "open", "darlington-demo", "--notes", "--as", "Jean").exit_code == 0
    assert [(a.mode, a.author) for a in opened] == [("wall", None), ("notes", "Jean")]


def test_wall_of_an_unknown_programme_is_exit_1(sessions_dir: Path, opened: list[Any]) -> None:
    result = run(sessions_dir, "wall", "nowhere")
    assert result.exit_code == 1
    assert "No programme 'nowhere'" in result.output
    assert opened == []


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"])
def test_loopback_hosts(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.org", "projector.local", ""])
def test_other_hosts_are_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def test_serve_binds_localhost_and_serves_the_wall(sessions_dir: Path, server: type[FakeServer]) -> None:
    ensure_demo(sessions_dir)
    result = run(sessions_dir, "serve", "darlington-demo", "--port", "8123")
    assert result.exit_code == 0, result.output
    (made,) = server.made
    assert (made.host, made.port, made.served) == ("127.0.0.1", 8123, True)
    argv = shlex.split(made.command)
    assert argv[:3] == [sys.executable, "-m", "piptui"]
    assert argv[3:] == ["--sessions-dir", str(sessions_dir), "open", "darlington-demo", "--wall"]
    assert "http://127.0.0.1:8123" in result.output
    assert "ssh -L 8123:localhost:8123" in result.output


def test_serve_quotes_paths_and_names_for_the_shell(tmp_path: Path, server: type[FakeServer]) -> None:
    folder = tmp_path / "it's a folder; rm -rf x"
    folder.mkdir()
    ensure_demo(folder)
    result = run(folder, "serve", "darlington-demo", "--view", "notes", "--as", "Jean $(whoami)", "--session", "3")
    assert result.exit_code == 0, result.output
    argv = shlex.split(server.made[0].command)
    assert argv[3:] == [
        "--sessions-dir",
        str(folder),
        "open",
        "darlington-demo",
        "--notes",
        "--session",
        "3",
        "--as",
        "Jean $(whoami)",
    ]


def test_serve_refuses_a_public_address_without_public(sessions_dir: Path, server: type[FakeServer]) -> None:
    ensure_demo(sessions_dir)
    result = run(sessions_dir, "serve", "darlington-demo", "--host", "0.0.0.0")
    assert result.exit_code == 2
    assert "not a loopback address" in result.output and "ssh -L" in result.output
    assert server.made == []


def test_serve_on_a_public_address_with_public_warns_loudly(sessions_dir: Path, server: type[FakeServer]) -> None:
    ensure_demo(sessions_dir)
    result = CliRunner().invoke(
        main,
        [
            "--sessions-dir",
            str(sessions_dir),
            "serve",
            "darlington-demo",
            "--host",
            "0.0.0.0",
            "--public",
            "--view",
            "session",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "WARNING" in result.output and "NO authentication" in result.output
    assert "can change the programme" in result.output
    assert server.made[0].host == "0.0.0.0"


def test_serve_without_textual_serve_says_how_to_install_it(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ensure_demo(sessions_dir)
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # import fails as if not installed
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    result = run(sessions_dir, "serve", "darlington-demo")
    assert result.exit_code == 1
    assert "pip install 'piptui[serve]'" in result.output
    assert "Traceback" not in result.output


def test_serve_of_an_unknown_programme_is_exit_1(sessions_dir: Path, server: type[FakeServer]) -> None:
    result = run(sessions_dir, "serve", "nowhere")
    assert result.exit_code == 1 and "No programme 'nowhere'" in result.output
    assert server.made == []


def test_serve_refuses_a_name_with_a_control_character(sessions_dir: Path, server: type[FakeServer]) -> None:
    ensure_demo(sessions_dir)
    result = run(sessions_dir, "serve", "darlington-demo", "--view", "notes", "--as", "Jean\x1b]0;X\x07")
    assert result.exit_code == 1 and server.made == []
    assert result.output.startswith("piptui: Your name (--as) has a control character")


def test_the_served_app_starts_under_the_web_driver(sessions_dir: Path) -> None:
    """``piptui serve`` runs the wall under textual-serve's web driver, through pipes, not a
    terminal: the app must start there (it refused, "the screens need a terminal", and the
    browser showed only textual-serve's start page)."""
    import os
    import select
    import subprocess
    import time

    from piptui.programmes import ensure_demo

    ensure_demo(sessions_dir)
    env = {**os.environ, "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver", "COLUMNS": "160", "ROWS": "45"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "piptui", "--sessions-dir", str(sessions_dir), "open", "darlington-demo", "--wall"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert proc.stdout is not None
    seen = b""
    try:
        deadline = time.monotonic() + 60
        while b"Darlington" not in seen and time.monotonic() < deadline and proc.poll() is None:
            ready, _, _ = select.select([proc.stdout], [], [], 0.5)
            if ready:
                seen += os.read(proc.stdout.fileno(), 1 << 16)
    finally:
        proc.kill()
        _, err = proc.communicate(timeout=10)
    assert b"Darlington" in seen, err.decode(errors="replace")[-500:]

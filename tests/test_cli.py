"""The piptui command: each command, and each bad-input case with its exit code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.store import SessionStore


def run(sessions_dir: Path | None, *args: str) -> Result:
    prefix = ["--sessions-dir", str(sessions_dir)] if sessions_dir else []
    return CliRunner().invoke(main, [*prefix, *args])


@pytest.fixture
def made(sessions_dir: Path) -> Path:
    result = run(sessions_dir, "new", "calderdale", "--area", "Calderdale")
    assert result.exit_code == 0, result.output
    return sessions_dir / "calderdale.json"


def test_new_gives_a_ready_agenda(made: Path) -> None:
    with SessionStore(made) as store:
        sessions = store.sessions()
        assert [s.number for s in sessions] == [1, 2, 3, 4, 5]
        assert all(s.exercises for s in sessions)
        assert sessions[0].current_step is not None
        assert store.programme().area == "Calderdale"


def test_list_names_the_folder_and_programmes(sessions_dir: Path, made: Path) -> None:
    result = run(sessions_dir, "list")
    assert result.exit_code == 0
    assert f"Sessions folder: {sessions_dir} (--sessions-dir)" in result.output
    assert "calderdale" in result.output and "Calderdale" in result.output


def test_list_of_an_empty_folder_says_how_to_start(sessions_dir: Path) -> None:
    result = run(sessions_dir, "list")
    assert result.exit_code == 0 and "piptui demo" in result.output


def test_add_goes_to_the_current_session_and_step(sessions_dir: Path, made: Path) -> None:
    result = run(
        sessions_dir,
        "add",
        "calderdale",
        "[red]Lack of resources #notatag",
        "--tag",
        "Resources",
        "--tag",
        "capacity",
        "--sector",
        "VCS",
        "--by",
        "Jean",
        "--confidential",
    )
    assert result.exit_code == 0, result.output
    with SessionStore(made) as store:
        (card,) = store.cards()
        first = store.session(1)
    assert card.text == "[red]Lack of resources #notatag"  # literal: shortcuts are the TUI's
    assert card.tags == ("resources", "capacity")
    assert card.sector is not None and card.sector.value == "vcs"
    assert (card.author, card.confidential, card.session, card.step) == ("Jean", True, 1, first.current_step)


def test_add_to_a_given_session_and_step(sessions_dir: Path, made: Path) -> None:
    result = run(
        sessions_dir, "add", "calderdale", "x", "--session", "3", "--step", "sorting/sort", "--column", "drivers"
    )
    assert result.exit_code == 0, result.output
    with SessionStore(made) as store:
        (card,) = store.cards()
    assert (card.session, card.step, card.column) == (3, "sorting/sort", "drivers")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("add", "nowhere", "text"), 1, "No programme 'nowhere'"),
        (("add", "calderdale", "   "), 1, "needs some text"),
        (("add", "calderdale", "x", "--sector", "army"), 2, "'army' is not one of"),
        (("add", "calderdale", "x", "--session", "9"), 2, "9 is not in the range"),
        (("add", "calderdale"), 2, "Missing argument 'TEXT'"),
        (("add", "calderdale", "x", "--colour", "red"), 2, "No such option"),
        (("new", "calderdale", "--area", "Calderdale"), 1, "already exists"),
        (("new", "bad/name", "--area", "X"), 1, "not a usable programme name"),
        (("new", "other", "--area", "  "), 1, "needs an area"),
        (("new", "other"), 2, "Missing option '--area'"),
        (("open", "nowhere"), 1, "No programme 'nowhere'"),
        (("frobnicate",), 2, "No such command"),
    ],
)
def test_bad_input_exit_codes_and_messages(
    sessions_dir: Path, made: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    before = {p.name: p.read_bytes() for p in sessions_dir.glob("*.json")}
    result = run(sessions_dir, *args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in sessions_dir.glob("*.json")} == before


@pytest.mark.parametrize("content", [b"", b'{"cards": {', b'{"_meta": {"piptui": {"schema": 42}}}'])
def test_a_bad_programme_file_is_refused_and_left_alone(sessions_dir: Path, content: bytes) -> None:
    path = sessions_dir / "broken.json"
    path.write_bytes(content)
    for args in (("add", "broken", "text"), ("open", "broken")):
        result = run(sessions_dir, *args)
        assert result.exit_code == 1, result.output
        assert str(path) in result.output
        assert path.read_bytes() == content
    listing = run(sessions_dir, "list")
    assert listing.exit_code == 0 and "broken" in listing.output and "cannot be opened" in listing.output


def test_sessions_dir_from_env_then_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_dir = tmp_path / "from-env"
    monkeypatch.setenv("PIPTUI_SESSIONS", str(env_dir))
    result = run(None, "list")
    assert f"Sessions folder: {env_dir} ($PIPTUI_SESSIONS)" in result.output
    monkeypatch.delenv("PIPTUI_SESSIONS")
    (tmp_path / "sessions").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run(None, "list")
    assert "Sessions folder: sessions (./sessions in the current folder)" in result.output
    monkeypatch.chdir(tmp_path / "sessions")
    result = run(None, "list")
    assert "(the user data folder)" in result.output


def test_open_at_a_session_moves_the_room_only_with_lead(
    sessions_dir: Path, made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import piptui.cli

    opened: list[dict[str, object]] = []
    monkeypatch.setattr(piptui.cli, "run_app", lambda app: opened.append(vars(app)))
    assert run(sessions_dir, "open", "calderdale", "--session", "3", "--wall").exit_code == 0
    with SessionStore(made) as store:
        assert store.programme().current_session == 1  # the wall follows, it does not lead
    # (the session screen takes the lead as it opens only if nobody has it: tests/test_ui_lead.py)
    assert run(sessions_dir, "open", "calderdale", "--session", "3", "--as", "Sue").exit_code == 0
    with SessionStore(made) as store:
        assert store.programme().current_session == 1 and store.programme().lead is None
    assert run(sessions_dir, "open", "calderdale", "--session", "3", "--as", "Sue", "--lead").exit_code == 0
    with SessionStore(made) as store:
        programme = store.programme()
        assert programme.current_session == 3 and programme.lead is not None and programme.lead.person == "Sue"
        assert store.undo() is None  # the room's session is not in anyone's undo history
    assert len(opened) == 3
    result = run(sessions_dir, "open", "calderdale", "--session", "4", "--wall", "--notes")
    assert result.exit_code == 2
    assert run(sessions_dir, "open", "calderdale", "--wall", "--lead").exit_code == 2


def test_the_real_command_prints_one_line_and_no_traceback(sessions_dir: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "piptui", "--sessions-dir", str(sessions_dir), "add", "nowhere", "x"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1
    assert out.stderr.strip().startswith("piptui: No programme 'nowhere'")
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_demo_is_created_once_with_a_full_board(sessions_dir: Path) -> None:
    from piptui.programmes import ensure_demo

    path = ensure_demo(sessions_dir)
    first = path.read_bytes()
    assert ensure_demo(sessions_dir) == path and path.read_bytes() == first
    with SessionStore(path) as store:
        assert store.programme().area == "Darlington"
        assert len(store.participants()) >= 12
        board = store.cards(session=3, step="sorting/sort")
        assert len(board) >= 20 and {c.column for c in board} >= {"drivers", "benefits", "barriers-power"}
    other = sessions_dir / "again"
    other.mkdir()
    again = ensure_demo(other)
    assert orjson.loads(again.read_bytes())["cards"] == orjson.loads(first)["cards"]  # deterministic


@pytest.mark.parametrize("args", [["demo"], ["open", "darlington-demo"], []])
def test_the_screens_without_a_terminal_say_so_in_one_line(sessions_dir: Path, args: list[str]) -> None:
    from piptui.programmes import ensure_demo

    ensure_demo(sessions_dir)
    out = subprocess.run(
        [sys.executable, "-m", "piptui", "--sessions-dir", str(sessions_dir), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,  # it used to draw into the pipe for ever, spinning a core
    )
    assert out.returncode == 2
    assert out.stderr.strip() == (
        "piptui: the screens need a terminal: run piptui in one (for scripts: piptui add, list, export, report)"
    )
    with SessionStore(sessions_dir / "darlington-demo.json") as store:
        assert store.programme().lead is None  # nobody was left leading the room

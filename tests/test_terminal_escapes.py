"""Text in a programme file never drives the terminal: the session screen and the wall, run in a
pseudo-terminal over cards holding escape sequences, write none of them (they show as "␛")."""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from pathlib import Path

import pytest
from pty_support import spawn_in_pty

from piptui.domain.model import Card, Participant, Programme, Sector, Session
from piptui.store import SessionStore

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")

# What an adversary typed (or wrote into the file): retitle, clear, clipboard, a C1 CSI, a bell.
HOSTILE = {
    "title": "x\x1b]0;PWNED\x07",
    "clear": "wipe\x1b[2JCLEARED",
    "clipboard": "\x1b]52;c;SGVsbG8=\x07copy",
    "c1": "c1\x9b31mRED",
}
SEQUENCES = [b"\x1b]0;PWNED", b"\x1b[2JCLEARED", b"\x1b]52;", "\x9b31mRED".encode(), b"\x07copy"]


@pytest.fixture
def hostile(sessions_dir: Path) -> Path:
    path = sessions_dir / "hostile.json"
    cards = [
        Card(text=text, tags=("\x1b]52;c;dGFn\x07tag",), sector=Sector.VCS, session=1, step="sorting/sort")
        for text in HOSTILE.values()
    ]
    SessionStore.create(
        path,
        Programme(name="hostile", area="Esc\x1b]0;AREA\x07shire", title="T\x1b]0;TITLE\x07"),
        sessions=[Session(1, title="One\x1b]0;SESSION\x07", exercises=("sorting",), current_step="sorting/sort")],
        participants=[Participant(name="Eve\x1b]0;NAME\x07")],
        content=cards,
    ).close()
    return path


def run_in_pty(args: list[str], seconds: float) -> bytes:
    """Run ``piptui ARGS`` in an 80x24 pseudo-terminal for ``seconds``, then Ctrl+Q; all it wrote."""
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    proc, leader = spawn_in_pty([sys.executable, "-m", "piptui", *args], env)
    out = bytearray()

    def drain(until: float) -> None:
        while time.monotonic() < until:
            ready, _, _ = select.select([leader], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # the process ended and closed the terminal
                    return
                if not chunk:
                    return
                out.extend(chunk)
            elif proc.poll() is not None:
                return

    try:
        drain(time.monotonic() + seconds)
        os.write(leader, b"\x11")  # Ctrl+Q
        drain(time.monotonic() + 5)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        os.close(leader)
    return bytes(out)


@posix_only
@pytest.mark.slow
@pytest.mark.parametrize("view", [["--as", "ann"], ["--wall"]], ids=["session", "wall"])
def test_no_escape_sequence_from_the_file_reaches_the_terminal(
    hostile: Path, sessions_dir: Path, view: list[str]
) -> None:
    out = run_in_pty(["--sessions-dir", str(sessions_dir), "open", "hostile", *view], seconds=6)
    assert len(out) > 1000, f"the app drew nothing: {out[:300]!r}"
    found = {seq: out.count(seq) for seq in SEQUENCES if seq in out}
    assert not found, f"user control sequences in the terminal output: {found}"
    for marker in (b"PWNED", b"AREA", b"TITLE", b"SESSION", b"NAME"):
        assert b"\x1b]0;" + marker not in out
    assert "␛".encode() in out  # the cards were drawn, their escapes as placeholders

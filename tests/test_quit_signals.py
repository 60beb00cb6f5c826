"""A killed piptui in a real terminal (a pty): SIGHUP and SIGTERM restore the terminal and keep
the capture line's text as the person's draft; SIGINT asks like Ctrl+Q (issue 15, point 4)."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pty_support import spawn_in_pty
from textual.widgets import Input
from ui_support import demo_app, patience, session_ready

from piptui.programmes import ensure_demo
from piptui.store.drafts import draft_path

ESCAPE = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78DEHMc])")
TYPED = "Typed just before the line dropped"


class Terminal:
    """piptui running in a pseudo-terminal of 80x24; what it wrote, as bytes."""

    def __init__(self, sessions_dir: Path, *args: str) -> None:
        env = {**os.environ, "TERM": "xterm-256color", "PIPTUI_SESSIONS": str(sessions_dir)}
        env.pop("TEXTUAL", None)
        argv = [sys.executable, "-m", "piptui", "--sessions-dir", str(sessions_dir), *args]
        self.proc, self.master = spawn_in_pty(argv, env)
        self.output = b""

    def read(self, seconds: float = 0.1) -> bytes:
        got = b""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            got += chunk
        self.output += got
        return got

    def text(self) -> bytes:
        """What it wrote without the escape sequences (words split by colour changes join up)."""
        return ESCAPE.sub(b"", self.output)

    def wait_for(self, text: bytes, seconds: float = 30.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.read(0.2)
            if text in self.text():
                return
            if self.proc.poll() is not None:
                break
        raise AssertionError(f"{text!r} never showed; the terminal got {self.text()[-400:]!r}")

    def type(self, text: str) -> None:
        for char in text:
            os.write(self.master, char.encode())
            self.read(0.005)

    def finish(self, seconds: float = 20.0) -> int:
        deadline = time.monotonic() + seconds
        while self.proc.poll() is None and time.monotonic() < deadline:
            self.read(0.2)
        self.read(0.2)
        if self.proc.poll() is None:
            self.proc.kill()
            raise AssertionError("piptui did not exit")
        return self.proc.returncode

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
async def test_a_kill_keeps_the_typed_line_and_restores_the_terminal(sessions_dir: Path, signum: int) -> None:
    path = ensure_demo(sessions_dir)
    term = Terminal(sessions_dir, "open", path.stem, "--as", "ann")
    try:
        term.wait_for(b"Type a card")
        term.type(TYPED)
        term.wait_for(b"dropped")
        shown = len(term.output)
        term.proc.send_signal(signum)
        code = term.finish()
        after = term.output[shown:]
    finally:
        term.close()
    assert code == 128 + signum  # as a shell reports a process killed by the signal
    assert b"\x1b[?1049l" in after, "left the alternate screen"
    assert b"\x1b[?25h" in after, "showed the cursor again"
    assert b"\x1b[?1000l" in after, "turned mouse reporting off"
    assert b"Traceback" not in term.output
    draft = draft_path(path, "ann")
    assert draft.read_text() == TYPED
    assert draft.stat().st_mode & 0o777 == 0o600

    # the same person opens it again: the line is back, and it says so
    app = demo_app(sessions_dir, author="ann")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        for _ in patience():
            if screen.query_one("#capture", Input).value:
                break
            await pilot.pause(0.02)
        assert screen.query_one("#capture", Input).value == TYPED


def test_sigint_asks_like_ctrl_q(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    term = Terminal(sessions_dir, "open", path.stem, "--as", "ann")
    try:
        term.wait_for(b"Type a card")
        term.type("Asked about first")
        term.wait_for(b"first")
        term.proc.send_signal(signal.SIGINT)
        term.wait_for(b"Quit with unsaved text?")
        assert term.proc.poll() is None
        term.type("d")  # discard
        code = term.finish()
    finally:
        term.close()
    assert code == 0
    assert not draft_path(path, "ann").exists()


def test_a_shutdown_that_hangs_after_a_kill_still_ends_the_process() -> None:
    """After a SIGHUP Textual's shutdown can block on a terminal that has gone; the process must
    not linger holding the room's lead and the programme's lock: it ends on its own."""
    script = "import time; from piptui.ui.quitting import exit_within; exit_within(0.3, 129); time.sleep(30)"
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script], timeout=20, check=False)
    assert done.returncode == 129 and time.monotonic() - started < 10

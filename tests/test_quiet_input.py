"""The terminal driver's input thread sleeps while nobody types (issue 14, idle), and every key
still arrives as Textual's own thread would deliver it: a lone Esc, a key's escape sequence
(whole, or cut across two reads), a bracketed paste, and the app's exit at once.

The app runs in a real pseudo-terminal; what it receives is written to a log, a line each."""

from __future__ import annotations

import os
import select
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pty_support import spawn_in_pty

from piptui.ui._textual_compat import PASTE_END, PASTE_START

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal"), pytest.mark.slow]

APP = r"""
import sys
from textual import events
from textual.app import App
from textual.widgets import Label
from piptui.ui._textual_compat import QuietLinuxDriver, keep_pastes_whole

log = open(sys.argv[1], "a", buffering=1)

class Keys(App[None]):
    def compose(self):
        yield Label("ready")

    def on_mount(self) -> None:
        log.write("ready\n")

    def on_key(self, event: events.Key) -> None:
        log.write(f"key {event.key}\n")
        if event.key == "q":
            self.exit()

    def on_paste(self, event: events.Paste) -> None:
        log.write(f"paste {event.text!r}\n")

keep_pastes_whole()
Keys(driver_class=QuietLinuxDriver).run()
log.write("ended\n")
"""


class Terminal:
    def __init__(self, tmp_path: Path) -> None:
        self.log = tmp_path / "keys.log"
        self.log.touch()
        env = {**os.environ, "TERM": "xterm-256color"}
        env.pop("TEXTUAL_DRIVER", None)
        self.proc, self.fd = spawn_in_pty([sys.executable, "-c", APP, str(self.log)], env)

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    os.read(self.fd, 65536)
                except OSError:
                    return

    def lines(self) -> list[str]:
        return self.log.read_text().splitlines()

    def wait_for(self, line: str, seconds: float = 20.0) -> float:
        """Seconds until ``line`` is in the log (reading the terminal meanwhile)."""
        start = time.monotonic()
        while line not in self.lines():
            if time.monotonic() - start > seconds:
                raise AssertionError(f"{line!r} never came: {self.lines()}")
            self.drain(0.01)
        return time.monotonic() - start

    def send(self, data: str) -> None:
        os.write(self.fd, data.encode())

    def switches(self) -> int:
        """Context switches of all the app's threads so far (each a wake-up)."""
        total = 0
        for task in Path(f"/proc/{self.proc.pid}/task").iterdir():
            for line in (task / "status").read_text().splitlines():
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                    total += int(line.split()[1])
        return total

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        os.close(self.fd)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    try:
        term.wait_for("ready")
        term.drain(0.5)  # the terminal's answers to the driver's queries
        yield term
    finally:
        term.close()


def test_keys_after_a_long_quiet_arrive_whole(terminal: Terminal) -> None:
    terminal.drain(0.6)  # past the time Textual's parser may wait: the thread sleeps now
    terminal.send("\x1b")  # the Esc key, alone: only a timeout tells it from a sequence
    assert terminal.wait_for("key escape") < 0.6
    terminal.drain(0.6)
    terminal.send("\x1b[B")
    assert terminal.wait_for("key down") < 0.3
    terminal.drain(0.6)
    terminal.send("\x1b")  # a sequence cut in two by the link (SSH): still one key
    terminal.drain(0.03)
    terminal.send("[A")
    terminal.wait_for("key up")
    terminal.drain(0.3)
    terminal.send(PASTE_START + "Volunteers \x1b]0;T\x07 first" + PASTE_END)
    terminal.wait_for("paste 'Volunteers \\x1b]0;T\\x07 first'")
    keys = [line for line in terminal.lines() if line.startswith("key ")]
    assert keys == ["key escape", "key down", "key up"]


def test_the_app_ends_at_once(terminal: Terminal) -> None:
    terminal.drain(0.6)
    start = time.monotonic()
    terminal.send("q")
    terminal.wait_for("ended", seconds=10)
    terminal.proc.wait(timeout=10)
    assert time.monotonic() - start < 1.0  # the input thread woke for the exit, not a timeout
    assert terminal.proc.returncode == 0


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="Linux's /proc")
def test_an_idle_app_does_not_wake(terminal: Terminal) -> None:
    """Textual's own input thread wakes ten times a second: at least 20 switches in 2 s."""
    terminal.drain(0.6)
    before = terminal.switches()
    time.sleep(2.0)
    assert terminal.switches() - before < 8


def test_piptui_uses_it_in_a_terminal_and_leaves_textual_serve_s_driver_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import textual.constants

    from piptui.ui._textual_compat import QuietLinuxDriver
    from piptui.ui.app import PiptuiApp

    monkeypatch.setattr(textual.constants, "DRIVER", None)
    assert PiptuiApp(sessions_dir=tmp_path).driver_class is QuietLinuxDriver
    monkeypatch.setattr(textual.constants, "DRIVER", "textual.drivers.web_driver:WebDriver")
    assert PiptuiApp(sessions_dir=tmp_path).driver_class.__name__ == "WebDriver"


def test_the_exit_flag_is_readable_while_set_and_not_once_cleared() -> None:
    """Textual clears the flag to start input again after a suspend: the next thread must sleep."""
    from piptui.ui._textual_compat import WakingEvent

    flag = WakingEvent()
    try:
        assert select.select([flag], [], [], 0)[0] == []
        flag.set()
        flag.set()  # twice, as a second quit would
        assert flag.is_set() and select.select([flag], [], [], 0)[0] == [flag]
        flag.clear()
        assert not flag.is_set() and select.select([flag], [], [], 0)[0] == []
    finally:
        flag.close()

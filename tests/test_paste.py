"""A bracketed paste arrives whole (issue 16, point 2): text pasted into the capture line or a
dialog, ESC and C1 controls included, is one Paste event for the field to refuse, never key
presses (Textual's own parser replayed a pasted ESC sequence as keys: its BEL pressed Ctrl+G)."""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from pathlib import Path

import pytest
from pty_support import spawn_in_pty
from textual import events
from textual._xterm_parser import XTermParser
from textual.widgets import Input
from ui_support import demo_app, notifications, session_ready, type_text

from piptui.programmes import ensure_demo
from piptui.store import SessionStore
from piptui.ui._textual_compat import PASTE_END, PASTE_START, WholePasteParser, keep_pastes_whole

HOSTILE = "x\x1b]0;PWNED\x07 y \x9b2J\r\nline two"


def parsed(parser: XTermParser, *chunks: str) -> list[object]:
    out: list[object] = []
    for chunk in chunks:
        out += list(parser.feed(chunk))
    return out


def test_textual_s_own_parser_replays_a_pasted_escape_as_keys() -> None:
    """The assumption WholePasteParser exists for; when this fails, Textual keeps pastes whole."""
    got = parsed(XTermParser(), PASTE_START + HOSTILE + PASTE_END)
    pastes = [e.text for e in got if isinstance(e, events.Paste)]
    assert pastes != [HOSTILE]
    assert any(isinstance(e, events.Key) for e in got)


def test_a_paste_is_one_event_of_exactly_what_was_pasted() -> None:
    got = parsed(WholePasteParser(), "a" + PASTE_START + HOSTILE + PASTE_END + "b")
    assert [type(e).__name__ for e in got] == ["Key", "Paste", "Key"]
    assert isinstance(got[1], events.Paste) and got[1].text == HOSTILE
    assert [e.key for e in got if isinstance(e, events.Key)] == ["a", "b"]


@pytest.mark.parametrize("cut", range(1, len(PASTE_START + HOSTILE + PASTE_END)))
def test_a_paste_cut_across_two_reads_is_still_whole(cut: int) -> None:
    data = PASTE_START + HOSTILE + PASTE_END + "z"
    got = parsed(WholePasteParser(), data[:cut], data[cut:])
    assert [e.text for e in got if isinstance(e, events.Paste)] == [HOSTILE]
    assert [e.key for e in got if isinstance(e, events.Key)] == ["z"]


def test_keys_and_sequences_outside_a_paste_are_textual_s() -> None:
    got = parsed(WholePasteParser(), "\x1b[A", "q", "\x1b[2", "00~hi" + PASTE_END)
    assert [e.key for e in got if isinstance(e, events.Key)] == ["up", "q"]
    assert [e.text for e in got if isinstance(e, events.Paste)] == ["hi"]


def test_a_lone_escape_key_is_still_escape_and_as_quick() -> None:
    parser = WholePasteParser()
    assert parsed(parser, "\x1b") == []  # held: the start of a paste marker?
    start = time.monotonic()
    keys: list[str] = []
    while not keys and time.monotonic() - start < 2:
        time.sleep(0.01)
        keys = [e.key for e in parser.tick() if isinstance(e, events.Key)]
    assert keys == ["escape"]
    assert time.monotonic() - start < 0.5


def test_the_terminal_drivers_use_it() -> None:
    import textual.drivers.linux_driver

    keep_pastes_whole()
    assert textual.drivers.linux_driver.XTermParser is WholePasteParser


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
@pytest.mark.slow
def test_a_pasted_escape_in_the_capture_line_is_refused_and_kept(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    with SessionStore(path) as store:
        before = len(store.cards())
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    argv = [sys.executable, "-m", "piptui", "--sessions-dir", str(sessions_dir), "open", path.stem, "--as", "ann"]
    proc, leader = spawn_in_pty(argv, env)
    out = bytearray()

    def drain(seconds: float, until: bytes | None = None) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and (until is None or until not in out):
            ready, _, _ = select.select([leader], [], [], 0.05)
            if ready:
                try:
                    out.extend(os.read(leader, 65536))
                except OSError:
                    return

    try:
        drain(20, until=b"Type a card")
        os.write(leader, (PASTE_START + "x\x1b]0;PWNED\x07 y \u009b2J" + PASTE_END).encode())
        drain(2, until="␛]0;PWNED␇".encode())
        os.write(leader, b"\r")
        drain(5, until=b"Not saved")
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        os.close(leader)
    shown = bytes(out)
    assert "x␛]0;PWNED␇ y".encode() in shown  # in the capture line, as placeholders
    assert b"Not saved" in shown and b"ESC (U+001B)" in shown
    assert b"\x1b]0;PWNED" not in shown  # the terminal's title was never set
    with SessionStore(path) as store:
        assert len(store.cards()) == before


async def test_a_paste_of_several_lines_is_kept_whole_as_one_line(sessions_dir: Path) -> None:
    """Textual's Input keeps only a paste's first line; the capture line keeps every word, its
    line breaks as spaces, and says so. The paste is posted to the app as the driver posts it."""
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_ready(pilot)
        capture = app.screen.query_one("#capture", Input)
        await type_text(pilot, "Said: ")
        app.post_message(events.Paste("Volunteers sit on boards\r\nwith no induction\n#people\n"))
        await pilot.pause()
        assert capture.value == "Said: Volunteers sit on boards with no induction #people"
        assert any("Pasted 3 lines" in n for n in notifications(app))
        await pilot.press("enter")
        await pilot.pause()
        assert capture.value == ""
    with SessionStore(ensure_demo(sessions_dir)) as store:
        card = next(c for c in store.cards() if c.text.startswith("Said:"))
    assert card.text == "Said: Volunteers sit on boards with no induction" and card.tags == ("people",)


async def test_a_one_line_paste_is_input_s_own(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_ready(pilot)
        app.post_message(events.Paste("One line only\n"))
        await pilot.pause()
        assert app.screen.query_one("#capture", Input).value == "One line only"
        assert not any("Pasted" in n for n in notifications(app))

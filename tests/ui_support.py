"""Helpers shared by the UI tests: open the demo, wait for the session screen, read the board."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import textual._wait
from textual.pilot import Pilot
from textual.widgets import Input

from piptui.programmes import ensure_demo
from piptui.ui.app import PiptuiApp, create_app
from piptui.ui.screens.session import SessionScreen
from piptui.ui.widgets.board_columns import BoardColumns

Input.cursor_blink = False  # deterministic screens

PATIENCE = 15.0  # seconds a test waits for a worker or a screen; CI machines can be slow and busy


def patience(seconds: float = PATIENCE) -> Iterator[int]:
    """Count loop turns until a deadline: ``for _ in patience(): ... await pilot.pause(); if ok: break``.

    A deadline in time, not a number of turns, so a loaded machine does not fail a test."""
    deadline = time.monotonic() + seconds
    turn = 0
    while time.monotonic() < deadline:
        yield turn
        turn += 1


def demo_app(sessions_dir: Path, *, author: str | None = "ann", mode: str = "session", **kw: Any) -> PiptuiApp:
    path = ensure_demo(sessions_dir)
    return create_app(sessions_dir=sessions_dir, programme=path, author=author, mode=mode, **kw)  # type: ignore[arg-type]


async def session_ready(pilot: Pilot[Any]) -> SessionScreen:
    """The session screen once its exercise library has loaded."""
    for _ in patience():
        screen = pilot.app.screen
        if isinstance(screen, SessionScreen) and screen.library is not None:
            await pilot.pause()
            return screen
        await pilot.pause(0.01)
    raise AssertionError(f"the session screen did not load (screen is {pilot.app.screen!r})")


def board_lines(screen: SessionScreen) -> list[str]:
    """Every option of the board as plain text (headings and cards), column by column when the
    board is side by side."""
    board = screen.query_one(BoardColumns)
    return [str(option.prompt) for shown in board.columns or [board.list_board] for option in shown.options]


def highlighted_text(screen: SessionScreen) -> str:
    board = screen.query_one(BoardColumns).current
    option = board.highlighted_option
    return str(option.prompt) if option is not None else ""


def notifications(app: PiptuiApp) -> list[str]:
    return [n.message for n in app._notifications]


@contextlib.contextmanager
def quick_idle() -> Iterator[None]:
    """pilot.press waits for the app to go idle in steps of 20 ms, twice a key: for typing a
    line, steps of 2 ms (it still waits for idle, only notices it sooner)."""
    before = textual._wait.SLEEP_GRANULARITY
    textual._wait.SLEEP_GRANULARITY = 0.002
    try:
        yield
    finally:
        textual._wait.SLEEP_GRANULARITY = before


async def type_text(pilot: Pilot[Any], text: str, *, replace: bool = False) -> None:
    """Type ``text`` into the focused input, key by key (``replace``: clear it first)."""
    keys = ["home", "ctrl+k"] if replace else []
    keys += ["space" if c == " " else c for c in text]
    with quick_idle():
        await pilot.press(*keys)


async def type_line(pilot: Pilot[Any], text: str) -> None:
    """Type a card in the capture line, as a person does, and press Enter."""
    capture = pilot.app.screen.query_one("#capture", Input)
    if not capture.has_focus:
        await pilot.press("escape")
    assert capture.has_focus, "the capture line should have the focus"
    await type_text(pilot, text)
    assert capture.value == text, f"typed {text!r}, the line holds {capture.value!r}"
    await pilot.press("enter")
    await pilot.pause()


def screen_text(app: PiptuiApp) -> str:
    """What the terminal shows now, as plain text lines (the top screen, modals included)."""
    update = app.screen._compositor.render_full_update()
    lines = []
    for line in update.strips:
        strips = [line] if hasattr(line, "text") else list(line)
        lines.append("".join(strip.text for strip in strips))
    return "\n".join(lines)


def screen_words(app: PiptuiApp) -> str:
    """The words on the screen, in one line: frames and borders (box drawing and block
    characters) dropped and every run of spaces and line breaks one space. A phrase wrapped
    onto the next line of a box (how it wraps depends on the length of a path in it) is found."""
    text = "".join(" " if "\u2500" <= ch <= "\u259f" else ch for ch in screen_text(app))
    return " ".join(text.split())


async def until(pilot: Pilot[Any], check: Any, what: str = "the change") -> None:
    """Let the app run until ``check()`` holds (a change from another store reaching the
    screen through the app's watcher); fail after the patience runs out."""
    for _ in patience():
        await pilot.pause(0.01)
        if check():
            await pilot.pause()
            return
    raise AssertionError(f"{what} never showed")

"""Quitting never loses a word.

- Ctrl+Q (and ``q`` on the home screen, and a SIGINT) with text in a capture line, or with a
  dialog holding changes, asks first: save, discard or go back (:func:`ask_to_quit`).
- SIGTERM and SIGHUP (a dropped SSH connection) keep each capture line's unsaved text as that
  person's draft (:mod:`piptui.store.drafts`), then exit through Textual's own shutdown, which
  leaves the alternate screen, turns mouse reporting off and shows the cursor again.
- The same person's next session or notes screen takes the draft back into the capture line
  and says so.

:func:`install` wires it to an app (from its ``on_mount``); nothing else needs to know.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Static

from piptui.errors import PiptuiError
from piptui.store.drafts import save_draft, take_draft
from piptui.ui._textual_compat import actions_on_key, error_notices
from piptui.ui.text import literal, one_line, plain

QUIT_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
# A dialog's key that saves it, by the action it is bound to (the first one it has).
SAVE_ACTIONS = ("save", "export", "submit", "ok")

_forms: weakref.WeakKeyDictionary[Screen[Any], tuple[object, ...]] = weakref.WeakKeyDictionary()


# -- what is unsaved -----------------------------------------------------------------
def form_state(screen: Screen[Any]) -> tuple[object, ...]:
    """Every value a person can edit in ``screen``'s fields, in order."""
    # imported here, when a dialog opens: on the way to the first frame they cost 5-10 ms
    from textual.widgets import Checkbox, RadioButton, Select, SelectionList, Switch, TextArea

    values: list[object] = []
    for widget in screen.query("*"):
        if isinstance(widget, Input):
            values.append(widget.value)
        elif isinstance(widget, TextArea):
            values.append(widget.text)
        elif isinstance(widget, Select | Checkbox | RadioButton | Switch):
            values.append(widget.value)
        elif isinstance(widget, SelectionList):
            values.append(tuple(widget.selected))
    return tuple(values)


def remember_form(screen: Screen[Any]) -> None:
    """Note a dialog's fields as they were when it opened (called once it has composed)."""
    if screen not in _forms and screen.is_attached:
        _forms[screen] = form_state(screen)


def dialog_has_changes(screen: Screen[Any]) -> bool:
    own = getattr(screen, "has_unsaved_changes", None)
    if callable(own):
        return bool(own())
    opened = _forms.get(screen)
    return opened is not None and form_state(screen) != opened


def capture_lines(app: App[Any]) -> list[tuple[Screen[Any], Input]]:
    """The capture lines of the screens on the stack that hold typed text, top first."""
    found: list[tuple[Screen[Any], Input]] = []
    for screen in reversed(app.screen_stack):
        with contextlib.suppress(Exception):
            for line in screen.query("#capture").results(Input):
                if line.value.strip():
                    found.append((screen, line))
    return found


class Unsaved:
    """What quitting now would lose: dialogs with changes, capture lines with text (top first).
    (A plain class: a dataclass costs a millisecond to create, before the first frame.)"""

    def __init__(self, dialogs: list[Screen[Any]], lines: list[tuple[Screen[Any], Input]]) -> None:
        self.dialogs = dialogs
        self.lines = lines

    def __bool__(self) -> bool:
        return bool(self.dialogs or self.lines)

    def describe(self) -> str:
        parts = [f"The capture line holds: {one_line(line.value, 60)}" for _screen, line in self.lines]
        for dialog in self.dialogs:
            title = dialog.query(".dialog-title").first(Static).visual if dialog.query(".dialog-title") else ""
            parts.append(f"A dialog has changes: {one_line(str(title), 50) if title else type(dialog).__name__}")
        return "\n".join(parts)


def unsaved(app: App[Any]) -> Unsaved:
    dialogs: list[Screen[Any]] = [
        s for s in reversed(app.screen_stack) if isinstance(s, ModalScreen) and dialog_has_changes(s)
    ]
    return Unsaved(dialogs, capture_lines(app))


# -- the question ---------------------------------------------------------------------
class QuitDialog(ModalScreen[str]):
    """Save, discard or go back. Returns ``"save"``, ``"discard"`` or ``"back"``."""

    BINDINGS = [
        Binding("escape,b", "answer('back')", "Go back", tooltip="Back to piptui, nothing lost"),
        Binding("s", "answer('save')", "Save", tooltip="Save it, then quit"),
        Binding("d", "answer('discard')", "Discard", tooltip="Quit without saving it"),
    ]

    def __init__(self, detail: str) -> None:
        super().__init__(classes="dialog")
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(literal("Quit with unsaved text?", "bold"), classes="dialog-title")
            yield Static(literal(self.detail), classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button(plain("Save and quit (s)"), id="save", variant="primary")
                yield Button(plain("Discard (d)"), id="discard", variant="error")
                yield Button(plain("Go back (Esc)"), id="back")

    def on_mount(self) -> None:
        self.query_one("#back", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "back")

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)


def errors_said(app: App[Any]) -> int:
    return error_notices(app)


def save_dialog(dialog: Screen[Any]) -> str | None:
    """The action that saves ``dialog`` (its Ctrl+S, else a known name); None if it has none."""
    for action in actions_on_key(dialog, "ctrl+s"):
        return action
    return next((name for name in SAVE_ACTIONS if callable(getattr(dialog, f"action_{name}", None))), None)


async def save_everything(app: App[Any], pending: Unsaved) -> bool:
    """Save each dialog (top first) and capture line; False, with the reason said, if any stays."""
    errors = errors_said(app)
    for dialog in pending.dialogs:
        action = save_dialog(dialog)
        if action is None or dialog is not app.screen:
            app.notify("Save or close the dialog first, then quit", severity="warning")
            return False
        await dialog.run_action(action)
        for _ in range(5):  # let it close and its caller save what it returned
            await asyncio.sleep(0.02)
        if dialog in app.screen_stack:
            app.notify("The dialog is still open: it says what to correct. Nothing was lost.", severity="warning")
            return False
    for screen, line in capture_lines(app):
        capture: Callable[[str], object] | None = getattr(screen, "capture", None)
        if capture is not None:
            capture(line.value)
        if line.value.strip():  # refused or not saved: the screen said why
            return False
    await asyncio.sleep(0.02)
    return errors_said(app) == errors


@work(group="quit", exclusive=True, exit_on_error=False)
async def ask_to_quit(app: App[Any]) -> None:
    """Quit now when nothing is unsaved; else ask: save, discard or go back."""
    pending = unsaved(app)
    if not pending:
        app.exit()
        return
    answer = await app.push_screen_wait(QuitDialog(pending.describe()))
    if answer == "discard":
        app.exit()
    elif answer == "save":
        if await save_everything(app, unsaved(app)):
            app.exit()
        else:
            app.notify("Not quitting: something was not saved (above). Ctrl+Q again to choose.", severity="warning")


def quit_asking(app: App[Any]) -> None:
    """Start :func:`ask_to_quit` (once: a second Ctrl+Q while it asks does nothing more)."""
    if any(isinstance(s, QuitDialog) for s in app.screen_stack):
        return
    ask_to_quit(app)


# -- drafts ---------------------------------------------------------------------------
def programme_and_person(app: App[Any], screen: Screen[Any]) -> tuple[Path | None, str | None]:
    path = getattr(screen, "path", None) or getattr(app, "programme_path", None)
    person = getattr(screen, "author", None) or getattr(app, "author", None)
    return (Path(path) if path is not None else None), person


def keep_drafts(app: App[Any]) -> list[Path]:
    """Write every capture line's unsaved text as its person's draft; the files written."""
    written: list[Path] = []
    for screen, line in capture_lines(app):
        path, person = programme_and_person(app, screen)
        if path is None:
            continue
        with contextlib.suppress(PiptuiError):
            written.append(save_draft(path, person, line.value))
    return written


def restore_draft(app: App[Any], screen: Screen[Any]) -> None:
    """Put the person's draft back in ``screen``'s capture line (when it is empty), and say so."""
    lines = list(screen.query("#capture").results(Input))
    if not lines or lines[0].value:
        return
    path, person = programme_and_person(app, screen)
    if path is None:
        return
    text = take_draft(path, person)
    if not text:
        return
    line = lines[0]
    line.value = " ".join(text.splitlines()).strip()
    line.cursor_position = len(line.value)
    app.notify(
        "Your unsaved line from last time is back in the capture line: Enter saves it.",
        title="Draft restored",
        markup=False,
        timeout=15,
    )


# -- wiring ---------------------------------------------------------------------------
def _screen_changed(app: App[Any], screen: Screen[Any]) -> None:
    if isinstance(screen, ModalScreen):
        if screen not in _forms:
            screen.call_after_refresh(remember_form, screen)
    elif screen.query("#capture"):
        screen.call_after_refresh(restore_draft, app, screen)
    else:
        screen.call_after_refresh(_restore_when_composed, app, screen)


def _restore_when_composed(app: App[Any], screen: Screen[Any]) -> None:
    if screen.is_attached and screen.query("#capture"):
        restore_draft(app, screen)


EXIT_WITHIN = 5.0  # seconds a SIGTERM/SIGHUP gives Textual's shutdown before the process just ends


def exit_within(seconds: float, code: int) -> threading.Timer:
    """End the process with ``code`` if it is still running ``seconds`` from now.

    After a SIGHUP the terminal has gone: Textual's shutdown can block for ever writing its
    last escape codes (mouse off, cursor on) to a writer thread that can no longer write,
    and a process stuck there keeps the room's lead and the programme's lock. The drafts are
    already saved when this starts, so ending the process loses nothing."""
    timer = threading.Timer(seconds, os._exit, args=(code,))
    timer.daemon = True
    timer.start()
    return timer


def _killed(app: App[Any], signum: int) -> None:
    keep_drafts(app)
    exit_within(EXIT_WITHIN, 128 + signum)
    app.exit(return_code=128 + signum)


def install(app: App[Any]) -> None:
    """Wire quitting to ``app``: remember dialogs' fields, restore drafts, handle signals."""
    app.screen_change_signal.subscribe(app, lambda screen: _screen_changed(app, screen))
    _screen_changed(app, app.screen)
    if app.is_headless:
        return  # a test's app: the signals belong to the test runner
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
        loop = asyncio.get_running_loop()
        for signum in QUIT_SIGNALS:
            loop.add_signal_handler(signum, _killed, app, signum)
        loop.add_signal_handler(signal.SIGINT, quit_asking, app)


def uninstall(app: App[Any]) -> None:
    if app.is_headless:
        return
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
        loop = asyncio.get_running_loop()
        for signum in (*QUIT_SIGNALS, signal.SIGINT):
            loop.remove_signal_handler(signum)

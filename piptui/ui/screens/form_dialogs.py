"""The scaffold every form dialog shares: Save and Cancel, and a save that keeps the dialog open
until it succeeds.

A :class:`FormDialog` composes its fields and ends with :meth:`FormDialog.buttons`; it reads
its fields into a typed value with :meth:`FormDialog.value` (None when a field is wrong, with
the message beside that field). Ctrl+S, the Save button or Enter in a field saves; Esc or
Cancel closes with None.

Saving, when the dialog was opened with :func:`save_in`: the save runs while the dialog is
still open. If it raises a :class:`~piptui.errors.PiptuiError` (a full disk, a read-only file,
the folder gone, a value the store refuses) the message shows beside the buttons and the
dialog stays open with every edit, so Save again (once the fault is fixed) saves the same
edits. Only a save that succeeds closes it, or one that finds the thing it edits gone
(:class:`~piptui.errors.NotFound`, deleted from another terminal): that is said, and it
closes. A dialog opened with ``push_screen_wait`` alone just returns its value (a choice
that writes nothing itself).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from piptui.errors import NotFound, PiptuiError
from piptui.ui.text import literal, plain

T = TypeVar("T")
R = TypeVar("R")

CANCEL: list[BindingType] = [Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything")]
SAVE: list[BindingType] = [
    *CANCEL,
    Binding("ctrl+s", "save", "Save", tooltip="Save and close", priority=True),
]


class FormDialog(ModalScreen[T | None], Generic[T]):
    """Fields, then a message line and Save / Cancel. Subclasses compose the fields, end with
    ``yield from self.buttons()`` and implement :meth:`value`."""

    BINDINGS = SAVE
    OK = "Save (ctrl+s)"

    saver: Callable[[T], object] | None = None  # set by save_in: run at Save, the dialog open

    def __init__(self, *, classes: str = "dialog") -> None:
        super().__init__(classes=classes)

    def buttons(self, ok: str | None = None) -> ComposeResult:
        """Where a failed save is said (hidden until then), and the Save / Cancel buttons."""
        error = Static("", id="save-error", classes="field-error save-error")
        error.display = False
        yield error
        with Horizontal(classes="dialog-buttons"):
            yield Button(plain(ok or self.OK), id="save", variant="primary")
            yield Button(plain("Cancel (esc)"), id="cancel")

    def value(self) -> T | None:
        """The fields as a value; None (with a message beside the bad field) when one is wrong."""
        raise NotImplementedError

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        value = self.value()
        if value is not None:
            self.submit(value)

    def submit(self, value: T) -> None:
        """Save ``value`` (with the saver, if any) and close; a failed save keeps the dialog open."""
        if self.saver is not None:
            self.say_not_saved(None)
            try:
                self.saver(value)
            except NotFound as exc:  # what it edits is gone (deleted meanwhile): nothing to keep it for
                self.app.notify(exc.message, title="Not saved", severity="error", markup=False)
                self.dismiss(None)
                return
            except PiptuiError as exc:
                self.say_not_saved(exc.message)
                return
        self.dismiss(value)

    def say_not_saved(self, message: str | None) -> None:
        """Show why the save failed beside the buttons (or clear it)."""
        for error in self.query("#save-error").results(Static):
            error.update(literal("⚠ " + message if message else ""))
            error.display = bool(message)
        if message:
            self.app.bell()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


async def save_in(app: App[Any], dialog: FormDialog[T], save: Callable[[T], R]) -> R | None:
    """Open ``dialog``; each Save runs ``save(value)`` while it stays open, until one succeeds.

    Returns what that ``save`` returned; None when the dialog was cancelled. Call it from a
    worker (``@work``), like ``push_screen_wait``."""
    outcome: list[R] = []

    def saver(value: T) -> None:
        outcome.append(save(value))

    dialog.saver = saver
    await app.push_screen_wait(dialog)
    return outcome[-1] if outcome else None

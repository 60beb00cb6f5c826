"""The programme's context, vision and key learning, written on screen (t on the plan and home
screens): the three text fields of the area report (``piptui export NAME --content report``).

The dialog checks each field in place (a message under a field that holds a control
character or is too long) and saves while it is open (``form_dialogs.save_in``): a save that
fails (a full disk, a read-only file) says why beside the buttons and leaves every edit as it
was. Ctrl+S saves, Esc cancels; Enter starts a new line and Tab goes on to the next field.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, Static, TextArea

from piptui.domain.model import Programme
from piptui.domain.programme_text import TEXT_FIELDS, clean_programme_text
from piptui.errors import InvalidInput, PiptuiError
from piptui.store.programme_ops import set_programme_text
from piptui.store.session_store import SessionStore
from piptui.ui.screens.form_dialogs import FormDialog, save_in
from piptui.ui.text import literal, one_line

HINTS = {
    "context": "the area, its partnership history and structures",
    "vision": "the group's vision of partnership working",
    "learning": "what the group learnt, in its own words",
}

Texts = dict[str, str]  # context, vision and learning, as typed


class ProgrammeTextDialog(FormDialog[Texts]):
    """Context, vision and key learning of one programme: the three texts, checked."""

    DEFAULT_CSS = """
    ProgrammeTextDialog .dialog-box {
        height: 90%;
        max-height: 40;
    }
    ProgrammeTextDialog .programme-text {
        height: 1fr;
        min-height: 2;
        background: $boost;
    }
    """

    def __init__(self, programme: Programme) -> None:
        super().__init__()
        self.programme = programme

    def compose(self) -> ComposeResult:
        p = self.programme
        with Vertical(classes="dialog-box dialog-wide"):
            title = f"{p.title or p.area or p.name}: context, vision and key learning"
            yield Static(literal(one_line(title, 72), "bold"), classes="dialog-title")
            for key, label in TEXT_FIELDS:
                yield Label(_label(label, HINTS[key]))
                yield TextArea(
                    getattr(p, key),
                    id=key,
                    classes="programme-text",
                    soft_wrap=True,
                    tab_behavior="focus",
                    compact=True,
                )
                yield Static("", id=f"{key}-error", classes="field-error")
            yield Static(literal("Enter: a new line · Tab: the next field · shown in the area report", "dim"))
            yield from self.buttons()

    def on_mount(self) -> None:
        for error in self.query(".field-error"):
            error.display = False
        self.query_one("#context", TextArea).focus()

    def say(self, field: str, message: str | None) -> None:
        error = self.query_one(f"#{field}-error", Static)
        error.update(literal("⚠ " + message if message else ""))
        error.display = bool(message)

    def value(self) -> Texts | None:
        """The three texts, checked; None (and a message under each bad field) when any is wrong."""
        values: Texts = {}
        first_bad: TextArea | None = None
        for key, label in TEXT_FIELDS:
            area = self.query_one(f"#{key}", TextArea)
            try:
                values[key] = clean_programme_text(area.text, label)
                self.say(key, None)
            except InvalidInput as exc:
                self.say(key, exc.message)
                first_bad = first_bad or area
        if first_bad is not None:
            first_bad.focus()
            return None
        return values


def _label(label: str, hint: str) -> Content:
    return Content.assemble(literal(label, "bold"), literal("  " + hint, "dim"))


async def edit_programme_text(screen: Screen[Any], store: SessionStore) -> Programme | None:
    """Open the dialog over ``screen`` (call from a ``@work`` worker) and wait for it; says what
    was saved. The programme as saved, or None (cancelled, or the file cannot be read)."""
    try:
        programme = store.programme()
    except PiptuiError as exc:
        screen.notify(exc.message, title="Cannot open", severity="error", markup=False)
        return None
    saved = await save_in(screen.app, ProgrammeTextDialog(programme), lambda texts: set_programme_text(store, **texts))
    if saved is not None:
        written = [label for key, label in TEXT_FIELDS if getattr(saved, key)]
        said = ", ".join(written) if written else "nothing written yet"
        screen.notify(f"Saved for the area report: {said}", markup=False)
    return saved

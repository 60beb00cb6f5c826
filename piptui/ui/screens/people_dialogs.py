"""Dialogs of the room: a person (name, organisation, sector, role) and a session's details.

Each checks what was typed in place: a message under the field that is wrong, and nothing
saved until every field is right. Ctrl+S (or Enter in a field) saves, Esc cancels; opened
with ``save_in`` a dialog stays open with its edits until the save succeeds
(:mod:`piptui.ui.screens.form_dialogs`). Names and texts are user text: always shown literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, SelectionList, Static

from piptui.domain.model import Participant, Sector, Session
from piptui.domain.people import NAME_LIMIT, clean_text, parse_date
from piptui.errors import InvalidInput
from piptui.ui.screens.form_dialogs import FormDialog
from piptui.ui.text import SECTOR_SHORT, literal, one_line, plain

T = TypeVar("T")


class FieldDialog(FormDialog[T]):
    """A dialog whose fields each have a message line under them (``#<field>-error``)."""

    def say(self, field: str, message: str | None) -> None:
        error = self.query_one(f"#{field}-error", Static)
        error.update(literal(message or ""))
        error.display = bool(message)

    def on_mount(self) -> None:
        for error in self.query(".field-error"):
            error.display = False


@dataclass(frozen=True, slots=True)
class PersonEdit:
    name: str
    organisation: str
    sector: Sector
    role: str


class PersonDialog(FieldDialog[PersonEdit]):
    """Add or edit one participant. ``taken``: the other participants' names (case ignored)."""

    def __init__(self, person: Participant | None, taken: Sequence[str]) -> None:
        super().__init__()
        self.person = person
        self.taken = {name.casefold() for name in taken}

    def compose(self) -> ComposeResult:
        p = self.person
        with Vertical(classes="dialog-box dialog-wide"):
            yield Static(literal("Edit participant" if p else "Add a participant", "bold"), classes="dialog-title")
            yield Label(plain("Name"))
            yield Input(p.name if p else "", id="name", compact=True, placeholder="e.g. Sue Carter")
            yield Static("", id="name-error", classes="field-error")
            yield Label(plain("Organisation"))
            yield Input(
                p.organisation if p else "", id="organisation", compact=True, placeholder="e.g. Calderdale Council"
            )
            yield Static("", id="organisation-error", classes="field-error")
            yield Label(plain("Sector"))
            yield Select(
                [(plain(SECTOR_SHORT[s] + " · " + s.label), s) for s in Sector],
                id="sector",
                value=p.sector if p else Select.NULL,
                prompt="Choose a sector",
                compact=True,
            )
            yield Static("", id="sector-error", classes="field-error")
            yield Label(plain("Role or job title (optional)"))
            yield Input(p.role if p else "", id="role", compact=True, placeholder="e.g. chief executive")
            yield Static("", id="role-error", classes="field-error")
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#name", Input).focus()

    def value(self) -> PersonEdit | None:
        """The fields, checked; None (and a message beside each bad field) when any is wrong."""
        ok = True
        values: dict[str, str] = {}
        for field, what in (("name", "A name"), ("organisation", "The organisation"), ("role", "The role")):
            try:
                values[field] = clean_text(
                    self.query_one(f"#{field}", Input).value,
                    what,
                    required=field == "name",
                    limit=NAME_LIMIT if field == "name" else 200,
                )
                message = None
                if field == "name" and values[field].casefold() in self.taken:
                    message = f"{values[field]} is a participant already"
            except InvalidInput as exc:
                message = exc.message
            self.say(field, message)
            ok = ok and message is None
        sector = self.query_one("#sector", Select).value
        self.say("sector", None if isinstance(sector, Sector) else "Choose the sector they work in")
        if not ok or not isinstance(sector, Sector):
            return None
        return PersonEdit(values["name"], values["organisation"], sector, values["role"])


@dataclass(frozen=True, slots=True)
class SessionDetails:
    date: str | None
    facilitators: tuple[str, ...]  # names
    venue: str


class SessionDetailsDialog(FieldDialog[SessionDetails]):
    """A session's date, venue and facilitators (picked from the participants)."""

    def __init__(self, session: Session, people: Sequence[Participant]) -> None:
        super().__init__()
        self.session = session
        self.people = list(people)

    def compose(self) -> ComposeResult:
        s = self.session
        names = {p.name for p in self.people}
        with Vertical(classes="dialog-box dialog-wide"):
            yield Static(literal(one_line(f"Session {s.number} · {s.title}", 70), "bold"), classes="dialog-title")
            yield Label(plain("Date (YYYY-MM-DD)"))
            yield Input(s.date or "", id="date", compact=True, placeholder="e.g. 2008-03-13")
            yield Static("", id="date-error", classes="field-error")
            yield Label(plain("Venue"))
            yield Input(s.venue, id="venue", compact=True, placeholder="e.g. Town Hall, committee room 2")
            yield Static("", id="venue-error", classes="field-error")
            yield Label(plain("Facilitators (Space ticks)"))
            if self.people:
                yield SelectionList[str](
                    *[(plain(one_line(p.described, 60)), p.name, p.name in s.facilitators) for p in self.people],
                    id="facilitators",
                    compact=True,
                )
            else:
                yield Static(literal("No participants yet: add them on the participants screen (F10).", "dim"))
            missing = [n for n in s.facilitators if n not in names]
            if missing:
                yield Static(literal("Kept, not participants: " + ", ".join(missing), "dim"), id="kept")
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#date", Input).focus()

    def value(self) -> SessionDetails | None:
        ok = True
        date: str | None = None
        raw = self.query_one("#date", Input).value
        try:
            date = parse_date(raw) if raw.strip() else None
            self.say("date", None)
        except InvalidInput as exc:
            self.say("date", exc.message)
            ok = False
        try:
            venue = clean_text(self.query_one("#venue", Input).value, "The venue")
            self.say("venue", None)
        except InvalidInput as exc:
            self.say("venue", exc.message)
            venue, ok = "", False
        if not ok:
            return None
        names = {p.name for p in self.people}
        picked: list[str] = []
        for chooser in self.query("#facilitators").results(SelectionList):
            picked = [str(v) for v in chooser.selected]
        kept = [n for n in self.session.facilitators if n not in names]
        return SessionDetails(date, tuple(kept + picked), venue)


class NameDialog(FieldDialog[str]):
    """Who you are: recorded on every card and edit you make. Remembered for next time."""

    def __init__(self, remembered: str | None, programme: str) -> None:
        super().__init__()
        self.remembered = remembered or ""
        self.programme = programme

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(literal("Who are you?", "bold"), classes="dialog-title")
            yield Static(
                literal(
                    f"Your name is recorded on the cards and edits you make in {self.programme}, "
                    "and lets you undo your own changes. piptui remembers it for next time."
                ),
                classes="dialog-detail",
            )
            yield Input(self.remembered, id="name", compact=True, placeholder="e.g. Jean Wilkinson")
            yield Static("", id="name-error", classes="field-error")
            yield from self.buttons()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#name", Input).focus()

    def value(self) -> str | None:
        try:
            return clean_text(self.query_one("#name", Input).value, "Your name", limit=NAME_LIMIT, required=True)
        except InvalidInput as exc:
            self.say("name", exc.message)
            return None

"""Dialogs of the action plan and the review: an objective, an action, a review, a list of cards.

Each is a :class:`~piptui.ui.screens.form_dialogs.FormDialog`: a typed result (None when
cancelled); Ctrl+S saves, Esc cancels; opened with ``save_in`` it stays open with its edits
until the save succeeds. Names, titles and texts are user text: always shown literally.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from piptui.domain.model import Action, ActionStatus, Objective, Participant, Rag, Sector
from piptui.domain.plan import RAG_ORDER, STATUS_ORDER, lead_warnings
from piptui.ui.screens.field_errors import date_problem, show_field_error
from piptui.ui.screens.form_dialogs import FormDialog
from piptui.ui.text import SECTOR_SHORT, literal, one_line, plain

RAG_STYLE = {Rag.RED: "bold white on #af0000", Rag.AMBER: "bold black on #ffaf00", Rag.GREEN: "bold black on #5fd75f"}


def _value(select: Select[str]) -> str | None:
    value = select.value
    return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class ObjectiveEdit:
    title: str
    council_lead: str | None
    vcs_lead: str | None
    timescale: str
    review_date: str


def lead_options(participants: Sequence[Participant], first: Sector) -> list[tuple[Text, str]]:
    """Participants as choices, those of ``first`` sector first (type a name's start to jump to it)."""
    ordered = sorted(participants, key=lambda p: (p.sector != first, p.sector.value, p.name.lower()))
    return [(plain(one_line(f"{p.name} ({SECTOR_SHORT[p.sector]})", 34)), p.id) for p in ordered]


class ObjectiveDialog(FormDialog[ObjectiveEdit]):
    """Title, joint lead (a council member and a third-sector member), timescale, review date."""

    def __init__(self, objective: Objective, participants: Sequence[Participant]) -> None:
        super().__init__()
        self.objective = objective
        self.participants = {p.id: p for p in participants}

    def compose(self) -> ComposeResult:
        o = self.objective
        people = list(self.participants.values())
        with Vertical(classes="dialog-box dialog-wide"):
            yield Static(literal(f"Objective (plan {o.plan})", "bold"), classes="dialog-title")
            yield Input(o.title, id="title", compact=True, placeholder="The objective, in the group's words")
            with Horizontal(classes="dialog-row"):
                yield Select(
                    lead_options(people, Sector.COUNCIL),
                    prompt="— no council lead —",
                    compact=True,
                    value=o.council_lead if o.council_lead in self.participants else Select.NULL,
                    id="council-lead",
                )
                yield Select(
                    lead_options(people, Sector.VCS),
                    prompt="— no third-sector lead —",
                    compact=True,
                    value=o.vcs_lead if o.vcs_lead in self.participants else Select.NULL,
                    id="vcs-lead",
                )
            yield Static(id="lead-warning", classes="plan-warning")
            with Horizontal(classes="dialog-row"):
                with Vertical(classes="dialog-field"):
                    yield Label(plain("Timescale"))
                    yield Input(o.timescale, id="timescale", compact=True, placeholder="e.g. by March 2009")
                with Vertical(classes="dialog-field"):
                    yield Label(plain("Review date (YYYY-MM-DD)"))
                    yield Input(o.review_date or "", id="review-date", compact=True)
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        self._show_warning()

    @on(Select.Changed)
    def _show_warning(self) -> None:
        council = self.participants.get(_value(self.query_one("#council-lead", Select)) or "")
        vcs = self.participants.get(_value(self.query_one("#vcs-lead", Select)) or "")
        warnings = lead_warnings(council, vcs)
        box = self.query_one("#lead-warning", Static)
        box.update(literal("\n".join("⚠ " + w for w in warnings)))
        box.display = bool(warnings)

    def fields(self) -> ObjectiveEdit:
        return ObjectiveEdit(
            title=self.query_one("#title", Input).value,
            council_lead=_value(self.query_one("#council-lead", Select)),
            vcs_lead=_value(self.query_one("#vcs-lead", Select)),
            timescale=self.query_one("#timescale", Input).value,
            review_date=self.query_one("#review-date", Input).value,
        )

    def value(self) -> ObjectiveEdit | None:
        edit = self.fields()
        title = show_field_error(self, "title", None if edit.title.strip() else "The objective needs a title")
        date = show_field_error(self, "review-date", date_problem(edit.review_date))
        if title or date:
            if title:
                self.query_one("#title").focus()
            return None
        return edit


@dataclass(frozen=True, slots=True)
class ActionEdit:
    text: str
    owners: str
    due: str
    status: ActionStatus


def status_options() -> list[tuple[Text, ActionStatus]]:
    return [(plain(s.value.capitalize()), s) for s in STATUS_ORDER]


class ActionDialog(FormDialog[ActionEdit]):
    """An action's text, owners, due date or timescale, and status."""

    def __init__(self, objective_title: str, action: Action | None = None) -> None:
        super().__init__()
        self.objective_title = objective_title
        self.action = action

    def compose(self) -> ComposeResult:
        a = self.action
        with Vertical(classes="dialog-box dialog-wide"):
            yield Static(literal("New action" if a is None else "Edit action", "bold"), classes="dialog-title")
            yield Static(literal("Under: " + one_line(self.objective_title, 140), "dim"), classes="dialog-detail")
            yield Input(a.text if a else "", id="text", compact=True, placeholder="What will be done")
            with Horizontal(classes="dialog-row"):
                with Vertical(classes="dialog-field"):
                    yield Label(plain("Owners (comma-separated)"))
                    yield Input(", ".join(a.owners) if a else "", id="owners", compact=True)
                with Vertical(classes="dialog-field"):
                    yield Label(plain("Due date or timescale"))
                    yield Input(a.due if a else "", id="due", compact=True, placeholder="e.g. 2008-12-31")
            yield Select(
                status_options(),
                value=a.status if a else ActionStatus.NOT_STARTED,
                allow_blank=False,
                id="status",
                compact=True,
            )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def value(self) -> ActionEdit | None:
        text = self.query_one("#text", Input).value
        due = self.query_one("#due", Input).value
        bad_text = show_field_error(self, "text", None if text.strip() else "The action needs some text")
        looks_like_a_date = bool(re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", due))
        bad_due = show_field_error(self, "due", date_problem(due) if looks_like_a_date else None)
        if bad_text or bad_due:
            if bad_text:
                self.query_one("#text").focus()
            return None
        status = self.query_one("#status", Select).value
        return ActionEdit(
            text=text,
            owners=self.query_one("#owners", Input).value,
            due=self.query_one("#due", Input).value,
            status=status if isinstance(status, ActionStatus) else ActionStatus.NOT_STARTED,
        )


@dataclass(frozen=True, slots=True)
class ReviewResult:
    status: ActionStatus
    rag: Rag | None
    note: str


class ReviewDialog(FormDialog[ReviewResult]):
    """Session 5: an action's status, its red / amber / green rating, and a note."""

    def __init__(self, action: Action) -> None:
        super().__init__()
        self.action = action

    def compose(self) -> ComposeResult:
        a = self.action
        with Vertical(classes="dialog-box dialog-wide"):
            yield Static(literal("Review the action", "bold"), classes="dialog-title")
            yield Static(literal(one_line(a.text, 300)), classes="dialog-detail")
            for note in a.review_notes[-2:]:
                yield Static(review_line(note.at, note.status, note.rag, note.text), classes="review-history")
            with Horizontal(classes="dialog-row"):
                yield Select(status_options(), value=a.status, allow_blank=False, id="status", compact=True)
                yield Select(
                    [(plain(r.value.capitalize()), r) for r in RAG_ORDER],
                    prompt="— no rating —",
                    value=a.rag if a.rag is not None else Select.NULL,
                    id="rag",
                    compact=True,
                )
            yield Input(id="note", compact=True, placeholder="A note on progress (Enter saves)")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#status", Select).focus()

    def value(self) -> ReviewResult:
        status = self.query_one("#status", Select).value
        rag = self.query_one("#rag", Select).value
        return ReviewResult(
            status=status if isinstance(status, ActionStatus) else self.action.status,
            rag=rag if isinstance(rag, Rag) else None,
            note=self.query_one("#note", Input).value,
        )


def rag_badge(rag: Rag | None) -> Content:
    if rag is None:
        return Content("")
    return literal(f" {rag.value.upper()} ", RAG_STYLE[rag])


def review_line(at: str, status: ActionStatus, rag: Rag | None, text: str) -> Content:
    """One entry of an action's review history: date, status, rating, note."""
    parts: list[Content | str | tuple[str, str]] = [(at[:10] + "  ", "dim"), (status.value, "italic")]
    if rag is not None:
        parts += [" ", rag_badge(rag)]
    if text:
        parts += ["  ", Content(one_line(text, 300))]
    return Content.assemble(*parts)


class CardsDialog(ModalScreen[None]):
    """A read-only list of cards (where an objective came from)."""

    BINDINGS = [Binding("escape,enter,q", "close", "Close", tooltip="Close this list")]

    def __init__(self, title: str, lines: Sequence[Content]) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.lines = list(lines)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box dialog-wide"):
            yield Static(literal(self.title_text, "bold"), classes="dialog-title")
            options = [Option(line) for line in self.lines] or [Option(literal("No cards", "dim italic"))]
            yield OptionList(*options, id="card-lines", markup=False)
            yield Static(literal("Esc closes", "dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#card-lines", OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)

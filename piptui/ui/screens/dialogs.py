"""Modal dialogs. Each returns a typed result through ``dismiss`` (None when cancelled)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from piptui.domain.capture import CardDraft
from piptui.domain.exercise import Column
from piptui.domain.model import Card, Sector
from piptui.ui.screens.field_errors import show_field_error
from piptui.ui.screens.form_dialogs import CANCEL, FormDialog
from piptui.ui.text import SECTOR_SHORT, literal, plain

T = TypeVar("T")

__all__ = ["CANCEL", "ConfirmDialog", "EditCardDialog", "NewProgrammeDialog", "PickDialog"]


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question. ``True`` only when confirmed."""

    BINDINGS = [*CANCEL, Binding("y", "confirm", "Yes", show=False), Binding("n", "cancel", "No", show=False)]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes") -> None:
        super().__init__(classes="dialog")
        self.question, self.detail, self.yes = question, detail, yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(literal(self.question, "bold"), classes="dialog-title")
            if self.detail:
                yield Static(literal(self.detail), classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button(plain(f"{self.yes} (y)"), id="yes", variant="error")
                yield Button(plain("Cancel (n)"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)


class PickDialog(ModalScreen[T | None], Generic[T]):
    """Pick one of a few labelled values (a column, a session). Digits pick directly."""

    BINDINGS = [*CANCEL, *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10))]

    def __init__(self, title: str, choices: Sequence[tuple[str, T]], current: T | None = None) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(literal(self.title_text, "bold"), classes="dialog-title")
            options = [
                Option(literal(f"{n}. " if n <= 9 else "   ").append(literal(label)), id=str(n - 1))
                for n, (label, _value) in enumerate(self.choices, 1)
            ]
            yield OptionList(*options, id="choices", markup=False)
            yield Static(literal("Enter or a digit picks, Esc cancels", "dim"), classes="dialog-hint")

    def on_mount(self) -> None:
        choices = self.query_one("#choices", OptionList)
        values = [v for _label, v in self.choices]
        if self.current in values:
            choices.highlighted = values.index(self.current)
        choices.focus()

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_pick(int(event.option.id or 0) + 1)

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.choices):
            self.dismiss(self.choices[number - 1][1])

    def action_cancel(self) -> None:
        self.dismiss(None)


def _sector_options() -> list[tuple[Text, Sector]]:
    return [(plain(SECTOR_SHORT[s]), s) for s in Sector]


class EditCardDialog(FormDialog[CardDraft]):
    """Every field of one card. Ctrl+S or the Save button saves; Esc cancels."""

    def __init__(self, card: Card, columns: Sequence[Column]) -> None:
        super().__init__()
        self.card = card
        self.columns = list(columns)

    def compose(self) -> ComposeResult:
        card = self.card
        with Vertical(classes="dialog-box dialog-wide"):
            yield Static(literal("Edit card", "bold"), classes="dialog-title")
            yield Label(plain("Text"))
            yield Input(card.text, id="text", compact=True, select_on_focus=False)
            yield Label(plain("Tags (space-separated)"))
            yield Input(" ".join(card.tags), id="tags", compact=True)
            with Horizontal(classes="dialog-row"):
                yield Select(
                    _sector_options(), value=card.sector or Select.NULL, prompt="Sector", id="sector", compact=True
                )
                yield Select(
                    _sector_options(),
                    value=card.voiced_as or Select.NULL,
                    prompt="Voiced as",
                    id="voiced",
                    compact=True,
                )
            if self.columns:
                ids = [c.id for c in self.columns]
                yield Select(
                    [(plain(c.title), c.id) for c in self.columns],
                    value=card.column if card.column in ids else Select.NULL,
                    prompt="Column: unsorted",
                    id="column",
                    compact=True,
                )
            yield Checkbox(plain("Confidential"), card.confidential, id="confidential", compact=True)
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def fields(self) -> CardDraft:
        def sector(widget_id: str) -> Sector | None:
            value = self.query_one(widget_id, Select).value
            return value if isinstance(value, Sector) else None

        column: str | None = None
        if self.columns:
            value = self.query_one("#column", Select).value
            column = value if isinstance(value, str) else None
        else:
            column = self.card.column
        return CardDraft(  # the role (a role play's speaker) is not edited here: kept as it was
            text=self.query_one("#text", Input).value,
            tags=tuple(self.query_one("#tags", Input).value.replace(",", " ").replace("#", " ").split()),
            sector=sector("#sector"),
            voiced_as=sector("#voiced"),
            column=column,
            confidential=self.query_one("#confidential", Checkbox).value,
            role=self.card.role,
        )

    def value(self) -> CardDraft | None:
        edit = self.fields()
        if show_field_error(self, "text", None if edit.text.strip() else "A card needs some text"):
            return None
        return edit


@dataclass(frozen=True, slots=True)
class NewProgramme:
    name: str
    area: str
    title: str
    script: str


class NewProgrammeDialog(FormDialog[NewProgramme]):
    """Name, area, title and programme script of a new programme."""

    BINDINGS = [*CANCEL, Binding("ctrl+s", "save", "Create", priority=True)]

    def __init__(self, scripts: Sequence[tuple[str, str]], default_script: str) -> None:
        super().__init__()
        self.scripts = list(scripts)
        self.default_script = default_script

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box dialog-wide"):
            yield Static(literal("New programme", "bold"), classes="dialog-title")
            yield Label(plain("Name (letters, digits, - _ .), e.g. darlington-2008"))
            yield Input(id="name", compact=True)
            yield Label(plain("Area (the local authority), e.g. Darlington"))
            yield Input(id="area", compact=True)
            yield Label(plain("Title (optional)"))
            yield Input(id="title", compact=True)
            if self.scripts:
                ids = [sid for _t, sid in self.scripts]
                yield Select(
                    [(plain(t), sid) for t, sid in self.scripts],
                    id="script",
                    allow_blank=False,
                    value=self.default_script if self.default_script in ids else ids[0],
                    compact=True,
                )
            yield from self.buttons("Create (ctrl+s)")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def value(self) -> NewProgramme | None:
        name = self.query_one("#name", Input).value.strip()
        area = self.query_one("#area", Input).value.strip()
        if not name or not area:
            self.notify("A programme needs a name and an area", severity="error", markup=False)
            return None
        script = self.default_script
        if self.scripts:
            value = self.query_one("#script", Select).value
            script = value if isinstance(value, str) else script
        return NewProgramme(name, area, self.query_one("#title", Input).value.strip(), script)

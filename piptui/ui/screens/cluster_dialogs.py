"""Dialogs of the clusters screens: a line of text, grouping, picking several, editing a suggestion.

Each is a :class:`~piptui.ui.screens.form_dialogs.FormDialog`: it returns a typed result
(None when cancelled) and, opened with ``save_in``, stays open with its edits until the save
succeeds. Every user string (card text, cluster titles, names) is shown literally, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from piptui.domain.model import Card, Cluster
from piptui.ui.screens.form_dialogs import CANCEL, FormDialog
from piptui.ui.text import counted, literal, one_line, plain

T = TypeVar("T")


class TextDialog(FormDialog[str]):
    """One line of text (a title, a number). Enter saves; the text comes back as typed."""

    BINDINGS = CANCEL

    def __init__(
        self,
        title: str,
        label: str = "",
        value: str = "",
        *,
        placeholder: str = "",
        detail: str = "",
        ok: str = "OK (enter)",
    ) -> None:
        super().__init__()
        self.title_text, self.label, self.initial = title, label, value
        self.placeholder, self.detail, self.ok = placeholder, detail, ok

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(literal(self.title_text, "bold"), classes="dialog-title")
            if self.detail:
                yield Static(literal(self.detail), classes="dialog-detail")
            if self.label:
                yield Label(plain(self.label))
            yield Input(self.initial, placeholder=self.placeholder, id="text", compact=True)
            yield from self.buttons(self.ok)

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def value(self) -> str:
        return self.query_one("#text", Input).value


@dataclass(frozen=True, slots=True)
class GroupChoice:
    """Where marked cards go: a new cluster called ``title``, or the existing ``cluster_id``."""

    title: str | None = None
    cluster_id: str | None = None


class GroupDialog(FormDialog[GroupChoice]):
    """Group cards: type a new cluster's title (Enter), or Tab to an existing cluster (Enter)."""

    BINDINGS = CANCEL

    def __init__(self, count: int, clusters: Sequence[Cluster], title: str = "") -> None:
        super().__init__()
        self.count = count
        self.clusters = list(clusters)
        self.suggested = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box dialog-wide"):
            noun = "card" if self.count == 1 else "cards"
            yield Static(literal(f"Group {self.count} {noun}", "bold"), classes="dialog-title")
            yield Label(plain("Title of a new cluster (Enter creates it)"))
            yield Input(self.suggested, id="title", compact=True, placeholder="e.g. Lack of resources")
            if self.clusters:
                yield Label(plain("…or add them to an existing cluster (Tab, then Enter)"))
                options = [
                    Option(
                        literal(f"{one_line(c.title, 60)}  ").append(literal(counted(len(c.card_ids), "card"), "dim")),
                        id=c.id,
                    )
                    for c in self.clusters
                ]
                yield OptionList(*options, id="existing", markup=False)
            yield from self.buttons("Group (enter)")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def value(self) -> GroupChoice | None:
        title = self.query_one("#title", Input).value
        if not title.strip():
            self.notify("Type a title for the new cluster, or pick an existing one", severity="warning")
            return None
        return GroupChoice(title=title)

    @on(OptionList.OptionSelected, "#existing")
    def _existing(self, event: OptionList.OptionSelected) -> None:
        self.submit(GroupChoice(cluster_id=event.option.id))


class Ticks(SelectionList[T]):
    """A SelectionList where Space ticks and Enter confirms the dialog (instead of ticking too)."""

    BINDINGS = [Binding("enter", "screen.save", "OK", show=False)]


class MultiPickDialog(FormDialog[list[T]], Generic[T]):
    """Tick several of a list (Space ticks, Enter confirms)."""

    BINDINGS = [*CANCEL, Binding("ctrl+s", "save", "OK", priority=True)]

    def __init__(
        self,
        title: str,
        choices: Sequence[tuple[str, T]],
        ticked: Sequence[T] = (),
        hint: str = "Space ticks, Enter or Ctrl+S confirms, Esc cancels",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.ticked = list(ticked)
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box dialog-wide"):
            yield Static(literal(self.title_text, "bold"), classes="dialog-title")
            yield Ticks[int](
                *(Selection(literal(label), n, value in self.ticked) for n, (label, value) in enumerate(self.choices)),
                id="picks",
            )
            yield Static(literal(self.hint, "dim"), classes="dialog-hint")
            yield from self.buttons("OK (ctrl+s)")

    def on_mount(self) -> None:
        self.query_one("#picks", SelectionList).focus()

    def value(self) -> list[T]:
        picked = sorted(self.query_one("#picks", SelectionList).selected)
        return [self.choices[n][1] for n in picked]


@dataclass(frozen=True, slots=True)
class SuggestionEdit:
    title: str
    card_ids: tuple[str, ...]


class SuggestionEditDialog(FormDialog[SuggestionEdit]):
    """Change a suggested cluster's title and untick cards that do not belong."""

    BINDINGS = [*CANCEL, Binding("ctrl+s", "save", "Accept", priority=True)]

    def __init__(self, title: str, cards: Sequence[Card]) -> None:
        super().__init__()
        self.suggested = title
        self.cards = list(cards)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box dialog-wide"):
            yield Static(literal("Edit the suggested cluster", "bold"), classes="dialog-title")
            yield Label(plain("Title"))
            yield Input(self.suggested, id="title", compact=True)
            yield Label(plain("Cards (Space unticks one that does not belong)"))
            yield Ticks[str](
                *(Selection(literal(one_line(c.text, 200)), c.id, True) for c in self.cards),
                id="cards",
            )
            yield from self.buttons("Accept (ctrl+s)")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def value(self) -> SuggestionEdit | None:
        title = self.query_one("#title", Input).value
        chosen = set(self.query_one("#cards", SelectionList).selected)
        ids = tuple(c.id for c in self.cards if c.id in chosen)
        if not title.strip():
            self.notify("The cluster needs a title", severity="warning")
            return None
        if not ids:
            self.notify("Keep at least one card (or reject the suggestion)", severity="warning")
            return None
        return SuggestionEdit(title, ids)

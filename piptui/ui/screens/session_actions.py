"""The session screen's key actions: cards (edit, move, delete), undo/redo, steps, timer, views.

A mixin so that :mod:`piptui.ui.screens.session` stays about layout and data flow.
Every action here is bound in :mod:`piptui.ui.bindings`.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.screen import Screen
from textual.widgets import Input

from piptui.domain.columns import CardFilter, neighbour_column
from piptui.errors import PiptuiError
from piptui.store import SessionStore
from piptui.ui.feedback import report_error, undo_or_redo
from piptui.ui.text import one_line
from piptui.ui.widgets.board import Board
from piptui.ui.widgets.capture import CaptureLine

if TYPE_CHECKING:
    from piptui.domain.exercise import Column
    from piptui.ui.screens.dialogs import CardEdit

# Screens other helpers write; pushed when their module is importable.
PLUGIN_SCREENS: dict[str, tuple[str, str]] = {
    "clusters": ("piptui.ui.screens.clusters", "Clusters"),
    "plan": ("piptui.ui.screens.plan", "The action plan"),
    "review": ("piptui.ui.screens.review", "The review"),
    "export": ("piptui.ui.screens.export_dialog", "Export"),
    "survey": ("piptui.ui.screens.survey", "The survey"),
    "participants": ("piptui.ui.screens.participants", "The participants"),
}


def plugin_screen(module_name: str) -> Any | None:
    """The screen a plug-in module offers: its ``SCREEN``, else the first full screen class it
    defines (a name ending in ``Screen``), else the first screen of any kind (a dialog)."""
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    found = getattr(module, "SCREEN", None)
    if found is not None:
        return found
    from textual.screen import ModalScreen, Screen

    own = [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, Screen) and value.__module__ == module.__name__
    ]
    full = [c for c in own if c.__name__.endswith("Screen") and not issubclass(c, ModalScreen)]
    choices = full or own
    return choices[0] if choices else None


class SessionActions(Screen[None]):
    """Actions of :class:`SessionScreen`, which provides the state declared here."""

    path: Path
    author: str | None
    store: SessionStore
    number: int
    step_index: int | None
    card_filter: CardFilter

    @property
    def columns(self) -> tuple[Column, ...]:
        raise NotImplementedError

    def refresh_from_store(self, *, force: bool = False, select: str | None = None) -> None:
        raise NotImplementedError

    def go_to_step(self, index: int) -> None:
        raise NotImplementedError

    def change_timer(self, how: str) -> None:
        raise NotImplementedError

    def clear_filter(self) -> None:
        raise NotImplementedError

    def show_sidebar(self) -> None:
        raise NotImplementedError

    # -- the highlighted card --------------------------------------------------
    def _selected(self) -> str | None:
        card_id: str | None = self.query_one(Board).highlighted_card_id
        if card_id is None:
            self.notify("No card is highlighted (Up/Down or Tab to the board)", severity="warning")
        return card_id

    def _report(self, exc: PiptuiError) -> None:
        report_error(self, exc, title="")

    def action_edit_card(self) -> None:
        card_id = self._selected()
        if card_id is not None:
            self.edit_card(card_id)

    def edit_card(self, card_id: str) -> None:
        from piptui.ui.screens.dialogs import EditCardDialog  # dialogs load when first used, not at start-up

        try:
            card = self.store.card(card_id)
        except PiptuiError as exc:
            self._report(exc)
            return

        def done(edit: CardEdit | None) -> None:
            if edit is None:
                return
            # Only what this person changed: a field someone else changed meanwhile is kept.
            changes = {name: value for name, value in dataclasses.asdict(edit).items() if value != getattr(card, name)}
            try:
                if changes:
                    self.store.edit_card(card_id, **changes)
            except PiptuiError as exc:
                self._report(exc)
            self.refresh_from_store(select=card_id)

        self.app.push_screen(EditCardDialog(card, self.columns), done)

    def action_move_card(self) -> None:
        card_id = self._selected()
        if card_id is None:
            return
        if not self.columns:
            self.notify("This step has no columns to move cards between", severity="warning")
            return
        from piptui.ui.screens.dialogs import PickDialog

        choices = [(c.title if not c.group else f"{c.group} › {c.title}", c.id) for c in self.columns]
        choices.append(("Unsorted", ""))
        current = self.store.card(card_id).column or ""

        def done(column: str | None) -> None:
            if column is not None:
                self.move_card(card_id, column or None)

        self.app.push_screen(PickDialog("Move the card to…", choices, current), done)

    def action_shift_card(self, offset: int) -> None:
        card_id = self._selected()
        if card_id is None or not self.columns:
            return
        try:
            column = self.store.card(card_id).column
        except PiptuiError as exc:
            self._report(exc)
            return
        target = neighbour_column(self.columns, column, offset)
        if target != column:
            self.move_card(card_id, target)

    def move_card(self, card_id: str, column: str | None) -> None:
        try:
            self.store.move_card(card_id, column)
        except PiptuiError as exc:
            self._report(exc)
        self.refresh_from_store(select=card_id)

    def action_delete_card(self) -> None:
        card_id = self._selected()
        if card_id is None:
            return
        try:
            card = self.store.card(card_id)
        except PiptuiError as exc:
            self._report(exc)
            return

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.delete_card(card_id)
            except PiptuiError as exc:
                self._report(exc)
            else:
                self.notify("Card deleted (Ctrl+Z undoes)")
            self.refresh_from_store()

        from piptui.ui.screens.dialogs import ConfirmDialog

        self.app.push_screen(ConfirmDialog("Delete this card?", one_line(card.text, 300), yes="Delete"), done)

    # -- undo / redo -----------------------------------------------------------
    def action_undo(self) -> None:
        self._undo_redo(redo=False)

    def action_redo(self) -> None:
        self._undo_redo(redo=True)

    def _undo_redo(self, *, redo: bool) -> None:
        if undo_or_redo(self, self.store, redo=redo):
            self.refresh_from_store(force=True)

    # -- steps, timer, views -----------------------------------------------------
    def action_previous_step(self) -> None:
        self.go_to_step((self.step_index if self.step_index is not None else 1) - 1)

    def action_next_step(self) -> None:
        self.go_to_step((self.step_index if self.step_index is not None else -1) + 1)

    def action_toggle_timer(self) -> None:
        self.change_timer("toggle")

    def action_add_minute(self) -> None:
        self.change_timer("add")

    def action_toggle_notes(self) -> None:
        self.query_one("#step-notes").toggle_class("-hidden")

    def action_toggle_agenda(self) -> None:
        self.show_sidebar()
        sidebar = self.query_one("#sidebar")
        sidebar.toggle_class("-shown" if self.has_class("-narrow") else "-hidden")

    def action_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        filter_input.remove_class("-hidden")
        filter_input.focus()

    def action_capture(self) -> None:
        capture = self.query_one(CaptureLine)
        in_filter = self.focused is not None and self.focused.id == "filter"
        if in_filter or (capture.has_focus and self.card_filter.active):
            self.clear_filter()
        capture.focus()

    def action_board_cursor(self, direction: str) -> None:
        """Walk the board's highlight from wherever the focus is (the capture line keeps it)."""
        board = self.query_one(Board)
        move = {
            "up": board.action_cursor_up,
            "down": board.action_cursor_down,
            "page_up": board.action_page_up,
            "page_down": board.action_page_down,
            "first": board.action_first,
            "last": board.action_last,
        }.get(direction.replace("-", "_"))
        if move is not None:
            move()

    # -- other screens -------------------------------------------------------
    def action_pick_session(self) -> None:
        self.app.action_pick_session(self.path)  # type: ignore[attr-defined]

    def action_home(self) -> None:
        self.app.action_home()  # type: ignore[attr-defined]

    def action_clusters(self) -> None:
        self.open_plugin("clusters")

    def action_plan(self) -> None:
        self.open_plugin("plan")

    def action_review(self) -> None:
        self.open_plugin("review")

    def action_export(self) -> None:
        self.open_plugin("export")

    def action_survey(self) -> None:
        self.open_plugin("survey")

    def action_participants(self) -> None:
        self.open_plugin("participants")

    def action_session_details(self) -> None:
        from piptui.ui.screens.session_details import edit_session_details

        edit_session_details(self, self.store, self.number, lambda: self.refresh_from_store(force=True))

    def open_plugin(self, name: str) -> None:
        """Push another helper's screen, built as ``Screen(path, session=, author=[, library=])``.

        ``library`` (the loaded exercise library) is passed when the screen's constructor takes it.
        """
        module_name, what = PLUGIN_SCREENS[name]
        screen_class = plugin_screen(module_name)
        if screen_class is None:
            self.notify(f"{what} is not available yet", severity="warning")
            return
        kwargs: dict[str, Any] = {"session": self.number, "author": self.author}
        library = getattr(self, "library", None)
        if library is not None and "library" in inspect.signature(screen_class).parameters:
            kwargs["library"] = library
        try:
            screen = screen_class(self.path, **kwargs)
        except PiptuiError as exc:
            self._report(exc)
            return
        self.app.push_screen(screen, lambda _result: self.refresh_from_store(force=True))

"""The session screen's key actions: cards (edit, move, delete), undo/redo, steps, timer, views.

A mixin so that :mod:`piptui.ui.screens.session` stays about layout and data flow.
Every action here is bound in :mod:`piptui.ui.bindings`.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work
from textual.screen import Screen
from textual.widgets import Input

from piptui.domain.columns import CardFilter, neighbour_column
from piptui.errors import PiptuiError
from piptui.ui.feedback import undo_or_redo
from piptui.ui.screens.programme_screen import ProgrammeScreen
from piptui.ui.text import one_line
from piptui.ui.widgets.board_columns import BoardColumns

if TYPE_CHECKING:
    from piptui.domain.capture import CardDraft
    from piptui.domain.exercise import Column, Step


class SessionActions(ProgrammeScreen):
    """Actions of :class:`SessionScreen`, which sets the state declared here."""

    number: int
    step: Step | None
    step_index: int | None
    card_filter: CardFilter

    @property
    def columns(self) -> tuple[Column, ...]:
        """The current step's columns (none without a step)."""
        return self.step.columns if self.step is not None else ()

    # -- the highlighted card --------------------------------------------------
    def _selected(self) -> str | None:
        card_id: str | None = self.query_one(BoardColumns).highlighted_card_id
        if card_id is None:
            self.notify("No card is highlighted (Up/Down or Tab to the board)", severity="warning")
        return card_id

    def _report(self, exc: PiptuiError) -> None:
        self.report(exc, title="")

    def action_edit_card(self) -> None:
        card_id = self._selected()
        if card_id is not None:
            self.edit_card(card_id)

    @work(exclusive=True, group="card-dialog")
    async def edit_card(self, card_id: str) -> None:
        from piptui.ui.screens.dialogs import EditCardDialog  # dialogs load when first used, not at start-up
        from piptui.ui.screens.form_dialogs import save_in

        try:
            card = self.store.card(card_id)
        except PiptuiError as exc:
            self._report(exc)
            return

        def save(edit: CardDraft) -> None:
            # Only what this person changed: a field someone else changed meanwhile is kept.
            fields = dataclasses.asdict(edit)
            changes = {name: value for name, value in fields.items() if value != getattr(card, name)}
            if changes:
                self.store.edit_card(card_id, **changes)  # a failure keeps the dialog open, with the edits

        await save_in(self.app, EditCardDialog(card, self.columns), save)
        self.saved(select=card_id)

    @work(exclusive=True, group="card-dialog")
    async def action_move_card(self) -> None:
        card_id = self._selected()
        if card_id is None:
            return
        if not self.columns:
            self.notify("This step has no columns to move cards between", severity="warning")
            return
        from piptui.ui.screens.dialogs import PickDialog

        choices = [(c.title if not c.group else f"{c.group} › {c.title}", c.id) for c in self.columns]
        choices.append(("Unsorted", ""))
        try:
            current = self.store.card(card_id).column or ""
        except PiptuiError as exc:
            self._report(exc)
            return
        column = await self.app.push_screen_wait(PickDialog("Move the card to…", choices, current))
        if column is not None:
            self.move_card(card_id, column or None)

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
        self.saved(select=card_id)

    @work(exclusive=True, group="card-dialog")
    async def action_delete_card(self) -> None:
        from piptui.ui.screens.dialogs import ConfirmDialog

        card_id = self._selected()
        if card_id is None:
            return
        try:
            card = self.store.card(card_id)
        except PiptuiError as exc:
            self._report(exc)
            return
        dialog = ConfirmDialog("Delete this card?", one_line(card.text, 300), yes="Delete")
        if not await self.app.push_screen_wait(dialog):
            return
        try:
            self.store.delete_card(card_id)
        except PiptuiError as exc:
            self._report(exc)
        else:
            secret = " Its text stays in the undo history until 'piptui compact'." if card.confidential else ""
            self.notify(f"Card deleted (Ctrl+Z undoes).{secret}")
        self.saved()

    # -- undo / redo -----------------------------------------------------------
    def undo_redo(self, *, redo: bool) -> None:
        if undo_or_redo(self, self.store, redo=redo):
            self.saved(force=True)

    # -- steps, timer, views -----------------------------------------------------
    def action_toggle_notes(self) -> None:
        self.query_one("#step-notes").toggle_class("-hidden")

    async def action_filter(self) -> None:
        """F4: the filter's line above the board, made the first time (a widget the first frame
        need not build: bench start-up), then shown and focused."""
        found = self.query("#filter").results(Input)
        filter_input = next(found, None)
        if filter_input is None:
            filter_input = Input(
                id="filter",
                placeholder="Filter: words  #tag  @speaker  >voiced as   (Esc clears)",
                compact=True,
            )
            await self.query_one("#session-main").mount(filter_input, before="#board-area")
        filter_input.remove_class("-hidden")
        filter_input.focus()

    def action_board_cursor(self, direction: str) -> None:
        """Walk the board's highlight from wherever the focus is (the capture line keeps it):
        up, down, page_up, page_down, first, last within the current column; left, right to the
        neighbouring column (the focus follows when the board has it)."""
        from piptui.ui.screens import exercise_views

        if direction not in ("left", "right") and exercise_views.scroll(self, direction):  # type: ignore[arg-type]
            return
        self.query_one(BoardColumns).cursor(direction)

    # -- other screens -------------------------------------------------------
    def action_pick_session(self) -> None:
        self.papp.action_pick_session(self.path)

    def action_home(self) -> None:
        self.papp.action_home()

    def action_clusters(self) -> None:
        from piptui.ui.screens.clusters import ClustersScreen

        self.open_screen(lambda: ClustersScreen(self.live, self.loaded_library, self.number), view="clusters")

    def action_plan(self) -> None:
        from piptui.ui.screens.plan import PlanScreen

        self.open_screen(lambda: PlanScreen(self.live, self.loaded_library, self.number), view="plan")

    def action_profile(self) -> None:
        from piptui.ui.screens.profile import ProfileScreen

        self.open_screen(lambda: ProfileScreen(self.live, session=self.number))  # it tells the wall itself

    def action_review(self) -> None:
        from piptui.ui.screens.review import ReviewScreen

        self.open_screen(lambda: ReviewScreen(self.live, self.loaded_library, self.number), view="review")

    def action_export(self) -> None:
        from piptui.ui.screens.export_dialog import ExportDialog

        self.open_screen(lambda: ExportDialog(self.path, session=self.number, author=self.author))

    def action_survey(self) -> None:
        from piptui.ui.screens.survey import SurveyScreen

        self.open_screen(lambda: SurveyScreen(self.live, self.number, library=self.loaded_library))

    def action_participants(self) -> None:
        from piptui.ui.screens.participants import ParticipantsScreen

        self.open_screen(lambda: ParticipantsScreen(self.live, session=self.number))

    @work(exclusive=True, group="card-dialog")
    async def action_session_details(self) -> None:
        from piptui.ui.screens.session_details import edit_session_details

        await edit_session_details(self, self.store, self.number, lambda: self.saved(force=True))

    def open_screen(self, build: Callable[[], Screen[Any]], *, view: str | None = None) -> None:
        """Push the screen ``build`` makes; back here, show whatever changed meanwhile.

        ``view``: while this screen leads the room, the wall shows that screen's read-only form."""
        try:
            screen = build()
        except PiptuiError as exc:
            self._report(exc)
            return
        self.room_view(view)

        def back(_result: object) -> None:
            self.room_view("board" if view else None)
            self.show_latest(force=True)

        self.app.push_screen(screen, back)

    def room_view(self, view: str | None) -> None:
        """Tell the wall what the lead shows (nothing unless this screen leads the room)."""
        if view is None or not getattr(self, "leading", False):
            return
        from piptui.store.room_ops import RoomLead

        with contextlib.suppress(PiptuiError):
            RoomLead(self.store, self.author).set_view(view)

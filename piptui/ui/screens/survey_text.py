"""Typing an open answer on the survey screen: the text box under the grid.

Any key on an open-answer cell starts its text (F2 edits what is there); Enter keeps it and
moves on, Esc leaves it as it was. :class:`OpenAnswerEditing` is the part of
:class:`~piptui.ui.screens.survey.SurveyScreen` that does this; the screen provides the rest.
"""

from __future__ import annotations

from abc import abstractmethod

from textual import events, on
from textual.widgets import DataTable, Input

from piptui.domain.survey import SurveyResponse
from piptui.ui.screens.programme_screen import ProgrammeScreen
from piptui.ui.screens.survey_cells import GridColumn
from piptui.ui.text import literal, one_line

DRAFT = "draft"  # the row key of the form being typed


class OpenAnswerEditing(ProgrammeScreen):
    """Open answers of the survey grid. The screen provides the methods declared here."""

    editing: tuple[str, int] | None  # (row key, column) of the open answer being typed
    responses: list[SurveyResponse]
    columns: list[GridColumn]

    # What the survey screen provides (declared, not implemented, here):
    @abstractmethod
    def current(self) -> tuple[GridColumn, SurveyResponse]:
        """The highlighted cell's column and the response of its row."""

    @abstractmethod
    def row_key(self, row: int) -> str:
        """The response id of a grid row (``DRAFT`` for the form being typed)."""

    @abstractmethod
    def set_value(self, column: GridColumn, response: SurveyResponse, value: object) -> bool:
        """Put ``value`` in a cell (saving a saved row at once); False if it was refused."""

    @abstractmethod
    def advance(self) -> None:
        """Move the cursor on to the next cell."""

    def _text_key(self, event: events.Key) -> bool:
        """Keys while an open answer is typed. Keys typed quickly after the first may still arrive
        from the grid (they were on their way before the focus moved): they go into the text too."""
        box = self.query_one("#survey-text", Input)
        if event.key == "enter":
            self._close_text(keep=True)
        elif event.key == "backspace":
            box.action_delete_left()
        elif event.is_printable and event.character is not None:  # the text box keeps its own: these came late
            box.insert_text_at_cursor(event.character)
        else:
            return False
        return True

    def start_text(self, first: str | None = None) -> None:
        column, response = self.current()
        if column.kind != "open":
            return
        grid = self.query_one("#survey-grid", DataTable)
        self.editing = (self.row_key(grid.cursor_coordinate.row), grid.cursor_coordinate.column)
        box = self.query_one("#survey-text", Input)
        box.value = first if first is not None else response.open_answers.get(column.id, "")
        box.border_title = literal(one_line(column.title, 70))
        box.remove_class("-hidden")
        self.set_focus(box, scroll_visible=False)  # now: the keys that follow go to the text
        box.cursor_position = len(box.value)

    def action_edit_text(self) -> None:
        if self.columns and self.focused is self.query_one("#survey-grid", DataTable):
            self.start_text()

    @on(Input.Submitted, "#survey-text")
    def _text_done(self, event: Input.Submitted) -> None:
        event.stop()
        self._close_text(keep=True)

    def _close_text(self, *, keep: bool) -> None:
        box = self.query_one("#survey-text", Input)
        grid = self.query_one("#survey-grid", DataTable)
        editing, self.editing = self.editing, None
        box.add_class("-hidden")
        self.set_focus(grid, scroll_visible=False)
        if editing is None or not keep:
            return
        key, col = editing
        keys = [r.id for r in self.responses] + [DRAFT]
        if key not in keys:
            self.notify("That response was deleted meanwhile; the text was not saved", severity="warning")
            return
        grid.move_cursor(row=keys.index(key), column=col, animate=False)
        column, response = self.current()
        if self.set_value(column, response, box.value.strip() or None):
            self.advance()

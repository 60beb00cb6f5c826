"""The survey screen: paper evaluation forms typed in like a spreadsheet, one response per row.

Each rated question takes one key (1-5, 0 or Space for no answer) and the cursor moves on;
the sector is c / s / v / o, the sessions attended a digit. Open answers are typed in full
(any key starts the text, Enter keeps it). The last row is the form being typed: it is saved
when the cursor leaves its last cell (or with Ctrl+S), as one response and one undo step.
A saved row can be corrected in place: each key saves at once. Nothing asks for a name.

Built as ``SurveyScreen(path, session=None, author=None, library=None)``, the way the session
screen opens its plug-in screens (Ctrl+S there).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable, Input, Static

from piptui.domain.exercise import Exercise, Survey
from piptui.domain.model import new_id, utc_now
from piptui.domain.survey import SurveyResponse, check_response
from piptui.domain.survey_report import percent
from piptui.errors import PiptuiError
from piptui.store.survey_ops import SurveyOps
from piptui.ui.feedback import report_error
from piptui.ui.keymap import keyed
from piptui.ui.library import load_library
from piptui.ui.screens.survey_cells import (
    GridColumn,
    cell_text,
    grid_columns,
    key_value,
    legend,
    question_number,
    set_cell,
)
from piptui.ui.screens.survey_text import DRAFT, OpenAnswerEditing
from piptui.ui.text import literal, one_line, plain
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from piptui.store.snapshot import Snapshot
    from piptui.survey.load import ExerciseSource
    from piptui.ui.live import LiveProgramme

SURVEY_BINDINGS: list[BindingType] = [
    Binding("ctrl+s", "save_row", "Save row", tooltip="Save the form being typed now (the rest: no answer)"),
    Binding("f2", "edit_text", "Edit text", tooltip="Edit the open answer of the highlighted cell", show=False),
    Binding("delete", "clear_cell", "Clear", tooltip="Clear the highlighted cell (no answer)", show=False),
    Binding("ctrl+d", "delete_row", "Delete row", tooltip="Delete the highlighted response (asks first)"),
    Binding("ctrl+r", "report", "Report", tooltip="The evaluation report: tables and bars"),
    Binding("ctrl+z", "undo", "Undo", tooltip="Undo your latest change (a saved row, a correction, a deletion)"),
    Binding("ctrl+y", "redo", "Redo", tooltip="Redo what you undid", show=False),
    Binding("escape", "back", "Back", tooltip="Back to the previous screen"),
]
SURVEY_BINDINGS = keyed("survey", SURVEY_BINDINGS)  # ids for the keymap: survey.<action>


class SurveyScreen(OpenAnswerEditing):
    """Typing in the end-of-programme evaluation forms."""

    BINDINGS = SURVEY_BINDINGS
    HELP_INTRO = (
        "One row per paper form. Sector: c council, s statutory, v VCS, o other. Sessions: how many (a digit). "
        "Each question: 1 not helpful, 2 partially helpful, 3 neither, 4 helpful, 5 very helpful; 0 or Space: "
        "no answer. The cursor moves on by itself; Backspace goes back and clears. Open answers: just type, "
        "Enter keeps the text; Enter or Space on an empty one skips it. The row is saved when you leave its "
        "last cell. Arrows move anywhere; a key on a saved row corrects it at once. No names are stored."
    )

    def __init__(
        self,
        source: LiveProgramme | Path | str,
        session: int | None = None,
        *,
        author: str | None = None,
        library: ExerciseSource | None = None,
    ) -> None:
        super().__init__(source, session=session, author=author)
        self.ops = SurveyOps(self.store)
        self.programme = self.store.programme()
        self.number = session if session is not None else self.programme.current_session
        self.max_sessions = max((s.number for s in self.store.sessions()), default=5)
        self.library = library
        self.exercise: Exercise | None = None
        self.columns: list[GridColumn] = []
        self.responses: list[SurveyResponse] = []
        self.draft = SurveyResponse()
        self.editing = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="survey-prompt")
        yield DataTable(id="survey-grid", cursor_type="cell", zebra_stripes=True)
        yield Input(
            id="survey-text",
            classes="-hidden",
            placeholder="The answer; Enter keeps it, Esc cancels",
            select_on_focus=False,
        )
        yield Static(id="survey-status")
        yield KeyBar()

    # -- life ----------------------------------------------------------------
    def on_mount(self) -> None:
        self.title = one_line(self.programme.area or self.programme.name, 60)
        self.sub_title = "Evaluation survey · type in the forms"
        self.query_one("#survey-prompt", Static).update(literal("Loading the questionnaire…", "dim"))
        if self.library is not None:
            self._library_ready(self.library)
        else:
            load_library(self, self._library_ready, failed=self._report)

    def _library_ready(self, library: ExerciseSource) -> None:
        from piptui.survey.load import survey_exercise

        self.library = library
        try:
            self.exercise = survey_exercise(library, self.store.sessions())
        except PiptuiError as exc:
            self._report(exc)
            self.query_one("#survey-prompt", Static).update(literal(exc.message, "bold $error"))
            return
        self.draft = replace(self.draft, survey=self.exercise.id)
        self.columns = grid_columns(self.survey)
        grid = self.query_one("#survey-grid", DataTable)
        for column in self.columns:
            grid.add_column(plain(column.heading), key=column.id, width=column.width)
        self.snapshot_ready()  # from now on, at each change of the file
        self.refresh_rows(to_draft=True)
        grid.focus()

    @property
    def survey(self) -> Survey:
        assert self.exercise is not None and self.exercise.survey is not None
        return self.exercise.survey

    def show_snapshot(self, snapshot: Snapshot, *, force: bool = False, select: str | None = None) -> None:
        if self.columns:
            self.refresh_rows()

    # -- drawing -------------------------------------------------------------
    def refresh_rows(self, *, to_draft: bool = False) -> None:
        """Re-read the responses (if the file changed) and redraw every row; the cursor stays on the same cell."""
        assert self.exercise is not None
        self.live.check()
        self.shown_snapshot = snapshot = self.snapshot
        self.responses = snapshot.responses_of(self.exercise.id)
        grid = self.query_one("#survey-grid", DataTable)
        old = grid.cursor_coordinate
        old_key = self.row_key(old.row) if grid.row_count else DRAFT
        with self.app.batch_update():
            grid.clear()
            for n, response in enumerate(self.responses, 1):
                grid.add_row(*self._cells(response), key=response.id, label=plain(str(n), "dim"))
            grid.add_row(*self._cells(self.draft), key=DRAFT, label=plain("new", "bold"))
            keys = [r.id for r in self.responses] + [DRAFT]
            row = len(keys) - 1 if to_draft or old_key not in keys else keys.index(old_key)
            grid.move_cursor(row=row, column=0 if to_draft else old.column, animate=False)
        self.show_prompt()

    def _cells(self, response: SurveyResponse) -> list[Text]:
        return [plain(cell_text(c, response)) for c in self.columns]

    def _redraw_row(self, key: str, response: SurveyResponse) -> None:
        grid = self.query_one("#survey-grid", DataTable)
        for column in self.columns:
            grid.update_cell(key, column.id, plain(cell_text(column, response)))

    @on(DataTable.CellHighlighted, "#survey-grid")
    def show_prompt(self) -> None:
        if not self.columns:
            return
        column, response = self.current()
        survey = self.survey
        head: list[Content | tuple[str, str] | str] = []
        if column.kind == "rated":
            head += [(question_number(column, survey) + " · ", "bold $accent"), literal(column.stem + " ", "dim")]
        head.append(literal(column.title, "bold"))
        lines: list[Content | tuple[str, str] | str] = [*head, "\n"]
        if column.kind == "open" and column.id in response.open_answers:
            lines += [literal(one_line(response.open_answers[column.id], 160), "italic"), "\n"]
        lines.append(literal(legend(column, survey, self.max_sessions), "$text-muted"))
        if column.kind == "sessions":  # the ticks beside the answer: counts only, never who
            from piptui.domain.attendance import register_line, register_of

            snapshot = self.snapshot
            register = register_of(snapshot.sessions, (p.id for p in snapshot.participants))
            lines += ["\n", literal(register_line(register), "$text-muted")]
        self.query_one("#survey-prompt", Static).update(Content.assemble(*lines))
        self.show_status()

    def show_status(self) -> None:
        grid = self.query_one("#survey-grid", DataTable)
        invited = len(self.snapshot.participants)
        saved = len(self.responses)
        rate = f" ({percent(saved, invited)}% of {invited} invited)" if invited else " (no participants listed)"
        on_draft = self.row_key(grid.cursor_coordinate.row) == DRAFT
        where = f"Form {saved + 1} (new)" if on_draft else f"Response {grid.cursor_coordinate.row + 1}"
        word = "response" if saved == 1 else "responses"
        self.query_one("#survey-status", Static).update(literal(f"{where} · {saved} {word} saved{rate}"))

    # -- where the cursor is ---------------------------------------------------
    def row_key(self, row: int) -> str:
        keys = [r.id for r in self.responses] + [DRAFT]
        return keys[min(max(row, 0), len(keys) - 1)]

    def response_of(self, key: str) -> SurveyResponse:
        return self.draft if key == DRAFT else next(r for r in self.responses if r.id == key)

    def current(self) -> tuple[GridColumn, SurveyResponse]:
        grid = self.query_one("#survey-grid", DataTable)
        index = min(max(grid.cursor_coordinate.column, 0), len(self.columns) - 1)
        return self.columns[index], self.response_of(self.row_key(grid.cursor_coordinate.row))

    # -- keys ----------------------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        if not self.columns:
            return
        if self.editing is not None:
            handled = self._text_key(event)
        elif self.focused is self.query_one("#survey-grid", DataTable):
            handled = self._grid_key(event)
        else:
            handled = False
        if handled:
            event.prevent_default()
            event.stop()

    def _grid_key(self, event: events.Key) -> bool:
        char = event.character
        if event.key == "enter":
            self.advance()
        elif event.key == "backspace":
            self.back_and_clear()
        elif char is not None and event.is_printable:
            self.type_key(char)
        else:
            return False
        return True

    def type_key(self, char: str) -> None:
        column, response = self.current()
        if column.kind == "open":
            if char == " ":
                self.advance()
            else:
                self.start_text(char)
            return
        try:
            value = key_value(column, char, self.survey, self.max_sessions)
        except PiptuiError as exc:
            self.app.bell()
            self.notify(exc.message, severity="warning", markup=False, timeout=3)
            return
        if self.set_value(column, response, value):
            self.advance()

    def set_value(self, column: GridColumn, response: SurveyResponse, value: object) -> bool:
        """Set one cell: in the form being typed, or saved at once in a saved response."""
        new = set_cell(column, response, value)
        key = DRAFT if response is self.draft else response.id
        if key == DRAFT:
            self.draft = new
            self._redraw_row(DRAFT, new)
            return True
        if new == response:
            return True
        try:
            check_response(new, self.survey, max_sessions=self.max_sessions)
            self.ops.update(new)
        except PiptuiError as exc:
            self._report(exc)
            self.refresh_rows()
            return False
        self.refresh_rows()
        return True

    def advance(self) -> None:
        """Next cell; past the last cell of the form being typed, save it and start the next."""
        grid = self.query_one("#survey-grid", DataTable)
        at = grid.cursor_coordinate
        if at.column < len(self.columns) - 1:
            grid.move_cursor(column=at.column + 1, animate=False)
        elif self.row_key(at.row) == DRAFT:
            self.action_save_row()
        else:
            grid.move_cursor(row=at.row + 1, column=0, animate=False)

    def back_and_clear(self) -> None:
        grid = self.query_one("#survey-grid", DataTable)
        if grid.cursor_coordinate.column > 0:
            grid.move_cursor(column=grid.cursor_coordinate.column - 1, animate=False)
            self.action_clear_cell()

    def action_clear_cell(self) -> None:
        if self.columns:
            column, response = self.current()
            self.set_value(column, response, None)
            self.show_prompt()

    # -- rows ----------------------------------------------------------------
    def action_save_row(self) -> None:
        if not self.columns:
            return
        if self.draft.is_blank:
            self.notify("Nothing typed in this form yet", severity="warning")
            return
        response = replace(self.draft, id=new_id(), created=utc_now())
        try:
            check_response(response, self.survey, max_sessions=self.max_sessions)
            self.ops.add(response)
        except PiptuiError as exc:
            self._report(exc)
            return
        self.draft = SurveyResponse(survey=self.survey_id)
        self.refresh_rows(to_draft=True)

    @property
    def survey_id(self) -> str:
        return self.exercise.id if self.exercise is not None else self.draft.survey

    @work(exclusive=True, group="dialog")
    async def action_delete_row(self) -> None:
        if not self.columns:
            return
        grid = self.query_one("#survey-grid", DataTable)
        key = self.row_key(grid.cursor_coordinate.row)
        if key == DRAFT:
            self.draft = SurveyResponse(survey=self.survey_id)
            self.refresh_rows(to_draft=True)
            self.notify("Cleared the form being typed", timeout=2)
            return
        from piptui.ui.screens.dialogs import ConfirmDialog

        number = grid.cursor_coordinate.row + 1

        yes = await self.app.push_screen_wait(
            ConfirmDialog(f"Delete response {number}?", "Ctrl+Z undoes it.", yes="Delete")
        )
        if yes:
            try:
                self.ops.delete(key)
            except PiptuiError as exc:
                self._report(exc)
            self.refresh_rows()

    def action_report(self) -> None:
        from piptui.ui.screens.report import ReportScreen

        self.app.push_screen(
            ReportScreen(self.store.path, session=self.number, author=self.store.author, library=self.library)
        )

    @work(exclusive=True, group="dialog")
    async def action_back(self) -> None:
        if self.editing is not None:
            self._close_text(keep=False)
            return
        if self.draft.is_blank:
            self.dismiss(None)
            return
        from piptui.ui.screens.dialogs import ConfirmDialog

        yes = await self.app.push_screen_wait(
            ConfirmDialog(
                "Leave without saving the form being typed?",
                "Ctrl+S saves it; what is typed in it is lost if you leave.",
                yes="Leave",
            )
        )
        if yes:
            self.dismiss(None)

    def help_sections(self) -> list[tuple[str, list[BindingType]]]:
        return [("Survey", SURVEY_BINDINGS)]

    def _report(self, exc: PiptuiError) -> None:
        report_error(self, exc, title="Not saved")

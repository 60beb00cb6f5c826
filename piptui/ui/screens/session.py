"""The live session screen: agenda, the step's prompt and timer, the board, the capture line.

The screen owns its state (the session, the current step, the filter) and reads the app's
live programme (:class:`~piptui.ui.screens.programme_screen.ProgrammeScreen`): it draws each
snapshot of the file as it arrives, from this terminal or another; its widgets take data and
post messages.

Start-up: the first frame shows the screen's frame while the exercise library loads in a
worker; the exercise classes (``piptui.domain.exercise``) are imported where they are used,
once the library is there (tests/test_startup_imports.py keeps it so).
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input

from piptui.domain.agenda import agenda_steps
from piptui.domain.columns import CardFilter, ColumnGroup, column_tags, draft_card
from piptui.domain.model import Card, Session, step_ref
from piptui.domain.timer import add_minutes, pause, reset, start
from piptui.errors import PiptuiError
from piptui.ui.bindings import BOARD_BINDINGS, CAPTURE_HELP, SESSION_BINDINGS
from piptui.ui.lead import TAKE_KEY, LeadBar
from piptui.ui.library import load_library
from piptui.ui.screens import exercise_views, session_reveal
from piptui.ui.screens.session_actions import SessionActions
from piptui.ui.screens.step_cards import StepCards
from piptui.ui.text import literal, one_line
from piptui.ui.widgets.agenda import Agenda
from piptui.ui.widgets.board import Board
from piptui.ui.widgets.board_columns import BoardColumns
from piptui.ui.widgets.capture import CaptureLine, say_where_it_went
from piptui.ui.widgets.column_index import ColumnIndex
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.prompt import FacilitatorNotes, StepPrompt, StepTitle
from piptui.ui.widgets.timer import StepTimer
from piptui.ui.widgets.title_bar import TitleBar

INDEX_DELAY = 1 / 30  # seconds: the sidebar's counts follow the board a frame later (see _show_cards)

if TYPE_CHECKING:
    from piptui.domain.exercise import Exercise, Step
    from piptui.exercises import Library
    from piptui.store.snapshot import Snapshot
    from piptui.ui.live import LiveProgramme
    from piptui.ui.screens.help import HelpSection


class SessionScreen(SessionActions):
    """Run one session of a programme."""

    BINDINGS = SESSION_BINDINGS
    HELP_INTRO = CAPTURE_HELP
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    AUTO_FOCUS = "#capture"

    def __init__(self, source: LiveProgramme | Path, *, session: int | None = None, author: str | None = None) -> None:
        super().__init__(source, session=session, author=author)
        programme = self.store.programme()  # the title, in the first frame (the cards come later)
        self.programme = programme
        self.number = session if session is not None else programme.current_session
        self.library: Library | None = None
        self.steps: list[tuple[Exercise, Step]] = []
        self.step_index: int | None = None
        self.exercise: Exercise | None = None
        self.step: Step | None = None
        self.step_ref: str | None = None
        self.session: Session = self.store.session(self.number)
        self.card_filter = CardFilter()
        self._known: set[str] | None = None
        self._step_cards = StepCards()
        self._board_title = ""
        self._drawn: tuple[bool, list[ColumnGroup]] | None = None  # what the board shows
        self._shown_exercises: tuple[str, ...] | None = None
        self._groups: list[ColumnGroup] = []
        self._index_due = False  # the sidebar's counts are to follow the board (see _show_cards)
        self.leading = False  # this screen leads the room (see piptui.ui.lead)
        self.browse_step: str | None = None  # the step shown here while browsing (someone else leads)
        self.lead_bar = LeadBar(self.store, self.author, self.number, id="lead-bar")
        self.title = programme.area or programme.name  # here, not on mount: in the first frame
        self.sub_title = self._sub_title()

    # -- layout --------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="session-body"):
            yield Vertical(id="sidebar")  # filled when first on screen (see show_sidebar)
            with Vertical(id="session-main"):
                yield self.lead_bar
                yield session_reveal.HiddenNote(id="hidden-note")  # the step is hidden from the wall
                with Horizontal(id="step-bar"):
                    yield StepTitle(id="step-title")
                    yield StepTimer(id="step-timer")
                yield StepPrompt(id="step-prompt")
                yield FacilitatorNotes(id="step-notes", classes="-hidden")
                # the filter's line (#filter) is mounted here when first asked for (session_actions)
                yield BoardColumns(
                    id="board-area", list_id="board", columns_id="board-columns", column_classes="board-column"
                )
                yield VerticalScroll(id="exercise-pane", classes="-hidden")  # see exercise_views
                yield CaptureLine(id="capture")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(StepPrompt).show(None, loading=True)
        # After the first frame (loading competes for the GIL); the programme's first snapshot
        # is read there too, off the UI thread.
        self.call_after_refresh(load_library, self, self._library_ready, also=lambda: self.live.snapshot)

    def on_resize(self) -> None:
        if self.size.width >= self.HORIZONTAL_BREAKPOINTS[1][0]:
            self.show_sidebar()

    def show_sidebar(self) -> None:
        """Build the sidebar (agenda, column counts) the first time it is on screen: narrow
        terminals never pay for it unless asked (Ctrl+G)."""
        sidebar = self.query_one("#sidebar")
        if sidebar.children:
            return
        agenda, index = Agenda(id="agenda"), ColumnIndex(id="column-index")
        sidebar.mount(agenda, index)
        if self.library is not None:
            agenda.show(self.steps, self.step_index)
            index.show(self._groups, self.card_filter.active)

    def _sub_title(self) -> str:
        s = self.session
        when = f" · {s.date}" if s.date else ""
        role = " · you lead the room" if self.leading else " · browsing"
        return one_line(f"Session {s.number} · {s.title}{when}{role}", 140)

    @on(LeadBar.Changed)
    def _lead_changed(self, event: LeadBar.Changed) -> None:
        """This screen started or stopped leading: the room goes where this screen is, or stays."""
        was, self.leading = self.leading, event.leading
        if self.leading and not was and self.browse_step is not None:
            browsed, self.browse_step = self.browse_step, None
            if browsed != self.store.session(self.number).current_step:
                found = self.library.step(browsed) if self.library is not None else None
                timebox = found[1].timebox if found else 0.0
                try:
                    self.store.set_current_step(self.number, browsed, timer=reset(timebox))
                except PiptuiError as exc:
                    self.notify(exc.message, severity="error", markup=False)
        elif not self.leading and was:
            self.browse_step = self.step_ref  # stay on the step on screen; the room goes its way
        self.sub_title = self._sub_title()
        self.saved(force=True)

    def action_take_lead(self) -> None:
        self.lead_bar.take()

    def _library_ready(self, library: Library) -> None:
        self.library = library
        self.snapshot_ready()
        self.query_one(CaptureLine).focus()

    # -- drawing the programme -------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot, *, force: bool = False, select: str | None = None) -> None:
        """Draw what changed in the session: its step, timer and cards.

        Keeps the highlighted card; a card that arrived since the last look (from here or
        another terminal) is scrolled into view.
        """
        if self.library is None:
            return
        if self.lead_bar.is_mounted:
            self.lead_bar.file_changed(snapshot.programme)  # did another terminal take the lead?
        session = snapshot.session(self.number)
        if not self.leading and self.browse_step is not None:
            session = replace(session, current_step=self.browse_step)
        if force or session.current_step != self.step_ref or session.exercises != self._shown_exercises:
            self._show_step(session)
        if force or session.timer != self.session.timer:
            self.query_one(StepTimer).show(session.timer)
            self.run_clock(session.timer.running)  # a tick a second while the timer runs
        self.session = session
        self.sub_title = self._sub_title()
        self._show_cards(select=select)
        session_reveal.show_note(self)

    def _show_step(self, session: Session) -> None:
        assert self.library is not None
        self._shown_exercises = session.exercises
        self.steps = agenda_steps(session.exercises, self.library.exercises)
        ref = session.current_step
        self.step_ref = ref
        refs = [step_ref(e.id, s.id) for e, s in self.steps]
        self.step_index = refs.index(ref) if ref in refs else None
        if self.step_index is not None:
            self.exercise, self.step = self.steps[self.step_index]
        else:
            found = self.library.step(ref) if ref else None
            self.exercise, self.step = found if found else (None, None)
        for agenda in self.query(Agenda):
            agenda.show(self.steps, self.step_index)
        self.query_one(StepTitle).show(self.exercise, self.step, self.step_index or 0, len(self.steps))
        self.query_one(StepPrompt).show(self.step)
        self.query_one(FacilitatorNotes).show(self.step)
        self.query_one(CaptureLine).set_tags(column_tags(self.columns))
        exercise_views.step_changed(self)
        self._known = None
        self._drawn = None

    def _show_cards(self, *, select: str | None = None) -> None:
        if self.shown_snapshot is None:
            return
        board = self.query_one(BoardColumns)
        cards, groups, new = self._step_cards.update(
            self.shown_snapshot, self.number, self.step_ref, self.exercise, self.columns, self.card_filter
        )  # only the cards new since the last snapshot are looked at (a card from another terminal)
        known = self._known
        arrived = [c.id for c in new if c.id not in known] if known is not None else []
        if known is None or len(new) == len(cards):
            self._known = {c.id for c in cards}
        else:
            known.update(c.id for c in new)
        drawn = (self.card_filter.active, groups)
        # A write that changed nothing on the board (the lead's heartbeat, a vote, a plan edit)
        # redraws nothing: an idle room writes nothing to the terminal.
        if select is not None or arrived or drawn != self._drawn:
            board.show(
                groups,
                filtered=self.card_filter.active,
                keep=board.highlighted_card_id,
                select=select,
                reveal=arrived,
            )
            # The sidebar's counts a frame after the board: Textual redraws, in a frame, every widget
            # inside the one box around all that changed, so the sidebar and the card's column
            # drawn together redrew every column between them (bench board, side by side). Not
            # call_after_refresh: that can run before the board has asked for its frame.
            if not self._index_due:
                self._index_due = True
                self.set_timer(INDEX_DELAY, self._show_column_index)
        self._drawn = drawn
        self._groups = groups
        shown = sum(len(g.cards) for g in groups)
        title = (
            f"Cards {shown} of {len(cards)} · filter {self.card_filter.describe()}"
            if self.card_filter.active
            else f"Cards {len(cards)}"
        )
        if title != self._board_title:  # a new title redraws the whole board
            self._board_title = title
            board.set_title(literal(title))
        exercise_views.cards_changed(self)

    def _show_column_index(self) -> None:
        """The sidebar's column counts, as the board shows them now."""
        self._index_due = False
        for index in self.query(ColumnIndex):
            index.show(self._groups, self.card_filter.active)

    def clock_tick(self) -> None:
        timer = self.query_one(StepTimer)
        if timer.timer.running:
            timer.tick()

    # -- capture -------------------------------------------------------------
    @on(Input.Submitted, "#capture")
    def _captured(self, event: Input.Submitted) -> None:
        self.capture(event.value)

    def capture(self, line: str) -> Card | None:
        """Save the typed line as a card at once; on failure keep the text and say why."""
        capture_line = self.query_one(CaptureLine)
        if not line.strip():
            return None
        try:
            draft = draft_card(line, self.columns, self.exercise.roles if self.exercise is not None else ())
            card = self.store.add_card(
                draft.text,
                tags=draft.tags,
                sector=draft.sector,
                voiced_as=draft.voiced_as,
                session=self.number,
                step=self.step_ref,
                column=draft.column,
                confidential=draft.confidential,
                role=draft.role,
            )
        except PiptuiError as exc:
            self.notify(exc.message, title="Not saved", severity="error", markup=False)
            return None
        capture_line.value = ""
        self.saved(select=card.id)
        say_where_it_went(self, draft.tags, draft.column, self.columns)
        if self.card_filter.active and not self.card_filter.matches(card):
            self.notify("Saved; the filter hides it (Esc clears the filter)", severity="warning")
        return card

    # -- filter --------------------------------------------------------------
    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.card_filter = CardFilter.parse(event.value)
        self._show_cards()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        if not self.card_filter.active:
            self.query_one("#filter").add_class("-hidden")
        self.query_one(CaptureLine).focus()

    def clear_filter(self) -> None:
        for filter_input in self.query("#filter").results(Input):
            filter_input.value = ""
            filter_input.add_class("-hidden")
        self.card_filter = CardFilter()
        self._show_cards()

    # -- messages from the widgets ---------------------------------------------
    @on(Board.CardChosen)
    def _card_chosen(self, event: Board.CardChosen) -> None:
        self.edit_card(event.card_id)

    @on(ColumnIndex.ColumnChosen)
    def _column_chosen(self, event: ColumnIndex.ColumnChosen) -> None:
        self.query_one(BoardColumns).show_column(event.column_id)

    @on(Agenda.StepChosen)
    def _step_chosen(self, event: Agenda.StepChosen) -> None:
        self.go_to_step(event.index)
        self.query_one(CaptureLine).focus()

    # -- steps and timer -----------------------------------------------------
    def go_to_step(self, index: int) -> None:
        if not self.steps or not 0 <= index < len(self.steps):
            return
        exercise, step = self.steps[index]
        if not self.leading:  # browsing: the step moves on this screen only, never the room
            self.browse_step = step_ref(exercise.id, step.id)
            self.show_latest(force=True)
            return
        try:
            self.store.set_current_step(self.number, step_ref(exercise.id, step.id), timer=reset(step.timebox))
        except PiptuiError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
        self.clear_filter() if self.card_filter.active else None
        self.saved(force=True)

    def change_timer(self, how: str) -> None:
        if not self.leading:
            self.notify(f"Only the lead runs the room's timer. {TAKE_KEY} takes the lead.", severity="warning")
            return
        now = time.time()
        timer = self.session.timer
        new = add_minutes(timer, 1) if how == "add" else pause(timer, now) if timer.running else start(timer, now)
        try:
            self.store.set_timer(self.number, new)
        except PiptuiError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
        self.saved()

    # -- keys that steer the screen ------------------------------------------
    def action_previous_step(self) -> None:
        self.go_to_step((self.step_index if self.step_index is not None else 1) - 1)

    def action_next_step(self) -> None:
        self.go_to_step((self.step_index if self.step_index is not None else -1) + 1)

    def action_toggle_timer(self) -> None:
        self.change_timer("toggle")

    def action_add_minute(self) -> None:
        self.change_timer("add")

    def action_toggle_agenda(self) -> None:
        self.show_sidebar()
        sidebar = self.query_one("#sidebar")
        sidebar.toggle_class("-shown" if self.has_class("-narrow") else "-hidden")

    def action_capture(self) -> None:
        capture = self.query_one(CaptureLine)
        in_filter = self.focused is not None and self.focused.id == "filter"
        if in_filter or (capture.has_focus and self.card_filter.active):
            self.clear_filter()
        capture.focus()

    def action_exercise_view(self) -> None:
        exercise_views.next_view(self)

    def action_toggle_hidden(self) -> None:
        session_reveal.toggle(self)

    # -- help and palette ----------------------------------------------------
    def help_sections(self) -> list[HelpSection]:
        return [
            ("Session screen (also while typing)", SESSION_BINDINGS),
            ("On the board (Tab to go there, Esc to come back)", BOARD_BINDINGS),
        ]

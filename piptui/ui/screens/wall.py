"""The wall: the read-only view for the projector.

Opened by ``piptui wall NAME`` (``piptui open NAME --wall``). It shows the current
step's prompt large, the timer in big digits and the board, and follows the
facilitator: whatever session (unless one was given), step and timer the programme
file says, within a poll of any change. It never writes. Confidential cards and the
facilitator's notes never reach it: confidential cards are dropped before the board is
built, so even the column counts leave them out. A step hidden until revealed
(``piptui.domain.reveal``) shows its columns' counts only (``wall_hidden``), never a card's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Static

from piptui.domain.columns import CardFilter
from piptui.domain.model import Card, Session
from piptui.domain.reveal import step_hidden
from piptui.domain.timer import format_clock
from piptui.store.room_ops import live_lead
from piptui.ui.keymap import keyed
from piptui.ui.room import Room, RoomScreen
from piptui.ui.screens.exercise_views import board_groups
from piptui.ui.screens.wall_hidden import HiddenWall
from piptui.ui.screens.wall_plan import VIEW_PROMPTS, VIEW_TITLES, wall_view
from piptui.ui.text import literal, one_line
from piptui.ui.widgets.board import Board
from piptui.ui.widgets.board_columns import MIN_COLUMN, BoardColumns, dimensions
from piptui.ui.widgets.prompt import StepPrompt, StepTitle
from piptui.ui.widgets.title_bar import TitleBar

WALL_BINDINGS: list[BindingType] = [
    Binding("q", "app.quit", "Quit", tooltip="Close the wall (the programme is not changed)"),
    Binding("pageup", "scroll_board('page_up')", "Page up", tooltip="Scroll the board up", show=False),
    Binding("pagedown", "scroll_board('page_down')", "Page down", tooltip="Scroll the board down", show=False),
    Binding("ctrl+d", "profile", "Profile", tooltip="Show the partnership profile, or the board again", show=False),
    Binding("n", "next_pair", "Next pair", tooltip="The perspective swap: the next pair of sectors", show=False),
]
WALL_BINDINGS = keyed("wall", WALL_BINDINGS)  # ids for the keymap: wall.<action>

WALL_HELP = (
    "The wall shows the room what the facilitator is running: the step's prompt, its timer and "
    "the cards. It follows the facilitator's session screen and changes nothing. Confidential "
    "cards and facilitator notes are never shown here."
)


def session_line(session: Session) -> str:
    """E.g. "Session 3 · Title · 2008-03-13 · Town Hall · facilitated by Sue Carter and Nigel Brooks"."""
    parts = [f"Session {session.number}", session.title, session.date or "", session.venue]
    people = list(session.facilitators)
    if people:
        names = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
        parts.append(f"facilitated by {names}")
    return " · ".join(p for p in parts if p)


def public_cards(cards: Sequence[Card]) -> list[Card]:
    """The cards the wall may show: never a confidential one."""
    return [c for c in cards if not c.confidential]


class WallBoard(Board, can_focus=False):
    """The board, for looking at: it never takes the focus, so none of its keys act."""


class WallScreen(RoomScreen):
    """Read-only: ``WallScreen(path, session=None, author=None)`` (``author`` is ignored)."""

    BINDINGS = WALL_BINDINGS
    HELP_INTRO = WALL_HELP
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]

    def __init__(self, path: Path, *, session: int | None = None, author: str | None = None) -> None:
        super().__init__(path, session=session, author=None)
        self._known: set[str] | None = None
        self._shown: object = None
        self._drawn: tuple[Room, list[Card]] | None = None
        self._side_by_side = False
        self.own_profile = False  # Ctrl+D here: the profile, whatever the lead shows

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="wall-top"):
            with Vertical(id="wall-heading"):
                yield StepTitle(id="wall-step")
                yield StepPrompt(id="wall-prompt")
            with Vertical(id="wall-clock"):
                yield Digits("", id="wall-timer")
                yield Static("", id="wall-timer-state")
        yield BoardColumns(
            id="wall-cards",
            list_id="wall-board",
            columns_id="wall-columns",
            column_classes="wall-column",
            board_type=WallBoard,
            focusable=False,
        )
        yield HiddenWall(id="wall-hidden")  # a step hidden until revealed: counts only
        yield VerticalScroll(id="wall-exercise", classes="-hidden")  # the perspective swap's comparison
        with VerticalScroll(id="wall-plan"):
            yield Static("", id="wall-plan-text")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(StepPrompt).show(None, loading=True)
        self.query_one("#wall-clock").display = False

    def describe(self, room: Room) -> str:
        """The title bar: the session, its date, venue and facilitators."""
        return one_line(session_line(room.session), 200)

    def show_room(self, room: Room, cards: list[Card]) -> None:
        lead = live_lead(room.programme)
        view = lead.view if lead is not None else "board"
        from piptui.ui.screens import wall_profile

        if wall_profile.follow(self, room, view, self.own_profile):  # the lead is on the profile
            self._shown = self._drawn = None
            return
        if view in VIEW_TITLES:  # the lead is on the clusters, plan or review screen: so is the wall
            self._show_plan(room, view)
            return
        self.query_one("#wall-plan").display = False
        state = (room.session, room.step_ref, room.step, tuple(cards))  # the session holds what is hidden
        if state == self._shown:  # only the lead's heartbeat (or another session) changed: nothing to redraw
            return
        self._shown = state
        self._drawn = (room, cards)
        self.query_one(StepTitle).show(room.exercise, room.step, room.index or 0, room.total)
        self.query_one(StepPrompt).show(room.step)
        self.tick(room)
        self._draw_board(room, cards)

    def _show_plan(self, room: Room, view: str) -> None:
        snapshot = self.snapshot
        state = (
            view,
            room.session.number,
            snapshot.clusters,
            snapshot.objectives,
            snapshot.actions,
            snapshot.participants,
            tuple(c for c in snapshot.cards if c.cluster),
        )
        if state == self._shown:
            return
        self._shown = state
        self._drawn = None
        self.query_one(BoardColumns).add_class("-off")  # a class, not display: the exercises' -hidden stays theirs
        self.query_one(HiddenWall).display = False
        self.query_one("#wall-exercise").add_class("-hidden")
        self.query_one("#wall-clock").display = False
        self.query_one(StepTitle).update(literal(f"{VIEW_TITLES[view]} · session {room.session.number}", "bold"))
        self.query_one(StepPrompt).update(literal(VIEW_PROMPTS[view]))
        plan = self.query_one("#wall-plan", VerticalScroll)
        plan.display = True
        plan.border_title = literal(VIEW_TITLES[view])
        self.query_one("#wall-plan-text", Static).update(wall_view(snapshot, view, room.session.number))

    def _draw_board(self, room: Room, cards: list[Card]) -> None:
        """The cards: the dimensions side by side where each has room (BoardColumns), else one list."""
        shown = public_cards(cards)
        ids = {c.id for c in shown}
        arrived = [c.id for c in shown if c.id not in self._known] if self._known is not None else []
        self._known = ids
        groups = board_groups(room.exercise, room.columns, shown, CardFilter())
        perspective = room.exercise is not None and room.exercise.kind.value == "perspective_swap"
        board = self.query_one(BoardColumns)
        hidden_wall = self.query_one(HiddenWall)
        hidden = step_hidden(room.session, room.step_ref, room.step)
        hidden_wall.display = hidden
        if hidden:  # counts only, side by side where they fit (an empty column still has its count)
            from piptui.ui.screens.wall_exercises import show_cast

            board.add_class("-off")
            self.query_one("#wall-exercise").add_class("-hidden")  # the comparison shows cards too
            dims = dimensions(groups)
            fits = len(dims) > 1 and self.size.width // len(dims) >= MIN_COLUMN
            self._side_by_side = fits
            hidden_wall.show(dims, side_by_side=fits)
            show_cast(self, room)  # a role play's scenario and cast are not cards
            return
        board.remove_class("-off")
        board.show(groups, reveal=arrived, empty_text="No cards yet.", side_by_side=bool(shown) and not perspective)
        board.set_title(literal(f"Cards {len(shown)}"))
        from piptui.ui.screens.wall_exercises import show_exercise

        show_exercise(self, room)

    def on_resize(self) -> None:
        from piptui.ui.screens import wall_profile

        if wall_profile.shown(self):  # it lays itself out
            return
        hidden = self.room is not None and step_hidden(self.room.session, self.room.step_ref, self.room.step)
        if self.room is not None and not hidden:  # every pair of the comparison, or one, depends on the size
            from piptui.ui.screens.wall_exercises import show_exercise

            show_exercise(self, self.room)
        if self._drawn is not None and hidden:  # the board itself follows its width (BoardColumns)
            self._draw_board(*self._drawn)

    def tick(self, room: Room) -> None:
        """The clock: time left (``+mm:ss`` once over); hidden when the step has no timebox."""
        timer = room.session.timer
        clock = self.query_one("#wall-clock")
        idle = timer.duration <= 0 and not timer.running and timer.elapsed <= 0
        clock.display = not idle
        if idle:
            return
        left = room.seconds_left()
        digits = self.query_one("#wall-timer", Digits)
        digits.update(format_clock(left))
        clock.set_class(left < 0, "-overrun")
        clock.set_class(not timer.running, "-paused")
        state = "over time" if left < 0 else "running" if timer.running else "paused"
        self.query_one("#wall-timer-state", Static).update(literal(state))

    def action_profile(self) -> None:
        self.own_profile = not self.own_profile
        self.show_latest(force=True)

    def action_next_pair(self) -> None:
        from piptui.ui.screens.wall_exercises import next_pair

        next_pair(self)

    def action_scroll_board(self, how: str) -> None:
        from piptui.ui.screens import wall_profile
        from piptui.ui.screens.wall_exercises import scroll

        if wall_profile.scroll(self, how) or scroll(self, how):
            return
        board = self.query_one(BoardColumns)
        for shown in board.columns or [board.list_board]:
            if how == "page_up":
                shown.scroll_page_up()
            else:
                shown.scroll_page_down()

    def help_sections(self) -> list[tuple[str, Sequence[BindingType]]]:
        return [("Wall (read-only)", WALL_BINDINGS)]

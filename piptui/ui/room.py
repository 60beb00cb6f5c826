r"""What the room is doing now: the facilitator's session, step and timer, from the programme file.

The current session, step and timer are shared state in the programme file
(``Programme.current_session``, ``Session.current_step``, ``Session.timer``):
:func:`room_now` reads them from a snapshot into a :class:`Room`, with the step looked up
in the exercise library. The note-taker and the wall follow it: they are
:class:`RoomScreen`\ s.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from piptui.domain.agenda import agenda_steps
from piptui.domain.exercise import Column, Exercise, Step
from piptui.domain.model import Card, Programme, Session, step_ref
from piptui.domain.timer import remaining
from piptui.ui.library import load_library
from piptui.ui.screens.programme_screen import ProgrammeScreen

if TYPE_CHECKING:
    from piptui.exercises import Library
    from piptui.store.snapshot import Snapshot
    from piptui.ui.live import LiveProgramme


@dataclass(frozen=True, slots=True)
class Room:
    """What the room is doing now, as the facilitator left it in the programme file."""

    programme: Programme
    session: Session
    exercise: Exercise | None
    step: Step | None
    index: int | None  # the step's place in the session's agenda (None: not on it)
    total: int  # steps on the agenda

    @property
    def step_ref(self) -> str | None:
        return self.session.current_step

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.step.columns if self.step is not None else ()

    def seconds_left(self, now: float | None = None) -> float:
        return remaining(self.session.timer, time.time() if now is None else now)


def room_now(snapshot: Snapshot, library: Library, session: int | None = None) -> Room:
    """The room now: ``session`` if given, else the programme's current session; its current
    step looked up in the library (on the session's agenda, else anywhere in the library)."""
    programme = snapshot.programme
    current = snapshot.session(session if session is not None else programme.current_session)
    steps = agenda_steps(current.exercises, library.exercises)
    ref = current.current_step
    refs = [step_ref(e.id, s.id) for e, s in steps]
    index = refs.index(ref) if ref in refs else None
    found = steps[index] if index is not None else library.step(ref) if ref else None
    exercise, step = (found[0], found[1]) if found is not None else (None, None)
    return Room(programme, current, exercise, step, index, len(steps))


class RoomScreen(ProgrammeScreen):
    """A screen that follows the facilitator (the note-taker's, the wall): it shows whatever
    session (unless one was given), step and timer the programme file says, at each change.

    Subclasses compose their widgets and draw a :class:`Room` and its step's cards in
    ``show_room``; ``tick`` is called every second while the timer runs.
    """

    def __init__(
        self, source: LiveProgramme | Path | str, *, session: int | None = None, author: str | None = None
    ) -> None:
        super().__init__(source, session=session, author=author)
        self.programme = self.store.programme()
        if session is not None:
            self.store.session(session)  # refuses a session the programme does not have
        self.library: Library | None = None
        self.room: Room | None = None

    def on_mount(self) -> None:
        self.title = self.programme.area or self.programme.name
        self.call_after_refresh(load_library, self, self._library_ready, also=lambda: self.live.snapshot)

    def _library_ready(self, library: Library) -> None:
        self.library = library
        self.snapshot_ready()

    def show_snapshot(self, snapshot: Snapshot, *, force: bool = False, select: str | None = None) -> None:
        if self.library is None:
            return
        room = room_now(snapshot, self.library, self.pinned_session)
        cards = snapshot.step_cards(room.session.number, room.step_ref)
        self.programme = snapshot.programme
        self.room = room
        self.sub_title = self.describe(room)
        self.show_room(room, cards)
        self.run_clock(room.session.timer.running)

    def describe(self, room: Room) -> str:
        """The header's sub-title for the room."""
        s = room.session
        return f"Session {s.number} · {s.title}" + (f" · {s.date}" if s.date else "")

    def show_room(self, room: Room, cards: list[Card]) -> None:
        """Draw the room (subclasses)."""

    def clock_tick(self) -> None:
        if self.room is not None:
            self.tick(self.room)

    def tick(self, room: Room) -> None:
        """Redraw the clock (once a second while the timer runs)."""

"""Live updates: notice when the programme file changes and tell the screen.

Every open piptui (the facilitator's session screen, a note-taker, the wall, a
``piptui add`` from a script) writes the same programme file, always by replacing it
whole. So a change, from this process or any other, shows as a new ``stat()`` of the
file. :class:`ProgrammeWatcher` polls that stat a few times a second (one system call,
microseconds) and posts :class:`ProgrammeChanged` when it differs. No busy loop, no
thread: an idle piptui stays well under 1% of a core.

Use it in a screen that owns a :class:`~piptui.store.SessionStore`::

    from piptui.ui.watch import ProgrammeChanged, ProgrammeWatcher

    class MyScreen(Screen[None]):
        def compose(self) -> ComposeResult:
            yield ProgrammeWatcher(self.store)  # invisible; stops when the screen goes
            ...

        def on_programme_changed(self, message: ProgrammeChanged) -> None:
            self.refresh_from_store()  # re-read the store (it re-parses only if changed)

(or ``self.mount(ProgrammeWatcher(self.store))`` in ``on_mount``). The message bubbles
from the watcher to its screen, then to the app. It carries the new token for
information; handlers should simply re-read the store, which caches on the same stat.
:meth:`ProgrammeWatcher.check` polls at once (tests; right after a local write there is
no need: the screen already knows).

Following the room: the facilitator's current session, step and timer are shared state
in the programme file (``Programme.current_session``, ``Session.current_step``,
``Session.timer``). :func:`room_now` reads them into a :class:`Room`;
:class:`LiveScreen` is the base of the screens that follow the facilitator (the
note-taker and the wall): it installs the watcher, loads the exercise library off the
UI thread, and calls its ``show_room`` whenever the room changes.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from piptui.domain.agenda import agenda_steps
from piptui.domain.exercise import Column, Exercise, Step
from piptui.domain.model import Card, Programme, Session, step_ref
from piptui.domain.timer import remaining
from piptui.errors import PiptuiError
from piptui.store import SessionStore
from piptui.store.storage import StatKey, stat_key
from piptui.ui.library import load_library

if TYPE_CHECKING:
    from piptui.exercises import Library

POLL_SECONDS = 0.25  # a change in another terminal shows within this (plus one redraw)


class WatchedStore(Protocol):
    """What the watcher needs of a store (``SessionStore`` has both)."""

    path: Path

    def change_token(self) -> StatKey | None: ...


class ProgrammeChanged(Message):
    """The programme file changed (in this process or another); re-read the store.

    ``token`` is the file's new change token (``None``: the file has gone).
    """

    def __init__(self, token: StatKey | None) -> None:
        super().__init__()
        self.token = token


class ProgrammeWatcher(Widget):
    """An invisible widget that polls the store's change token and posts :class:`ProgrammeChanged`.

    ``interval`` is the poll period in seconds. The token seen when the watcher is
    mounted is the baseline: no message is posted for it. The watcher keeps the file it
    last saw open, so that file's inode number cannot be reused by a later file whose
    stat would then look unchanged (the same trick the store's cache uses).
    """

    DEFAULT_CSS = "ProgrammeWatcher { display: none; }"

    def __init__(self, store: WatchedStore, *, interval: float = POLL_SECONDS, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.interval = interval
        self.token: StatKey | None = None
        self._pinned: int | None = None
        self._timer: Timer | None = None

    def on_mount(self) -> None:
        self.token = self._see()
        self._timer = self.set_interval(self.interval, self.check, name="programme-watcher")

    def on_unmount(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._unpin()

    def check(self) -> bool:
        """Poll now; post :class:`ProgrammeChanged` and return True if the file changed."""
        try:
            token = self.store.change_token()
        except OSError:
            token = None
        if token == self.token:
            return False
        self.token = self._see()
        self.post_message(ProgrammeChanged(self.token))
        return True

    def _see(self) -> StatKey | None:
        """Open the file now there, keep it open (pinning its inode) and return its token."""
        self._unpin()
        try:
            fd = os.open(self.store.path, os.O_RDONLY)
        except OSError:
            return None
        try:
            token = stat_key(os.fstat(fd))
        except OSError:
            os.close(fd)
            return None
        self._pinned = fd
        return token

    def _unpin(self) -> None:
        if self._pinned is not None:
            with contextlib.suppress(OSError):
                os.close(self._pinned)
            self._pinned = None


# -- following the room ----------------------------------------------------------------


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


def room_now(store: SessionStore, library: Library, session: int | None = None) -> Room:
    """The room now: ``session`` if given, else the programme's current session; its current
    step looked up in the library (on the session's agenda, else anywhere in the library)."""
    programme = store.programme()
    current = store.session(session if session is not None else programme.current_session)
    steps = agenda_steps(current.exercises, library.exercises)
    ref = current.current_step
    refs = [step_ref(e.id, s.id) for e, s in steps]
    index = refs.index(ref) if ref in refs else None
    found = steps[index] if index is not None else library.step(ref) if ref else None
    exercise, step = (found[0], found[1]) if found is not None else (None, None)
    return Room(programme, current, exercise, step, index, len(steps))


def step_cards(store: SessionStore, room: Room) -> list[Card]:
    """The cards of the room's current step, in capture order."""
    number = room.session.number
    if room.step_ref is None:
        return [c for c in store.cards(session=number) if c.step is None]
    return store.cards(session=number, step=room.step_ref)


class LiveScreen(Screen[None]):
    """A screen that follows the facilitator: it shows whatever session (unless one was
    given), step and timer the programme file says, within a poll of any change.

    Subclasses compose their widgets (``compose_room``) and draw a :class:`Room` and its
    step's cards in ``show_room``; ``tick`` is called every second while the timer runs.
    The store is opened with ``author`` (for screens that capture); this base never writes.
    """

    def __init__(self, path: Path, *, session: int | None = None, author: str | None = None) -> None:
        super().__init__()
        self.path = path
        self.author = author
        self.store = SessionStore(path, author=author)  # refuses a missing or corrupt file at once
        self.pinned_session = session
        self.programme = self.store.programme()
        if session is not None:
            self.store.session(session)  # refuses a session the programme does not have
        self.library: Library | None = None
        self.room: Room | None = None
        self._token: object = False  # False: never read
        self._last_error: str | None = None
        self._ticker: Timer | None = None

    def compose(self) -> ComposeResult:
        yield from self.compose_room()
        yield ProgrammeWatcher(self.store)

    def compose_room(self) -> ComposeResult:
        raise NotImplementedError
        yield  # pragma: no cover

    def on_mount(self) -> None:
        self.title = self.programme.area or self.programme.name
        self.call_after_refresh(load_library, self, self._library_ready)  # after the first frame

    def on_unmount(self) -> None:
        self.store.close()

    def _library_ready(self, library: Library) -> None:
        self.library = library
        self.refresh_from_store(force=True)

    def on_programme_changed(self, _message: ProgrammeChanged) -> None:
        self.refresh_from_store()

    def refresh_from_store(self, *, force: bool = False) -> None:
        """Re-read the room if the file changed (one stat when it did not) and redraw it."""
        if self.library is None:
            return
        try:
            token = self.store.change_token()
            if token == self._token and not force:
                return
            self._token = token
            room = room_now(self.store, self.library, self.pinned_session)
            cards = step_cards(self.store, room)
        except PiptuiError as exc:
            self._token = False
            if exc.message != self._last_error:  # say it once, not at every poll
                self._last_error = exc.message
                self.notify(exc.message, severity="error", markup=False, timeout=30)
            return
        self._last_error = None
        self.room = room
        self.sub_title = self.describe(room)
        self.show_room(room, cards)
        running = room.session.timer.running
        if running and self._ticker is None:  # a clock to redraw only while the timer runs
            self._ticker = self.set_interval(1.0, self._tick, name="room-timer")
        elif not running and self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def describe(self, room: Room) -> str:
        """The header's sub-title for the room."""
        s = room.session
        return f"Session {s.number} · {s.title}" + (f" · {s.date}" if s.date else "")

    def show_room(self, room: Room, cards: list[Card]) -> None:
        raise NotImplementedError

    def _tick(self) -> None:
        if self.room is not None:
            self.tick(self.room)

    def tick(self, room: Room) -> None:
        """Redraw the clock (once a second while the timer runs)."""

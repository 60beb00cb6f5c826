"""The base of every screen that shows a programme: the session, notes, wall, clusters, votes,
plan, review and survey screens.

A :class:`ProgrammeScreen` is built with the programme's path (or the app's
:class:`~piptui.ui.live.LiveProgramme`); it reads and writes through the app's one live
programme, never a store of its own, and never polls:

- ``self.live`` is the live programme, ``self.store`` its store (for writes),
  ``self.snapshot`` the latest consistent view of the file;
- :meth:`show_snapshot` (subclasses) draws a snapshot; it is called when the screen is
  ready (:meth:`snapshot_ready`) and then at each change, from any terminal. A screen
  hidden under another full screen hears nothing (its clock stops too) and catches up when
  it comes back: Textual repaints the whole top screen each time the screen under it is woken,
  which made an idle plan screen write 11 KB every 5 s (the lead's heartbeat);
- :meth:`saved` after a write of this screen: it reads the file once and every screen
  shows the change at once; :meth:`report` says a user error; undo and redo are here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

from piptui.errors import PiptuiError
from piptui.ui.app import piptui_app
from piptui.ui.feedback import report_error, undo_or_redo
from piptui.ui.live import LiveProgramme
from piptui.ui.memory import keep_long_lived

if TYPE_CHECKING:
    from textual.timer import Timer

    from piptui.exercises import Library
    from piptui.store import SessionStore
    from piptui.store.snapshot import Snapshot
    from piptui.ui.app import PiptuiApp


class ProgrammeScreen(Screen[None]):
    """A screen over the app's live programme. See the module docstring."""

    def __init__(
        self,
        source: LiveProgramme | Path | str,
        *,
        session: int | None = None,
        author: str | None = None,
    ) -> None:
        super().__init__()
        if isinstance(source, LiveProgramme):
            self.live = source
        else:
            self.live = self.papp.live_for(Path(source), author=author)
        self.path = self.live.path
        self.author = self.live.author
        self.pinned_session = session
        self.shown_snapshot: Snapshot | None = None  # the snapshot on screen
        self._subscribed = False  # following the programme (since snapshot_ready)
        self._listening = False  # hearing of changes now: not while under another full screen
        self._last_error: str | None = None
        self._clock: Timer | None = None

    @property
    def papp(self) -> PiptuiApp:
        return piptui_app(self.app)

    @property
    def store(self) -> SessionStore:
        return self.live.store

    @property
    def snapshot(self) -> Snapshot:
        return self.live.snapshot

    @property
    def loaded_library(self) -> Library | None:
        """The app's exercise library if it has loaded."""
        return self.papp.loaded_library

    # -- following the programme ---------------------------------------------------
    def snapshot_ready(self) -> None:
        """Start following the programme: draw the latest snapshot now, then at each change."""
        first = not self._subscribed
        if first:
            self._subscribed = self._listening = True
            self.live.subscribe(self, self._changed)
        self.show_latest(force=True)
        if first:  # what it drew lives as long as the screen: no collection need walk it again
            self.call_after_refresh(keep_long_lived)

    def _changed(self, snapshot: Snapshot) -> None:
        if snapshot is self.shown_snapshot:
            return
        top = self.app.screen
        if top is not self and not top.is_modal and top.is_mounted:
            return  # under another full screen: caught up on resume
        self.show_latest()

    def on_screen_suspend(self) -> None:
        top = self.app.screen
        if top is self or top.is_modal:
            return  # a dialog over this screen: it stays in sight and keeps up
        if self._listening:
            self._listening = False
            self.live.unsubscribe(self)
        if self._clock is not None:
            self._clock.pause()

    def on_screen_resume(self) -> None:
        if self._subscribed and not self._listening:
            self._listening = True
            self.live.subscribe(self, self._changed)
        if self._clock is not None:
            self._clock.resume()
        if self._subscribed and self.live.token != (self.shown_snapshot.token if self.shown_snapshot else None):
            self.show_latest()

    def show_latest(self, *, force: bool = False, select: str | None = None) -> None:
        """Draw the live programme's latest snapshot (unless it is on screen already and
        neither ``force`` nor ``select`` asks for more); a read error is said once."""
        try:
            snapshot = self.live.snapshot
            if snapshot is self.shown_snapshot and not force and select is None:
                return
            self.shown_snapshot = snapshot
            self.show_snapshot(snapshot, force=force, select=select)
        except PiptuiError as exc:
            if exc.message != self._last_error:  # once, not at every change
                self._last_error = exc.message
                self.notify(exc.message, severity="error", markup=False, timeout=30)
            return
        self._last_error = None

    def show_snapshot(self, snapshot: Snapshot, *, force: bool = False, select: str | None = None) -> None:
        """Draw ``snapshot`` (subclasses). ``force``: redraw everything; ``select``: an id to
        highlight (a thing this screen just made)."""

    def saved(self, *, force: bool = False, select: str | None = None) -> None:
        """After a write of this screen: read the file once, redraw here and tell the other screens."""
        self.live.reload()
        self.show_latest(force=force, select=select)

    def run_clock(self, running: bool) -> None:
        """Call :meth:`clock_tick` once a second while a step's timer runs; no wake-ups otherwise."""
        if running and self._clock is None:
            self._clock = self.set_interval(1.0, self.clock_tick, name="clock")
        elif not running and self._clock is not None:
            self._clock.stop()
            self._clock = None

    def clock_tick(self) -> None:
        """Redraw the clock (subclasses)."""

    # -- doing things --------------------------------------------------------------
    def report(self, exc: PiptuiError, title: str = "Not done") -> None:
        report_error(self, exc, title=title)

    def action_undo(self) -> None:
        self.undo_redo(redo=False)

    def action_redo(self) -> None:
        self.undo_redo(redo=True)

    def undo_redo(self, *, redo: bool) -> None:
        if undo_or_redo(self, self.store, redo=redo):
            self.saved()

"""The open programme of an app: its one store, its one watcher, its latest snapshot.

:class:`LiveProgramme` is owned by :class:`~piptui.ui.app.PiptuiApp` (``app.live_for(path)``);
every screen that shows the programme reads through it and writes through its store. How
a change reaches a screen, from this process or another terminal's:

1. the programme file is replaced (a write through any store, anywhere);
2. the :class:`~piptui.ui.watch.ProgrammeWatcher` hears of it (inotify on the folder, or a
   poll) and calls :meth:`LiveProgramme.check` on the event loop;
3. ``check`` compares the file's change token (one ``stat``) with the snapshot's and, if it
   differs, :meth:`reload` reads ONE :class:`~piptui.store.snapshot.Snapshot` (one read of
   the file) and publishes it on :attr:`changed` (a Textual ``Signal``);
4. every subscribed screen gets the snapshot and redraws what changed
   (:class:`~piptui.ui.screens.programme_screen.ProgrammeScreen`).

A screen that writes calls :meth:`reload` at once to see its own change without waiting for
the watcher. A read that fails (the file deleted, corrupt) is said once, until it reads again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.signal import Signal

from piptui.errors import PiptuiError
from piptui.store import SessionStore
from piptui.ui.watch import ProgrammeWatcher

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

    from piptui.store.snapshot import Snapshot, Token


class LiveProgramme:
    """One programme file open in this app: its store, watcher and latest snapshot."""

    def __init__(
        self, app: App[Any], path: Path, *, author: str | None = None, notifications: bool | None = None
    ) -> None:
        self.app = app
        self.path = Path(path)
        self.author = author
        self.store = SessionStore(self.path, author=author)  # refuses a missing or corrupt file at once
        self.changed: Signal[Snapshot] = Signal(app, "programme-changed")
        # the real file: a linked programme is written in its target's folder (store.file), not the link's
        self.watcher = ProgrammeWatcher(self.store.file, self.check, notifications=notifications)
        self._snapshot: Snapshot | None = None
        self._last_error: str | None = None
        self._started = False
        self._closed = False

    # -- reading ---------------------------------------------------------------
    @property
    def snapshot(self) -> Snapshot:
        """The latest snapshot (read now if there is none yet; may raise PiptuiError then)."""
        if self._snapshot is None:
            self._snapshot = self.store.snapshot()
        return self._snapshot

    @property
    def token(self) -> Token:
        return self._snapshot.token if self._snapshot is not None else None

    def check(self) -> None:
        """The file may have changed: if its token says so, read it once and tell the screens."""
        if self._closed:
            return
        try:
            token = self.store.change_token()
        except OSError:
            token = None
        if self._snapshot is not None and token == self._snapshot.token and token is not None:
            return
        self.reload()

    def reload(self) -> Snapshot | None:
        """Read a new snapshot now and publish it (after a write of ours, or a change heard of).

        Returns it; or None after saying why it could not be read (said once, not at every look).
        """
        try:
            snapshot = self.store.snapshot()
        except PiptuiError as exc:
            if exc.message != self._last_error:
                self._last_error = exc.message
                title = "Cannot read the programme"
                self.app.notify(exc.message, title=title, severity="error", markup=False, timeout=30)
            return None
        self._last_error = None
        if self._snapshot is not None and snapshot.token == self._snapshot.token and snapshot.token is not None:
            return self._snapshot  # nothing new (our own write, heard of again)
        self._snapshot = snapshot
        self.changed.publish(snapshot)
        return snapshot

    # -- life --------------------------------------------------------------------
    def subscribe(self, node: DOMNode, callback: Callable[[Snapshot], object]) -> None:
        """Call ``callback(snapshot)`` on ``node`` at each change; starts the watcher at the first,
        once the screen is drawn: setting up the kernel's watch (importing ``ctypes``, finding the
        C library, in a thread that holds the interpreter's lock at times) would otherwise compete
        with the first frame (bench start-up). Nothing written meanwhile is missed: the watcher
        looks at the file's token as soon as its watch is set (:meth:`ProgrammeWatcher._opened`)."""
        self.changed.subscribe(node, callback)
        if not self._started:
            self._started = True
            self.app.call_after_refresh(self._start_watching)

    def _start_watching(self) -> None:
        if not self._closed:
            self.watcher.start()

    def unsubscribe(self, node: DOMNode) -> None:
        """Stop calling ``node`` at each change (the watcher runs on for the others)."""
        self.changed.unsubscribe(node)

    def close(self) -> None:
        self._closed = True
        self.watcher.stop()
        self.store.close()

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
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Protocol

from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

from piptui.store.storage import StatKey, stat_key

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

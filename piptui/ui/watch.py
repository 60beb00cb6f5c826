"""Notice when the programme file may have changed, from this process or any other.

Every open piptui (the facilitator's session screen, a note-taker, the wall, a ``piptui add``
from a script) writes the same programme file, always by replacing it whole (a temporary
file renamed over it). :class:`ProgrammeWatcher` calls ``changed()`` on the event loop soon
after that:

- on Linux it asks the kernel (inotify, through ``inotify_simple``) about the programme's
  FOLDER, since a rename replaces the file and a watch on the file itself would stay on the
  old one; the events are filtered to the programme file's name. The inotify descriptor is
  read by the event loop (``loop.add_reader``): an idle piptui makes no system call at all.
- elsewhere, or on a network share (where the kernel hears only of local writes), or if
  inotify cannot be had (the limit of watches reached), or when the environment says
  ``PIPTUI_WATCH=poll``, it polls every ``POLL_SECONDS``.

``changed()`` means "look": the caller compares the file's change token (one ``stat``) with
the one it last read and re-reads only if it differs. That token is pinned by the store,
which keeps the file it read open so its inode number cannot be reused by a later file whose
stat would then look the same (see :mod:`piptui.store.storage`).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

POLL_SECONDS = 0.25  # the fallback's period: a change shows within this (plus one redraw)

# The file systems where another machine's writes raise no inotify event here.
NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "afs", "ceph", "glusterfs", "fuse.sshfs", "fuse.rclone", "davfs"}
)

Kind = Literal["inotify", "poll"]


def file_system_type(folder: Path) -> str | None:
    """The type of the file system ``folder`` is on (Linux ``/proc/self/mountinfo``), else None."""
    try:
        lines = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace").splitlines()
        target = os.path.realpath(folder)
    except OSError:
        return None
    best, kind = "", None
    for line in lines:
        left, _, right = line.partition(" - ")
        fields = left.split()
        if len(fields) < 5 or not right:
            continue
        mount = fields[4].replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            best, kind = mount, right.split()[0]
    return kind


def _open_inotify(folder: Path) -> Any:
    """An inotify descriptor watching ``folder`` for files arriving, changing and going."""
    from inotify_simple import INotify, flags

    mask = (
        flags.MOVED_TO  # a rename over the file: every piptui write
        | flags.CLOSE_WRITE  # written in place (another tool)
        | flags.CREATE
        | flags.DELETE
        | flags.MOVED_FROM
        | flags.DELETE_SELF
        | flags.MOVE_SELF
    )
    inotify = INotify(nonblocking=True)
    try:
        inotify.add_watch(folder, mask)
    except BaseException:
        inotify.close()
        raise
    return inotify


class ProgrammeWatcher:
    """Calls ``changed()`` on the event loop soon after ``path`` may have changed.

    ``start()`` from the event loop (it returns at once; the kernel watch is set up in a
    thread: finding the C library costs a few milliseconds); ``stop()`` when done.
    ``notifications=False`` (or ``PIPTUI_WATCH=poll``) forces the polling fallback.
    """

    def __init__(
        self,
        path: Path,
        changed: Callable[[], object],
        *,
        poll: float = POLL_SECONDS,
        notifications: bool | None = None,
    ) -> None:
        self.path = path
        self.changed = changed
        self.poll = poll
        if notifications is None:
            notifications = os.environ.get("PIPTUI_WATCH", "").strip().lower() != "poll"
        self.notifications = notifications
        self.kind: Kind | None = None  # how it watches, once started
        self._loop: asyncio.AbstractEventLoop | None = None
        self._inotify: Any = None
        self._timer: asyncio.TimerHandle | None = None
        self._task: asyncio.Future[Any] | None = None
        self._stopped = False

    def start(self) -> None:
        self._loop = loop = asyncio.get_running_loop()
        self._stopped = False
        if not self.notifications or os.name != "posix" or file_system_type(self.path.parent) in NETWORK_FILE_SYSTEMS:
            self._start_polling()
            return
        self._task = loop.run_in_executor(None, _open_inotify, self.path.parent)
        self._task.add_done_callback(self._opened)

    def _opened(self, task: asyncio.Future[Any]) -> None:
        self._task = None
        try:
            inotify = task.result()
        except (OSError, ImportError, AttributeError, asyncio.CancelledError):
            inotify = None  # no inotify here (not Linux, no watches left): poll instead
        if self._stopped:
            if inotify is not None:
                inotify.close()
            return
        if inotify is None or self._loop is None:
            self._start_polling()
            return
        self._inotify = inotify
        self._loop.add_reader(inotify.fileno(), self._read_events)
        self.kind = "inotify"
        self.changed()  # anything written while the watch was being set up

    def _read_events(self) -> None:
        from inotify_simple import flags

        try:
            events = self._inotify.read(timeout=0)
        except OSError:
            events = []
        name = self.path.name
        ours = False
        for event in events:
            if event.mask & (flags.DELETE_SELF | flags.MOVE_SELF | flags.IGNORED):
                self._close_inotify()  # the folder went or moved: look by polling from now on
                self._start_polling()
                ours = True
            elif event.name == name or event.mask & flags.Q_OVERFLOW:
                ours = True
        if ours:
            self.changed()

    def _start_polling(self) -> None:
        self.kind = "poll"
        if self._loop is not None and not self._stopped:
            self._timer = self._loop.call_later(self.poll, self._tick)

    def _tick(self) -> None:
        if self._stopped or self._loop is None:
            return
        try:
            self.changed()
        finally:
            self._timer = self._loop.call_later(self.poll, self._tick)

    def _close_inotify(self) -> None:
        if self._inotify is not None:
            if self._loop is not None:
                with contextlib.suppress(Exception):
                    self._loop.remove_reader(self._inotify.fileno())
            with contextlib.suppress(OSError):
                self._inotify.close()
            self._inotify = None

    def stop(self) -> None:
        self._stopped = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._close_inotify()
        self.kind = None

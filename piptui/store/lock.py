"""The cross-process write lock of a programme file.

A writer holds two ``flock`` locks, in this order:

1. the programme's **folder** (an open descriptor of the directory). This is the lock
   that counts between piptui writers: a folder cannot be deleted while it holds the
   programme, nor swapped without moving the programme with it, so the lock cannot be
   split. (A ``<file>.lock`` can: deleting or replacing it while a writer was inside let
   the next writer lock a new file, and both wrote at once: 51 of 1,600 cards lost.)
   After taking it we check that the folder's path still names the directory we locked,
   and start again if not.
2. ``<file>.lock``, the lock filelock's ``FileLock`` would take, so that older piptuis and
   other tools using filelock are excluded too (and exclude us).

Writers of different programmes in one folder take turns; a write holds the lock for
about a millisecond. Within one process the folder lock is shared (one descriptor per
folder while it is held, behind a re-entrant thread lock), so a thread may hold two
programmes' locks. The descriptor is closed when the last holder lets go: a process that
writes in many folders (a test run, a script) does not run out of descriptors.
On file systems where a folder cannot be locked (some network shares) only the lock
file is used.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: ProgrammeLock falls back to filelock
    fcntl = None  # type: ignore[assignment]

_BUSY = (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES)
_UNSUPPORTED = (errno.EBADF, errno.ENOLCK, errno.EINVAL, getattr(errno, "EOPNOTSUPP", errno.EINVAL))


class LockTimeout(Exception):
    """Another process held a programme's lock for longer than the timeout."""


def _try_flock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in _BUSY:
            return False
        raise
    return True


def _ident(st: os.stat_result) -> tuple[int, int]:
    return (st.st_dev, st.st_ino)


class _FolderLock:
    """This process's exclusive flock on one folder: one descriptor, shared by its threads in turn."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.threads = threading.RLock()
        self.fd: int | None = None
        self.depth = 0
        self.pid = os.getpid()
        self.unsupported = False

    def acquire(self, deadline: float, poll: float) -> None:
        if not self.threads.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise LockTimeout(f"{self.folder} held by another thread for too long")
        try:
            if self.depth == 0 and not self.unsupported:
                self._flock(deadline, poll)
        except BaseException:
            self.threads.release()
            raise
        self.depth += 1

    def _flock(self, deadline: float, poll: float) -> None:
        while True:
            if self.fd is None:
                self.fd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                taken = _try_flock(self.fd)
            except OSError as exc:
                if exc.errno in _UNSUPPORTED:
                    self.unsupported = True
                    return
                raise
            if taken:
                if _ident(os.stat(self.folder)) == _ident(os.fstat(self.fd)):
                    return
                self._close()  # the folder was swapped: lock the one its path names now
                continue
            if time.monotonic() >= deadline:
                raise LockTimeout(f"{self.folder} held by another process")
            time.sleep(poll)

    def release(self) -> None:
        self.depth -= 1
        if self.depth == 0:
            self._close()  # closing unlocks; no descriptor is kept per folder ever written (they ran out in long runs)
        self.threads.release()

    def _close(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None


_folders: dict[str, _FolderLock] = {}
_folders_guard = threading.Lock()


def _folder_lock(folder: Path) -> _FolderLock:
    key = os.path.abspath(folder)
    with _folders_guard:
        lock = _folders.get(key)
        if lock is None or lock.pid != os.getpid():  # a forked child: its inherited fd shares the parent's lock
            lock = _folders[key] = _FolderLock(Path(key))
        return lock


@contextlib.contextmanager
def folder_locked(folder: Path, *, timeout: float, poll: float = 0.001) -> Iterator[None]:
    """Hold the writers' lock of ``folder`` alone (an export written there: no ``.lock`` file)."""
    if fcntl is None:  # pragma: no cover - Windows: no sweeping, nothing to exclude
        yield
        return
    lock = _folder_lock(folder)
    try:
        lock.acquire(time.monotonic() + timeout, poll)
    except LockTimeout:
        raise LockTimeout(f"{folder} held by another process for over {timeout} s") from None
    try:
        yield
    finally:
        lock.release()


class ProgrammeLock:
    """The cross-process write lock of a programme: see the module docstring.

    ``path`` is the lock file (``<file>.lock``); the folder locked is its parent. The lock
    file stays open between writes, so taking the lock costs two system calls. A waiter
    retries every ``poll`` seconds: it never blocks, so it can time out. A lock file
    deleted or replaced while we kept it open is opened again, never trusted.

    Re-entrant but not thread-safe: hold a thread lock around it (SessionStore does). A forked
    child opens its own descriptors (an inherited one shares the parent's lock).
    """

    def __init__(self, path: Path, *, timeout: float, poll: float) -> None:
        self.path = path
        self.timeout = timeout
        self.poll = poll
        self._fd: int | None = None
        self._ident = (0, 0)  # (device, inode) of the open lock file
        self._owner = 0  # the process that opened it
        self._depth = 0
        self._folder: _FolderLock | None = None
        self._fallback: Any = None  # filelock's FileLock where there is no flock

    def acquire(self) -> None:
        if self._owner and self._owner != os.getpid():
            self._forget()  # a forked child: the descriptors it inherited share the parent's lock
        if self._depth:
            self._depth += 1
            return
        if fcntl is None:  # pragma: no cover - Windows
            self._acquire_fallback()
            return
        deadline = time.monotonic() + self.timeout
        folder = _folder_lock(self.path.parent)
        try:
            folder.acquire(deadline, self.poll)
        except LockTimeout:
            raise LockTimeout(f"{self.path} held by another process for over {self.timeout} s") from None
        try:
            self._acquire_file(deadline)
        except BaseException:
            folder.release()
            raise
        self._folder = folder
        self._depth = 1

    def _acquire_file(self, deadline: float) -> None:
        while True:
            fd = self._open()
            if _try_flock(fd):
                if self._still_there():
                    return
                self._close_file()  # we locked a file that is no longer the lock file: lock the new one
                continue
            if time.monotonic() >= deadline:
                raise LockTimeout(f"{self.path} held by another process for over {self.timeout} s")
            time.sleep(self.poll)

    def release(self) -> None:
        if self._depth == 0:
            raise RuntimeError(f"{self.path} is not locked")
        self._depth -= 1
        if self._depth == 0:
            if self._fallback is not None:  # pragma: no cover - Windows
                self._fallback.release()
                return
            if self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            if self._folder is not None:
                self._folder.release()
                self._folder = None

    def __enter__(self) -> ProgrammeLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

    def close(self) -> None:
        """Let go of the lock file (and so of the lock, if this process holds it)."""
        if self._depth and self._fallback is not None:  # pragma: no cover - Windows
            self._fallback.release(force=True)
        if self._owner and self._owner != os.getpid():
            self._forget()
            return
        if self._depth and self._folder is not None:
            if self._fd is not None:
                with contextlib.suppress(OSError):
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
            with contextlib.suppress(RuntimeError):  # released from another thread than took it
                self._folder.release()
        self._folder = None
        self._depth = 0
        self._close_file()

    def _forget(self) -> None:
        """In a forked child: drop what the parent held without unlocking it (an unlock would be the parent's)."""
        self._folder = None
        self._depth = 0
        self._close_file()
        self._owner = 0

    def _close_file(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def _open(self) -> int:
        if self._fd is None:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except PermissionError:  # another person's lock file (a shared folder): reading is enough to flock
                fd = os.open(self.path, os.O_RDONLY)
            st = os.fstat(fd)
            self._fd, self._ident, self._owner = fd, _ident(st), os.getpid()
        return self._fd

    def _still_there(self) -> bool:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return False
        return _ident(st) == self._ident

    def _acquire_fallback(self) -> None:  # pragma: no cover - Windows
        from filelock import FileLock, Timeout

        if self._fallback is None:
            self._fallback = FileLock(str(self.path), timeout=self.timeout, thread_local=False)
        try:
            self._fallback.acquire(poll_interval=self.poll)
        except Timeout:
            raise LockTimeout(f"{self.path} held by another process for over {self.timeout} s") from None
        self._depth = 1

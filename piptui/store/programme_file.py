"""The programme file as a whole: its lock, writing it whole, and sweeping up after killed writers.

Every writer of a programme file (a SessionStore, ``piptui new``, ``piptui import``) holds
:func:`programme_lock` while it writes.
"""

from __future__ import annotations

import contextlib
import glob
import os
from pathlib import Path
from typing import Any

from piptui.errors import PiptuiError, ProgrammeExists
from piptui.store.storage import AtomicJSONStorage, LockTimeout, ProgrammeLock, atomic_write_bytes

PROGRAMME_TABLE = "programme"
PROGRAMME_KEY = "programme"
LOCK_TIMEOUT = 10.0  # seconds to wait for another writer before giving up with a message
# How often a waiting writer retries the lock (it polls, never blocks, so that it can time out).
# At filelock's default 50 ms a writer in a loop re-took the lock before a waiting one looked.
LOCK_POLL = 0.001


def programme_lock(path: Path) -> ProgrammeLock:
    """The cross-process lock every writer of ``path`` holds (``<file>.lock`` beside it)."""
    return ProgrammeLock(Path(str(path) + ".lock"), timeout=LOCK_TIMEOUT, poll=LOCK_POLL)


def sweep_temporary_files(path: Path) -> int:
    """Remove temporary files a writer killed mid-write left beside ``path``; call with the lock held.

    Every writer holds the lock while its temporary file exists, so under the lock any that
    is there belongs to a writer that died. Returns how many were removed.
    """
    removed = 0
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed


def write_programme_file(path: Path, data: dict[str, dict[str, Any]], *, replace: bool) -> bool:
    """Write a whole programme file atomically under its lock; return whether one was there.

    Refuses (:class:`ProgrammeExists`, nothing written) when a file exists and not ``replace``.
    """
    lock = programme_lock(path)
    try:
        with lock:
            existed = path.exists()
            if existed and not replace:
                raise ProgrammeExists(f"A programme file already exists at {path}")
            chunks = AtomicJSONStorage(path).encode(data)
            os.close(atomic_write_bytes(path, chunks))
            return existed
    except LockTimeout:
        raise PiptuiError(
            f"{path} is locked by another piptui for over {LOCK_TIMEOUT:.0f} s; nothing was written"
        ) from None
    finally:
        lock.close()

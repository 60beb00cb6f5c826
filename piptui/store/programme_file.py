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

from piptui.errors import NotSaved, PiptuiError, ProgrammeExists, not_saved, os_reason
from piptui.store.atomic import atomic_write_bytes, check_writable, make_folder
from piptui.store.storage import AtomicJSONStorage, LockTimeout, ProgrammeLock

PROGRAMME_TABLE = "programme"
PROGRAMME_KEY = "programme"
LOCK_TIMEOUT = 10.0  # seconds to wait for another writer before giving up with a message
# How often a waiting writer retries the lock (it polls, never blocks, so that it can time out).
# At filelock's default 50 ms a writer in a loop re-took the lock before a waiting one looked.
LOCK_POLL = 0.001


def programme_lock(path: Path) -> ProgrammeLock:
    """The cross-process lock every writer of ``path`` holds: its folder, and ``<file>.lock``
    beside it. ``path`` must be the real file (:func:`real_path`), not a link to it."""
    return ProgrammeLock(Path(str(path) + ".lock"), timeout=LOCK_TIMEOUT, poll=LOCK_POLL)


def real_path(path: Path) -> Path:
    """The file a programme path names: a symbolic link is followed (once, here), so writes go to
    its target, under the target's lock, and the link stays a link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def lock_error(exc: OSError, name: Path) -> PiptuiError:
    """Taking the lock failed for a reason of the file system (not another writer)."""
    if exc.filename and str(exc.filename).endswith(".lock"):
        return NotSaved(f"Not saved: {os_reason(exc)} on its lock file ({exc.filename})")
    return not_saved(exc, name)


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
    name, path = path, real_path(path)
    make_folder(path.parent, name.parent)
    lock = programme_lock(path)
    try:
        with lock:
            existed = path.exists()
            if existed and not replace:
                raise ProgrammeExists(f"A programme file already exists at {name}")
            check_writable(path, name)
            sweep_temporary_files(path)
            chunks = AtomicJSONStorage(path, name=name).encode(data)
            os.close(atomic_write_bytes(path, chunks, name=name))
            return existed
    except LockTimeout:
        raise PiptuiError(
            f"{name} is locked by another piptui for over {LOCK_TIMEOUT:.0f} s; nothing was written"
        ) from None
    except OSError as exc:  # taking the lock
        raise lock_error(exc, name) from None
    finally:
        lock.close()

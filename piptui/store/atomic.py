"""Writing a file whole or not at all, privately: the one atomic writer of piptui.

A temporary file in the same folder (``.<name>.<random>.tmp``, created 0600), written with
``writev``, fsynced, renamed over the target, then the folder fsynced. The new file keeps an
existing file's mode and owner (a ``chmod 640`` survives the next write); a new one is
0600 unless the caller says it holds nothing private. A read-only target (no write bit
for anyone, or not writable by us) is refused, never replaced. Every ``OSError`` becomes a
:class:`~piptui.errors.NotSaved` naming the file and the reason.
"""

from __future__ import annotations

import contextlib
import os
import stat
import uuid
from collections.abc import Sequence
from pathlib import Path

from piptui.errors import NotSaved, ReadOnlyFile, not_saved

PRIVATE = 0o600  # a file that can hold confidential cards
PRIVATE_FOLDER = 0o700
WRITEV = getattr(os, "writev", None)


def _iov_max() -> int:
    try:
        return max(16, os.sysconf("SC_IOV_MAX"))
    except (AttributeError, ValueError, OSError):  # pragma: no cover - no sysconf (Windows)
        return 16  # the least POSIX allows


IOV_MAX = _iov_max()  # chunks in one writev


def write_all(fd: int, chunks: Sequence[bytes]) -> None:
    """Write every chunk, in order, without joining them: ``writev`` of up to ``IOV_MAX`` at a time."""
    first = 0
    while first < len(chunks):
        batch = chunks[first : first + IOV_MAX]
        if WRITEV is None:  # pragma: no cover - Windows
            written, batch = os.write(fd, batch[0]), batch[:1]
        else:
            written = WRITEV(fd, batch)
        if written == sum(map(len, batch)):  # a regular file takes it all, but for a full disk or a signal
            first += len(batch)
            continue
        for chunk in batch:  # part-written: finish this batch chunk by chunk
            view = memoryview(chunk)[written:] if written < len(chunk) else None
            written = max(0, written - len(chunk))
            while view:
                view = view[os.write(fd, view) :]
        first += len(batch)


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")


def check_writable(path: Path, name: str | os.PathLike[str] | None = None) -> os.stat_result | None:
    """The target's stat (None if there is none); :class:`ReadOnlyFile` if it must not be replaced."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise not_saved(exc, name or path) from None
    if stat.S_ISDIR(st.st_mode):
        raise NotSaved(f"Not saved: it is a folder, not a file ({name or path})")
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise ReadOnlyFile(
            f"Not saved: the file is read-only ({name or path}); make it writable (chmod u+w) to change it"
        )
    return st


def atomic_write_bytes(
    path: Path,
    blob: bytes | Sequence[bytes],
    *,
    private: bool = True,
    mode: int | None = None,
    name: str | os.PathLike[str] | None = None,
) -> int:
    """Write ``blob`` (or its chunks, in order) to ``path`` atomically and durably.

    ``private``: a new file is 0600 (else as the umask allows); an existing file's mode and
    owner are kept, unless ``mode`` says what it must be. ``name`` is how messages name the
    file (default ``path``).
    Returns an open descriptor of the new file; the caller owns it (it pins the inode).
    """
    chunks = [blob] if isinstance(blob, bytes) else blob
    shown = name or path
    st = check_writable(path, shown)
    tmp = temporary_name(path)
    try:
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE)
    except OSError as exc:
        raise not_saved(exc, shown) from None
    try:
        if st is not None and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
            with contextlib.suppress(OSError):  # root keeps the owner; a group member keeps the group
                os.fchown(fd, st.st_uid, st.st_gid)
        if mode is not None:
            os.fchmod(fd, mode)
        elif st is not None:
            os.fchmod(fd, stat.S_IMODE(st.st_mode))
        elif not private:
            os.fchmod(fd, _umask_mode())
        write_all(fd, chunks)
        os.fsync(fd)
        os.replace(tmp, path)
    except BaseException as exc:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise not_saved(exc, shown) from None
        raise
    fsync_dir(path.parent)
    return fd


def make_folder(folder: Path, name: str | os.PathLike[str] | None = None) -> None:
    """Create ``folder`` (and its parents) if missing; the folder itself 0700, as it holds programmes."""
    if folder.is_dir():
        return
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
    except OSError as exc:
        raise not_saved(exc, name or folder) from None

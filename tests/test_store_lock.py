"""The store's write lock (ProgrammeLock: a kept-open flock) and its writev writes.

The lock must exclude every other writer: another ProgrammeLock in this process or another,
filelock's FileLock on the same file (what another tool, or an older piptui, would take), a
forked child; and must never trust a lock file that was deleted while it kept it open.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from piptui.errors import PiptuiError
from piptui.store import SessionStore, atomic, storage
from piptui.store import programme_file as programme_file_module
from piptui.store.programme_file import programme_lock
from piptui.store.storage import LockTimeout, ProgrammeLock

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="flock and fork")


def lock(path: Path, timeout: float = 10.0) -> ProgrammeLock:
    return ProgrammeLock(path, timeout=timeout, poll=0.001)


@posix_only
def test_two_locks_on_one_file_exclude_each_other(tmp_path: Path) -> None:
    a, b = lock(tmp_path / "p.json.lock"), lock(tmp_path / "p.json.lock", timeout=0.05)
    a.acquire()
    with pytest.raises(LockTimeout):
        b.acquire()
    a.release()
    b.acquire()
    b.release()


@posix_only
def test_it_is_reentrant_and_released_by_the_last_release(tmp_path: Path) -> None:
    a, b = lock(tmp_path / "p.json.lock"), lock(tmp_path / "p.json.lock", timeout=0.05)
    with a, a:
        pass
    a.acquire()
    a.acquire()
    a.release()
    with pytest.raises(LockTimeout):
        b.acquire()
    a.release()
    with b:
        pass
    with pytest.raises(RuntimeError):
        a.release()


@posix_only
def test_it_excludes_filelock_on_the_same_file_both_ways(tmp_path: Path) -> None:
    """An older piptui (or any tool) holding filelock's FileLock on the lock file is excluded, and excludes."""
    from filelock import FileLock, Timeout

    path = tmp_path / "p.json"
    ours = lock(Path(str(path) + ".lock"), timeout=0.05)
    theirs = FileLock(str(path) + ".lock", thread_local=False)
    with theirs, pytest.raises(LockTimeout):
        ours.acquire()
    with ours, pytest.raises(Timeout):
        theirs.acquire(timeout=0.05)


@posix_only
def test_a_lock_file_deleted_while_kept_open_is_never_trusted(tmp_path: Path) -> None:
    path = tmp_path / "p.json.lock"
    a, b = lock(path, timeout=0.05), lock(path)
    with a:
        pass  # a keeps the old lock file open
    path.unlink()
    with b, pytest.raises(LockTimeout):  # b makes a new lock file and holds it
        a.acquire()  # locking a's orphaned file would let both write at once
    with a:
        assert path.exists()


@posix_only
def test_a_forked_child_does_not_share_its_parents_lock(tmp_path: Path) -> None:
    a = lock(tmp_path / "p.json.lock", timeout=0.1)
    a.acquire()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            a.acquire()
        except LockTimeout:
            os._exit(0)
        os._exit(1)
    _, status = os.waitpid(pid, 0)
    a.release()
    assert os.waitstatus_to_exitcode(status) == 0, "the child took a lock its parent held"


def test_a_store_waiting_too_long_saves_nothing(programme_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(programme_file_module, "LOCK_TIMEOUT", 0.05)
    before = programme_file.read_bytes()
    with (
        SessionStore(programme_file, author="ann") as store,
        programme_lock(programme_file),
        pytest.raises(PiptuiError, match="locked by another piptui"),
    ):
        store.add_card("waits in vain")
    assert programme_file.read_bytes() == before
    with SessionStore(programme_file, author="ann") as store:
        store.add_card("the lock is free again")
        assert [c.text for c in store.cards()] == ["the lock is free again"]


def test_part_written_chunks_are_finished(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """writev may write less than asked (a signal, a nearly full disk): the rest still goes out, in order."""
    chunks = [b"", b"abc", b"defghij", b"", b"k" * 50, b"lmnop"]

    def stingy_writev(fd: int, buffers: list[bytes]) -> int:
        return os.write(fd, b"".join(buffers)[:5])

    monkeypatch.setattr(atomic, "WRITEV", stingy_writev)
    monkeypatch.setattr(atomic, "IOV_MAX", 3)
    fd = storage.atomic_write_bytes(tmp_path / "out", chunks)
    os.close(fd)
    assert (tmp_path / "out").read_bytes() == b"".join(chunks)


@posix_only
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts this process's open descriptors")
def test_writing_in_many_folders_keeps_no_descriptor_open(tmp_path: Path) -> None:
    """A process that writes programmes in hundreds of folders (the test suite, a script) must not
    keep a descriptor per folder: in CI, with 1,024 allowed, a programme then could not be opened."""

    def open_descriptors() -> int:
        return len(os.listdir("/proc/self/fd"))

    from piptui.programmes import ensure_demo

    with SessionStore(ensure_demo(tmp_path / "f0")) as store:  # imports and caches warmed before counting
        store.add_card("A card in the first folder")
    before = open_descriptors()
    for n in range(1, 40):
        with SessionStore(ensure_demo(tmp_path / f"f{n}")) as store:
            store.add_card("A card in its own folder")
    assert open_descriptors() <= before + 2

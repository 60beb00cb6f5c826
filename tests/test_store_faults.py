"""Every OSError on a write is a person's message naming the file and the reason.

In the Python API a :class:`PiptuiError` subclass; in the CLI one line, exit 1. The file
is left as it was. Faults are made real where this machine allows (a full 64 KB tmpfs,
as root) and by making the system call fail otherwise.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from piptui.cli import main
from piptui.errors import PiptuiError
from piptui.store import SessionStore, atomic

Fault = Callable[[Path, pytest.MonkeyPatch], None]


def fail_open_of(suffix: str, err: int, *, replace: bool = False) -> Fault:
    """Opening files whose name ends in ``suffix`` fails; with ``replace`` that file is first
    replaced by a new one (another person's, say), so a descriptor kept open does not help."""

    def apply(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        real = os.open
        if replace:
            victim = Path(str(path) + suffix.removeprefix(path.name)) if suffix.startswith(".") else path
            victim.touch()
            shutil.copyfile(victim, str(victim) + ".copy")
            os.replace(str(victim) + ".copy", victim)

        def failing(file: str | os.PathLike[str], flags: int, *args: int, **kwargs: object) -> int:
            if os.fspath(file).endswith(suffix):
                raise OSError(err, os.strerror(err), os.fspath(file))
            return real(file, flags, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", failing)

    return apply


def disk_full(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, buffers: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "WRITEV", full)


def folder_removed(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.rmtree(path.parent)


def replaced_by_a_folder(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.unlink()
    path.mkdir()


def rename_fails(err: int) -> Fault:
    def apply(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        def failing(src: object, dst: object) -> None:
            raise OSError(err, os.strerror(err))

        monkeypatch.setattr(os, "replace", failing)

    return apply


FAULTS: dict[str, tuple[Fault, str]] = {
    "disk full": (disk_full, "Not saved: no space left on the device (*test.json)"),
    "read-only file system": (rename_fails(errno.EROFS), "Not saved: the file system is read-only (*test.json)"),
    "read-only folder": (fail_open_of(".tmp", errno.EACCES), "Not saved: permission denied (*test.json)"),
    "folder removed": (folder_removed, "Not saved: the file or its folder is no longer there (*test.json)"),
    "file replaced by a folder": (replaced_by_a_folder, "Cannot read *test.json: it is a folder, not a file"),
    "file replaced by an unreadable one": (
        fail_open_of("test.json", errno.EACCES, replace=True),
        "Cannot read *test.json: permission denied",
    ),
    "lock permission denied": (
        fail_open_of(".lock", errno.EACCES, replace=True),
        "Not saved: permission denied on its lock file (*test.json.lock)",
    ),
}


def matches(message: str, pattern: str) -> bool:
    head, _, tail = pattern.partition("*")
    return message.startswith(head) and message.endswith(tail) and len(message) >= len(head) + len(tail)


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_fault_on_a_write_is_a_message_in_the_api(
    programme_file: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    apply, expected = FAULTS[fault]
    with SessionStore(programme_file, author="ann") as store:
        store.add_card("kept")
        store.cards()
        apply(programme_file, monkeypatch)
        with pytest.raises(PiptuiError) as caught:
            store.add_card("TOPSECRET not saved")
    assert matches(caught.value.message, expected), caught.value.message
    assert "\n" not in caught.value.message


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_fault_on_a_write_is_one_line_exit_1_in_the_cli(
    programme_file: Path, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    apply, expected = FAULTS[fault]
    before = programme_file.read_bytes()
    apply(programme_file, monkeypatch)
    result = CliRunner().invoke(main, ["--sessions-dir", str(programme_file.parent), "add", "test", "not saved"])
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    line = result.output.strip()
    if fault == "folder removed":  # the CLI looks for the programme first
        assert line.startswith("piptui: No programme 'test'")
        return
    assert matches(line.removeprefix("piptui: "), expected), line
    if programme_file.is_file():
        assert programme_file.read_bytes() == before
        assert not list(programme_file.parent.glob(".*.tmp"))


@contextlib.contextmanager
def tiny_tmpfs(where: Path) -> Iterator[Path]:
    where.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)]).returncode:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_really_full_disk_keeps_the_file_and_says_so(tmp_path: Path) -> None:
    with tiny_tmpfs(tmp_path / "small") as small:
        runner = CliRunner()
        assert runner.invoke(main, ["--sessions-dir", str(small), "new", "calderdale", "--area", "C"]).exit_code == 0
        path = small / "calderdale.json"
        for i in range(10_000):
            before = path.read_bytes()
            result = runner.invoke(main, ["--sessions-dir", str(small), "add", "calderdale", f"card {i} " + "x" * 400])
            if result.exit_code:
                break
        else:
            pytest.fail("64 KB never filled")
        assert result.exit_code == 1
        assert result.output.strip() == f"piptui: Not saved: no space left on the device ({path})"
        assert path.read_bytes() == before
        assert not list(small.glob(".*.tmp"))
        with SessionStore(path) as store:
            assert len(store.cards()) == i

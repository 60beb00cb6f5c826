"""Helpers for the multi-process tests: writer processes that start together, forked
writers that report each card once it is saved, and a reader of their reports.

Subprocesses (``python -c``) are the realistic case (another terminal, a script);
forked children start in milliseconds (no imports), which is what lets a test kill
writers fifty times in a few seconds.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from piptui.store import SessionStore

# A writer process: says "ready" once imported, waits for the go file, then adds its cards.
WRITER = """
import os, sys, time
from piptui.store import SessionStore
path, who, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
with SessionStore(path, author=who) as store:
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.005)
    for i in range(n):
        card = store.add_card(f"{who} card {i}")
        print(card.id, flush=True)
"""

# An editor process: edits the cards given on its command line, each several times.
EDITOR = """
import os, sys, time
from piptui.store import SessionStore
path, who, rounds, go, ids = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:]
with SessionStore(path, author=who) as store:
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.005)
    for r in range(rounds):
        for i, card_id in enumerate(ids):
            store.edit_card(card_id, text=f"{who} edit {r} of card {i}", column=f"col-{who}")
"""


def start_together(scripts: list[list[str]], go: Path, timeout: float = 60.0) -> list[subprocess.Popen[str]]:
    """Start ``python -c SCRIPT ARGS...`` processes; release them at once when all are ready."""
    procs = [subprocess.Popen([sys.executable, "-c", *args], stdout=subprocess.PIPE, text=True) for args in scripts]
    for proc in procs:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # blocks until imported and the store is open
        assert line.strip() == "ready", f"writer did not start: {line!r}"
    go.touch()
    return procs


def finish(procs: list[subprocess.Popen[str]], timeout: float = 120.0) -> list[list[str]]:
    """Wait for the processes; their remaining stdout lines, each; fail on a non-zero exit."""
    outputs = []
    for proc in procs:
        out, _err = proc.communicate(timeout=timeout)
        assert proc.returncode == 0, f"a writer failed (exit {proc.returncode})"
        outputs.append(out.split())
    return outputs


def fork_writer(path: Path, who: str, *, report: bool = True) -> tuple[int, int]:
    """Fork a child that adds cards to ``path`` forever, writing each card's id to a pipe
    the moment ``add_card`` has returned (unless not ``report``: then it only writes the
    first, to say it has started). Returns (pid, read end of the pipe)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_fd)
            with SessionStore(path, author=who) as store:
                i = 0
                while True:
                    card = store.add_card(f"{who} card {i}")
                    if report or i == 0:
                        os.write(write_fd, (card.id + "\n").encode())  # one write < PIPE_BUF: whole lines
                    i += 1
        except BaseException as exc:  # pragma: no cover - reported through the exit code
            os.write(2, f"writer {who} failed: {exc!r}\n".encode())
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def read_acks(read_fd: int) -> list[str]:
    """Every id the (dead) child reported, up to end of file; closes the pipe."""
    chunks: list[bytes] = []
    try:
        while True:
            chunk = os.read(read_fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_fd)
    text = b"".join(chunks).decode()
    return [line for line in text.split("\n") if line]  # a line is whole or absent


def wait_for_first_ack(read_fd: int, timeout: float = 10.0) -> None:
    """Block until the child has saved at least one card (it is past its start-up)."""
    ready, _, _ = select.select([read_fd], [], [], timeout)
    assert ready, "the forked writer saved nothing"


def kill(pid: int) -> int:
    """SIGKILL a child and reap it; return its wait status."""
    with contextlib.suppress(ProcessLookupError):  # it died by itself (a failure, seen in the status)
        os.kill(pid, signal.SIGKILL)
    _pid, status = os.waitpid(pid, 0)
    return status


def wait_until(condition, timeout: float, interval: float = 0.01) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(interval)
    return bool(condition())

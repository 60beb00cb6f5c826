"""start-up: launch to the first frame of ``piptui demo``, in a pseudo-terminal, 80x24.

Each run is a fresh interpreter in a new pseudo-terminal; the clock starts just before the
process is spawned and stops when the terminal receives the first frame (the bytes of the
screen's title: the frame is one write). The baseline is a minimal Textual app showing one
Label, measured the same way, the runs interleaved. The demo programme exists already (as on
every run but the very first). Median of 15 runs of each after one unmeasured warm-up of each: on
a shared two-core machine one launch of the minimal app took 280-480 ms in the same minute, and
the median of 7 moved the ratio by 0.1 from one run of the bench to the next.

Goal: at most 1.3x the minimal app (issue 14).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from bench import ROOT, Context, child_env
from bench.table import Row, median, ms, times

GOAL = 1.3
MINIMAL_APP = """
from textual.app import App, ComposeResult
from textual.widgets import Label

class Minimal(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Minimal Textual app")

Minimal().run()
"""
MINIMAL_MARKER = b"Minimal Textual app"
DEMO_MARKER = b"Darlington"  # the session screen's title, in the header of its first frame
TIMEOUT = 30.0


Terminal = tuple[subprocess.Popen[bytes], int]  # the process and our side of its pseudo-terminal


def spawn(argv: list[str], env: dict[str, str], *, size: tuple[int, int] = (80, 24)) -> Terminal:
    """Start ``argv`` in a new pseudo-terminal of ``size``; return it and the terminal's side."""
    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    try:
        proc = subprocess.Popen(
            argv, stdin=child_fd, stdout=child_fd, stderr=child_fd, env=env, cwd=ROOT, start_new_session=True
        )
    except BaseException:
        os.close(main_fd)
        raise
    finally:
        os.close(child_fd)
    return proc, main_fd


def read_until(main_fd: int, marker: bytes, start: float) -> float:
    """Read the terminal until ``marker`` arrives; return the time it did."""
    seen = b""
    while marker not in seen:
        left = start + TIMEOUT - time.monotonic()
        ready, _, _ = select.select([main_fd], [], [], max(0.0, left))
        if not ready:
            raise RuntimeError(f"no first frame within {TIMEOUT:.0f} s: {seen[-300:]!r}")
        try:
            seen += os.read(main_fd, 1 << 16)
        except OSError:  # the child ended (EIO)
            raise RuntimeError(f"the app ended before its first frame: {seen[-300:]!r}") from None
    return time.monotonic()


def launch_to_frame(argv: list[str], marker: bytes, env: dict[str, str]) -> float:
    """Seconds from spawning ``argv`` in a new pseudo-terminal to ``marker`` arriving on it."""
    start = time.monotonic()
    proc, main_fd = spawn(argv, env)
    try:
        return read_until(main_fd, marker, start) - start
    finally:
        stop(proc)
        os.close(main_fd)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """End a child this module started (by its own id)."""
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=3)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def demo_argv(sessions: Path) -> list[str]:
    return [sys.executable, "-m", "piptui", "--sessions-dir", str(sessions), "demo"]


def run(ctx: Context) -> list[Row]:
    from piptui.programmes import ensure_demo

    sessions = ctx.folder("startup-sessions")
    ensure_demo(sessions)
    env = child_env(ctx)
    piptui_argv, minimal_argv = demo_argv(sessions), [sys.executable, "-c", MINIMAL_APP]
    runs = ctx.size(15, 1)
    if not ctx.smoke:  # warm the file cache and the bytecode caches
        launch_to_frame(piptui_argv, DEMO_MARKER, env)
        launch_to_frame(minimal_argv, MINIMAL_MARKER, env)
    ours: list[float] = []
    base: list[float] = []
    for _ in range(runs):
        ours.append(launch_to_frame(piptui_argv, DEMO_MARKER, env))
        base.append(launch_to_frame(minimal_argv, MINIMAL_MARKER, env))
    ratio = median(ours) / median(base)
    return [
        Row(
            "start-up",
            f"{ms(median(ours))} to the first frame of piptui demo",
            f"minimal Textual app {ms(median(base))}",
            times(ratio),
            f"<= {GOAL}x",
            ratio <= GOAL,
            note=f"median of {runs} launches each in a pseudo-terminal, 80x24; "
            f"piptui {ms(min(ours))}-{ms(max(ours))}, minimal {ms(min(base))}-{ms(max(base))}",
        )
    ]

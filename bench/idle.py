"""idle: the CPU an open, idle session screen uses, over 10 s.

``piptui demo`` runs in a pseudo-terminal (80x24) beside the minimal Textual app of
:mod:`bench.startup`; once both have drawn and settled (the exercise library loaded), the
CPU time each process uses over the same 10 s is read (``psutil``), while their output is
read and counted (an unread terminal would block an app that redraws).

Then Ctrl+N opens the action plan over the session screen and the same is read again: the
screen underneath must not wake the plan (Textual repaints the whole top screen when the one
under it is woken; the lead's heartbeat did so every 5 s: 11 KB written per 10 s).

Goal: at most 0.5% of a core (issue 14), each.
"""

from __future__ import annotations

import os
import select
import sys
import time

from bench import Context, child_env
from bench.startup import DEMO_MARKER, MINIMAL_APP, MINIMAL_MARKER, demo_argv, read_until, spawn, stop
from bench.table import Row

GOAL = 0.5  # percent of one core
SETTLE = 2.0  # seconds after the first frame: the library loads, the first polls run


def cpu_seconds(pid: int) -> float:
    import psutil  # type: ignore[import-untyped]

    t = psutil.Process(pid).cpu_times()
    return float(t.user + t.system)


def drain(fds: dict[int, int], until: float) -> None:
    """Read whatever the apps write until ``until``; count the bytes per terminal."""
    while (left := until - time.monotonic()) > 0:
        ready, _, _ = select.select(list(fds), [], [], left)
        for fd in ready:
            try:
                fds[fd] += len(os.read(fd, 1 << 16))
            except OSError:
                raise RuntimeError("an app ended while idle") from None


def run(ctx: Context) -> list[Row]:
    from piptui.programmes import ensure_demo

    window = ctx.size(10.0, 1.0)
    env = child_env(ctx)
    sessions = ctx.folder("idle-sessions")
    ensure_demo(sessions)
    start = time.monotonic()
    ours, ours_fd = spawn(demo_argv(sessions), env)
    base, base_fd = spawn([sys.executable, "-c", MINIMAL_APP], env)
    try:
        read_until(ours_fd, DEMO_MARKER, start)
        read_until(base_fd, MINIMAL_MARKER, start)
        written = {ours_fd: 0, base_fd: 0}
        drain(written, time.monotonic() + (SETTLE if not ctx.smoke else 0.5))
        written = dict.fromkeys(written, 0)
        before = cpu_seconds(ours.pid), cpu_seconds(base.pid)
        drain(written, time.monotonic() + window)
        after = cpu_seconds(ours.pid), cpu_seconds(base.pid)
        os.write(ours_fd, b"\x0e")  # Ctrl+N: the action plan, over the session screen
        drain({ours_fd: 0, base_fd: 0}, time.monotonic() + (SETTLE if not ctx.smoke else 0.5))
        plan_written = {ours_fd: 0, base_fd: 0}
        plan_before = cpu_seconds(ours.pid)
        drain(plan_written, time.monotonic() + window)
        plan_pct = 100 * (cpu_seconds(ours.pid) - plan_before) / window
    finally:
        for proc, fd in ((ours, ours_fd), (base, base_fd)):
            stop(proc)
            os.close(fd)
    pct = 100 * (after[0] - before[0]) / window
    base_pct = 100 * (after[1] - before[1]) / window
    return [
        Row("idle", f"{pct:.2f}% of a core", f"minimal Textual app {base_pct:.2f}%",
            f"{pct - base_pct:+.2f} points", f"<= {GOAL}%", pct <= GOAL,
            note=f"CPU over {window:.0f} s of an open, idle session screen (piptui demo); it wrote "
                 f"{written[ours_fd]:,} bytes to its terminal meanwhile, the minimal app {written[base_fd]:,}"),
        Row("idle, plan over the session", f"{plan_pct:.2f}% of a core", f"minimal Textual app {base_pct:.2f}%",
            f"{plan_pct - base_pct:+.2f} points", f"<= {GOAL}%", plan_pct <= GOAL,
            note=f"the same after Ctrl+N (the action plan over the session screen): "
                 f"{plan_written[ours_fd]:,} bytes written in {window:.0f} s"),
    ]  # fmt: skip

"""wall-idle: the CPU the wall uses at 160x45 while nothing happens but the lead's heartbeat.

``piptui wall`` runs in a 160x45 pseudo-terminal, a facilitator's session screen (which leads the
room and renews its heartbeat in the programme file every few seconds) in another, and the minimal
Textual app of :mod:`bench.startup` beside them; once all have drawn and settled, the CPU time the
wall and the minimal app use over the same window is read (``psutil``).

Goal: at most 0.5% of a core.
"""

from __future__ import annotations

import os
import sys
import time

from bench import Context, child_env
from bench.idle import SETTLE, cpu_seconds, drain
from bench.startup import DEMO_MARKER, MINIMAL_APP, MINIMAL_MARKER, read_until, spawn, stop
from bench.table import Row

GOAL = 0.5  # percent of one core


def run(ctx: Context) -> list[Row]:
    from piptui.programmes import ensure_demo

    window = ctx.size(12.0, 1.0)
    env = child_env(ctx)
    sessions = ctx.folder("wall-idle-sessions")
    ensure_demo(sessions)
    base_argv = [sys.executable, "-m", "piptui", "--sessions-dir", str(sessions)]
    start = time.monotonic()
    lead, lead_fd = spawn([*base_argv, "open", "darlington-demo", "--as", "Sue"], env)
    wall, wall_fd = spawn([*base_argv, "wall", "darlington-demo"], env, size=(160, 45))
    base, base_fd = spawn([sys.executable, "-c", MINIMAL_APP], env, size=(160, 45))
    try:
        for fd, marker in ((lead_fd, DEMO_MARKER), (wall_fd, DEMO_MARKER), (base_fd, MINIMAL_MARKER)):
            read_until(fd, marker, start)
        written = {lead_fd: 0, wall_fd: 0, base_fd: 0}
        drain(written, time.monotonic() + (SETTLE if not ctx.smoke else 0.5))
        written = dict.fromkeys(written, 0)
        before = cpu_seconds(wall.pid), cpu_seconds(base.pid)
        drain(written, time.monotonic() + window)
        after = cpu_seconds(wall.pid), cpu_seconds(base.pid)
    finally:
        for proc, fd in ((wall, wall_fd), (lead, lead_fd), (base, base_fd)):
            stop(proc)
            os.close(fd)
    pct = 100 * (after[0] - before[0]) / window
    base_pct = 100 * (after[1] - before[1]) / window
    return [
        Row("wall-idle", f"{pct:.2f}% of a core", f"minimal Textual app {base_pct:.2f}%",
            f"{pct - base_pct:+.2f} points", f"<= {GOAL}%", pct <= GOAL,
            note=f"CPU over {window:.0f} s of the wall at 160x45 while a lead's heartbeat renews the "
                 f"programme file; it wrote {written[wall_fd]:,} bytes to its terminal meanwhile"),
    ]  # fmt: skip

"""sync: a card added in one process, until it is on another process's open board.

The reader is a separate process running piptui's session screen headless (Pilot, 80x24) on
the programme, started as the CLI starts it (no garbage collection until its first frame, then
what start-up made frozen): the app's live programme hears of the change (its watcher: inotify, or the
polling fallback with ``PIPTUI_WATCH=poll``), reads one snapshot and the screen puts the card
on its board; the reader notes the moment the first frame after a new card id is in the board's
options has gone to the terminal (``App.post_display_hook``): the card is on screen. The
writer (this process) adds 100 cards at random gaps and notes the time before each
``add_card``. Both use the system-wide monotonic clock. The programme holds 1,000 cards.
Median and 95th percentile of add-to-board, for each way of watching.

Goal: with kernel notifications, median <= 50 ms and p95 <= 120 ms; polling, median < 0.5 s.
The baseline is the polling period (``piptui.ui.watch.POLL_SECONDS``).

``python -m bench.sync PATH COUNT [WxH]`` is the reader (bench.board runs it at 200x50, side by side).
"""

from __future__ import annotations

import asyncio
import gc
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import ROOT, Context, child_env
from bench.data import programme, sample_card
from bench.table import Row, median, percentile, secs

GOAL_MEDIAN, GOAL_P95, GOAL_POLL = 0.050, 0.120, 0.5
TIMEOUT = 90.0


async def reader(path: Path, count: int, size: tuple[int, int] = (80, 24)) -> None:
    """Open the session screen headless; print ``id seen-at`` as each new card reaches the board."""
    from piptui.ui.app import create_app
    from piptui.ui.screens.session import SessionScreen
    from piptui.ui.widgets.board import Board

    known: set[str] = set()
    pending: list[str] = []  # on the board, not yet on screen
    found = 0
    original = Board.show

    def show(board: Board, *args: Any, **kw: Any) -> None:
        original(board, *args, **kw)
        for card_id in set(board.card_ids) - known:
            known.add(card_id)
            if ready:
                pending.append(card_id)

    def displayed() -> None:  # a frame went to the terminal: what the board held is on screen
        nonlocal found
        now = time.monotonic()
        for card_id in pending:
            print(card_id, now, flush=True)
            found += 1
        pending.clear()

    ready = False
    Board.show = show  # type: ignore[method-assign]
    gc.disable()  # as ``piptui.cli.run_app`` starts the app: it turns collection back on after its first frame
    app = create_app(sessions_dir=path.parent, programme=path, author="reader", mode="session")
    app.post_display_hook = displayed  # type: ignore[method-assign]
    async with app.run_test(size=size) as pilot:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            screen = app.screen
            live = app.live
            if isinstance(screen, SessionScreen) and screen.library is not None and live and live.watcher.kind:
                break
            await pilot.pause(0.01)
        await pilot.pause(0.2)
        ready = True
        print("ready", app.live.watcher.kind if app.live else None, flush=True)
        while found < count and time.monotonic() < deadline:
            await asyncio.sleep(0.05)


def one_way(
    ctx: Context, path: Path, kind: str, *, size: str = "80x24", count: int | None = None
) -> tuple[list[float], str]:
    from piptui.store import SessionStore

    count = count or ctx.size(100, 10)
    env = child_env(ctx)
    if kind == "poll":
        env["PIPTUI_WATCH"] = "poll"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.sync", str(path), str(count), size],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().split()
    if not first or first[0] != "ready":
        proc.kill()
        raise RuntimeError("the reader process did not start")
    watching = first[1] if len(first) > 1 else "?"
    rng = random.Random(ctx.seed)
    added: dict[str, float] = {}
    with SessionStore(path, author="writer") as store:
        for i in range(count):
            time.sleep(rng.uniform(0.05, 0.25))  # a card every so often, at any phase of a poll
            start = time.monotonic()
            added[store.add_card(**sample_card(ctx.seed + len(kind), i)).id] = start
    out, _ = proc.communicate(timeout=TIMEOUT)
    seen = {card_id: float(at) for card_id, at in (line.split() for line in out.splitlines() if line.strip())}
    missing = set(added) - set(seen)
    if missing:
        raise RuntimeError(f"the reader never saw {len(missing)} of {count} cards ({kind})")
    return [seen[i] - added[i] for i in added], watching


def run(ctx: Context) -> list[Row]:
    from piptui.ui.watch import POLL_SECONDS

    cards = ctx.size(1_000, 100)
    path = programme(ctx.folder("sync") / "programme.json", cards, seed=ctx.seed, board=True)
    rows = []
    for kind in ("notify", "poll"):
        lags, watching = one_way(ctx, path, kind)
        mid, p95 = median(lags), percentile(lags, 95)
        if kind == "notify":
            goal, met = (
                f"median <= {GOAL_MEDIAN * 1000:.0f} ms, p95 <= {GOAL_P95 * 1000:.0f} ms",
                (mid <= GOAL_MEDIAN and p95 <= GOAL_P95),
            )
        else:
            goal, met = f"median < {GOAL_POLL} s", mid < GOAL_POLL
        rows.append(
            Row(
                f"sync ({watching})",
                f"median {secs(mid)}, p95 {secs(p95)}",
                f"poll every {secs(POLL_SECONDS)}",
                f"{mid / POLL_SECONDS:.2f} polls",
                goal,
                met,
                note=f"{len(lags)} adds into a {cards:,}-card programme, until on screen in another process "
                f"(the frame after the card is on its session board, headless), watching by {watching}",
            )
        )
    return rows


if __name__ == "__main__":
    width, height = (int(n) for n in (sys.argv[3] if len(sys.argv) > 3 else "80x24").split("x"))
    asyncio.run(reader(Path(sys.argv[1]), int(sys.argv[2]), (width, height)))

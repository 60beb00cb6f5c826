"""sync: a card added in one process, until another process's store sees it.

The reader is a separate process polling ``change_token()`` at the live-room watcher's own
interval (``piptui.ui.watch.POLL_SECONDS``) and, when it changes, reading the cards (as the
session screen does). The writer (this process) adds 100 cards at random gaps (so the adds
fall at every phase of the poll) and notes the time before each ``add_card``; the reader
notes when each id first shows. Both use the system-wide monotonic clock. The programme
holds 1,000 cards. Median and 95th percentile of add-to-seen.

Goal: median at most 0.5 s. The poll interval is the baseline: a poll at a random phase
waits half of it on average.

``python -m bench.sync PATH COUNT INTERVAL`` is the reader.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

from bench import ROOT, Context, child_env
from bench.data import programme, sample_card
from bench.table import Row, median, percentile, secs

GOAL = 0.5
TIMEOUT = 60.0


def reader(path: Path, count: int, interval: float) -> None:
    """Poll like the watcher; print ``id seen-at`` for each card that appears, until ``count`` did."""
    from piptui.store import SessionStore

    with SessionStore(path) as store:
        known = {c.id for c in store.cards()}
        token = store.change_token()
        print("ready", flush=True)
        found, deadline = 0, time.monotonic() + TIMEOUT
        while found < count and time.monotonic() < deadline:
            time.sleep(interval)
            now = store.change_token()
            if now == token:
                continue
            token = now
            ids = {c.id for c in store.cards()}
            seen = time.monotonic()
            for card_id in ids - known:
                print(card_id, seen, flush=True)
                found += 1
            known = ids


def poll_interval() -> float:
    try:
        from piptui.ui.watch import POLL_SECONDS
    except ImportError:  # pragma: no cover - before the watcher existed
        return 0.25
    return float(POLL_SECONDS)


def run(ctx: Context) -> list[Row]:
    from piptui.store import SessionStore

    count, cards = ctx.size(100, 10), ctx.size(1_000, 100)
    interval = poll_interval()
    path = programme(ctx.folder("sync") / "programme.json", cards, seed=ctx.seed)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.sync", str(path), str(count), str(interval)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=child_env(ctx),
    )
    assert proc.stdout is not None
    if proc.stdout.readline().strip() != "ready":
        proc.kill()
        raise RuntimeError("the reader process did not start")
    rng = random.Random(ctx.seed)
    added: dict[str, float] = {}
    with SessionStore(path, author="writer") as store:
        for i in range(count):
            time.sleep(rng.uniform(0.2, 1.0) * interval)  # a card every so often, at any phase of the poll
            start = time.monotonic()
            added[store.add_card(**sample_card(ctx.seed, i)).id] = start
    out, _ = proc.communicate(timeout=TIMEOUT)
    seen = {card_id: float(at) for card_id, at in (line.split() for line in out.splitlines())}
    missing = set(added) - set(seen)
    if missing:
        raise RuntimeError(f"the reader never saw {len(missing)} of {count} cards")
    lags = [seen[i] - added[i] for i in added]
    mid, p95 = median(lags), percentile(lags, 95)
    return [
        Row(
            "sync",
            f"median {secs(mid)}, p95 {secs(p95)}",
            f"poll every {secs(interval)}",
            f"{mid / interval:.2f} polls",
            f"median <= {GOAL} s",
            mid <= GOAL,
            note=f"{count} adds into a {cards:,}-card programme, seen by a second process polling "
            f"change_token() every {interval} s (piptui.ui.watch.POLL_SECONDS)",
        )
    ]


if __name__ == "__main__":
    reader(Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]))

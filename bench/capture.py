"""capture: the median time to persist one card (``add_card`` returns, the file is on disk).

Against, in the same loop (one of each per round, so a busy machine slows all three alike):

- the floor: an atomic write + fsync of a file of the same size, with the store's own
  primitive (temporary file, write, fsync, rename, fsync of the folder);
- plain TinyDB: ``TinyDB(path)`` with its default JSONStorage, ``db.insert(doc)`` of the same
  card into a file of the same documents (it neither fsyncs nor writes atomically).

Goal: at most 1.5x the floor at every size; at most 0.25x TinyDB at 10,000 cards.
"""

from __future__ import annotations

import os
import time
from typing import Any

from bench import Context
from bench.data import programme, sample_card, tinydb_file
from bench.table import Row, median, ms, times

SIZES = (0, 1_000, 5_000, 10_000)
SMOKE_SIZES = (0, 200)
FLOOR_GOAL = 1.5
TINYDB_GOAL = 0.25
TINYDB_GOAL_AT = 10_000


def rounds_for(n: int, smoke: bool) -> int:
    if smoke:
        return 5
    return 60 if n <= 1_000 else 30 if n <= 5_000 else 20


def timed(fn: Any, *args: Any, **kwargs: Any) -> float:
    start = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - start


def measure(ctx: Context, n: int) -> Row:
    from tinydb import TinyDB

    from piptui.domain.model import Card
    from piptui.store import SessionStore, codec
    from piptui.store.storage import atomic_write_bytes

    folder = ctx.folder(f"capture-{n}")
    path = programme(folder / "programme.json", n, seed=ctx.seed)
    plain = tinydb_file(path, folder / "tinydb.json")
    floor_path = folder / "floor.json"

    def floor_write(blob: bytes) -> None:
        os.close(atomic_write_bytes(floor_path, blob))

    ours: list[float] = []
    floor: list[float] = []
    tiny: list[float] = []
    with SessionStore(path, author="bench") as store:
        db = TinyDB(str(plain))
        for i in range(3):  # warm up: caches, the first fragments, the lock file
            store.add_card(**sample_card(ctx.seed, i))
        for i in range(rounds_for(n, ctx.smoke)):
            card = sample_card(ctx.seed, 3 + i)
            doc = codec.encode(Card(**card))
            ours.append(timed(store.add_card, **card))
            blob = path.read_bytes()  # the floor writes the file as it is now: the same size
            floor.append(timed(floor_write, blob))
            tiny.append(timed(db.insert, doc))
        db.close()
    return row(n, len(blob), median(ours), median(floor), median(tiny))


def row(n: int, size: int, ours: float, floor: float, tiny: float) -> Row:
    vs_floor, vs_tiny = ours / floor, ours / tiny
    goal = f"<= {FLOOR_GOAL}x floor"
    met = vs_floor <= FLOOR_GOAL
    if n == TINYDB_GOAL_AT:
        goal += f", <= {TINYDB_GOAL}x TinyDB"
        met = met and vs_tiny <= TINYDB_GOAL
    return Row(
        f"capture {n:,} cards",
        f"{ms(ours)} ({size / 1e6:.2f} MB file)",
        f"floor {ms(floor)}; TinyDB {ms(tiny)}",
        f"{times(vs_floor)} floor; {times(vs_tiny)} TinyDB",
        goal,
        met,
    )


def run(ctx: Context) -> list[Row]:
    return [measure(ctx, n) for n in (SMOKE_SIZES if ctx.smoke else SIZES)]

"""board: the first render of the session screen's board with 5,000 cards; the app's memory with 10,000.

Each figure comes from a fresh interpreter (``python -m bench.board PATH CARDS``) that runs the
app headless through Pilot at 80x24 on a programme whose cards are all on the current step.
The clock starts as the app starts (imports done) and stops at the first frame in which the
board holds every card (``App.post_display_hook``): the exercise library loaded, the file read,
the cards decoded, grouped and laid out. The memory is the process's resident set (RSS) then.
The baseline is the same app on the same programme with no cards.

Goals: the first render at most 1 s; memory reported in MB.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import ROOT, Context, child_env
from bench.data import programme
from bench.table import Row, median, ms, not_available, times

GOAL = 1.0
TIMEOUT = 60.0


async def first_render(path: Path, cards: int) -> dict[str, Any]:
    """Seconds from the app's start to the first frame showing all ``cards``, and the RSS then."""
    import psutil  # type: ignore[import-untyped]

    from piptui.ui.app import create_app
    from piptui.ui.widgets.board import Board

    app = create_app(sessions_dir=path.parent, programme=path, mode="session", author="bench")
    shown: list[float] = []

    def displayed() -> None:
        boards = app.screen.query(Board) if app.screen is not None else []
        if not shown and any(len(b.card_ids) >= cards and b.option_count for b in boards):
            shown.append(time.perf_counter())

    app.post_display_hook = displayed  # type: ignore[method-assign]
    start = time.perf_counter()
    async with app.run_test(size=(80, 24)) as pilot:
        deadline = start + TIMEOUT
        while not shown and time.perf_counter() < deadline:
            await pilot.pause(0.01)
        if not shown:
            raise RuntimeError(f"the board never showed {cards} cards")
        rss = psutil.Process().memory_info().rss
    return {"render": shown[0] - start, "rss": rss}


def in_child(ctx: Context, path: Path, cards: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.board", str(path), str(cards)],
        capture_output=True, text=True, cwd=ROOT, env=child_env(ctx), timeout=TIMEOUT + 30, check=False,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"bench.board {path.name} {cards} failed: {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def run(ctx: Context) -> list[Row]:
    try:
        from piptui.ui.screens.session import SessionScreen  # noqa: F401
        from piptui.ui.widgets.board import Board  # noqa: F401
    except ImportError as exc:
        return [not_available("board", f"the board does not import ({exc})", f"<= {GOAL} s")]
    folder = ctx.folder("board")
    shown, big = ctx.size(5_000, 200), ctx.size(10_000, 400)
    empty = programme(folder / "empty.json", 0, seed=ctx.seed, board=True)
    full = programme(folder / "full.json", shown, seed=ctx.seed, board=True)
    runs = ctx.size(3, 1)
    base = [in_child(ctx, empty, 0) for _ in range(runs)]
    ours = [in_child(ctx, full, shown) for _ in range(runs)]
    render, base_render = median([r["render"] for r in ours]), median([r["render"] for r in base])
    huge = in_child(ctx, programme(folder / "huge.json", big, seed=ctx.seed, board=True), big)
    base_mb = median([r["rss"] for r in base]) / 1e6
    return [
        Row(f"board {shown:,} cards", f"first render {ms(render)}", f"no cards {ms(base_render)}",
            times(render / base_render), f"<= {GOAL} s", render <= GOAL,
            note=f"median of {runs} fresh processes each, headless Pilot 80x24, from the app's start "
                 "to the first frame with every card on the board"),
        Row(f"board {big:,} cards", f"RSS {huge['rss'] / 1e6:.0f} MB", f"no cards {base_mb:.0f} MB",
            times(huge["rss"] / 1e6 / base_mb), "report MB",
            note=f"resident memory of the app process once the {big:,} cards are on the board"),
    ]  # fmt: skip


if __name__ == "__main__":
    print(json.dumps(asyncio.run(first_render(Path(sys.argv[1]), int(sys.argv[2])))))

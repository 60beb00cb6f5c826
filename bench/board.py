"""board: the first render of the session screen's board with 5,000 cards (one list at 80x24, the
columns side by side at 200x50); the app's memory with 10,000; a card from another terminal on
the side-by-side board.

Each figure comes from a fresh interpreter (``python -m bench.board PATH CARDS [WxH]``) that runs
the app headless through Pilot at 80x24 (or WxH) on a programme whose cards are all on the
current step.
The clock starts as the app starts (imports done, the garbage collector paused as
``piptui.cli.run_app`` pauses it) and stops at the first frame in which the
board holds every card (``App.post_display_hook``): the exercise library loaded, the file read,
the cards decoded, grouped and laid out. The memory is the process's resident set (RSS) then.
The baseline is the same app on the same programme with no cards.

Goals: the first render at most 1 s; memory reported in MB. Side by side (issue 17): the 5,000
cards cost at most 0.5 s over the same app at the same size with none (the baseline), and a card
added in another process is on screen in its column within the sync goal (:mod:`bench.sync`'s reader
at 200x50: until the frame drawn after the card is on the board has gone to the terminal).
"""

from __future__ import annotations

import asyncio
import gc
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import ROOT, Context, child_env
from bench.data import programme
from bench.table import Row, median, ms, not_available, percentile, secs, times

GOAL = 1.0
GOAL_SIDE = 0.5  # seconds over the empty board, side by side
WIDE = (200, 50)
TIMEOUT = 60.0


async def first_render(path: Path, cards: int, size: tuple[int, int] = (80, 24)) -> dict[str, Any]:
    """Seconds from the app's start to the first frame showing all ``cards``, the RSS then, and
    whether the board was side by side."""
    import psutil  # type: ignore[import-untyped]

    from piptui.ui.app import create_app
    from piptui.ui.widgets.board_columns import BoardColumns

    gc.disable()  # as ``piptui.cli.run_app`` starts the app: it turns collection back on after its first frame
    app = create_app(sessions_dir=path.parent, programme=path, mode="session", author="bench")
    shown: list[float] = []
    side: list[bool] = []

    def displayed() -> None:
        boards = app.screen.query(BoardColumns) if app.screen is not None else []
        for board in boards:
            if not shown and len(board.card_ids) >= cards and board.current.option_count:
                shown.append(time.perf_counter())
                side.append(board.side_by_side)

    app.post_display_hook = displayed  # type: ignore[method-assign]
    start = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        deadline = start + TIMEOUT
        while not shown and time.perf_counter() < deadline:
            await pilot.pause(0.01)
        if not shown:
            raise RuntimeError(f"the board never showed {cards} cards")
        rss = psutil.Process().memory_info().rss
    return {"render": shown[0] - start, "rss": rss, "side": side[0]}


def in_child(ctx: Context, path: Path, cards: int, size: tuple[int, int] = (80, 24)) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.board", str(path), str(cards), f"{size[0]}x{size[1]}"],
        capture_output=True, text=True, cwd=ROOT, env=child_env(ctx), timeout=TIMEOUT + 30, check=False,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"bench.board {path.name} {cards} failed: {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def run(ctx: Context) -> list[Row]:
    try:
        from piptui.ui.screens.session import SessionScreen  # noqa: F401
        from piptui.ui.widgets.board_columns import BoardColumns  # noqa: F401
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
    wide = side_by_side(ctx, empty, full, shown, runs)
    return [
        Row(f"board {shown:,} cards", f"first render {ms(render)}", f"no cards {ms(base_render)}",
            times(render / base_render), f"<= {GOAL} s", render <= GOAL,
            note=f"median of {runs} fresh processes each, headless Pilot 80x24, from the app's start "
                 "to the first frame with every card on the board"),
        Row(f"board {big:,} cards", f"RSS {huge['rss'] / 1e6:.0f} MB", f"no cards {base_mb:.0f} MB",
            times(huge["rss"] / 1e6 / base_mb), "report MB",
            note=f"resident memory of the app process once the {big:,} cards are on the board"),
        *wide,
    ]  # fmt: skip


def side_by_side(ctx: Context, empty: Path, full: Path, shown: int, runs: int) -> list[Row]:
    """The side-by-side board at 200x50: its first render against the empty board's, and a card
    from another process on its column, against the sync goal."""
    from bench.sync import GOAL_MEDIAN, GOAL_P95, one_way

    base = [in_child(ctx, empty, 0, WIDE) for _ in range(runs)]
    ours = [in_child(ctx, full, shown, WIDE) for _ in range(runs)]
    if not all(r["side"] for r in ours):
        raise RuntimeError("the board was not side by side at 200x50")
    render, base_render = median([r["render"] for r in ours]), median([r["render"] for r in base])
    extra = render - base_render
    size = f"{WIDE[0]}x{WIDE[1]}"
    lags, watching = one_way(ctx, full, "notify", size=size, count=ctx.size(50, 5))
    mid, p95 = median(lags), percentile(lags, 95)
    return [
        Row(f"board side by side {shown:,} cards", f"first render {ms(render)}", f"no cards {ms(base_render)}",
            f"{extra * 1000:+.0f} ms", f"<= +{GOAL_SIDE} s", extra <= GOAL_SIDE,
            note=f"median of {runs} fresh processes each, headless Pilot {size}, the step's 4 dimensions as "
                 "columns; the cards' cost over the same app with none"),
        Row(f"board side by side: a card from another terminal ({watching})", f"median {secs(mid)}, p95 {secs(p95)}",
            f"goal {ms(GOAL_MEDIAN)} / {ms(GOAL_P95)}", f"{mid / GOAL_MEDIAN:.2f}x goal",
            f"median <= {GOAL_MEDIAN * 1000:.0f} ms, p95 <= {GOAL_P95 * 1000:.0f} ms",
            mid <= GOAL_MEDIAN and p95 <= GOAL_P95,
            note=f"{len(lags)} adds into the {shown:,}-card programme until on screen in another process: the "
                 f"frame after the card is on its side-by-side board ({size}, headless), the writer's save included"),
    ]  # fmt: skip


if __name__ == "__main__":
    width, height = (int(n) for n in (sys.argv[3] if len(sys.argv) > 3 else "80x24").split("x"))
    print(json.dumps(asyncio.run(first_render(Path(sys.argv[1]), int(sys.argv[2]), (width, height)))))

"""capture-to-screen: Enter on the capture line until the board shows the new card, 1,000 cards there.

A fresh interpreter (``python -m bench.capture_to_screen PATH CARDS ROUNDS``) runs the session
screen headless through Pilot at 80x24. Each round puts a card's text on the capture line, then the
clock starts, Enter is pressed, and it stops at the first frame (``App.post_display_hook``) in
which the board holds one card more. The store's share (``add_card``) is timed as well. The
baseline is the same on a board with no cards. Median over the rounds.

Goal: under 50 ms at 1,000 cards.
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
from bench.data import programme, sample_card
from bench.table import Row, median, ms, not_available, times

GOAL = 0.050
TIMEOUT = 60.0


async def enter_to_frame(path: Path, rounds: int) -> dict[str, Any]:
    from piptui.ui.app import create_app
    from piptui.ui.widgets.board import Board
    from piptui.ui.widgets.capture import CaptureLine

    app = create_app(sessions_dir=path.parent, programme=path, mode="session", author="bench")
    lags: list[float] = []
    saves: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        deadline = time.perf_counter() + TIMEOUT
        while getattr(screen, "library", None) is None and time.perf_counter() < deadline:
            await pilot.pause(0.01)
        await pilot.pause(0.2)  # the library's refresh drawn
        board, line = screen.query_one(Board), screen.query_one(CaptureLine)
        store = screen.store  # type: ignore[attr-defined]
        add_card = store.add_card

        def timed_add(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return add_card(*args, **kwargs)
            finally:
                saves.append(time.perf_counter() - start)

        store.add_card = timed_add
        for i in range(rounds):
            line.focus()
            line.value = sample_card(7, i)["text"]  # typed (pilot.press per character waits for idle each time)
            line.cursor_position = len(line.value)
            await pilot.pause()
            before = len(board.card_ids)
            shown: list[float] = []

            def displayed(before: int = before, shown: list[float] = shown) -> None:
                if not shown and len(board.card_ids) > before:
                    shown.append(time.perf_counter())

            app.post_display_hook = displayed  # type: ignore[method-assign]
            start = time.perf_counter()
            await pilot.press("enter")
            while not shown and time.perf_counter() < start + 5:
                await pilot.pause(0.001)
            if not shown:
                raise RuntimeError("the new card never showed on the board")
            lags.append(shown[0] - start)
    return {"lags": lags, "saves": saves}


def in_child(ctx: Context, path: Path, rounds: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.capture_to_screen", str(path), str(rounds)],
        capture_output=True, text=True, cwd=ROOT, env=child_env(ctx), timeout=TIMEOUT + 30, check=False,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"bench.capture_to_screen {path.name} failed: {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def run(ctx: Context) -> list[Row]:
    try:
        from piptui.ui.screens.session import SessionScreen  # noqa: F401
    except ImportError as exc:
        return [
            not_available("capture-to-screen", f"the session screen does not import ({exc})", f"< {GOAL * 1000:.0f} ms")
        ]
    folder = ctx.folder("capture-to-screen")
    n, rounds = ctx.size(1_000, 100), ctx.size(20, 3)
    ours = in_child(ctx, programme(folder / "full.json", n, seed=ctx.seed, board=True), rounds)
    base = in_child(ctx, programme(folder / "empty.json", 0, seed=ctx.seed, board=True), rounds)
    lag, base_lag = median(ours["lags"]), median(base["lags"])
    return [
        Row(f"capture-to-screen {n:,} cards", f"{ms(lag)} Enter to the card on screen", f"no cards {ms(base_lag)}",
            times(lag / base_lag), f"< {GOAL * 1000:.0f} ms", lag < GOAL,
            note=f"median of {rounds} cards typed and saved through Pilot (headless, 80x24); of which add_card "
                 f"{ms(median(ours['saves']))} (no cards: {ms(median(base['saves']))})"),
    ]  # fmt: skip


if __name__ == "__main__":
    print(json.dumps(asyncio.run(enter_to_frame(Path(sys.argv[1]), int(sys.argv[2])))))

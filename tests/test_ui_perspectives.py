"""The perspective swap on screen: the comparison (session screen and wall) and the filter that
tells the speaker's sector from the sector voiced."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from ui_support import board_lines, demo_app, screen_text, session_ready

from piptui.domain.model import Timer
from piptui.store import SessionStore
from piptui.ui.screens.wall import WallScreen
from piptui.ui.widgets.comparison import PerspectiveComparison

PRESENT = "perspective-swap/present"


async def on_present_step(pilot: Pilot[Any]) -> Any:
    screen = await session_ready(pilot)
    await pilot.press("f6", "f6", "f6", "f6", "f6")  # sort, themes, role play x3, then the perspective swap
    await pilot.pause()
    assert screen.step_ref == PRESENT
    return screen


async def test_f11_walks_the_pairs_at_80x24_then_back_to_the_board(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await on_present_step(pilot)
        await pilot.press("f11")
        await pilot.pause()
        text = screen_text(app)
        assert "Council and agencies voicing the" in text and "The voluntary sector on itself" in text
        assert "(council voicing the VCS) The" in text  # what the council said as the sector...
        assert "Rings true (1)" in text  # ... beside what the sector answered, by column
        assert "Comparison 1 of 2" in text
        assert "(VCS voicing the council)" not in text  # one pair at a time at 80x24
        await pilot.press("f11")
        await pilot.pause()
        text = screen_text(app)
        assert "The voluntary sector voicing" in text and "Council and agencies on" in text
        assert "(VCS voicing the council) We" in text and "Comparison 2 of 2" in text
        await pilot.press("f11")
        await pilot.pause()
        assert not screen.query_one(PerspectiveComparison).is_on_screen
        assert any("(VCS voicing the council)" in line for line in board_lines(screen))
        assert "Nothing yet." not in screen_text(app)


async def test_a_card_captured_while_comparing_joins_its_pair(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await on_present_step(pilot)
        await pilot.press("f11")
        await pilot.press(*"We are never asked what we need @vcs >council", "enter")
        await pilot.pause()
        await pilot.press("f11")  # the second pair: the sector voicing the council
        await pilot.pause()
        text = screen_text(app)
        assert "We are never asked what we" in text
        # wide: the compare step's columns side by side, each its own column
        header = next(line for line in text.splitlines() if "Council and agencies on" in line)
        assert header.count("Council and agencies on") == 3


async def test_the_filter_tells_the_speaker_from_the_sector_voiced(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await on_present_step(pilot)

        async def filtered(line: str) -> list[str]:
            await pilot.press("escape", "f4", *line)
            await pilot.pause()
            return [t for t in board_lines(screen) if t.startswith("▍")]

        voiced_vcs = await filtered(">vcs")
        assert len(voiced_vcs) == 3 and all("as VCS" in t for t in voiced_vcs)
        spoken_vcs = await filtered("@vcs")
        assert len(spoken_vcs) == 2 and all("VCS as Council" in t for t in spoken_vcs)
        both = await filtered("@statutory >vcs")
        assert len(both) == 1 and "PCT voicing" in both[0]
        assert "filter @statutory >vcs" in str(screen.query_one("#board").border_title)


async def test_the_wall_shows_every_pair_at_160x45_and_one_at_80x24(sessions_dir: Path) -> None:
    from ui_support import patience

    for size, both in (((160, 45), True), ((80, 24), False)):
        app = demo_app(sessions_dir, author=None, mode="wall")
        async with app.run_test(size=size, notifications=True) as pilot:
            with SessionStore(app.programme_path, author="Ann") as facilitator:  # type: ignore[arg-type]
                facilitator.set_current_step(3, PRESENT, timer=Timer(duration=1200))
            for _ in patience():
                screen = app.screen
                if isinstance(screen, WallScreen) and screen.room is not None and screen.room.step_ref == PRESENT:
                    break
                await asyncio.sleep(0.05)
            await pilot.pause()
            text = screen_text(app)
            assert "Council and agencies voicing" in text
            assert ("The voluntary sector voicing" in text) is both
            if not both:
                await pilot.press("n")
                await pilot.pause()
                assert "The voluntary sector voicing" in screen_text(app)

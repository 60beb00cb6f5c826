"""Once a screen has drawn the programme, what it drew is set aside from the garbage collector
(piptui.ui.memory), as start-up's objects are after the first frame, and the young generation is
collected less often: a full collection on a 5,000-card board walked them all (60-290 ms, the p95
of a card from another terminal), and the young one ran 14 times a card."""

from __future__ import annotations

import gc
from pathlib import Path

from ui_support import demo_app, session_ready

from piptui.ui.memory import YOUNG
from piptui.ui.widgets.board_columns import BoardColumns


def _collected(obj: object) -> bool:
    """Whether the collector still looks at ``obj`` (frozen objects are in no generation)."""
    return any(o is obj for o in gc.get_objects())


async def test_the_board_is_set_aside_once_drawn(sessions_dir: Path, collector_paused: None) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await session_ready(pilot)
        await pilot.pause()
        board = screen.query_one(BoardColumns)
        option = board.current.options[1]
        assert board.card_ids and gc.isenabled() and gc.get_threshold()[0] == YOUNG  # young ones less often
        assert not _collected(option)  # the board as first drawn: set aside
        await pilot.press("a", "b", "enter")  # later objects are the collector's as ever
        await pilot.pause()
        card_id = board.highlighted_card_id
        assert card_id is not None and card_id != option.id  # the card typed, highlighted
        assert _collected(board.current.get_option(card_id))


async def test_an_app_started_with_the_collector_on_keeps_its_board_collected(sessions_dir: Path) -> None:
    frozen, threshold = gc.get_freeze_count(), gc.get_threshold()
    app = demo_app(sessions_dir)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await session_ready(pilot)
        await pilot.pause()
        assert gc.get_freeze_count() == frozen and gc.get_threshold() == threshold  # tests, other hosts: as ever
        assert _collected(screen.query_one(BoardColumns).current.options[1])


async def test_only_the_first_screen_sets_aside_what_it_drew(sessions_dir: Path, collector_paused: None) -> None:
    """What is garbage at a freeze is never freed: a freeze at each opening of the plan kept
    1 MB a time. The session screen's board is set aside once; the plan, opened and closed, not."""
    from piptui.ui.screens.plan import PlanScreen

    app = demo_app(sessions_dir)
    async with app.run_test(size=(160, 45)) as pilot:
        await session_ready(pilot)
        await pilot.pause()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        for _ in range(2):
            await pilot.press("ctrl+n")
            for _ in range(200):
                if isinstance(app.screen, PlanScreen) and app.screen.query("#plan-list"):
                    break
                await pilot.pause(0.02)
            assert isinstance(app.screen, PlanScreen)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        assert gc.get_freeze_count() <= frozen  # nothing more set aside (frozen objects freed leave it)

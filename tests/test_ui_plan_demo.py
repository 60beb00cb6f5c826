"""From the demo's session screen to its clusters, plan and review: the whole path a newcomer sees."""

from __future__ import annotations

from pathlib import Path

from plan_ui_support import prompts
from textual.widgets import OptionList
from ui_support import demo_app, patience, session_ready

from piptui.ui.screens.clusters import ClustersScreen
from piptui.ui.screens.plan import PlanScreen
from piptui.ui.screens.review import ReviewScreen


async def _wait_for(pilot, kind: type) -> object:  # type: ignore[no-untyped-def]
    for _ in patience():
        await pilot.pause()
        if isinstance(pilot.app.screen, kind) and pilot.app.screen.ready:
            await pilot.pause()
            return pilot.app.screen
    raise AssertionError(f"{kind.__name__} did not open (screen is {pilot.app.screen!r})")


async def test_session_screen_opens_clusters_plan_and_review_of_the_demo(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await session_ready(pilot)
        await pilot.press("ctrl+l")
        clusters = await _wait_for(pilot, ClustersScreen)
        assert isinstance(clusters, ClustersScreen) and clusters.number == 3 and clusters.library is not None
        listing = prompts(clusters.query_one("#cluster-list", OptionList))
        assert "Structures for communication" in listing[0]  # 11 votes: first
        assert len(listing) == 5
        cards = prompts(clusters.query_one("#cluster-cards", OptionList))
        assert "Session 3 · Sorting drivers, benefits, difficulties and barriers › Sort the contributions" in cards
        assert "Obstacles and barriers › Organisation" in cards  # column titles from the library
        assert any(
            "Lack of resources to participate: small groups" in line and "→ 1. A shared approach" in line
            for line in cards
        )
        await pilot.press("escape")
        assert app.screen is session
        await pilot.press("ctrl+n")
        plan = await _wait_for(pilot, PlanScreen)
        assert isinstance(plan, PlanScreen)
        lines = prompts(plan.query_one("#plan-list", OptionList))
        objectives = [line for line in lines if line[0].isdigit()]
        assert len(objectives) == 3 and len(lines) == 3 + 8
        assert "Leads: David Reeve (Council) & Jean Wilkinson (VCS)" in objectives[0]
        assert "review 2008-10-17" in objectives[0]
        assert "⚠" not in "".join(objectives)
        await pilot.press("R")
        review = await _wait_for(pilot, ReviewScreen)
        assert isinstance(review, ReviewScreen)
        assert "0/8 done" in str(review.query_one("#review-list", OptionList).border_title)

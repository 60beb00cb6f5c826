"""The plan screen's arrow keys do only what they show (issue 15: they took 0.37 s a key).

- Moving the highlight redraws the list and the detail pane, not the whole screen's layout
  (a layout repainted every scroll bar twice: five terminal updates a key instead of two).
- The lead's heartbeat, written every few seconds, changes nothing the plan shows: the plan
  is not rebuilt for it (it was: a full screen of output each time, landing among the keys).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plan_ui_support import app_for, make_programme, push
from textual.widgets import OptionList, Static
from ui_support import patience

from piptui.store import SessionStore
from piptui.store.plan_ops import PlanOps
from piptui.store.room_ops import RoomLead
from piptui.ui.screens.plan import PlanScreen


def _plan_with_actions(folder: Path) -> Path:
    path = make_programme(folder)
    with SessionStore(path, author="ann") as store:
        ops = PlanOps(store)
        cluster = ops.cluster_cards([f"card-{n}" for n in range(6)], title="Everything", session=3)
        objective = ops.promote([cluster.id], title="Pool the budgets", session=3)
        for n in range(4):
            ops.add_action(objective.id, f"Action {n}", owners=f"Owner {n}")
    return path


async def test_arrow_keys_lay_nothing_out(sessions_dir: Path) -> None:
    path = _plan_with_actions(sessions_dir)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await push(pilot, PlanScreen(path, session=3, author="ann"))
        listing = screen.query_one("#plan-list", OptionList)
        detail = screen.query_one("#plan-detail-text", Static)
        await pilot.press("home")
        await pilot.pause()
        layouts: list[Any] = []
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
        shown = []
        for key in ["down", "down", "down", "up", "up", "up", "down"]:
            await pilot.press(key)
            await pilot.pause()
            shown.append(str(detail.content))
        assert listing.highlighted == 1
        assert "Owner 0" in shown[-1] and "Owner 2" in shown[2]  # the detail follows the highlight
        assert layouts == []  # ... and nothing was laid out again
        await pilot.press("up")  # the objective: its cards, cut to the pane with the key for them all
        await pilot.pause()
        assert "c lists every card" in str(detail.content)
        assert layouts == []


async def test_the_leads_heartbeat_does_not_rebuild_the_plan(sessions_dir: Path) -> None:
    path = _plan_with_actions(sessions_dir)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await push(pilot, PlanScreen(path, session=3, author="ann"))
        listing = screen.query_one("#plan-list", OptionList)
        before = listing.options[0]
        with SessionStore(path, author="bo") as other:
            lead = RoomLead(other, "bo")
            lead.take()
            token = screen.live.token
            for _ in patience():
                await pilot.pause(0.02)
                if screen.live.token != token and screen.shown_snapshot is screen.live.snapshot:
                    break
            assert lead.beat()
            token = screen.live.token
            for _ in patience():
                await pilot.pause(0.02)
                if screen.live.token != token and screen.shown_snapshot is screen.live.snapshot:
                    break
            assert screen.shown_snapshot is screen.live.snapshot  # the change was heard of
            assert listing.options[0] is before  # and the plan was left as it was
            PlanOps(other).add_objective("Train the volunteers", session=3)
            for _ in patience():
                await pilot.pause(0.02)
                if any("Train the volunteers" in str(o.prompt) for o in listing.options):
                    break
            assert any("Train the volunteers" in str(o.prompt) for o in listing.options)  # a real change shows

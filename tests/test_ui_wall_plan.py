"""The wall follows the lead onto the clusters, plan and review screens, in their read-only form."""

from __future__ import annotations

import os
from pathlib import Path

from ui_support import demo_app, patience, screen_text, session_ready

from piptui.domain.model import Card, Cluster, Programme, Session
from piptui.store import SessionStore
from piptui.store.room_ops import RoomLead
from piptui.ui.screens.wall import WallScreen
from piptui.ui.screens.wall_plan import clusters_view


def test_a_cluster_made_only_of_confidential_cards_stays_off_the_wall(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    open_cluster, secret_cluster = (
        Cluster(title="Trust", votes=3, session=1),
        Cluster(title="The chief exec", session=1),
    )
    cards = [
        Card(text="We trust each other more", session=1, cluster=open_cluster.id),
        Card(text="Said in confidence", session=1, cluster=open_cluster.id, confidential=True),
        Card(text="He never comes", session=1, cluster=secret_cluster.id, confidential=True),
    ]
    with SessionStore.create(
        path, Programme(name="p", area="A"), sessions=[Session(1)], content=[open_cluster, secret_cluster, *cards]
    ) as store:
        text = clusters_view(store.snapshot(), 1).plain
    assert (
        "Trust" in text
        and "3 votes" in text
        and "1 card" in text
        and "1 cards" not in text
        and "We trust each other more" in text
    )
    assert "The chief exec" not in text and "Said in confidence" not in text and "He never comes" not in text


async def test_the_wall_shows_the_plan_while_the_lead_is_on_it(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author=None, mode="wall")
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in patience():
            if isinstance(app.screen, WallScreen) and app.screen.room is not None:
                break
            await pilot.pause(0.02)
        screen = app.screen
        with SessionStore(screen.path) as store:
            lead = RoomLead(store, "Sue", pid=os.getppid())
            lead.take(4)
            lead.set_view("plan")
        for _ in patience():
            await pilot.pause(0.05)
            if "Joint lead:" in screen_text(app):
                break
        text = screen_text(app)
        assert "The action plan · session 4" in text and "Joint lead: David Reeve, Darlington Borough Council" in text
        lines = text.splitlines()
        at = next(i for i, line in enumerate(lines) if "Joint lead: David Reeve" in line)
        label = lines[at].index("Joint lead: ") + len("Joint lead: ")
        wrapped = lines[at + 1]  # the joint lead is too long for one line at 160 columns
        assert wrapped[:label].strip(" │") == "" and wrapped[label] != " ", "hangs under the text after the label"
        with SessionStore(screen.path) as store:
            RoomLead(store, "Sue", pid=os.getppid()).set_view("board")
        for _ in patience():
            await pilot.pause(0.05)
            if "Joint lead:" not in screen_text(app):
                break
        assert "Joint lead:" not in screen_text(app) and "Step 1/5" in screen_text(app)


async def test_the_lead_opening_the_plan_tells_the_wall(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Sue")
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await session_ready(pilot)
        for _ in patience():
            if screen.leading:
                break
            await pilot.pause(0.02)

        def view() -> str | None:
            with SessionStore(screen.path) as store:
                lead = store.programme().lead
            return lead.view if lead else None

        await pilot.press("ctrl+n")
        await pilot.pause()
        assert view() == "plan"
        await pilot.press("escape")
        await pilot.pause()
        assert view() == "board"

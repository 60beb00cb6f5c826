"""User text that looks like markup shows literally on the clusters, votes, plan and review screens."""

from __future__ import annotations

from pathlib import Path

from plan_ui_support import app_for, push
from textual.widgets import Select
from ui_support import patience, screen_text

from piptui.domain.model import Card, Participant, Programme, Sector, Session
from piptui.store import SessionStore
from piptui.store.plan_ops import PlanOps
from piptui.ui.screens.cluster_suggestions import SuggestionsScreen
from piptui.ui.screens.clusters import ClustersScreen
from piptui.ui.screens.plan import PlanScreen
from piptui.ui.screens.plan_dialogs import ObjectiveDialog, ReviewDialog
from piptui.ui.screens.review import ReviewScreen
from piptui.ui.screens.votes import VotesScreen

COUNCIL, VCS = "[b]Bob[/b] Reeve", "[@click=app.quit]Vera[/] Pye"
CARD, CLUSTER, OBJECTIVE, ACTION, OWNER = (
    "[red]Mistrust[/] since the cuts",
    "[/bold] trust",
    "[/] shared [i]understanding",
    "[@click=app.bell]x[/]",
    "[u]CVS",
)


def _programme(folder: Path) -> Path:
    path = folder / "markup.json"
    people = [Participant(COUNCIL, sector=Sector.COUNCIL, id="p-c"), Participant(VCS, sector=Sector.VCS, id="p-v")]
    cards = [
        Card(CARD, id="c0", tags=("trust",), session=3, created="2008-03-13T10:00:00.000Z"),
        Card(
            "[blue]History of mistrust[/blue]", id="c1", tags=("trust",), session=3, created="2008-03-13T10:01:00.000Z"
        ),
    ]
    SessionStore.create(
        path,
        Programme(name="markup", area="[b]Area"),
        sessions=[Session(3), Session(4), Session(5)],
        participants=people,
        content=cards,
    ).close()
    return path


async def _shows(pilot, *texts: str) -> str:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.pause()
    shown = screen_text(pilot.app)
    for text in texts:
        assert text in shown, (text, shown)
    return shown


async def test_every_plan_screen_shows_user_text_literally(sessions_dir: Path) -> None:
    path = _programme(sessions_dir)
    app = app_for(sessions_dir)
    async with app.run_test(size=(110, 40), notifications=True) as pilot:
        await push(pilot, ClustersScreen(path, session=3, author="ann"))
        await pilot.press("s")
        suggest = app.screen
        assert isinstance(suggest, SuggestionsScreen)
        for _ in patience():
            await pilot.pause(0.02)
            if suggest.suggestions is not None:
                break
        await _shows(pilot, CARD, "[blue]History of mistrust[/blue]")
        await pilot.press("enter")
        await pilot.press("ctrl+u", *CLUSTER, "enter")
        await pilot.pause()
        await pilot.press("escape")
        await _shows(pilot, CARD, CLUSTER)
        with SessionStore(path, author="ann") as store:
            ops = PlanOps(store)
            (cluster,) = store.clusters()
            ops.record_votes("p-v", {cluster.id: 2}, session=3)
            objective = ops.promote([cluster.id], title=OBJECTIVE, session=4)
            ops.edit_objective(objective.id, council_lead="p-c", vcs_lead="p-v", timescale="[b]soon")
            action = ops.add_action(objective.id, ACTION, owners=[OWNER], due="[i]2009")
            ops.review_action(action.id, status=action.status, rag=None, note="[red]late[/]")
        await pilot.press("v")
        assert isinstance(app.screen, VotesScreen)
        await _shows(pilot, CLUSTER, "[b]Bob[/b] Reeve", "[@click=app.quit]Vera[/] Pye")
        await pilot.press("escape")
        await pilot.press("ctrl+n")
        plan = app.screen
        assert isinstance(plan, PlanScreen)
        await _shows(
            pilot, OBJECTIVE, f"Leads: {COUNCIL} (Council) & {VCS} (VCS)", "[b]soon", ACTION, OWNER, "due [i]2009", CARD
        )
        await pilot.press("e")
        assert isinstance(app.screen, ObjectiveDialog)
        app.screen.query_one("#council-lead", Select).focus()
        await pilot.press("enter")
        await _shows(pilot, OBJECTIVE, COUNCIL)
        await pilot.press("escape", "escape")
        await pilot.press("R")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewDialog)
        await _shows(pilot, ACTION, "[red]late[/]")
        await pilot.press("escape")
        await _shows(pilot, OBJECTIVE, ACTION, "[red]late[/]")
        assert app.is_running

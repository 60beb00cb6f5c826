"""Pilot tests of the plan and the review: promote, leads, actions, reorder, move, review, carry over."""

from __future__ import annotations

from pathlib import Path

from plan_ui_support import app_for, make_programme, notes, prompts, push, type_into
from textual.widgets import OptionList, Select
from ui_support import screen_text

from piptui.domain.model import ActionStatus, Rag
from piptui.store import SessionStore
from piptui.store.plan_ops import PlanOps
from piptui.ui.screens.cluster_dialogs import MultiPickDialog, TextDialog
from piptui.ui.screens.dialogs import ConfirmDialog, PickDialog
from piptui.ui.screens.plan import PlanScreen
from piptui.ui.screens.plan_dialogs import ActionDialog, CardsDialog, ObjectiveDialog, ReviewDialog
from piptui.ui.screens.review import ReviewScreen


async def _text(pilot) -> str:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.pause()
    return screen_text(pilot.app)


def _with_clusters(path: Path) -> None:
    with SessionStore(path, author="ann") as store:
        ops = PlanOps(store)
        k = ops.cluster_cards(["card-0", "card-1"], title="Resources", session=3)
        ops.cluster_cards(["card-2", "card-3"], title="Awareness", session=3)
        ops.set_votes(k.id, 4)


def _plan(path: Path) -> list[tuple[str, list[str]]]:
    with SessionStore(path) as store:
        return [(o.title, [a.text for a in store.actions(o.id)]) for o in store.objectives()]


async def _add_action(pilot, text: str, owners: str = "", due: str = "") -> None:  # type: ignore[no-untyped-def]
    await pilot.press("a")
    assert isinstance(pilot.app.screen, ActionDialog)
    await type_into(pilot, "#owners", owners, submit=False)
    await type_into(pilot, "#due", due, submit=False)
    await type_into(pilot, "#text", text)


async def test_promote_leads_actions_reorder_move_each_undone(sessions_dir: Path) -> None:
    path = make_programme(sessions_dir)
    _with_clusters(path)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await push(pilot, PlanScreen(path, session=4, author="ann"))
        assert "No objectives yet" in prompts(screen.query_one("#plan-list", OptionList))[0]
        # promote the most-voted cluster (first in the pick list)
        await pilot.press("p")
        assert isinstance(app.screen, MultiPickDialog)
        await pilot.press("space", "enter")
        assert isinstance(app.screen, TextDialog)
        await type_into(pilot, "#text", "Maximise [b]resources[/b]")
        with SessionStore(path) as store:
            (objective,) = store.objectives()
            assert objective.review_date == "2008-10-17"  # six months after session 4 (2008-04-17)
            assert {k.title: k.objective for k in store.clusters()}["Resources"] == objective.id
        listing = screen.query_one("#plan-list", OptionList)
        assert "Maximise [b]resources[/b]" in prompts(listing)[0]
        # traceability: the objective shows the cards it came from
        await pilot.pause()
        assert "Pooling budgets gets more out of the money" in str(screen.query_one("#plan-detail-text").content)
        await pilot.press("c")
        assert isinstance(app.screen, CardsDialog)
        assert "Volunteers add resources no budget could buy" in await _text(pilot)
        await pilot.press("escape")

        # joint lead: two council members -> a warning, in the dialog and after saving
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ObjectiveDialog)
        dialog.query_one("#council-lead", Select).value = "person-0"
        dialog.query_one("#vcs-lead", Select).value = "person-1"
        await pilot.pause()
        assert dialog.query_one("#lead-warning").display
        assert "same sector" in await _text(pilot)
        await type_into(pilot, "#timescale", "by [March] 2009", submit=False)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("same sector" in n for n in notes(app))
        assert "⚠ Both leads are from the same sector" in prompts(listing)[0]
        await pilot.press("e")
        app.screen.query_one("#vcs-lead", Select).value = "person-2"
        await pilot.pause()
        assert not app.screen.query_one("#lead-warning").display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Leads: Cllr Ann Bell (Council) & Vera Pye (VCS)" in prompts(listing)[0]
        assert "⚠" not in prompts(listing)[0] and "by [March] 2009" in prompts(listing)[0]
        await pilot.press("ctrl+z")
        assert "⚠ Both leads" in prompts(listing)[0]
        await pilot.press("ctrl+y")

        # two actions, in order; reorder; undo
        await _add_action(pilot, "Audit of [skills]", "CVS, Council HR", "December 2008")
        await _add_action(pilot, "Volunteering strategy")
        assert _plan(path) == [("Maximise [b]resources[/b]", ["Audit of [skills]", "Volunteering strategy"])]
        assert listing.highlighted == 2  # the new action
        await pilot.press("shift+up")
        assert _plan(path)[0][1] == ["Volunteering strategy", "Audit of [skills]"]
        assert listing.highlighted == 1  # still on the moved action
        await pilot.press("ctrl+z")
        assert _plan(path)[0][1] == ["Audit of [skills]", "Volunteering strategy"]
        await pilot.press("ctrl+z")
        assert _plan(path)[0][1] == ["Audit of [skills]"]
        await pilot.press("ctrl+y")

        # a second objective (not from a cluster), then move an action to it
        await pilot.press("n")
        await type_into(pilot, "#text", "Understanding")
        listing.highlighted = 1
        await pilot.press("m")
        assert isinstance(app.screen, PickDialog)
        await pilot.press("1")
        await pilot.pause()
        assert _plan(path) == [
            ("Maximise [b]resources[/b]", ["Volunteering strategy"]),
            ("Understanding", ["Audit of [skills]"]),
        ]
        await pilot.press("ctrl+z")
        assert _plan(path)[0][1] == ["Audit of [skills]", "Volunteering strategy"]
        # edit an action in place (Enter), delete one (asks), undo
        listing.highlighted = 2
        await pilot.press("enter")
        assert isinstance(app.screen, ActionDialog)
        await type_into(pilot, "#text", "A volunteering strategy")
        assert _plan(path)[0][1] == ["Audit of [skills]", "A volunteering strategy"]
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert _plan(path)[0][1] == ["Audit of [skills]"]
        await pilot.press("ctrl+z")
        assert _plan(path)[0][1] == ["Audit of [skills]", "A volunteering strategy"]
        # objectives reorder too
        listing.highlighted = next(n for n, p in enumerate(prompts(listing)) if "Understanding" in p)
        await pilot.press("shift+up")
        assert [t for t, _a in _plan(path)] == ["Understanding", "Maximise [b]resources[/b]"]
        await pilot.press("ctrl+z")
        await pilot.press("R")
        assert isinstance(app.screen, ReviewScreen)


async def test_review_walks_rates_and_carries_over(sessions_dir: Path) -> None:
    path = make_programme(sessions_dir)
    _with_clusters(path)
    with SessionStore(path, author="ann") as store:
        ops = PlanOps(store)
        k = next(k for k in store.clusters() if k.title == "Resources")
        o = ops.promote([k.id], title="Resources", session=4)
        ops.add_action(o.id, "Audit")
        ops.add_action(o.id, "Volunteering")
        ops.add_action(o.id, "Factsheets")
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await push(pilot, ReviewScreen(path, session=5, author="ann"))
        listing = screen.query_one("#review-list", OptionList)
        assert listing.options[0].disabled and "0/3 done (0%)" in prompts(listing)[0]
        assert listing.highlighted == 1
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, ReviewDialog)
        dialog.query_one("#status", Select).value = ActionStatus.DONE
        dialog.query_one("#rag", Select).value = Rag.GREEN
        await type_into(pilot, "#note", "Database [b]live[/b]")
        with SessionStore(path) as store:
            audit = store.actions()[0]
        assert (audit.status, audit.rag, audit.review_notes[-1].text) == (
            ActionStatus.DONE,
            Rag.GREEN,
            "Database [b]live[/b]",
        )
        assert audit.review_notes[-1].by == "ann"
        assert "Database [b]live[/b]" in str(screen.query_one("#review-detail-text").content)
        assert "1/3 done (33%)" in prompts(listing)[0]
        # n goes to the next action not reviewed; quick keys set status and rating
        await pilot.press("n")
        assert listing.highlighted == 2
        await pilot.press("2", "a")
        with SessionStore(path) as store:
            vol = store.actions()[1]
        assert (vol.status, vol.rag, len(vol.review_notes)) == (ActionStatus.IN_PROGRESS, Rag.AMBER, 1)  # one entry
        await pilot.press("ctrl+z")
        with SessionStore(path) as store:
            assert store.actions()[1].rag is None
        await pilot.press("a", "n", "4")  # Factsheets dropped
        assert "1/2 done (50%) · 1 in progress · 1 dropped · R0 A1 G1" in prompts(listing)[0]
        # carry over: plan 2 gets the one unfinished action; plan 1 is kept as it was
        await pilot.press("c")
        assert isinstance(app.screen, ConfirmDialog)
        assert "1 unfinished action go into plan 2" in await _text(pilot)
        await pilot.press("y")
        await pilot.pause()
        with SessionStore(path) as store:
            objectives = store.objectives()
            assert [o.plan for o in objectives] == [1, 2]
            plan2 = store.actions(objectives[1].id)
            assert [a.text for a in plan2] == ["Volunteering"] and plan2[0].status == ActionStatus.IN_PROGRESS
            assert objectives[1].review_date == "2008-11-17"  # six months after session 5 (2008-05-17)
            assert len(store.actions(objectives[0].id)) == 3
        assert "Plan 2 of 2" in str(listing.border_title)
        await pilot.press("v")
        assert "Plan 1 of 2" in str(listing.border_title) and "Audit" in "".join(prompts(listing))
        await pilot.press("ctrl+z")
        with SessionStore(path) as store:
            assert {o.plan for o in store.objectives()} == {1}
        await pilot.press("escape")
        assert app.screen is not screen

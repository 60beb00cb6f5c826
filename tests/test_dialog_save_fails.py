"""A dialog stays open with its edits when its save fails (issue 15, point 2).

Each test opens a dialog by its keys, types, makes the save fail (the programme file made
read-only, an export folder that is not there, a full disk), presses Save, and finds the dialog
still open, the typed text still in it and the reason shown beside its buttons; then the fault
is fixed, Save again saves the same edits and closes the dialog.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from plan_ui_support import app_for, make_programme, push
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Input
from ui_support import demo_app, patience, screen_text, session_ready, type_text

from piptui.domain.model import Cluster
from piptui.errors import NotSaved
from piptui.store import SessionStore
from piptui.store.plan_ops import PlanOps
from piptui.ui.screens.cluster_dialogs import GroupDialog, TextDialog
from piptui.ui.screens.clusters import ClustersScreen
from piptui.ui.screens.dialogs import EditCardDialog, NewProgrammeDialog
from piptui.ui.screens.export_dialog import ExportDialog
from piptui.ui.screens.people_dialogs import PersonDialog, SessionDetailsDialog
from piptui.ui.screens.plan import PlanScreen
from piptui.ui.screens.plan_dialogs import ActionDialog, ObjectiveDialog, ReviewDialog
from piptui.ui.screens.review import ReviewScreen
from piptui.ui.screens.votes import VotesScreen

READ_ONLY = "the file is read-only"


async def _until(pilot: Pilot[Any], check: Callable[[], object], what: str) -> None:
    for _ in patience():
        if check():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never: {what} (screen is {pilot.app.screen!r})")


async def _dialog(pilot: Pilot[Any], kind: type[Screen[Any]]) -> Screen[Any]:
    await _until(pilot, lambda: isinstance(pilot.app.screen, kind), f"the {kind.__name__}")
    return pilot.app.screen


async def fails_then_saves(
    pilot: Pilot[Any],
    path: Path,
    dialog: Screen[Any],
    field: str,
    typed: str,
    *,
    key: str = "ctrl+s",
    saved: Callable[[], bool],
) -> None:
    """The file read-only: Save keeps ``dialog`` open with ``typed`` in ``field`` and says why;
    writable again: the same Save saves (``saved()``) and closes it."""
    app = pilot.app
    os.chmod(path, 0o444)
    try:
        await pilot.press(key)
        await _until(pilot, lambda: READ_ONLY in screen_text(app), "the reason shown in the dialog")
        assert app.screen is dialog and app.is_running
        assert dialog.query_one(field, Input).value == typed
        assert not saved()
    finally:
        os.chmod(path, 0o600)
    await pilot.press(key)
    await _until(pilot, lambda: app.screen is not dialog, "the dialog closed once saved")
    assert saved()
    assert READ_ONLY not in screen_text(app)


def _cards(path: Path) -> list[str]:
    with SessionStore(path) as store:
        return [c.text for c in store.cards()]


# -- the session screen's dialogs -------------------------------------------------------------
async def test_edit_card(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.press("tab", "f2")
        dialog = await _dialog(pilot, EditCardDialog)
        typed = dialog.query_one("#text", Input).value + " (edited)"
        await type_text(pilot, " (edited)")
        await fails_then_saves(pilot, screen.path, dialog, "#text", typed, saved=lambda: typed in _cards(screen.path))


async def test_add_participant(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.press("f10")
        await _until(pilot, lambda: app.screen.query(DataTable), "the participants")
        await pilot.press("a")
        dialog = await _dialog(pilot, PersonDialog)
        await type_text(pilot, "Zoe Hart")
        await pilot.press("tab", *"Age UK", "tab", "enter", "down", "down", "down", "enter")

        def saved() -> bool:
            with SessionStore(screen.path) as store:
                return any(p.name == "Zoe Hart" for p in store.participants())

        await fails_then_saves(pilot, screen.path, dialog, "#name", "Zoe Hart", saved=saved)


async def test_edit_participant(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.press("f10")
        await _until(pilot, lambda: app.screen.query(DataTable), "the participants")
        await pilot.press("enter")
        dialog = await _dialog(pilot, PersonDialog)
        await pilot.press("tab", "end")  # the organisation (selected on focus: to its end)
        typed = dialog.query_one("#organisation", Input).value + " (Darlington)"
        await type_text(pilot, " (Darlington)")

        def saved() -> bool:
            with SessionStore(screen.path) as store:
                return any(p.organisation == typed for p in store.participants())

        await fails_then_saves(pilot, screen.path, dialog, "#organisation", typed, saved=saved)


async def test_session_details(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.press("f12")
        dialog = await _dialog(pilot, SessionDetailsDialog)
        await pilot.press("tab", "ctrl+k")
        await type_text(pilot, "Dolphin Centre")

        def saved() -> bool:
            with SessionStore(screen.path) as store:
                return store.session(screen.number).venue == "Dolphin Centre"

        await fails_then_saves(pilot, screen.path, dialog, "#venue", "Dolphin Centre", saved=saved)


async def test_export_to_a_missing_folder_keeps_the_dialog(sessions_dir: Path, tmp_path: Path) -> None:
    app = demo_app(sessions_dir)
    out = tmp_path / "handouts" / "notes.md"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.press("ctrl+o")
        dialog = await _dialog(pilot, ExportDialog)
        await pilot.press("tab", "tab", "tab", "tab")  # format, scope, confidential, names: the file
        await type_text(pilot, str(out), replace=True)
        await pilot.press("ctrl+s")
        await _until(pilot, lambda: "does not exist" in screen_text(app), "the reason shown in the dialog")
        assert app.screen is dialog and dialog.query_one("#output", Input).value == str(out)
        assert not out.parent.exists()
        out.parent.mkdir()  # the folder made: the same Save writes it
        await pilot.press("ctrl+s")
        await _until(pilot, lambda: app.screen is screen, "the dialog closed once written")
        assert out.read_text(encoding="utf-8").startswith("#")


# -- the clusters, votes, plan and review screens -----------------------------------------------
def _with_cluster(sessions_dir: Path) -> tuple[Path, Cluster]:
    path = make_programme(sessions_dir)
    with SessionStore(path, author="ann") as store:
        ops = PlanOps(store)
        cluster = ops.cluster_cards(["card-0", "card-1"], title="Resources", session=3)
        objective = ops.promote([cluster.id], title="Pool the budgets", session=3)
        ops.add_action(objective.id, "Map the budgets", owners="Vera Pye", due="2008-12-31")
    return path, cluster


def _titles(path: Path) -> dict[str, list[str]]:
    with SessionStore(path) as store:
        return {
            "clusters": [k.title for k in store.clusters()],
            "objectives": [o.title for o in store.objectives()],
            "actions": [a.text for a in store.actions()],
            "votes": [str(k.votes) for k in store.clusters()],
            "notes": [n.text for a in store.actions() for n in a.review_notes],
        }


async def test_group_cards(sessions_dir: Path) -> None:
    path, _cluster = _with_cluster(sessions_dir)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await push(pilot, ClustersScreen(path, session=3, author="ann"))
        await pilot.press("end", "space", "g")
        dialog = await _dialog(pilot, GroupDialog)
        await type_text(pilot, "Trust")
        saved = lambda: "Trust" in _titles(path)["clusters"]  # noqa: E731
        await fails_then_saves(pilot, path, dialog, "#title", "Trust", key="enter", saved=saved)


async def test_rename_cluster(sessions_dir: Path) -> None:
    path, _cluster = _with_cluster(sessions_dir)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await push(pilot, ClustersScreen(path, session=3, author="ann"))
        await pilot.press("tab", "r")
        dialog = await _dialog(pilot, TextDialog)
        await type_text(pilot, "Money and people", replace=True)
        saved = lambda: _titles(path)["clusters"] == ["Money and people"]  # noqa: E731
        await fails_then_saves(pilot, path, dialog, "#text", "Money and people", key="enter", saved=saved)


async def test_type_a_vote_count(sessions_dir: Path) -> None:
    path, _cluster = _with_cluster(sessions_dir)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await push(pilot, VotesScreen(path, session=3, author="ann"))
        await _until(pilot, lambda: screen.query("#vote-clusters"), "the clusters")
        screen.query_one("#vote-clusters").focus()
        await pilot.press("enter")
        dialog = await _dialog(pilot, TextDialog)
        await type_text(pilot, "7", replace=True)
        saved = lambda: _titles(path)["votes"] == ["7"]  # noqa: E731
        await fails_then_saves(pilot, path, dialog, "#text", "7", key="enter", saved=saved)


async def test_a_count_that_is_not_a_number_is_said_in_the_dialog(sessions_dir: Path) -> None:
    path, _cluster = _with_cluster(sessions_dir)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await push(pilot, VotesScreen(path, session=3, author="ann"))
        screen.query_one("#vote-clusters").focus()
        await pilot.press("enter")
        dialog = await _dialog(pilot, TextDialog)
        await type_text(pilot, "seven", replace=True)
        await pilot.press("enter")
        await _until(pilot, lambda: "seven" in screen_text(app) and "⚠" in screen_text(app), "the message")
        assert app.screen is dialog
        await type_text(pilot, "4", replace=True)
        await pilot.press("enter")
        await _until(pilot, lambda: app.screen is screen, "closed once saved")
        assert _titles(path)["votes"] == ["4"]


async def test_new_objective(sessions_dir: Path) -> None:
    path, _cluster = _with_cluster(sessions_dir)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await push(pilot, PlanScreen(path, session=3, author="ann"))
        await pilot.press("n")
        dialog = await _dialog(pilot, TextDialog)
        await type_text(pilot, "Train the volunteers")
        saved = lambda: "Train the volunteers" in _titles(path)["objectives"]  # noqa: E731
        await fails_then_saves(pilot, path, dialog, "#text", "Train the volunteers", key="enter", saved=saved)


async def test_edit_objective_and_add_action(sessions_dir: Path) -> None:
    path, _cluster = _with_cluster(sessions_dir)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await push(pilot, PlanScreen(path, session=3, author="ann"))
        await pilot.press("home", "e")
        dialog = await _dialog(pilot, ObjectiveDialog)
        await pilot.press("end")
        await type_text(pilot, " together")
        saved = lambda: _titles(path)["objectives"] == ["Pool the budgets together"]  # noqa: E731
        await fails_then_saves(pilot, path, dialog, "#title", "Pool the budgets together", saved=saved)
        await pilot.press("home", "a")
        dialog = await _dialog(pilot, ActionDialog)
        await type_text(pilot, "Write the joint bid")
        saved = lambda: "Write the joint bid" in _titles(path)["actions"]  # noqa: E731
        await fails_then_saves(pilot, path, dialog, "#text", "Write the joint bid", saved=saved)


async def test_review_an_action(sessions_dir: Path) -> None:
    path, _cluster = _with_cluster(sessions_dir)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await push(pilot, ReviewScreen(path, session=5, author="ann"))
        await pilot.press("e")
        dialog = await _dialog(pilot, ReviewDialog)
        await pilot.press("tab", "tab")  # status, rating: the note
        await type_text(pilot, "Half the budgets mapped")
        saved = lambda: "Half the budgets mapped" in _titles(path)["notes"]  # noqa: E731
        await fails_then_saves(pilot, path, dialog, "#note", "Half the budgets mapped", saved=saved)


# -- home ------------------------------------------------------------------------------------
async def test_new_programme_on_a_full_disk(sessions_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import piptui.programmes

    full = [True]
    create = piptui.programmes.create_programme

    def create_unless_full(*args: Any, **kw: Any) -> Any:
        if full[0]:
            raise NotSaved(f"Not saved: no space left on the device ({sessions_dir / 'north.json'})")
        return create(*args, **kw)

    monkeypatch.setattr(piptui.programmes, "create_programme", create_unless_full)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 30), notifications=True) as pilot:
        await _until(pilot, lambda: app.screen.query(DataTable), "the home screen")
        await pilot.press("n")
        dialog = await _dialog(pilot, NewProgrammeDialog)
        await type_text(pilot, "north")
        await pilot.press("tab")
        await type_text(pilot, "Northshire")
        await pilot.press("ctrl+s")
        await _until(pilot, lambda: "no space left on the device" in screen_text(app), "the reason in the dialog")
        assert app.screen is dialog and dialog.query_one("#area", Input).value == "Northshire"
        full[0] = False
        await pilot.press("ctrl+s")
        await _until(pilot, lambda: app.screen is not dialog, "the dialog closed once created")
    assert (sessions_dir / "north.json").exists()

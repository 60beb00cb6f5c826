"""Dialogs validate in place (issue 15, point 5): a bad value keeps the dialog open with the
message beside the field, and every other edit intact. Driven by keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Static
from ui_support import demo_app, patience, session_ready, type_text

from piptui.ui.screens.dialogs import EditCardDialog
from piptui.ui.screens.field_errors import date_problem
from piptui.ui.screens.plan_dialogs import ActionDialog, ObjectiveDialog


async def _open(pilot: Pilot[Any], keys: tuple[str, ...], dialog: type) -> Any:
    await session_ready(pilot)
    await pilot.press(*keys)
    for _ in patience():
        if isinstance(pilot.app.screen, dialog):
            await pilot.pause()
            return pilot.app.screen
        await pilot.pause(0.02)
    raise AssertionError(f"{dialog.__name__} did not open")


def _error(screen: Any, field: str) -> str:
    found = list(screen.query(f"#{field}-error").results(Static))
    return str(found[0].render()) if found else ""


def test_date_problem() -> None:
    assert date_problem("2027-02-30") == "2027-02-30 is not a date of the calendar"
    assert date_problem("30/02/2027") is not None
    assert date_problem("2027-02-28") is None and date_problem("") is None


async def test_a_review_date_that_is_not_a_date_keeps_the_objective_dialog_open(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        dialog = await _open(pilot, ("ctrl+n", "e"), ObjectiveDialog)
        await type_text(pilot, " (revised)")  # the title, focused first
        title = dialog.query_one("#title", Input).value
        await pilot.press("tab", "tab", "tab", "tab")  # the leads, the timescale, the review date
        assert dialog.query_one("#review-date", Input).has_focus
        await type_text(pilot, "2027-02-30", replace=True)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "2027-02-30 is not a date" in _error(dialog, "review-date")
        assert dialog.query_one("#title", Input).value == title
        assert dialog.query_one("#review-date", Input).value == "2027-02-30"
        await type_text(pilot, "2027-02-28", replace=True)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not dialog


async def test_an_empty_title_keeps_the_objective_dialog_open(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        dialog = await _open(pilot, ("ctrl+n", "e"), ObjectiveDialog)
        timescale = dialog.query_one("#timescale", Input).value
        await pilot.press("home", "ctrl+k", "ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "needs a title" in _error(dialog, "title")
        assert dialog.query_one("#timescale", Input).value == timescale


async def test_an_action_with_a_bad_due_date_stays_open(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        dialog = await _open(pilot, ("ctrl+n", "a"), ActionDialog)
        await type_text(pilot, "Write the compact")
        await pilot.press("tab", "tab")  # owners, then due
        assert dialog.query_one("#due", Input).has_focus
        await type_text(pilot, "2009-13-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "not a date" in _error(dialog, "due")
        assert dialog.query_one("#text", Input).value == "Write the compact"


async def test_a_card_emptied_in_the_edit_dialog_is_refused_beside_the_text(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        dialog = await _open(pilot, ("tab", "f2"), EditCardDialog)
        await pilot.press("tab")
        assert dialog.query_one("#tags", Input).has_focus
        await type_text(pilot, " extra")
        tags = dialog.query_one("#tags", Input).value
        await pilot.press("shift+tab")
        assert dialog.query_one("#text", Input).has_focus
        await pilot.press("home", "ctrl+k", "ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "needs some text" in _error(dialog, "text")
        assert dialog.query_one("#tags", Input).value == tags

"""Setting a session's date, facilitators and venue from a screen (the session screen's F12)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from piptui.errors import PiptuiError
from piptui.store import SessionStore
from piptui.store.people_ops import PeopleOps
from piptui.ui.feedback import report_error
from piptui.ui.screens.form_dialogs import save_in
from piptui.ui.screens.people_dialogs import SessionDetails, SessionDetailsDialog


async def edit_session_details(screen: Screen[Any], store: SessionStore, number: int, done: Callable[[], None]) -> None:
    """Open the dialog for session ``number`` (from a worker); save what it holds as one undoable
    change, the dialog open until that succeeds (or is cancelled)."""
    ops = PeopleOps(store)
    try:
        session, people = store.session(number), ops.people()
    except PiptuiError as exc:
        report_error(screen, exc, "Cannot open")
        return

    def save(details: SessionDetails) -> bool:
        ops.set_details(number, date=details.date, venue=details.venue, facilitators=details.facilitators)
        return True

    if await save_in(screen.app, SessionDetailsDialog(session, people), save):
        screen.notify(f"Session {number}: details saved")
        done()

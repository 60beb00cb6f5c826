"""Setting a session's date, facilitators and venue from a screen (the session screen's F12)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from piptui.errors import PiptuiError
from piptui.store import SessionStore
from piptui.store.people_ops import PeopleOps
from piptui.ui.feedback import report_error
from piptui.ui.screens.people_dialogs import SessionDetails, SessionDetailsDialog


def edit_session_details(screen: Screen[Any], store: SessionStore, number: int, done: Callable[[], None]) -> None:
    """Open the dialog for session ``number``; save what it returns as one undoable change."""
    ops = PeopleOps(store)
    try:
        session, people = store.session(number), ops.people()
    except PiptuiError as exc:
        report_error(screen, exc, "Cannot open")
        return

    def saved(details: object) -> None:
        if not isinstance(details, SessionDetails):
            return
        try:
            ops.set_details(number, date=details.date, venue=details.venue, facilitators=details.facilitators)
        except PiptuiError as exc:
            report_error(screen, exc, "Not saved")
            return
        screen.notify(f"Session {number}: details saved")
        done()

    screen.app.push_screen(SessionDetailsDialog(session, people), saved)

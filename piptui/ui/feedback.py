"""What every screen says after a store operation: errors, and undo / redo."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from piptui.errors import Conflict, PiptuiError

if TYPE_CHECKING:
    from textual.screen import Screen

    from piptui.store import SessionStore


def report_error(screen: Screen[Any], exc: PiptuiError, title: str = "Not done") -> None:
    """Show a user error as a notification (never markup: it may quote card text)."""
    screen.notify(exc.message, title="Conflict" if isinstance(exc, Conflict) else title, severity="error", markup=False)


def undo_or_redo(screen: Screen[Any], store: SessionStore, *, redo: bool) -> bool:
    """Undo (or redo) this person's latest change and say so; True when something changed."""
    try:
        label = store.redo() if redo else store.undo()
    except PiptuiError as exc:
        report_error(screen, exc)
        return False
    if label is None:
        screen.notify(f"Nothing of yours to {'redo' if redo else 'undo'}", severity="warning")
        return False
    screen.notify(f"{'Redone' if redo else 'Undone'}: {label}", markup=False)
    return True

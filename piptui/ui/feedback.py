"""What every screen says after a store operation: errors, and undo / redo."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work

from piptui.errors import Conflict, PiptuiError

if TYPE_CHECKING:
    from textual.screen import Screen

    from piptui.store import SessionStore


def report_error(screen: Screen[Any], exc: PiptuiError, title: str = "Not done") -> None:
    """Show a user error as a notification (never markup: it may quote card text)."""
    screen.notify(exc.message, title="Conflict" if isinstance(exc, Conflict) else title, severity="error", markup=False)


def undo_or_redo(screen: Screen[Any], store: SessionStore, *, redo: bool) -> bool:
    """Undo (or redo) this person's latest change and say so; True when something changed.

    An undo that conflicts with someone else's later change never jams: piptui says so and offers
    to skip that change, so the next undo goes on to the older ones (:func:`offer_to_skip`)."""
    try:
        label = store.redo() if redo else store.undo()
    except Conflict as exc:
        if redo:
            report_error(screen, exc)
        else:
            offer_to_skip(screen, store, exc)
        return False
    except PiptuiError as exc:
        report_error(screen, exc)
        return False
    if label is None:
        screen.notify(f"Nothing of yours to {'redo' if redo else 'undo'}", severity="warning")
        return False
    screen.notify(f"{'Redone' if redo else 'Undone'}: {label}", markup=False)
    return True


@work(group="undo-skip", exclusive=True)
async def offer_to_skip(screen: Screen[Any], store: SessionStore, conflict: Conflict) -> None:
    """Say why the latest change cannot be undone and offer to skip it; if skipped, undo the one
    before it at once (and the screen shows it)."""
    from piptui.ui.screens.dialogs import ConfirmDialog

    question = ConfirmDialog(
        conflict.message,
        "Skip it, and undo your change before it? (It stays as it is now.)",
        yes="Skip it",
    )
    if not await screen.app.push_screen_wait(question):
        return
    try:
        skipped = store.skip_undo()
        label = store.undo()
    except Conflict as exc:
        screen.notify(f"Skipped. {exc.message} Ctrl+Z again offers to skip that one too.", markup=False)
        return
    except PiptuiError as exc:
        report_error(screen, exc)
        return
    said = f"Skipped: {skipped}." if skipped else ""
    said += f" Undone: {label}" if label else " Nothing older of yours to undo."
    screen.notify(said.strip(), markup=False)
    refresh = getattr(screen, "saved", None)
    if callable(refresh):
        refresh()

"""Hidden until revealed, on the session screen: the key that hides the step's cards from the
wall (or reveals them), and the line that says the step is hidden.

Only the lead facilitator changes the room, so only the lead's key writes (``RoomLead.set_hidden``);
a browsing facilitator is told who can. The facilitators' own board keeps showing the cards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from piptui.domain.reveal import cards_word, step_hidden
from piptui.errors import PiptuiError
from piptui.ui.lead import TAKE_KEY
from piptui.ui.text import literal

if TYPE_CHECKING:
    from piptui.ui.screens.session import SessionScreen

REVEAL_KEY = "Ctrl+]"


class HiddenNote(Static):
    """One line, shown only while the step is hidden from the wall. Passive."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.display = False
        self._shown: str | None = None

    def say(self, text: str) -> None:
        if text == self._shown:
            return  # redrawn only when the words change: an idle room writes nothing
        self._shown = text
        self.update(literal(text))
        self.display = bool(text)


def hidden_now(screen: SessionScreen) -> bool:
    return step_hidden(screen.session, screen.step_ref, screen.step)


def note_text(screen: SessionScreen) -> str:
    if not hidden_now(screen):
        return ""
    cards = screen.shown_snapshot.step_cards(screen.number, screen.step_ref) if screen.shown_snapshot else []
    count = cards_word(sum(1 for c in cards if not c.confidential))  # as the wall counts them
    if screen.leading:
        return f"Hidden from the wall: it shows the count only ({count}), not what they say. {REVEAL_KEY} reveals them."
    return f"Hidden from the wall: it shows the count only ({count}) until the lead reveals them."


def show_note(screen: SessionScreen) -> None:
    for note in screen.query(HiddenNote):
        note.say(note_text(screen))


def toggle(screen: SessionScreen) -> None:
    """Hide the step's cards from the wall, or reveal them (the lead only)."""
    ref = screen.step_ref
    if ref is None:
        screen.notify("No step is running: there is nothing to hide from the wall.", severity="warning")
        return
    if not screen.leading:
        screen.notify(
            f"Only the lead hides or reveals the room's cards on the wall. {TAKE_KEY} takes the lead.",
            severity="warning",
            markup=False,
        )
        return
    hide = not hidden_now(screen)
    try:
        done = screen.lead_bar.room.set_hidden(screen.number, ref, hide)
    except PiptuiError as exc:
        screen.notify(exc.message, severity="error", markup=False)
        return
    if not done:
        screen.notify(f"You no longer lead the room. {TAKE_KEY} takes the lead.", severity="warning", markup=False)
        return
    screen.notify(
        f"Hidden from the wall: it shows how many cards, not what they say. {REVEAL_KEY} reveals them."
        if hide
        else "Revealed: the wall shows the cards.",
        markup=False,
    )
    screen.saved()

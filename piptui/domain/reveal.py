"""Hidden until revealed: a step whose cards the wall shows as counts only, until the facilitator
reveals them (so that early speakers do not anchor the rest).

A step is hidden when its exercise script says ``hidden: true``, or when the lead facilitator
hid it by a key; the session records the lead's choice per step (``Session.hidden_steps``,
``Session.revealed_steps``: step references), which overrides the script. The facilitators'
and note-takers' screens always show the cards; only the wall hides them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from piptui.domain.model import Session

if TYPE_CHECKING:  # the exercise classes load after the first frame (tests/test_startup_imports.py)
    from piptui.domain.exercise import Step


def step_hidden(session: Session, ref: str | None, step: Step | None) -> bool:
    """Whether the wall hides the cards of step ``ref`` of ``session`` now."""
    if ref is None:
        return False
    if ref in session.revealed_steps:
        return False
    if ref in session.hidden_steps:
        return True
    return step is not None and step.hidden


def with_hidden(session: Session, ref: str, hidden: bool) -> Session:
    """The session with step ``ref`` hidden from the wall (or revealed), whatever the script says."""
    hide = tuple(r for r in session.hidden_steps if r != ref) + ((ref,) if hidden else ())
    shown = tuple(r for r in session.revealed_steps if r != ref) + (() if hidden else (ref,))
    return replace(session, hidden_steps=hide, revealed_steps=shown)


def cards_word(count: int) -> str:
    """ "no cards", "1 card", "7 cards"."""
    return "no cards" if count == 0 else f"{count} card{'s' if count != 1 else ''}"


def hidden_count_text(count: int) -> str:
    """What the wall says in place of a hidden column's cards: "7 cards, hidden until revealed"."""
    if count == 0:
        return "No cards yet (hidden until revealed)"
    return f"{cards_word(count)}, hidden until revealed"

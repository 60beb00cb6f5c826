"""Which session a review note was made in, and which sessions were held. Pure.

A review note records when it was made (``at``), not the session. It belongs to the
session held on that day; failing that, to the session whose agenda has the review
exercise; failing that, to the last session of the programme (the review comes last).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from piptui.domain.model import Action, Objective, ReviewNote, Session

REVIEW_EXERCISES: frozenset[str] = frozenset({"plan-review"})


@dataclass(frozen=True, slots=True)
class ReviewSessions:
    """Attributes review notes to sessions (built once per programme)."""

    by_date: dict[str, int]
    review_session: int | None

    @classmethod
    def of(cls, sessions: Sequence[Session], review_exercises: Collection[str] = REVIEW_EXERCISES) -> ReviewSessions:
        by_date: dict[str, int] = {}
        for s in sessions:
            if s.date:
                by_date.setdefault(s.date[:10], s.number)
        review = next((s.number for s in sessions if any(e in review_exercises for e in s.exercises)), None)
        if review is None and sessions:
            review = max(s.number for s in sessions)
        return cls(by_date, review)

    def session_of(self, note: ReviewNote) -> int | None:
        return self.by_date.get(note.at[:10], self.review_session)


def notes_of_version(action: Action) -> tuple[ReviewNote, ...]:
    """The review notes made while this action's plan version was current.

    A refreshed plan carries an action's history (its earlier notes) along; those were
    made before the copy was, and belong to the earlier version.
    """
    return tuple(n for n in action.review_notes if n.at >= action.created)


def sessions_held(
    sessions: Sequence[Session],
    card_sessions: Iterable[int | None],
    objectives: Iterable[Objective],
    actions: Iterable[Action],
) -> list[int]:
    """Sessions that have cards, an objective agreed in them, or a review note made in them."""
    known = {s.number for s in sessions}
    held = {n for n in card_sessions if n is not None}
    held |= {o.session for o in objectives if o.session is not None}
    attribute = ReviewSessions.of(sessions)
    for action in actions:
        for note in action.review_notes:
            number = attribute.session_of(note)
            if number is not None:
                held.add(number)
    return sorted(held & known) if known else sorted(held)

"""The session board's cards and groups, worked out again only for the cards that are new.

A card from another terminal gives a new snapshot of the whole programme: the same decoded
cards (the store keeps them), in the same order, and one more at the end. Picking the step's
cards out of 5,000 and grouping them by column again cost a few milliseconds a card, and made
tens of thousands of objects for the collector. :class:`StepCards` keeps what it worked out;
when the step, its columns and the filter are the same and the snapshot's cards start with the
ones it saw (the same objects, or equal ones), only the cards after them are looked at and each
joins its group as :func:`~piptui.domain.columns.group_cards` would put it there. Anything else
(an edit, a deletion, another step) works everything out again, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from piptui.domain.columns import UNSORTED, CardFilter, ColumnGroup, unsorted_column
from piptui.domain.model import Card
from piptui.ui.screens import exercise_views

if TYPE_CHECKING:
    from piptui.domain.exercise import Column, Exercise
    from piptui.store.snapshot import Snapshot


class StepCards:
    """One screen's step cards and board groups, kept between snapshots."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        self._seen: tuple[Card, ...] = ()  # the snapshot's cards last time
        self._cards: list[Card] = []
        self._groups: list[ColumnGroup] = []

    def update(
        self,
        snapshot: Snapshot,
        session: int,
        step: str | None,
        exercise: Exercise | None,
        columns: Sequence[Column],
        card_filter: CardFilter,
    ) -> tuple[list[Card], list[ColumnGroup], list[Card]]:
        """The step's cards (capture order), the board's groups, and the step's cards that are
        new since the last update (all of them when everything was worked out again)."""
        every = snapshot.cards
        key = (session, step, exercise, tuple(columns), card_filter)
        seen = len(self._seen)
        by_column = not (exercise is not None and exercise.roles and not columns)  # not the role play's groups
        if by_column and key == self._key and seen <= len(every) and every[:seen] == self._seen:
            new = [c for c in every[seen:] if c.session == session and c.step == step]
            if new:
                self._cards = [*self._cards, *new]
                self._groups = add_to_groups(self._groups, new, columns, card_filter)
        else:
            new = snapshot.step_cards(session, step)
            self._cards = new
            self._groups = exercise_views.board_groups(exercise, columns, new, card_filter)
        self._key = key
        self._seen = every
        return self._cards, self._groups, new


def add_to_groups(
    groups: list[ColumnGroup], cards: Sequence[Card], columns: Sequence[Column], card_filter: CardFilter
) -> list[ColumnGroup]:
    """``groups`` (from :func:`~piptui.domain.columns.group_cards`) with ``cards`` captured after
    theirs: each at the end of its column's group (the unsorted group, made if need be, for a card
    in no column of the step). The groups no card joins are the same objects."""
    out = list(groups)
    index: dict[str | None, int]
    if not columns:
        index = {None: 0}
    else:
        index = {g.column.id if g.column is not None else None: i for i, g in enumerate(out)}
    ids = {c.id for c in columns}
    active = card_filter.active
    for card in cards:
        where = (card.column if card.column in ids else UNSORTED) if columns else None
        at = index.get(where)
        if at is None:  # the first unsorted card: its group goes last
            at = index[where] = len(out)
            out.append(ColumnGroup(unsorted_column(), (), 0))
        group = out[at]
        shown = (*group.cards, card) if not active or card_filter.matches(card) else group.cards
        out[at] = ColumnGroup(group.column, shown, group.total + 1)
    return out

"""The perspective swap's comparison: what one side said *as* the other, beside what that other
side said *of itself*, and how it answered. Pure.

The room has two sides that swap perspectives: the public sector (council and statutory
agencies) and the voluntary and community sector; people of sector "other" are a side of their
own. A card spoken by one side and voiced as another (``@council >vcs``) is that side's picture
of the other. A card spoken by a side for itself (no voiced-as sector, or its own side's) is that
side on itself. On the step with columns (the bundled script's "compare": rings true / misread /
common ground), a side's own cards are its answers to what was said of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from piptui.domain.exercise import Column, Exercise
from piptui.domain.model import Card, Sector, split_step_ref


class Side(StrEnum):
    PUBLIC = "public"
    VCS = "vcs"
    OTHER = "other"

    @property
    def label(self) -> str:
        """As the subject of a heading: "Council and agencies voicing ..."."""
        return _LABELS[self][0]

    @property
    def object_label(self) -> str:
        """As the object of a heading: "... voicing the voluntary sector"."""
        return _LABELS[self][1]


_LABELS: dict[Side, tuple[str, str, str]] = {
    Side.PUBLIC: ("Council and agencies", "council and agencies", "Council and agencies on themselves"),
    Side.VCS: ("The voluntary sector", "the voluntary sector", "The voluntary sector on itself"),
    Side.OTHER: ("Others", "others", "Others on themselves"),
}

SIDE_OF: dict[Sector, Side] = {
    Sector.COUNCIL: Side.PUBLIC,
    Sector.STATUTORY: Side.PUBLIC,
    Sector.VCS: Side.VCS,
    Sector.OTHER: Side.OTHER,
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """One column of the compare step, with the voiced side's cards in it."""

    column: Column
    cards: tuple[Card, ...]


@dataclass(frozen=True, slots=True)
class PerspectivePair:
    """``speaker`` voicing ``voiced``: their picture beside ``voiced`` on itself, and its answers."""

    speaker: Side
    voiced: Side
    as_other: tuple[Card, ...]  # spoken by ``speaker``, voiced as ``voiced``
    own_view: tuple[Card, ...]  # spoken by ``voiced`` for itself, in no compare column
    verdicts: tuple[Verdict, ...]  # ``voiced``'s own cards in each compare column

    @property
    def left_title(self) -> str:
        return f"{self.speaker.label} voicing {self.voiced.object_label}"

    @property
    def right_title(self) -> str:
        return _LABELS[self.voiced][2]

    @property
    def empty(self) -> bool:
        return not self.as_other and not self.own_view and not any(v.cards for v in self.verdicts)


@dataclass(frozen=True, slots=True)
class Comparison:
    pairs: tuple[PerspectivePair, ...]
    unplaced: int  # cards of the exercise without a speaker's sector: in no pair


def compare_step_columns(exercise: Exercise) -> tuple[Column, ...]:
    """The columns of the exercise's compare step: the first step that has columns."""
    return next((s.columns for s in exercise.steps if s.columns), ())


def exercise_cards(cards: Sequence[Card], exercise_id: str) -> list[Card]:
    """The cards captured on any step of the exercise."""
    return [c for c in cards if c.step is not None and split_step_ref(c.step)[0] == exercise_id]


def _side(sector: Sector | None) -> Side | None:
    return SIDE_OF[sector] if sector is not None else None


def compare_perspectives(cards: Sequence[Card], columns: Sequence[Column] = ()) -> Comparison:
    """Each ordered pair of sides that swapped perspectives, public-sector voicing the voluntary
    sector first, then the reverse, then any pair involving "other".

    ``cards`` are one exercise's cards (see :func:`exercise_cards`), in capture order, which each
    list keeps; ``columns`` are its compare step's columns. The two main pairs are always there (a
    room that has not started still sees what will be compared); a pair with "other" only when
    a card voices it or is voiced by it.
    """
    column_ids = {c.id for c in columns}
    voiced: dict[tuple[Side, Side], list[Card]] = {}
    own: dict[Side, list[Card]] = {}
    answered: dict[tuple[Side, str], list[Card]] = {}
    unplaced = 0
    for card in cards:
        speaker = _side(card.sector)
        if speaker is None:
            unplaced += 1
            continue
        target = _side(card.voiced_as)
        if target is not None and target is not speaker:
            voiced.setdefault((speaker, target), []).append(card)
        elif card.column in column_ids and card.column is not None:
            answered.setdefault((speaker, card.column), []).append(card)
        else:
            own.setdefault(speaker, []).append(card)
    keys = [(Side.PUBLIC, Side.VCS), (Side.VCS, Side.PUBLIC)]
    order = [Side.PUBLIC, Side.VCS, Side.OTHER]
    keys += sorted((k for k in voiced if k not in keys), key=lambda k: (order.index(k[0]), order.index(k[1])))
    pairs = tuple(
        PerspectivePair(
            speaker=a,
            voiced=b,
            as_other=tuple(voiced.get((a, b), ())),
            own_view=tuple(own.get(b, ())),
            verdicts=tuple(Verdict(col, tuple(answered.get((b, col.id), ()))) for col in columns),
        )
        for a, b in keys
    )
    return Comparison(pairs=pairs, unplaced=unplaced)

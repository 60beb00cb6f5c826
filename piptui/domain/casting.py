"""The cast of a role play: who plays which role, stored per session and exercise. Pure.

:func:`piptui.domain.roles.assign_roles` suggests it (everyone in the other sector's shoes,
evenly); the facilitator can change it person by person before the play. A card captured during
the play can name the role speaking (``%commissioner``); :func:`group_by_role` gathers those.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from piptui.domain.columns import CardFilter, ColumnGroup
from piptui.domain.model import Card, Participant, Sector, uuid_id
from piptui.errors import InvalidInput

if TYPE_CHECKING:  # the exercise classes load with the library; a snapshot reads casts before that
    from piptui.domain.exercise import Column, Role

_NS = uuid.UUID("0b5f3e0e-7c4a-4d35-9a3e-2a6c1d9b7f10")
NOT_IN_ROLE = "not-in-role"


def cast_id(session: int, exercise: str) -> str:
    """One cast per session and role play, the same id in every process."""
    return uuid_id(uuid.uuid5(_NS, f"{session}/{exercise}"))


@dataclass(frozen=True, slots=True)
class Casting:
    participant: str  # a participant id
    role: str  # a role id of the exercise


@dataclass(frozen=True, slots=True)
class Cast:
    session: int
    exercise: str  # the role play's exercise id
    castings: tuple[Casting, ...] = ()
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", cast_id(self.session, self.exercise))

    def role_of(self, participant: str) -> str | None:
        return next((c.role for c in self.castings if c.participant == participant), None)

    def with_role(self, participant: str, role: str | None) -> Cast:
        """The cast with ``participant`` playing ``role`` (None: no role), keeping everyone's place."""
        rest = [c for c in self.castings if c.participant != participant]
        if role is None:
            return Cast(self.session, self.exercise, tuple(rest), self.id)
        if self.role_of(participant) is None:
            return Cast(self.session, self.exercise, (*rest, Casting(participant, role)), self.id)
        return Cast(
            self.session,
            self.exercise,
            tuple(Casting(c.participant, role) if c.participant == participant else c for c in self.castings),
            self.id,
        )


def cast_from(session: int, exercise: str, assignment: Mapping[str, str]) -> Cast:
    """A cast from ``assign_roles``'s ``{participant id: role id}``."""
    return Cast(session, exercise, tuple(Casting(p, r) for p, r in assignment.items()))


@dataclass(frozen=True, slots=True)
class CastRow:
    """One line of the cast list: the person, their sector, the role, its sector (None: no role yet)."""

    participant: Participant
    role: Role | None


def cast_rows(cast: Cast | None, participants: Sequence[Participant], roles: Sequence[Role]) -> list[CastRow]:
    """Every participant, in the given order, with their role (castings of people or roles that
    are gone are left out)."""
    by_id = {r.id: r for r in roles}
    return [CastRow(p, by_id.get(cast.role_of(p.id) or "") if cast is not None else None) for p in participants]


def players(cast: Cast | None, participants: Sequence[Participant], role: str) -> list[Participant]:
    """Who plays ``role``, in the participants' order."""
    if cast is None:
        return []
    return [p for p in participants if cast.role_of(p.id) == role]


def find_role(roles: Sequence[Role], word: str) -> Role:
    """The role a word names (its id, any case, with or without ``%``), else :class:`InvalidInput`."""
    key = word.strip().lstrip("%").casefold()
    for role in roles:
        if role.id.casefold() == key:
            return role
    known = ", ".join(r.id for r in roles) or "none"
    raise InvalidInput(f"'{word.strip()}' is not a role of this role play (its roles: {known})")


def find_participant(participants: Sequence[Participant], word: str) -> Participant:
    """The participant a word names: the whole name (any case), else an id or the start of one."""
    key = " ".join(word.split()).casefold()
    named = [p for p in participants if p.name.casefold() == key]
    if len(named) == 1:
        return named[0]
    by_id = [p for p in participants if key and p.id.startswith(key)]
    if len(by_id) == 1 and not named:
        return by_id[0]
    if len(named) > 1:
        raise InvalidInput(f"Two participants are called '{word.strip()}': name them by id")
    raise InvalidInput(f"No participant '{word.strip()}' in this programme")


def role_columns(roles: Sequence[Role]) -> tuple[Column, ...]:
    from piptui.domain.exercise import Column

    return tuple(Column(id=r.id, title=f"As {r.title}") for r in roles)


def group_by_role(cards: Sequence[Card], roles: Sequence[Role], card_filter: CardFilter) -> list[ColumnGroup]:
    """A step's cards under the role that was speaking (in the roles' order), then the cards said
    out of role; a role nobody spoke as has an empty group. Counts are before filtering."""
    from piptui.domain.exercise import Column

    columns = role_columns(roles)
    ids = {r.id for r in roles}
    groups: list[ColumnGroup] = []
    out_of_role = Column(id=NOT_IN_ROLE, title="Not in role")
    for column in (*columns, out_of_role):
        if column is out_of_role:
            bucket = [c for c in cards if c.role not in ids]
            if not bucket:
                continue
        else:
            bucket = [c for c in cards if c.role == column.id]
        shown = tuple(c for c in bucket if card_filter.matches(c)) if card_filter.active else tuple(bucket)
        groups.append(ColumnGroup(column, shown, len(bucket)))
    return groups


def role_sector(roles: Sequence[Role], role: str | None) -> Sector | None:
    return next((r.sector for r in roles if r.id == role), None)

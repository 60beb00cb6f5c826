"""Who plays which role in a role play: across sectors, evenly. Pure.

The method's point is to play the *other* sector: council and statutory-agency people get
voluntary-sector roles, voluntary-sector people get council or agency roles. Where the other
side has no role (or there is nobody to cross), people get any role so nobody is left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from piptui.domain.exercise import Role
from piptui.domain.model import Participant, Sector

PUBLIC = frozenset({Sector.COUNCIL, Sector.STATUTORY})


def crosses(participant_sector: Sector, role_sector: Sector) -> bool:
    """Whether playing a role of ``role_sector`` puts this person in the other sector's shoes."""
    if participant_sector in PUBLIC:
        return role_sector is Sector.VCS
    if participant_sector is Sector.VCS:
        return role_sector in PUBLIC
    return False


def _candidates(sector: Sector, roles: Sequence[Role]) -> list[int]:
    """Indexes of the roles this person may get, best first: crossing, then neutral, then any."""
    crossing = [i for i, r in enumerate(roles) if crosses(sector, r.sector)]
    if crossing:
        return crossing
    if sector is Sector.OTHER:
        return list(range(len(roles)))
    neutral = [i for i, r in enumerate(roles) if r.sector is Sector.OTHER]
    return neutral or list(range(len(roles)))


def assign_roles(roles: Sequence[Role], participants: Sequence[Participant]) -> dict[str, str]:
    """``{participant id: role id}``: every participant gets a role, crossing sectors where possible.

    Balanced: each person takes the least-taken of the roles open to them (ties: the role listed
    first), so with more people than roles they share roles evenly. Those who can cross choose
    first, then those who cannot (their sector has no opposite role), then people of sector
    "other", who fill whichever roles have fewest people. Deterministic: the same roles and
    participants in the same order always give the same assignment. No roles: ``{}``.
    """
    if not roles:
        return {}
    load = [0] * len(roles)
    chosen: dict[str, str] = {}

    def turn(person: Participant) -> int:  # who chooses first: those who can cross, then the rest
        if any(crosses(person.sector, r.sector) for r in roles):
            return 0
        return 2 if person.sector is Sector.OTHER else 1

    for person in sorted(participants, key=turn):  # stable: input order within each turn
        if person.id in chosen:
            continue
        best = min(_candidates(person.sector, roles), key=lambda i: (load[i], i))
        load[best] += 1
        chosen[person.id] = roles[best].id
    return {p.id: chosen[p.id] for p in participants if p.id in chosen}

"""assign_roles: people play the other sector, evenly, the same way every time."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from piptui.demo.darlington import PARTICIPANTS
from piptui.domain.exercise import Role
from piptui.domain.model import Participant, Sector
from piptui.domain.roles import PUBLIC, assign_roles, crosses
from piptui.exercises import load_exercise_file

ROOT = Path(__file__).resolve().parents[1]
C, S, V, OT = Sector.COUNCIL, Sector.STATUTORY, Sector.VCS, Sector.OTHER


def people(*sectors: Sector) -> list[Participant]:
    return [Participant(name=f"p{i}", sector=s, id=f"p{i}") for i, s in enumerate(sectors)]


def roles(*sectors: Sector) -> list[Role]:
    return [Role(id=f"r{i}-{s.value}", title=f"Role {i}", sector=s) for i, s in enumerate(sectors)]


def test_the_bundled_role_play_crosses_sectors_for_the_demo_group() -> None:
    exercise = load_exercise_file(ROOT / "exercises" / "role-play.yaml")
    group = [Participant(name=n, organisation=o, sector=s, id=f"p{i}") for i, (n, o, s) in enumerate(PARTICIPANTS)]
    assignment = assign_roles(exercise.roles, group)
    sector_of_role = {r.id: r.sector for r in exercise.roles}
    assert list(assignment) == [p.id for p in group]  # everyone, in the given order
    for person in group:
        assert crosses(person.sector, sector_of_role[assignment[person.id]]), person
    counts = Counter(assignment.values())
    assert set(counts) == {r.id for r in exercise.roles}  # every role is played
    vcs_roles = [r.id for r in exercise.roles if r.sector is V]
    public_roles = [r.id for r in exercise.roles if r.sector in PUBLIC]
    for same_side in (vcs_roles, public_roles):
        assert max(counts[r] for r in same_side) - min(counts[r] for r in same_side) <= 1  # balanced


def test_council_and_statutory_get_vcs_roles_and_vcs_gets_public_roles() -> None:
    assignment = assign_roles(roles(C, V, S, V), people(C, S, V, V, C))
    assert assignment == {"p0": "r1-vcs", "p1": "r3-vcs", "p2": "r0-council", "p3": "r2-statutory", "p4": "r1-vcs"}


def test_deterministic() -> None:
    group, parts = people(C, V, S, OT, V, C, C), roles(V, C, OT)
    assert assign_roles(parts, group) == assign_roles(list(parts), list(group))


def test_where_crossing_is_impossible_everyone_still_gets_a_role() -> None:
    assert assign_roles(roles(C, C), people(C, C, C)) == {"p0": "r0-council", "p1": "r1-council", "p2": "r0-council"}
    neutral_first = assign_roles(roles(C, OT), people(C))
    assert neutral_first == {"p0": "r1-other"}  # a neutral role before one of their own sector


def test_other_sector_people_fill_the_emptiest_roles() -> None:
    assignment = assign_roles(roles(C, V), people(OT, C, C))
    assert assignment == {"p0": "r0-council", "p1": "r1-vcs", "p2": "r1-vcs"}


def test_no_roles_or_no_people() -> None:
    assert assign_roles([], people(C, V)) == {}
    assert assign_roles(roles(C, V), []) == {}


def test_people_who_can_cross_are_spread_before_the_others_fill_in() -> None:
    assignment = assign_roles(roles(C, C, C), people(V, C, C, V))
    assert assignment == {"p0": "r0-council", "p1": "r2-council", "p2": "r0-council", "p3": "r1-council"}


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(list(Sector)), max_size=25),
    st.lists(st.sampled_from(list(Sector)), min_size=1, max_size=8),
)
def test_crosses_whenever_the_other_side_has_a_role(person_sectors: list[Sector], role_sectors: list[Sector]) -> None:
    group, parts = people(*person_sectors), roles(*role_sectors)
    assignment = assign_roles(parts, group)
    assert set(assignment) == {p.id for p in group}
    by_id = {r.id: r for r in parts}
    for person in group:
        if any(crosses(person.sector, r.sector) for r in parts):
            assert crosses(person.sector, by_id[assignment[person.id]].sector)
    # balanced among the roles each side plays: no crossing role has two more people than another
    for side in (PUBLIC, {V}):
        targets = [r.id for r in parts if any(crosses(s, r.sector) for s in side)]
        players = [assignment[p.id] for p in group if p.sector in side and assignment[p.id] in targets]
        if targets and players:
            counts = Counter({t: 0 for t in targets}) + Counter(players)
            loads = [counts.get(t, 0) for t in targets]
            assert max(loads) - min(loads) <= 1

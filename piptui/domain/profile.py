"""The local partnership profile: every card of a programme by the method's four dimensions. Pure.

The four dimensions are drivers, benefits, difficult aspects, and obstacles and barriers;
the last two have sub-groups (partnership models / participants / processes; organisation /
people / power). A card goes into the dimension of the column it was sorted into, whatever
the session or step. The dimension of a column is the script's ``dimension:`` field
(``obstacles/power``), else the default for the bundled scripts' column ids (so an adapted
script that keeps those ids keeps working); a column with neither is not in the profile.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from piptui.domain.exercise import Column, Exercise
from piptui.domain.model import Card, Sector, split_step_ref


@dataclass(frozen=True, slots=True)
class Dimension:
    id: str
    title: str
    subgroups: tuple[tuple[str, str], ...] = ()  # (id, title)


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("drivers", "Drivers"),
    Dimension("benefits", "Benefits"),
    Dimension(
        "difficult",
        "Difficult aspects",
        (("models", "Partnership models"), ("participants", "Participants"), ("processes", "Processes")),
    ),
    Dimension(
        "obstacles",
        "Obstacles and barriers",
        (("organisation", "Organisation"), ("people", "People"), ("power", "Power")),
    ),
)
DIMENSION_IDS: tuple[str, ...] = tuple(d.id for d in DIMENSIONS)
BY_ID: dict[str, Dimension] = {d.id: d for d in DIMENSIONS}

# The bundled scripts' column ids, for scripts that do not say `dimension:`.
DEFAULT_DIMENSIONS: dict[str, str] = {
    "drivers": "drivers",
    "benefits": "benefits",
    "difficult-aspects": "difficult",
    "difficult-models": "difficult/models",
    "difficult-participants": "difficult/participants",
    "difficult-processes": "difficult/processes",
    "barriers": "obstacles",
    "barriers-organisation": "obstacles/organisation",
    "barriers-people": "obstacles/people",
    "barriers-power": "obstacles/power",
}


def check_dimension(value: str) -> str | None:
    """What is wrong with a ``dimension:`` value (None when it is fine)."""
    dim, _, sub = value.partition("/")
    if dim not in BY_ID:
        ids = ", ".join(DIMENSION_IDS)
        return f"dimension '{value}' is not one of {ids} (optionally with a sub-group: obstacles/power)"
    if sub and BY_ID[dim].subgroups and sub not in {s for s, _t in BY_ID[dim].subgroups}:
        known = ", ".join(f"{dim}/{s}" for s, _t in BY_ID[dim].subgroups)
        return f"dimension '{value}': the sub-groups of {dim} are {known}"
    if sub and not BY_ID[dim].subgroups:
        return f"dimension '{value}': {dim} has no sub-groups"
    return None


def dimension_of(column: Column) -> tuple[str, str | None] | None:
    """(dimension id, sub-group id or None) of a column, or None when it is not in the profile."""
    value = column.dimension or DEFAULT_DIMENSIONS.get(column.id)
    if not value:
        return None
    dim, _, sub = value.partition("/")
    if dim not in BY_ID:
        return None
    return dim, sub or None


def sub_title(dimension: str, sub: str | None) -> str:
    if sub is None:
        return ""
    return dict(BY_ID[dimension].subgroups).get(sub, sub.replace("-", " ").capitalize())


@dataclass(frozen=True, slots=True)
class ProfileEntry:
    card: Card
    dimension: str
    subgroup: str | None
    column_title: str


@dataclass(frozen=True, slots=True)
class ProfileGroup:
    """The cards of one dimension (or one of its sub-groups), with counts by sector."""

    dimension: str
    subgroup: str | None
    title: str
    entries: tuple[ProfileEntry, ...]

    def by_sector(self) -> dict[Sector | None, int]:
        counts: dict[Sector | None, int] = {}
        for e in self.entries:
            counts[e.card.sector] = counts.get(e.card.sector, 0) + 1
        return counts


@dataclass(frozen=True, slots=True)
class DimensionView:
    dimension: Dimension
    groups: tuple[ProfileGroup, ...]  # the dimension's cards not in a sub-group first (if any)

    @property
    def count(self) -> int:
        return sum(len(g.entries) for g in self.groups)

    def by_sector(self) -> dict[Sector | None, int]:
        counts: dict[Sector | None, int] = {}
        for g in self.groups:
            for sector, n in g.by_sector().items():
                counts[sector] = counts.get(sector, 0) + n
        return counts


@dataclass(frozen=True, slots=True)
class Profile:
    dimensions: tuple[DimensionView, ...]  # always the four, in order

    @property
    def count(self) -> int:
        return sum(d.count for d in self.dimensions)

    def entries(self) -> list[ProfileEntry]:
        return [e for d in self.dimensions for g in d.groups for e in g.entries]


def columns_by_step(exercises: Mapping[str, Exercise]) -> dict[str, dict[str, Column]]:
    """``{"exercise/step": {column id: Column}}`` for every step with columns."""
    out: dict[str, dict[str, Column]] = {}
    for exercise in exercises.values():
        for step in exercise.steps:
            if step.columns:
                out[f"{exercise.id}/{step.id}"] = {c.id: c for c in step.columns}
    return out


def _place(
    step: str, column_id: str, columns: Mapping[str, Mapping[str, Column]], exercises: Mapping[str, Exercise]
) -> tuple[tuple[str, str | None], str] | None:
    """Where a step's column goes in the profile, and its title (None: not in the profile)."""
    column = columns.get(step, {}).get(column_id)
    if column is None:
        exercise_id, _ = split_step_ref(step)
        if exercise_id in exercises:
            return None
        column = Column(id=column_id, title=column_id)  # a script no longer in the library: by its id
    where = dimension_of(column)
    return (where, column.title) if where is not None else None


def build_profile(
    cards: Iterable[Card], exercises: Mapping[str, Exercise], *, include_confidential: bool = False
) -> Profile:
    """Every card sorted into a profile column, by dimension and sub-group, in the order given."""
    columns = columns_by_step(exercises)
    found: dict[tuple[str, str | None], list[ProfileEntry]] = {}
    placed: dict[tuple[str, str], tuple[tuple[str, str | None], str] | None] = {}  # (step, column) -> where, title
    for card in cards:
        if card.confidential and not include_confidential:
            continue
        if card.step is None or card.column is None:
            continue
        key = (card.step, card.column)
        if key not in placed:
            placed[key] = _place(card.step, card.column, columns, exercises)
        spot = placed[key]
        if spot is None:
            continue
        where, title = spot
        found.setdefault(where, []).append(ProfileEntry(card, where[0], where[1], title))
    views: list[DimensionView] = []
    for dim in DIMENSIONS:
        groups: list[ProfileGroup] = []
        if (dim.id, None) in found:
            groups.append(ProfileGroup(dim.id, None, dim.title, tuple(found[(dim.id, None)])))
        subs = [s for s, _t in dim.subgroups] + sorted(
            s for d, s in found if d == dim.id and s is not None and s not in dict(dim.subgroups)
        )
        for sub in subs:
            if (dim.id, sub) in found:
                groups.append(ProfileGroup(dim.id, sub, sub_title(dim.id, sub), tuple(found[(dim.id, sub)])))
        views.append(DimensionView(dim, tuple(groups)))
    return Profile(tuple(views))

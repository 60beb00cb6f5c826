"""The action plan: clusters promoted to objectives, leads, review dates, progress, refresh. Pure.

The plan of session 4 is plan version 1. At the review (session 5) unfinished actions are
carried into a refreshed plan (version 2, ...); the earlier version stays as it was, so
its history (statuses, ratings, notes) is kept.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol, TypeVar, cast

from piptui.domain.model import (
    Action,
    ActionStatus,
    Card,
    Cluster,
    Objective,
    Participant,
    Rag,
    ReviewNote,
    Sector,
    new_id,
    utc_now,
)
from piptui.errors import InvalidInput

REVIEW_AFTER_MONTHS = 6
UNFINISHED = frozenset({ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS})


# -- dates -------------------------------------------------------------------
def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months; the 31st becomes the month's last day when needed."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def parse_date(value: str, what: str = "date") -> date:
    """A YYYY-MM-DD date typed by a person; :class:`InvalidInput` with a readable message if not."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"The {what} '{value.strip()}' is not a date like 2008-10-16") from None


def default_review_date(session_date: str | None, today: date) -> str:
    """Six months after the session (or after ``today`` when the session has no date)."""
    start = today
    if session_date:
        try:
            start = date.fromisoformat(session_date)
        except ValueError:
            start = today
    return add_months(start, REVIEW_AFTER_MONTHS).isoformat()


# -- promoting ---------------------------------------------------------------
def default_objective_title(clusters: Sequence[Cluster]) -> str:
    return " / ".join(c.title for c in clusters)


def promote(
    clusters: Sequence[Cluster],
    *,
    title: str = "",
    session: int | None = None,
    review_date: str | None = None,
    position: int = 0,
    plan: int = 1,
    objective_id: str | None = None,
    created: str | None = None,
) -> tuple[Objective, list[Cluster]]:
    """A draft objective made from ``clusters``, and the clusters linked back to it."""
    if not clusters:
        raise InvalidInput("Pick at least one cluster to promote")
    taken = [c for c in clusters if c.objective]
    if taken:
        raise InvalidInput(f"'{taken[0].title}' is already promoted to an objective")
    ids = list(dict.fromkeys(c.id for c in clusters))
    title = " ".join(title.split()) or default_objective_title(clusters)
    objective = Objective(
        title=title,
        id=objective_id or new_id(),
        clusters=tuple(ids),
        review_date=review_date,
        position=position,
        session=session,
        plan=plan,
        created=created or utc_now(),
    )
    return objective, [replace(c, objective=objective.id) for c in clusters]


# -- leads -------------------------------------------------------------------
def lead_warnings(council: Participant | None, vcs: Participant | None) -> list[str]:
    """What is wrong with a joint lead: both from one sector, or a lead on the wrong side."""
    if council is not None and vcs is not None:
        if council.id == vcs.id:
            return ["The same person is both leads: a joint lead is two people, one from each sector"]
        if council.sector == vcs.sector:
            return [
                f"Both leads are from the same sector ({council.sector.label}): the plan asks for "
                "one council member and one third-sector member"
            ]
    out: list[str] = []
    if council is not None and council.sector == Sector.VCS:
        out.append(f"The council lead {council.name} is from the voluntary and community sector")
    if vcs is not None and vcs.sector != Sector.VCS:
        out.append(f"The third-sector lead {vcs.name} is from the {vcs.sector.label} sector")
    return out


def same_sector_leads(council: Participant | None, vcs: Participant | None) -> bool:
    return council is not None and vcs is not None and council.sector == vcs.sector


# -- traceability ------------------------------------------------------------
def cards_of_objective(objective: Objective, clusters: Iterable[Cluster], cards: Iterable[Card]) -> list[Card]:
    """The cards an objective came from (through its clusters), in the order given."""
    linked = set(objective.clusters) | {c.id for c in clusters if c.objective == objective.id}
    return [c for c in cards if c.cluster in linked]


def objective_of_card(card: Card, clusters: Iterable[Cluster], objectives: Iterable[Objective]) -> Objective | None:
    """The objective a card went into (through its cluster), the earliest plan first."""
    if not card.cluster:
        return None
    cluster = next((c for c in clusters if c.id == card.cluster), None)
    by_id = {o.id: o for o in objectives}
    if cluster is not None and cluster.objective in by_id:
        return by_id[cluster.objective]
    holders = sorted((o for o in by_id.values() if card.cluster in o.clusters), key=lambda o: (o.plan, o.position))
    return holders[0] if holders else None


# -- plan versions -----------------------------------------------------------
def latest_plan(objectives: Iterable[Objective]) -> int:
    return max((o.plan for o in objectives), default=1)


def plan_versions(objectives: Iterable[Objective]) -> list[int]:
    return sorted({o.plan for o in objectives}) or [1]


def objectives_of_plan(objectives: Iterable[Objective], plan: int) -> list[Objective]:
    return sorted((o for o in objectives if o.plan == plan), key=lambda o: (o.position, o.created, o.id))


# -- progress ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Progress:
    """How far an objective's (or a plan's) actions have got."""

    total: int = 0
    done: int = 0
    in_progress: int = 0
    not_started: int = 0
    dropped: int = 0
    red: int = 0
    amber: int = 0
    green: int = 0

    @property
    def live(self) -> int:
        """Actions that still count (dropped ones do not)."""
        return self.total - self.dropped

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.live) if self.live else 0

    @property
    def unfinished(self) -> int:
        return self.in_progress + self.not_started

    def summary(self) -> str:
        if not self.total:
            return "no actions yet"
        parts = [f"{self.done}/{self.live} done ({self.percent}%)"]
        if self.in_progress:
            parts.append(f"{self.in_progress} in progress")
        if self.dropped:
            parts.append(f"{self.dropped} dropped")
        if self.red or self.amber or self.green:
            parts.append(f"R{self.red} A{self.amber} G{self.green}")
        return " · ".join(parts)


def progress(actions: Iterable[Action]) -> Progress:
    counts: dict[str, int] = {}
    total = 0
    for a in actions:
        total += 1
        key = a.status.name.lower()
        counts[key] = counts.get(key, 0) + 1
        if a.rag is not None:
            counts[a.rag.value] = counts.get(a.rag.value, 0) + 1
    return Progress(total=total, **counts)


def plan_progress(objectives: Iterable[Objective], actions: Iterable[Action]) -> dict[str, Progress]:
    """Progress per objective id (every objective given has an entry)."""
    by_objective: dict[str, list[Action]] = {o.id: [] for o in objectives}
    for a in actions:
        if a.objective in by_objective:
            by_objective[a.objective].append(a)
    return {oid: progress(acts) for oid, acts in by_objective.items()}


# -- refreshing the plan -----------------------------------------------------
def refresh_plan(
    objectives: Sequence[Objective],
    actions: Sequence[Action],
    *,
    session: int | None,
    review_date: str | None,
    make_id: Callable[[], str] = new_id,
    created: str | None = None,
) -> tuple[list[Objective], list[Action]]:
    """The next plan version: unfinished actions carried over under copies of their objectives.

    Only the latest plan is carried. An objective comes along when it has unfinished
    actions (not started or in progress) or no actions at all; one whose actions are all
    done or dropped is complete and stays behind. Carried actions keep their text, owners,
    due date, status and review notes (their history); their rating starts afresh. The
    earlier plan is not changed.
    """
    current = latest_plan(objectives)
    old = objectives_of_plan(objectives, current)
    by_objective: dict[str, list[Action]] = {o.id: [] for o in old}
    for a in actions:
        if a.objective in by_objective:
            by_objective[a.objective].append(a)
    created = created or utc_now()
    new_objectives: list[Objective] = []
    new_actions: list[Action] = []
    for o in old:
        acts = sorted(by_objective[o.id], key=lambda a: (a.position, a.created, a.id))
        carry = [a for a in acts if a.status in UNFINISHED]
        if acts and not carry:
            continue
        copy = replace(
            o,
            id=make_id(),
            plan=current + 1,
            session=session,
            review_date=review_date,
            position=len(new_objectives),
            created=created,
        )
        new_objectives.append(copy)
        for i, a in enumerate(carry):
            new_actions.append(replace(a, id=make_id(), objective=copy.id, rag=None, position=i, created=created))
    return new_objectives, new_actions


# -- ordering ----------------------------------------------------------------
class Positioned(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def position(self) -> int: ...


P = TypeVar("P", bound=Positioned)


def in_order(items: Iterable[P]) -> list[P]:
    return sorted(items, key=lambda i: (i.position, getattr(i, "created", ""), i.id))


def renumber(items: Sequence[P]) -> list[P]:
    """The items (already in the wanted order) whose position must change to 0, 1, 2..."""
    return [cast(P, replace(cast(Action, i), position=n)) for n, i in enumerate(items) if i.position != n]


def reorder(items: Iterable[P], item_id: str, offset: int) -> list[P]:
    """Move one item ``offset`` places among its siblings; the changed items come back."""
    ordered = in_order(items)
    index = next((n for n, i in enumerate(ordered) if i.id == item_id), None)
    if index is None:
        raise InvalidInput("That item is not in this list")
    target = max(0, min(len(ordered) - 1, index + offset))
    item = ordered.pop(index)
    ordered.insert(target, item)
    return renumber(ordered)


def move_action(actions: Iterable[Action], action_id: str, objective_id: str) -> list[Action]:
    """Move an action to the end of another objective's list; renumber both lists."""
    actions = list(actions)
    moving = next((a for a in actions if a.id == action_id), None)
    if moving is None:
        raise InvalidInput("That action is not in this plan")
    if moving.objective == objective_id:
        return []
    source = in_order(a for a in actions if a.objective == moving.objective and a.id != action_id)
    target = in_order(a for a in actions if a.objective == objective_id)
    moved = replace(moving, objective=objective_id, position=len(target))
    return [moved, *renumber(source), *renumber(target)]


def next_position(items: Iterable[Positioned]) -> int:
    return max((i.position for i in items), default=-1) + 1


# -- reviewing ---------------------------------------------------------------
STATUS_ORDER: tuple[ActionStatus, ...] = (
    ActionStatus.NOT_STARTED,
    ActionStatus.IN_PROGRESS,
    ActionStatus.DONE,
    ActionStatus.DROPPED,
)
RAG_ORDER: tuple[Rag, ...] = (Rag.RED, Rag.AMBER, Rag.GREEN)


def review_action(
    action: Action,
    *,
    status: ActionStatus,
    rag: Rag | None,
    note: str = "",
    by: str | None = None,
    at: str | None = None,
) -> Action:
    """The action with its new status and rating, and a review note recording them (its history).

    Quick changes by one person on one day (status, then rating, no words) make one entry:
    a note without text is replaced by the next one of the same person that day.
    """
    note = note.strip()
    if status == action.status and rag == action.rag and not note:
        return action
    entry = ReviewNote(at=at or utc_now(), text=note, status=status, rag=rag, by=by)
    notes = action.review_notes
    last = notes[-1] if notes else None
    if last is not None and not last.text and last.by == by and last.at[:10] == entry.at[:10]:
        notes = notes[:-1]
    return replace(action, status=status, rag=rag, review_notes=(*notes, entry))


def participants_by_id(participants: Iterable[Participant]) -> Mapping[str, Participant]:
    return {p.id: p for p in participants}

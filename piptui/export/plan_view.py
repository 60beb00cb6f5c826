"""The action plan as every published form shows it: versions, objectives, joint leads, actions.

Built once from a :class:`Snapshot` and rendered by the Markdown, CSV and HTML forms, so
they always agree. In one session's notes the plan is shown as it stood at the end of that
session: the versions agreed by then, and each action's status, rating and latest review
note from the review notes made by then (later ones belong to later sessions' notes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from piptui.domain.model import SECTOR_LABELS, Action, ActionStatus, Objective, Participant, Rag, ReviewNote
from piptui.domain.plan import Progress, lead_warnings, objectives_of_plan, plan_versions
from piptui.domain.review_sessions import ReviewSessions, notes_of_version
from piptui.export.snapshot import Snapshot


@dataclass(frozen=True, slots=True)
class Lead:
    """One side of a joint lead: a person with their organisation, or what the file holds."""

    person: Participant | None
    raw: str = ""

    def text(self) -> str:
        if self.person is None:
            return self.raw
        p = self.person
        return p.described if p.organisation else f"{p.name} ({SECTOR_LABELS[p.sector].lower()})"


@dataclass(frozen=True, slots=True)
class ActionView:
    action: Action
    status: ActionStatus
    rag: Rag | None
    note: ReviewNote | None  # the latest with words, of this plan version, by the session shown
    reviewed: int | None = None  # the session of this version's latest review note (with words or not)


@dataclass(frozen=True, slots=True)
class ObjectiveView:
    number: int  # 1, 2, ... within its plan version
    objective: Objective
    council: Lead | None
    vcs: Lead | None
    warnings: tuple[str, ...]
    actions: tuple[ActionView, ...]

    @property
    def progress(self) -> Progress:
        counts = {s: 0 for s in ActionStatus}
        rags = {r: 0 for r in Rag}
        for a in self.actions:
            counts[a.status] += 1
            if a.rag is not None:
                rags[a.rag] += 1
        return Progress(
            total=len(self.actions),
            done=counts[ActionStatus.DONE],
            in_progress=counts[ActionStatus.IN_PROGRESS],
            not_started=counts[ActionStatus.NOT_STARTED],
            dropped=counts[ActionStatus.DROPPED],
            red=rags[Rag.RED],
            amber=rags[Rag.AMBER],
            green=rags[Rag.GREEN],
        )

    def leads_text(self) -> str:
        sides = [
            f"{lead.text()} ({what})"
            for lead, what in ((self.council, "council"), (self.vcs, "third sector"))
            if lead is not None and lead.text()
        ]
        return " and ".join(sides)


@dataclass(frozen=True, slots=True)
class VersionView:
    version: int
    sessions: tuple[int, ...]  # the sessions its objectives were agreed in
    objectives: tuple[ObjectiveView, ...]


@dataclass(frozen=True, slots=True)
class PlanView:
    versions: tuple[VersionView, ...]
    session: int | None  # the session it is shown as of (None: as it stands)

    @property
    def empty(self) -> bool:
        return not any(v.objectives for v in self.versions)

    def objectives(self) -> list[ObjectiveView]:
        return [o for v in self.versions for o in v.objectives]


def _lead(raw: str | None, people: Mapping[str, Participant]) -> Lead | None:
    if not raw:
        return None
    return Lead(people.get(raw), raw)


def action_view(action: Action, attribute: ReviewSessions, session: int | None) -> ActionView:
    """The action as it stood at the end of ``session`` (None: as it stands now)."""
    if session is None:
        counted = action.review_notes
    else:
        counted = tuple(n for n in action.review_notes if (attribute.session_of(n) or 0) <= session)
    if counted:
        last = counted[-1]
        status, rag = last.status, last.rag
    elif action.review_notes:  # reviewed only after the session shown
        status, rag = ActionStatus.NOT_STARTED, None
    else:
        status, rag = action.status, action.rag
    mine = [n for n in notes_of_version(action) if n in counted]
    worded = [n for n in mine if n.text.strip()]
    return ActionView(
        action, status, rag, worded[-1] if worded else None, attribute.session_of(mine[-1]) if mine else None
    )


def build_plan(snap: Snapshot, session: int | None = None) -> PlanView:
    """The plan of ``snap`` (as it stood at the end of ``session``, when given)."""
    objectives = [o for o in snap.objectives if session is None or o.session is None or o.session <= session]
    people = {p.id: p for p in snap.participants}
    attribute = ReviewSessions.of(snap.sessions)
    by_objective: dict[str, list[Action]] = {}
    for action in snap.actions:
        by_objective.setdefault(action.objective, []).append(action)
    versions: list[VersionView] = []
    for version in plan_versions(objectives) if objectives else []:
        mine = objectives_of_plan(objectives, version)
        views: list[ObjectiveView] = []
        for n, o in enumerate(mine, 1):
            council, vcs = people.get(o.council_lead or ""), people.get(o.vcs_lead or "")
            views.append(
                ObjectiveView(
                    number=n,
                    objective=o,
                    council=_lead(o.council_lead, people),
                    vcs=_lead(o.vcs_lead, people),
                    warnings=tuple(lead_warnings(council, vcs)),
                    actions=tuple(action_view(a, attribute, session) for a in by_objective.get(o.id, [])),
                )
            )
        agreed = tuple(sorted({o.session for o in mine if o.session is not None}))
        versions.append(VersionView(version, agreed, tuple(views)))
    return PlanView(tuple(versions), session)


def reviewed_in(plan: PlanView, session: int) -> list[tuple[ObjectiveView, list[ActionView]]]:
    """Per objective, the actions reviewed (their latest review note made) in ``session``."""
    out: list[tuple[ObjectiveView, list[ActionView]]] = []
    for o in plan.objectives():
        got = [a for a in o.actions if a.reviewed == session]
        if got:
            out.append((o, got))
    return out


def version_heading(version: VersionView, versions: Sequence[VersionView]) -> str | None:
    if len(versions) < 2:
        return None
    where = f" (session {', '.join(map(str, version.sessions))})" if version.sessions else ""
    return f"Plan version {version.version}{where}"

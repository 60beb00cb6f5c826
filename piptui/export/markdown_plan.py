"""The action plan in the notes: one table per plan version, one row per objective."""

from __future__ import annotations

from collections.abc import Sequence

from piptui.domain.model import Action, ActionStatus
from piptui.domain.plan import objectives_of_plan, participants_by_id, plan_versions, progress
from piptui.export.markdown_parts import long_date, person, table
from piptui.export.markdown_text import md_cell
from piptui.export.snapshot import Snapshot

PLAN_HEADER = ("Objective", "Actions", "Council lead", "Third-sector lead", "Timescale", "Review date", "Status")


def plan_section(snap: Snapshot, session: int | None, *, names: bool) -> list[str]:
    """The plan as it stands; in one session's notes, the versions agreed by that session."""
    objectives = [o for o in snap.objectives if session is None or o.session is None or o.session <= session]
    if not objectives:
        return []
    people = participants_by_id(snap.participants)
    by_objective: dict[str, list[Action]] = {}
    for action in snap.actions:
        by_objective.setdefault(action.objective, []).append(action)
    versions = plan_versions(objectives)
    lines = ["## Action plan", ""]
    for version in versions:
        mine = objectives_of_plan(objectives, version)
        if len(versions) > 1:
            agreed = sorted({o.session for o in mine if o.session is not None})
            where = f" (session {', '.join(map(str, agreed))})" if agreed else ""
            lines += [f"### Plan version {version}{where}", ""]
        rows = []
        for o in mine:
            actions = by_objective.get(o.id, [])
            rows.append(
                (
                    md_cell(o.title),
                    actions_cell(actions),
                    person(people.get(o.council_lead or ""), o.council_lead, names=names),
                    person(people.get(o.vcs_lead or ""), o.vcs_lead, names=names),
                    md_cell(o.timescale),
                    md_cell(long_date(o.review_date)),
                    md_cell(progress(actions).summary()),
                )
            )
        lines += [*table(PLAN_HEADER, rows), ""]
    return lines


def actions_cell(actions: Sequence[Action]) -> str:
    """Numbered actions, each with its status (once started), rating, due date, owners, last review."""
    return "<br>".join(f"{n}. {_action(a)}" for n, a in enumerate(actions, 1))


def _action(action: Action) -> str:
    details: list[str] = []
    status = "" if action.status == ActionStatus.NOT_STARTED else action.status.value
    if action.rag is not None:
        status = f"{status}, {action.rag.value}" if status else action.rag.value
    if status:
        details.append(status)
    if action.due.strip():
        details.append("due " + md_cell(long_date(action.due.strip())))
    owners = [md_cell(o) for o in action.owners if md_cell(o)]
    if owners:
        details.append("owners: " + ", ".join(owners))
    notes = [n for n in action.review_notes if n.text.strip()]
    if notes:
        when = long_date(notes[-1].at[:10])
        details.append(f"review {md_cell(when)}: {md_cell(notes[-1].text)}" if when else md_cell(notes[-1].text))
    text = md_cell(action.text)
    return f"{text} ({'; '.join(details)})" if details else text

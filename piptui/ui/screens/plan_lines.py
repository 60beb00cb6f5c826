"""What the action plan's lines and detail box say: objectives, actions, leads, review history.

Pure rendering (Textual ``Content`` from the plan's data), shared by the plan and review screens.
"""

from __future__ import annotations

import string

from textual.content import Content

from piptui.domain.model import Action, ActionStatus, Card, Cluster, Objective, Participant
from piptui.domain.plan import cards_of_objective, lead_warnings, plan_progress
from piptui.ui.screens.plan_base import person
from piptui.ui.screens.plan_dialogs import rag_badge, review_line
from piptui.ui.text import counted, literal, one_line

STATUS_STYLE = {
    ActionStatus.NOT_STARTED: "dim",
    ActionStatus.IN_PROGRESS: "bold $warning",
    ActionStatus.DONE: "bold $success",
    ActionStatus.DROPPED: "dim strike",
}


def letter(n: int) -> str:
    return string.ascii_lowercase[n] if n < 26 else str(n + 1)


def action_prompt(action: Action, n: int, indent: str = "   ") -> Content:
    """An action as one entry of the plan: letter, text, then owners · due · status and rating."""
    details = [", ".join(action.owners), ("due " + action.due) if action.due else ""]
    parts: list[Content | str | tuple[str, str]] = [
        (f"{indent}{letter(n)}. ", "bold"),
        literal(action.text, "strike" if action.status == ActionStatus.DROPPED else ""),
        "\n" + indent + "   ",
    ]
    info = " · ".join(d for d in details if d)
    if info:
        parts += [(info + " · ", "dim")]
    parts.append((action.status.value, STATUS_STYLE[action.status]))
    if action.rag is not None:
        parts += [" ", rag_badge(action.rag)]
    return Content.assemble(*parts)


def leads_text(o: Objective, people: dict[str, Participant]) -> str:
    council, vcs = people.get(o.council_lead or ""), people.get(o.vcs_lead or "")
    if council is None and vcs is None:
        return "Leads: not chosen yet (e)"
    return f"Leads: {person(council)} & {person(vcs)}"


def objective_prompt(o: Objective, n: int, people: dict[str, Participant]) -> Content:
    """An objective as one entry of the plan: number, title, its joint lead, timing, warnings."""
    timing = " · ".join(x for x in (o.timescale, f"review {o.review_date}" if o.review_date else "") if x)
    parts: list[Content | str | tuple[str, str]] = [
        (f"{n}. ", "bold $accent"),
        literal(o.title, "bold"),
        "\n   ",
        literal(leads_text(o, people), "$text-primary"),
    ]
    if timing:
        parts += [("\n   " + timing, "dim")]
    for warning in lead_warnings(people.get(o.council_lead or ""), people.get(o.vcs_lead or "")):
        parts += [literal("\n   ⚠ " + warning, "bold $warning")]
    return Content.assemble(*parts)


def objective_detail(o: Objective, actions: list[Action], clusters: dict[str, Cluster], cards: list[Card]) -> Content:
    """What an objective came from: its progress, clusters (with votes) and cards."""
    progress = plan_progress([o], actions)[o.id]
    came = [clusters[k] for k in o.clusters if k in clusters]
    parts: list[Content | str | tuple[str, str]] = [("Progress: ", "bold"), progress.summary(), "\n"]
    if came:
        parts += [
            ("From clusters: ", "bold"),
            literal(", ".join(f"{k.title} ({counted(k.votes, 'vote')})" for k in came)),
            "\n",
        ]
    else:
        parts += [("Not promoted from a cluster", "dim"), "\n"]
    for card in cards_of_objective(o, clusters.values(), cards):
        parts += [literal("· " + one_line(card.text, 200)), "\n"]
    return Content.assemble(*parts)


def action_detail(a: Action) -> Content:
    """An action's owners, due date and review history."""
    parts: list[Content | str | tuple[str, str]] = [
        ("Owners: ", "bold"),
        literal(", ".join(a.owners) or "—"),
        ("  Due: ", "bold"),
        literal(a.due or "—"),
        "\n",
    ]
    if not a.review_notes:
        parts.append(("Not reviewed yet", "dim"))
    for note in a.review_notes:
        parts += [review_line(note.at, note.status, note.rag, note.text), "\n"]
    return Content.assemble(*parts)

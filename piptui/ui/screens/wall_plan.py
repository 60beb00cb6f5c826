"""What the wall shows while the lead is on the clusters, plan or review screen: their read-only form.

Built from one snapshot. Confidential cards never reach it: a cluster counts only its public
cards, and a cluster made only of confidential cards is left out.
"""

from __future__ import annotations

from textual.content import Content

from piptui.domain.model import Action, ActionStatus, Participant, Rag
from piptui.domain.plan import latest_plan
from piptui.store.snapshot import Snapshot

RAG_STYLE = {Rag.RED: "bold white on #af0000", Rag.AMBER: "bold black on #ffaf00", Rag.GREEN: "bold black on #5fd75f"}
STATUS_STYLE = {
    ActionStatus.NOT_STARTED: "dim",
    ActionStatus.IN_PROGRESS: "bold #ffaf00",
    ActionStatus.DONE: "bold #5fd75f",
    ActionStatus.DROPPED: "dim strike",
}
VIEW_TITLES = {
    "clusters": "Clusters and votes",
    "votes": "Clusters and votes",
    "plan": "The action plan",
    "review": "Reviewing the action plan",
}
VIEW_PROMPTS = {
    "clusters": "The themes the group found, most votes first.",
    "votes": "The themes the group found, most votes first.",
    "plan": "Our objectives, their joint leads and the first actions.",
    "review": "Where each action stands: status, and red, amber or green.",
}
SHOWN_CARDS = 3  # card texts under each cluster


def person(people: dict[str, Participant], person_id: str | None) -> str:
    """A lead as a person with their organisation ("Sue Carter, Calderdale Council")."""
    found = people.get(person_id or "")
    return found.described if found is not None else "no lead yet"


def clusters_view(snapshot: Snapshot, session: int) -> Content:
    cards = {c.id: c for c in snapshot.cards}
    parts: list[Content | tuple[str, str] | str] = []
    clusters = [k for k in snapshot.clusters if k.session in (None, session)] or list(snapshot.clusters)
    shown = 0
    for cluster in sorted(clusters, key=lambda k: (-k.votes, k.created)):
        members = [cards[i] for i in cluster.card_ids if i in cards]
        public = [c for c in members if not c.confidential]
        if members and not public:
            continue  # made only of confidential cards: never on the wall
        shown += 1
        votes = f"  {'●' * min(cluster.votes, 12)} {cluster.votes} vote{'s' if cluster.votes != 1 else ''}"
        parts += [(cluster.title, "bold"), (votes, "bold #ffaf00"), (f"  · {len(public)} cards\n", "dim")]
        for card in public[:SHOWN_CARDS]:
            parts += ["    ", Content(" ".join(card.text.split())), "\n"]
        if len(public) > SHOWN_CARDS:
            parts.append((f"    … and {len(public) - SHOWN_CARDS} more\n", "dim"))
        parts.append("\n")
    if not shown:
        parts.append(("No clusters yet.", "dim italic"))
    return Content.assemble(*parts)


def plan_view(snapshot: Snapshot, *, review: bool = False) -> Content:
    people = {p.id: p for p in snapshot.participants}
    version = latest_plan(snapshot.objectives)
    objectives = [o for o in snapshot.objectives if o.plan == version]
    parts: list[Content | tuple[str, str] | str] = []
    for n, objective in enumerate(objectives, 1):
        parts += [(f"{n}. ", "bold"), (objective.title, "bold"), "\n"]
        leads = f"{person(people, objective.council_lead)}  and  {person(people, objective.vcs_lead)}"
        parts += [("   Joint lead: ", "dim"), Content(leads)]
        if objective.timescale:
            parts += [("  · ", "dim"), Content(objective.timescale)]
        if objective.review_date:
            parts += [("  · review ", "dim"), Content(objective.review_date)]
        parts.append("\n")
        actions = [a for a in snapshot.actions if a.objective == objective.id]
        for action in actions:
            parts += _action(action, review=review)
        if not actions:
            parts.append(("   no actions yet\n", "dim italic"))
        parts.append("\n")
    if not objectives:
        parts.append(("No objectives yet.", "dim italic"))
    return Content.assemble(*parts)


def _action(action: Action, *, review: bool) -> list[Content | tuple[str, str] | str]:
    out: list[Content | tuple[str, str] | str] = ["   • ", Content(" ".join(action.text.split()))]
    if action.owners:
        out += [("  — ", "dim"), Content(", ".join(action.owners))]
    if action.due:
        out += [("  · ", "dim"), Content(action.due)]
    if review:
        out += ["  ", (action.status.value, STATUS_STYLE[action.status])]
        if action.rag is not None:
            out += ["  ", (f" {action.rag.value.upper()} ", RAG_STYLE[action.rag])]
    out.append("\n")
    return out


def wall_view(snapshot: Snapshot, view: str, session: int) -> Content:
    if view in ("clusters", "votes"):
        return clusters_view(snapshot, session)
    return plan_view(snapshot, review=view == "review")

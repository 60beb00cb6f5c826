"""What the wall shows while the lead is on the clusters, plan or review screen: their read-only form.

Built from one snapshot. Confidential cards never reach it: a cluster counts only its public
cards, and a cluster made only of confidential cards is left out.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from piptui.domain.model import Action, ActionStatus, Participant, Rag
from piptui.domain.plan import latest_plan
from piptui.store.snapshot import Snapshot
from piptui.ui.text import counted

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
NARROWEST = 8  # cells of text a wrapped paragraph keeps beside its indent, or it does not hang

Part = Content | tuple[str, str] | str


class Paragraphs(Visual):
    """Paragraphs one under another, each wrapped with a hanging indent: the first ``hang``
    cells (a number, a bullet, a label) stand alone and the wrapped lines start under the text
    after them, so a long action reads as one block from the back of the room."""

    def __init__(self, paragraphs: list[tuple[int, Content]]) -> None:
        self.paragraphs = paragraphs

    @property
    def plain(self) -> str:
        return "\n".join(text.plain for _, text in self.paragraphs)

    def _hang(self, hang: int, text: Content, width: int) -> int:
        return hang if 0 < hang < len(text.plain) and width > hang + NARROWEST else 0

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((t.get_optimal_width(rules, container_width) for _, t in self.paragraphs), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        total = 0
        for hang, text in self.paragraphs:
            cut = self._hang(hang, text, width)
            total += text[cut:].get_height(rules, width - cut) if cut else text.get_height(rules, width)
        return total

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        strips: list[Strip] = []
        for hang, text in self.paragraphs:
            cut = self._hang(hang, text, width)
            if not cut:
                strips += text.render_strips(width, None, style, options)
                continue
            lines = text[cut:].render_strips(width - cut, None, style, options)
            head = text[:cut].render_strips(cut, 1, style, options)
            blank = Strip.blank(cut, style.rich_style)
            strips += [Strip.join([head[0] if y == 0 and head else blank, line]) for y, line in enumerate(lines)]
        if height is not None:
            strips = strips[:height] + [Strip.blank(width, style.rich_style)] * max(0, height - len(strips))
        return strips


def paragraph(*parts: Part) -> Content:
    return Content.assemble(*parts)


def person(people: dict[str, Participant], person_id: str | None) -> str:
    """A lead as a person with their organisation ("Sue Carter, Calderdale Council")."""
    found = people.get(person_id or "")
    return found.described if found is not None else "no lead yet"


def clusters_view(snapshot: Snapshot, session: int) -> Paragraphs:
    cards = {c.id: c for c in snapshot.cards}
    parts: list[tuple[int, Content]] = []
    clusters = [k for k in snapshot.clusters if k.session in (None, session)] or list(snapshot.clusters)
    shown = 0
    for cluster in sorted(clusters, key=lambda k: (-k.votes, k.created)):
        members = [cards[i] for i in cluster.card_ids if i in cards]
        public = [c for c in members if not c.confidential]
        if members and not public:
            continue  # made only of confidential cards: never on the wall
        shown += 1
        votes = f"  {'●' * min(cluster.votes, 12)} {cluster.votes} vote{'s' if cluster.votes != 1 else ''}"
        parts.append(
            (
                0,
                paragraph(
                    (cluster.title, "bold"), (votes, "bold #ffaf00"), (f"  · {counted(len(public), 'card')}", "dim")
                ),
            )
        )
        for card in public[:SHOWN_CARDS]:
            parts.append((4, paragraph("    ", Content(" ".join(card.text.split())))))
        if len(public) > SHOWN_CARDS:
            parts.append((0, paragraph((f"    … and {len(public) - SHOWN_CARDS} more", "dim"))))
        parts.append((0, Content("")))
    if not shown:
        parts.append((0, paragraph(("No clusters yet.", "dim italic"))))
    return Paragraphs(parts)


def plan_view(snapshot: Snapshot, *, review: bool = False) -> Paragraphs:
    people = {p.id: p for p in snapshot.participants}
    version = latest_plan(snapshot.objectives)
    objectives = [o for o in snapshot.objectives if o.plan == version]
    parts: list[tuple[int, Content]] = []
    for n, objective in enumerate(objectives, 1):
        number = f"{n}. "
        parts.append((len(number), paragraph((number, "bold"), (objective.title, "bold"))))
        leads = f"{person(people, objective.council_lead)}  and  {person(people, objective.vcs_lead)}"
        label = "   Joint lead: "
        lead: list[Part] = [(label, "dim"), Content(leads)]
        if objective.timescale:
            lead += [("  · ", "dim"), Content(objective.timescale)]
        if objective.review_date:
            lead += [("  · review ", "dim"), Content(objective.review_date)]
        parts.append((len(label), paragraph(*lead)))
        actions = [a for a in snapshot.actions if a.objective == objective.id]
        parts += [(len(BULLET), _action(action, review=review)) for action in actions]
        if not actions:
            parts.append((0, paragraph(("   no actions yet", "dim italic"))))
        parts.append((0, Content("")))
    if not objectives:
        parts.append((0, paragraph(("No objectives yet.", "dim italic"))))
    return Paragraphs(parts)


BULLET = "   • "


def _action(action: Action, *, review: bool) -> Content:
    out: list[Part] = [BULLET, Content(" ".join(action.text.split()))]
    if action.owners:
        out += [("  — ", "dim"), Content(", ".join(action.owners))]
    if action.due:
        out += [("  · ", "dim"), Content(action.due)]
    if review:
        out += ["  ", (action.status.value, STATUS_STYLE[action.status])]
        if action.rag is not None:
            out += ["  ", (f" {action.rag.value.upper()} ", RAG_STYLE[action.rag])]
    return paragraph(*out)


def wall_view(snapshot: Snapshot, view: str, session: int) -> Paragraphs:
    if view in ("clusters", "votes"):
        return clusters_view(snapshot, session)
    return plan_view(snapshot, review=view == "review")

"""From cards to plan: every compound change of clusters, votes, objectives and actions.

Each operation is ONE ``store.batch(label)``: one locked write and one undo step, so
``store.undo()`` takes back a whole grouping, merge, promotion or review at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from piptui.domain import plan as P
from piptui.domain.model import (
    Action,
    ActionStatus,
    Card,
    Cluster,
    Objective,
    Participant,
    Rag,
    Session,
    utc_now,
)
from piptui.domain.voting import Vote, check_budget, check_count, vote_id
from piptui.errors import InvalidInput
from piptui.store import codec
from piptui.store.batch import Batch, table_of
from piptui.store.session_store import SessionStore

BUDGET_FIELD = "vote_budget"  # kept on the session's document, next to its known fields


def clean_title(title: str, what: str = "A cluster") -> str:
    cleaned = " ".join(str(title).split())
    if not cleaned:
        raise InvalidInput(f"{what} needs a title; nothing was saved")
    return cleaned


def clean_owners(owners: Iterable[str] | str) -> tuple[str, ...]:
    items = owners.split(",") if isinstance(owners, str) else owners
    return tuple(dict.fromkeys(o for o in (" ".join(str(i).split()) for i in items) if o))


class PlanOps:
    """Clusters, votes and the action plan of one programme file, through its store."""

    def __init__(self, store: SessionStore, *, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    # -- reads ---------------------------------------------------------------
    def votes(self, session: int | None = None) -> list[Vote]:
        docs = self.store.raw().get(table_of(Vote), {})
        votes = [codec.decode(Vote, d, i) for i, d in docs.items()]
        return [v for v in votes if session is None or v.session == session]

    def budget(self, session: int) -> int | None:
        doc = self.store.raw().get(table_of(Session), {}).get(str(session), {})
        value = doc.get(BUDGET_FIELD)
        return value if isinstance(value, int) and value > 0 else None

    def review_date_for(self, session: int | None) -> str:
        when = None
        if session is not None:
            doc = self.store.raw().get(table_of(Session), {}).get(str(session), {})
            when = doc.get("date")
        return P.default_review_date(when, self.today())

    # -- clusters ------------------------------------------------------------
    def cluster_cards(
        self,
        card_ids: Sequence[str],
        *,
        title: str | None = None,
        cluster_id: str | None = None,
        session: int | None = None,
    ) -> Cluster:
        """Put cards into a new cluster called ``title``, or into the existing ``cluster_id``."""
        if not card_ids:
            raise InvalidInput("Mark some cards first (Space marks a card)")
        label = "group cards" if cluster_id is None else "add cards to cluster"
        with self.store.batch(label) as b:
            if cluster_id is None:
                cluster = Cluster(title=clean_title(title or ""), session=session)
                b.put(cluster)
            else:
                cluster = b.get(Cluster, cluster_id)
            self._set_cluster(b, card_ids, cluster.id)
        return cluster

    def take_out(self, card_ids: Sequence[str]) -> None:
        """Take cards out of their clusters (the clusters stay unless left empty and unused)."""
        with self.store.batch("take cards out of cluster") as b:
            self._set_cluster(b, card_ids, None)

    def rename(self, cluster_id: str, title: str) -> Cluster:
        with self.store.batch("rename cluster") as b:
            cluster = replace(b.get(Cluster, cluster_id), title=clean_title(title))
            b.put(cluster)
        return cluster

    def merge(self, cluster_ids: Sequence[str], into: str) -> Cluster:
        """Fold clusters into ``into``: their cards, votes and objective link go with them."""
        sources = [i for i in dict.fromkeys(cluster_ids) if i != into]
        if not sources:
            raise InvalidInput("Pick another cluster to merge with")
        with self.store.batch("merge clusters") as b:
            target = b.get(Cluster, into)
            olds = [b.get(Cluster, i) for i in sources]
            linked = {c.objective for c in (target, *olds) if c.objective}
            if len(linked) > 1:
                raise InvalidInput("These clusters went into different objectives; they cannot be merged")
            objective = next(iter(linked), None)
            target = replace(target, votes=target.votes + sum(c.votes for c in olds), objective=objective)
            b.put(target)
            for card in b.all(Card):
                if card.cluster in sources:
                    b.put(replace(card, cluster=into))
            for vote in b.all(Vote):
                if vote.cluster in sources:
                    b.delete(Vote, vote.id)
                    kept = b.find(Vote, vote_id(vote.voter, into))
                    count = vote.count + (kept.count if kept else 0)
                    b.put(Vote(voter=vote.voter, cluster=into, count=count, session=vote.session))
            for old in olds:
                b.delete(Cluster, old.id)
            if objective is not None:
                self._relink(b, objective, drop=sources, add=into)
        return target

    def split(self, cluster_id: str, card_ids: Sequence[str], title: str) -> Cluster:
        """Move some of a cluster's cards into a new cluster (votes stay with the old one)."""
        with self.store.batch("split cluster") as b:
            old = b.get(Cluster, cluster_id)
            members = {c.id for c in b.all(Card) if c.cluster == cluster_id}
            chosen = [i for i in card_ids if i in members]
            if not chosen:
                raise InvalidInput(f"Mark some of the cards of '{old.title}' to split them off")
            if len(set(chosen)) == len(members):
                raise InvalidInput("Splitting off every card would leave the cluster empty: rename it instead")
            new = Cluster(title=clean_title(title), session=old.session)
            b.put(new)
            for card_id in chosen:
                b.put(replace(b.get(Card, card_id), cluster=new.id))
        return new

    def ungroup(self, cluster_id: str) -> int:
        """Dissolve a cluster: its cards go back to unclustered; returns how many."""
        with self.store.batch("ungroup cluster") as b:
            cluster = b.get(Cluster, cluster_id)
            count = 0
            for card in b.all(Card):
                if card.cluster == cluster_id:
                    b.put(replace(card, cluster=None))
                    count += 1
            self._drop_cluster(b, cluster)
        return count

    def _set_cluster(self, b: Batch, card_ids: Sequence[str], cluster_id: str | None) -> None:
        left: set[str] = set()
        for card_id in dict.fromkeys(card_ids):
            card = b.get(Card, card_id)
            if card.cluster != cluster_id:
                if card.cluster:
                    left.add(card.cluster)
                b.put(replace(card, cluster=cluster_id))
        still = {c.cluster for c in b.all(Card) if c.cluster}
        for old_id in sorted(left - still):
            old = b.find(Cluster, old_id)
            if old is not None and not old.objective and not old.votes:
                self._drop_cluster(b, old)

    def _drop_cluster(self, b: Batch, cluster: Cluster) -> None:
        for vote in b.all(Vote):
            if vote.cluster == cluster.id:
                b.delete(Vote, vote.id)
        for objective in b.all(Objective):
            if cluster.id in objective.clusters:
                b.put(replace(objective, clusters=tuple(i for i in objective.clusters if i != cluster.id)))
        b.delete(Cluster, cluster.id)

    def _relink(self, b: Batch, objective_id: str, *, drop: Sequence[str], add: str) -> None:
        objective = b.find(Objective, objective_id)
        if objective is None:
            return
        ids = [i for i in objective.clusters if i not in drop]
        if add not in ids:
            ids.append(add)
        b.put(replace(objective, clusters=tuple(ids)))

    # -- votes ---------------------------------------------------------------
    def set_votes(self, cluster_id: str, votes: int) -> Cluster:
        """The room's tally for a cluster (stickers or hands)."""
        check_count(votes)
        with self.store.batch("set votes") as b:
            cluster = replace(b.get(Cluster, cluster_id), votes=votes)
            b.put(cluster)
        return cluster

    def add_votes(self, cluster_id: str, delta: int) -> Cluster:
        with self.store.batch("add votes" if delta >= 0 else "remove votes") as b:
            cluster = b.get(Cluster, cluster_id)
            cluster = replace(cluster, votes=check_count(max(0, cluster.votes + delta)))
            b.put(cluster)
        return cluster

    def record_votes(self, voter: str, allocation: Mapping[str, int], *, session: int | None) -> None:
        """One person's votes (cluster id -> count), replacing what was recorded for them before.

        Only the clusters named in ``allocation`` change; each cluster's tally moves by the difference.
        """
        budget = self.budget(session) if session is not None else None
        with self.store.batch("record votes") as b:
            b.get(Participant, voter)
            mine = {v.cluster: v for v in b.all(Vote) if v.voter == voter and (session is None or v.session == session)}
            after = {**{k: v.count for k, v in mine.items()}, **dict(allocation)}
            check_budget(after, budget)
            for cluster_id, count in allocation.items():
                cluster = b.get(Cluster, cluster_id)
                old = mine[cluster_id].count if cluster_id in mine else 0
                if count == old:
                    continue
                b.put(replace(cluster, votes=max(0, cluster.votes + count - old)))
                if count:
                    b.put(Vote(voter=voter, cluster=cluster_id, count=count, session=session))
                else:
                    b.delete(Vote, vote_id(voter, cluster_id))

    def set_budget(self, session: int, budget: int | None) -> None:
        with self.store.batch("set vote budget") as b:
            b.get(Session, str(session))
            doc = dict(b.doc(table_of(Session), str(session)) or {})
            if budget is None:
                doc.pop(BUDGET_FIELD, None)
            else:
                doc[BUDGET_FIELD] = check_count(budget, "A budget")
            b.put_doc(table_of(Session), str(session), doc)

    # -- objectives ----------------------------------------------------------
    def promote(self, cluster_ids: Sequence[str], *, title: str = "", session: int | None = None) -> Objective:
        """One cluster, or several, becomes a draft objective of the latest plan."""
        review_date = self.review_date_for(session)
        with self.store.batch("promote to objective") as b:
            clusters = [b.get(Cluster, i) for i in dict.fromkeys(cluster_ids)]
            objectives = b.all(Objective)
            plan = P.latest_plan(objectives)
            siblings = [o for o in objectives if o.plan == plan]
            objective, linked = P.promote(
                clusters,
                title=title,
                session=session,
                review_date=review_date,
                position=P.next_position(siblings),
                plan=plan,
            )
            b.put(objective)
            for cluster in linked:
                b.put(cluster)
        return objective

    def add_objective(self, title: str, *, session: int | None = None) -> Objective:
        """An objective not promoted from a cluster (the group may add one in the room)."""
        review_date = self.review_date_for(session)
        with self.store.batch("add objective") as b:
            objectives = b.all(Objective)
            plan = P.latest_plan(objectives)
            objective = Objective(
                title=clean_title(title, "An objective"),
                session=session,
                plan=plan,
                review_date=review_date,
                position=P.next_position(o for o in objectives if o.plan == plan),
            )
            b.put(objective)
        return objective

    def edit_objective(self, objective_id: str, **changes: Any) -> Objective:
        """Change title, council_lead, vcs_lead, timescale or review_date."""
        allowed = {"title", "council_lead", "vcs_lead", "timescale", "review_date"}
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"edit_objective() cannot change {sorted(unknown)}")
        if "title" in changes:
            changes["title"] = clean_title(changes["title"], "An objective")
        if "timescale" in changes:
            changes["timescale"] = " ".join(str(changes["timescale"]).split())
        if changes.get("review_date"):
            changes["review_date"] = P.parse_date(changes["review_date"], "review date").isoformat()
        elif "review_date" in changes:
            changes["review_date"] = None
        with self.store.batch("edit objective") as b:
            for key in ("council_lead", "vcs_lead"):
                if changes.get(key):
                    b.get(Participant, changes[key])
            objective = replace(b.get(Objective, objective_id), **changes)
            b.put(objective)
        return objective

    def delete_objective(self, objective_id: str) -> None:
        """Remove an objective and its actions; its clusters are no longer promoted."""
        with self.store.batch("delete objective") as b:
            b.get(Objective, objective_id)
            for action in b.all(Action):
                if action.objective == objective_id:
                    b.delete(Action, action.id)
            for cluster in b.all(Cluster):
                if cluster.objective == objective_id:
                    b.put(replace(cluster, objective=None))
            b.delete(Objective, objective_id)

    def reorder_objective(self, objective_id: str, offset: int) -> None:
        with self.store.batch("reorder objectives") as b:
            plan = b.get(Objective, objective_id).plan
            for objective in P.reorder([o for o in b.all(Objective) if o.plan == plan], objective_id, offset):
                b.put(objective)

    # -- actions -------------------------------------------------------------
    def add_action(
        self,
        objective_id: str,
        text: str,
        *,
        owners: Iterable[str] | str = (),
        due: str = "",
        status: ActionStatus = ActionStatus.NOT_STARTED,
    ) -> Action:
        with self.store.batch("add action") as b:
            b.get(Objective, objective_id)
            siblings = [a for a in b.all(Action) if a.objective == objective_id]
            action = Action(
                text=clean_title(text, "An action"),
                objective=objective_id,
                owners=clean_owners(owners),
                due=" ".join(due.split()),
                status=ActionStatus(status),
                position=P.next_position(siblings),
            )
            b.put(action)
        return action

    def edit_action(self, action_id: str, **changes: Any) -> Action:
        """Change text, owners, due or status."""
        allowed = {"text", "owners", "due", "status"}
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"edit_action() cannot change {sorted(unknown)}")
        if "text" in changes:
            changes["text"] = clean_title(changes["text"], "An action")
        if "owners" in changes:
            changes["owners"] = clean_owners(changes["owners"])
        if "due" in changes:
            changes["due"] = " ".join(str(changes["due"]).split())
        if "status" in changes:
            changes["status"] = ActionStatus(changes["status"])
        with self.store.batch("edit action") as b:
            action = replace(b.get(Action, action_id), **changes)
            b.put(action)
        return action

    def delete_action(self, action_id: str) -> None:
        with self.store.batch("delete action") as b:
            action = b.get(Action, action_id)
            b.delete(Action, action_id)
            rest = P.in_order(a for a in b.all(Action) if a.objective == action.objective)
            for moved in P.renumber(rest):
                b.put(moved)

    def move_action(self, action_id: str, objective_id: str) -> Action:
        """Move an action to the end of another objective; the moved action comes back."""
        with self.store.batch("move action") as b:
            b.get(Objective, objective_id)
            for action in P.move_action(b.all(Action), action_id, objective_id):
                b.put(action)
            moved = b.get(Action, action_id)
        return moved

    def reorder_action(self, action_id: str, offset: int) -> None:
        with self.store.batch("reorder actions") as b:
            objective = b.get(Action, action_id).objective
            for action in P.reorder([a for a in b.all(Action) if a.objective == objective], action_id, offset):
                b.put(action)

    # -- the review ----------------------------------------------------------
    def review_action(self, action_id: str, *, status: ActionStatus, rag: Rag | None, note: str = "") -> Action:
        """Set an action's status and rating at the review, with a note kept in its history."""
        with self.store.batch("review action") as b:
            before = b.get(Action, action_id)
            action = P.review_action(before, status=ActionStatus(status), rag=rag, note=note, by=self.store.author)
            if action != before:
                b.put(action)
        return action

    def refresh_plan(self, *, session: int | None) -> list[Objective]:
        """Carry the latest plan's unfinished actions into a new plan version (one undo step)."""
        review_date = self.review_date_for(session)
        with self.store.batch("refresh plan") as b:
            objectives = b.all(Objective)
            if not objectives:
                raise InvalidInput("There is no plan to refresh yet: promote clusters to objectives first")
            new_objectives, new_actions = P.refresh_plan(
                objectives,
                b.all(Action),
                session=session,
                review_date=review_date,
                created=utc_now(),
            )
            if not new_objectives:
                raise InvalidInput("Nothing to carry over: every action of the plan is done or dropped")
            for obj in (*new_objectives, *new_actions):
                b.put(obj)
        return new_objectives

"""The clusters screen's operations on clusters: rename, merge, split, ungroup, vote, promote.

A base class of :class:`piptui.ui.screens.clusters.ClustersScreen`, so that module stays
about layout, marks and grouping. Each operation is one store batch (one undo step).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.widgets import OptionList

from piptui.domain.model import Card, Cluster, Objective
from piptui.domain.plan import default_objective_title
from piptui.domain.voting import sorted_by_votes
from piptui.ui.screens.cluster_dialogs import TextDialog
from piptui.ui.screens.dialogs import ConfirmDialog, PickDialog
from piptui.ui.screens.plan_base import PlanBaseScreen, highlighted_id
from piptui.ui.text import counted, one_line


@dataclass(frozen=True, slots=True)
class Shown:
    """What the cards list shows now."""

    cards: list[Card]
    clusters: dict[str, Cluster]
    objectives: dict[str, Objective]


class ClusterActions(PlanBaseScreen):
    """What the keys of the clusters screen act on, and the operations on clusters."""

    shown: Shown
    marked_cards: set[str]
    marked_clusters: set[str]

    # -- what the keys act on ------------------------------------------------
    @property
    def cards_list(self) -> OptionList:
        return self.query_one("#cluster-cards", OptionList)

    @property
    def clusters_list(self) -> OptionList:
        return self.query_one("#cluster-list", OptionList)

    def highlighted_cluster(self) -> Cluster | None:
        """The cluster under the cursor: in the clusters list, or the highlighted card's."""
        if self.cards_list.has_focus:
            card_id = highlighted_id(self.cards_list)
            card = next((c for c in self.shown.cards if c.id == card_id), None)
            cluster = self.shown.clusters.get(card.cluster or "") if card else None
        else:
            cluster = self.shown.clusters.get(highlighted_id(self.clusters_list) or "")
        if cluster is None:
            self.notify("Highlight a cluster first (Tab moves to the clusters)", severity="warning")
        return cluster

    def chosen_cards(self) -> list[str]:
        """The marked cards in list order, else the highlighted card."""
        if self.marked_cards:
            order = [o.id for o in self.cards_list.options if o.id in self.marked_cards]
            return order + sorted(self.marked_cards - set(order))
        card_id = highlighted_id(self.cards_list) if self.cards_list.has_focus else None
        return [card_id] if card_id else []

    @work(exclusive=True, group="dialog")
    async def action_rename(self) -> None:
        cluster = self.highlighted_cluster()
        if cluster is None:
            return

        await self.save_with(
            TextDialog("Rename the cluster", value=cluster.title), lambda title: self.ops.rename(cluster.id, title)
        )

    @work(exclusive=True, group="dialog")
    async def action_merge(self) -> None:
        target = self.highlighted_cluster()
        if target is None:
            return
        sources = [k for k in self.marked_clusters if k != target.id]
        if sources:
            self._merge(sources, target)
            return
        others = [
            (one_line(k.title, 60), k.id) for k in sorted_by_votes(self.shown.clusters.values()) if k.id != target.id
        ]
        if not others:
            self.notify("There is no other cluster to merge with", severity="warning")
            return

        into = await self.app.push_screen_wait(PickDialog(f"Merge {one_line(target.title, 40)} into…", others))
        if into is not None:
            self._merge([target.id], self.shown.clusters[into])

    def _merge(self, sources: list[str], target: Cluster) -> None:
        merged = self.attempt(lambda: self.ops.merge(sources, into=target.id))
        if merged is not None:
            self.marked_clusters.clear()
            self.notify(f"Merged into {one_line(merged.title, 60)} (Ctrl+Z undoes)", markup=False)
            self.redraw()

    @work(exclusive=True, group="dialog")
    async def action_split(self) -> None:
        cluster = self.highlighted_cluster()
        if cluster is None:
            return
        chosen = [c for c in self.chosen_cards() if c in cluster.card_ids]
        if not chosen:
            self.notify("Mark the cards to split off first (Enter on the cluster shows its cards)", severity="warning")
            return

        made = await self.save_with(
            TextDialog(
                f"Split {counted(len(chosen), 'card')} off {one_line(cluster.title, 40)}", "Title of the new cluster"
            ),
            lambda title: self.ops.split(cluster.id, chosen, title),
        )
        if made is not None:
            self.marked_cards -= set(chosen)
            self.redraw()

    @work(exclusive=True, group="dialog")
    async def action_ungroup(self) -> None:
        cluster = self.highlighted_cluster()
        if cluster is None:
            return

        detail = f"{counted(len(cluster.card_ids), 'card')} go back to ungrouped; its votes go."
        yes = await self.app.push_screen_wait(
            ConfirmDialog(f"Ungroup {one_line(cluster.title, 50)}?", detail, yes="Ungroup")
        )
        if yes:
            self.attempt(lambda: self.ops.ungroup(cluster.id), "Ungrouped (Ctrl+Z undoes)")

    def action_vote(self, delta: int) -> None:
        cluster = self.highlighted_cluster()
        if cluster is not None:
            self.attempt(lambda: self.ops.add_votes(cluster.id, delta))

    @work(exclusive=True, group="dialog")
    async def action_promote(self) -> None:
        ids = [k.id for k in sorted_by_votes(self.shown.clusters.values()) if k.id in self.marked_clusters]
        if not ids:
            cluster = self.highlighted_cluster()
            ids = [cluster.id] if cluster else []
        if not ids:
            return
        clusters = [self.shown.clusters[i] for i in ids]

        objective = await self.save_with(
            TextDialog(
                "Promote to a draft objective",
                "The objective, in the group's words",
                default_objective_title(clusters),
                ok="Promote (enter)",
            ),
            lambda title: self.ops.promote(ids, title=title, session=self.number),
        )
        if objective is not None:
            self.marked_clusters.clear()
            self.notify(f"Objective: {one_line(objective.title, 60)} (Ctrl+N opens the plan)", markup=False)
            self.redraw()

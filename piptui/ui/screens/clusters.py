"""Clusters: mark cards across columns and steps, group them into themes, vote, promote.

Left, the cards (of this session, or of every session with ``a``), under their step and
column; right, the clusters, most votes first. Space marks the highlighted card (or
cluster); ``g`` groups the marked cards into a new or existing cluster. Every change is
one undo step (Ctrl+Z). A card shows its cluster and, once promoted, the objective.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from piptui.domain.model import Card, Cluster
from piptui.domain.plan import objectives_of_plan, plan_versions
from piptui.domain.voting import sorted_by_votes
from piptui.ui.keymap import keyed
from piptui.ui.screens.cluster_actions import ClusterActions, Shown
from piptui.ui.screens.cluster_dialogs import GroupDialog
from piptui.ui.screens.plan_base import COMMON_BINDINGS, highlighted_id, show_options
from piptui.ui.text import SECTOR_SHORT, counted, literal, one_line
from piptui.ui.widgets.board import SECTOR_STYLE
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.title_bar import TitleBar

CLUSTERS_BINDINGS: list[BindingType] = [
    Binding("space", "mark", "Mark", tooltip="Mark or unmark the highlighted card (or cluster)"),
    Binding("g", "group", "Group", tooltip="Group the marked cards into a new or an existing cluster"),
    Binding(
        "s", "suggest", "Suggest", tooltip="Suggested clusters (similar wording, shared tags) to accept", show=False
    ),
    Binding("v", "votes", "Votes", tooltip="Dot-voting: room tallies, or each person's votes with a budget"),
    Binding("p", "promote", "Promote", tooltip="Promote the marked (or highlighted) clusters to an objective"),
    Binding("ctrl+n", "plan", "Plan", tooltip="The action plan", show=False),
    Binding("r", "rename", "Rename", tooltip="Rename the highlighted cluster", show=False),
    Binding("m", "merge", "Merge", tooltip="Merge the marked clusters into the highlighted one", show=False),
    Binding("x", "split", "Split", tooltip="Split the marked cards off the highlighted cluster", show=False),
    Binding("u", "ungroup", "Ungroup", tooltip="Ungroup the highlighted cluster (its cards stay)", show=False),
    Binding(
        "o",
        "take_out",
        "Take out",
        tooltip="Take the marked (or highlighted) cards out of their cluster",
        show=False,
    ),
    Binding("plus,equals_sign", "vote(1)", "+1 vote", tooltip="One more vote on the highlighted cluster", show=False),
    Binding("minus", "vote(-1)", "-1 vote", tooltip="One vote fewer on the highlighted cluster", show=False),
    Binding("a", "toggle_scope", "All sessions", tooltip="Show the cards of every session, or of this one", show=False),
    Binding("h", "toggle_hide", "Hide grouped", tooltip="Hide or show cards already in a cluster", show=False),
    Binding("c", "clear_marks", "Clear marks", tooltip="Unmark every card and cluster", show=False),
    *COMMON_BINDINGS,
]
CLUSTERS_BINDINGS = keyed("clusters", CLUSTERS_BINDINGS)  # ids for the keymap: clusters.<action>
HELP = (
    "Space marks cards (across columns, steps and sessions); g groups them into a cluster. "
    "Tab moves between the cards and the clusters. Enter on a cluster shows only its cards (Esc shows all)."
)
MARKED, UNMARKED = "■ ", "□ "


class ClustersScreen(ClusterActions):
    """Group cards into clusters, vote on them, promote them to objectives."""

    BINDINGS = CLUSTERS_BINDINGS
    HELP_INTRO = HELP

    def setup(self) -> None:
        self.marked_cards: set[str] = set()
        self.marked_clusters: set[str] = set()
        self.all_sessions: bool | None = None  # None: decided on the first look
        self.hide_grouped = False
        self.only_cluster: str | None = None
        self.rejected: set[frozenset[str]] = set()  # suggestions turned down, not offered again
        self.shown = Shown([], {}, {})
        self.numbers: dict[str, int] = {}  # an objective's number in its plan
        self._card_options: dict[str, tuple[object, Option]] = {}
        self._fresh_options: dict[str, tuple[object, Option]] = {}

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="clusters-body"):
            yield OptionList(id="cluster-cards", markup=False)
            yield OptionList(id="cluster-list", markup=False)
        yield Static(id="clusters-hint")
        yield KeyBar()

    def screen_subtitle(self) -> str:
        return f"Session {self.number} · clusters"

    def help_sections(self) -> list[tuple[str, list[BindingType]]]:
        return [("Clusters", CLUSTERS_BINDINGS)]

    # -- drawing -------------------------------------------------------------
    def refresh_view(self) -> None:
        if not self.ready:
            return
        everything = list(self.snapshot.cards)
        if self.all_sessions is None:
            self.all_sessions = not any(c.session == self.number for c in everything)
        clusters = {k.id: k for k in list(self.snapshot.clusters)}
        objectives = {o.id: o for o in list(self.snapshot.objectives)}
        cards = everything if self.all_sessions else [c for c in everything if c.session == self.number]
        if self.only_cluster is not None:
            cards = [c for c in everything if c.cluster == self.only_cluster]
        elif self.hide_grouped:
            cards = [c for c in cards if not c.cluster or c.id in self.marked_cards]
        self.shown = Shown(cards, clusters, objectives)
        self.numbers = {
            o.id: n
            for plan in plan_versions(objectives.values())
            for n, o in enumerate(objectives_of_plan(objectives.values(), plan), 1)
        }
        self.marked_cards &= {c.id for c in everything}
        self.marked_clusters &= set(clusters)
        self._draw_cards()
        self._draw_clusters()
        self._draw_hint()

    def _draw_cards(self) -> None:
        widget = self.query_one("#cluster-cards", OptionList)
        self._fresh_options = {}
        options: list[Option] = []
        step: tuple[int | None, str | None] | None = None
        column: str | None = None
        for card in self._ordered(self.shown.cards):
            if (card.session, card.step) != step:
                step, column = (card.session, card.step), None
                title = f"Session {card.session} · {self.step_title(card.step)}"
                options.append(Option(literal(title, "bold reverse"), id=f"h:{len(options)}", disabled=True))
            if card.column and card.column != column:
                column = card.column
                options.append(
                    Option(
                        literal(self.column_title(card.step, card.column), "bold"),
                        id=f"h:{len(options)}",
                        disabled=True,
                    )
                )
            options.append(self._card_option(card))
        if not options:
            empty = "No cards here: a shows every session" if not self.all_sessions else "No cards yet"
            options.append(Option(literal(empty, "dim italic"), id="h:empty", disabled=True))
        self._card_options = self._fresh_options
        show_options(widget, options)
        scope = "every session" if self.all_sessions else f"session {self.number}"
        if self.only_cluster in self.shown.clusters:
            scope = "cluster " + one_line(self.shown.clusters[self.only_cluster].title, 30) + " (Esc: all)"
        widget.border_title = literal(f"Cards {sum(1 for o in options if not o.disabled)} · {scope}")

    def _ordered(self, cards: list[Card]) -> list[Card]:
        steps: dict[tuple[int | None, str | None], int] = {}
        for c in cards:
            steps.setdefault((c.session, c.step), len(steps))
        columns: dict[str | None, int] = {}  # the step's column order, else the order first used
        if self.library is not None:
            for ref in sorted({c.step for c in cards if c.step}):
                found = self.library.step(ref)
                for n, col in enumerate(found[1].columns if found else ()):
                    columns.setdefault(col.id, n)
        for c in cards:
            columns.setdefault(c.column, 1000 + len(columns))
        return sorted(
            cards,
            key=lambda c: (
                c.session or 0,
                steps[(c.session, c.step)],
                columns[c.column] if c.column else -1,
                c.created,
                c.id,
            ),
        )

    def _card_option(self, card: Card) -> Option:
        """The card's option, the same object while nothing it shows changed (so it is not measured again)."""
        cluster = self.shown.clusters.get(card.cluster or "")
        objective = self.shown.objectives.get(cluster.objective or "") if cluster else None
        key = (
            card,
            card.id in self.marked_cards,
            cluster.title if cluster else None,
            (objective.title, self.numbers.get(objective.id)) if objective else None,
        )
        cached = self._card_options.get(card.id)
        if cached is None or cached[0] != key:
            cached = (key, Option(self._card_prompt(card), id=card.id))
        self._fresh_options[card.id] = cached
        return cached[1]

    def _card_prompt(self, card: Card) -> Content:
        marked = card.id in self.marked_cards
        parts: list[Content | tuple[str, str]] = [
            (MARKED, "bold $warning") if marked else (UNMARKED, "dim"),
        ]
        if card.confidential:
            parts.append(("! ", "bold red"))
        parts.append(literal(card.text, "bold" if marked else ""))
        if card.sector is not None:
            parts.append(("  " + SECTOR_SHORT[card.sector], SECTOR_STYLE[card.sector]))
        cluster = self.shown.clusters.get(card.cluster or "")
        if cluster is not None:
            parts.append(literal("  ▸ " + one_line(cluster.title, 30), "italic $text-accent"))
            tag = self._objective_tag(cluster.objective, 28)
            if tag is not None:
                parts += [literal("  "), tag]
        return Content.assemble(*parts)

    def _draw_clusters(self) -> None:
        widget = self.query_one("#cluster-list", OptionList)
        options = [Option(self._cluster_prompt(k), id=k.id) for k in sorted_by_votes(self.shown.clusters.values())]
        if not options:
            options.append(
                Option(literal("No clusters yet: mark cards, then g", "dim italic"), id="h:none", disabled=True)
            )
        show_options(widget, options)
        votes = sum(k.votes for k in self.shown.clusters.values())
        widget.border_title = literal(f"Clusters {len(self.shown.clusters)} · {counted(votes, 'vote')}")

    def _cluster_prompt(self, k: Cluster) -> Content:
        marked = k.id in self.marked_clusters
        parts: list[Content | tuple[str, str]] = [
            (MARKED, "bold $warning") if marked else (UNMARKED, "dim"),
            (f"{k.votes:>3} ", "bold"),
            literal(k.title, "bold" if marked else ""),
            (f"\n    {counted(len(k.card_ids), 'card')}", "dim"),
        ]
        room = self.clusters_list.scrollable_content_region.width - len(counted(len(k.card_ids), "card")) - 5
        tag = self._objective_tag(k.objective, max(10, room))
        if tag is not None:
            parts += [literal(" "), tag]
        return Content.assemble(*parts)

    def _objective_tag(self, objective_id: str | None, limit: int) -> Content | None:
        """Where a cluster (or card) went: "→ 2. The objective's title…" (its number in its plan)."""
        objective = self.shown.objectives.get(objective_id or "")
        if objective is None:
            return None
        return literal(one_line(f"→ {self.numbers.get(objective.id, 0)}. {objective.title}", limit), "$text-success")

    def _draw_hint(self) -> None:
        marks = f"{counted(len(self.marked_cards), 'card')}, {counted(len(self.marked_clusters), 'cluster')} marked"
        self.query_one("#clusters-hint", Static).update(
            literal(f"{marks} · s suggests · Tab: clusters · ^n plan · F1 keys")
        )

    # -- actions -------------------------------------------------------------
    def action_mark(self) -> None:
        widget = self.focused if isinstance(self.focused, OptionList) else self.cards_list
        item = highlighted_id(widget)
        if item is None:
            return
        if widget is self.clusters_list:
            self.marked_clusters.symmetric_difference_update({item})
            widget.replace_option_prompt(item, self._cluster_prompt(self.shown.clusters[item]))
        else:
            self.marked_cards.symmetric_difference_update({item})
            card = next(c for c in self.shown.cards if c.id == item)
            widget.replace_option_prompt(item, self._card_option(card).prompt)
        self._draw_hint()
        last = max((n for n, o in enumerate(widget.options) if not o.disabled), default=0)
        if (widget.highlighted or 0) < last:  # on to the next one (OptionList would wrap to the top)
            widget.action_cursor_down()

    def action_clear_marks(self) -> None:
        self.marked_cards.clear()
        self.marked_clusters.clear()
        self.redraw()

    @work(exclusive=True, group="dialog")
    async def action_group(self) -> None:
        card_ids = self.chosen_cards()
        if not card_ids:
            self.notify("Mark some cards first (Space marks the highlighted card)", severity="warning")
            return
        clusters = sorted_by_votes(self.shown.clusters.values())

        cluster = await self.save_with(
            GroupDialog(len(card_ids), clusters), lambda choice: self.cluster_cards(card_ids, choice)
        )
        if cluster is not None:
            self.marked_cards -= set(card_ids)
            self.notify(
                f"{counted(len(card_ids), 'card')} grouped into {one_line(cluster.title, 60)} (Ctrl+Z undoes)",
                markup=False,
            )
            self.redraw()

    def action_take_out(self) -> None:
        card_ids = self.chosen_cards()
        if card_ids:
            self.attempt(lambda: self.ops.take_out(card_ids), "Taken out of their clusters (Ctrl+Z undoes)")
            self.marked_cards -= set(card_ids)
            self.redraw()

    def action_toggle_scope(self) -> None:
        self.all_sessions = not self.all_sessions
        self.only_cluster = None
        self.redraw()

    def action_toggle_hide(self) -> None:
        self.hide_grouped = not self.hide_grouped
        self.redraw()

    def action_back(self) -> None:
        if self.only_cluster is not None:
            self.only_cluster = None
            self.redraw()
            return
        super().action_back()

    @on(OptionList.OptionSelected, "#cluster-list")
    def _show_cluster(self, event: OptionList.OptionSelected) -> None:
        self.only_cluster = event.option.id
        self.redraw()
        self.cards_list.focus()

    @on(OptionList.OptionSelected, "#cluster-cards")
    def _card_enter(self) -> None:
        self.action_mark()

    # -- other screens -------------------------------------------------------
    def action_suggest(self) -> None:
        from piptui.ui.screens.cluster_suggestions import SuggestionsScreen

        cards = list(self.snapshot.cards) if self.all_sessions else self.snapshot.cards_of(session=self.number)
        self.open_screen(SuggestionsScreen(self.live, self.library, self.number, cards=cards, rejected=self.rejected))

    def action_votes(self) -> None:
        from piptui.ui.screens.votes import VotesScreen

        self.open_screen(VotesScreen(self.live, self.library, self.number))

    def action_plan(self) -> None:
        from piptui.ui.screens.plan import PlanScreen

        self.open_screen(PlanScreen(self.live, self.library, self.number))

"""Suggested clusters: offered, never applied on their own. Accept, edit or reject each one.

The suggestions come from :func:`piptui.domain.clustering.suggest_clusters` (similar
wording and shared tags of the cards not yet in a cluster), worked out in a thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from piptui.domain.clustering import Suggestion, suggest_clusters
from piptui.domain.model import Card, Cluster
from piptui.domain.voting import sorted_by_votes
from piptui.ui.keymap import keyed
from piptui.ui.live import LiveProgramme
from piptui.ui.screens.cluster_dialogs import GroupChoice, GroupDialog, SuggestionEdit, SuggestionEditDialog
from piptui.ui.screens.plan_base import COMMON_BINDINGS, PlanBaseScreen, StepLookup, highlighted_id, show_options
from piptui.ui.text import counted, literal, one_line
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.title_bar import TitleBar

SUGGESTION_BINDINGS: list[BindingType] = [
    Binding("a,enter", "accept", "Accept", tooltip="Make the highlighted suggestion a cluster (title first)"),
    Binding("e", "edit", "Edit", tooltip="Change its title and drop cards that do not belong, then accept"),
    Binding("d,delete", "reject", "Reject", tooltip="Turn the highlighted suggestion down"),
    Binding("R", "recompute", "Again", tooltip="Work the suggestions out again (rejected ones stay out)"),
    *COMMON_BINDINGS,
]
SUGGESTION_BINDINGS = keyed("suggestions", SUGGESTION_BINDINGS)  # ids for the keymap: suggestions.<action>


class SuggestionsScreen(PlanBaseScreen):
    """Clusters the cards' wording and tags suggest; the facilitator decides each."""

    BINDINGS = SUGGESTION_BINDINGS
    HELP_INTRO = "Suggestions are only offered: nothing changes until you accept one."

    def __init__(
        self,
        source: LiveProgramme,
        library: StepLookup | None = None,
        session: int | None = None,
        *,
        cards: Sequence[Card] | None = None,
        rejected: set[frozenset[str]] | None = None,
    ) -> None:
        self.pool_ids = None if cards is None else {c.id for c in cards}
        self.rejected = rejected if rejected is not None else set()
        super().__init__(source, library, session)

    def setup(self) -> None:
        self.suggestions: list[Suggestion] | None = None
        self.cards: dict[str, Card] = {}

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield OptionList(id="suggestions", markup=False)
        yield Static(id="suggestions-hint")
        yield KeyBar()

    def screen_subtitle(self) -> str:
        return f"Session {self.number} · suggested clusters"

    def help_sections(self) -> list[tuple[str, list[BindingType]]]:
        return [("Suggested clusters", SUGGESTION_BINDINGS)]

    def on_mount(self) -> None:  # runs before PlanBaseScreen.on_mount (Textual calls both)
        self.action_recompute()

    # -- working them out ----------------------------------------------------
    def action_recompute(self) -> None:
        self.suggestions = None
        self.redraw()
        self._compute()

    @work(thread=True, exclusive=True, group="suggest")
    def _compute(self) -> None:
        cards = [c for c in list(self.snapshot.cards) if self.pool_ids is None or c.id in self.pool_ids]
        found = suggest_clusters(cards)
        self.app.call_from_thread(self._computed, cards, found)

    def _computed(self, cards: list[Card], found: list[Suggestion]) -> None:
        self.cards = {c.id: c for c in cards}
        self.suggestions = [s for s in found if frozenset(s.card_ids) not in self.rejected]
        self.redraw()

    # -- drawing -------------------------------------------------------------
    def refresh_view(self) -> None:
        if not self.ready:
            return
        widget = self.query_one("#suggestions", OptionList)
        if self.suggestions is None:
            options = [Option(literal("Working out suggestions…", "dim italic"), id="h:wait", disabled=True)]
        else:
            self._drop_taken()
            options = [Option(self._prompt(s), id=str(n)) for n, s in enumerate(self.suggestions)]
            if not options:
                options = [
                    Option(
                        literal("No suggestions: the ungrouped cards share little wording or tags", "dim italic"),
                        id="h:none",
                        disabled=True,
                    )
                ]
        show_options(widget, options)
        count = len(self.suggestions or [])
        widget.border_title = literal(f"Suggested clusters {count}")
        self.query_one("#suggestions-hint", Static).update(
            literal("Nothing changes until you accept · a accept · e edit · d reject · F1 keys", "dim")
        )

    def _drop_taken(self) -> None:
        """Forget cards grouped since (here or elsewhere); drop suggestions left with one card."""
        assert self.suggestions is not None
        free = {c.id for c in list(self.snapshot.cards) if not c.cluster}
        kept: list[Suggestion] = []
        for s in self.suggestions:
            ids = tuple(i for i in s.card_ids if i in free)
            if len(ids) >= 2:
                kept.append(s if ids == s.card_ids else replace(s, card_ids=ids))
        self.suggestions = kept

    def _prompt(self, s: Suggestion) -> Content:
        tags = "  " + " ".join("#" + t for t in s.shared_tags) if s.shared_tags else ""
        parts: list[Content | tuple[str, str]] = [
            literal(s.title, "bold"),
            (f"  {counted(len(s.card_ids), 'card')} · {round(s.score * 100)}% alike{tags}", "dim"),
        ]
        for card_id in s.card_ids:
            card = self.cards.get(card_id)
            if card is not None:
                parts.append(literal("\n  · " + one_line(card.text, 160)))
        return Content.assemble(*parts)

    # -- deciding ------------------------------------------------------------
    def highlighted(self) -> Suggestion | None:
        key = highlighted_id(self.query_one("#suggestions", OptionList))
        if key is None or self.suggestions is None:
            return None
        return self.suggestions[int(key)]

    @work(exclusive=True, group="dialog")
    async def action_accept(self) -> None:
        s = self.highlighted()
        if s is None:
            return

        clusters = sorted_by_votes(list(self.snapshot.clusters))
        card_ids = list(s.card_ids)
        cluster = await self.save_with(
            GroupDialog(len(card_ids), clusters, s.title), lambda choice: self.cluster_cards(card_ids, choice)
        )
        if cluster is not None:
            self._accepted(s, card_ids, cluster)

    @work(exclusive=True, group="dialog")
    async def action_edit(self) -> None:
        s = self.highlighted()
        if s is None:
            return

        dialog = SuggestionEditDialog(s.title, [self.cards[i] for i in s.card_ids if i in self.cards])
        edits: list[SuggestionEdit] = []

        def save(edit: SuggestionEdit) -> Cluster:
            edits.append(edit)
            return self.cluster_cards(list(edit.card_ids), GroupChoice(title=edit.title))

        cluster = await self.save_with(dialog, save)
        if cluster is not None:
            self._accepted(s, list(edits[-1].card_ids), cluster)

    def _accepted(self, s: Suggestion, card_ids: list[str], cluster: Cluster) -> None:
        if self.suggestions is not None:
            self.suggestions = [x for x in self.suggestions if x is not s]
            self.notify(
                f"Cluster {one_line(cluster.title, 60)}: {counted(len(card_ids), 'card')} (Ctrl+Z undoes)", markup=False
            )
            self.redraw()

    def action_reject(self) -> None:
        s = self.highlighted()
        if s is None or self.suggestions is None:
            return
        self.rejected.add(frozenset(s.card_ids))
        self.suggestions = [x for x in self.suggestions if x is not s]
        self.redraw()

    @on(OptionList.OptionSelected, "#suggestions")
    def _selected(self) -> None:
        self.action_accept()

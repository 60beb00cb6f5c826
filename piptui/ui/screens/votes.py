"""Dot-voting on clusters: the room's tallies, or a note-taker recording each person's votes.

Left, who is voting: "Room tally" (stickers or hands: the facilitator types the count)
or one participant (their votes, within the budget). Right, the clusters, most votes
first. + and - (or a digit, or Enter to type a number) change the highlighted cluster's
count for whoever is chosen on the left. Each change is saved at once and is one undo step.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from piptui.domain.model import Cluster, Participant
from piptui.domain.voting import by_voter, parse_budget, parse_count, ranks, remaining, sorted_by_votes
from piptui.ui.keymap import keyed
from piptui.ui.screens.cluster_dialogs import TextDialog
from piptui.ui.screens.plan_base import COMMON_BINDINGS, PlanBaseScreen, highlighted_id, show_options
from piptui.ui.text import literal, one_line
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.title_bar import TitleBar

ROOM = "room"
VOTES_BINDINGS: list[BindingType] = [
    Binding("plus,equals_sign", "change(1)", "+1", tooltip="One more vote on the highlighted cluster"),
    Binding("minus", "change(-1)", "-1", tooltip="One vote fewer on the highlighted cluster"),
    Binding("t", "type_count", "Type", tooltip="Type the highlighted cluster's count (also Enter)"),
    Binding("b", "budget", "Budget", tooltip="Set the number of votes each person has (blank: no budget)"),
    *(Binding(str(n), f"set_count({n})", f"{n} votes", tooltip=f"Set the count to {n}", show=False) for n in range(10)),
    *COMMON_BINDINGS,
]
VOTES_BINDINGS = keyed("votes", VOTES_BINDINGS)  # ids for the keymap: votes.<action>


class VotesScreen(PlanBaseScreen):
    """Enter the votes: tallies per cluster, or each person's votes within a budget."""

    BINDINGS = VOTES_BINDINGS
    HELP_INTRO = (
        "Pick 'Room tally' to type the counts of a sticker or hands vote, or a person to record "
        "their votes (a note-taker can do this in another terminal). Both add up in each tally."
    )

    def setup(self) -> None:
        self.voter = ROOM
        self.people: dict[str, Participant] = {}
        self.clusters: dict[str, Cluster] = {}
        self.mine: dict[str, dict[str, int]] = {}
        self.budget: int | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="votes-body"):
            yield OptionList(id="voters", markup=False)
            yield OptionList(id="vote-clusters", markup=False)
        yield Static(id="votes-hint")
        yield KeyBar()

    def screen_subtitle(self) -> str:
        return f"Session {self.number} · votes"

    def help_sections(self) -> list[tuple[str, list[BindingType]]]:
        return [("Votes", VOTES_BINDINGS)]

    def on_mount(self) -> None:  # runs before PlanBaseScreen.on_mount (Textual calls both)
        self.query_one("#vote-clusters", OptionList).focus()

    # -- drawing -------------------------------------------------------------
    def refresh_view(self) -> None:
        if not self.ready:
            return
        self.people = {p.id: p for p in list(self.snapshot.participants)}
        self.clusters = {k.id: k for k in list(self.snapshot.clusters)}
        self.mine = by_voter(self.snapshot.votes_of(self.number))
        self.budget = self.snapshot.budget(self.number)
        voters = [Option(literal("Room tally (stickers, hands)", "bold"), id=ROOM)]
        for p in self.people.values():
            used = sum(self.mine.get(p.id, {}).values())
            of = f"{used}/{self.budget}" if self.budget else str(used)
            voters.append(Option(Content.assemble(literal(one_line(p.name, 40)), (f"  {of}", "dim")), id=p.id))
        show_options(self.query_one("#voters", OptionList), voters, keep=self.voter)
        self.query_one("#voters", OptionList).border_title = literal("Who votes")
        rank = ranks(self.clusters.values())
        options = [Option(self._prompt(k, rank[k.id]), id=k.id) for k in sorted_by_votes(self.clusters.values())]
        if not options:
            options = [Option(literal("No clusters to vote on yet", "dim italic"), id="h:none", disabled=True)]
        widget = self.query_one("#vote-clusters", OptionList)
        show_options(widget, options)
        who = "the room's tally" if self.voter == ROOM else one_line(self._voter_name(), 30)
        widget.border_title = literal(f"Clusters · counting {who}")
        self.query_one("#votes-hint", Static).update(literal(self._hint()))

    def _voter_name(self) -> str:
        p = self.people.get(self.voter)
        return p.name if p else "nobody"

    def _prompt(self, k: Cluster, rank: int) -> Content:
        parts: list[Content | tuple[str, str]] = [(f"{rank:>2}. ", "dim"), (f"{k.votes:>3} ", "bold"), literal(k.title)]
        if self.voter != ROOM:
            count = self.mine.get(self.voter, {}).get(k.id, 0)
            parts.append((f"   {self._voter_name().split()[0]}: {count}", "bold $warning" if count else "dim"))
        return Content.assemble(*parts)

    def _hint(self) -> str:
        budget = f"Budget {self.budget} per person" if self.budget else "No budget (b sets one)"
        if self.voter != ROOM:
            left = remaining(self.mine.get(self.voter, {}), self.budget)
            if left is not None:
                budget += f" · {self._voter_name()} has {left} left"
        return f"{budget} · + - or a digit changes · Tab: who votes"

    # -- choosing who votes --------------------------------------------------
    @on(OptionList.OptionHighlighted, "#voters")
    def _voter_chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.voter:
            self.voter = event.option.id
            self.redraw()

    @on(OptionList.OptionSelected, "#voters")
    def _voter_picked(self) -> None:
        self.query_one("#vote-clusters", OptionList).focus()

    @on(OptionList.OptionSelected, "#vote-clusters")
    def _cluster_picked(self) -> None:
        self.action_type_count()

    # -- counting ------------------------------------------------------------
    def _cluster(self) -> Cluster | None:
        cluster = self.clusters.get(highlighted_id(self.query_one("#vote-clusters", OptionList)) or "")
        if cluster is None:
            self.notify("Highlight a cluster first", severity="warning")
        return cluster

    def _count(self, cluster: Cluster) -> int:
        return cluster.votes if self.voter == ROOM else self.mine.get(self.voter, {}).get(cluster.id, 0)

    def action_change(self, delta: int) -> None:
        cluster = self._cluster()
        if cluster is not None:
            self.set_count(cluster, max(0, self._count(cluster) + delta))

    def action_set_count(self, count: int) -> None:
        cluster = self._cluster()
        if cluster is not None:
            self.set_count(cluster, count)

    def set_count(self, cluster: Cluster, count: int) -> None:
        self.attempt(lambda: self.save_count(cluster, count))

    def save_count(self, cluster: Cluster, count: int) -> None:
        """The room's tally, or the chosen person's votes, for ``cluster`` (raises if not saved)."""
        if self.voter == ROOM:
            self.ops.set_votes(cluster.id, count)
        else:
            self.ops.record_votes(self.voter, {cluster.id: count}, session=self.number)

    @work(exclusive=True, group="dialog")
    async def action_type_count(self) -> None:
        cluster = self._cluster()
        if cluster is None:
            return

        who = "the room's tally" if self.voter == ROOM else f"{self._voter_name()}'s votes"

        def save(text: str) -> bool:
            count = parse_count(text, "A number of votes")  # a bad number is said in the dialog, kept open
            self.save_count(cluster, count)
            return True

        await self.save_with(
            TextDialog(f"Votes for {one_line(cluster.title, 40)}", f"Count ({who})", str(self._count(cluster))),
            save,
        )

    @work(exclusive=True, group="dialog")
    async def action_budget(self) -> None:

        def save(text: str) -> bool:
            self.ops.set_budget(self.number, parse_budget(text))  # a bad number is said in the dialog
            return True

        await self.save_with(
            TextDialog(
                "Votes per person",
                "Each person's budget of votes (blank: no budget)",
                str(self.budget or ""),
                placeholder="e.g. 5",
            ),
            save,
        )

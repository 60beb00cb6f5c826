"""The Partnership Improvement Action Plan: objectives, their actions, joint leads, review date.

One list: each objective (its joint lead, timescale and review date) followed by its
actions. Below, what the highlighted line came from (an objective's clusters and cards)
or an action's review history. Everything is edited in place through dialogs, saved at
once, and undone with Ctrl+Z.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from piptui.domain.model import Action, Card, Cluster, Objective, Participant
from piptui.domain.plan import cards_of_objective, lead_warnings, objectives_of_plan, plan_versions
from piptui.domain.voting import sorted_by_votes
from piptui.ui.keymap import keyed
from piptui.ui.screens.cluster_dialogs import MultiPickDialog, TextDialog
from piptui.ui.screens.dialogs import ConfirmDialog, PickDialog
from piptui.ui.screens.plan_base import (
    COMMON_BINDINGS,
    PlanBaseScreen,
    highlighted_id,
    show_detail,
    show_options,
)
from piptui.ui.screens.plan_dialogs import ActionDialog, CardsDialog, ObjectiveDialog
from piptui.ui.screens.plan_lines import action_detail, action_prompt, objective_detail, objective_prompt
from piptui.ui.text import counted, literal, one_line
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.title_bar import TitleBar

PLAN_BINDINGS: list[BindingType] = [
    Binding("a", "add_action", "Action", tooltip="Add an action under the highlighted objective"),
    Binding("e", "edit", "Edit", tooltip="Edit the highlighted objective (title, leads, dates) or action"),
    Binding("p", "promote", "Promote", tooltip="Promote clusters (most votes first) to a new objective"),
    Binding("m", "move_action", "Move", tooltip="Move the highlighted action to another objective"),
    Binding("shift+up,K", "reorder(-1)", "Up", tooltip="Move the highlighted objective or action up", show=False),
    Binding("shift+down,J", "reorder(1)", "Down", tooltip="Move the highlighted objective or action down", show=False),
    Binding("R", "review", "Review", tooltip="Review the plan (session 5): status and rating of each action"),
    Binding("n", "new_objective", "New objective", tooltip="Add an objective not promoted from a cluster", show=False),
    Binding("c", "cards", "Cards", tooltip="The cards the highlighted objective came from", show=False),
    Binding("d,delete", "delete", "Delete", tooltip="Delete the highlighted objective or action (asks)", show=False),
    Binding("v", "version", "Plan version", tooltip="Show the next version of the plan (history)", show=False),
    Binding("P", "participants", "People", tooltip="The participants (to pick leads from)", show=False),
    Binding(
        "t", "programme_text", "Context", tooltip="Write the programme's context, vision and key learning", show=False
    ),
    Binding("ctrl+d", "profile", "Profile", tooltip="The partnership profile: every card by its dimension"),
    *COMMON_BINDINGS,
]
PLAN_BINDINGS = keyed("plan", PLAN_BINDINGS)  # ids for the keymap: plan.<action>


class PlanScreen(PlanBaseScreen):
    """The action plan of the programme (its latest version unless another is chosen)."""

    BINDINGS = PLAN_BINDINGS
    HELP_INTRO = (
        "Each objective has a joint lead (one council member, one third-sector member), a timescale "
        "and a review date six months on. a adds an action, e edits, Shift+Up/Down reorders."
    )

    def setup(self) -> None:
        self.version: int | None = None  # None: the latest plan
        self.people: dict[str, Participant] = {}
        self.objectives: list[Objective] = []
        self.actions: dict[str, list[Action]] = {}
        self.clusters: dict[str, Cluster] = {}
        self.cards: list[Card] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield OptionList(id="plan-list", markup=False)
        with VerticalScroll(id="plan-detail"):
            yield Static(id="plan-detail-text")
        yield KeyBar()

    def screen_subtitle(self) -> str:
        return f"Session {self.number} · action plan"

    def help_sections(self) -> list[tuple[str, list[BindingType]]]:
        return [("Action plan", PLAN_BINDINGS)]

    # -- drawing -------------------------------------------------------------
    @property
    def shown_version(self) -> int:
        versions = plan_versions(list(self.snapshot.objectives))
        return self.version if self.version in versions else versions[-1]

    def refresh_view(self) -> None:
        if not self.ready:
            return
        self.people = {p.id: p for p in list(self.snapshot.participants)}
        everything = list(self.snapshot.objectives)
        version = self.shown_version
        self.objectives = objectives_of_plan(everything, version)
        ids = {o.id for o in self.objectives}
        self.actions = {o.id: [] for o in self.objectives}
        for a in list(self.snapshot.actions):
            if a.objective in ids:
                self.actions[a.objective].append(a)
        self.clusters = {k.id: k for k in list(self.snapshot.clusters)}
        self.cards = list(self.snapshot.cards)
        options: list[Option] = []
        for n, o in enumerate(self.objectives, 1):
            options.append(Option(objective_prompt(o, n, self.people), id="o:" + o.id))
            options += [Option(action_prompt(a, i), id="a:" + a.id) for i, a in enumerate(self.actions[o.id])]
        if not options:
            options.append(
                Option(
                    literal("No objectives yet: p promotes clusters (vote on them first)", "dim italic"),
                    id="h:none",
                    disabled=True,
                )
            )
        widget = self.query_one("#plan-list", OptionList)
        show_options(widget, options)
        versions = plan_versions(everything)
        label = f"Plan {version} of {len(versions)}" if len(versions) > 1 else "Plan"
        review = sorted({o.review_date for o in self.objectives if o.review_date})
        when = f" · review {review[0]}" if review else ""
        widget.border_title = literal(
            f"{label} · {counted(len(self.objectives), 'objective')}{when} · Shift+↑↓ reorders"
        )
        self._show_detail()

    @on(OptionList.OptionHighlighted, "#plan-list")
    def _show_detail(self) -> None:
        _kind, item = self.highlighted()
        text: Content
        more = ""
        if isinstance(item, Objective):
            text = objective_detail(item, self.actions.get(item.id, []), self.clusters, self.cards)
            more = "c lists every card it came from"
        elif isinstance(item, Action):
            text = action_detail(item)
        else:
            text = literal("Promote clusters with p; add actions with a. F1 lists every key.", "dim")
        show_detail(self.query_one("#plan-detail-text", Static), text, more=more)

    # -- what the keys act on ------------------------------------------------
    def highlighted(self) -> tuple[str, Objective | Action | None]:
        key = highlighted_id(self.query_one("#plan-list", OptionList)) or ""
        kind, _, item_id = key.partition(":")
        if kind == "o":
            return kind, next((o for o in self.objectives if o.id == item_id), None)
        if kind == "a":
            return kind, next((a for acts in self.actions.values() for a in acts if a.id == item_id), None)
        return kind, None

    def current_objective(self) -> Objective | None:
        _kind, item = self.highlighted()
        if isinstance(item, Action):
            return next((o for o in self.objectives if o.id == item.objective), None)
        if item is None:
            self.notify("Highlight an objective first (p promotes clusters to one)", severity="warning")
        return item

    def select(self, key: str) -> None:
        widget = self.query_one("#plan-list", OptionList)
        ids = [o.id for o in widget.options]
        if key in ids:
            widget.highlighted = ids.index(key)

    # -- objectives ----------------------------------------------------------
    @work(exclusive=True, group="dialog")
    async def action_promote(self) -> None:
        free = [k for k in sorted_by_votes(list(self.snapshot.clusters)) if not k.objective]
        if not free:
            self.notify("Every cluster is promoted already (or there are none yet)", severity="warning")
            return
        choices = [
            (f"{counted(k.votes, 'vote'):>8} · {one_line(k.title, 50)} ({counted(len(k.card_ids), 'card')})", k.id)
            for k in free
        ]
        ids = await self.app.push_screen_wait(MultiPickDialog("Promote which clusters? (one objective)", choices))
        if not ids:
            return
        titles = " / ".join(k.title for k in free if k.id in ids)
        objective = await self.save_with(
            TextDialog("The objective", "In the group's words", titles, ok="Promote (enter)"),
            lambda title: self.ops.promote(ids, title=title, session=self.number),
        )
        if objective is not None:
            self.version = None
            self.redraw()
            self.select("o:" + objective.id)
            self.notify("Objective added; e sets its joint lead, a adds actions", markup=False)

    @work(exclusive=True, group="dialog")
    async def action_new_objective(self) -> None:
        objective = await self.save_with(
            TextDialog("New objective", "In the group's words"),
            lambda title: self.ops.add_objective(title, session=self.number),
        )
        if objective is not None:
            self.select("o:" + objective.id)

    def action_edit(self) -> None:
        _kind, item = self.highlighted()
        if isinstance(item, Objective):
            self.edit_objective(item)
        elif isinstance(item, Action):
            self.edit_action(item)

    @on(OptionList.OptionSelected, "#plan-list")
    def _enter(self) -> None:
        self.action_edit()

    @work(exclusive=True, group="dialog")
    async def edit_objective(self, o: Objective) -> None:
        saved = await self.save_with(
            ObjectiveDialog(o, list(self.people.values())),
            lambda edit: self.ops.edit_objective(
                o.id,
                title=edit.title,
                council_lead=edit.council_lead,
                vcs_lead=edit.vcs_lead,
                timescale=edit.timescale,
                review_date=edit.review_date,
            ),
        )
        if saved is not None:
            warnings = lead_warnings(self.people.get(saved.council_lead or ""), self.people.get(saved.vcs_lead or ""))
            if warnings:
                self.notify("\n".join(warnings), title="Joint lead", severity="warning", markup=False)

    # -- actions -------------------------------------------------------------
    @work(exclusive=True, group="dialog")
    async def action_add_action(self) -> None:
        o = self.current_objective()
        if o is None:
            return

        action = await self.save_with(
            ActionDialog(o.title),
            lambda edit: self.ops.add_action(o.id, edit.text, owners=edit.owners, due=edit.due, status=edit.status),
        )
        if action is not None:
            self.select("a:" + action.id)

    @work(exclusive=True, group="dialog")
    async def edit_action(self, a: Action) -> None:
        objective = next((o for o in self.objectives if o.id == a.objective), None)

        await self.save_with(
            ActionDialog(objective.title if objective else "", a),
            lambda edit: self.ops.edit_action(
                a.id, text=edit.text, owners=edit.owners, due=edit.due, status=edit.status
            ),
        )

    @work(exclusive=True, group="dialog")
    async def action_move_action(self) -> None:
        _kind, item = self.highlighted()
        if not isinstance(item, Action):
            self.notify("Highlight an action to move it", severity="warning")
            return
        others = [(one_line(o.title, 60), o.id) for o in self.objectives if o.id != item.objective]
        if not others:
            self.notify("There is no other objective to move it to", severity="warning")
            return

        target = await self.app.push_screen_wait(PickDialog("Move the action to…", others))
        if target is None:
            return
        moved = self.attempt(lambda: self.ops.move_action(item.id, target), "Action moved (Ctrl+Z undoes)")
        if moved is not None:
            self.select("a:" + moved.id)

    def action_reorder(self, offset: int) -> None:
        kind, item = self.highlighted()
        if isinstance(item, Objective):
            self.attempt(lambda: self.ops.reorder_objective(item.id, offset))
        elif isinstance(item, Action):
            self.attempt(lambda: self.ops.reorder_action(item.id, offset))
        self.select(f"{kind}:{item.id}" if item is not None else "")

    @work(exclusive=True, group="dialog")
    async def action_delete(self) -> None:
        _kind, item = self.highlighted()
        if item is None:
            return
        if isinstance(item, Objective):
            n = len(self.actions.get(item.id, []))
            question, detail = "Delete this objective?", f"{one_line(item.title, 200)}\n({n} actions go with it)"
        else:
            question, detail = "Delete this action?", one_line(item.text, 200)

        yes = await self.app.push_screen_wait(ConfirmDialog(question, detail, yes="Delete"))
        if not yes:
            return
        if isinstance(item, Objective):
            self.attempt(lambda: self.ops.delete_objective(item.id), "Objective deleted (Ctrl+Z undoes)")
        else:
            self.attempt(lambda: self.ops.delete_action(item.id), "Action deleted (Ctrl+Z undoes)")

    def action_participants(self) -> None:
        from piptui.ui.screens.participants import ParticipantsScreen

        self.open_screen(ParticipantsScreen(self.live, session=self.number))

    @work(exclusive=True, group="dialog")
    async def action_programme_text(self) -> None:
        from piptui.ui.screens.programme_text import edit_programme_text

        if await edit_programme_text(self, self.store) is not None:
            self.saved()

    def action_cards(self) -> None:
        o = self.current_objective()
        if o is None:
            return
        lines = [literal(one_line(c.text, 300)) for c in cards_of_objective(o, self.clusters.values(), self.cards)]
        self.app.push_screen(CardsDialog(f"Where {one_line(o.title, 50)} came from", lines))

    def action_version(self) -> None:
        versions = plan_versions(list(self.snapshot.objectives))
        current = self.shown_version
        self.version = versions[(versions.index(current) + 1) % len(versions)]
        self.redraw()
        self.notify(f"Showing plan {self.version} of {len(versions)}")

    def action_profile(self) -> None:
        from piptui.ui.screens.profile import ProfileScreen

        self.open_screen(ProfileScreen(self.live, session=self.number))

    def action_review(self) -> None:
        from piptui.ui.screens.review import ReviewScreen

        self.open_screen(ReviewScreen(self.live, self.library, self.number))

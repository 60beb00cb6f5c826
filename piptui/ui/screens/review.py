"""The review (session 5): walk each action, set its status and rating, carry the rest over.

Objectives are headings with their progress; the cursor walks the actions. Enter opens
the review of the highlighted action (status, red / amber / green, a note); digits and
r / a / g set status and rating at once. ``c`` carries the unfinished actions into a
refreshed plan: the reviewed plan stays as it is, so its history is kept.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from piptui.domain.model import Action, ActionStatus, Objective, Rag
from piptui.domain.plan import (
    STATUS_ORDER,
    UNFINISHED,
    objectives_of_plan,
    plan_progress,
    plan_versions,
    progress,
)
from piptui.ui.keymap import keyed
from piptui.ui.screens.dialogs import ConfirmDialog
from piptui.ui.screens.plan_base import (
    COMMON_BINDINGS,
    PlanBaseScreen,
    highlighted_id,
    show_detail,
    show_options,
)
from piptui.ui.screens.plan_dialogs import ReviewDialog, review_line
from piptui.ui.screens.plan_lines import action_prompt, leads_text
from piptui.ui.text import counted, literal, one_line
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.title_bar import TitleBar

REVIEW_BINDINGS: list[BindingType] = [
    Binding("e", "review", "Review", tooltip="Review the highlighted action: status, rating, note (also Enter)"),
    Binding("n", "next", "Next", tooltip="Go to the next action not reviewed yet"),
    *(
        Binding(str(n), f"status({n})", s.value.capitalize(), tooltip=f"Set the status to {s.value}", show=False)
        for n, s in enumerate(STATUS_ORDER, 1)
    ),
    Binding("r", "rate('red')", "Red", tooltip="Rate the highlighted action red", show=False),
    Binding("a", "rate('amber')", "Amber", tooltip="Rate the highlighted action amber", show=False),
    Binding("g", "rate('green')", "Green", tooltip="Rate the highlighted action green", show=False),
    Binding("c", "carry", "Carry over", tooltip="Carry the unfinished actions into a refreshed plan"),
    Binding("v", "version", "Plan version", tooltip="Show the next version of the plan (history)", show=False),
    *COMMON_BINDINGS,
]
REVIEW_BINDINGS = keyed("review", REVIEW_BINDINGS)  # ids for the keymap: review.<action>


class ReviewScreen(PlanBaseScreen):
    """Session 5: the joint review of the action plan."""

    BINDINGS = REVIEW_BINDINGS
    HELP_INTRO = (
        "Walk the actions: Enter reviews one (status, rating, note); 1 not started, 2 in progress, "
        "3 done, 4 dropped; r / a / g rate red, amber, green. c carries what is unfinished into a "
        "refreshed plan and keeps this one as its history."
    )

    def setup(self) -> None:
        self.version: int | None = None
        self.objectives: list[Objective] = []
        self.actions: dict[str, list[Action]] = {}

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield OptionList(id="review-list", markup=False)
        with VerticalScroll(id="review-detail"):
            yield Static(id="review-detail-text")
        yield KeyBar()

    def screen_subtitle(self) -> str:
        return f"Session {self.number} · review of the plan"

    def help_sections(self) -> list[tuple[str, list[BindingType]]]:
        return [("Review", REVIEW_BINDINGS)]

    # -- drawing -------------------------------------------------------------
    def refresh_view(self) -> None:
        if not self.ready:
            return
        everything = list(self.snapshot.objectives)
        versions = plan_versions(everything)
        version = self.version if self.version in versions else versions[-1]
        self.objectives = objectives_of_plan(everything, version)
        self.actions = {o.id: [] for o in self.objectives}
        for a in list(self.snapshot.actions):
            if a.objective in self.actions:
                self.actions[a.objective].append(a)
        people = {p.id: p for p in list(self.snapshot.participants)}
        per = plan_progress(self.objectives, [a for acts in self.actions.values() for a in acts])
        options: list[Option] = []
        for n, o in enumerate(self.objectives, 1):
            heading = Content.assemble(
                (f"{n}. ", "bold $accent"),
                literal(o.title, "bold"),
                (
                    "\n   " + per[o.id].summary(),
                    "bold $text-success" if per[o.id].unfinished == 0 and per[o.id].total else "italic",
                ),
                literal("  ·  " + leads_text(o, people), "dim"),
            )
            options.append(Option(heading, id=f"h:{o.id}", disabled=True))
            options += [Option(action_prompt(a, i), id=a.id) for i, a in enumerate(self.actions[o.id])]
        if not options:
            options.append(
                Option(
                    literal("No plan to review yet: the plan is made in session 4", "dim italic"),
                    id="h:none",
                    disabled=True,
                )
            )
        widget = self.query_one("#review-list", OptionList)
        show_options(widget, options)
        overall = progress(a for acts in self.actions.values() for a in acts)
        label = f"Plan {version} of {len(versions)}" if len(versions) > 1 else "Plan"
        widget.border_title = literal(f"Review · {label} · {overall.summary()}")
        self._show_detail()

    @on(OptionList.OptionHighlighted, "#review-list")
    def _show_detail(self) -> None:
        action = self.highlighted()
        box = self.query_one("#review-detail-text", Static)
        if action is None:
            show_detail(
                box, literal("Enter reviews the highlighted action; n goes to the next one not reviewed.", "dim")
            )
            return
        parts: list[Content | str | tuple[str, str]] = [literal(one_line(action.text, 300), "bold"), "\n"]
        if not action.review_notes:
            parts.append(("Not reviewed yet", "dim"))
        for note in action.review_notes:
            parts += [review_line(note.at, note.status, note.rag, note.text), "\n"]
        show_detail(box, Content.assemble(*parts))

    # -- what the keys act on ------------------------------------------------
    def highlighted(self) -> Action | None:
        key = highlighted_id(self.query_one("#review-list", OptionList))
        return next((a for acts in self.actions.values() for a in acts if a.id == key), None)

    def _walk(self) -> list[Action]:
        return [a for o in self.objectives for a in self.actions[o.id]]

    def action_next(self) -> None:
        walk = self._walk()
        current = self.highlighted()
        start = walk.index(current) + 1 if current in walk else 0
        for a in walk[start:] + walk[:start]:
            if not a.review_notes:
                self._select(a.id)
                return
        self.notify("Every action has been reviewed; c carries the unfinished ones into a refreshed plan")

    def _select(self, action_id: str) -> None:
        widget = self.query_one("#review-list", OptionList)
        ids = [o.id for o in widget.options]
        if action_id in ids:
            widget.highlighted = ids.index(action_id)

    # -- reviewing -----------------------------------------------------------
    @work(exclusive=True, group="dialog")
    async def action_review(self) -> None:
        action = self.highlighted()
        if action is None:
            self.notify("Highlight an action first", severity="warning")
            return

        reviewed = await self.save_with(
            ReviewDialog(action),
            lambda r: self.ops.review_action(action.id, status=r.status, rag=r.rag, note=r.note),
        )
        if reviewed is not None:
            self._select(action.id)

    @on(OptionList.OptionSelected, "#review-list")
    def _enter(self) -> None:
        self.action_review()

    def save(self, action: Action, status: ActionStatus, rag: Rag | None, note: str = "") -> None:
        self.attempt(lambda: self.ops.review_action(action.id, status=status, rag=rag, note=note))
        self._select(action.id)

    def action_status(self, n: int) -> None:
        action = self.highlighted()
        if action is not None and 1 <= n <= len(STATUS_ORDER):
            self.save(action, STATUS_ORDER[n - 1], action.rag)

    def action_rate(self, rag: str) -> None:
        action = self.highlighted()
        if action is not None:
            self.save(action, action.status, Rag(rag))

    @work(exclusive=True, group="dialog")
    async def action_carry(self) -> None:
        walk = self._walk()
        unfinished = [a for a in walk if a.status in UNFINISHED]
        if walk and not unfinished:
            self.notify("Nothing to carry over: every action is done or dropped", severity="warning")
            return
        if not self.objectives:
            self.notify("There is no plan to carry over yet", severity="warning")
            return
        version = self.objectives[0].plan
        detail = (
            f"{counted(len(unfinished), 'unfinished action')} go into plan {version + 1}, under copies of their "
            f"objectives. Plan {version} stays as it is: its statuses, ratings and notes are its history."
        )

        yes = await self.app.push_screen_wait(
            ConfirmDialog("Carry over into a refreshed plan?", detail, yes="Carry over")
        )
        if yes:
            made = self.attempt(lambda: self.ops.refresh_plan(session=self.number))
            if made is not None:
                self.version = None
                self.notify(
                    f"Plan {version + 1}: {counted(len(made), 'objective')} carried over (v shows plan {version})",
                    markup=False,
                )
                self.redraw()

    def action_version(self) -> None:
        versions = plan_versions(list(self.snapshot.objectives))
        current = self.objectives[0].plan if self.objectives else versions[-1]
        self.version = versions[(versions.index(current) + 1) % len(versions)] if current in versions else None
        self.redraw()

"""The roles screen: a role play's scenario, its roles (title, sector, who plays each) and, one at
a time on Enter, a role's brief, to read out or hand over privately. Opened by F11 on a role
play's step of the session screen; ``c`` opens the cast. The wall never shows a brief.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from piptui.domain.casting import players
from piptui.domain.exercise import Exercise, Role
from piptui.domain.model import Participant
from piptui.ui.screens.programme_screen import ProgrammeScreen
from piptui.ui.text import SECTOR_SHORT, plain, reflow
from piptui.ui.widgets.board import SECTOR_STYLE
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from piptui.store.snapshot import Snapshot
    from piptui.ui.live import LiveProgramme

ROLES_BINDINGS: list[BindingType] = [
    Binding("b", "brief", "Brief", tooltip="Open the highlighted role's brief (Enter does too)"),
    Binding("c", "cast", "Cast", tooltip="Who plays which role: suggest, change person by person"),
    Binding("escape", "back", "Back", tooltip="Back to the session"),
]

HELP = (
    "The role play's scenario and roles. Enter opens a role's brief: briefs are handed out privately, "
    "so the wall shows the scenario and the cast, never a brief. c opens the cast."
)


def role_option(role: Role, who: list[Participant]) -> Text:
    text = Text("▍", style=SECTOR_STYLE[role.sector], end="")
    text.append(role.title, style="bold")
    text.append(f"  {SECTOR_SHORT[role.sector]}", style=SECTOR_STYLE[role.sector])
    text.append("\n  ")
    text.append(("played by " + ", ".join(p.name for p in who)) if who else "nobody cast yet", style="dim")
    return text


class BriefDialog(ModalScreen[None]):
    """One role's brief, for the facilitator's eyes (Esc or Enter closes it)."""

    BINDINGS = [Binding("escape,enter,q", "close", "Close", tooltip="Close the brief")]

    def __init__(self, role: Role, who: list[Participant]) -> None:
        super().__init__()
        self.role = role
        self.who = who

    def compose(self) -> ComposeResult:
        with Vertical(id="brief-dialog"):
            yield Static(role_option(self.role, self.who), id="brief-title")
            with VerticalScroll(id="brief-body"):
                yield Static(plain(reflow(self.role.brief) or "This role has no brief in the script."))
            yield Static(plain("Esc closes", "dim"))

    def action_close(self) -> None:
        self.dismiss(None)


class RolesScreen(ProgrammeScreen):
    """``RolesScreen(live, exercise, session=N)``."""

    BINDINGS = ROLES_BINDINGS
    HELP_INTRO = HELP
    AUTO_FOCUS = "#roles"

    def __init__(self, source: LiveProgramme, exercise: Exercise, *, session: int) -> None:
        super().__init__(source, session=session)
        self.exercise = exercise
        self.number = session
        self.players: dict[str, list[Participant]] = {}
        programme = self.store.programme()
        self.title = programme.area or programme.name
        self.sub_title = f"{exercise.title} · session {session}"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="roles-scenario"):
            yield Static(plain(" ".join(self.exercise.scenario.split()) or "No scenario in the script."))
        yield OptionList(id="roles")
        yield KeyBar()

    def on_mount(self) -> None:
        self.snapshot_ready()  # now, and whenever the cast changes (here or in another terminal)

    def show_snapshot(self, snapshot: Snapshot, *, force: bool = False, select: str | None = None) -> None:
        cast = snapshot.cast(self.number, self.exercise.id)
        self.players = {r.id: players(cast, snapshot.participants, r.id) for r in self.exercise.roles}
        options = self.query_one(OptionList)
        keep = options.highlighted
        options.clear_options()
        options.add_options([Option(role_option(r, self.players.get(r.id, [])), id=r.id) for r in self.exercise.roles])
        if self.exercise.roles:
            options.highlighted = keep if keep is not None and keep < len(self.exercise.roles) else 0

    @on(OptionList.OptionSelected)
    def action_brief(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.exercise.roles:
            return
        role = self.exercise.roles[options.highlighted]
        self.app.push_screen(BriefDialog(role, self.players.get(role.id, [])))

    def action_cast(self) -> None:
        from piptui.ui.screens.cast import CastScreen

        self.app.push_screen(CastScreen(self.live, self.exercise, session=self.number))

    def action_back(self) -> None:
        self.dismiss(None)

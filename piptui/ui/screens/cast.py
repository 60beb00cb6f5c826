"""The cast screen: who plays which role in the session's role play.

Opened from the roles screen (``c``; F11 on a role play's step). The first time, the cast is
suggested (``assign_roles``: council and agency people play voluntary-sector roles and the other
way round, evenly) and stored in the programme file, so every terminal sees the same cast. Enter
changes the highlighted person's role; ``n`` makes a fresh suggestion. Each change is one undo
step (Ctrl+Z). From the command line: ``piptui cast NAME``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from piptui.domain.casting import Cast, CastRow, cast_rows
from piptui.domain.exercise import Exercise
from piptui.domain.roles import crosses
from piptui.errors import PiptuiError
from piptui.store.cast_ops import CastOps
from piptui.ui.screens.programme_screen import ProgrammeScreen
from piptui.ui.text import SECTOR_SHORT, literal, plain
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.tables import fill_table
from piptui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from piptui.store.snapshot import Snapshot
    from piptui.ui.live import LiveProgramme

NO_ROLE = ""

CAST_BINDINGS: list[BindingType] = [
    Binding("enter,e", "change", "Change role", tooltip="Give the highlighted person another role"),
    Binding("n", "suggest", "New suggestion", tooltip="Cast everyone afresh: each in the other sector's shoes"),
    Binding("ctrl+z", "undo", "Undo", tooltip="Undo your latest change"),
    Binding("ctrl+y", "redo", "Redo", tooltip="Redo what you undid", show=False),
    Binding("escape", "back", "Back", tooltip="Back to the roles"),
]

HELP = (
    "Who plays which role: council and agency people play voluntary-sector roles and voluntary-sector "
    "people council or agency roles, evenly. Change it person by person before the play; every terminal "
    "sees the same cast. From the command line: piptui cast NAME."
)


class CastScreen(ProgrammeScreen):
    """``CastScreen(live, exercise, session=N)``: the cast of one role play."""

    BINDINGS = CAST_BINDINGS
    HELP_INTRO = HELP
    AUTO_FOCUS = "#cast"

    def __init__(self, source: LiveProgramme, exercise: Exercise, *, session: int) -> None:
        super().__init__(source, session=session)
        self.exercise = exercise
        self.number = session
        self.ops = CastOps(self.store)
        self.rows: list[CastRow] = []
        self.cast: Cast | None = None
        programme = self.store.programme()
        self.title = programme.area or programme.name
        self.sub_title = f"The cast · {exercise.title} · session {session}"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield DataTable(id="cast", cursor_type="row", zebra_stripes=True)
        yield Static("", id="cast-detail")  # the highlighted person in full: a long role title is cut in a column
        yield Static("", id="cast-status")
        yield KeyBar()

    def on_mount(self) -> None:
        try:
            if self.ops.cast(self.number, self.exercise.id) is None:
                self.ops.assign(self.number, self.exercise.id, self.exercise.roles, title=self.exercise.title)
                self.notify("Cast suggested: everyone in the other sector's shoes (Ctrl+Z undoes)")
                self.live.reload()
        except PiptuiError as exc:
            self.notify(exc.message, title="Not cast", severity="error", markup=False)
        self.snapshot_ready()  # now, and at each change of the file (another terminal's too)

    def show_snapshot(self, snapshot: Snapshot, *, force: bool = False, select: str | None = None) -> None:
        self.cast = snapshot.cast(self.number, self.exercise.id)
        self.rows = cast_rows(self.cast, snapshot.participants, self.exercise.roles)
        self._show(select)

    def _show(self, select: str | None) -> None:
        table = self.query_one(DataTable)
        keep = select or self.highlighted_id()
        with self.app.batch_update():
            rows = []
            for row in self.rows:
                person, role = row.participant, row.role
                crossing = role is not None and crosses(person.sector, role.sector)
                sector = plain(SECTOR_SHORT[role.sector] if role is not None else "")
                if crossing:
                    sector.append(" ✓", style="bold green")
                cells = (
                    plain(person.name),
                    plain(SECTOR_SHORT[person.sector]),
                    sector,
                    plain(role.title if role is not None else "no role", "" if role is not None else "dim italic"),
                )
                rows.append((cells, person.id))
            headings = ("Person", "Their sector", "Plays a role of", "Role")  # the long titles last
            fill_table(table, [plain(h) for h in headings], rows)
            ids = [r.participant.id for r in self.rows]
            if keep in ids:
                table.move_cursor(row=ids.index(keep))
        self._show_detail()
        status = self.query_one("#cast-status", Static)
        if not self.rows:
            status.update(literal("No participants yet: add them first (F10 on the session screen, People)", "bold"))
        elif not self.exercise.roles:
            status.update(literal(f"The role play '{self.exercise.title}' has no roles in its script", "bold"))
        else:
            cast = [r for r in self.rows if r.role is not None]
            shoes = sum(1 for r in cast if r.role is not None and crosses(r.participant.sector, r.role.sector))
            status.update(
                literal(
                    f"{len(cast)} of {len(self.rows)} cast · {shoes} in the other sector's shoes (✓) · "
                    "Enter changes a role, n suggests afresh",
                    "dim",
                )
            )

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        detail = self.query_one("#cast-detail", Static)
        who = self.highlighted_id()
        row = next((r for r in self.rows if r.participant.id == who), None)
        if row is None:
            detail.update("")
            return
        person, role = row.participant, row.role
        line = plain(f"{person.name} ({SECTOR_SHORT[person.sector]}) ", "bold")
        if role is None:
            line.append("has no role: watches")
        else:
            line.append(plain(f"plays {role.title} ({SECTOR_SHORT[role.sector]})"))
            if crosses(person.sector, role.sector):
                line.append(" ✓ in the other sector's shoes", style="green")
        detail.update(line)

    def highlighted_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row is None or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row].participant.id

    # -- actions -------------------------------------------------------------
    @on(DataTable.RowSelected)
    def action_change(self) -> None:
        self._change()

    @work(exclusive=True, group="cast")
    async def _change(self) -> None:
        from piptui.ui.screens.dialogs import PickDialog

        who = self.highlighted_id()
        row = next((r for r in self.rows if r.participant.id == who), None)
        if row is None or not self.exercise.roles:
            return
        choices = [(f"{r.title} ({SECTOR_SHORT[r.sector]})", r.id) for r in self.exercise.roles]
        choices.append(("No role (watches)", NO_ROLE))
        current = row.role.id if row.role is not None else NO_ROLE
        picked = await self.app.push_screen_wait(PickDialog(f"{row.participant.name} plays…", choices, current))
        if picked is None or picked == current:
            return
        try:
            self.ops.set_role(self.number, self.exercise.id, self.exercise.roles, row.participant.id, picked or None)
        except PiptuiError as exc:
            self.report(exc, "Not saved")
        self.saved(select=row.participant.id)

    def action_suggest(self) -> None:
        self._suggest()

    @work(exclusive=True, group="cast")
    async def _suggest(self) -> None:
        from piptui.ui.screens.dialogs import ConfirmDialog

        sure = await self.app.push_screen_wait(
            ConfirmDialog("Cast everyone afresh?", "Changes made by hand go (Ctrl+Z brings them back).", yes="Recast")
        )
        if not sure:
            return
        try:
            self.ops.assign(self.number, self.exercise.id, self.exercise.roles, title=self.exercise.title)
        except PiptuiError as exc:
            self.report(exc, "Not cast")
        self.saved(force=True)

    def action_back(self) -> None:
        self.dismiss(None)

"""The participants screen: who is in the group, and who came to this session.

Opened from the session screen (F10), the action plan (P) and the home screen (p). A table
of everyone (name, organisation, sector, role, and a tick for this session's attendance);
keys add, edit and remove people through dialogs that check each field in place, and Space
ticks who came. Every change is one undoable step (Ctrl+Z), and changes made in another
terminal show at once (the screen follows the app's live programme).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from piptui.domain.model import Participant, Session
from piptui.errors import PiptuiError
from piptui.store.people_ops import PeopleOps
from piptui.ui.keymap import keyed
from piptui.ui.screens.form_dialogs import save_in
from piptui.ui.screens.people_dialogs import PersonDialog, PersonEdit
from piptui.ui.screens.programme_screen import ProgrammeScreen
from piptui.ui.text import SECTOR_SHORT, counted, literal, plain
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.tables import fill_table
from piptui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from piptui.store.snapshot import Snapshot
    from piptui.ui.live import LiveProgramme

PARTICIPANTS_BINDINGS: list[BindingType] = [
    Binding("a,insert", "add", "Add", tooltip="Add a participant (name, organisation, sector, role)"),
    Binding("e,enter", "edit", "Edit", tooltip="Edit the highlighted participant"),
    Binding("d,delete", "remove", "Remove", tooltip="Remove the highlighted participant (asks first)"),
    Binding("space,t", "tick", "Came", tooltip="Tick (or untick) that the highlighted person came to this session"),
    Binding("ctrl+z", "undo", "Undo", tooltip="Undo your latest change"),
    Binding("ctrl+y", "redo", "Redo", tooltip="Redo what you undid", show=False),
    Binding("escape", "back", "Back", tooltip="Back to the previous screen"),
]
PARTICIPANTS_BINDINGS = keyed("participants", PARTICIPANTS_BINDINGS)  # ids for the keymap: participants.<action>

HELP = (
    "Everyone in the group: name, organisation, sector and an optional role. The last column "
    "ticks who came to this session. From the command line: piptui participants NAME (add, "
    "remove, import a sign-in sheet)."
)


class ParticipantsScreen(ProgrammeScreen):
    """``ParticipantsScreen(path, session=None, author=None)``: the people of one programme."""

    BINDINGS = PARTICIPANTS_BINDINGS
    HELP_INTRO = HELP
    AUTO_FOCUS = "#people"

    def __init__(self, source: LiveProgramme | Path, *, session: int | None = None, author: str | None = None) -> None:
        super().__init__(source, session=session, author=author)
        self.ops = PeopleOps(self.store)
        programme = self.store.programme()
        self.number = session if session is not None else programme.current_session
        self.session: Session | None = None
        self.people: list[Participant] = []
        self.title = programme.area or programme.name
        self.sub_title = "Participants"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Static("", id="people-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.snapshot_ready()  # now, and at each change of the file

    # -- reading -------------------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot, *, force: bool = False, select: str | None = None) -> None:
        self.people = sorted(snapshot.participants, key=lambda p: (p.name.casefold(), p.id))  # by name
        self.session = next((s for s in snapshot.sessions if s.number == self.number), None)
        self._show(select)

    def _show(self, select: str | None) -> None:
        table = self.query_one(DataTable)
        keep = select or self.highlighted_id()
        came = set(self.session.attended) if self.session else set()
        with self.app.batch_update():
            headings = ("Name", "Organisation", "Sector", "Role", f"Came to {self.number}")
            rows = [
                (
                    (
                        plain(p.name),
                        plain(p.organisation),
                        plain(SECTOR_SHORT[p.sector]),
                        plain(p.role),
                        plain("✓ came" if p.id in came else "", "bold green"),
                    ),
                    p.id,
                )
                for p in self.people
            ]
            fill_table(table, [plain(h) for h in headings], rows)
            ids = [p.id for p in self.people]
            if keep in ids:
                table.move_cursor(row=ids.index(keep))
        status = self.query_one("#people-status", Static)
        if not self.people:
            status.update(
                literal(
                    "Nobody yet: press a to add a participant (or: piptui participants NAME import sign-in.csv)", "dim"
                )
            )
        else:
            total = sum(1 for p in self.people if p.id in came)
            people = counted(len(self.people), "participant")
            status.update(literal(f"{people} · {total} came to session {self.number} · Space ticks who came", "dim"))

    def highlighted_id(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.people or table.cursor_row is None or not 0 <= table.cursor_row < len(self.people):
            return None
        return self.people[table.cursor_row].id

    def highlighted(self) -> Participant | None:
        found = self.highlighted_id()
        return next((p for p in self.people if p.id == found), None)

    # -- actions -------------------------------------------------------------
    def action_add(self) -> None:
        self._edit(None)

    @on(DataTable.RowSelected)
    def action_edit(self) -> None:
        person = self.highlighted()
        if person is None:
            self.notify("Nobody to edit: press a to add a participant", severity="warning")
            return
        self._edit(person)

    @work(exclusive=True, group="person")
    async def _edit(self, person: Participant | None) -> None:
        taken = [p.name for p in self.people if person is None or p.id != person.id]

        def save(edit: PersonEdit) -> Participant:
            if person is None:
                return self.ops.add(edit.name, sector=edit.sector, organisation=edit.organisation, role=edit.role)
            return self.ops.update(
                person.id, name=edit.name, sector=edit.sector, organisation=edit.organisation, role=edit.role
            )

        saved = await save_in(self.app, PersonDialog(person, taken), save)  # open until saved or cancelled
        if saved is None:
            return
        if person is None:
            self.notify(f"Added {saved.described}", markup=False)
        self.saved(select=saved.id)

    def action_remove(self) -> None:
        self._remove()

    @work(exclusive=True, group="person")
    async def _remove(self) -> None:
        from piptui.ui.screens.dialogs import ConfirmDialog

        person = self.highlighted()
        if person is None:
            return
        sure = await self.app.push_screen_wait(
            ConfirmDialog(
                f"Remove {person.name}?", "Their ticks on the attendance go too. Ctrl+Z brings them back.", yes="Remove"
            )
        )
        if not sure:
            return
        try:
            self.ops.remove(person.id)
        except PiptuiError as exc:
            self.report(exc, "Not removed")
            return
        self.notify(f"Removed {person.name}", markup=False)
        self.saved(force=True)

    def action_tick(self) -> None:
        person = self.highlighted()
        if person is None or self.session is None:
            return
        came = person.id not in self.session.attended
        try:
            self.ops.set_attended(self.number, person.id, came)
        except PiptuiError as exc:
            self.report(exc, "Not saved")
            return
        self.saved(force=True)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.dismiss(None)

    def help_sections(self) -> list[tuple[str, Sequence[BindingType]]]:
        return [("Participants", PARTICIPANTS_BINDINGS)]

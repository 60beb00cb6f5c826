"""Home: the programmes in the sessions folder; create one, open one at a session."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Static

from piptui.errors import PiptuiError
from piptui.store.locations import ProgrammeInfo, list_programmes
from piptui.ui.app import piptui_app
from piptui.ui.bindings import HOME_BINDINGS
from piptui.ui.screens.dialogs import NewProgramme, NewProgrammeDialog
from piptui.ui.screens.form_dialogs import save_in
from piptui.ui.text import literal, plain
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.tables import fill_table
from piptui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from piptui.exercises import Library


def changed_text(mtime: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(mtime)) if mtime else ""


HEADINGS = ("Programme", "Area", "Sessions held", "Cards", "Last change")


def row_cells(info: ProgrammeInfo) -> tuple[Text, ...]:
    """A programme's line in the list, one cell a heading."""
    if info.error:
        return (
            plain(info.name),
            plain("cannot be opened", "red"),
            plain(""),
            plain(""),
            plain(changed_text(info.changed)),
        )
    return (
        plain(info.name),
        plain(info.area),
        plain(str(info.sessions_held)),
        plain(str(info.cards)),
        plain(changed_text(info.changed)),
    )


class HomeScreen(Screen[None]):
    """The list of programmes. Reading the folder (every file) runs in a worker."""

    BINDINGS = HOME_BINDINGS
    HELP_INTRO = (
        "Each programme is one area's group and its file in the sessions folder. Open one to pick a session and run it."
    )
    AUTO_FOCUS = "#programmes"

    def __init__(self, sessions_dir: Path) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        self.programmes: list[ProgrammeInfo] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(literal(f"Programmes in {self.sessions_dir}"), id="home-heading")
        yield DataTable(id="programmes", cursor_type="row", zebra_stripes=True)
        yield Static(literal("Reading the sessions folder…", "dim"), id="home-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "piptui"
        self.sub_title = "Partnership Improvement Programme"
        self.action_reload()
        self._load_library()

    @work(group="library", exit_on_error=False)
    async def _load_library(self) -> None:
        """Load the exercise library meanwhile (in a thread): a new programme's scripts are ready."""
        await piptui_app(self.app).library_async()

    def action_reload(self, select: str | None = None) -> None:
        self._read_folder(select)

    @work(thread=True, exclusive=True, group="home")
    def _read_folder(self, select: str | None) -> None:
        programmes = list_programmes(self.sessions_dir)
        self.app.call_from_thread(self._show, programmes, select)

    def _show(self, programmes: list[ProgrammeInfo], select: str | None) -> None:
        self.programmes = programmes
        fill_table(
            self.query_one(DataTable),
            [plain(heading) for heading in HEADINGS],
            [(row_cells(info), str(info.path)) for info in programmes],
        )
        table = self.query_one(DataTable)
        if select is not None:
            names = [p.name for p in programmes]
            if select in names:
                table.move_cursor(row=names.index(select))
        self._show_status()

    @on(DataTable.RowHighlighted)
    def _show_status(self) -> None:
        status = self.query_one("#home-status", Static)
        info = self._highlighted()
        if not self.programmes:
            status.update(literal("No programmes yet: press n to create one (or run: piptui demo).", "dim"))
        elif info is not None and info.error:
            status.update(literal(f"{info.name} cannot be opened: {info.error}", "red"))
        elif info is not None:
            status.update(literal(f"{info.title or info.name}  ·  Enter opens, n creates", "dim"))

    def _highlighted(self) -> ProgrammeInfo | None:
        table = self.query_one(DataTable)
        if not self.programmes or table.cursor_row is None or table.cursor_row >= len(self.programmes):
            return None
        return self.programmes[table.cursor_row]

    @on(DataTable.RowSelected)
    def action_open_programme(self) -> None:
        info = self._highlighted()
        if info is None:
            self.notify("No programme to open: press n to create one", severity="warning")
            return
        if info.error:
            self.notify(info.error, title="Cannot open", severity="error", markup=False)
            return
        piptui_app(self.app).action_pick_session(info.path)

    def action_participants(self) -> None:
        from piptui.ui.screens.participants import ParticipantsScreen

        info = self._highlighted()
        if info is None or info.error:
            self.action_open_programme()  # says why not
            return
        try:
            screen = ParticipantsScreen(info.path)
        except PiptuiError as exc:
            self.notify(exc.message, title="Cannot open", severity="error", markup=False)
            return
        self.app.push_screen(screen, lambda _result: self.action_reload(select=info.name))

    @work(exclusive=True, group="programme-text")
    async def action_programme_text(self) -> None:
        from piptui.ui.screens.programme_text import edit_programme_text

        info = self._highlighted()
        if info is None or info.error:
            self.action_open_programme()  # says why not
            return
        try:
            live = piptui_app(self.app).live_for(info.path)
        except PiptuiError as exc:
            self.notify(exc.message, title="Cannot open", severity="error", markup=False)
            return
        await edit_programme_text(self, live.store)

    def action_new_programme(self) -> None:
        self._new_programme_dialog()

    @work(exclusive=True, group="new")
    async def _new_programme_dialog(self) -> None:
        from piptui.exercises import DEFAULT_PROGRAMME

        library = await piptui_app(self.app).library_async()
        scripts = [(one.title or one.id, one.id) for one in library.programmes.values()]
        new = await save_in(
            self.app, NewProgrammeDialog(scripts, DEFAULT_PROGRAMME), lambda new: self.create(new, library)
        )  # open until created (a name taken, a full disk: said in the dialog) or cancelled
        if new is not None:
            self.notify(f"Created {new.name}", markup=False)
            self.action_reload(select=new.name)

    def create(self, new: NewProgramme, library: Library) -> NewProgramme:
        from piptui.programmes import create_programme

        create_programme(
            self.sessions_dir, new.name, area=new.area, title=new.title, script=new.script, library=library
        )
        return new

    def action_help(self) -> None:
        piptui_app(self.app).action_help()

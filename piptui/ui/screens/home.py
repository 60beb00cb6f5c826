"""Home: the programmes in the sessions folder."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from piptui.store.locations import list_programmes
from piptui.ui.text import plain


class HomeScreen(Screen[None]):
    BINDINGS = [("q", "app.quit", "Quit")]

    def __init__(self, sessions_dir: Path) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(plain(f"Programmes in {self.sessions_dir}"), id="home-heading")
        yield DataTable(id="programmes", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Programme", "Area", "Cards", "Sessions held")
        for info in list_programmes(self.sessions_dir):
            table.add_row(plain(info.name), plain(info.area), plain(info.cards), plain(info.sessions_held),
                          key=str(info.path))

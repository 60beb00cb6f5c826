"""The partnership profile screen: every card of the programme, across sessions and steps, by the
four dimensions (drivers, benefits, difficult aspects, obstacles and barriers, with their
sub-groups), with counts by sector. Opened by Ctrl+D on the session and plan screens.

While this terminal leads the room, the wall shows the profile too (the lead's view is
``profile``), and goes back to what it showed when this screen closes. Confidential cards show
here as on the board (marked ``!``); the wall never shows them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from piptui.errors import PiptuiError
from piptui.ui.keymap import keyed
from piptui.ui.library import load_library
from piptui.ui.screens.programme_screen import ProgrammeScreen
from piptui.ui.text import counted, one_line
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.profile_view import ProfileView
from piptui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from piptui.exercises import Library
    from piptui.store.snapshot import Snapshot
    from piptui.ui.live import LiveProgramme

PROFILE_BINDINGS: list[BindingType] = [
    Binding("escape,q,ctrl+d", "back", "Back", tooltip="Back to the previous screen"),
    Binding("tab", "dimension(1)", "Next dimension", tooltip="Go to the next dimension of the profile"),
    Binding("shift+tab", "dimension(-1)", "Prev dimension", tooltip="Go to the previous dimension", show=False),
]
PROFILE_BINDINGS = keyed("profile", PROFILE_BINDINGS)  # ids for the keymap: profile.<action>

HELP = (
    "Every card of the programme, across sessions and steps, by the four dimensions of the partnership "
    "profile (drivers, benefits, difficult aspects, obstacles and barriers), with counts by sector: where "
    "the council and the voluntary sector agree and differ. A card is in the dimension of the column it "
    "was sorted into. Side by side on a wide screen (Tab: the next column), one list on a narrow one "
    "(Tab: the next dimension); arrows go from card to card, PageUp/PageDown a page, Home/End to the "
    "first and the last. Confidential cards show "
    "here marked !, as on the board; the wall never shows them. While you lead the room, the wall "
    "shows the profile too. piptui export NAME --content profile writes it."
)


class ProfileScreen(ProgrammeScreen):
    """``ProfileScreen(live)``: the programme's partnership profile."""

    BINDINGS = PROFILE_BINDINGS
    HELP_INTRO = HELP

    def __init__(self, source: LiveProgramme, *, session: int | None = None) -> None:
        super().__init__(source, session=session)
        programme = self.snapshot.programme
        self.title = one_line(programme.area or programme.name, 60)
        self.sub_title = "The partnership profile"
        self._restore: str | None = None  # the room's view before this screen showed it the profile

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield ProfileView(id="profile")
        yield KeyBar()

    def on_mount(self) -> None:
        self._restore = self._tell_room()
        if self.loaded_library is None:
            load_library(self, lambda _library: self.show_latest(force=True))
        self.snapshot_ready()

    def _tell_room(self, view: str | None = None) -> str | None:
        """While this terminal leads: the wall shows ``view`` (default: the profile). Returns the view
        it showed before (None when this terminal does not lead, or nothing changed)."""
        from piptui.store.room_ops import RoomLead

        with contextlib.suppress(PiptuiError):
            room = RoomLead(self.store, self.author)
            lead = room.current()
            if lead is None or not room.leading(lead):
                return None
            before = lead.view
            return before if room.set_view(view or "profile") else None
        return None

    def show_snapshot(self, snapshot: Snapshot, *, force: bool = False, select: str | None = None) -> None:
        library: Library | None = self.loaded_library
        if library is None:
            return
        from piptui.domain.profile import build_profile

        profile = build_profile(snapshot.cards, library.exercises, include_confidential=True)
        self.query_one(ProfileView).show(profile)
        self.sub_title = f"The partnership profile · {counted(profile.count, 'card')}"

    def action_dimension(self, delta: int) -> None:
        self.query_one(ProfileView).go_to(delta)

    def action_back(self) -> None:
        if self._restore is not None:
            self._tell_room(self._restore)
            self._restore = None
        self.dismiss(None)

    def help_sections(self) -> list[tuple[str, Sequence[BindingType]]]:
        return [("The partnership profile", PROFILE_BINDINGS)]

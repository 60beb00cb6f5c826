"""The partnership profile on the wall: while the lead is on the profile screen (the lead's view is
``profile``), or after Ctrl+D on the wall itself, the profile takes the board's place, read-only.

Side by side on a wide wall, one list on a narrow one; PageUp/PageDown scroll it. Confidential
cards never reach it (they are left out of the profile before it is built), nor do the cards of a
step hidden from the wall until the lead reveals it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from piptui.ui.text import counted, literal

if TYPE_CHECKING:
    from piptui.domain.model import Card
    from piptui.exercises import Library
    from piptui.store.snapshot import Snapshot
    from piptui.ui.room import Room
    from piptui.ui.screens.wall import WallScreen
    from piptui.ui.widgets.profile_view import ProfileView

TITLE = "The partnership profile"
PROMPT = "Everything the group said, by the four dimensions: where the sectors agree and differ."


def _view(screen: WallScreen) -> ProfileView | None:
    from piptui.ui.widgets.profile_view import ProfileView

    found = screen.query(ProfileView)
    return found.first() if found else None


def wall_cards(snapshot: Snapshot, library: Library) -> list[Card]:
    """The cards the wall's profile may show: none of a step the lead hides from the wall (until it
    is revealed); build_profile leaves out the confidential ones."""
    from piptui.domain.reveal import step_hidden

    sessions = {s.number: s for s in snapshot.sessions}
    hidden: dict[tuple[int | None, str | None], bool] = {}
    out: list[Card] = []
    for card in snapshot.cards:
        key = (card.session, card.step)
        if key not in hidden:
            session = sessions.get(card.session) if card.session is not None else None
            found = library.step(card.step) if card.step else None
            hidden[key] = session is not None and step_hidden(session, card.step, found[1] if found else None)
        if not hidden[key]:
            out.append(card)
    return out


def shown(screen: WallScreen) -> bool:
    view = _view(screen)
    return view is not None and bool(view.display)


def follow(screen: WallScreen, room: Room, lead_view: str, own: bool) -> bool:
    """Show the profile if the lead is on it (or the wall asked for it, ``own``), else hide it.
    True when the profile is on the wall now (the board and the plan are not)."""
    view = _view(screen)
    if lead_view != "profile" and not own:
        if view is not None and view.display:
            view.display = False
        return False
    library = screen.library
    if library is None:
        return False
    snapshot = screen.snapshot
    if view is None:
        from piptui.ui.widgets.profile_view import ProfileView

        view = ProfileView(takes_focus=False, id="wall-profile")
        screen.mount(view, after="#wall-plan")
    elif view.display and view.shown_cards == (snapshot.cards, snapshot.sessions):
        return True  # only the lead's heartbeat changed (the sessions say what is hidden)
    # what the board, the plan and the exercises use to hide themselves (each shows itself again)
    screen.query_one("#wall-cards").add_class("-off")  # the board (BoardColumns: its list or its columns)
    screen.query_one("#wall-exercise").add_class("-hidden")
    screen.query_one("#wall-plan").display = False
    for panel in screen.query("#wall-roles"):
        panel.display = False
    view.display = True
    view.shown_cards = (snapshot.cards, snapshot.sessions)
    from piptui.domain.profile import build_profile

    profile = build_profile(wall_cards(snapshot, library), library.exercises)  # never a confidential card
    view.show(profile)
    screen.query_one("#wall-step", Static).update(literal(f"{TITLE} · {counted(profile.count, 'card')}", "bold"))
    screen.query_one("#wall-prompt", Static).update(literal(PROMPT))
    return True


def scroll(screen: WallScreen, how: str) -> bool:
    view = _view(screen)
    if view is None or not view.display:
        return False
    view.scroll_page(how)
    return True

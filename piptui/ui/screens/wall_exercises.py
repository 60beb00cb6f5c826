"""The exercises' own views on the wall: on a perspective swap the comparison takes the board's
place (every pair stacked where the wall is big enough, else one pair, ``n`` the next); on a role
play the scenario and the cast above the board, never the briefs. Confidential cards never reach
either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import VerticalScroll

from piptui.ui.room import Room
from piptui.ui.screens.wall import public_cards

if TYPE_CHECKING:
    from piptui.ui.screens.wall import WallScreen
    from piptui.ui.widgets.comparison import PerspectiveComparison

ALL_PAIRS = (150, 40)  # a wall at least this big (columns, rows) shows every pair at once


def _pane(screen: WallScreen) -> VerticalScroll:
    return screen.query_one("#wall-exercise", VerticalScroll)


def _comparison(screen: WallScreen) -> PerspectiveComparison:
    from piptui.ui.widgets.comparison import PerspectiveComparison

    found = _pane(screen).query(PerspectiveComparison)
    if found:
        return found.first()
    widget = PerspectiveComparison(id="wall-comparison")
    _pane(screen).mount(widget)
    return widget


def show_cast(screen: WallScreen, room: Room) -> None:
    """A role play's scenario and cast above the board (never a brief: those are private)."""
    from piptui.ui.widgets.role_panel import RolePanel

    exercise = room.exercise
    playing = exercise is not None and bool(exercise.roles)
    found = screen.query(RolePanel)
    if not found and not playing:
        return
    panel = found.first() if found else RolePanel(id="wall-roles")
    if not found:
        screen.mount(panel, before="#wall-cards")
    panel.display = playing
    if not playing or exercise is None:
        return
    from piptui.domain.casting import players

    snapshot = screen.snapshot
    cast = snapshot.cast(room.session.number, exercise.id)
    panel.show(exercise, {r.id: players(cast, snapshot.participants, r.id) for r in exercise.roles}, scenario=True)


def show_exercise(screen: WallScreen, room: Room) -> None:
    """Show the comparison instead of the board on a perspective swap's steps, and a role play's
    scenario and cast above the board."""
    show_cast(screen, room)
    exercise = room.exercise
    perspective = exercise is not None and exercise.kind.value == "perspective_swap"
    _pane(screen).set_class(not perspective, "-hidden")
    screen.query_one("#wall-cards").set_class(perspective, "-hidden")
    if not perspective or exercise is None:
        return
    from piptui.domain.perspectives import compare_perspectives, compare_step_columns, exercise_cards

    cards = public_cards(screen.snapshot.cards_of(session=room.session.number))
    comparison = compare_perspectives(exercise_cards(cards, exercise.id), compare_step_columns(exercise))
    width, height = screen.size
    widget = _comparison(screen)
    widget.show(comparison, show_all=width >= ALL_PAIRS[0] and height >= ALL_PAIRS[1])
    pairs = len(comparison.pairs)
    _pane(screen).border_title = (
        f"Perspectives: {pairs} pairs"
        if widget.show_all
        else f"Perspectives: pair {widget.pair_index + 1} of {pairs} (n: next)"
    )


def next_pair(screen: WallScreen) -> None:
    if _pane(screen).has_class("-hidden"):
        return
    widget = _comparison(screen)
    widget.next_pair()
    if screen.room is not None:
        show_exercise(screen, screen.room)


def scroll(screen: WallScreen, how: str) -> bool:
    pane = _pane(screen)
    if pane.has_class("-hidden"):
        return False
    (pane.scroll_page_up if how == "page_up" else pane.scroll_page_down)(animate=False)
    return True

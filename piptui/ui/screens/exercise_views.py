"""The exercises' own views on the session screen: the perspective swap's comparison (in place of
the board, F11 steps through its pairs and back to the board) and the role play's scenario and
roles.

Functions of the session screen, called from its refresh path (:func:`step_changed`,
:func:`cards_changed`) and its F11 action (:func:`next_view`). The widgets are mounted the first
time an exercise needs them, so the first frame does not pay for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.containers import VerticalScroll

from piptui.domain.columns import CardFilter, ColumnGroup, group_cards
from piptui.domain.model import Card
from piptui.ui.widgets.board_columns import BoardColumns

if TYPE_CHECKING:
    from piptui.domain.exercise import Column, Exercise
    from piptui.domain.perspectives import Comparison
    from piptui.ui.screens.session import SessionScreen
    from piptui.ui.widgets.comparison import PerspectiveComparison


def board_groups(
    exercise: Exercise | None, columns: Sequence[Column], cards: Sequence[Card], card_filter: CardFilter
) -> list[ColumnGroup]:
    """The board's groups: a role play's step without columns (the play) by the role speaking,
    any other step by its columns."""
    if exercise is not None and exercise.roles and not columns and any(c.role for c in cards):
        from piptui.domain.casting import group_by_role

        return group_by_role(cards, exercise.roles, card_filter)
    return group_cards(cards, columns, card_filter)


def _kind(screen: SessionScreen) -> str | None:
    exercise = screen.exercise
    return exercise.kind.value if exercise is not None else None


def _pane(screen: SessionScreen) -> VerticalScroll:
    return screen.query_one("#exercise-pane", VerticalScroll)


def _comparison(screen: SessionScreen) -> PerspectiveComparison:
    from piptui.ui.widgets.comparison import PerspectiveComparison

    pane = _pane(screen)
    found = pane.query(PerspectiveComparison)
    if found:
        return found.first()
    widget = PerspectiveComparison(id="comparison")
    pane.mount(widget)
    return widget


def comparison_shown(screen: SessionScreen) -> bool:
    return not _pane(screen).has_class("-hidden")


def _show_board(screen: SessionScreen) -> None:
    _pane(screen).add_class("-hidden")
    screen.query_one(BoardColumns).remove_class("-hidden")


def step_changed(screen: SessionScreen) -> None:
    """A new step: the comparison stays only while the room is on the same perspective swap."""
    if comparison_shown(screen) and _kind(screen) != "perspective_swap":
        _show_board(screen)
    from piptui.ui.screens.role_views import show_role_panel

    show_role_panel(screen)


def comparison_of(screen: SessionScreen, exercise: Exercise) -> Comparison:
    from piptui.domain.perspectives import compare_perspectives, compare_step_columns, exercise_cards

    cards = exercise_cards(screen.snapshot.cards_of(session=screen.number), exercise.id)
    return compare_perspectives(cards, compare_step_columns(exercise))


def cards_changed(screen: SessionScreen) -> None:
    """Cards changed (or anything else in the file): redraw the comparison if it is on screen, and
    the role play's panel (the cast may have changed)."""
    if _kind(screen) == "role_play":
        from piptui.ui.screens.role_views import show_role_panel

        show_role_panel(screen)
    if comparison_shown(screen) and screen.exercise is not None:
        _comparison(screen).show(comparison_of(screen, screen.exercise))


def next_view(screen: SessionScreen) -> None:
    """F11: on a perspective swap, the board, then each pair of the comparison, then the board;
    on a role play, the roles and their briefs."""
    kind = _kind(screen)
    if kind == "role_play":
        from piptui.ui.screens.role_views import open_roles

        open_roles(screen)
        return
    if kind != "perspective_swap" or screen.exercise is None:
        screen.notify(
            "F11 shows the perspective swap's comparison and the role play's roles; this step is neither",
            severity="warning",
        )
        return
    widget = _comparison(screen)
    pane = _pane(screen)
    if not comparison_shown(screen):
        widget.pair_index = 0
        pane.remove_class("-hidden")
        screen.query_one(BoardColumns).add_class("-hidden")
        cards_changed(screen)
    elif widget.pair_index + 1 >= len(widget.comparison.pairs):
        _show_board(screen)
        return
    else:
        widget.next_pair()
    pane.scroll_home(animate=False)
    total = len(widget.comparison.pairs)
    last = widget.pair_index + 1 >= total
    pane.border_title = f"Comparison {widget.pair_index + 1} of {total} · F11 " + ("the board" if last else "next pair")


def scroll(screen: SessionScreen, direction: str) -> bool:
    """Up/Down/PageUp/PageDown scroll the comparison while it is on screen (True: they did)."""
    if not comparison_shown(screen):
        return False
    pane = _pane(screen)
    {
        "up": pane.scroll_up,
        "down": pane.scroll_down,
        "page_up": pane.scroll_page_up,
        "page_down": pane.scroll_page_down,
    }.get(direction, pane.scroll_down)(animate=False)
    return True

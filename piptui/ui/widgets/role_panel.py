"""The role play's scenario and roles (title, sector, who plays each), for the session screen and
the wall. Passive: :meth:`RolePanel.show` is given the exercise and the cast's players. Never a
brief: briefs are handed out privately (the roles screen opens them one at a time)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.widgets import Static

from piptui.domain.exercise import Exercise
from piptui.domain.model import Participant
from piptui.ui.text import SECTOR_SHORT
from piptui.ui.widgets.board import SECTOR_STYLE


def roles_text(
    exercise: Exercise, players: Mapping[str, Sequence[Participant]], *, scenario: bool, hint: str = ""
) -> Text:
    """One line per role (its title, its sector, who plays it), a hint, then the scenario when
    asked: the roles first, so a short terminal shows them whole."""
    text = Text(end="")
    cast = any(players.values())
    for n, role in enumerate(exercise.roles):
        if n:
            text.append("\n")
        text.append("▍", style=SECTOR_STYLE[role.sector])
        text.append(role.title, style="bold")
        text.append(f"  {SECTOR_SHORT[role.sector]}", style=SECTOR_STYLE[role.sector])
        who = players.get(role.id, ())
        if who:
            text.append("  played by ", style="dim")
            text.append(", ".join(p.name for p in who))
        elif cast:
            text.append("  nobody yet", style="dim italic")
    if hint:
        text.append("\n")
        text.append(hint, style="dim")
    if scenario and exercise.scenario.strip():
        text.append("\n")
        text.append(" ".join(exercise.scenario.split()))
    return text


class RolePanel(Static):
    """Scenario and roles above the board on a role play's steps."""

    DEFAULT_CSS = """
    RolePanel {
        height: auto;
        max-height: 45%;
        overflow-y: auto;
        padding: 0 1;
        border-top: hkey $panel;
        border-bottom: hkey $panel;
    }
    """

    def show(
        self, exercise: Exercise, players: Mapping[str, Sequence[Participant]], *, scenario: bool, hint: str = ""
    ) -> None:
        self.update(roles_text(exercise, players, scenario=scenario, hint=hint))

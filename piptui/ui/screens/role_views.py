"""The role play on the session screen: its scenario and roles above the board (who plays each,
once cast), F11 the roles screen (briefs, the cast). The panel is mounted the first time a role
play's step is shown, and redrawn with the cards (another terminal may change the cast)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from piptui.ui.screens.session import SessionScreen
    from piptui.ui.widgets.role_panel import RolePanel

HINT = "F11: the roles, their briefs and the cast"


def _panel(screen: SessionScreen, create: bool) -> RolePanel | None:
    from piptui.ui.widgets.role_panel import RolePanel

    found = screen.query(RolePanel)
    if found:
        return found.first()
    if not create:
        return None
    panel = RolePanel(id="role-panel")
    screen.query_one("#session-main").mount(panel, before="#board-area")
    return panel


def show_role_panel(screen: SessionScreen) -> None:
    """Roles (who plays each) and the scenario on a role play's steps; hidden elsewhere."""
    exercise = screen.exercise
    playing = exercise is not None and bool(exercise.roles)
    panel = _panel(screen, create=playing)
    if panel is None:
        return
    panel.display = playing
    if not playing or exercise is None:
        return
    from piptui.domain.casting import players

    snapshot = screen.snapshot
    cast = snapshot.cast(screen.number, exercise.id)
    who = {r.id: players(cast, snapshot.participants, r.id) for r in exercise.roles}
    hint = HINT if cast is not None else HINT + " (nobody is cast yet: F11, then c)"
    panel.show(exercise, who, scenario=True, hint=hint)


def open_roles(screen: SessionScreen) -> None:
    exercise = screen.exercise
    if exercise is None or not exercise.roles:
        screen.notify("This role play has no roles in its script", severity="warning")
        return
    from piptui.ui.screens.roles import RolesScreen

    screen.app.push_screen(RolesScreen(screen.live, exercise, session=screen.number))

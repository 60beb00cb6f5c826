"""The role play on screen, by the keys: scenario and roles on its steps, briefs on a key, the
cast screen (suggest, change one person, undo), %role on the capture line; the wall shows the
scenario and the cast, never a brief."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Static
from ui_support import board_lines, demo_app, notifications, patience, screen_text, session_ready

from piptui.store import SessionStore
from piptui.store.cast_ops import CastOps
from piptui.ui.screens.cast import CastScreen
from piptui.ui.screens.roles import BriefDialog, RolesScreen
from piptui.ui.screens.wall import WallScreen

BRIEF_WORDS = "You must show value for money"  # the commissioner's brief (exercises/role-play.yaml)


async def until(pilot: Pilot[Any], condition: Any) -> None:
    for _ in patience():
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the screen did not get there")


async def to_step(pilot: Pilot[Any], presses: int) -> Any:
    screen = await session_ready(pilot)
    await pilot.press(*["f6"] * presses)
    await pilot.pause()
    return screen


async def test_the_brief_step_shows_the_roles_and_f11_opens_briefs_and_the_cast(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await to_step(pilot, 2)  # sorting's two steps, then the role play's brief
        text = screen_text(app)
        assert "Council commissioning manager  Council" in text and "Manager of a small local charity  VCS" in text
        assert BRIEF_WORDS not in text  # briefs are private
        await pilot.press("f11")
        await until(pilot, lambda: isinstance(app.screen, RolesScreen))
        await pilot.press("enter")  # the first role's brief
        await until(pilot, lambda: isinstance(app.screen, BriefDialog))
        assert BRIEF_WORDS in screen_text(app)
        await pilot.press("escape", "c")
        await until(pilot, lambda: isinstance(app.screen, CastScreen))
        cast_screen = app.screen
        await until(pilot, lambda: cast_screen.query_one(DataTable).row_count == 16)

        def status() -> str:
            return str(cast_screen.query_one("#cast-status", Static).render())

        assert "16 of 16 cast · 16 in the other sector's shoes" in status()
        first = cast_screen.rows[0]
        assert first.role is not None
        detail = f"{first.participant.name} (Council) plays {first.role.title} (VCS) ✓"
        assert detail in " ".join(screen_text(app).split())  # the whole role title, however long
        await pilot.press("down")
        second = cast_screen.rows[1]
        assert second.participant.name in str(cast_screen.query_one("#cast-detail", Static).render())
        await pilot.press("up")
        assert first.role is not None and first.role.sector.value == "vcs"  # a councillor plays the sector
        await pilot.press("enter")  # change the first person's role: the pick dialog lists the roles
        await pilot.pause()
        await pilot.press("home", "enter")  # the first role: the council commissioning manager
        await until(
            pilot, lambda: cast_screen.rows[0].role is not None and cast_screen.rows[0].role.id == "commissioner"
        )
        assert "15 in the other sector's shoes" in status()
        await pilot.press("ctrl+z")
        await until(pilot, lambda: cast_screen.rows[0].role == first.role)
        demo_cast = cast_screen.snapshot.cast(3, "role-play")
        await pilot.press("n", "y")  # a fresh suggestion (over the people in name order), confirmed
        await until(pilot, lambda: cast_screen.snapshot.cast(3, "role-play") != demo_cast)
        fresh = cast_screen.snapshot.cast(3, "role-play")
        assert fresh is not None and len(fresh.castings) == 16
        assert "16 in the other sector's shoes" in status()
        await pilot.press("ctrl+z")  # one undo step takes the whole recast back
        await until(pilot, lambda: cast_screen.snapshot.cast(3, "role-play") == demo_cast)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, RolesScreen))
        assert "played by" in screen_text(app)


async def test_percent_role_on_the_play_groups_by_role_and_an_unknown_role_is_refused(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await to_step(pilot, 3)  # the commissioning round itself
        assert screen.step_ref == "role-play/play"
        await pilot.press(*"Three staff and no bid writer %local-charity @council", "enter")
        await pilot.pause()
        card = next(c for c in screen.store.cards(session=3) if c.text == "Three staff and no bid writer")
        assert (card.role, card.voiced_as.value if card.voiced_as else None) == ("local-charity", "vcs")
        lines = board_lines(screen)
        heading = next(n for n, line in enumerate(lines) if line.startswith("As Manager of a small local charity"))
        assert "Three staff and no bid writer" in lines[heading + 1]
        await pilot.press(*"hello %mayor", "enter")
        await pilot.pause()
        assert any("%mayor is not a role of this role play" in n for n in notifications(app))
        assert screen.query_one("#capture").value == "hello %mayor"  # kept, nothing saved


async def test_the_wall_shows_the_scenario_and_cast_never_a_brief(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author=None, mode="wall")
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        path = app.programme_path
        assert path is not None
        with SessionStore(path, author="Ann") as facilitator:
            exercise = app.library().exercises["role-play"]
            CastOps(facilitator).assign(3, "role-play", exercise.roles)
            facilitator.set_current_step(3, "role-play/brief")
        for _ in patience():
            screen = app.screen
            if isinstance(screen, WallScreen) and screen.room is not None and screen.room.step_ref == "role-play/brief":
                break
            await asyncio.sleep(0.05)
        await pilot.pause()
        text = screen_text(app)
        assert "jointly commissioning" in text  # the scenario
        assert "played by" in text and "Council commissioning manager" in text
        assert BRIEF_WORDS not in text


async def test_the_cast_of_a_programme_without_participants_says_so(sessions_dir: Path) -> None:
    from piptui.programmes import create_programme
    from piptui.ui.app import create_app

    path = create_programme(sessions_dir, "empty", area="Nowhere")
    app = create_app(sessions_dir=sessions_dir, programme=path, session=3, author="ann", mode="session")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await to_step(pilot, 2)
        await pilot.press("f11")
        await until(pilot, lambda: isinstance(app.screen, RolesScreen))
        assert "nobody cast yet" in screen_text(app)
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, CastScreen))
        await pilot.pause()
        assert any("no participants yet" in n for n in notifications(app))
        assert "No participants yet" in str(app.screen.query_one("#cast-status", Static).render())
        with SessionStore(path) as store:
            assert store.snapshot().casts == ()  # nothing written

"""The partnership profile on screen (issue 18 point 3): Ctrl+D on the session and plan screens,
the wall following the lead onto it (and its own Ctrl+D), keys that move about it."""

from __future__ import annotations

import os
from pathlib import Path

from ui_support import demo_app, patience, screen_text, session_ready, type_line, until

from piptui.store import SessionStore
from piptui.store.room_ops import RoomLead
from piptui.ui.screens.plan import PlanScreen
from piptui.ui.screens.profile import ProfileScreen
from piptui.ui.screens.session import SessionScreen
from piptui.ui.screens.wall import WallScreen
from piptui.ui.widgets.profile_view import ProfileList, ProfileView

SECRET = "We are invited as guests, not as equal partners"  # the demo's confidential card
TITLES = ("Drivers", "Benefits", "Difficult aspects", "Obstacles and barriers")


def lead_view(path: Path) -> str | None:
    with SessionStore(path) as store:
        lead = store.programme().lead
    return lead.view if lead is not None else None


async def test_ctrl_d_on_the_session_screen_shows_the_profile_by_dimension_with_sector_counts(
    sessions_dir: Path,
) -> None:
    app = demo_app(sessions_dir, author="Sue")
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await type_line(pilot, "Shared training days build trust #drivers @vcs")  # a card of today's sorting
        await pilot.press("ctrl+d")
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen), "the profile screen")
        text = screen_text(app)
        for title in TITLES:
            assert f"{title}  " in text
        assert "Drivers  7 cards" in text  # the demo's six and the one just typed
        assert "Shared training days build trust" in text
        assert "Organisation 5" in text and "Partnership models 2" in text
        assert "Council 3 · Statutory 1 · VCS 3" in text  # the drivers, by sector
        # side by side: the four headings on one line
        assert any(all(t in line for t in TITLES) for line in text.splitlines())
        await pilot.press("tab", "tab", "tab", "end")  # the obstacles' column, to its end
        await pilot.pause()
        text = screen_text(app)
        assert "Power 4  Council 1 · VCS 3" in text
        assert "! We are invited as guests" in text  # confidential: shown marked, as on the board
        assert lead_view(screen.path) == "profile"  # the wall follows
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "the session screen again")
        assert lead_view(screen.path) == "board"
        assert screen.query_one("#capture").has_focus  # typing goes on where it was


async def test_ctrl_d_while_typing_opens_the_profile_not_a_deletion(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await session_ready(pilot)
        await pilot.press(*"half typed", "home")
        await pilot.press("ctrl+d")
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen), "the profile screen")
        await pilot.press("q")
        await until(pilot, lambda: app.screen is screen, "the session screen again")
        assert screen.query_one("#capture").value == "half typed"  # type: ignore[attr-defined]


async def test_at_80x24_one_list_under_a_summary_tab_goes_from_dimension_to_dimension(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await session_ready(pilot)
        await pilot.press("ctrl+d")
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen), "the profile screen")
        view = app.screen.query_one(ProfileView)
        listing = view.one_list
        text = screen_text(app)
        lines = text.splitlines()
        assert lines[1].startswith(" Drivers") and "6" in lines[1]  # the summary: one line a dimension
        assert "Obstacles and barriers   14  Council 4 · Statutory 2 · VCS 8" in text
        assert not any(all(t in line for t in TITLES[:2]) for line in lines)  # one list, not columns
        assert listing.has_focus and listing.highlighted == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert listing.scroll_y > 0 and (listing.highlighted or 0) > 2
        await pilot.press("home")
        await pilot.pause()
        assert listing.scroll_y == 0 and listing.highlighted == 0
        await pilot.press("down", "down")  # past the drivers' counts (not a card) to the second card
        await pilot.pause()
        assert listing.highlighted == 3
        await pilot.press("end")
        await pilot.pause()
        assert listing.highlighted == listing.option_count - 1
        assert listing.scroll_y == listing.max_scroll_y > 20
        await pilot.press("home", "tab", "tab", "tab")  # to the obstacles
        await pilot.pause()
        assert "Obstacles and barriers  14 cards" in screen_text(app).splitlines()[6]  # at the top of the list
        assert view.current == 3
        await pilot.press("tab")  # round again to the drivers
        await pilot.pause()
        assert listing.scroll_y == 0 and listing.highlighted == 0
        await pilot.press("shift+tab")
        await pilot.pause()
        assert view.current == 3 and "Obstacles and barriers  14 cards" in screen_text(app).splitlines()[6]
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session screen again")


async def test_side_by_side_tab_moves_the_focus_from_column_to_column_and_keys_move_in_it(
    sessions_dir: Path,
) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(160, 30)) as pilot:
        await session_ready(pilot)
        await pilot.press("ctrl+d")
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen), "the profile screen")
        await pilot.pause()
        columns = app.screen.query_one(ProfileView).columns
        assert columns[0].has_focus
        await pilot.press("tab", "tab", "tab")
        await pilot.pause()
        obstacles = columns[3]
        assert obstacles.has_focus and obstacles.max_scroll_y > 0
        await pilot.press("down", "down")
        await pilot.pause()
        first = obstacles.highlighted
        assert first is not None and first > 1 and columns[0].scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert obstacles.highlighted == obstacles.option_count - 1
        assert obstacles.scroll_y == obstacles.max_scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert 0 <= obstacles.scroll_y < obstacles.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert obstacles.scroll_y == 0
        await pilot.press("shift+tab")
        await pilot.pause()
        assert columns[2].has_focus
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#profile-list").has_focus  # narrow: the one list takes the focus
        assert "Difficult aspects" in screen_text(app)


async def test_ctrl_d_on_the_plan_screen_and_back_to_the_plan(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Sue")
    async with app.run_test(size=(110, 32)) as pilot:
        screen = await session_ready(pilot)
        await until(pilot, lambda: screen.leading, "the lead")
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan screen")
        assert lead_view(screen.path) == "plan"
        await pilot.press("ctrl+d")
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen), "the profile screen")
        assert "Obstacles and barriers" in screen_text(app)
        assert lead_view(screen.path) == "profile"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan again")
        assert lead_view(screen.path) == "plan"  # the wall goes back to the plan with the lead
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "the session screen")
        assert lead_view(screen.path) == "board"


async def wall_ready(pilot: object, app: object) -> WallScreen:
    for _ in patience():
        screen = app.screen  # type: ignore[attr-defined]
        if isinstance(screen, WallScreen) and screen.room is not None:
            return screen
        await pilot.pause(0.02)  # type: ignore[attr-defined]
    raise AssertionError("the wall did not load")


async def test_the_wall_follows_the_lead_onto_the_profile_and_never_shows_a_confidential_card(
    sessions_dir: Path,
) -> None:
    lead_app = demo_app(sessions_dir, author="Sue")
    async with lead_app.run_test(size=(80, 24)) as lead:
        session = await session_ready(lead)
        await until(lead, lambda: session.leading, "the lead")
        wall_app = demo_app(sessions_dir, author=None, mode="wall")
        async with wall_app.run_test(size=(160, 45)) as wall:
            await wall_ready(wall, wall_app)
            assert "The partnership profile" not in screen_text(wall_app)  # the board, its columns side by side
            await lead.press("ctrl+d")  # the lead opens the profile: the wall follows
            await until(wall, lambda: "The partnership profile · 29 cards" in screen_text(wall_app), "the profile")
            text = screen_text(wall_app)
            assert any(all(t in line for t in TITLES) for line in text.splitlines())  # side by side
            assert "Obstacles and barriers  13 cards" in text  # the facilitator's 14 but the confidential one
            assert SECRET not in text  # never on the wall
            await wall.press("pagedown")  # the wall's own keys scroll every column
            await wall.pause()
            columns = wall_app.screen.query_one(ProfileView).columns
            assert columns[3].scroll_y > 0 and not any(c.has_focus or c.highlighted is not None for c in columns)
            assert all(isinstance(c, ProfileList) for c in columns)
            await lead.press("escape")  # the lead goes back to the board: so does the wall
            await until(wall, lambda: "The partnership profile" not in screen_text(wall_app), "the board again")
            await until(wall, lambda: "Step 1/7" in screen_text(wall_app), "the step on the wall again")
            assert "Drivers  6" in screen_text(wall_app)  # the board's own columns


async def test_ctrl_d_on_the_wall_shows_the_profile_and_the_board_again(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author=None, mode="wall")
    async with app.run_test(size=(80, 24)) as pilot:
        wall = await wall_ready(pilot, app)
        with SessionStore(wall.path) as store:  # someone leads, on the board
            RoomLead(store, "Sue", pid=os.getppid()).take(3)
        await pilot.press("ctrl+d")
        await until(pilot, lambda: "The partnership profile" in screen_text(app), "the profile")
        text = screen_text(app)
        assert "Drivers" in text and SECRET not in text
        await pilot.press("ctrl+d")
        await until(pilot, lambda: "The partnership profile" not in screen_text(app), "the board again")
        assert "Cards 29" in screen_text(app)


async def test_the_walls_profile_leaves_out_a_step_hidden_until_revealed(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author=None, mode="wall")
    async with app.run_test(size=(160, 45)) as pilot:
        wall = await wall_ready(pilot, app)
        step = wall.room.step_ref if wall.room is not None else None
        assert step is not None
        with SessionStore(wall.path) as store:
            lead = RoomLead(store, "Sue", pid=os.getppid())
            lead.take(3)
            lead.set_hidden(3, step, True)  # today's sorting, hidden from the wall
            lead.set_view("profile")
        await until(pilot, lambda: "The partnership profile" in screen_text(app), "the profile")
        text = screen_text(app)
        assert "The partnership profile · 0 cards" in text and "Lack of resources to participate" not in text
        with SessionStore(wall.path) as store:
            RoomLead(store, "Sue", pid=os.getppid()).set_hidden(3, step, False)  # revealed
        await until(pilot, lambda: "The partnership profile · 29 cards" in screen_text(app), "the revealed cards")
        assert "Lack of resources to participate" in screen_text(app)

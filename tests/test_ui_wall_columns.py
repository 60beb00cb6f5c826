"""The wall shows the step's dimensions side by side when each has room (about 28 cells), else one list."""

from __future__ import annotations

from pathlib import Path

from ui_support import demo_app, patience

from piptui.store import SessionStore
from piptui.ui.screens.wall import WallBoard, WallScreen


async def _wall(pilot):  # type: ignore[no-untyped-def]
    for _ in patience():
        screen = pilot.app.screen
        if isinstance(screen, WallScreen) and screen.room is not None:
            await pilot.pause()
            return screen
        await pilot.pause(0.02)
    raise AssertionError("the wall did not load")


async def test_a_wide_wall_shows_the_dimensions_side_by_side(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author=None, mode="wall")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _wall(pilot)
        columns = list(screen.query_one("#wall-columns").query(WallBoard))
        assert screen.query_one("#wall-columns").display and not screen.query_one("#wall-board").display
        assert [str(c.border_title).rsplit("  ", 1)[0] for c in columns] == [
            "Drivers",
            "Benefits",
            "Difficult aspects",
            "Obstacles and barriers",
        ]
        with SessionStore(screen.path) as store:
            secret = [c.text for c in store.cards(session=3) if c.confidential]
        shown = "\n".join(str(o.prompt) for c in columns for o in c.options)
        assert secret and not any(text in shown for text in secret)  # confidential cards stay off the wall
        barriers = [str(o.prompt) for o in columns[3].options if o.disabled]
        assert barriers[:3] == ["Organisation  5", "People  5", "Power  3"]  # sub-headings, in one column
        await pilot.resize_terminal(90, 30)  # too narrow for four: one list, as before
        await pilot.pause()
        assert screen.query_one("#wall-board").display and not screen.query_one("#wall-columns").display

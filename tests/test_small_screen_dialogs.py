"""Dialogs at 80x24: their buttons stay on the screen (the session details' Save and Cancel were
below its bottom edge: sixteen facilitators to tick pushed them off)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button
from ui_support import demo_app, notifications, patience, session_ready, type_text

from piptui.store import SessionStore


async def test_the_session_details_buttons_show_at_80x24_even_with_an_error(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.press("f12")
        for _ in patience():
            await pilot.pause(0.02)
            if type(app.screen).__name__ == "SessionDetailsDialog":
                break
        dialog = app.screen
        await type_text(pilot, "2008-13-45", replace=True)  # the date field has the focus
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # refused: the error shows beside the field
        for button in dialog.query(Button):
            region = button.region
            assert region.height > 0 and region.bottom <= 24 and region.right <= 80, (button.id, region)
        await type_text(pilot, "2008-03-20", replace=True)
        await pilot.press("ctrl+s")
        for _ in patience():
            await pilot.pause(0.02)
            if app.screen is screen:
                break
        assert any("details saved" in m for m in notifications(app))
        with SessionStore(screen.path) as store:
            assert store.session(3).date == "2008-03-20"

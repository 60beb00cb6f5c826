"""The facilitator's notes (F9) read as paragraphs at any width: a script's notes are block text
broken at about 90 columns, which an 80-column screen used to wrap into ragged half-lines."""

from __future__ import annotations

from pathlib import Path

from ui_support import demo_app, screen_text, session_ready


async def test_the_notes_wrap_to_the_screen_not_to_the_script(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.press("f6", "f9")  # Find the themes, then its notes
        await pilot.pause()
        assert screen.step_ref == "sorting/themes"
        text = screen_text(app)
        lines = [line.strip("█ ") for line in text.splitlines() if line.startswith("█")]
        assert lines[0].startswith("Steer towards points of commonality")
        # each line is filled to the width before the next begins (the script broke after "possible")
        assert all(len(line) > 60 for line in lines[:-1]), lines
        assert "towards possible" in " ".join(lines) and "possible responses" in " ".join(lines)

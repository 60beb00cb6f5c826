"""Undo never jams (issue 15, point 7): a change someone else changed since is said once and can be
skipped, so undo goes on to older changes; redo says "redo"; the note-taker's Ctrl+Z undoes their cards."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_support import demo_app, notifications, patience, session_ready, type_line

from piptui.errors import Conflict
from piptui.store import SessionStore
from piptui.ui.screens.dialogs import ConfirmDialog


def test_skip_a_conflicting_change_and_undo_the_older_one(programme_file: Path) -> None:
    with SessionStore(programme_file, author="ann") as ann, SessionStore(programme_file, author="bob") as bob:
        first = ann.add_card("First thought")
        second = ann.add_card("Second thought")
        bob.edit_card(second.id, text="Second thought, as Bob heard it")
        with pytest.raises(Conflict, match="Cannot undo 'add card'"):
            ann.undo()
        assert ann.skip_undo() == "add card"
        assert ann.undo() == "add card"  # the first card's
        ids = {c.id for c in ann.cards()}
        assert first.id not in ids and second.id in ids
        assert ann.undo() is None  # nothing older: the skipped one is not offered again


def test_redo_says_redo(programme_file: Path) -> None:
    with SessionStore(programme_file, author="ann") as ann, SessionStore(programme_file, author="bob") as bob:
        card = ann.add_card("Meetings at 10am")
        ann.edit_card(card.id, text="Meetings at 10am exclude carers")
        assert ann.undo() == "edit card"
        bob.edit_card(card.id, text="Meetings at 10 exclude carers and shift workers")
        with pytest.raises(Conflict, match="Cannot redo 'edit card'"):
            ann.redo()


async def test_ctrl_z_offers_to_skip_and_goes_on(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await type_line(pilot, "Older card of Ann's")
        await type_line(pilot, "Newer card of Ann's")
        with SessionStore(screen.path, author="bob") as bob:
            newer = next(c for c in bob.cards() if c.text == "Newer card of Ann's")
            bob.edit_card(newer.id, text="Newer card, edited by Bob")
        await pilot.press("ctrl+z")
        for _ in patience():
            if isinstance(app.screen, ConfirmDialog):
                break
            await pilot.pause(0.02)
        assert "Cannot undo 'add card'" in app.screen.question
        await pilot.press("y")
        for _ in patience():
            if any(n.startswith("Skipped") for n in notifications(app)):
                break
            await pilot.pause(0.02)
        with SessionStore(screen.path) as store:
            texts = [c.text for c in store.cards()]
        assert "Older card of Ann's" not in texts and "Newer card, edited by Bob" in texts
        assert any(n.startswith("Skipped: add card. Undone: add card") for n in notifications(app))


async def test_the_note_takers_ctrl_z_undoes_their_own_card(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir, author="Jean", mode="notes")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in patience():
            if app.screen.query("#capture"):
                break
            await pilot.pause(0.02)
        await pilot.pause(0.2)
        await type_line(pilot, "A note to take back")
        with SessionStore(app.screen.path) as store:  # type: ignore[attr-defined]
            assert "A note to take back" in [c.text for c in store.cards()]
        await pilot.press("ctrl+z")
        await pilot.pause()
        with SessionStore(app.screen.path) as store:  # type: ignore[attr-defined]
            assert "A note to take back" not in [c.text for c in store.cards()]
        assert "Undone: add card" in notifications(app)

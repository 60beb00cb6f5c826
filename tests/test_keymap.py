"""Bindings have ids, and a keymap file moves a key: the new key acts, the old one no longer, and help says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding
from ui_support import demo_app, notifications, session_ready

from piptui.errors import PiptuiError
from piptui.ui.bindings import BOARD_BINDINGS, SESSION_BINDINGS
from piptui.ui.keymap import binding_id, load_keymap


def test_every_session_and_board_binding_has_an_id() -> None:
    for table in (SESSION_BINDINGS, BOARD_BINDINGS):
        assert all(getattr(b, "id", None) for b in table)
    ids = {b.id for b in SESSION_BINDINGS if not isinstance(b, tuple)}
    assert "session.next_step" in ids and "session.board_cursor.up" in ids
    assert binding_id("board", "screen.shift_card(-1)") == "board.screen.shift_card.-1"


def test_a_keymap_that_is_not_toml_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text("session.next_step = [ctrl", encoding="utf-8")
    with pytest.raises(PiptuiError, match=r"keymap\.toml is not TOML"):
        load_keymap(path)
    assert load_keymap(tmp_path / "absent.toml") == {}


async def test_a_keymap_file_moves_the_next_step_key(
    sessions_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('"session.next_step" = "ctrl+pagedown"\n', encoding="utf-8")
    monkeypatch.setenv("PIPTUI_KEYMAP", str(keymap))
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await session_ready(pilot)
        first = screen.step_index
        assert first is not None
        await pilot.press("f6")  # no longer the key
        await pilot.pause()
        assert screen.step_index == first
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        assert screen.step_index == first + 1
        await pilot.press("f1")
        await pilot.pause()
        from piptui.ui.screens.help import HelpScreen

        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        next_step = next(b for b in SESSION_BINDINGS if getattr(b, "id", None) == "session.next_step")
        assert isinstance(next_step, Binding)
        assert help_screen.key_text(next_step) == app.get_key_display(Binding("ctrl+pagedown", "next_step"))
        assert not [m for m in notifications(app) if "keymap" in m.lower()]


async def test_a_bad_keymap_is_said_and_the_usual_keys_work(
    sessions_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text("not toml at all [", encoding="utf-8")
    monkeypatch.setenv("PIPTUI_KEYMAP", str(keymap))
    app = demo_app(sessions_dir)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await session_ready(pilot)
        first = screen.step_index
        assert first is not None
        assert any("keymap.toml is not TOML" in m for m in notifications(app))
        await pilot.press("f6")
        await pilot.pause()
        assert screen.step_index == first + 1

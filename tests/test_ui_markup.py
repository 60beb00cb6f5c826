"""User text is never markup: it shows literally everywhere and cannot crash or drive the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input
from ui_support import board_lines, demo_app, patience, screen_text, session_ready, type_line

from piptui.domain.model import Programme, Session
from piptui.store import SessionStore
from piptui.ui.app import create_app
from piptui.ui.screens.dialogs import ConfirmDialog, EditCardDialog
from piptui.ui.widgets.board import Board

NASTY = ["[/]", "[/bold]", "[@click=app.quit]x[/]", "[red]alarm", "[b]bold[/b] :smile: [link=x]y"]


async def test_card_text_is_shown_literally_on_the_board_and_in_dialogs(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await session_ready(pilot)
        for text in NASTY:
            await type_line(pilot, text)
            assert app.is_running
            assert screen.query_one("#capture", Input).value == ""
        lines = board_lines(screen)
        for text in NASTY:
            assert any(line.startswith("▍" + text) for line in lines), text
        shown = screen_text(app)
        for text in NASTY[:4]:
            assert text in shown, text

        board = screen.query_one(Board)
        board.select_card(board.card_ids[-2])  # "[red]alarm"
        await pilot.press("f2")
        assert isinstance(app.screen, EditCardDialog)
        assert app.screen.query_one("#text", Input).value == "[red]alarm"
        assert "[red]alarm" in screen_text(app)
        await pilot.press("escape")
        board.select_card(board.card_ids[-3])  # "[@click=app.quit]x[/]"
        await pilot.press("tab", "d")
        assert isinstance(app.screen, ConfirmDialog)
        assert "[@click=app.quit]x[/]" in screen_text(app)
        await pilot.press("n")
        assert app.is_running


async def test_a_failed_save_message_with_markup_is_literal(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from piptui.errors import PiptuiError

    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)

        def refuse(*_a: object, **_k: object) -> None:
            raise PiptuiError("[red]disk[/] full [@click=app.quit]x[/]")

        monkeypatch.setattr(screen.store, "add_card", refuse)
        await type_line(pilot, "[/] anything")
        assert app.is_running
        assert screen.query_one("#capture", Input).value == "[/] anything"
        assert "[red]disk[/] full" in screen_text(app)


async def test_programme_names_with_markup_are_literal(sessions_dir: Path) -> None:
    path = sessions_dir / "odd.json"
    SessionStore.create(
        path,
        Programme(name="odd", area="[red]Area[/]", title="[/bold] title"),
        sessions=[Session(1, title="[@click=app.quit]s[/]")],
    ).close()
    app = create_app(sessions_dir=sessions_dir, author="ann")  # (without a name, opening asks for one)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for _ in patience():
            await pilot.pause(0.01)
            if "odd" in screen_text(app):
                break
        assert "[red]Area[/]" in screen_text(app)
        await pilot.press("enter")  # open: the session picker lists the session title literally
        await pilot.pause()
        assert "[@click=app.quit]s[/]" in screen_text(app)
        await pilot.press("enter")
        screen = await session_ready(pilot)
        assert screen.title == "[red]Area[/]"
        assert "[red]Area[/]" in screen_text(app)
        assert "[@click=app.quit]s[/]" in screen_text(app)
        assert app.is_running

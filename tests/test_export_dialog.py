"""The export dialog (Ctrl+O on the session screen): its typed result, and the file written in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Checkbox, Input, Select
from ui_support import demo_app, notifications, screen_words, session_ready, type_text

from piptui.exercises import load_library
from piptui.export.exporter import ExportFormat, ExportRequest
from piptui.export.markdown import export_markdown
from piptui.store import SessionStore
from piptui.ui.screens.export_dialog import ExportDialog


async def wait_for_export(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_ctrl_o_exports_the_session_notes_and_shows_the_path(sessions_dir: Path, tmp_path: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        default = dialog.query_one("#output", Input).value
        assert default == str(sessions_dir / "exports" / "darlington-demo-session-3.md")
        await pilot.press("ctrl+s")  # the default: the exports folder is made
        await wait_for_export(pilot)
        assert Path(default).exists()
        await pilot.press("ctrl+o")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        out = tmp_path / "[red]notes[@click=app.quit].md"  # a path is never markup either
        await pilot.click("#output")
        await type_text(pilot, str(out), replace=True)
        await pilot.press("ctrl+s")
        await wait_for_export(pilot)
        assert app.screen is screen
        with SessionStore(screen.path) as store:
            expected = export_markdown(store.raw(), load_library(), session=3)
        assert out.read_text(encoding="utf-8") == expected
        assert str(out.resolve()) in notifications(app)


async def test_choosing_json_means_the_whole_programme_with_everything(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    results: list[ExportRequest | None] = []
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        dialog = ExportDialog(screen.path, session=3, start=False)
        app.push_screen(dialog, results.append)
        await pilot.pause()
        dialog.query_one("#format", Select).value = ExportFormat.JSON
        await pilot.pause()
        assert dialog.query_one("#scope", Select).disabled and dialog.query_one("#confidential", Checkbox).value
        assert dialog.query_one("#output", Input).value.endswith("exports/darlington-demo-backup.json")
        dialog.query_one("#format", Select).value = ExportFormat.CSV
        await pilot.pause()
        assert dialog.query_one("#scope", Select).value == 3
        assert not dialog.query_one("#confidential", Checkbox).value
        dialog.query_one("#format", Select).value = ExportFormat.JSON
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    (request,) = results
    assert request is not None
    assert (request.format, request.session, request.include_confidential, request.names) == (
        ExportFormat.JSON,
        None,
        True,
        False,
    )
    assert request.programme == screen.path and not (sessions_dir / "exports").exists()  # start=False


async def test_an_edited_file_name_is_kept_and_cancel_writes_nothing(sessions_dir: Path, tmp_path: Path) -> None:
    app = demo_app(sessions_dir)
    results: list[ExportRequest | None] = []
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        dialog = ExportDialog(screen.path, session=3, start=False)
        app.push_screen(dialog, results.append)
        await pilot.pause()
        mine = tmp_path / "mine" / "notes.md"
        mine.parent.mkdir()
        await pilot.click("#output")
        await type_text(pilot, str(mine), replace=True)
        await pilot.pause()
        dialog.query_one("#format", Select).value = ExportFormat.CSV
        await pilot.pause()
        assert dialog.query_one("#output", Input).value == str(mine)
        await pilot.press("escape")
        await pilot.pause()
    assert results == [None]
    assert list(mine.parent.iterdir()) == []


async def test_a_failed_export_says_why(sessions_dir: Path, tmp_path: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_ready(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        dialog = app.screen
        await pilot.click("#output")
        await type_text(pilot, str(tmp_path / "missing" / "notes.md"), replace=True)
        await pilot.press("ctrl+s")
        await wait_for_export(pilot)
        assert app.screen is dialog  # still open, with the file typed: the reason beside its buttons
        # (the message holds the folder's path: where its lines wrap depends on the path's length)
        assert "Not saved: the folder " in screen_words(app) and " does not exist" in screen_words(app)
        assert not (tmp_path / "missing").exists()

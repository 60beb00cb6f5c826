"""Pilot tests of the live session screen: capture -> board -> move -> edit -> undo -> filter."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from ui_support import (
    board_lines,
    demo_app,
    highlighted_text,
    notifications,
    patience,
    screen_text,
    session_ready,
    type_line,
    type_text,
)

from piptui.domain.model import Sector
from piptui.store import SessionStore
from piptui.ui.screens.help import HelpScreen
from piptui.ui.widgets.board import Board
from piptui.ui.widgets.timer import StepTimer

SORT = "sorting/sort"


def _by_id(path: Path, card_id: str):  # type: ignore[no-untyped-def]
    with SessionStore(path) as store:
        return store.card(card_id)


def _cards(path: Path) -> list:
    with SessionStore(path) as store:
        return store.cards(session=3, step=SORT)


async def test_opens_at_the_current_step_with_columns(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        assert screen.step_ref == SORT
        lines = board_lines(screen)
        assert any(line.startswith("Drivers") for line in lines)
        assert any("barriers" in line.lower() for line in lines)
        assert screen.focused is screen.query_one("#capture")
        assert str(screen.query_one("#step-title").render()).find("Sort") >= 0


async def test_capture_saves_at_once_and_shows_the_card(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        path = screen.path
        before = len(_cards(path))
        capture = screen.query_one("#capture", Input)
        await type_text(pilot, "Nobody returns our calls #drivers @vcs >council")
        await pilot.press("enter")
        # on disk before the input is cleared: both are true right after the key press
        cards = _cards(path)
        assert len(cards) == before + 1
        card = cards[-1]
        assert capture.value == ""
        assert (card.text, card.column, card.sector, card.voiced_as) == (
            "Nobody returns our calls",
            "drivers",
            Sector.VCS,
            Sector.COUNCIL,
        )
        assert card.author == "ann"
        await pilot.pause()
        assert screen.query_one(Board).highlighted_card_id == card.id
        assert "Nobody returns our calls" in highlighted_text(screen)
        assert screen.focused is capture


async def test_a_column_tag_and_confidential(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        column = screen.columns[-1]
        tag = column.tags[0] if column.tags else column.id
        await type_line(pilot, f"! Off the record #{tag} #extra")
        card = _cards(screen.path)[-1]
        assert card.column == column.id and card.confidential and "extra" in card.tags
        await type_line(pilot, "No column here #nothing-like-a-column")
        assert _cards(screen.path)[-1].column is None
        assert any(line.startswith("Unsorted") for line in board_lines(screen))


async def test_a_line_of_only_shortcuts_is_refused_cleared_and_says_why(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        before = len(_cards(screen.path))
        await type_line(pilot, "#drivers @vcs")
        assert screen.query_one("#capture", Input).value == ""  # cleared: the next card starts clean
        assert len(_cards(screen.path)) == before
        assert any("needs some text" in m for m in notifications(app))


async def test_tags_complete_from_the_step_columns(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_ready(pilot)
        await pilot.press(*"Grants #driv")
        await pilot.pause(0.05)
        await pilot.press("right")
        assert app.screen.query_one("#capture", Input).value == "Grants #drivers"


async def test_steps_and_the_shared_timer(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        first = screen.step_index
        assert first is not None
        await pilot.press("f6")
        assert screen.step_index == first + 1
        with SessionStore(screen.path) as store:
            session = store.session(3)
        exercise, step = screen.steps[first + 1]
        assert session.current_step == f"{exercise.id}/{step.id}"
        assert session.timer.duration == step.timebox * 60 and not session.timer.running
        await pilot.press("f7")
        with SessionStore(screen.path) as store:
            assert store.session(3).timer.running
        await pilot.press("f8")
        await pilot.press("f7")
        with SessionStore(screen.path) as store:
            timer = store.session(3).timer
        assert not timer.running and timer.duration == step.timebox * 60 + 60
        assert screen.query_one(StepTimer).timer == timer
        await pilot.press("f5")
        assert screen.step_index == first


async def test_help_lists_every_binding_and_closes(sessions_dir: Path) -> None:
    from piptui.ui.bindings import BOARD_BINDINGS, SESSION_BINDINGS

    app = demo_app(sessions_dir)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await session_ready(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for binding in [*SESSION_BINDINGS, *BOARD_BINDINGS]:
            assert binding.tooltip in text  # type: ignore[union-attr]
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_offers_the_screen_commands(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        titles = [c.title for c in app.get_system_commands(screen)]
        for wanted in ("Edit", "Move", "Filter", "Undo", "Redo", "Next step", "Timer", "Clusters", "Export"):
            assert any(t.startswith(wanted + " (") for t in titles), wanted


async def test_each_key_opens_its_screen_over_the_same_live_programme(sessions_dir: Path) -> None:
    from piptui.ui.screens.clusters import ClustersScreen
    from piptui.ui.screens.export_dialog import ExportDialog
    from piptui.ui.screens.participants import ParticipantsScreen
    from piptui.ui.screens.plan import PlanScreen
    from piptui.ui.screens.programme_screen import ProgrammeScreen
    from piptui.ui.screens.review import ReviewScreen
    from piptui.ui.screens.survey import SurveyScreen

    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        session = await session_ready(pilot)
        for key, kind in (
            ("ctrl+l", ClustersScreen),
            ("ctrl+n", PlanScreen),
            ("ctrl+t", ReviewScreen),
            ("ctrl+s", SurveyScreen),
            ("ctrl+o", ExportDialog),
            ("f10", ParticipantsScreen),
        ):
            await pilot.press(key)
            for _ in patience():
                await pilot.pause()
                if isinstance(app.screen, kind):
                    break
            top = app.screen
            assert isinstance(top, kind), key
            if isinstance(top, ProgrammeScreen):
                assert top.live is session.live and top.store is session.store  # one store per app
            await pilot.press("escape")
            for _ in patience():
                await pilot.pause()
                if app.screen is session:
                    break
            assert app.screen is session


async def test_wide_layout_shows_agenda_and_column_counts(sessions_dir: Path) -> None:
    from piptui.ui.widgets.column_index import ColumnIndex

    app = demo_app(sessions_dir)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await session_ready(pilot)
        index = screen.query_one(ColumnIndex)
        assert index.display and screen.query_one("#sidebar").region.width > 0
        labels = [str(o.prompt) for o in index.options]
        assert any(label.strip().startswith(screen.columns[-1].title) for label in labels)
        board = screen.query_one(Board)
        last = screen.columns[-1]
        index.highlighted = index.get_option_index(last.id)
        index.action_select()
        await pilot.pause()
        card_id = board.highlighted_card_id
        assert card_id is not None and _by_id(screen.path, card_id).column == last.id


async def test_narrow_layout_hides_the_sidebar_until_asked(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        sidebar = screen.query_one("#sidebar")
        assert sidebar.region.width == 0
        await pilot.press("ctrl+g")
        await pilot.pause(0.3)
        assert sidebar.region.width > 0
        # the board re-wraps its cards to its narrower width (none cut off at the edge)
        assert "involve the third sector in delivery" in screen_text(app)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert sidebar.region.width == 0


async def test_a_vanished_file_is_reported_once(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        screen.path.rename(screen.path.with_suffix(".moved"))
        for _ in patience(3.0):  # the watcher hears of it; later looks say nothing more
            await pilot.pause(0.05)
            screen.live.check()
        assert len([m for m in notifications(app) if "gone" in m]) == 1
        assert app.is_running


async def test_notes_toggle(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        notes = screen.query_one("#step-notes")
        assert not notes.display or notes.has_class("-hidden")
        await pilot.press("f9")
        await pilot.pause()
        assert notes.region.height > 0
        await pilot.press("f9")
        await pilot.pause()
        assert notes.region.height == 0


async def test_a_broken_exercise_script_is_reported_and_capture_still_works(sessions_dir: Path, tmp_path: Path) -> None:
    """The library loads in a worker after the first frame; a script of the user's that does
    not load is said (with where), the session stays open, and cards can still be captured."""
    scripts = tmp_path / "my-exercises"
    scripts.mkdir()
    (scripts / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    app = demo_app(sessions_dir, exercise_dirs=[scripts])
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in patience():
            await pilot.pause(0.01)
            if notifications(app):
                break
        said = " ".join(notifications(app))
        assert "broken.yaml:3:1" in said and app.is_running
        await type_line(pilot, "Still saved #funding")
        assert "Still saved" in " ".join(c.text for c in _cards_anywhere(sessions_dir))


def _cards_anywhere(sessions_dir: Path) -> list:
    with SessionStore(sessions_dir / "darlington-demo.json") as store:
        return store.cards()

"""Pilot tests of the survey screen (forms typed in by keyboard) and the report screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from piptui.domain.model import Sector
from piptui.domain.survey import SurveyResponse
from piptui.exercises import Library, load_library
from piptui.programmes import create_programme
from piptui.store import SessionStore
from piptui.store.survey_ops import SurveyOps
from piptui.ui.app import PiptuiApp, create_app
from piptui.ui.screens.report import ReportScreen, bar_lengths
from piptui.ui.screens.survey import SurveyScreen

MARKUP = "[red]alarm[/] [@click=app.quit]x[/]"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def programme(sessions_dir: Path, library: Library) -> Path:
    path = create_programme(sessions_dir, "north", area="Northtown", library=library)
    with SessionStore(path) as store:
        for n in range(6):
            store.add_participant(f"Person {n}", sector="council")
    return path


def responses(path: Path) -> list[SurveyResponse]:
    with SessionStore(path) as store:
        return SurveyOps(store).responses()


async def open_survey(app: PiptuiApp, pilot, path: Path, library: Library) -> SurveyScreen:  # type: ignore[no-untyped-def]
    screen = SurveyScreen(path, author="ann", library=library)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def text_of(widget: Static) -> str:
    return str(widget.render())


async def test_three_forms_typed_in_by_keyboard(sessions_dir: Path, programme: Path, library: Library) -> None:
    app = create_app(sessions_dir=sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_survey(app, pilot, programme, library)
        # Form 1: council, 5 sessions, every question, no open answers (Enter, Enter saves it).
        await pilot.press("c", "5", *"4545344545244", "enter", "enter")
        # Form 2: VCS, 4 sessions; a wrong key corrected with Backspace; two questions without an
        # answer (Space, 0); an open answer with markup-like text.
        await pilot.press("v", "4", "5", "3", "backspace", "4", "space", "0", *"333332233", *MARKUP, "enter", "enter")
        # Form 3: sector not given, sessions 3, four answers then Ctrl+S saves the rest as no answer.
        await pilot.press("space", "3", "1", "2", "3", "4", "ctrl+s")
        await pilot.pause()
        saved = responses(programme)
        assert len(saved) == 3
        first, second, third = saved
        assert first.sector is Sector.COUNCIL and first.sessions_attended == 5
        assert list(first.answers.values()) == [4, 5, 4, 5, 3, 4, 4, 5, 4, 5, 2, 4, 4]
        assert second.sector is Sector.VCS and second.sessions_attended == 4
        assert second.answers == {
            "perspective": 5,
            "approach": 4,
            "barriers": 3,
            "manage": 3,
            "action-plan": 3,
            "outcomes": 3,
            "communication": 3,
            "commissioning": 2,
            "joint-planning": 2,
            "representation": 3,
            "organising": 3,
        }
        assert second.open_answers == {"done-differently": MARKUP}
        assert third.sector is None and third.sessions_attended == 3
        assert third.answers == {"perspective": 1, "approach": 2, "respect": 3, "trust": 4}
        grid = screen.query_one("#survey-grid", DataTable)
        assert grid.row_count == 4 and grid.cursor_coordinate == (3, 0)  # on the next, new form
        assert "Form 4 (new) · 3 responses saved (50% of 6 invited)" in text_of(
            screen.query_one("#survey-status", Static)
        )
        # The markup-like answer shows literally in the prompt, and the app is still running.
        grid.move_cursor(row=1, column=15)
        await pilot.pause()
        assert MARKUP in text_of(screen.query_one("#survey-prompt", Static))
        assert app.is_running
        # Each form was one undo step.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(responses(programme)) == 2
        assert any("Undone: add survey response" in n.message for n in app._notifications)


async def test_correcting_a_saved_row_and_bad_keys(sessions_dir: Path, programme: Path, library: Library) -> None:
    with SessionStore(programme) as store:
        SurveyOps(store).add(SurveyResponse(answers={"perspective": 2}, sector=Sector.VCS, sessions_attended=2))
    app = create_app(sessions_dir=sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_survey(app, pilot, programme, library)
        grid = screen.query_one("#survey-grid", DataTable)
        grid.move_cursor(row=0, column=2)
        await pilot.pause()
        await pilot.press("7")  # not on the scale: refused, nothing changes
        await pilot.pause()
        assert any("Type 1-5" in n.message for n in app._notifications)
        assert responses(programme)[0].answers == {"perspective": 2}
        await pilot.press("5")  # a key on a saved row saves at once
        await pilot.pause()
        assert responses(programme)[0].answers == {"perspective": 5}
        assert grid.cursor_coordinate == (0, 3)
        await pilot.press("delete")
        await pilot.pause()
        assert responses(programme)[0].answers == {"perspective": 5}  # cleared approach: it had no answer
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert responses(programme) == []


async def test_leaving_with_a_form_half_typed_asks_first(sessions_dir: Path, programme: Path, library: Library) -> None:
    app = create_app(sessions_dir=sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_survey(app, pilot, programme, library)
        await pilot.press("c", "escape")
        await pilot.pause()
        assert app.screen is not screen  # the question
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [r.sector for r in responses(programme)] == [Sector.COUNCIL]


async def test_report_screen_without_and_with_responses(sessions_dir: Path, programme: Path, library: Library) -> None:
    app = create_app(sessions_dir=sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.push_screen(ReportScreen(programme, library=library))
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = text_of(app.screen.query_one("#report-text", Static))
        assert "No survey responses for 'north' yet" in body and "%" not in body
        with SessionStore(programme) as store:
            ops = SurveyOps(store)
            for values in ((4, 2, 3), (5, 2, 3)):
                ops.add(
                    SurveyResponse(
                        answers=dict(zip(("perspective", "approach", "trust"), values, strict=True)),
                        sector=Sector.VCS,
                        open_answers={"comments": MARKUP},
                    )
                )
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = text_of(app.screen.query_one("#report-text", Static))
        assert "2 responses, 6 invited: response rate 33%" in body
        assert "█" * 10 in body and "▓" * 10 in body and "▒" * 10 in body
        assert "100%   0%   0%   0%  n=2" in body and "  0% 100%   0%   0%  n=2" in body
        assert "Table 1: How helpful was the programme in enabling you to ..." in body  # figures beside the bars
        assert f"• {MARKUP}" in body
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = sessions_dir / "exports" / "north-evaluation.md"
        assert written.read_text("utf-8").startswith("# Evaluation: Northtown Partnership Improvement Programme")
        await pilot.press("a")  # every programme of the folder
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "1 group · 2 responses" in text_of(app.screen.query_one("#report-text", Static))


def test_bar_lengths_add_up_to_the_width() -> None:
    assert bar_lengths([1, 1, 1, 0], 44) == [15, 15, 14, 0]
    assert bar_lengths([7, 3, 1, 0], 40) == [25, 11, 4, 0]
    assert bar_lengths([0, 0, 0, 0], 40) == [0, 0, 0, 0]
    for counts in ([3, 0, 0, 1], [1, 2, 3, 4], [9, 1, 0, 0]):
        assert sum(bar_lengths(counts, 37)) == 37


async def test_markup_like_questions_show_literally(sessions_dir: Path, programme: Path) -> None:
    """A facilitator's own survey script is user text too: its stems and questions are never markup."""
    from dataclasses import dataclass, field

    from piptui.domain.exercise import Exercise, ExerciseKind, Survey, SurveyGroup, SurveyQuestion

    stem = "[bold]How helpful[/] [@click=app.quit]was it[/]"
    question = "[red]trust[/] colleagues"
    survey = Survey(
        scale=("not helpful", "partially helpful", "neither helpful nor unhelpful", "helpful", "very helpful"),
        groups=(SurveyGroup("g", stem, (SurveyQuestion("trust", question),)),),
        open_questions=(SurveyQuestion("comments", "[/]Comments?"),),
    )

    @dataclass
    class OwnLibrary:
        exercises: dict[str, Exercise] = field(
            default_factory=lambda: {
                "evaluation": Exercise("evaluation", "[b]Own[/b]", ExerciseKind.SURVEY, (), survey=survey)
            }
        )

    app = create_app(sessions_dir=sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = SurveyScreen(programme, library=OwnLibrary())
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("v", "5")
        await pilot.pause()
        prompt = text_of(screen.query_one("#survey-prompt", Static))
        assert stem in prompt and question in prompt
        await pilot.press("4", "[", "/", "]", "enter")
        await pilot.pause()
        assert responses(programme)[0].open_answers == {"comments": "[/]"}
        await app.push_screen(ReportScreen(programme, library=OwnLibrary()))
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = text_of(app.screen.query_one("#report-text", Static))
        assert stem in body and question in body and "[/]Comments?" in body and "• [/]" in body
        assert app.is_running

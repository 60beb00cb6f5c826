"""The attendance register beside the survey's self-reported "sessions attended": counts only,
never linked to a response."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from piptui.domain.attendance import register_line, register_of
from piptui.domain.exercise import Survey, SurveyGroup, SurveyQuestion
from piptui.domain.model import Session
from piptui.domain.survey import SurveyResponse
from piptui.domain.survey_report import AreaResponses, build_cross_area_report, build_report
from piptui.exercises import Library, load_library
from piptui.programmes import create_programme
from piptui.store import SessionStore
from piptui.store.people_ops import PeopleOps
from piptui.store.survey_ops import SurveyOps
from piptui.survey.load import programme_report
from piptui.survey.report_csv import report_csv
from piptui.survey.report_markdown import report_markdown
from piptui.ui.app import create_app
from piptui.ui.screens.participants import ParticipantsScreen
from piptui.ui.screens.report import ReportScreen
from piptui.ui.screens.survey import SurveyScreen

SURVEY = Survey(
    scale=("not helpful", "partially helpful", "neither", "helpful", "very helpful"),
    groups=(SurveyGroup("g", "How helpful ...", (SurveyQuestion("trust", "trust"),)),),
)
PEOPLE = ("a", "b", "c", "d")
# a came to all five, b to four, c to one, d never; "gone" is no longer a participant
SESSIONS = [
    Session(1, attended=("a", "b", "c", "gone")),
    Session(2, attended=("a", "b")),
    Session(3, attended=("a", "b")),
    Session(4, attended=("a", "b")),
    Session(5, attended=("a",)),
]


def said(*sessions: int | None) -> list[SurveyResponse]:
    return [SurveyResponse(answers={"trust": 4}, sessions_attended=n) for n in sessions]


def test_the_register_counts_people_never_names() -> None:
    register = register_of(SESSIONS, PEOPLE)
    assert register.sessions == ((1, 3), (2, 2), (3, 2), (4, 2), (5, 1))
    assert register.people == (1, 4, 5)  # how many sessions each ticked person came to, sorted: no ids
    assert register.unticked == () and register.came_to(4) == 1
    assert register_line(register) == "The register: 1 person came to 5 sessions, 1 to 4, 1 to 1"
    assert register_line(register_of([Session(1)], PEOPLE)).startswith("The register has no ticks yet")


def test_the_report_sets_the_register_beside_the_answers() -> None:
    register = register_of(SESSIONS, PEOPLE)
    report = build_report(SURVEY, said(5, 4, 1), title="T", invited=4, register=register)
    assert [(s.label, s.count) for s in report.register] == [
        ("1 session", 1),
        ("2 sessions", 0),
        ("3 sessions", 0),
        ("4 sessions", 1),
        ("5 sessions", 1),
    ]
    assert [(s.label, s.count, s.percent) for s in report.register_sessions][:2] == [
        ("Session 1", 3, 75),  # of the 4 participants listed
        ("Session 2", 2, 50),
    ]
    assert report.register_people == 3 and report.notes == ()  # the answers fit the register
    # Two say they came to all five, and the register has one person who did.
    clash = build_report(SURVEY, said(5, 5), title="T", invited=4, register=register)
    assert clash.notes == (
        "2 respondents say they came to 5 sessions, but the attendance register has 1 person who did: "
        "check the ticks or the forms.",
    )
    # Three say four or more: the register has two.
    clash = build_report(SURVEY, said(5, 4, 4), title="T", invited=4, register=register)
    assert clash.notes[0].startswith("3 respondents say they came to 4 or more sessions")
    # Without ticks the report is as before; with some sessions unticked it says so.
    assert build_report(SURVEY, said(5), title="T", invited=4).register == ()
    part = register_of([*SESSIONS[:3], Session(4), Session(5)], PEOPLE)
    partial = build_report(SURVEY, said(5, 5, 5), title="T", invited=4, register=part)
    assert partial.notes == (
        "The attendance register has no ticks for sessions 4 and 5, so its counts leave them out.",
    )


def test_across_groups_the_registers_add_up() -> None:
    register = register_of(SESSIONS, PEOPLE)
    areas = [
        AreaResponses("n", "North", 4, tuple(said(5)), register=register),
        AreaResponses("s", "South", 4, tuple(said(3)), register=register_of([Session(1)], PEOPLE)),
    ]
    report = build_cross_area_report(SURVEY, areas, title="All")
    assert report.register_people == 3 and report.register_sessions[0].count == 3
    assert "The attendance register leaves out South (no attendance ticked)." in report.notes


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def north(sessions_dir: Path, library: Library) -> Path:
    path = create_programme(sessions_dir, "north", area="Northtown", library=library)
    with SessionStore(path) as store:
        people = [store.add_participant(f"Person {n}", sector="council") for n in range(4)]
        ops = PeopleOps(store)
        for number in (2, 3, 4, 5):  # sessions 2-5 ticked earlier; session 1 is ticked by keys below
            for person in people[:2]:
                ops.set_attended(number, person.id, True)
    return path


def test_markdown_and_csv_carry_the_register(north: Path, library: Library) -> None:
    with SessionStore(north) as store:
        people = store.participants()
        for number in (1, 2, 3, 4, 5):
            PeopleOps(store).set_attended(number, people[0].id, True)
        SurveyOps(store).add(SurveyResponse(answers={"trust": 4}, sessions_attended=5))
    report = programme_report(north, library)
    text = report_markdown(report)
    assert "| Sessions attended (register) | People | % |" in text
    assert "| 5 sessions | 1 | 50% |" in text and "| 4 sessions | 1 | 50% |" in text
    assert "| Session 1 | 1 | 25% |" in text and "2 people ticked at least once." in text
    assert "never linked to a response" in text
    rows = list(csv.reader(io.StringIO(report_csv(report).decode("utf-8-sig"))))
    register = [r for r in rows if r[0] == "register"]
    assert ["register", "", "5", "5 sessions", "", "1", "2", "50", ""] in register
    assert ["register", "", "session-1", "Session 1", "", "1", "4", "25", "came"] in register


async def test_ticks_on_the_participants_screen_reach_the_survey_form_and_report(
    sessions_dir: Path, north: Path, library: Library
) -> None:
    app = create_app(sessions_dir=sessions_dir, programme=north, author="Ann", mode="session", session=1)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for _ in range(200):
            if getattr(app.screen, "library", None) is not None:
                break
            await pilot.pause(0.02)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ParticipantsScreen)
        await pilot.press("space", "down", "space", "down", "space")  # three people came to session 1
        await pilot.pause()
        await pilot.press("escape", "ctrl+s")
        for _ in range(200):
            if isinstance(app.screen, SurveyScreen) and app.screen.columns:
                break
            await pilot.pause(0.02)
        survey = app.screen
        assert isinstance(survey, SurveyScreen)
        await pilot.press("c")  # the sector; the cursor moves on to the sessions attended
        await pilot.pause()
        assert survey.query_one("#survey-grid", DataTable).cursor_coordinate.column == 1
        prompt = str(survey.query_one("#survey-prompt", Static).render())
        assert "The register: 2 people came to 5 sessions, 1 to 1" in prompt
        await pilot.press("5", *"4" * 13, "enter", "enter")  # one form: 5 sessions
        await pilot.pause()
        await pilot.press("ctrl+r")
        for _ in range(200):
            if isinstance(app.screen, ReportScreen) and "%" in str(app.screen.query_one("#report-text").render()):
                break
            await pilot.pause(0.02)
        body = str(app.screen.query_one("#report-text", Static).render())
        assert "The register  people by sessions: 1 session: 1 · 5 sessions: 2" in body
        assert "Came to each session: S1 3 · S2 2 · S3 2 · S4 2 · S5 2 (of 4)" in body

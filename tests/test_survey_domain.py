"""The evaluation report's arithmetic, from constructed response sets with known counts."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from piptui.domain.exercise import Survey, SurveyGroup, SurveyQuestion
from piptui.domain.model import Sector
from piptui.domain.survey import SurveyResponse, check_response, parse_rating, parse_sector, parse_sessions
from piptui.domain.survey_report import (
    ROUNDING_NOTE,
    AreaResponses,
    NoResponses,
    answer_columns,
    build_cross_area_report,
    build_report,
    percent,
)
from piptui.errors import InvalidInput

SCALE = ("not helpful", "partially helpful", "neither helpful nor unhelpful", "helpful", "very helpful")
SURVEY = Survey(
    scale=SCALE,
    groups=(
        SurveyGroup(
            "enabling",
            "How helpful was the programme in enabling you to ...",
            (
                SurveyQuestion("trust", "trust colleagues from other sectors more"),
                SurveyQuestion("respect", "gain more respect for colleagues from other sectors"),
            ),
        ),
        SurveyGroup(
            "improvements",
            "... in contributing to improvements in ...",
            (SurveyQuestion("communication", "cross-sector communication"),),
        ),
    ),
    open_questions=(SurveyQuestion("comments", "Any further comments?"),),
)


def answers(question: str, values: Sequence[int | None]) -> list[SurveyResponse]:
    return [SurveyResponse(answers={question: v}) for v in values]


def row_of(responses: Sequence[SurveyResponse], question: str = "trust", invited: int = 20):  # type: ignore[no-untyped-def]
    report = build_report(SURVEY, responses, title="Test", invited=invited)
    return next(r for t in report.tables for r in t.rows if r.question.id == question)


# -- rounding ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("count", "base", "expected"),
    [
        (1, 8, 13),  # 12.5 rounds up
        (5, 8, 63),  # 62.5 rounds up
        (1, 3, 33),
        (2, 3, 67),
        (1, 6, 17),
        (0, 5, 0),
        (5, 5, 100),
        (1, 200, 1),
        (1, 201, 0),
        (7, 11, 64),
        (3, 11, 27),
    ],
)
def test_percent_rounds_half_up(count: int, base: int, expected: int) -> None:
    assert percent(count, base) == expected


def test_percent_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError):
        percent(0, 0)


def test_columns_always_in_the_published_order() -> None:
    columns = answer_columns(SCALE)
    assert [c.label for c in columns] == [
        "Helpful or very helpful",
        "Partially helpful",
        "Neither helpful nor unhelpful",
        "Not helpful",
    ]
    assert [c.values for c in columns] == [(4, 5), (2,), (3,), (1,)]


def test_another_scale_gives_a_column_per_label_highest_first() -> None:
    assert [c.label for c in answer_columns(("poor", "fair", "good", "excellent"))] == [
        "Excellent",
        "Good",
        "Fair",
        "Poor",
    ]


def test_a_row_of_thirds_adds_up_to_99_and_is_flagged() -> None:
    row = row_of(answers("trust", [4, 2, 3]))
    assert row.percents == (33, 33, 33, 0)
    assert row.total == 99 and row.rounding_off


def test_a_row_of_eighths_adds_up_to_101_and_is_flagged() -> None:
    row = row_of(answers("trust", [5, 2, 3, 3, 3, 3, 3, 3]))  # 1, 1, 6 of 8: 12.5, 12.5, 75
    assert row.counts == (1, 1, 6, 0)
    assert row.percents == (13, 13, 75, 0)
    assert row.total == 101 and row.rounding_off


def test_helpful_or_very_helpful_is_rounded_once_from_the_combined_count() -> None:
    row = row_of(answers("trust", [4, 5, 3, 3, 3, 3, 3, 1]))  # 2 of 8 = 25%, not 13% + 13%
    assert row.counts == (2, 0, 5, 1)
    assert row.percents == (25, 0, 63, 13)
    assert row.rounding_off  # 101


def test_exact_row_is_not_flagged() -> None:
    row = row_of(answers("trust", [5, 5, 4, 2]))
    assert row.percents == (75, 25, 0, 0) and not row.rounding_off


# -- missing answers -------------------------------------------------------------------------
def test_no_answer_is_never_counted_as_not_helpful() -> None:
    responses = [*answers("trust", [1, None, None]), SurveyResponse(answers={"respect": 4})]
    row = row_of(responses)
    assert row.answered == 1 and row.no_answer == 3
    assert row.counts == (0, 0, 0, 1)
    assert row.percents == (0, 0, 0, 100)


def test_percentages_are_of_those_who_answered_that_question() -> None:
    responses = [
        SurveyResponse(answers={"trust": 5, "respect": 1}),
        SurveyResponse(answers={"trust": 4}),
        SurveyResponse(answers={"trust": 2, "respect": 5}),
        SurveyResponse(answers={"trust": 1}),
    ]
    assert row_of(responses, "trust").percents == (50, 25, 0, 25)
    respect = row_of(responses, "respect")
    assert (respect.answered, respect.no_answer, respect.percents) == (2, 2, (50, 0, 0, 50))


def test_a_question_nobody_answered_has_no_percentages() -> None:
    row = row_of(answers("trust", [4, 4]), "communication")
    assert row.answered == 0 and row.percents is None and not row.rounding_off and row.no_answer == 2


def test_none_answers_and_empty_open_answers_are_dropped() -> None:
    r = SurveyResponse(answers={"trust": None, "respect": 3}, open_answers={"comments": "  ", "x": None})  # type: ignore[dict-item]
    assert r.answers == {"respect": 3} and r.open_answers == {}
    assert SurveyResponse().is_blank and not SurveyResponse(sector=Sector.VCS).is_blank


def test_no_responses_is_a_clear_error_not_zeros() -> None:
    with pytest.raises(NoResponses, match="no survey responses"):
        build_report(SURVEY, [], title="Test", invited=10)


# -- respondents ----------------------------------------------------------------------------
def test_response_rate_sectors_and_sessions() -> None:
    people = [
        (Sector.COUNCIL, 5),
        (Sector.COUNCIL, 4),
        (Sector.STATUTORY, 5),
        (Sector.VCS, 3),
        (Sector.VCS, 5),
        (Sector.VCS, None),
        (None, 2),
    ]
    responses = [SurveyResponse(answers={"trust": 4}, sector=s, sessions_attended=n) for s, n in people]
    report = build_report(SURVEY, responses, title="Test", invited=16, max_sessions=5)
    assert (report.invited, report.responses, report.response_rate) == (16, 7, 44)  # 43.75
    assert [(s.label, s.count, s.percent) for s in report.sectors] == [
        ("Council", 2, 29),
        ("Statutory agency", 1, 14),
        ("Voluntary and community sector", 3, 43),
        ("Other", 0, 0),
        ("Not given", 1, 14),
    ]
    assert (report.public_sector.count, report.public_sector.percent) == (3, 43)
    assert [(s.label, s.count, s.percent) for s in report.sessions] == [
        ("1", 0, 0),
        ("2", 1, 14),
        ("3", 1, 14),
        ("4", 1, 14),
        ("5", 3, 43),
        ("Not given", 1, 14),
    ]
    assert report.rounding_note == ROUNDING_NOTE and not report.notes


def test_unknown_invited_and_more_responses_than_invited_are_noted() -> None:
    unknown = build_report(SURVEY, answers("trust", [4]), title="T", invited=0)
    assert unknown.response_rate is None and unknown.invited is None
    assert "response rate is not known" in unknown.notes[0]
    over = build_report(SURVEY, answers("trust", [4, 4, 4]), title="T", invited=2)
    assert over.response_rate == 150 and "more responses than participants" in over.notes[0]


def test_open_answers_listed_under_their_question_in_order() -> None:
    responses = [
        SurveyResponse(open_answers={"comments": "First"}),
        SurveyResponse(answers={"trust": 3}),
        SurveyResponse(open_answers={"comments": "[red]Second"}),
    ]
    report = build_report(SURVEY, responses, title="T", invited=3)
    (block,) = report.open_answers
    assert block.question.id == "comments"
    assert [a.text for a in block.answers] == ["First", "[red]Second"]


# -- across areas ---------------------------------------------------------------------------
def test_cross_area_totals() -> None:
    north = AreaResponses(
        "north-2008",
        "Northtown",
        10,
        tuple(SurveyResponse(answers={"trust": v}, sector=Sector.COUNCIL) for v in (5, 4, 2, 1)),
    )
    south = AreaResponses(
        "south-2008",
        "Southville",
        8,
        tuple(
            SurveyResponse(answers={"trust": v}, sector=Sector.VCS, open_answers={"comments": "ok"})
            for v in (5, 5, 3, None)
        ),
    )
    empty = AreaResponses("east-2009", "Eastham", 12, ())
    report = build_cross_area_report(SURVEY, [north, south, empty], title="All groups")
    assert report.groups == 2 and report.responses == 8
    assert report.invited == 18 and report.response_rate == 44  # 8 of 18 = 44.4; Eastham has no responses yet
    assert [(a.area, a.invited, a.responses, a.rate) for a in report.areas] == [
        ("Northtown", 10, 4, 40),
        ("Southville", 8, 4, 50),
        ("Eastham", 12, 0, 0),
    ]
    trust = report.tables[0].rows[0]
    assert trust.counts == (4, 1, 1, 1) and trust.answered == 7 and trust.no_answer == 1
    assert trust.percents == (57, 14, 14, 14) and trust.rounding_off  # 99
    assert [(s.label, s.count, s.percent) for s in report.sectors[:3]] == [
        ("Council", 4, 50),
        ("Statutory agency", 0, 0),
        ("Voluntary and community sector", 4, 50),
    ]
    assert [a.area for a in report.open_answers[0].answers] == ["Southville"] * 4


def test_cross_area_rate_unknown_when_a_group_lists_nobody() -> None:
    a = AreaResponses("a", "Ayton", 0, tuple(answers("trust", [4])))
    b = AreaResponses("b", "Beeford", 5, tuple(answers("trust", [4])))
    report = build_cross_area_report(SURVEY, [a, b], title="All")
    assert report.response_rate is None and "Ayton" in report.notes[0]


def test_cross_area_without_any_response() -> None:
    with pytest.raises(NoResponses):
        build_cross_area_report(SURVEY, [AreaResponses("a", "Ayton", 4, ())], title="All")


# -- checking and reading input -------------------------------------------------------------
def test_check_response() -> None:
    check_response(SurveyResponse(answers={"trust": 5}, sessions_attended=4), SURVEY, max_sessions=5)
    for bad in (
        SurveyResponse(answers={"trust": 6}),
        SurveyResponse(answers={"trust": 0}),
        SurveyResponse(answers={"nope": 3}),
        SurveyResponse(open_answers={"nope": "x"}),
        SurveyResponse(answers={"trust": True}),
        SurveyResponse(sessions_attended=6),
    ):
        with pytest.raises(InvalidInput):
            check_response(bad, SURVEY, max_sessions=5)


def test_parse_rating() -> None:
    assert [parse_rating(t, SCALE) for t in ("1", "5", " 4 ", "4.0", "", "0", "Very helpful", "NOT HELPFUL")] == [
        1,
        5,
        4,
        4,
        None,
        None,
        5,
        1,
    ]
    for bad in ("6", "-1", "2.5", "great", "45"):
        with pytest.raises(InvalidInput, match="not an answer"):
            parse_rating(bad, SCALE)


def test_parse_sector() -> None:
    assert parse_sector("VCS") is Sector.VCS
    assert parse_sector("Voluntary and community sector") is Sector.VCS
    assert parse_sector("Statutory agency") is Sector.STATUTORY
    assert parse_sector("c") is Sector.COUNCIL and parse_sector(" ") is None
    with pytest.raises(InvalidInput, match="not a sector"):
        parse_sector("private")


def test_parse_sessions() -> None:
    assert parse_sessions("4", 5) == 4 and parse_sessions("", 5) is None and parse_sessions("0", 5) is None
    assert parse_sessions("1;2;4", 5) == 3 and parse_sessions("1, 2, 3, 4, 5", 5) == 5
    assert parse_sessions("Session 1, Session 2, Session 5", 5) == 3 and parse_sessions("session 4", 5) == 4
    for bad in ("6", "x", "2.5", "1;1", "1;7"):
        with pytest.raises(InvalidInput):
            parse_sessions(bad, 5)

"""The end-of-programme evaluation's report, worked out from the responses. Pure.

The report follows the programme's published evaluation tables: per question, the share of
those who answered it that found it "helpful or very helpful", "partially helpful", "neither
helpful nor unhelpful" and "not helpful", always in that order (:func:`answer_columns`).
A question left unanswered is counted as *no answer*, never as "not helpful".

Rounding (:data:`ROUNDING_NOTE`): each percentage is worked out from the counts and rounded
to the nearest whole number, a half rounding up; so a row can add up to 99 or 101, and the
report says so for that row (:attr:`QuestionRow.rounding_off`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from piptui.domain.attendance import Register
from piptui.domain.exercise import Survey, SurveyGroup, SurveyQuestion
from piptui.domain.model import SECTOR_LABELS, Sector
from piptui.domain.survey import SurveyResponse, check_scale
from piptui.errors import InvalidInput

NOT_GIVEN = "Not given"
ROUNDING_NOTE = (
    "Percentages are of those who answered each question (no answer is left out, never counted as "
    "not helpful). Each is worked out from the counts and rounded to the nearest whole number, a half "
    "rounding up (12.5% shows as 13%), so a row can add up to 99% or 101%; such rows are marked."
)


class NoResponses(InvalidInput):
    """A report was asked for, but there is nothing to report on."""


def percent(count: int, base: int) -> int:
    """``count`` of ``base`` as a whole-number percentage, rounded to the nearest, a half up."""
    if base <= 0:
        raise ValueError("a percentage of nothing")
    return (200 * count + base) // (2 * base)


@dataclass(frozen=True, slots=True)
class AnswerColumn:
    """A column of the tables: its heading and the scale points it counts (1 = lowest)."""

    label: str
    values: tuple[int, ...]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def answer_columns(scale: Sequence[str]) -> tuple[AnswerColumn, ...]:
    """The report's columns, best first.

    A five-point PIP scale (not helpful, partially helpful, neither..., helpful, very helpful)
    gives the published four: "Helpful or very helpful", "Partially helpful", "Neither helpful
    nor unhelpful", "Not helpful". Any other scale gives one column per label, highest first.
    """
    if len(scale) == 5:
        low, partly, neither, high, top = scale
        return (
            AnswerColumn(f"{_cap(high)} or {top}", (4, 5)),
            AnswerColumn(_cap(partly), (2,)),
            AnswerColumn(_cap(neither), (3,)),
            AnswerColumn(_cap(low), (1,)),
        )
    return tuple(AnswerColumn(_cap(label), (n,)) for n, label in reversed(list(enumerate(scale, 1))))


@dataclass(frozen=True, slots=True)
class QuestionRow:
    question: SurveyQuestion
    counts: tuple[int, ...]  # per answer column
    answered: int
    no_answer: int
    percents: tuple[int, ...] | None  # None when nobody answered it

    @property
    def total(self) -> int | None:
        return None if self.percents is None else sum(self.percents)

    @property
    def rounding_off(self) -> bool:
        """The row's percentages do not add up to 100 because each was rounded."""
        return self.percents is not None and sum(self.percents) != 100


@dataclass(frozen=True, slots=True)
class GroupTable:
    group: SurveyGroup
    rows: tuple[QuestionRow, ...]


@dataclass(frozen=True, slots=True)
class Share:
    """A count and its percentage of the respondents (by sector, by sessions attended)."""

    key: str
    label: str
    count: int
    percent: int


@dataclass(frozen=True, slots=True)
class OpenAnswer:
    text: str
    area: str = ""  # in a report across areas: where it came from


@dataclass(frozen=True, slots=True)
class OpenAnswers:
    question: SurveyQuestion
    answers: tuple[OpenAnswer, ...]


@dataclass(frozen=True, slots=True)
class AreaResponses:
    """One programme's (one group's) responses, as a report across areas takes them."""

    name: str
    area: str
    invited: int  # the programme's participants
    responses: tuple[SurveyResponse, ...]
    sessions: int = 5  # how many sessions the programme has
    register: Register | None = None  # its attendance register, as counts (domain.attendance)


@dataclass(frozen=True, slots=True)
class AreaLine:
    name: str
    area: str
    invited: int
    responses: int
    rate: int | None  # None when no participants are listed


@dataclass(frozen=True, slots=True)
class SurveyReport:
    title: str
    survey_title: str
    columns: tuple[AnswerColumn, ...]
    responses: int
    invited: int | None  # None when no participants are listed (the rate cannot be known)
    response_rate: int | None
    sectors: tuple[Share, ...]
    public_sector: Share  # council and statutory agencies together
    sessions: tuple[Share, ...]
    tables: tuple[GroupTable, ...]
    open_answers: tuple[OpenAnswers, ...]
    areas: tuple[AreaLine, ...] = ()  # a report across areas: one line per group
    groups: int = 1  # how many groups (programmes) the responses come from
    notes: tuple[str, ...] = ()  # what a reader must know (more responses than invited...)
    rounding_note: str = ROUNDING_NOTE
    # The attendance register beside the self-reported sessions (domain.survey_register); empty
    # when no attendance is ticked: people by how many sessions they came to (% of those ticked),
    # and how many came to each session (% of the participants listed).
    register: tuple[Share, ...] = ()
    register_sessions: tuple[Share, ...] = ()
    register_people: int = 0  # people ticked as there at least once

    @property
    def rows_off(self) -> int:
        """How many rows do not add up to 100 because of rounding."""
        return sum(r.rounding_off for t in self.tables for r in t.rows)


def question_row(
    question: SurveyQuestion, responses: Sequence[SurveyResponse], columns: Sequence[AnswerColumn]
) -> QuestionRow:
    given = [v for r in responses if (v := r.answers.get(question.id)) is not None]
    counts = tuple(sum(1 for v in given if v in c.values) for c in columns)
    answered = len(given)
    percents = tuple(percent(n, answered) for n in counts) if answered else None
    return QuestionRow(question, counts, answered, len(responses) - answered, percents)


def _shares(counted: Iterable[tuple[str, str, int]], base: int) -> tuple[Share, ...]:
    return tuple(Share(key, label, n, percent(n, base)) for key, label, n in counted)


def sector_shares(responses: Sequence[SurveyResponse]) -> tuple[Share, ...]:
    """Respondents by sector, every sector listed (then "Not given" if any), as % of all respondents."""
    counts = {s: 0 for s in Sector}
    missing = 0
    for r in responses:
        if r.sector is None:
            missing += 1
        else:
            counts[r.sector] += 1
    rows = [(s.value, SECTOR_LABELS[s], n) for s, n in counts.items()]
    if missing:
        rows.append(("", NOT_GIVEN, missing))
    return _shares(rows, len(responses))


def sessions_shares(responses: Sequence[SurveyResponse], max_sessions: int) -> tuple[Share, ...]:
    """Respondents by the number of sessions they attended (1 to the most), then "Not given" if any."""
    given = [r.sessions_attended for r in responses if r.sessions_attended is not None]
    top = max([max_sessions, *given])
    rows = [(str(n), str(n), sum(1 for g in given if g == n)) for n in range(1, top + 1)]
    if len(given) < len(responses):
        rows.append(("", NOT_GIVEN, len(responses) - len(given)))
    return _shares(rows, len(responses))


def open_answers_of(
    survey: Survey, responses: Sequence[SurveyResponse], areas: Mapping[str, str] | None = None
) -> tuple[OpenAnswers, ...]:
    """Every open answer under its question, in the order the responses were given."""
    return tuple(
        OpenAnswers(
            q,
            tuple(
                OpenAnswer(r.open_answers[q.id], (areas or {}).get(r.id, ""))
                for r in responses
                if q.id in r.open_answers
            ),
        )
        for q in survey.open_questions
    )


def build_report(
    survey: Survey,
    responses: Sequence[SurveyResponse],
    *,
    title: str,
    survey_title: str = "",
    invited: int | None = None,
    max_sessions: int = 5,
    register: Register | None = None,
) -> SurveyReport:
    """The report of one group's responses (and its attendance register). No responses: :class:`NoResponses`."""
    area = AreaResponses(
        name=title,
        area=title,
        invited=invited or 0,
        responses=tuple(responses),
        sessions=max_sessions,
        register=register,
    )
    return build_cross_area_report(survey, [area], title=title, survey_title=survey_title, single=True)


def build_cross_area_report(
    survey: Survey,
    areas: Sequence[AreaResponses],
    *,
    title: str,
    survey_title: str = "",
    single: bool = False,
) -> SurveyReport:
    """The same tables over several groups' responses, with one line per group.

    The response rate is over the groups that have responses (a group that has not entered
    its responses yet would only lower it); it is unknown if one of them lists no participants.
    """
    check_scale(survey)
    responses = [r for a in areas for r in a.responses]
    if not responses:
        raise NoResponses(f"{title}: no survey responses yet")
    columns = answer_columns(survey.scale)
    answering = [a for a in areas if a.responses]
    notes: list[str] = []
    invited: int | None = sum(a.invited for a in answering)
    if any(a.invited <= 0 for a in answering):
        invited = None
        which = "" if single else " in " + ", ".join(a.area for a in answering if a.invited <= 0)
        notes.append(f"No participants are listed{which}, so the response rate is not known.")
    rate = percent(len(responses), invited) if invited else None
    if invited is not None and len(responses) > invited:
        notes.append("There are more responses than participants listed: check the participant list.")
    public = sum(1 for r in responses if r.sector in (Sector.COUNCIL, Sector.STATUTORY))
    area_of = {r.id: a.area for a in areas for r in a.responses} if not single else None
    report = SurveyReport(
        title=title,
        survey_title=survey_title,
        columns=columns,
        responses=len(responses),
        invited=invited,
        response_rate=rate,
        sectors=sector_shares(responses),
        public_sector=Share(
            "public", "Public sector (council and statutory agencies)", public, percent(public, len(responses))
        ),
        sessions=sessions_shares(responses, max(a.sessions for a in areas)),
        tables=tuple(
            GroupTable(g, tuple(question_row(q, responses, columns) for q in g.questions)) for g in survey.groups
        ),
        open_answers=open_answers_of(survey, responses, area_of),
        areas=()
        if single
        else tuple(
            AreaLine(
                a.name,
                a.area,
                a.invited,
                len(a.responses),
                percent(len(a.responses), a.invited) if a.invited > 0 else None,
            )
            for a in areas
        ),
        groups=1 if single else len(answering),
        notes=tuple(notes),
    )
    from piptui.domain.survey_register import with_register  # it builds on this module

    return with_register(report, areas, single=single)

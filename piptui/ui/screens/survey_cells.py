"""The survey grid's columns and cells: what a cell shows, what a key does to it.

One response is one row; each column is the respondent's sector, how many sessions they
attended, a rated question, or an open question. A key sets a cell (one key per rated
question, like typing into a spreadsheet); no screen state lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from piptui.domain.exercise import Survey
from piptui.domain.model import SECTOR_LABELS, Sector
from piptui.domain.survey import SurveyResponse, check_scale, rated_questions
from piptui.errors import InvalidInput

Kind = Literal["sector", "sessions", "rated", "open"]
BLANK = "·"
WRITTEN = "✎"
SECTOR_ORDER: tuple[Sector, ...] = (Sector.COUNCIL, Sector.STATUTORY, Sector.VCS, Sector.OTHER)
SECTOR_CELL: dict[Sector, str] = {
    Sector.COUNCIL: "Cou",
    Sector.STATUTORY: "Sta",
    Sector.VCS: "VCS",
    Sector.OTHER: "Oth",
}
SECTOR_KEYS: dict[str, Sector] = {"c": Sector.COUNCIL, "s": Sector.STATUTORY, "v": Sector.VCS, "o": Sector.OTHER}
NO_ANSWER_KEYS = ("0", " ")


@dataclass(frozen=True, slots=True)
class GridColumn:
    kind: Kind
    id: str  # the question's id ("sector" and "sessions" for the respondent's)
    heading: str  # the short column heading
    title: str  # what the prompt line shows: the question in full
    stem: str = ""  # a rated question's group stem
    width: int = 2


def grid_columns(survey: Survey) -> list[GridColumn]:
    """Sector, sessions, every rated question numbered from 1, the open questions."""
    asked = {q.id: q for q in survey.respondent}
    sector = asked["sector"].text if "sector" in asked else "Which sector do you work in?"
    sessions = asked["sessions"].text if "sessions" in asked else "How many sessions did you attend?"
    if "sessions" in asked and asked["sessions"].multiple:
        sessions += " (type how many)"
    columns = [
        GridColumn("sector", "sector", "Sec", sector, width=3),
        GridColumn("sessions", "sessions", "Ses", sessions, width=3),
    ]
    n = 0
    for group in survey.groups:
        for q in group.questions:
            n += 1
            columns.append(GridColumn("rated", q.id, str(n), q.text, stem=group.stem, width=2))
    for m, q in enumerate(survey.open_questions, 1):
        columns.append(GridColumn("open", q.id, f"T{m}", q.text, width=2))
    return columns


def cell_text(column: GridColumn, response: SurveyResponse) -> str:
    if column.kind == "sector":
        return SECTOR_CELL[response.sector] if response.sector is not None else BLANK
    if column.kind == "sessions":
        return str(response.sessions_attended) if response.sessions_attended is not None else BLANK
    if column.kind == "rated":
        value = response.answers.get(column.id)
        return str(value) if value is not None else BLANK
    return WRITTEN if column.id in response.open_answers else BLANK


def set_cell(column: GridColumn, response: SurveyResponse, value: object) -> SurveyResponse:
    """``response`` with this cell set to ``value`` (None clears it)."""
    if column.kind == "sector":
        return replace(response, sector=value)  # type: ignore[arg-type]
    if column.kind == "sessions":
        return replace(response, sessions_attended=value)  # type: ignore[arg-type]
    if column.kind == "rated":
        return replace(response, answers={**response.answers, column.id: value if isinstance(value, int) else None})
    texts = {**response.open_answers}
    texts.pop(column.id, None)
    if value:
        texts[column.id] = str(value)
    return replace(response, open_answers=texts)


def key_value(column: GridColumn, key: str, survey: Survey, max_sessions: int) -> object:
    """The value one typed character gives a sector, sessions or rated cell (None: no answer).

    A key that means nothing there is :class:`InvalidInput` with what to type instead.
    """
    if key in NO_ANSWER_KEYS:
        return None
    if column.kind == "sector":
        if key.lower() in SECTOR_KEYS:
            return SECTOR_KEYS[key.lower()]
        if key.isdigit() and 1 <= int(key) <= len(SECTOR_ORDER):
            return SECTOR_ORDER[int(key) - 1]
        raise InvalidInput("Sector: c council, s statutory, v VCS, o other (or 1-4); 0 or Space: not given")
    if column.kind == "sessions":
        if key.isdigit() and 1 <= int(key) <= max_sessions:
            return int(key)
        raise InvalidInput(f"Sessions attended: 1-{max_sessions}; 0 or Space: not given")
    size = check_scale(survey)
    if key.isdigit() and 1 <= int(key) <= size:
        return int(key)
    raise InvalidInput(f"Type 1-{size}; 0 or Space: no answer")


def legend(column: GridColumn, survey: Survey, max_sessions: int) -> str:
    """The keys of a column, for the prompt under the question."""
    if column.kind == "sector":
        names = "  ".join(f"{k} {SECTOR_LABELS[s].lower()}" for k, s in SECTOR_KEYS.items())
        return f"{names}  ·  0/Space not given"
    if column.kind == "sessions":
        return f"1-{max_sessions} how many sessions  ·  0/Space not given"
    if column.kind == "rated":
        return "  ".join(f"{n} {label}" for n, label in enumerate(survey.scale, 1)) + "  ·  0/Space no answer"
    return "Type the answer (F2 edits what is there)  ·  Enter or Space: no answer, next"


def question_number(column: GridColumn, survey: Survey) -> str:
    total = len(rated_questions(survey))
    return f"Question {column.heading} of {total}" if column.kind == "rated" else ""

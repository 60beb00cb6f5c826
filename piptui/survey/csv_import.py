"""Survey responses from a CSV file (an online form's export, a spreadsheet of paper forms).

The format is documented in docs/survey-csv.md. In short: a header row, then one response per
row. A column is a question when its header is the question's id (``trust``) or contains the
question's text (``How helpful ... [trust colleagues from other sectors more]``); ``sector``
and ``sessions`` are the respondent's. A form's timestamp is ignored and listed; any other
column is an error naming it (``--ignore-unknown-columns``: ignored and listed);
a name or e-mail column is never read: responses are anonymous.

The whole file is checked before anything is stored: every bad cell is reported with its row
(as a spreadsheet numbers them, the header being row 1) and column, and a file with any error
imports nothing. A good file goes in as one write and one undo step.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from piptui.domain.exercise import Exercise, SurveyQuestion
from piptui.domain.model import Sector, uuid_id
from piptui.domain.survey import (
    SurveyResponse,
    check_scale,
    parse_rating,
    parse_sector,
    parse_sessions,
    rated_questions,
)
from piptui.domain.text_rules import control_problem
from piptui.errors import InvalidInput
from piptui.store import SessionStore
from piptui.store.survey_ops import SurveyOps, stamps

_NS = uuid.UUID("b7f0c6e4-1d2a-4f8e-9c3b-2a5e7d9f1c08")
SHOWN_PROBLEMS = 20
SECTOR_HEADERS = ("sector", "sectors", "which sector do you work in", "your sector")
SESSIONS_HEADERS = (
    "sessions",
    "sessions attended",
    "sessions_attended",
    "number of sessions",
    "number of sessions attended",
    "which sessions did you attend",
    "how many sessions did you attend",
)
PERSONAL_HEADERS = (
    "name",
    "your name",
    "full name",
    "first name",
    "surname",
    "last name",
    "email",
    "e-mail",
    "email address",
    "e-mail address",
    "username",
    "respondent",
)


class SurveyImportError(InvalidInput):
    """A file that cannot be imported; the message lists every problem found (nothing was imported)."""


@dataclass(frozen=True, slots=True)
class Problem:
    row: int
    column: int | None  # 0-based; None: the whole row
    header: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}"
        if self.column is not None:
            where += f", column {column_letter(self.column)}" + (f" ({self.header})" if self.header else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ParsedFile:
    responses: tuple[SurveyResponse, ...]
    ignored: tuple[str, ...] = ()  # headers of columns that are not in the survey
    personal: tuple[str, ...] = ()  # name / e-mail columns, never read
    missing: tuple[str, ...] = ()  # question ids without a column (no answer throughout)
    blank_rows: tuple[int, ...] = ()  # rows with no answer at all, skipped
    problems: tuple[Problem, ...] = field(default=())


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: as a spreadsheet names its columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _norm(text: str) -> str:
    """A header or question as compared: lower case, without spaces or punctuation, so that
    ``Sector(s)``, ``sectors`` and ``SECTORS?`` are one (docs/survey-csv.md)."""
    return re.sub(r"[\W_]+", "", text.lower())


_SECTOR = {_norm(h) for h in SECTOR_HEADERS}
_SESSIONS = {_norm(h) for h in SESSIONS_HEADERS}
_PERSONAL = {_norm(h) for h in PERSONAL_HEADERS}
# What an online form adds besides the answers: not a question, listed as ignored, never an error.
FORM_HEADERS = ("timestamp", "start time", "completion time", "submitted", "submitted at", "id", "response id")
_FORM = {_norm(h) for h in FORM_HEADERS}


def _decode(blob: bytes, source: str) -> str:
    try:
        return blob.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SurveyImportError(
            f'{source} is not UTF-8 text: save it as "CSV UTF-8" and import it again; nothing was imported'
        ) from None


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


Target = tuple[str, str]  # ("rated" | "open" | "sector" | "sessions" | "personal" | "form", question id)


def _match(header: str, rated: Sequence[SurveyQuestion], opened: Sequence[SurveyQuestion]) -> Target | None:
    norm = _norm(header)
    if norm in _SECTOR:
        return ("sector", "sector")
    if norm in _SESSIONS:
        return ("sessions", "sessions")
    if norm in _PERSONAL:
        return ("personal", "")
    if norm in _FORM:
        return ("form", "")
    for kind, questions in (("rated", rated), ("open", opened)):
        for q in questions:
            if norm == _norm(q.id):
                return (kind, q.id)
    best: tuple[int, Target] | None = None
    for kind, questions in (("rated", rated), ("open", opened)):
        for q in questions:
            text = _norm(q.text)
            if text and text in norm and (best is None or len(text) > best[0]):
                best = (len(text), (kind, q.id))
    return best[1] if best else None


def parse_responses_csv(
    blob: bytes,
    exercise: Exercise,
    *,
    max_sessions: int | None = None,
    source: str = "the file",
    ignore_unknown: bool = False,
) -> ParsedFile:
    """Every response of the file, or :class:`SurveyImportError` listing every problem in it.

    A column that is no question of the survey (nor sector, sessions, a name, a form's
    timestamp) is an error naming it, unless ``ignore_unknown``: then it is ignored and listed."""
    survey = exercise.survey
    if survey is None:
        raise InvalidInput(f"'{exercise.id}' is not a survey")
    check_scale(survey)
    text = _decode(blob, source)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
    if not records or not any(cell.strip() for cell in records[0]):
        raise SurveyImportError(
            f"{source} is empty: it needs a header row, then one response per row "
            "(see docs/survey-csv.md); nothing was imported"
        )
    header = records[0]
    rated, opened = rated_questions(survey), survey.open_questions
    problems: list[Problem] = []
    targets: dict[int, Target] = {}
    ignored: list[str] = []
    personal: list[str] = []
    seen: dict[Target, int] = {}
    unknown: list[str] = []
    for col, head in enumerate(header):
        target = _match(head, rated, opened) if head.strip() else None
        if target is None or target[0] == "form":
            if head.strip():
                ignored.append(head.strip())
                if target is None:
                    unknown.append(f"{column_letter(col)} '{head.strip()}'")
            continue
        if target[0] == "personal":
            personal.append(head.strip())
            continue
        if target in seen:
            problems.append(
                Problem(
                    1,
                    col,
                    head.strip(),
                    f"a second column for '{target[1]}' (column {column_letter(seen[target])} is one already)",
                )
            )
            continue
        seen[target] = col
        targets[col] = target
    if unknown and not ignore_unknown and any(kind == "rated" for kind, _q in targets.values()):
        ids = ", ".join(q.id for q in (*rated, *opened))
        raise SurveyImportError(
            f"{source}: column{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} "
            f"{'are' if len(unknown) > 1 else 'is'} no question of the survey '{exercise.id}' "
            f"(its questions: {ids}). Rename the column, or import with --ignore-unknown-columns. "
            "Nothing was imported."
        )
    if not any(kind == "rated" for kind, _q in targets.values()):
        ids = ", ".join(q.id for q in rated)
        raise SurveyImportError(
            f"{source}: no column is a question of the survey '{exercise.id}'. Name each column by its "
            f"question's id ({ids}) or its text; see docs/survey-csv.md. Nothing was imported."
        )
    responses: list[SurveyResponse] = []
    blank: list[int] = []
    digest = hashlib.sha256(blob).hexdigest()
    for index, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        row_problems = len(problems)
        if len(record) > len(header) and any(c.strip() for c in record[len(header) :]):
            problems.append(Problem(index, len(header), "", "more cells than the header has columns"))
        answers: dict[str, int | None] = {}
        opens: dict[str, str] = {}
        sector: Sector | None = None
        sessions: int | None = None
        for col, (kind, qid) in targets.items():
            cell = record[col] if col < len(record) else ""
            try:
                if kind == "rated":
                    answers[qid] = parse_rating(cell, survey.scale)
                elif kind == "open":
                    control = control_problem(cell)  # text never carries ESC & co. (domain.text_rules)
                    if control is not None:
                        raise InvalidInput(f"{control}: an answer may hold new lines and tabs, no other controls")
                    opens[qid] = cell
                elif kind == "sector":
                    sector = parse_sector(cell)
                else:
                    sessions = parse_sessions(cell, max_sessions)
            except InvalidInput as exc:
                problems.append(Problem(index, col, header[col].strip(), exc.message))
        if len(problems) > row_problems:
            continue
        response = SurveyResponse(
            answers=answers,
            sector=sector,
            sessions_attended=sessions,
            open_answers=opens,
            survey=exercise.id,
            id=uuid_id(uuid.uuid5(_NS, f"{digest}:{index}")),
        )
        if response.is_blank:
            blank.append(index)
        else:
            responses.append(response)
    if problems:
        raise SurveyImportError(_problems_message(source, problems))
    made = [
        SurveyResponse(
            answers=r.answers,
            sector=r.sector,
            sessions_attended=r.sessions_attended,
            open_answers=r.open_answers,
            survey=r.survey,
            id=r.id,
            created=when,
        )
        for r, when in zip(responses, stamps(len(responses)), strict=True)
    ]
    missing = tuple(q.id for q in rated if ("rated", q.id) not in seen)
    return ParsedFile(tuple(made), tuple(ignored), tuple(personal), missing, tuple(blank))


def _problems_message(source: str, problems: Sequence[Problem]) -> str:
    count = f"{len(problems)} problem" + ("" if len(problems) == 1 else "s")
    lines = [f"{source}: {count}; nothing was imported"]
    lines += [f"  {p}" for p in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(f"  ... and {len(problems) - SHOWN_PROBLEMS} more")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ImportResult:
    name: str
    parsed: ParsedFile

    def summary(self) -> str:
        p = self.parsed
        n = len(p.responses)
        lines = [f"Imported {n} survey response{'' if n == 1 else 's'} into {self.name}"]
        if p.blank_rows:
            lines.append(
                f"Skipped {len(p.blank_rows)} row(s) with no answer at all: " + ", ".join(str(r) for r in p.blank_rows)
            )
        if p.personal:
            lines.append("Not read (responses are anonymous): " + ", ".join(p.personal))
        if p.ignored:
            lines.append("Ignored columns that are not in the survey: " + ", ".join(p.ignored))
        if p.missing:
            lines.append("No column for (no answer throughout): " + ", ".join(p.missing))
        return "\n".join(lines)


def import_csv(
    path: Path, blob: bytes, exercise: Exercise, *, source: str, ignore_unknown: bool = False
) -> ImportResult:
    """Check ``blob`` whole, then add its responses to the programme at ``path`` in one write."""
    with SessionStore(path) as store:
        sessions = store.sessions()
        parsed = parse_responses_csv(
            blob,
            exercise,
            max_sessions=max((s.number for s in sessions), default=None),
            source=source,
            ignore_unknown=ignore_unknown,
        )
        if not parsed.responses:
            raise SurveyImportError(f"{source} has no responses (only blank rows); nothing was imported")
        SurveyOps(store).import_responses(parsed.responses, source=source)
        return ImportResult(store.programme().name or path.stem, parsed)

"""The people of a programme: checking what a person typed about them, and a sign-in sheet. Pure.

A sign-in sheet is a CSV with the columns ``name``, ``organisation``, ``sector`` and ``role``
(headings in any case and order; ``organisation`` and ``role`` may be left out). It is checked
whole: every bad cell is reported by its row and column, and nothing is taken from a sheet with
any problem.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date

from piptui.domain.model import SECTOR_IDS, Participant, Sector
from piptui.domain.text_rules import control_problem
from piptui.errors import InvalidInput

NAME_LIMIT = 120
TEXT_LIMIT = 200
SHEET_COLUMNS = ("name", "organisation", "sector", "role")
HEADING_ALIASES = {"organization": "organisation", "org": "organisation", "job title": "role", "title": "role"}
MAX_PROBLEMS = 30


def clean_text(value: str, what: str, *, limit: int = TEXT_LIMIT, required: bool = False) -> str:
    """A one-line field as typed (spaces trimmed); refuses control characters (C0 but newline and
    tab, DEL, C1: looked for before spaces are folded, some of them count as spaces) and over-long
    text."""
    problem = control_problem(value) if value else None
    if problem is not None:
        raise InvalidInput(f"{what} has {problem}")
    text = " ".join(value.split()) if value else ""
    if required and not text:
        raise InvalidInput(f"{what} cannot be empty")
    if len(text) > limit:
        raise InvalidInput(f"{what} is too long ({len(text)} characters; at most {limit})")
    return text


def parse_sector(value: str | Sector) -> Sector:
    if isinstance(value, Sector):
        return value
    try:
        return Sector(value.strip().lower())
    except ValueError:
        raise InvalidInput(f"Unknown sector '{value}' (use one of: {', '.join(SECTOR_IDS)})") from None


def parse_date(value: str) -> str:
    """A date as ``YYYY-MM-DD`` (the one form stored)."""
    text = value.strip()
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise InvalidInput(f"'{value}' is not a date: use YYYY-MM-DD, e.g. 2008-03-13") from None


def make_participant(
    name: str, *, sector: str | Sector, organisation: str = "", role: str = "", id: str | None = None
) -> Participant:
    """A checked participant (name required, a known sector)."""
    fields = {
        "name": clean_text(name, "A name", limit=NAME_LIMIT, required=True),
        "organisation": clean_text(organisation, "The organisation"),
        "sector": parse_sector(sector),
        "role": clean_text(role, "The role"),
    }
    return Participant(**fields) if id is None else Participant(**fields, id=id)  # type: ignore[arg-type]


def find_person(people: Iterable[Participant], who: str) -> Participant:
    """The participant called ``who`` (case and spacing ignored), or whose id starts with it."""
    key = " ".join(who.split()).casefold()
    people = list(people)
    named = [p for p in people if p.name.casefold() == key]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise InvalidInput(f"Two participants are called '{who}': use the id (piptui participants NAME)")
    if len(key) >= 4:
        by_id = [p for p in people if p.id.startswith(key)]
        if len(by_id) == 1:
            return by_id[0]
    raise InvalidInput(f"No participant called '{who}' (see: piptui participants NAME)")


def parse_sign_in_sheet(text: str, *, source: str = "the file", known: Sequence[Participant] = ()) -> list[Participant]:
    """Every person on a sign-in sheet, or :class:`InvalidInput` listing every problem.

    A name already in ``known`` or twice in the sheet is a problem too (case ignored).
    Rows that are wholly empty are skipped.
    """
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows:
        raise InvalidInput(f"{source} is empty; nothing was imported")
    headings = [HEADING_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in rows[0]]
    problems: list[str] = []
    unknown = [h for h in headings if h and h not in SHEET_COLUMNS]
    if unknown:
        problems.append(
            f"row 1: unknown column {', '.join(repr(h) for h in unknown)} (the columns are: {', '.join(SHEET_COLUMNS)})"
        )
    for needed in ("name", "sector"):
        if needed not in headings:
            problems.append(f"row 1: no '{needed}' column (the columns are: {', '.join(SHEET_COLUMNS)})")
    if problems:
        raise InvalidInput(_problems(source, problems))
    where = {h: i for i, h in enumerate(headings) if h}
    seen = {p.name.casefold(): "already a participant" for p in known}
    people: list[Participant] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(headings) and any(c.strip() for c in row[len(headings) :]):
            problems.append(f"row {number}: more cells than columns")
        cells = {h: (row[i] if i < len(row) else "") for h, i in where.items()}
        fields: dict[str, object] = {}
        for column in SHEET_COLUMNS:
            if column not in cells:
                continue
            try:
                if column == "sector":
                    fields[column] = parse_sector(cells[column])
                else:
                    fields[column] = clean_text(
                        cells[column],
                        f"the {column}",
                        required=column == "name",
                        limit=NAME_LIMIT if column == "name" else TEXT_LIMIT,
                    )
            except InvalidInput as exc:
                problems.append(f"row {number}, column {column}: {_lower_first(exc.message)}")
        name = str(fields.get("name", ""))
        if name and name.casefold() in seen:
            problems.append(f"row {number}, column name: '{name}' is {seen[name.casefold()]}")
        elif name:
            seen[name.casefold()] = f"on row {number} already"
        if len(problems) >= MAX_PROBLEMS:
            break
        if not problems:
            people.append(Participant(**fields))  # type: ignore[arg-type]
    if problems:
        raise InvalidInput(_problems(source, problems))
    if not people:
        raise InvalidInput(f"{source} has nobody on it; nothing was imported")
    return people


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _problems(source: str, problems: list[str]) -> str:
    more = " (and maybe more)" if len(problems) >= MAX_PROBLEMS else ""
    head = f"{source}: {len(problems)} problem{'s' if len(problems) != 1 else ''}{more}; nothing was imported"
    return head + "\n" + "\n".join(f"  {p}" for p in problems)

"""The end-of-programme evaluation's responses: what one participant answered, checked. Pure.

A :class:`SurveyResponse` is one participant's questionnaire: their sector, how many sessions
they attended, a rating per question (1 = the lowest label of the survey's scale, "not
helpful"; 5 = the highest, "very helpful") and their open answers. No name is ever stored.
The report worked out from them is :mod:`piptui.domain.survey_report`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from piptui.domain.exercise import Survey, SurveyQuestion
from piptui.domain.model import SECTOR_LABELS, Sector, new_id, utc_now
from piptui.errors import InvalidInput

DEFAULT_SURVEY = "evaluation"  # the bundled survey exercise's id
MAX_SCALE = 9  # one key per rating: 1-9
_SESSION_WORD = re.compile(r"^sessions?\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SurveyResponse:
    """One anonymous questionnaire. ``answers`` maps a rated question's id to 1..scale size.

    A question without an answer (``None`` or absent) is *no answer*; ``None`` values are
    dropped, so ``answers`` holds only the questions answered. Empty open answers are dropped too.
    """

    answers: Mapping[str, int | None] = field(default_factory=dict)
    sector: Sector | None = None
    sessions_attended: int | None = None
    open_answers: Mapping[str, str] = field(default_factory=dict)
    survey: str = DEFAULT_SURVEY  # the survey exercise it answers
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=utc_now)

    def __post_init__(self) -> None:
        # Own copies (a stored document is never shared), normalised.
        object.__setattr__(self, "answers", {k: v for k, v in self.answers.items() if v is not None})
        opened = {k: str(v).strip() for k, v in self.open_answers.items() if v is not None}
        object.__setattr__(self, "open_answers", {k: v for k, v in opened.items() if v})

    def answer(self, question_id: str) -> int | None:
        return self.answers.get(question_id)

    @property
    def is_blank(self) -> bool:
        """Nothing at all filled in."""
        return not (self.answers or self.open_answers) and self.sector is None and self.sessions_attended is None


# -- the questionnaire ----------------------------------------------------------------------
def rated_questions(survey: Survey) -> tuple[SurveyQuestion, ...]:
    """Every rated question, in the order of the groups."""
    return tuple(q for g in survey.groups for q in g.questions)


def check_scale(survey: Survey) -> int:
    """The number of points of the survey's scale (2 to 9: one key each)."""
    size = len(survey.scale)
    if not 2 <= size <= MAX_SCALE:
        raise InvalidInput(f"A survey's scale needs 2 to {MAX_SCALE} labels; this one has {size}")
    return size


def check_response(response: SurveyResponse, survey: Survey, *, max_sessions: int | None = None) -> None:
    """Refuse answers outside the scale and a number of sessions that cannot be."""
    size = check_scale(survey)
    known = {q.id for q in rated_questions(survey)}
    for qid, value in response.answers.items():
        if qid not in known:
            raise InvalidInput(f"The survey has no rated question '{qid}'")
        if type(value) is not int or not 1 <= value <= size:
            raise InvalidInput(f"'{value}' is not an answer to '{qid}': use 1 to {size}")
    open_ids = {q.id for q in survey.open_questions}
    for qid in response.open_answers:
        if qid not in open_ids:
            raise InvalidInput(f"The survey has no open question '{qid}'")
    check_sessions(response.sessions_attended, max_sessions)


def check_sessions(value: int | None, max_sessions: int | None) -> None:
    if value is None:
        return
    top = max_sessions or 99
    if type(value) is not int or not 1 <= value <= top:
        raise InvalidInput(f"'{value}' is not a number of sessions attended: use 1 to {top}")


# -- reading what people typed or exported -----------------------------------------------------
_SECTOR_WORDS: dict[str, Sector] = {
    **{s.value: s for s in Sector},
    **{label.lower(): s for s, label in SECTOR_LABELS.items()},
    "c": Sector.COUNCIL,
    "s": Sector.STATUTORY,
    "v": Sector.VCS,
    "o": Sector.OTHER,
    "local authority": Sector.COUNCIL,
    "statutory": Sector.STATUTORY,
    "voluntary": Sector.VCS,
    "third sector": Sector.VCS,
    "voluntary and community": Sector.VCS,
    "voluntary sector": Sector.VCS,
}


def parse_sector(text: str) -> Sector | None:
    """A sector from an id, a label or a first letter (blank: not given). Unknown: :class:`InvalidInput`."""
    word = " ".join(text.split()).lower()
    if not word:
        return None
    found = _SECTOR_WORDS.get(word)
    if found is None:
        raise InvalidInput(f"'{text.strip()}' is not a sector: use council, statutory, vcs or other")
    return found


def parse_rating(text: str, scale: Sequence[str]) -> int | None:
    """A rating from a number 1..len(scale) or a scale label (blank or 0: no answer)."""
    word = " ".join(text.split()).lower()
    if word in ("", "0", "-", "n/a", "na", "no answer"):
        return None
    labels = {label.lower(): n for n, label in enumerate(scale, 1)}
    if word in labels:
        return labels[word]
    try:
        value = float(word)
    except ValueError:
        value = None
    if value is not None and value.is_integer() and 1 <= value <= len(scale):
        return int(value)
    raise InvalidInput(f"'{text.strip()}' is not an answer: use 1 to {len(scale)}, 0 or blank for no answer")


def parse_sessions(text: str, max_sessions: int | None) -> int | None:
    """How many sessions: a number, or the sessions listed ("1;2;4", "1, 2, 4" or "Session 1, Session 2, Session 4"
    count 3). Blank: not given."""
    word = text.strip()
    if not word or word == "0":
        return None
    parts = [_SESSION_WORD.sub("", p.strip()) for p in word.replace(";", ",").split(",") if p.strip()]
    numbers = [_whole(p) for p in parts]
    top = max_sessions or 99
    if len(numbers) == 1:
        if numbers[0] is None or not 1 <= numbers[0] <= top:
            raise InvalidInput(f"'{word}' is not a number of sessions attended: use 1 to {top}")
        return numbers[0]
    if any(n is None or not 1 <= n <= top for n in numbers) or len(set(numbers)) != len(numbers):
        raise InvalidInput(f"'{word}' is not a list of sessions 1 to {top}")
    return len(numbers)


def _whole(text: str) -> int | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() else None


# -- the report -----------------------------------------------------------------------------

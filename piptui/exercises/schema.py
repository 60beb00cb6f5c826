"""The exercise and programme-script formats: which keys, which types, which rules.

``docs/exercise-format.md`` describes the same thing for facilitators; keep the two in step.
Each ``*_from`` function turns a marked document into the domain value, reporting every problem
to the :class:`Checker` (the value is only used when there is none).
"""

from __future__ import annotations

from typing import Any

from piptui.domain.columns import UNSORTED
from piptui.domain.exercise import (
    Column,
    Exercise,
    ExerciseKind,
    ProgrammeScript,
    Role,
    ScriptSession,
    Step,
    StepMode,
    Survey,
    SurveyGroup,
    SurveyQuestion,
)
from piptui.domain.model import Sector
from piptui.domain.profile import check_dimension
from piptui.exercises.fields import Checker
from piptui.exercises.yaml_loader import MarkedMap, Pos

EXERCISE_KEYS = (
    "id",
    "title",
    "kind",
    "purpose",
    "duration",
    "materials",
    "notes",
    "steps",
    "scenario",
    "roles",
    "survey",
)
STEP_KEYS = ("id", "title", "prompt", "timebox", "mode", "columns", "notes", "rounds", "learning", "hidden")
COLUMN_KEYS = ("id", "title", "group", "description", "tags", "dimension", "learning")
ROLE_KEYS = ("id", "title", "sector", "brief")
SURVEY_KEYS = ("scale", "groups", "open_questions", "respondent")
GROUP_KEYS = ("id", "stem", "questions")
QUESTION_KEYS = ("id", "text")
RESPONDENT_KEYS = ("id", "text", "choices", "multiple")
PROGRAMME_KEYS = ("id", "title", "sessions")
SESSION_KEYS = ("number", "title", "purpose", "exercises")

MAX_STEPS, MAX_COLUMNS, MAX_TAGS, MAX_ITEMS = 50, 30, 50, 100
MAX_SESSIONS = 5


# -- exercises ---------------------------------------------------------------------------
def exercise_from(doc: MarkedMap, check: Checker, source: str = "") -> Exercise:
    check.keys(doc, "", EXERCISE_KEYS, ("id", "title", "kind", "steps"))
    kind = check.choice(doc, "kind", "", ExerciseKind)
    steps = _steps(doc, check, has_survey="survey" in doc)
    if "steps" in doc and (doc["steps"] is None or doc["steps"] == []):
        check.error(doc.value_pos["steps"], "", "steps is empty: an exercise needs at least one step")
    duration = check.minutes(doc, "duration", "")
    roles = _roles(doc, check, kind)
    survey = _survey(doc, check, kind)
    scenario = check.text(doc, "scenario", "", required=kind is ExerciseKind.ROLE_PLAY)
    if kind is ExerciseKind.ROLE_PLAY and "scenario" not in doc:
        check.error(doc.pos, "", "missing required key 'scenario' (a role_play exercise describes its scenario)")
    elif "scenario" in doc and kind is not None and kind is not ExerciseKind.ROLE_PLAY:
        check.error(doc.key_pos["scenario"], "", "scenario: only a role_play exercise has a scenario")
    written = doc.get("steps")
    listed = written if isinstance(written, list) else ()  # a refused value (an unsafe tag) is not a list
    modes_known = all(_mode_written(m) for m in listed if isinstance(m, MarkedMap))
    if kind is ExerciseKind.SORTING and steps and modes_known and not any(s.mode is StepMode.SORT for s in steps):
        check.error(doc.key_pos["steps"], "", "a sorting exercise needs a step with mode 'sort'")
    return Exercise(
        id=check.slug(doc, "id", ""),
        title=check.text(doc, "title", "", one_line=True, required=True),
        kind=kind or ExerciseKind.BRAINSTORM,
        steps=tuple(steps),
        purpose=check.text(doc, "purpose", ""),
        duration=duration if duration is not None else sum(s.timebox for s in steps),
        materials=check.texts(doc, "materials", "", limit=MAX_ITEMS),
        notes=check.text(doc, "notes", ""),
        scenario=scenario,
        roles=roles,
        survey=survey,
        source=source,
    )


def _mode_written(step: MarkedMap) -> bool:
    """Whether a step's mode is absent or one of the modes (a wrong one is reported on its own)."""
    mode = step.get("mode")
    return mode is None or (isinstance(mode, str) and mode.strip().lower() in set(StepMode))


def _step_where(step_id: str) -> str:
    return f"step '{step_id}'" if step_id else "step"


def _steps(doc: MarkedMap, check: Checker, *, has_survey: bool) -> list[Step]:
    steps: list[Step] = []
    seen: dict[str, Pos] = {}
    for n, m in enumerate(check.mappings(doc, "steps", "", "step", limit=MAX_STEPS), start=1):
        sid = check.slug(m, "id", f"step {n}")
        where = _step_where(sid) if sid else f"step {n}"
        check.keys(m, where, STEP_KEYS, ("id", "title"))
        check.unique(seen, sid, m.value_pos.get("id", m.pos), "", "step id")
        mode = check.choice(m, "mode", where, StepMode, StepMode.CAPTURE) or StepMode.CAPTURE
        if mode is StepMode.SURVEY and not has_survey:
            check.error(
                m.value_pos["mode"],
                where,
                "mode 'survey' needs the exercise's 'survey:' section (its scale and questions)",
            )
        columns = _columns(m, check, where)
        if mode is StepMode.SORT and not m.get("columns"):
            check.error(m.pos, where, "a step with mode 'sort' needs columns to sort into")
        timebox = check.minutes(m, "timebox", where)
        rounds = _rounds(m, check, where)
        steps.append(
            Step(
                id=sid,
                title=check.text(m, "title", where, one_line=True, required=True),
                prompt=check.text(m, "prompt", where),
                timebox=timebox or 0.0,
                mode=mode,
                columns=columns,
                notes=check.text(m, "notes", where),
                rounds=rounds,
                learning=_flag(m, "learning", check, where),
                hidden=_flag(m, "hidden", check, where),
            )
        )
    return steps


def _rounds(m: MarkedMap, check: Checker, where: str) -> tuple[str, ...]:
    """``rounds: 3`` (three numbered rounds) or a list of the rounds' labels."""
    value = m.get("rounds")
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1 <= value <= MAX_ITEMS:
            check.error(m.value_pos["rounds"], where, f"rounds {value} is not between 1 and {MAX_ITEMS}")
            return ()
        return tuple(f"Round {i}" for i in range(1, value + 1))
    return check.texts(m, "rounds", where, limit=MAX_ITEMS)


def _columns(step: MarkedMap, check: Checker, step_where: str) -> tuple[Column, ...]:
    columns: list[Column] = []
    tag_positions: list[list[tuple[str, Pos]]] = []
    seen_ids: dict[str, Pos] = {}
    for n, m in enumerate(check.mappings(step, "columns", step_where, "column", limit=MAX_COLUMNS), start=1):
        cid = check.slug(m, "id", f"{step_where}, column {n}")
        where = f"{step_where}, column '{cid}'" if cid else f"{step_where}, column {n}"
        check.keys(m, where, COLUMN_KEYS, ("id", "title"))
        check.unique(seen_ids, cid, m.value_pos.get("id", m.pos), step_where, "column id")
        if cid == UNSORTED:
            check.error(m.value_pos["id"], where, f"column id '{UNSORTED}' is kept for cards without a column")
        tags = _tags(m, check, where)
        tag_positions.append(tags)
        columns.append(
            Column(
                id=cid,
                title=check.text(m, "title", where, one_line=True, required=True),
                tags=tuple(t for t, _ in tags),
                group=check.text(m, "group", where, one_line=True) or None,
                description=check.text(m, "description", where),
                dimension=_dimension(m, check, where),
                learning=_flag(m, "learning", check, where),
            )
        )
    _check_tag_routes(columns, tag_positions, check, step_where)
    return tuple(columns)


def _dimension(m: MarkedMap, check: Checker, where: str) -> str | None:
    """``dimension: obstacles/power``: where the column's cards go in the partnership profile."""
    value = check.text(m, "dimension", where, one_line=True)
    if not value:
        return None
    problem = check_dimension(value)
    if problem is not None:
        check.error(m.value_pos["dimension"], where, problem)
        return None
    return value


def _check_tag_routes(
    columns: list[Column], tag_positions: list[list[tuple[str, Pos]]], check: Checker, step_where: str
) -> None:
    """Each tag must send a card to one column only (the capture line files a card by its tags)."""
    ids = {c.id for c in columns}
    home: dict[str, tuple[str, Pos]] = {}  # tag -> (column id, where it was allowed)
    for column, tags in zip(columns, tag_positions, strict=True):
        where = f"{step_where}, column '{column.id}'"
        for tag, pos in tags:
            if tag in ids and tag != column.id:
                check.error(pos, where, f"tag '{tag}' is the id of column '{tag}': a card tagged #{tag} goes there")
            elif tag in home and home[tag][0] != column.id:
                other, at = home[tag]
                check.error(
                    pos,
                    where,
                    f"tag '{tag}' is also allowed in column '{other}' (line {at.line}): "
                    f"a card tagged #{tag} would always go to '{other}'",
                )
            home.setdefault(tag, (column.id, pos))


def _tags(m: MarkedMap, check: Checker, where: str) -> list[tuple[str, Pos]]:
    out: list[tuple[str, Pos]] = []
    seen: dict[str, Pos] = {}
    for tag, pos in check.texts_at(m, "tags", where, limit=MAX_TAGS):
        tag = check.check_slug(tag.removeprefix("#"), pos, where, "tag")
        check.unique(seen, tag, pos, where, "tag")
        out.append((tag, pos))
    return out


def _roles(doc: MarkedMap, check: Checker, kind: ExerciseKind | None) -> tuple[Role, ...]:
    if "roles" not in doc:
        if kind is ExerciseKind.ROLE_PLAY:
            check.error(doc.pos, "", "missing required key 'roles' (a role_play exercise lists its roles)")
        return ()
    if kind is not None and kind is not ExerciseKind.ROLE_PLAY:
        check.error(doc.key_pos["roles"], "", "roles: only a role_play exercise has roles")
    roles: list[Role] = []
    seen: dict[str, Pos] = {}
    for n, m in enumerate(check.mappings(doc, "roles", "", "role", limit=MAX_ITEMS), start=1):
        rid = check.slug(m, "id", f"role {n}")
        where = f"role '{rid}'" if rid else f"role {n}"
        check.keys(m, where, ROLE_KEYS, ("id", "title", "sector"))
        check.unique(seen, rid, m.value_pos.get("id", m.pos), "", "role id")
        roles.append(
            Role(
                id=rid,
                title=check.text(m, "title", where, one_line=True, required=True),
                sector=check.choice(m, "sector", where, Sector) or Sector.OTHER,
                brief=check.text(m, "brief", where),
            )
        )
    if kind is ExerciseKind.ROLE_PLAY and len(roles) < 2 and isinstance(doc["roles"], list | None):
        check.error(doc.value_pos["roles"], "", "a role play needs at least two roles")
    return tuple(roles)


# -- surveys -----------------------------------------------------------------------------
def _survey(doc: MarkedMap, check: Checker, kind: ExerciseKind | None) -> Survey | None:
    if "survey" not in doc:
        if kind is ExerciseKind.SURVEY:
            check.error(doc.pos, "", "missing required key 'survey' (its scale and questions)")
        return None
    if kind is not None and kind is not ExerciseKind.SURVEY:
        check.error(doc.key_pos["survey"], "", "survey: only a survey exercise has a survey section")
    m = check.mapping(doc["survey"], doc.value_pos["survey"], "", "survey")
    if m is None:
        return None
    check.keys(m, "survey", SURVEY_KEYS, ("scale", "groups"))
    labels = check.texts_at(m, "scale", "survey", limit=11)
    if "scale" in m and len(labels) < 2 and isinstance(m["scale"], list | None):
        check.error(m.value_pos["scale"], "survey", "scale: give at least two labels, lowest first")
    seen_labels: dict[str, Pos] = {}
    for label, pos in labels:
        check.unique(seen_labels, label, pos, "survey", "scale label")
    scale = tuple(label for label, _ in labels)
    ids: dict[str, Pos] = {}
    groups: list[SurveyGroup] = []
    group_ids: dict[str, Pos] = {}
    for n, g in enumerate(check.mappings(m, "groups", "survey", "group", limit=MAX_ITEMS), start=1):
        gid = check.slug(g, "id", f"survey group {n}")
        where = f"survey group '{gid}'" if gid else f"survey group {n}"
        check.keys(g, where, GROUP_KEYS, ("id", "stem", "questions"))
        check.unique(group_ids, gid, g.value_pos.get("id", g.pos), "survey", "group id")
        groups.append(
            SurveyGroup(
                id=gid,
                stem=check.text(g, "stem", where, one_line=True, required=True),
                questions=_questions(g, "questions", check, where, ids),
            )
        )
    return Survey(
        scale=scale,
        groups=tuple(groups),
        open_questions=_questions(m, "open_questions", check, "survey", ids),
        respondent=_questions(m, "respondent", check, "survey", ids, respondent=True),
    )


def _questions(
    m: MarkedMap, key: str, check: Checker, where: str, ids: dict[str, Pos], *, respondent: bool = False
) -> tuple[SurveyQuestion, ...]:
    out: list[SurveyQuestion] = []
    for n, q in enumerate(check.mappings(m, key, where, "question", limit=MAX_ITEMS), start=1):
        qid = check.slug(q, "id", f"{where}, question {n}")
        qwhere = f"{where}, question '{qid}'" if qid else f"{where}, question {n}"
        check.keys(q, qwhere, RESPONDENT_KEYS if respondent else QUESTION_KEYS, ("id", "text"))
        check.unique(ids, qid, q.value_pos.get("id", q.pos), "survey", "question id")
        choices = check.texts(q, "choices", qwhere, limit=MAX_ITEMS, numbers_ok=True) if respondent else ()
        multiple = _flag(q, "multiple", check, qwhere) if respondent else False
        if multiple and not choices:
            check.error(q.key_pos["multiple"], qwhere, "multiple: only a question with choices can take several")
        out.append(
            SurveyQuestion(
                id=qid, text=check.text(q, "text", qwhere, required=True), choices=choices, multiple=multiple
            )
        )
    return tuple(out)


def _flag(m: MarkedMap, key: str, check: Checker, where: str) -> bool:
    value: Any = m.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        check.error(m.value_pos[key], where, f"{key}: expected true or false, not '{m.raw.get(key, value)}'")
        return False
    return value


# -- programme scripts ---------------------------------------------------------------------
def programme_from(
    doc: MarkedMap, check: Checker, source: str = "", refs: list[tuple[str, Pos]] | None = None
) -> ProgrammeScript:
    """A programme script; ``refs`` receives each exercise id with its position (to look them up later)."""
    check.keys(doc, "", PROGRAMME_KEYS, ("id", "title", "sessions"))
    sessions: list[ScriptSession] = []
    last = 0
    for n, m in enumerate(check.mappings(doc, "sessions", "", "session", limit=MAX_SESSIONS), start=1):
        where = f"session {n}"
        check.keys(m, where, SESSION_KEYS, ("number", "title", "exercises"))
        number = _session_number(m, check, where)
        if number:
            where = f"session {number}"
            if number <= last:
                check.error(m.value_pos["number"], where, f"sessions must be in order: {number} comes after {last}")
            last = max(last, number)
        found = check.texts_at(m, "exercises", where, limit=MAX_ITEMS)
        exercises = tuple(check.check_slug(ex_id, pos, where, "exercise id") for ex_id, pos in found)
        if refs is not None:
            refs.extend(found)
        sessions.append(
            ScriptSession(
                number=number or n,
                title=check.text(m, "title", where, one_line=True, required=True),
                exercises=exercises,
                purpose=check.text(m, "purpose", where),
            )
        )
    if "sessions" in doc and not sessions and doc["sessions"] is None:
        check.error(doc.value_pos["sessions"], "", "sessions is empty: a programme needs at least one session")
    return ProgrammeScript(
        id=check.slug(doc, "id", ""),
        title=check.text(doc, "title", "", one_line=True, required=True),
        sessions=tuple(sessions),
        source=source,
    )


def _session_number(m: MarkedMap, check: Checker, where: str) -> int:
    value = m.get("number")
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_SESSIONS:
        check.error(
            m.value_pos["number"],
            where,
            f"number '{m.raw.get('number', value)}' is not a session number from 1 to {MAX_SESSIONS}",
        )
        return 0
    return value

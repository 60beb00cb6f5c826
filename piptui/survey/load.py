"""Which survey a programme answers, and the report of its responses (reads only, one snapshot each)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from piptui.domain.attendance import Register, register_of
from piptui.domain.exercise import Exercise, Survey
from piptui.domain.model import Session
from piptui.domain.survey import DEFAULT_SURVEY, SurveyResponse
from piptui.domain.survey_report import AreaResponses, NoResponses, SurveyReport, build_cross_area_report, build_report
from piptui.errors import InvalidInput, PiptuiError
from piptui.store import SessionStore
from piptui.store.locations import list_programmes
from piptui.store.survey_ops import SurveyOps

if TYPE_CHECKING:
    from piptui.store.snapshot import Snapshot

ALL_TITLE = "All groups"


class ExerciseSource(Protocol):
    """What is needed of an exercise library (:class:`piptui.exercises.Library` has it)."""

    @property
    def exercises(self) -> Mapping[str, Exercise]: ...


def surveys_of(library: ExerciseSource) -> dict[str, Exercise]:
    return {i: e for i, e in library.exercises.items() if e.survey is not None}


def survey_exercise(library: ExerciseSource, sessions: Sequence[Session] = (), wanted: str | None = None) -> Exercise:
    """The survey exercise: ``wanted``, else the first on the programme's agenda, else ``evaluation``."""
    surveys = surveys_of(library)
    if wanted is not None:
        if wanted not in surveys:
            known = ", ".join(sorted(surveys)) or "none"
            raise InvalidInput(f"No survey exercise '{wanted}' (survey exercises: {known})")
        return surveys[wanted]
    for session in sorted(sessions, key=lambda s: s.number):
        for exercise_id in session.exercises:
            if exercise_id in surveys:
                return surveys[exercise_id]
    if DEFAULT_SURVEY in surveys:
        return surveys[DEFAULT_SURVEY]
    if surveys:
        return surveys[sorted(surveys)[0]]
    raise InvalidInput("The exercise library has no survey exercise (the bundled one is 'evaluation')")


def survey_of(exercise: Exercise) -> Survey:
    if exercise.survey is None:  # pragma: no cover - survey_exercise only returns surveys
        raise InvalidInput(f"'{exercise.id}' is not a survey")
    return exercise.survey


@dataclass(frozen=True, slots=True)
class ProgrammeSurvey:
    """One programme's survey and responses, read at one moment."""

    name: str
    area: str
    title: str
    invited: int
    sessions: int
    exercise: Exercise
    responses: tuple[SurveyResponse, ...]
    register: Register | None = None  # the attendance ticks, as counts (never linked to a response)

    @property
    def survey(self) -> Survey:
        return survey_of(self.exercise)

    def area_responses(self) -> AreaResponses:
        return AreaResponses(self.name, self.area, self.invited, self.responses, self.sessions, self.register)


def read_store(store: SessionStore, library: ExerciseSource, wanted: str | None = None) -> ProgrammeSurvey:
    programme = store.programme()
    sessions = store.sessions()
    exercise = survey_exercise(library, sessions, wanted)
    ops = SurveyOps(store)
    return ProgrammeSurvey(
        name=programme.name or store.path.stem,
        area=programme.area,
        title=programme.title or f"{programme.area} Partnership Improvement Programme",
        invited=ops.invited(),
        sessions=max((s.number for s in sessions), default=5),
        exercise=exercise,
        responses=tuple(ops.responses(exercise.id)),
        register=register_of(sessions, (p.id for p in store.participants())),
    )


def read_programme(path: Path, library: ExerciseSource, wanted: str | None = None) -> ProgrammeSurvey:
    with SessionStore(path) as store:
        return read_store(store, library, wanted)


def no_responses_message(name: str) -> str:
    return (
        f"No survey responses for '{name}' yet: type them in on the survey screen (Ctrl+S in a session) "
        f"or import a CSV file: piptui survey import {name} FILE.csv"
    )


def report_of(data: ProgrammeSurvey) -> SurveyReport:
    """The report of one programme; :class:`NoResponses` (with what to do) when it has none."""
    if not data.responses:
        raise NoResponses(no_responses_message(data.name))
    return build_report(
        data.survey,
        data.responses,
        title=data.title,
        survey_title=data.exercise.title,
        invited=data.invited,
        max_sessions=data.sessions,
        register=data.register,
    )


def programme_report(path: Path, library: ExerciseSource, wanted: str | None = None) -> SurveyReport:
    return report_of(read_programme(path, library, wanted))


def all_programmes_report(sessions_dir: Path, library: ExerciseSource, wanted: str | None = None) -> SurveyReport:
    """The tables over every programme of the folder, one line per group; unreadable files noted."""
    infos = list_programmes(sessions_dir)
    skipped = [f"{i.name} is left out: {i.error}" for i in infos if i.error]
    read: list[ProgrammeSurvey] = []
    for info in infos:
        if info.error:
            continue
        try:
            read.append(read_programme(info.path, library, wanted))
        except PiptuiError as exc:
            skipped.append(f"{info.name} is left out: {exc.message}")
    if not read:
        raise NoResponses(
            f"There are no programmes in {sessions_dir} to report on" + (f" ({'; '.join(skipped)})" if skipped else "")
        )
    # One questionnaire for all: the one asked (or the one most programmes use).
    exercise = read[0].exercise
    if wanted is None:
        most = Counter(p.exercise.id for p in read).most_common(1)[0][0]
        exercise = next(p.exercise for p in read if p.exercise.id == most)
    used = [p for p in read if p.exercise.id == exercise.id]
    skipped += [f"{p.name} is left out: it uses the survey '{p.exercise.id}'" for p in read if p not in used]
    if not any(p.responses for p in used):
        raise NoResponses(f"None of the {len(used)} programmes in {sessions_dir} has survey responses yet")
    report = build_cross_area_report(
        survey_of(exercise), [p.area_responses() for p in used], title=ALL_TITLE, survey_title=exercise.title
    )
    return replace(report, notes=report.notes + tuple(skipped)) if skipped else report


def survey_of_snapshot(snap: Snapshot, library: ExerciseSource) -> ProgrammeSurvey | None:
    """One programme's survey and responses from one snapshot of its file (one read); None when
    no survey exercise is known."""
    try:
        exercise = survey_exercise(library, snap.sessions, None)
    except PiptuiError:
        return None
    found = snap.responses_of(exercise.id)
    p = snap.programme
    return ProgrammeSurvey(
        name=p.name,
        area=p.area,
        title=p.title or f"{p.area} Partnership Improvement Programme",
        invited=len(snap.participants),
        sessions=max((s.number for s in snap.sessions), default=5),
        exercise=exercise,
        responses=tuple(sorted(found, key=lambda r: r.created)),
        register=register_of(snap.sessions, (person.id for person in snap.participants)),
    )


def report_of_snapshot(snap: Snapshot, library: ExerciseSource) -> SurveyReport | None:
    """The evaluation report of one programme from one snapshot of its file, or None when it
    has no responses (or no survey), for the area report."""
    survey = survey_of_snapshot(snap, library)
    return report_of(survey) if survey is not None and survey.responses else None


def cross_area_report(read: Sequence[ProgrammeSurvey], notes: Sequence[str] = ()) -> SurveyReport | None:
    """The tables over several programmes (one questionnaire: the one most of them use), or None
    when none has responses."""
    if not read:
        return None
    most = Counter(p.exercise.id for p in read).most_common(1)[0][0]
    exercise = next(p.exercise for p in read if p.exercise.id == most)
    used = [p for p in read if p.exercise.id == exercise.id]
    if not any(p.responses for p in used):
        return None
    skipped = [*notes, *(f"{p.name} is left out: it uses the survey '{p.exercise.id}'" for p in read if p not in used)]
    report = build_cross_area_report(
        survey_of(exercise), [p.area_responses() for p in used], title=ALL_TITLE, survey_title=exercise.title
    )
    return replace(report, notes=report.notes + tuple(skipped)) if skipped else report

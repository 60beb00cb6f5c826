"""A programme's sessions and agendas, built from a programme script. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from piptui.domain.model import Session, Timer, step_ref

if TYPE_CHECKING:  # types only: the exercise classes load with the library
    from piptui.domain.exercise import Exercise, ProgrammeScript, Step


def agenda_steps(exercise_ids: tuple[str, ...], exercises: Mapping[str, Exercise]) -> list[tuple[Exercise, Step]]:
    """The steps of a session's agenda in order; unknown exercise ids are skipped."""
    out: list[tuple[Exercise, Step]] = []
    for ex_id in exercise_ids:
        exercise = exercises.get(ex_id)
        if exercise is not None:
            out.extend((exercise, step) for step in exercise.steps)
    return out


def sessions_from_script(script: ProgrammeScript, exercises: Mapping[str, Exercise]) -> list[Session]:
    """One Session per scripted session, its current step the first on its agenda."""
    sessions: list[Session] = []
    for planned in script.sessions:
        steps = agenda_steps(planned.exercises, exercises)
        first = steps[0] if steps else None
        sessions.append(
            Session(
                number=planned.number,
                title=planned.title,
                exercises=planned.exercises,
                current_step=step_ref(first[0].id, first[1].id) if first else None,
                timer=Timer(duration=first[1].timebox * 60.0) if first else Timer(),
            )
        )
    return sessions

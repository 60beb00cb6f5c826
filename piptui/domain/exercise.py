"""What an exercise script describes, once loaded and validated.

The YAML format and its loader live in :mod:`piptui.exercises`; these are the
plain values it produces and everything else consumes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from piptui.domain.model import Sector


class ExerciseKind(StrEnum):
    ROLE_PLAY = "role_play"
    PERSPECTIVE_SWAP = "perspective_swap"
    SORTING = "sorting"
    BRAINSTORM = "brainstorm"
    ACTION_PLANNING = "action_planning"
    REVIEW = "review"
    SURVEY = "survey"


class StepMode(StrEnum):
    CAPTURE = "capture"
    DISCUSS = "discuss"
    PRESENT = "present"
    SORT = "sort"
    VOTE = "vote"
    PLAN = "plan"
    REVIEW = "review"
    SURVEY = "survey"


@dataclass(frozen=True, slots=True)
class Column:
    """A category a step's cards go into. ``group`` gathers sub-groups (barriers: organisation...)."""

    id: str
    title: str
    tags: tuple[str, ...] = ()
    group: str | None = None
    description: str = ""
    dimension: str | None = None  # the partnership profile's dimension, "obstacles/power" (domain.profile)
    learning: bool = False  # its cards are key learning (the area report)


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    title: str
    prompt: str = ""
    timebox: float = 0.0  # minutes; 0 means no timebox
    mode: StepMode = StepMode.CAPTURE
    columns: tuple[Column, ...] = ()
    notes: str = ""  # facilitator notes: never on the wall view
    rounds: tuple[str, ...] = ()  # optional repeated rounds (their prompts or labels)
    learning: bool = False  # its cards are key learning (the area report)
    hidden: bool = False  # the wall shows its cards' count only, until revealed (domain.reveal)


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    title: str
    sector: Sector
    brief: str = ""


@dataclass(frozen=True, slots=True)
class SurveyQuestion:
    id: str
    text: str
    choices: tuple[str, ...] = ()  # respondent questions only: the answers to pick from
    multiple: bool = False  # respondent questions only: several choices may be picked


@dataclass(frozen=True, slots=True)
class SurveyGroup:
    """Rated questions that share a stem ("How helpful was the programme in enabling you to ...")."""

    id: str
    stem: str
    questions: tuple[SurveyQuestion, ...]


@dataclass(frozen=True, slots=True)
class Survey:
    scale: tuple[str, ...]  # five labels, lowest first: not helpful ... very helpful
    groups: tuple[SurveyGroup, ...]
    open_questions: tuple[SurveyQuestion, ...] = ()
    respondent: tuple[SurveyQuestion, ...] = ()  # about the respondent: sector, sessions attended


@dataclass(frozen=True, slots=True)
class Exercise:
    id: str
    title: str
    kind: ExerciseKind
    steps: tuple[Step, ...]
    purpose: str = ""
    duration: float = 0.0  # minutes
    materials: tuple[str, ...] = ()
    notes: str = ""
    scenario: str = ""  # role_play
    roles: tuple[Role, ...] = ()  # role_play
    survey: Survey | None = None  # survey
    source: str = ""  # the file it came from

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)


@dataclass(frozen=True, slots=True)
class ScriptSession:
    number: int
    title: str
    exercises: tuple[str, ...]
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class ProgrammeScript:
    """A sequence of sessions and their exercises (``exercises/programmes/*.yaml``)."""

    id: str
    title: str
    sessions: tuple[ScriptSession, ...]
    source: str = ""

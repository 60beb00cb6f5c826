"""The programme's entities: frozen dataclasses, no I/O, no UI.

Names follow the workshop's own words (see ``shared/pip-method.md``): a
*programme* is one area's group, it meets in numbered *sessions*, what the
group says is captured on *cards*, cards are grouped into *clusters*, clusters
are promoted to *objectives* with *actions*.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum


class Sector(StrEnum):
    """Where a participant works. These ids are what the CLI and capture line accept."""

    COUNCIL = "council"
    STATUTORY = "statutory"
    VCS = "vcs"
    OTHER = "other"

    @property
    def label(self) -> str:
        return SECTOR_LABELS[self]


SECTOR_LABELS: dict[Sector, str] = {
    Sector.COUNCIL: "Council",
    Sector.STATUTORY: "Statutory agency",
    Sector.VCS: "Voluntary and community sector",
    Sector.OTHER: "Other",
}

SECTOR_SHORT: dict[Sector, str] = {  # the board, tables and exports: one word each
    Sector.COUNCIL: "Council",
    Sector.STATUTORY: "Statutory",
    Sector.VCS: "VCS",
    Sector.OTHER: "Other",
}

SECTOR_IDS: tuple[str, ...] = tuple(s.value for s in Sector)


class ActionStatus(StrEnum):
    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    DONE = "done"
    DROPPED = "dropped"


class Rag(StrEnum):
    """A red / amber / green rating given at the review session."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


def new_id() -> str:
    """A fresh identity: a random UUID, written as its integer (so TinyDB reads it as a document
    id). Never TinyDB's auto-increment ids: they go stale across processes."""
    return uuid_id(uuid.uuid4())


def uuid_id(value: uuid.UUID) -> str:
    """How an id made from a UUID is written: its 128-bit integer in decimal (schema 2; schema 1
    wrote its hex, which TinyDB cannot read as a document id)."""
    return str(value.int)


def step_ref(exercise_id: str, step_id: str) -> str:
    """The reference a card and a session store for a step: ``"exercise-id/step-id"``."""
    return f"{exercise_id}/{step_id}"


def split_step_ref(ref: str) -> tuple[str, str]:
    exercise_id, _, step_id = ref.partition("/")
    return exercise_id, step_id


def utc_now() -> str:
    """The current time as an ISO 8601 UTC string (what every record stores)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Participant:
    """A person in the group: who they are and where they work."""

    name: str
    organisation: str = ""
    sector: Sector = Sector.OTHER
    id: str = field(default_factory=new_id)
    role: str = ""  # a role or job title, e.g. "chief executive"

    @property
    def described(self) -> str:
        """The name and organisation, "Sue Carter, Calderdale Council" (the name alone without one)."""
        return f"{self.name}, {self.organisation}" if self.organisation else self.name


@dataclass(frozen=True, slots=True)
class Timer:
    """A step's countdown, shared through the programme file so every screen follows it.

    ``started_at`` is a UNIX time when running, ``None`` when paused; ``elapsed``
    is the seconds run before the last start.
    """

    duration: float = 0.0
    started_at: float | None = None
    elapsed: float = 0.0

    @property
    def running(self) -> bool:
        return self.started_at is not None


@dataclass(frozen=True, slots=True)
class Session:
    """One half-day meeting of the group (numbered 1 to 5)."""

    number: int
    title: str = ""
    date: str | None = None  # ISO date, YYYY-MM-DD
    facilitators: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()  # exercise ids, in agenda order
    current_step: str | None = None  # a step reference, "exercise-id/step-id"
    timer: Timer = Timer()
    venue: str = ""  # where it met, as typed
    attended: tuple[str, ...] = ()  # participant ids of who came
    hidden_steps: tuple[str, ...] = ()  # step refs the lead hid from the wall (domain.reveal)
    revealed_steps: tuple[str, ...] = ()  # step refs the lead revealed (a script's `hidden: true` too)


@dataclass(frozen=True, slots=True)
class Lead:
    """The terminal that leads the room: the wall and the note-takers follow its session.

    ``heartbeat`` is a UNIX time the lead's terminal renews every few seconds; a lead whose
    heartbeat is stale, or whose process is gone on this host, no longer leads. Taking the
    lead replaces this record; the old lead's screen sees its ``token`` gone and says who
    took over.
    """

    person: str
    pid: int
    host: str
    heartbeat: float
    since: str = field(default_factory=utc_now)
    token: str = field(default_factory=new_id)  # which terminal: one person may run two
    view: str = "board"  # what the lead's screen shows: board, clusters, plan, review or profile (the wall follows)


@dataclass(frozen=True, slots=True)
class Programme:
    """One area's group: the header of a programme file."""

    name: str  # the file's stem, what the CLI calls it
    area: str
    title: str = ""
    script: str | None = None  # the programme script it was made from, e.g. "pip-5-sessions"
    created: str = field(default_factory=utc_now)
    current_session: int = 1
    lead: Lead | None = None  # who leads the room now (None: nobody)
    context: str = ""  # the area's context, for the area report (`piptui programme NAME --context`)
    vision: str = ""  # the group's vision of partnership working in the area
    learning: str = ""  # the group's key learning in its own words


@dataclass(frozen=True, slots=True)
class Card:
    """One contribution from the room."""

    text: str
    id: str = field(default_factory=new_id)
    tags: tuple[str, ...] = ()
    sector: Sector | None = None  # who said it
    voiced_as: Sector | None = None  # the sector a perspective was voiced as
    author: str | None = None  # who captured it
    session: int | None = None
    step: str | None = None  # "exercise-id/step-id"
    column: str | None = None  # a column id of the step
    confidential: bool = False
    created: str = field(default_factory=utc_now)
    edited: str | None = None
    edited_by: str | None = None
    cluster: str | None = None  # a cluster id
    role: str | None = None  # in a role play: the id of the role that was speaking (``%commissioner``)


@dataclass(frozen=True, slots=True)
class Cluster:
    """A theme: cards grouped by the facilitator. Membership lives on the cards."""

    title: str
    id: str = field(default_factory=new_id)
    votes: int = 0
    session: int | None = None
    card_ids: tuple[str, ...] = ()  # filled by the store from the cards' ``cluster``
    objective: str | None = None  # the objective it was promoted into
    created: str = field(default_factory=utc_now)


@dataclass(frozen=True, slots=True)
class Objective:
    """A partnership improvement objective of the action plan."""

    title: str
    id: str = field(default_factory=new_id)
    clusters: tuple[str, ...] = ()  # the clusters it came from
    council_lead: str | None = None  # a participant id
    vcs_lead: str | None = None  # a participant id (the third-sector lead)
    timescale: str = ""
    review_date: str | None = None  # ISO date
    position: int = 0
    session: int | None = None
    plan: int = 1  # which version of the plan (a review can refresh it)
    created: str = field(default_factory=utc_now)


@dataclass(frozen=True, slots=True)
class ReviewNote:
    at: str
    text: str
    status: ActionStatus
    rag: Rag | None = None
    by: str | None = None


@dataclass(frozen=True, slots=True)
class Action:
    """A preliminary action under an objective."""

    text: str
    objective: str  # an objective id
    id: str = field(default_factory=new_id)
    owners: tuple[str, ...] = ()
    due: str = ""  # a date or a timescale in words
    status: ActionStatus = ActionStatus.NOT_STARTED
    rag: Rag | None = None
    review_notes: tuple[ReviewNote, ...] = ()
    position: int = 0
    created: str = field(default_factory=utc_now)

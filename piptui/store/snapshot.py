"""One consistent view of a programme file: everything in it, from one read.

:meth:`piptui.store.SessionStore.snapshot` parses (or reuses) the file once and decodes every
table from that same read, so a write that lands meanwhile cannot tear the view: a screen
that shows cards, clusters and the plan shows them as they were at one moment. The snapshot
is frozen; the next change of the file gives a new one.

The queries mirror :class:`~piptui.store.SessionStore`'s reads (same order, same filters), so a
screen reads ``snapshot.cards_of(session=3)`` where it used to ask the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from piptui.domain.model import Action, Card, Cluster, Objective, Participant, Programme, Session
from piptui.errors import InvalidInput, ProgrammeFileError
from piptui.store.storage import StatKey

if TYPE_CHECKING:
    from piptui.domain.casting import Cast
    from piptui.domain.survey import SurveyResponse
    from piptui.domain.voting import Vote

Token = StatKey | None  # the file's change token when it was read
T = TypeVar("T")


@dataclass(frozen=True, slots=True, eq=False)
class Snapshot:
    """A programme file as it was at one read. Every sequence is in the store's order."""

    path: Path
    token: Token
    programme: Programme
    participants: tuple[Participant, ...] = ()  # by sector, then name
    sessions: tuple[Session, ...] = ()  # by number
    cards: tuple[Card, ...] = ()  # in capture order
    clusters: tuple[Cluster, ...] = ()  # in creation order, each with its card ids
    objectives: tuple[Objective, ...] = ()  # by plan version, position
    actions: tuple[Action, ...] = ()  # by position
    votes: tuple[Vote, ...] = ()
    responses: tuple[SurveyResponse, ...] = ()  # in the order they were entered
    budgets: Mapping[int, int] = field(default_factory=dict)  # each session's vote budget, where set
    casts: tuple[Cast, ...] = ()  # the role plays' casts

    def cast(self, session: int, exercise: str) -> Cast | None:
        """Who plays which role in a session's role play (None: nobody is cast yet)."""
        return next((c for c in self.casts if c.session == session and c.exercise == exercise), None)

    def session(self, number: int) -> Session:
        for s in self.sessions:
            if s.number == number:
                return s
        known = ", ".join(str(s.number) for s in self.sessions) or "none"
        raise InvalidInput(f"This programme has no session {number} (its sessions: {known})")

    def current_session(self) -> Session:
        return self.session(self.programme.current_session)

    def cards_of(self, *, session: int | None = None, step: str | None = None) -> list[Card]:
        """Cards in capture order, of one session and/or one step (as ``SessionStore.cards``)."""
        return [c for c in self.cards if (session is None or c.session == session) and (step is None or c.step == step)]

    def step_cards(self, session: int, step: str | None) -> list[Card]:
        """The cards a step's board shows: the step's, or (no step) the session's cards outside any step."""
        if step is None:
            return [c for c in self.cards if c.session == session and c.step is None]
        return self.cards_of(session=session, step=step)

    def card(self, card_id: str) -> Card | None:
        for c in self.cards:
            if c.id == card_id:
                return c
        return None

    def actions_of(self, objective: str) -> list[Action]:
        return [a for a in self.actions if a.objective == objective]

    def votes_of(self, session: int | None = None) -> list[Vote]:
        return [v for v in self.votes if session is None or v.session == session]

    def budget(self, session: int) -> int | None:
        return self.budgets.get(session)

    def responses_of(self, survey: str | None = None) -> list[SurveyResponse]:
        return [r for r in self.responses if survey is None or r.survey == survey]


def decode_snapshot(data: Mapping[str, Mapping[str, Any]], path: Path | None = None, token: Token = None) -> Snapshot:
    """A snapshot of a programme file's parsed contents (``SessionStore.raw()``, or a JSON
    backup's tables): every document decoded, in the store's orders. A document that cannot
    be read is a :class:`~piptui.errors.ProgrammeFileError` naming its table and id."""
    from piptui.domain.casting import Cast
    from piptui.domain.survey import SurveyResponse
    from piptui.domain.voting import Vote
    from piptui.store import codec
    from piptui.store.batch import table_of
    from piptui.store.plan_ops import BUDGET_FIELD
    from piptui.store.programme_file import PROGRAMME_KEY, PROGRAMME_TABLE

    def every(cls: type[T]) -> list[T]:
        table = table_of(cls)
        out: list[T] = []
        for doc_id, doc in data.get(table, {}).items():
            try:
                out.append(codec.decode(cls, dict(doc), doc_id))
            except (TypeError, ValueError, AttributeError, KeyError) as exc:
                raise ProgrammeFileError(f"{table} '{doc_id}' cannot be read: {exc}") from None
        return out

    header = data.get(PROGRAMME_TABLE, {}).get(PROGRAMME_KEY)
    if not isinstance(header, Mapping):
        raise ProgrammeFileError("The programme header is missing from the file")
    try:
        programme = codec.decode(Programme, dict(header))
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise ProgrammeFileError(f"The programme header cannot be read: {exc}") from None
    cards = sorted(every(Card), key=lambda c: c.created)
    members: dict[str, list[str]] = {}
    for c in cards:
        if c.cluster:
            members.setdefault(c.cluster, []).append(c.id)
    clusters = [replace(k, card_ids=tuple(members.get(k.id, ()))) for k in every(Cluster)]
    budgets = {
        int(number): value
        for number, doc in data.get(table_of(Session), {}).items()
        if isinstance(value := doc.get(BUDGET_FIELD), int) and value > 0
    }
    return Snapshot(
        path=path or Path(),
        token=token,
        programme=programme,
        participants=tuple(sorted(every(Participant), key=lambda p: (p.sector.value, p.name.lower()))),
        sessions=tuple(sorted(every(Session), key=lambda s: s.number)),
        cards=tuple(cards),
        clusters=tuple(sorted(clusters, key=lambda k: k.created)),
        objectives=tuple(sorted(every(Objective), key=lambda o: (o.plan, o.position, o.created))),
        actions=tuple(sorted(every(Action), key=lambda a: (a.position, a.created))),
        votes=tuple(every(Vote)),
        responses=tuple(sorted(every(SurveyResponse), key=lambda r: r.created)),
        budgets=budgets,
        casts=tuple(sorted(every(Cast), key=lambda c: (c.session, c.exercise))),
    )

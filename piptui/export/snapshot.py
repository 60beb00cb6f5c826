"""One consistent picture of a programme, decoded from a single read of its file.

Exports never read the store twice: the caller takes ``store.raw()`` once (a whole
file, even while others write) and every format is built from that one dict. This module
turns it into sorted, typed entities, so the same data always gives the same order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from piptui.domain.model import Action, Card, Cluster, Objective, Participant, Programme, Sector, Session
from piptui.domain.plan import in_order
from piptui.errors import InvalidInput, ProgrammeFileError
from piptui.store import codec
from piptui.store.batch import table_of
from piptui.store.programme_file import PROGRAMME_KEY, PROGRAMME_TABLE

T = TypeVar("T")

Data = Mapping[str, Mapping[str, Any]]
SECTOR_ORDER: dict[Sector, int] = {s: n for n, s in enumerate(Sector)}


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything an export shows, each list in its one stable order."""

    programme: Programme
    participants: tuple[Participant, ...]  # by sector (council first), then name
    sessions: tuple[Session, ...]  # by number
    cards: tuple[Card, ...]  # capture order (created, id)
    clusters: tuple[Cluster, ...]  # made order (created, id); card_ids filled from the cards
    objectives: tuple[Objective, ...]  # plan version, position, created, id
    actions: tuple[Action, ...]  # position, created, id

    def session(self, number: int) -> Session:
        for s in self.sessions:
            if s.number == number:
                return s
        known = ", ".join(str(s.number) for s in self.sessions) or "none"
        raise InvalidInput(f"This programme has no session {number} (its sessions: {known})")


def _decode_all(data: Data, cls: type[T]) -> list[T]:
    table = table_of(cls)
    docs = data.get(table, {})
    out: list[T] = []
    for doc_id, doc in docs.items():
        try:
            out.append(codec.decode(cls, doc, doc_id))
        except (TypeError, ValueError, AttributeError) as exc:
            raise ProgrammeFileError(f"{table} '{doc_id}' cannot be read: {exc}") from None
    return out


def read_snapshot(data: Data) -> Snapshot:
    """Decode the raw programme file (``store.raw()``) into a :class:`Snapshot`."""
    header = data.get(PROGRAMME_TABLE, {}).get(PROGRAMME_KEY)
    if not isinstance(header, Mapping):
        raise ProgrammeFileError("The programme header is missing from the file")
    try:
        programme = codec.decode(Programme, dict(header))
    except (TypeError, ValueError) as exc:
        raise ProgrammeFileError(f"The programme header cannot be read: {exc}") from None
    cards = sorted(_decode_all(data, Card), key=lambda c: c.created)
    members: dict[str, list[str]] = {}
    for card in cards:
        if card.cluster:
            members.setdefault(card.cluster, []).append(card.id)
    clusters = sorted(
        (replace(k, card_ids=tuple(members.get(k.id, ()))) for k in _decode_all(data, Cluster)),
        key=lambda k: k.created,
    )
    participants = sorted(
        _decode_all(data, Participant), key=lambda p: (SECTOR_ORDER[p.sector], p.name.casefold(), p.name, p.id)
    )
    objectives = sorted(_decode_all(data, Objective), key=lambda o: (o.plan, o.position, o.created, o.id))
    return Snapshot(
        programme=programme,
        participants=tuple(participants),
        sessions=tuple(sorted(_decode_all(data, Session), key=lambda s: s.number)),
        cards=tuple(cards),
        clusters=tuple(clusters),
        objectives=tuple(objectives),
        actions=tuple(in_order(_decode_all(data, Action))),
    )

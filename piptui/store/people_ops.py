"""The people of one programme file, and each session's details: read, add, change, remove, import.

Each change is ONE ``store.batch(label)``: one locked write and one undo step, undone by the
person who made it (from any terminal). An import of a sign-in sheet is one batch: all of it or
nothing, and one undo takes it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import cast

from piptui.domain.model import Objective, Participant, Sector, Session
from piptui.domain.people import clean_text, find_person, make_participant, parse_date
from piptui.errors import InvalidInput
from piptui.store.batch import Batch
from piptui.store.session_store import SessionStore

UNSET = object()


class PeopleOps:
    """The participants and the sessions' details of one programme file, through its store."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store

    # -- reads ---------------------------------------------------------------
    def people(self) -> list[Participant]:
        """Everyone, by name."""
        return sorted(self.store.participants(), key=lambda p: (p.name.casefold(), p.id))

    def find(self, who: str) -> Participant:
        return find_person(self.store.participants(), who)

    # -- writes --------------------------------------------------------------
    def add(self, name: str, *, sector: str | Sector, organisation: str = "", role: str = "") -> Participant:
        person = make_participant(name, sector=sector, organisation=organisation, role=role)
        with self.store.batch(f"add participant {person.name}") as b:
            _refuse_same_name(b, person)
            b.put(person)
        return person

    def update(
        self, person_id: str, *, name: str, sector: str | Sector, organisation: str = "", role: str = ""
    ) -> Participant:
        new = make_participant(name, sector=sector, organisation=organisation, role=role, id=person_id)
        with self.store.batch(f"change participant {new.name}") as b:
            old = b.get(Participant, person_id)
            _refuse_same_name(b, new)
            if new != old:
                b.put(new)
        return new

    def remove(self, person_id: str) -> Participant:
        """Remove a person (and their ticks on the attendance); refused while they lead an objective."""
        with self.store.batch("remove participant") as b:
            person = b.get(Participant, person_id)
            leads = [o.title for o in b.all(Objective) if person_id in (o.council_lead, o.vcs_lead)]
            if leads:
                raise InvalidInput(
                    f"{person.name} is a lead of the objective '{leads[0]}': "
                    "choose another lead on the plan screen first; nothing was removed"
                )
            for session in b.all(Session):
                if person_id in session.attended:
                    b.put(replace(session, attended=tuple(i for i in session.attended if i != person_id)))
            b.delete(Participant, person_id)
        return person

    def import_people(self, people: Sequence[Participant], *, source: str = "the file") -> int:
        """Add everyone in one write, or nobody (a name already there refuses the lot)."""
        if not people:
            raise InvalidInput(f"{source} has nobody on it; nothing was imported")
        label = f"import {len(people)} participant" + ("" if len(people) == 1 else "s")
        with self.store.batch(label) as b:
            for person in people:
                _refuse_same_name(b, person, f"{source}: ")
            for person in people:
                b.put(person)
        return len(people)

    # -- attendance ----------------------------------------------------------
    def set_attended(self, number: int, person_id: str, came: bool) -> Session:
        with self.store.batch(f"attendance, session {number}") as b:
            session = b.get(Session, str(number))
            b.get(Participant, person_id)
            ids = [i for i in session.attended if i != person_id] + ([person_id] if came else [])
            new = replace(session, attended=tuple(ids))
            if new != session:
                b.put(new)
        return new

    # -- a session's details -------------------------------------------------
    def set_details(
        self,
        number: int,
        *,
        date: str | object | None = UNSET,
        facilitators: Sequence[str] | object = UNSET,
        venue: str | object = UNSET,
    ) -> Session:
        """Set a session's date (``YYYY-MM-DD`` or None), facilitators (participants, by name) and
        venue; what is not given stays as it is. Everything is checked before anything is written."""
        changes: dict[str, object] = {}
        if date is not UNSET:
            changes["date"] = parse_date(date) if isinstance(date, str) and date.strip() else None
        if venue is not UNSET:
            changes["venue"] = clean_text(str(venue), "The venue")
        with self.store.batch(f"session {number} details") as b:
            session = b.find(Session, str(number))
            if session is None:
                raise InvalidInput(f"This programme has no session {number}")
            if facilitators is not UNSET:
                people = b.all(Participant)
                names: list[str] = []
                kept = {n.casefold(): n for n in session.facilitators}  # names from before people were kept
                for who in cast("Sequence[str]", facilitators):
                    if who.casefold() in kept and not _named(people, who):
                        name = kept[who.casefold()]
                    else:
                        name = find_person(people, who).name
                    if name not in names:
                        names.append(name)
                changes["facilitators"] = tuple(names)
            new = replace(session, **changes)  # type: ignore[arg-type]
            if new != session:
                b.put(new)
        return new


def _refuse_same_name(b: Batch, person: Participant, prefix: str = "") -> None:
    for other in b.all(Participant):
        if other.id != person.id and other.name.casefold() == person.name.casefold():
            raise InvalidInput(f"{prefix}{person.name} is a participant already; nothing was saved")


def _named(people: Sequence[Participant], who: str) -> bool:
    return any(p.name.casefold() == " ".join(who.split()).casefold() for p in people)

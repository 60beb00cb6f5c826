"""The cast of a role play in the programme file: one document per session and role play in the
table ``casts``. Each change is one ``store.batch``: one locked write, one undo step."""

from __future__ import annotations

from collections.abc import Sequence

from piptui.domain.casting import Cast, cast_from, cast_id, find_participant, find_role
from piptui.domain.exercise import Role
from piptui.domain.model import Participant, Session
from piptui.domain.roles import assign_roles
from piptui.errors import InvalidInput
from piptui.store import codec
from piptui.store.batch import table_of
from piptui.store.session_store import SessionStore


def check_castable(roles: Sequence[Role], participants: Sequence[Participant], title: str) -> None:
    """Refuse a cast that cannot be made: a role play without roles, a programme without people."""
    if not roles:
        raise InvalidInput(f"The role play '{title}' has no roles: add some to its script (roles: id, title, sector)")
    if not participants:
        raise InvalidInput("This programme has no participants yet: add them first (piptui participants NAME add ...)")


class CastOps:
    """Casts of one programme file, through its store."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store

    def cast(self, session: int, exercise: str) -> Cast | None:
        key = cast_id(session, exercise)
        doc = self.store.raw().get(table_of(Cast), {}).get(key)
        return None if doc is None else codec.decode(Cast, doc, key)

    def assign(self, session: int, exercise: str, roles: Sequence[Role], *, title: str = "") -> Cast:
        """A fresh cast from the suggestion (``assign_roles``) over everyone in the programme."""
        with self.store.batch("cast the role play") as b:
            b.get(Session, str(session))  # refuses a session the programme does not have
            participants = sorted(b.all(Participant), key=lambda p: (p.sector.value, p.name.casefold(), p.id))
            check_castable(roles, participants, title or exercise)
            cast = cast_from(session, exercise, assign_roles(roles, participants))
            b.put(cast)
        return cast

    def set_role(self, session: int, exercise: str, roles: Sequence[Role], person: str, role: str | None) -> Cast:
        """``person`` (a name or id) plays ``role`` (a role id; None: no role). Refuses an unknown
        person or role, writing nothing."""
        with self.store.batch("change the cast") as b:
            participants = b.all(Participant)
            who = find_participant(participants, person)
            what = find_role(roles, role).id if role is not None else None
            doc = b.find(Cast, cast_id(session, exercise))
            cast = doc if doc is not None else Cast(session, exercise)
            new = cast.with_role(who.id, what)
            if new != cast:
                b.put(new)
        return new

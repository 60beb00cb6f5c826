"""The everyday writes of a programme: cards, participants, the room's session and step.

:class:`EverydayWrites` is part of :class:`~piptui.store.session_store.SessionStore` (its
base): each method is one locked batch of the store (:meth:`SessionStore.batch`), on disk
when it returns. Kept apart from the store's file handling so each stays readable.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, Protocol

from piptui.domain.capture import normalise_tag
from piptui.domain.model import Card, Participant, Programme, Sector, Session, Timer, utc_now
from piptui.errors import InvalidInput
from piptui.store import codec
from piptui.store.batch import Batch
from piptui.store.programme_file import PROGRAMME_KEY, PROGRAMME_TABLE


class _Store(Protocol):
    """What these writes need of the store."""

    author: str | None

    def batch(self, label: str, *, undoable: bool = True) -> contextlib.AbstractContextManager[Batch]: ...


class EverydayWrites:
    """Cards, participants, the current session and step (a base of SessionStore)."""

    # -- cards ---------------------------------------------------------------
    def add_card(
        self: _Store,
        text: str,
        *,
        tags: Iterable[str] = (),
        sector: Sector | str | None = None,
        voiced_as: Sector | str | None = None,
        author: str | None = None,
        session: int | None = None,
        step: str | None = None,
        column: str | None = None,
        confidential: bool = False,
        role: str | None = None,
    ) -> Card:
        """Save a card; it is on disk when this returns.

        Without ``session``/``step`` the card goes to the programme's current session
        and that session's current step.
        """
        text = _clean_text(text)
        with self.batch("add card") as b:
            if session is None or step is None:
                programme = codec.decode(Programme, b.doc(PROGRAMME_TABLE, PROGRAMME_KEY) or {"name": "", "area": ""})
                number = session if session is not None else programme.current_session
                if step is None:
                    current = b.find(Session, str(number))
                    step = current.current_step if current else None
                session = number
            card = Card(
                text=text,
                tags=_clean_tags(tags),
                sector=_sector(sector),
                voiced_as=_sector(voiced_as),
                author=author or self.author,
                session=session,
                step=step,
                column=column,
                confidential=confidential,
                role=role or None,
            )
            b.put(card)
        return card

    def edit_card(self: _Store, card_id: str, *, label: str = "edit card", **changes: Any) -> Card:
        """Change a card's fields (text, tags, sector, voiced_as, column, confidential, cluster).

        ``label`` is what undo will say it undid."""
        allowed = {
            "text",
            "tags",
            "sector",
            "voiced_as",
            "column",
            "confidential",
            "cluster",
            "step",
            "session",
            "role",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"edit_card() cannot change {sorted(unknown)}")
        if "text" in changes:
            changes["text"] = _clean_text(changes["text"])
        if "tags" in changes:
            changes["tags"] = _clean_tags(changes["tags"])
        for key in ("sector", "voiced_as"):
            if key in changes:
                changes[key] = _sector(changes[key])
        with self.batch(label) as b:
            card = b.get(Card, card_id)
            new = replace(card, **changes)
            if new != card:
                new = replace(new, edited=utc_now(), edited_by=self.author)
                b.put(new)
        return new

    def move_card(self: _Store, card_id: str, column: str | None) -> Card:
        return EverydayWrites.edit_card(self, card_id, column=column, label="move card")

    def delete_card(self: _Store, card_id: str) -> None:
        with self.batch("delete card") as b:
            b.get(Card, card_id)
            b.delete(Card, card_id)

    # -- programme, sessions, participants ------------------------------------
    def add_participant(
        self: _Store, name: str, organisation: str = "", sector: Sector | str = Sector.OTHER
    ) -> Participant:
        name = name.strip()
        if not name:
            raise InvalidInput("A participant needs a name")
        participant = Participant(name=name, organisation=organisation.strip(), sector=_sector(sector) or Sector.OTHER)
        with self.batch("add participant") as b:
            b.put(participant)
        return participant

    def save(self: _Store, *objs: Any, label: str = "change") -> None:
        """Write whole entities (sessions, clusters, objectives, actions...) in one batch."""
        with self.batch(label) as b:
            for obj in objs:
                b.put(obj)

    def set_current_session(self: _Store, number: int) -> None:
        with self.batch("change session", undoable=False) as b:
            b.get(Session, str(number))
            doc = b.doc(PROGRAMME_TABLE, PROGRAMME_KEY) or {}
            b.put_doc(PROGRAMME_TABLE, PROGRAMME_KEY, {**doc, "current_session": number})

    def set_current_step(self: _Store, number: int, step: str | None, *, timer: Timer | None = None) -> Session:
        """Make ``step`` the session's current step (and, if given, reset its timer)."""
        with self.batch("change step", undoable=False) as b:
            session = b.get(Session, str(number))
            session = replace(session, current_step=step, timer=timer if timer is not None else session.timer)
            b.put(session)
        return session

    def set_timer(self: _Store, number: int, timer: Timer) -> Session:
        with self.batch("timer", undoable=False) as b:
            session = replace(b.get(Session, str(number)), timer=timer)
            b.put(session)
        return session


def _clean_text(text: str) -> str:
    if not isinstance(text, str):
        raise InvalidInput("A card's text must be text")
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput("A card needs some text; nothing was saved")
    return cleaned


def _clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for tag in tags:
        t = normalise_tag(tag)
        if t and t not in out:
            out.append(t)
    return tuple(out)


def _sector(value: Sector | str | None) -> Sector | None:
    if value is None or isinstance(value, Sector):
        return value
    try:
        return Sector(value.strip().lower())
    except ValueError:
        ids = ", ".join(s.value for s in Sector)
        raise InvalidInput(f"Unknown sector '{value}' (use one of: {ids})") from None

"""One read-modify-write of the programme file: the changes it makes, and the undo log.

A :class:`Batch` is handed out by ``SessionStore.batch()`` while the cross-process
lock is held. Every change replaces a whole document (never mutates one in place),
and is recorded with its before and after so it can be undone and redone by the
person who made it, from any process.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any, TypeVar

from piptui.domain.model import Session, new_id, utc_now
from piptui.domain.text_rules import control_problem
from piptui.errors import Conflict, InvalidInput, NotFound
from piptui.store import codec
from piptui.store.migrate import current_key, current_reference, migrate_ids, schema_of
from piptui.store.storage import META_KEY, META_TABLE, SCHEMA_VERSION, Data

T = TypeVar("T")

EVENTS = "events"
EVENT_CAP = 1000  # undo history kept per programme file (all authors)

# The table of each entity, by the entity's class. The classes are named here, not imported:
# opening a programme need not create the survey's and the votes' dataclasses (about 1 ms
# each, on the way to the first frame).
TABLES: dict[str, str] = {
    "piptui.domain.model.Card": "cards",
    "piptui.domain.model.Cluster": "clusters",
    "piptui.domain.model.Objective": "objectives",
    "piptui.domain.model.Action": "actions",
    "piptui.domain.model.Participant": "participants",
    "piptui.domain.model.Session": "sessions",
    "piptui.domain.voting.Vote": "votes",  # per-person dot votes
    "piptui.domain.survey.SurveyResponse": "responses",  # anonymous end-of-programme questionnaires
    "piptui.domain.casting.Cast": "casts",  # who plays which role in a session's role play
}


def table_of(cls: type) -> str:
    """The table that holds ``cls`` (KeyError for a class that is not an entity)."""
    return TABLES[f"{cls.__module__}.{cls.__qualname__}"]


def entity_classes() -> dict[type, str]:
    """Every entity class and its table (imports them all)."""
    classes: dict[type, str] = {}
    for name, table in TABLES.items():
        module, _, qualname = name.rpartition(".")
        classes[getattr(import_module(module), qualname)] = table
    return classes


Doc = dict[str, Any]
BOOKKEEPING = frozenset({"edited", "edited_by"})  # who touched it last: never a conflict by itself


@dataclass(frozen=True, slots=True)
class Change:
    table: str
    id: str
    before: Doc | None
    after: Doc | None


def key_of(obj: Any) -> str:
    return str(obj.number) if isinstance(obj, Session) else str(obj.id)


class Batch:
    """Changes to one in-memory copy of the file, written once when the batch ends."""

    def __init__(self, data: Data, author: str | None) -> None:
        self.author = author
        self.changes: list[Change] = []
        self.dirty: dict[str, set[str] | None] = {}
        self.migrated = schema_of(data) < SCHEMA_VERSION  # written in schema 2 by this batch
        if self.migrated:
            data = migrate_ids(data, schema=SCHEMA_VERSION)
            self.dirty = dict.fromkeys(data)  # every table re-encoded
        self.data = data

    def _touch(self, table: str, doc_id: str | None) -> None:
        """Note a document (or, with None, a whole table) as changed, for the storage."""
        have = self.dirty.get(table, set())
        if doc_id is None or have is None:
            self.dirty[table] = None
        else:
            have.add(doc_id)
            self.dirty[table] = have

    # -- raw documents -------------------------------------------------------
    def doc(self, table: str, doc_id: str) -> Doc | None:
        docs = self.data.get(table, {})
        return docs.get(current_key(docs, doc_id))

    def put_doc(self, table: str, doc_id: str, doc: Doc | None) -> None:
        docs = self.data.setdefault(table, {})
        doc_id = current_key(docs, doc_id)  # an id read before the file was migrated
        before = docs.get(doc_id)
        if doc is not None:
            doc = {
                k: v if before is not None and before.get(k) == v else current_reference(self.data, v)
                for k, v in doc.items()
            }
            refuse_control_characters(table, doc, before)
        if doc is None:
            if before is None:
                return
            del docs[doc_id]
        else:
            docs[doc_id] = doc
        self._touch(table, doc_id)
        if before != doc:
            self.changes.append(Change(table, doc_id, before, doc))

    # -- entities ------------------------------------------------------------
    def get(self, cls: type[T], obj_id: str) -> T:
        table = table_of(cls)
        obj_id = current_key(self.data.get(table, {}), obj_id)
        doc = self.doc(table, obj_id)
        if doc is None:
            noun = table.rstrip("s")
            raise NotFound(f"That {noun} is no longer there (someone may have deleted it).")
        return codec.decode(cls, doc, obj_id)

    def find(self, cls: type[T], obj_id: str) -> T | None:
        obj_id = current_key(self.data.get(table_of(cls), {}), obj_id)
        doc = self.doc(table_of(cls), obj_id)
        return None if doc is None else codec.decode(cls, doc, obj_id)

    def all(self, cls: type[T]) -> list[T]:
        return [codec.decode(cls, d, i) for i, d in self.data.get(table_of(cls), {}).items()]

    def put(self, obj: Any) -> None:
        table, obj_id = table_of(type(obj)), key_of(obj)
        self.put_doc(table, obj_id, codec.merge(self.doc(table, obj_id), obj))

    def delete(self, cls: type, obj_id: str) -> None:
        self.put_doc(table_of(cls), obj_id, None)

    # -- the event log -------------------------------------------------------
    def _meta(self) -> Doc:
        return dict(self.data.get(META_TABLE, {}).get(META_KEY, {}))

    def _next_seq(self) -> int:
        meta = self._meta()
        seq = int(meta.get("seq", 0)) + 1
        meta["seq"] = seq
        self.data.setdefault(META_TABLE, {})[META_KEY] = meta
        self._touch(META_TABLE, META_KEY)
        return seq

    def record(self, label: str) -> None:
        """Log this batch's changes as one undoable event by ``author``."""
        if not self.changes:
            return
        seq = self._next_seq()
        events = self.data.setdefault(EVENTS, {})
        event_id = new_id()
        self._touch(EVENTS, event_id)
        events[event_id] = {
            "seq": seq,
            "applied": seq,
            "at": utc_now(),
            "author": self.author or "",
            "label": label,
            "changes": [[c.table, c.id, c.before, c.after] for c in _collapse(self.changes)],
            "undone": None,
        }
        if len(events) > EVENT_CAP + 50:
            keep = sorted(events.items(), key=lambda kv: kv[1]["seq"])[-EVENT_CAP:]
            self.data[EVENTS] = dict(keep)
            self._touch(EVENTS, None)

    def _mine(self) -> list[tuple[str, Doc]]:
        who = self.author or ""
        return [(k, e) for k, e in self.data.get(EVENTS, {}).items() if e.get("author", "") == who]

    def _live(self) -> list[tuple[str, Doc]]:
        """This author's changes that undo may still take back (not undone, not skipped)."""
        return [(k, e) for k, e in self._mine() if e.get("undone") is None and not e.get("skipped")]

    def skip_undo(self) -> str | None:
        """Set aside this author's latest change (one that cannot be undone: someone else changed
        it since), so that undo goes on to the change before it. Returns its label, or None."""
        live = self._live()
        if not live:
            return None
        key, event = max(live, key=lambda kv: kv[1]["applied"])
        self.data[EVENTS][key] = {**event, "skipped": self._next_seq()}
        self._touch(EVENTS, key)
        return str(event["label"])

    def undo(self) -> str | None:
        """Undo this author's latest change; return its label, or None if there is none."""
        live = self._live()
        if not live:
            return None
        key, event = max(live, key=lambda kv: kv[1]["applied"])
        self._apply(event, reverse=True)
        self.data[EVENTS][key] = {**event, "undone": self._next_seq()}
        self._touch(EVENTS, key)
        return str(event["label"])

    def redo(self) -> str | None:
        """Redo the change this author undid last, unless they changed something since."""
        mine = self._mine()
        last_new = max((e["seq"] for _, e in mine), default=0)
        undone = [(k, e) for k, e in mine if e.get("undone") is not None and e["undone"] > last_new]
        if not undone:
            return None
        key, event = max(undone, key=lambda kv: kv[1]["undone"])
        self._apply(event, reverse=False)
        self.data[EVENTS][key] = {**event, "undone": None, "applied": self._next_seq()}
        self._touch(EVENTS, key)
        return str(event["label"])

    def _apply(self, event: Doc, *, reverse: bool) -> None:
        steps = [Change(*c) for c in event["changes"]]
        if reverse:
            steps = [Change(c.table, c.id, c.after, c.before) for c in reversed(steps)]
        planned: list[tuple[str, str, Doc | None]] = []
        verb = "undo" if reverse else "redo"
        for c in steps:  # check every step before applying any
            current = self.doc(c.table, c.id)
            planned.append((c.table, c.id, _target(current, c, event, verb)))
        for table, doc_id, doc in planned:
            docs = self.data.setdefault(table, {})
            if doc is None:
                docs.pop(doc_id, None)
            else:
                docs[doc_id] = doc
            self._touch(table, doc_id)


def refuse_control_characters(table: str, doc: Doc, before: Doc | None) -> None:
    """Every writer goes through here: text a person gives may hold newline and tab, no other
    control character (:mod:`piptui.domain.text_rules`). Only fields this write changes are
    looked at, so a card read from an older file can still be moved."""
    for key, value in doc.items():
        if before is not None and before.get(key) == value:
            continue
        problem = _control_in(value)
        if problem is not None:
            noun = table.rstrip("s")
            raise InvalidInput(
                f"Not saved: the {noun}'s {key} holds {problem}; text may hold new lines and tabs, "
                "no other control characters"
            )


def _control_in(value: Any) -> str | None:
    if isinstance(value, str):
        return control_problem(value)
    if isinstance(value, list | tuple):
        for item in value:
            found = _control_in(item)
            if found is not None:
                return found
    elif isinstance(value, dict):
        for item in value.values():
            found = _control_in(item)
            if found is not None:
                return found
    return None


def _collapse(changes: list[Change]) -> list[Change]:
    """One change per document: its first before and its last after."""
    merged: dict[tuple[str, str], Change] = {}
    for c in changes:
        first = merged.get((c.table, c.id))
        merged[(c.table, c.id)] = c if first is None else Change(c.table, c.id, first.before, c.after)
    return [c for c in merged.values() if c.before != c.after]


def _target(current: Doc | None, change: Change, event: Doc, verb: str = "undo") -> Doc | None:
    """What the document becomes when ``change`` (from -> to) is applied over ``current``.

    Only the fields the change touched must still be as it left them; other fields
    (changed since by someone else) are kept.
    """
    who = event.get("label", "change")
    frm, to = change.before, change.after
    if frm is None:  # re-creating a document
        if current is not None:
            raise Conflict(f"Cannot {verb} '{who}': it is there again already.")
        return to
    if current is None:
        raise Conflict(f"Cannot {verb} '{who}': it was deleted since by someone else.")
    if to is None:  # removing a document that must be as the change left it
        if current != frm:
            raise Conflict(f"Cannot {verb} '{who}': it was changed since by someone else.")
        return None
    touched = {k for k in frm.keys() | to.keys() if frm.get(k) != to.get(k)}
    if any(current.get(k) != frm.get(k) for k in touched - BOOKKEEPING):
        raise Conflict(f"Cannot {verb} '{who}': it was changed since by someone else.")
    # bookkeeping fields follow the change only if nobody else has touched them since
    touched = {k for k in touched if k not in BOOKKEEPING or current.get(k) == frm.get(k)}
    result = {k: v for k, v in current.items() if k not in touched}
    result.update({k: to[k] for k in touched if k in to})
    return result

"""SessionStore: the one way into a programme file.

Every write takes a cross-process file lock, re-reads the file if another process
changed it, applies its changes to that fresh copy, logs them for undo and writes
the file once, atomically. Reads take no lock: the file is only ever replaced
whole, so a reader always sees a complete file.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from piptui.domain.model import (
    Action,
    Card,
    Cluster,
    Objective,
    Participant,
    Programme,
    Session,
)
from piptui.errors import InvalidInput, PiptuiError, ProgrammeFileError, ProgrammeNotFound
from piptui.store import codec
from piptui.store.batch import EVENTS, Batch, table_of
from piptui.store.everyday_writes import EverydayWrites
from piptui.store.migrate import current_key
from piptui.store.programme_file import (
    LOCK_TIMEOUT,
    PROGRAMME_KEY,
    PROGRAMME_TABLE,
    lock_error,
    programme_lock,
    real_path,
    sweep_temporary_files,
    write_programme_file,
)
from piptui.store.storage import (
    META_KEY,
    META_TABLE,
    SCHEMA_VERSION,
    AtomicJSONStorage,
    LockTimeout,
    StatKey,
    read_tables,
)

if TYPE_CHECKING:
    from piptui.store.snapshot import Snapshot  # imported when first taken: not on the way to the first frame

T = TypeVar("T")


def read_programme(path: str | os.PathLike[str], *, history: bool = True) -> dict[str, dict[str, Any]]:
    """A programme file as plain data from one read, checked as at open: ``SessionStore(path).raw()``
    without opening a store (no lock, nothing kept). ``history=False`` leaves out the undo history
    (not parsed or checked: most of a file, and nothing a reader that only looks shows)."""
    return read_tables(path, without=() if history else (EVENTS,))


class SessionStore(EverydayWrites):
    """A programme file. Use as a context manager or call :meth:`close`.

    ``author`` is recorded on the cards and edits made through this store, and
    scopes undo/redo: each person undoes their own changes.
    """

    def __init__(self, path: str | os.PathLike[str], *, author: str | None = None) -> None:
        self.path = Path(path)  # as given: messages name it so
        self.author = author or None
        if not self.path.exists():
            raise ProgrammeNotFound(f"No programme file at {self.path}")
        self.file = real_path(self.path)  # a link is followed once: writes go to its target
        # our reads and writes go to TinyDB's Storage layer directly (see README: TinyDB)
        self._storage = AtomicJSONStorage(self.file, name=self.path)
        # the writers' lock: the target's folder and lock file, as programme_lock(), kept open
        self._lock = programme_lock(self.file)
        self._thread_lock = threading.RLock()
        self._swept = False  # leftovers of killed writers are removed at our first write
        self._decoded: dict[str, dict[str, tuple[object, Any]]] = {}
        # per table, as last decoded: its ids and documents in the file's order, and their records
        self._listed: dict[str, tuple[list[str], list[Any], list[Any]]] = {}
        self._sorted_cards: tuple[list[Card], list[Card]] = ([], [])  # (cards as read, sorted by creation)
        self._data()  # refuse a bad file at once

    # -- creating ------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        programme: Programme,
        *,
        sessions: Sequence[Session] = (),
        participants: Sequence[Participant] = (),
        content: Sequence[Any] = (),
        author: str | None = None,
    ) -> SessionStore:
        """Write a new programme file; refuse if one is there already.

        ``content`` (cards, clusters, objectives, actions) goes in as it is, outside the
        undo history: nobody can undo a programme's creation.
        """
        path = Path(path)
        data: dict[str, dict[str, Any]] = {
            META_TABLE: {META_KEY: {"schema": SCHEMA_VERSION, "seq": 0}},
            PROGRAMME_TABLE: {PROGRAMME_KEY: codec.encode(programme)},
            "participants": {p.id: codec.encode(p) for p in participants},
            "sessions": {str(s.number): codec.encode(s) for s in sessions},
            "cards": {},
            "clusters": {},
            "objectives": {},
            "actions": {},
        }
        for obj in content:
            data.setdefault(table_of(type(obj)), {})[obj.id] = codec.encode(obj)
        write_programme_file(path, data, replace=False)
        return cls(path, author=author)

    # -- life ----------------------------------------------------------------
    def close(self) -> None:
        with self._thread_lock:
            self._lock.close()
        self._storage.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def change_token(self) -> StatKey | None:
        """Changes whenever the file does (one stat(); cheap enough to poll)."""
        return self._storage.current_key()

    # -- reading -------------------------------------------------------------
    def _data(self) -> dict[str, dict[str, Any]]:
        with self._thread_lock:
            data = self._storage.read()
        if data is None:
            raise ProgrammeNotFound(f"The programme file {self.path} has gone (deleted or moved?)")
        return data

    def _all(self, cls: type[T], data: dict[str, dict[str, Any]] | None = None) -> list[T]:
        """Every entity of a table (of ``data``, else of the file now), decoding only documents
        that changed since last time."""
        table = table_of(cls)
        docs = (self._data() if data is None else data).get(table, {})
        cache = self._decoded.get(table, {})
        listed = self._listed.get(table)
        if listed is not None and len(docs) >= len(listed[0]):
            # the usual change: the same documents (the same parsed dicts), and new ones after them
            # (a card added); their records are the ones decoded last time, and only the new ones
            # are decoded (5,000 cards looked up one by one cost 2 ms a card from another terminal)
            ids, before, objs = listed
            now_ids, now_docs = list(docs), list(docs.values())
            known = len(ids)
            if now_ids[:known] == ids and now_docs[:known] == before:
                grown: list[T] = objs[:]
                for doc_id, doc in zip(now_ids[known:], now_docs[known:], strict=True):
                    obj = codec.decode(cls, doc, doc_id)
                    cache[doc_id] = (doc, obj)
                    grown.append(obj)
                self._decoded[table] = cache
                self._listed[table] = (now_ids, now_docs, grown)
                return list(grown)
        fresh: dict[str, tuple[object, Any]] = {}
        out: list[T] = []
        for doc_id, doc in docs.items():
            hit = cache.get(doc_id)
            if hit is not None and (hit[0] is doc or hit[0] == doc):
                obj = hit[1]
            else:
                obj = codec.decode(cls, doc, doc_id)
            fresh[doc_id] = (doc, obj)
            out.append(obj)
        self._decoded[table] = fresh
        self._listed[table] = (list(docs), list(docs.values()), out[:])
        return out

    def programme(self) -> Programme:
        doc = self._data().get(PROGRAMME_TABLE, {}).get(PROGRAMME_KEY)
        if doc is None:
            raise ProgrammeFileError(f"{self.path}: the programme header is missing")
        return codec.decode(Programme, doc)

    def participants(self) -> list[Participant]:
        return sorted(self._all(Participant), key=lambda p: (p.sector.value, p.name.lower()))

    def sessions(self) -> list[Session]:
        return sorted(self._all(Session), key=lambda s: s.number)

    def session(self, number: int) -> Session:
        for s in self._all(Session):
            if s.number == number:
                return s
        raise InvalidInput(f"This programme has no session {number}")

    def cards(self, *, session: int | None = None, step: str | None = None) -> list[Card]:
        """Cards in the order they were captured, optionally of one session or step."""
        cards = self._all(Card)
        if session is not None:
            cards = [c for c in cards if c.session == session]
        if step is not None:
            cards = [c for c in cards if c.step == step]
        return sorted(cards, key=lambda c: c.created)

    def card(self, card_id: str) -> Card:
        return self._one(Card, card_id)

    def _one(self, cls: type[T], obj_id: str) -> T:
        docs = self._data().get(table_of(cls), {})
        obj_id = current_key(docs, obj_id)  # an id read before another process migrated the file
        doc = docs.get(obj_id)
        if doc is None:
            raise PiptuiError(f"No such {table_of(cls).rstrip('s')}: it may have been deleted")
        return codec.decode(cls, doc, obj_id)

    def clusters(self) -> list[Cluster]:
        members: dict[str, list[str]] = {}
        for c in self.cards():
            if c.cluster:
                members.setdefault(c.cluster, []).append(c.id)
        clusters = [replace(k, card_ids=tuple(members.get(k.id, ()))) for k in self._all(Cluster)]
        return sorted(clusters, key=lambda k: k.created)

    def objectives(self) -> list[Objective]:
        return sorted(self._all(Objective), key=lambda o: (o.plan, o.position, o.created))

    def actions(self, objective: str | None = None) -> list[Action]:
        actions = self._all(Action)
        if objective is not None:
            actions = [a for a in actions if a.objective == objective]
        return sorted(actions, key=lambda a: (a.position, a.created))

    def snapshot(self) -> Snapshot:
        """Everything in the file, from one read of it: a change landing meanwhile cannot tear it."""
        from piptui.domain.casting import Cast
        from piptui.domain.survey import SurveyResponse
        from piptui.domain.voting import Vote
        from piptui.store.plan_ops import BUDGET_FIELD
        from piptui.store.snapshot import Snapshot

        with self._thread_lock:
            token = self.change_token()  # before the read: a change after it shows as a new token
            data = self._data()
            doc = data.get(PROGRAMME_TABLE, {}).get(PROGRAMME_KEY)
            if doc is None:
                raise ProgrammeFileError(f"{self.path}: the programme header is missing")
            cards = self._cards_in_order(self._all(Card, data))
            members: dict[str, list[str]] = {}
            for c in cards:
                if c.cluster:
                    members.setdefault(c.cluster, []).append(c.id)
            clusters = [replace(k, card_ids=tuple(members.get(k.id, ()))) for k in self._all(Cluster, data)]
            budgets = {
                int(number): value
                for number, session_doc in data.get(table_of(Session), {}).items()
                if isinstance(value := session_doc.get(BUDGET_FIELD), int) and value > 0
            }
            return Snapshot(
                path=self.path,
                token=token,
                programme=codec.decode(Programme, doc),
                participants=tuple(
                    sorted(self._all(Participant, data), key=lambda p: (p.sector.value, p.name.lower()))
                ),
                sessions=tuple(sorted(self._all(Session, data), key=lambda s: s.number)),
                cards=tuple(cards),
                clusters=tuple(sorted(clusters, key=lambda k: k.created)),
                objectives=tuple(sorted(self._all(Objective, data), key=lambda o: (o.plan, o.position, o.created))),
                actions=tuple(sorted(self._all(Action, data), key=lambda a: (a.position, a.created))),
                votes=tuple(self._all(Vote, data)),
                responses=tuple(sorted(self._all(SurveyResponse, data), key=lambda r: r.created)),
                budgets=budgets,
                casts=tuple(sorted(self._all(Cast, data), key=lambda c: (c.session, c.exercise))),
            )

    def _cards_in_order(self, cards: list[Card]) -> list[Card]:
        """``cards`` sorted by creation: the last sort, and the new cards after it when they are
        all newer (as a sort would put them: it keeps the order of equal ones)."""
        read, done = self._sorted_cards
        known = len(read)
        if known and len(cards) >= known and cards[:known] == read:
            new = sorted(cards[known:], key=lambda c: c.created)
            if not new or new[0].created >= done[-1].created:
                in_order = [*done, *new]
                self._sorted_cards = (cards, in_order)
                return in_order
        in_order = sorted(cards, key=lambda c: c.created)
        self._sorted_cards = (cards, in_order)
        return in_order

    def raw(self) -> dict[str, dict[str, Any]]:
        """The whole file as plain data (for export). Do not modify it."""
        return self._data()

    # -- writing -------------------------------------------------------------
    @contextlib.contextmanager
    def batch(self, label: str, *, undoable: bool = True) -> Iterator[Batch]:
        """Hold the lock, hand out a fresh copy to change, write it once, log it for undo.

        ``undoable=False`` is for the room's shared state (current session, step, timer):
        it is not content, so it stays out of everyone's undo history.
        """
        with self._locked(), self._storage.transaction():
            batch = Batch(self._data(), self.author)
            yield batch
            if batch.changes:
                if undoable:
                    batch.record(label)
                self._storage.write(batch.data, batch.dirty)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold this process's thread lock and the programme's cross-process lock."""
        with self._thread_lock:
            try:
                self._lock.acquire()
            except LockTimeout:
                raise PiptuiError(
                    f"{self.path} is locked by another piptui for over {LOCK_TIMEOUT:.0f} s; nothing was saved"
                ) from None
            except OSError as exc:
                raise lock_error(exc, self.path) from None
            try:
                if not self._swept:
                    sweep_temporary_files(self.file)
                    self._swept = True
                yield
            finally:
                self._lock.release()

    def _undo_or_redo(self, redo: bool) -> str | None:
        with self._locked(), self._storage.transaction():
            batch = Batch(self._data(), self.author)
            label = batch.redo() if redo else batch.undo()
            if label is not None:
                self._storage.write(batch.data, batch.dirty)
            return label

    def history_size(self) -> int:
        """How many changes the undo history holds (each keeps the text it changed)."""
        return len(self._data().get(EVENTS, {}))

    def compact(self) -> int:
        """Forget the undo history: nobody can undo what was done so far, and the text of
        deleted cards (confidential ones too) is no longer in the file. Returns how many events went."""
        with self._locked(), self._storage.transaction():
            batch = Batch(self._data(), self.author)  # migrates a schema-1 file
            dropped = len(batch.data.get(EVENTS, {}))
            if dropped:
                self._storage.write({**batch.data, EVENTS: {}}, None)
        return dropped

    def undo(self) -> str | None:
        """Undo this author's latest change. Returns what was undone, or None."""
        return self._undo_or_redo(redo=False)

    def skip_undo(self) -> str | None:
        """Set aside this author's latest change, which cannot be undone; undo goes on to older ones."""
        with self._locked(), self._storage.transaction():
            batch = Batch(self._data(), self.author)
            label = batch.skip_undo()
            if label is not None:
                self._storage.write(batch.data, batch.dirty)
            return label

    def redo(self) -> str | None:
        return self._undo_or_redo(redo=True)

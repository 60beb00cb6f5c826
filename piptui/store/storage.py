"""A TinyDB storage that is safe to share between processes and cheap to write.

TinyDB's JSONStorage truncates the file in place (a crash leaves half a file) and
re-serialises everything on each write. This one:

- parses the file only when its (device, inode, mtime_ns, ctime_ns, size) changed, and pins the
  inode it read by keeping it open, so the number cannot be reused by a later file;
- writes atomically: a temporary file in the same folder, flush, fsync, ``os.replace``,
  fsync of the folder;
- keeps each document's serialised bytes, so a write re-encodes only the documents
  the caller says it changed (``dirty``); after a re-read, or without that list, it
  re-encodes everything. The store never mutates a stored document in place.
- refuses a file that is corrupt, truncated, not a piptui file or from a newer
  schema, and never writes over it.

It does no locking itself: :class:`piptui.store.session_store.SessionStore` holds a
:class:`ProgrammeLock` (:mod:`piptui.store.lock`) around every read-modify-write.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from piptui.errors import NotSaved, ProgrammeFileError, ProgrammeNotFound, cannot_read, not_saved
from piptui.store.atomic import atomic_write_bytes
from piptui.store.fragments import Layout, layout_of, reparse, tables_of
from piptui.store.lock import LockTimeout, ProgrammeLock

__all__ = ["AtomicJSONStorage", "LockTimeout", "NotSaved", "ProgrammeLock", "atomic_write_bytes", "stat_key"]

SCHEMA_VERSION = 2  # 2: ids are the UUID's integer (1: its hex); see piptui.store.migrate
META_TABLE = "_meta"
META_KEY = "piptui"

Data = dict[str, dict[str, Any]]
StatKey = tuple[int, int, int, int, int]  # device, inode, mtime_ns, ctime_ns, size
Dirty = dict[str, set[str] | None]  # table -> changed document ids (None: the whole table)


def stat_key(st: os.stat_result) -> StatKey:
    """What says the file changed. ``st_ctime_ns`` is in it because an edit in place that keeps
    the size within one mtime tick (or resets the mtime) still changes the ctime."""
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_size)


_closing: tuple[int, queue.SimpleQueue[int]] | None = None  # this process's id, the closer's queue


def close_soon(fd: int) -> None:
    """Close ``fd`` in a thread of its own. Closing the last hold on a replaced programme file
    frees it (a megabyte on disk: 1-5 ms of the kernel's time) and need not delay a re-read."""
    global _closing
    if _closing is None or _closing[0] != os.getpid():  # none yet, or a forked child (no thread)
        _closing = (os.getpid(), queue.SimpleQueue())
        threading.Thread(target=_closer, args=(_closing[1],), name="piptui-close", daemon=True).start()
    _closing[1].put(fd)


def _closer(fds: queue.SimpleQueue[int]) -> None:
    while True:
        fd = fds.get()
        with contextlib.suppress(OSError):
            os.close(fd)


def check_data(path: str | os.PathLike[str], data: object) -> Data:
    """Validate a parsed programme file's outer shape and schema version."""
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise ProgrammeFileError(f"{path}: not a piptui programme file (its top level is not a set of tables)")
    meta = data.get(META_TABLE, {}).get(META_KEY)
    if not isinstance(meta, dict) or not isinstance(meta.get("schema"), int):
        raise ProgrammeFileError(f"{path}: not a piptui programme file (no schema version in it)")
    version = meta["schema"]
    if version > SCHEMA_VERSION:
        raise ProgrammeFileError(
            f"{path}: made by a newer piptui (file schema {version}; this piptui reads up to "
            f"{SCHEMA_VERSION}). Upgrade piptui to open it; the file was not changed."
        )
    return data


def parse_bytes(path: str | os.PathLike[str], blob: bytes, *, previous: Data | None = None) -> Data:
    """The file's tables, checked: its outer shape, its schema and every record's shape
    (records equal to those of ``previous``, the last parse, are taken as checked)."""
    if not blob.strip():
        raise ProgrammeFileError(f"{path}: the file is empty (truncated?); it was not changed")
    try:
        data = orjson.loads(blob)
    except orjson.JSONDecodeError as exc:
        raise ProgrammeFileError(f"{path}: the file is corrupt or truncated ({exc}); it was not changed") from None
    data = check_data(path, data)
    check_records(path, data, previous)
    return data


def read_tables(path: str | os.PathLike[str], *, without: Collection[str] = ()) -> Data:
    """A programme file's tables from one read, checked as at open, but for the tables named in
    ``without``: those are left out, not even parsed when the file is in piptui's layout (a table
    a line). For a reader that only looks, such as the findings across every programme: the undo
    history is most of a file and none of what it shows. Never written back."""
    try:
        blob = Path(path).read_bytes()
    except FileNotFoundError:
        raise ProgrammeNotFound(f"No programme file at {path}") from None
    except OSError as exc:
        raise cannot_read(exc, path) from None
    pieces = tables_of(blob) if without else None
    if pieces is not None:
        kept = [b'"' + name.encode() + b'":{' + body + b"}" for name, body in pieces if name not in without]
        blob = b"{" + b",\n".join(kept) + b"}\n"
    data = parse_bytes(path, blob)
    for table in without:
        data.pop(table, None)
    return data


def check_records(path: str | os.PathLike[str], data: Data, previous: Data | None = None) -> None:
    """Refuse a record of the wrong shape, naming the file, table, record and field."""
    from piptui.store.batch import EVENTS, TABLES
    from piptui.store.shape import first_problem

    problem = first_problem(data, {t: c for c, t in TABLES.items()}, previous=previous, events=EVENTS)
    if problem is not None:
        raise ProgrammeFileError(f"{path}: a record of the wrong shape: {problem}; the file was not changed")


class AtomicJSONStorage(Storage):  # type: ignore[misc]
    """TinyDB storage over one programme file. See the module docstring."""

    def __init__(self, path: str | os.PathLike[str], *, name: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path)
        self.name = name or self.path  # how messages name the file (as the person gave it)
        self._data: Data | None = None
        self._key: StatKey | None = None
        self._pinned: int | None = None
        # per table, each document's encoded '"id":{...}' as last written
        self._fragments: dict[str, dict[str, bytes]] = {}
        self._pending: Data | None = None
        self._pending_dirty: Dirty | None = {}
        self._depth = 0
        self._layout: Layout = {}  # the last file read, document by document (its bytes and parse)
        # the last file parsed whole, and a copy of its tables: its layout is worked out at the next
        # read (a store that reads once, as an export or the findings, never needs it)
        self._parsed: tuple[bytes, Data] | None = None

    # -- reading -------------------------------------------------------------
    def current_key(self) -> StatKey | None:
        """The file's stat key now (``None`` when it does not exist). Costs one stat()."""
        try:
            return stat_key(os.stat(self.path))
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise cannot_read(exc, self.name) from None

    def read(self) -> Data | None:
        if self._pending is not None:
            return self._pending
        if self._data is not None:  # one stat: the pinned inode cannot be another file's
            key = self.current_key()
            if key is None:
                return None
            if key == self._key:
                return self._data
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise cannot_read(exc, self.name) from None
        try:
            key = stat_key(os.fstat(fd))
            if key == self._key and self._data is not None:
                os.close(fd)
                return self._data
            with os.fdopen(os.dup(fd), "rb") as handle:
                blob = handle.read()
            data = self._parse(blob)
        except OSError as exc:
            os.close(fd)
            raise cannot_read(exc, self.name) from None
        except BaseException:
            os.close(fd)
            raise
        self._install(data, key, fd)
        self._fragments = {}
        return data

    def _parse(self, blob: bytes) -> Data:
        """The file's tables, checked. After a first full parse, a re-read parses and checks only
        the documents whose bytes changed (:mod:`piptui.store.fragments`); a file in another
        layout is parsed whole."""
        from piptui.store.programme_file import PROGRAMME_TABLE

        if self._parsed is not None:
            self._layout = layout_of(*self._parsed)
            self._parsed = None
        if self._layout:
            got = reparse(blob, self._layout)
            if got is not None:
                data, layout, fresh = check_data(self.name, got[0]), got[1], got[2]
                header = {t: data[t] for t in (META_TABLE, PROGRAMME_TABLE) if t in data}
                check_records(self.name, {**header, **fresh})  # the rest were checked when first read
                self._layout = layout
                return data
        data = parse_bytes(self.name, blob, previous=self._data)
        self._layout = {}
        self._parsed = (blob, {table: dict(docs) for table, docs in data.items()})  # writes change the tables
        return data

    def _install(self, data: Data, key: StatKey, fd: int) -> None:
        if self._pinned is not None:
            close_soon(self._pinned)  # the file it pinned was replaced: freeing it is the kernel's work
        self._pinned = fd
        self._data = data
        self._key = key

    def invalidate(self) -> None:
        """Forget the cache: the next read parses the file again."""
        self._key = None
        self._data = None
        self._fragments = {}

    # -- writing -------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Buffer writes in memory and write the file once, at the end, if all went well."""
        self._depth += 1
        try:
            yield
            if self._depth == 1 and self._pending is not None:
                self._write_now(self._pending, self._pending_dirty)
        except BaseException:
            self.invalidate()
            raise
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._pending = None
                self._pending_dirty = {}

    def write(self, data: Data, dirty: Dirty | None = None) -> None:
        """Write ``data``. ``dirty`` names the documents changed since the last read or
        write (per table; ``None`` for a whole table); without it everything is re-encoded."""
        if self._depth:
            self._pending = data
            if dirty is None:
                self._pending_dirty = None
            elif self._pending_dirty is not None:
                for table, ids in dirty.items():
                    have = self._pending_dirty.get(table, set())
                    self._pending_dirty[table] = None if ids is None or have is None else have | ids
            return
        try:
            self._write_now(data, dirty)
        except BaseException:
            self.invalidate()
            raise

    def encode(self, data: Data, dirty: Dirty | None = None) -> list[bytes]:
        """The file's bytes, in chunks (one a table: written with one ``writev``, no large
        copies). Re-encodes only dirty documents of tables already encoded."""
        parts: list[bytes] = [b"{"]
        for table, docs in data.items():
            frags = None if dirty is None else self._fragments.get(table)
            changed = None if dirty is None else dirty.get(table, set())
            if frags is None or changed is None:
                frags = {k: orjson.dumps(k) + b":" + orjson.dumps(v) for k, v in docs.items()}
            else:
                for k in changed:
                    doc = docs.get(k)
                    if doc is None:
                        frags.pop(k, None)
                    else:
                        frags[k] = orjson.dumps(k) + b":" + orjson.dumps(doc)
            self._fragments[table] = frags
            if len(parts) > 1:
                parts.append(b",\n")
            parts += (orjson.dumps(table), b":{", b",".join(frags.values()), b"}")
        for table in set(self._fragments) - set(data):
            del self._fragments[table]
        parts.append(b"}\n")
        return parts

    def _write_now(self, data: Data, dirty: Dirty | None) -> None:
        blob = self.encode(data, dirty)
        fd = atomic_write_bytes(self.path, blob, name=self.name)
        try:
            key = stat_key(os.fstat(fd))
        except OSError as exc:  # pragma: no cover - fstat of an open file
            os.close(fd)
            raise not_saved(exc, self.name) from None
        self._install(data, key, fd)

    def close(self) -> None:
        if self._pinned is not None:
            with contextlib.suppress(OSError):
                os.close(self._pinned)
            self._pinned = None
        self.invalidate()
        self._layout = {}
        self._parsed = None

"""Re-reading a programme file by its documents' bytes: only the documents that changed are parsed.

piptui writes a programme file in one layout (:meth:`piptui.store.storage.AtomicJSONStorage.encode`)::

    {"_meta":{"piptui":{...}},
    "cards":{"<id>":{...},"<id>":{...}},
    ...}

compact JSON from orjson, one table a line. orjson writes a newline inside a string as ``\\n``,
so ``,<newline>"`` is only ever between tables; in a table, one document ends and the next
begins at ``},"<id>":{`` where the id is a record's (32 hex digits, or a number: a UUID's
integer, a session's number).

:func:`layout_of`, after a full parse, cuts the bytes that way and keeps a table's cut only if
it agrees with the parse exactly (every document, in order). :func:`reparse` then reads a new
version of the file: a table whose bytes are unchanged keeps its documents; a table that only
grew at its end (a card added, an undo step logged: the usual change) parses just the new end;
any other table is cut again and each document whose bytes are unchanged is reused (the same
parsed dict, so a decoded record can be reused by identity), the others parsed on their own.
Anything unexpected (a file in another layout, a piece that does not parse, a repeated id or
table) gives ``None``: the caller parses the whole file, as it always did. So the result is
always what ``orjson.loads`` of the whole file gives. The store never changes a parsed document
in place (a write replaces it), so a reused dict is the parse of its bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import orjson

Data = dict[str, dict[str, Any]]

_TABLE = re.compile(rb'"([A-Za-z0-9_]+)":\{')
_FIRST = re.compile(rb'"([A-Za-z0-9_-]*)":\{')  # a table's first document (the header's id is a word)
_NEXT = re.compile(rb'\},"((?:[0-9a-f]{32}|[0-9]+))":\{')  # where one document ends and the next begins
_TAIL = b"}\n"


@dataclass(frozen=True, slots=True)
class Table:
    """One table as the file held it: its bytes, its documents, and each document's bytes
    (between its braces; None when the table does not cut cleanly)."""

    body: bytes
    docs: dict[str, Any]
    pieces: dict[str, bytes] | None


Layout = dict[str, Table]


def tables_of(blob: bytes) -> list[tuple[str, bytes]] | None:
    """The file's ``(table, body)`` pieces (body: the bytes between the table's braces), or None
    if the file is not in piptui's layout (a table a line: ``{"a":{...},`` ... ``"z":{...}}``).

    Each body is cut from the file once (splitting it into lines first copied the whole file
    again: a 2.6 MB programme, 2-4 ms of each read)."""
    if not blob.endswith(b"\n") or not blob.startswith(b"{"):
        return None
    out: list[tuple[str, bytes]] = []
    size = len(blob)
    start = 0
    while start < size:
        newline = blob.index(b"\n", start)  # there is one: the file ends with it
        head = _TABLE.match(blob, start + 1 if start == 0 else start, newline)
        end = newline - 1  # the comma after a table, or the file's closing brace after the last
        closing = 0x7D if newline == size - 1 else 0x2C
        if head is None or blob[end] != closing or blob[end - 1] != 0x7D:
            return None
        out.append((head.group(1).decode(), blob[head.end() : end - 1]))
        start = newline + 1
    return out


def _cut(body: bytes) -> list[tuple[str, bytes]] | None:
    """A table's body as ``(id, the document's bytes between its braces)``; None if it does not
    look like piptui's layout. Not checked: a cut may fall inside a document (see _verified)."""
    if not body:
        return []
    parts = _NEXT.split(body)  # [first document, id, document, id, document, ...]
    head = _FIRST.match(parts[0])
    if head is None or not parts[-1].endswith(b"}"):
        return None
    parts[0] = parts[0][head.end() :]
    parts[-1] = parts[-1][:-1]
    ids = [head.group(1), *parts[1::2]]
    return list(zip(b"\0".join(ids).decode("utf-8", "replace").split("\0"), parts[0::2], strict=True))


def _table(body: bytes, docs: dict[str, Any]) -> Table:
    """``docs`` (a parse of ``body``) with their bytes, if the cut agrees with the parse."""
    cut = _cut(body)
    if cut is None or len(cut) != len(docs) or [doc_id for doc_id, _piece in cut] != list(docs):
        return Table(body, docs, None)
    return Table(body, docs, dict(cut))


def layout_of(blob: bytes, data: Data) -> Layout:
    """The layout of a file just parsed whole into ``data`` (empty if it is not piptui's)."""
    pieces = tables_of(blob)
    if pieces is None or [name for name, _body in pieces] != list(data):
        return {}
    # copies: the caller's tables are changed by writes, the layout must stay as the file was
    return {name: _table(body, dict(data[name])) for name, body in pieces if isinstance(data[name], dict)}


def reparse(blob: bytes, layout: Layout) -> tuple[Data, Layout, Data] | None:
    """The file's tables, parsing only what is not in ``layout``; the new layout; and the
    documents parsed anew (table -> id -> document: the ones to check). None if anything is
    unexpected: then parse the whole file."""
    pieces = tables_of(blob)
    if pieces is None:
        return None
    data: Data = {}
    new_layout: Layout = {}
    fresh: Data = {}
    try:
        for name, body in pieces:
            if name in data:
                return None  # a table twice (orjson keeps the last): parse it whole
            got = _reread(body, layout.get(name))
            if got is None:
                return None
            table, new = got
            data[name] = dict(table.docs)  # the caller's to change (a write does, table by table)
            new_layout[name] = table
            if new:
                fresh[name] = new
    except orjson.JSONDecodeError:
        return None
    return data, new_layout, fresh


def _reread(body: bytes, known: Table | None) -> tuple[Table, dict[str, Any]] | None:
    """One table's new bytes against what was known of it: the table, and its documents parsed anew."""
    if known is not None and body == known.body:
        return known, {}
    end = len(known.body) if known is not None else 0
    if known is not None and end and body.startswith(known.body) and body[end : end + 2] == b',"':
        tail = body[end + 1 :]  # only new documents at the end
        added: dict[str, Any] = orjson.loads(b"{" + tail + b"}")
        if any(doc_id in known.docs for doc_id in added):
            return None
        grown = _table(tail, added)
        pieces = None if known.pieces is None or grown.pieces is None else {**known.pieces, **grown.pieces}
        return Table(body, {**known.docs, **added}, pieces), added
    if known is None or known.pieces is None or (cut := _cut(body)) is None:
        docs: dict[str, Any] = orjson.loads(b"{" + body + b"}")
        return _table(body, docs), docs
    docs = {}
    new: dict[str, Any] = {}
    old_pieces, old_docs = known.pieces, known.docs
    for doc_id, piece in cut:
        if doc_id in docs:
            return None
        if old_pieces.get(doc_id) == piece:
            docs[doc_id] = old_docs[doc_id]
        else:
            doc = orjson.loads(b"{" + piece + b"}")  # a cut inside a document leaves it unbalanced: an error
            docs[doc_id] = new[doc_id] = doc
    return Table(body, docs, dict(cut)), new

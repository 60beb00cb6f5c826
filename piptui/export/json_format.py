"""The JSON export: a complete, versioned copy of one programme (a backup), and reading it back.

Every table of the programme file goes in as it is (unknown tables and fields too), except
the file's bookkeeping: the undo log (``events``) and ``_meta``. Confidential cards are kept,
marked ``"confidential": true``. Keys are sorted and the text indented, so the same
programme always gives the same bytes and two exports diff line by line.
See ``docs/session-format.md``.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

import orjson

from piptui.errors import PiptuiError
from piptui.store.batch import EVENTS, TABLES
from piptui.store.programme_file import PROGRAMME_KEY, PROGRAMME_TABLE
from piptui.store.shape import table_problems
from piptui.store.storage import META_KEY, META_TABLE, SCHEMA_VERSION

FORMAT = "piptui-programme-export"
VERSION = 1  # of this export format; a newer piptui that changes it raises the number
BOOKKEEPING = frozenset({EVENTS, META_TABLE})  # never exported, refused on import
MAX_IMPORT_BYTES = 8_000_000  # 5,000 cards are 1.4 MB; a PIP programme holds a few hundred
# Objects and lists, and values, an import may hold: counted in the bytes before parsing, so
# that what is parsed and checked (time and memory) is bounded whatever the file's shape.
# 5,000 cards are ~10,000 objects and lists and ~75,000 values; 8 MB of cards (no indentation)
# ~40,000 and ~285,000.
MAX_CONTAINERS = 100_000
MAX_VALUES = 600_000
MAX_DEPTH = 64  # nesting levels; a programme needs 6 (tables > cards > card > tags > tag)
# A control character as JSON writes it (\\u001b, \\b, \\f, \\r), or raw (DEL, a C1 in UTF-8):
# only when the bytes hold one of these is each text looked at. Each is a literal search (C speed).
_ESCAPED_CONTROL = re.compile(rb"\\u00(?:[01][0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])")
_RAW_C1 = re.compile(rb"\xc2[\x80-\x9f]")


class BadExportFile(PiptuiError):
    """A file given to ``piptui import`` that is not a usable piptui export. Nothing was written."""


@dataclass(frozen=True, slots=True)
class ProgrammeExport:
    """A checked export: the programme's name, the file schema its tables follow, the tables."""

    name: str
    schema: int
    tables: dict[str, dict[str, Any]]


def export_json(data: Mapping[str, Mapping[str, Any]]) -> bytes:
    """The export of ``store.raw()``'s dict, as UTF-8 bytes ending in a newline."""
    header = data.get(PROGRAMME_TABLE, {}).get(PROGRAMME_KEY, {})
    meta = data.get(META_TABLE, {}).get(META_KEY, {})
    document = {  # this order at the top; everything inside in key order
        "format": FORMAT,
        "version": VERSION,
        "schema": meta.get("schema", SCHEMA_VERSION),
        "name": header.get("name", ""),
        "tables": _sorted({table: docs for table, docs in data.items() if table not in BOOKKEEPING}),
    }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


def read_export(blob: bytes, source: str) -> ProgrammeExport:
    """Parse and check an export; :class:`BadExportFile` names what is wrong."""
    collecting = gc.isenabled()
    gc.disable()  # many small objects, none cyclic: the collector would rescan them again and again
    try:
        return _read_export(blob, source)
    finally:
        if collecting:
            gc.enable()


def _read_export(blob: bytes, source: str) -> ProgrammeExport:
    if blob.startswith(b"\xef\xbb\xbf"):
        blob = blob[3:]  # a byte-order mark some editors add
    if not blob.strip():
        raise BadExportFile(f"{source} is empty: it is not a piptui export; nothing was imported")
    if len(blob) > MAX_IMPORT_BYTES:
        raise BadExportFile(
            f"{source} is too large ({len(blob) / 1e6:.1f} MB; an export holds at most "
            f"{MAX_IMPORT_BYTES // 1_000_000} MB); nothing was imported"
        )
    _refuse_too_many(blob, source)
    try:
        document = orjson.loads(blob)
    except orjson.JSONDecodeError as exc:
        raise BadExportFile(f"{source} is not valid JSON ({exc}); nothing was imported") from None
    keys, deep = _walk(document, MAX_DEPTH)
    if deep:
        raise BadExportFile(
            f"{source}: {too_deep(document, MAX_DEPTH)} is nested more than {MAX_DEPTH} levels deep "
            "(a programme needs 6); nothing was imported"
        )
    if keys != keys_in_text(blob):  # a key given twice (JSON parsers silently keep the last): where?
        twice = _duplicated_keys(blob)
        if twice:
            raise BadExportFile(f"{source}: {twice}; nothing was imported")
    if not isinstance(document, dict):
        raise BadExportFile(f"{source} is not a piptui export (its top level is not an object); nothing was imported")
    return _check_document(document, source, controls=maybe_control(blob))


def _refuse_too_many(blob: bytes, source: str) -> None:
    """Refuse, before parsing, a file of more objects and lists, or values, than an export holds
    (an upper bound, counted in the bytes: a bracket or comma inside a text counts too)."""
    containers = blob.count(b"{") + blob.count(b"[")
    values = blob.count(b",") + 1
    if containers > MAX_CONTAINERS or values > MAX_VALUES:
        what = f"{containers:,} objects and lists" if containers > MAX_CONTAINERS else f"{values:,} values"
        most = f"{MAX_CONTAINERS:,} objects and lists" if containers > MAX_CONTAINERS else f"{MAX_VALUES:,} values"
        raise BadExportFile(
            f"{source} holds too many records for a programme (about {what}; an export holds at most {most}); "
            "nothing was imported"
        )


def maybe_control(blob: bytes) -> bool:
    """Whether the bytes may hold a control character a text cannot (JSON escapes and raw DEL
    or C1; raw C0 is not valid JSON). False means every text is free of them."""
    if b"\x7f" in blob or b"\\b" in blob or b"\\f" in blob or b"\\r" in blob:
        return True
    if b"\\u00" in blob and _ESCAPED_CONTROL.search(blob):
        return True
    return b"\xc2" in blob and _RAW_C1.search(blob) is not None


def _walk(document: Any, limit: int) -> tuple[int, bool]:
    """One pass over the parsed document's objects and lists: how many keys its objects hold, and
    whether any nests ``limit`` levels deep (it stops there)."""
    keys = 0
    stack: list[tuple[Any, int]] = [(document, 0)]
    pop, push = stack.pop, stack.append
    while stack:
        value, depth = pop()
        if depth >= limit:
            return keys, True
        children: Iterable[Any]
        if type(value) is dict:
            keys += len(value)
            children = value.values()
        elif type(value) is list:
            children = value
        else:
            continue
        depth += 1
        for child in children:
            if type(child) is dict or type(child) is list:
                push((child, depth))
    return keys, False


def keys_in_text(blob: bytes) -> int:
    """How many keys the JSON text gives (a duplicated one counted twice), counted in C: each key
    ends in a quote and a colon (white space between dropped); a quote after an odd number of
    backslashes is inside a text. Only for text a JSON parser has accepted."""
    flat = blob.translate(None, b" \t\n\r")
    total, backslashes, sign = 0, 0, 1
    while count := flat.count(b"\\" * backslashes + b'":'):
        total += sign * count
        sign, backslashes = -sign, backslashes + 1
    return total


def _check_document(document: dict[str, Any], source: str, *, controls: bool = True) -> ProgrammeExport:
    marker = document.get("format")
    if marker != FORMAT:
        hint = ""
        if META_TABLE in document:
            hint = " It looks like a programme file itself: copy it into the sessions folder instead."
        got = 'no "format"' if marker is None else f'"format" {json.dumps(marker)}'
        raise BadExportFile(
            f'{source} is not a piptui export (it has {got}, expected "{FORMAT}").{hint} Nothing was imported.'
        )
    version = document.get("version")
    if not _is_int(version) or version < 1:
        raise BadExportFile(
            f'{source}: "version" must be a whole number from 1 (it is {_show(version)}); nothing was imported'
        )
    if version > VERSION:
        raise BadExportFile(
            f"{source} was exported by a newer piptui (export format version {version}; this "
            f"piptui reads up to {VERSION}). Upgrade piptui to import it; nothing was imported."
        )
    schema = document.get("schema")
    if not _is_int(schema) or schema < 1:
        raise BadExportFile(
            f'{source}: "schema" must be a whole number from 1 (it is {_show(schema)}); nothing was imported'
        )
    if schema > SCHEMA_VERSION:
        raise BadExportFile(
            f"{source} holds a newer programme file schema ({schema}; this piptui reads up to "
            f"{SCHEMA_VERSION}). Upgrade piptui to import it; nothing was imported."
        )
    name = document.get("name")
    if not isinstance(name, str):
        raise BadExportFile(
            f'{source}: "name" must be the programme\'s name as text (it is {_show(name)}); nothing was imported'
        )
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise BadExportFile(
            f'{source}: "tables" must be an object of tables (it is {_show(tables)}); nothing was imported'
        )
    classes = {table: qualified for qualified, table in TABLES.items()}
    problems, uncounted = table_problems(tables, classes, forbidden=BOOKKEEPING, controls=controls)
    if problems:
        shown = problems[:6]
        hidden = len(problems) - len(shown) + uncounted
        more = f"\n  ... and {hidden} more" if hidden else ""
        listed = "\n  ".join(shown)
        raise BadExportFile(f"{source} is not a usable piptui export; nothing was imported:\n  {listed}{more}")
    return ProgrammeExport(name=name, schema=schema, tables=tables)


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _show(value: object) -> str:
    if value is None:
        return "missing"
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    twice: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object(pairs)
    if len(obj) < len(pairs):
        seen: set[str] = set()
        obj.twice = tuple(k for k, _v in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
    return obj


def _duplicated_keys(blob: bytes) -> str | None:
    """Where the file gives one key twice (JSON parsers silently keep the last), or None.
    Called only on a document already known to be at most ``MAX_DEPTH`` deep."""
    found: list[_Object] = []

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        plain = dict(pairs)
        if len(plain) == len(pairs):
            return plain  # the common case: nothing more to do, nothing to walk later
        obj = _pairs(pairs)
        found.append(obj)
        return obj

    parsed = json.loads(blob, object_pairs_hook=hook)
    if not found:
        return None
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), parsed)]  # where the first one is
    while stack:
        at, value = stack.pop()
        if isinstance(value, _Object) and value.twice:
            return f'{_where(at)} gives the key "{value.twice[0]}" twice (a duplicated id?)'
        items = value.items() if isinstance(value, dict) else enumerate(value)
        stack += [((*at, k), v) for k, v in items if isinstance(v, dict | list)]
    return None


def too_deep(document: Any, limit: int) -> str | None:
    """Where ``document`` nests deeper than ``limit`` (``tables.cards.ab12.extra[0]``), or None.
    Walks with depths only; the path is worked out once, for the message."""
    stack: list[tuple[int, Any]] = [(0, document)]
    while stack:
        depth, value = stack.pop()
        if depth >= limit:
            return _where(_path_to(document, value, limit))
        children = value.values() if isinstance(value, dict) else value
        stack += [(depth + 1, v) for v in children if isinstance(v, dict | list)]
    return None


def _path_to(document: Any, target: Any, limit: int) -> tuple[str | int, ...]:
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), document)]
    while stack:
        at, value = stack.pop()
        if value is target and len(at) >= limit:
            return at
        items = value.items() if isinstance(value, dict) else enumerate(value)
        stack += [((*at, k), v) for k, v in items if isinstance(v, dict | list) and len(at) < limit]
    return ()


def _where(at: tuple[str | int, ...]) -> str:
    if not at:
        return "the file"
    text = ""
    for part in at:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text

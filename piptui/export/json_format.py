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
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

import orjson

from piptui.errors import PiptuiError
from piptui.export.validate import check_tables
from piptui.store.batch import EVENTS
from piptui.store.programme_file import PROGRAMME_KEY, PROGRAMME_TABLE
from piptui.store.storage import META_KEY, META_TABLE, SCHEMA_VERSION

FORMAT = "piptui-programme-export"
VERSION = 1  # of this export format; a newer piptui that changes it raises the number
BOOKKEEPING = frozenset({EVENTS, META_TABLE})  # never exported, refused on import
MAX_IMPORT_BYTES = 8_000_000  # 5,000 cards are 1.4 MB; a PIP programme holds a few hundred
# a control character as JSON writes it (\\u001b), or raw (DEL, a C1 in UTF-8): only then is each text looked at
_MAYBE_CONTROL = re.compile(rb"\\u00[0-9a-fA-F]{2}|\\[bfr]|[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
MAX_DEPTH = 64  # nesting levels; a programme needs 6 (tables > cards > card > tags > tag)


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
    try:
        document = orjson.loads(blob)
    except orjson.JSONDecodeError as exc:
        raise BadExportFile(f"{source} is not valid JSON ({exc}); nothing was imported") from None
    deep = too_deep(document, MAX_DEPTH)
    if deep is not None:
        raise BadExportFile(
            f"{source}: {deep} is nested more than {MAX_DEPTH} levels deep (a programme needs 6); nothing was imported"
        )
    twice = _duplicated_keys(blob)
    if twice:
        raise BadExportFile(f"{source}: {twice}; nothing was imported")
    if not isinstance(document, dict):
        raise BadExportFile(f"{source} is not a piptui export (its top level is not an object); nothing was imported")
    return _check_document(document, source, controls=bool(_MAYBE_CONTROL.search(blob)))


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
    problems = check_tables(tables, forbidden=BOOKKEEPING, controls=controls)
    if problems:
        shown = problems[:6]
        more = f"\n  ... and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
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

"""The JSON export: a complete, versioned copy of one programme (a backup), and reading it back.

Every table of the programme file goes in as it is (unknown tables and fields too), except
the file's bookkeeping: the undo log (``events``) and ``_meta``. Confidential cards are kept,
marked ``"confidential": true``. Keys are sorted and the text indented, so the same
programme always gives the same bytes and two exports diff line by line.
See ``docs/session-format.md``.
"""

from __future__ import annotations

import json
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
MAX_IMPORT_BYTES = 32_000_000  # 5,000 cards are 1.4 MB
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
    if blob.startswith(b"\xef\xbb\xbf"):
        blob = blob[3:]  # a byte-order mark some editors add
    if not blob.strip():
        raise BadExportFile(f"{source} is empty: it is not a piptui export; nothing was imported")
    if len(blob) > MAX_IMPORT_BYTES:
        raise BadExportFile(
            f"{source} is too large ({len(blob) / 1e6:.0f} MB; an export holds at most "
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
    return _check_document(document, source)


def _check_document(document: dict[str, Any], source: str) -> ProgrammeExport:
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
    problems = check_tables(tables, forbidden=BOOKKEEPING)
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
    parsed = json.loads(blob, object_pairs_hook=_pairs)
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), parsed)]
    while stack:
        at, value = stack.pop()
        if isinstance(value, _Object):
            if value.twice:
                return f'{_where(at)} gives the key "{value.twice[0]}" twice (a duplicated id?)'
            stack += [((*at, k), v) for k, v in value.items() if isinstance(v, dict | list)]
        elif isinstance(value, list):
            stack += [((*at, i), v) for i, v in enumerate(value) if isinstance(v, dict | list)]
    return None


def too_deep(document: Any, limit: int) -> str | None:
    """Where ``document`` nests deeper than ``limit`` (``tables.cards.ab12.extra[0]``), or None."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), document)]
    while stack:
        at, value = stack.pop()
        if len(at) >= limit:
            return _where(at)
        if isinstance(value, dict):
            stack += [((*at, k), v) for k, v in value.items() if isinstance(v, dict | list)]
        elif isinstance(value, list):
            stack += [((*at, i), v) for i, v in enumerate(value) if isinstance(v, dict | list)]
    return None


def _where(at: tuple[str | int, ...]) -> str:
    if not at:
        return "the file"
    text = ""
    for part in at:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text

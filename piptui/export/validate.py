"""Checking the tables of an imported programme against the entities they hold. Pure.

Known tables (the programme header and every table in ``piptui.store.batch.TABLES``,
so a table another part of piptui registers is checked too) must hold documents whose
known fields have the right types and whose required fields are there. Unknown fields and
unknown tables are kept as they are, as the store keeps them; they must still be objects.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Collection
from enum import Enum
from typing import Any

from piptui.domain.model import Programme, Session
from piptui.domain.text_rules import control_problem
from piptui.store.batch import entity_classes
from piptui.store.programme_file import PROGRAMME_KEY, PROGRAMME_TABLE
from piptui.store.shape import record_check

DERIVED = frozenset({"id", "card_ids"})  # the id is the document's key; a cluster's cards come from the cards
MAX_PROBLEMS = 50


def entity_tables() -> dict[str, type]:
    tables = {table: cls for cls, table in entity_classes().items()}
    tables[PROGRAMME_TABLE] = Programme
    return tables


def check_tables(tables: dict[str, Any], *, forbidden: Collection[str] = (), controls: bool = True) -> list[str]:
    """Every problem found, each naming where it is (``tables.cards["ab12"].tags[0]``).

    ``controls``: look for control characters in the texts (False when the caller knows there
    are none). Each document is first checked by the store's compiled check (what the store
    itself refuses at open); only one that fails it is looked at field by field, for every
    problem it has."""
    problems: list[str] = []
    known = entity_tables()
    for name, docs in tables.items():
        where = f"tables.{name}"
        if name in forbidden:
            problems.append(f"{where}: this table is the programme file's own bookkeeping, not part of an export")
            continue
        if not isinstance(docs, dict):
            problems.append(f"{where}: must be an object of documents keyed by id, not {_kind(docs)}")
            continue
        cls = known.get(name)
        fast = record_check(cls) if cls is not None else None
        for doc_id, doc in docs.items():
            at = f"{where}[{json.dumps(doc_id)}]"
            if not doc_id.strip():
                problems.append(f"{at}: an id cannot be empty")
            if not isinstance(doc, dict):
                problems.append(f"{at}: must be an object, not {_kind(doc)}")
            else:
                if controls:
                    problems += control_characters(doc, at)
                first = fast(doc) if fast is not None else None
                if cls is not None and first is not None:
                    problems += check_fields(cls, doc, at) or [f"{at}{first[0]}: {first[1]}"]
                if cls is Session and _is_int(doc.get("number")) and str(doc["number"]) != doc_id:
                    problems.append(f"{at}: a session is keyed by its number, but its number is {doc['number']}")
        if len(problems) >= MAX_PROBLEMS:
            break
    header = tables.get(PROGRAMME_TABLE)
    if not isinstance(header, dict) or not isinstance(header.get(PROGRAMME_KEY), dict):
        problems.insert(0, f'tables.{PROGRAMME_TABLE}["{PROGRAMME_KEY}"]: the programme header is missing')
    return problems


def control_characters(doc: dict[str, Any], where: str) -> list[str]:
    """Text may hold newline and tab, no other control character: each one found, at its place."""
    problems: list[str] = []
    stack: list[tuple[str, Any]] = [(f"{where}.{k}", v) for k, v in doc.items()]
    while stack:
        at, value = stack.pop()
        if isinstance(value, str):
            problem = control_problem(value)
            if problem is not None:
                problems.append(f"{at}: {problem}")
        elif isinstance(value, dict):
            stack += [(f"{at}.{k}", v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [(f"{at}[{i}]", v) for i, v in enumerate(value)]
    return sorted(problems)


def check_fields(cls: type, doc: dict[str, Any], where: str) -> list[str]:
    """Problems with the fields ``cls`` knows in ``doc`` (other fields are allowed)."""
    hints = _hints(cls)
    problems: list[str] = []
    for f in dataclasses.fields(cls):
        if f.name in DERIVED:
            continue
        if f.name not in doc:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                problems.append(f'{where}: the field "{f.name}" is missing')
            continue
        problems += _check(hints[f.name], doc[f.name], f"{where}.{f.name}")
    return problems


def _check(tp: Any, value: Any, where: str) -> list[str]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return []
        options = [a for a in args if a is not type(None)]
        results = [_check(a, value, where) for a in options]
        return [] if any(not r for r in results) else results[0]
    if origin is tuple:
        if not isinstance(value, list):
            return [f"{where}: expected a list, got {_kind(value)}"]
        inner = typing.get_args(tp)[0]
        out: list[str] = []
        for i, item in enumerate(value):
            out += _check(inner, item, f"{where}[{i}]")
        return out
    if tp is Any:
        return []
    if isinstance(tp, type) and issubclass(tp, Enum):
        allowed = [m.value for m in tp]  # type: ignore[var-annotated]
        if value not in allowed:
            return [f"{where}: {_show(value)} is not one of {', '.join(map(str, allowed))}"]
        return []
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {_kind(value)}"]
        return check_fields(tp, value, where)
    expected = _EXPECTED.get(tp)
    if expected is not None and not expected[1](value):
        return [f"{where}: expected {expected[0]}, got {_kind(value)}"]
    return []


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_EXPECTED: dict[Any, tuple[str, typing.Callable[[object], bool]]] = {
    str: ("text", lambda v: isinstance(v, str)),
    bool: ("true or false", lambda v: isinstance(v, bool)),
    int: ("a whole number", _is_int),
    float: ("a number", lambda v: isinstance(v, int | float) and not isinstance(v, bool)),
}


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {_show(value)}"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]

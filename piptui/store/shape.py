"""The shape of the records in a programme file, checked whenever the file is parsed.

A file that parses but holds a record of the wrong shape (a card that is a string, text that
is a number, tags that are not a list, an unknown sector, a missing text, ``_meta.seq`` that
is not a number, a timer of 1e308 seconds) is refused with one line naming the file, the
table, the record and the field, before any screen or command trips over it.

Each entity class's fields are compiled once into small checks. Records equal to the ones
of the previous parse are not checked again (a dict comparison, in C), so re-reading a big
file after another process added a card costs little more than parsing it.
"""

from __future__ import annotations

import dataclasses
import json
import math
import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from functools import cache
from importlib import import_module
from typing import Any

# (where inside the value, what is wrong) or None when the value is fine
Check = Callable[[Any], tuple[str, str] | None]

MAX_NUMBER = 1e12  # seconds, positions, counts: none comes near (1e12 s is 31,000 years)
MAX_INT = 2**53
MAX_DEPTH = 64  # nesting levels of the whole file (a table, a record, its fields): orjson writes up to 254
DERIVED = frozenset({"id", "card_ids"})  # the id is the document's key; a cluster's cards come from the cards
PROGRAMME = "piptui.domain.model.Programme"


def kind(value: object) -> str:
    """A value as a person would name it: ``the text "x"``, ``the number 5``, ``a list``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {show(value)}"
    if isinstance(value, list):
        return "a list"
    return "an object"


def show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:37] + "..."


def _text(value: Any) -> tuple[str, str] | None:
    return None if isinstance(value, str) else ("", f"expected text, got {kind(value)}")


def _bool(value: Any) -> tuple[str, str] | None:
    return None if isinstance(value, bool) else ("", f"expected true or false, got {kind(value)}")


def _int(value: Any) -> tuple[str, str] | None:
    if not isinstance(value, int) or isinstance(value, bool):
        return ("", f"expected a whole number, got {kind(value)}")
    return None if -MAX_INT <= value <= MAX_INT else ("", f"the number {value} is out of range")


def _float(value: Any) -> tuple[str, str] | None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return ("", f"expected a number, got {kind(value)}")
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        return ("", f"the number {value} is out of range (at most {MAX_NUMBER:.0e})")
    return None


def _any(value: Any) -> None:
    return None


def _compile(tp: Any) -> Check:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        options = [_compile(a) for a in args if a is not type(None)]
        nullable = type(None) in args

        def union(value: Any) -> tuple[str, str] | None:
            if value is None and nullable:
                return None
            first = None
            for check in options:
                problem = check(value)
                if problem is None:
                    return None
                first = first or problem
            return first

        return union
    if origin is tuple:
        item = _compile((typing.get_args(tp) or (Any,))[0])

        def sequence(value: Any) -> tuple[str, str] | None:
            if not isinstance(value, list):
                return ("", f"expected a list, got {kind(value)}")
            for i, v in enumerate(value):
                problem = item(v)
                if problem is not None:
                    return (f"[{i}]{problem[0]}", problem[1])
            return None

        return sequence
    if isinstance(tp, type) and issubclass(tp, Enum):
        allowed = frozenset(m.value for m in tp)  # type: ignore[var-annotated]
        listed = ", ".join(sorted(allowed))

        def enum(value: Any) -> tuple[str, str] | None:
            if isinstance(value, str) and value in allowed:
                return None
            return ("", f"{show(value)} is not one of {listed}")

        return enum
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        record = record_check(tp)

        def nested(value: Any) -> tuple[str, str] | None:
            if not isinstance(value, dict):
                return ("", f"expected an object, got {kind(value)}")
            return record(value)

        return nested
    return {str: _text, bool: _bool, int: _int, float: _float}.get(tp, _any)


@cache
def record_check(cls: type) -> Callable[[Mapping[str, Any]], tuple[str, str] | None]:
    """The check of one stored document of ``cls`` (a dict): its first problem, or None."""
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, bool, Check]] = []
    for f in dataclasses.fields(cls):
        if f.name in DERIVED:
            continue
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        plan.append((f.name, required, _compile(hints[f.name])))

    def check(doc: Mapping[str, Any]) -> tuple[str, str] | None:
        for name, required, field_check in plan:
            if name not in doc:
                if required:
                    return (f".{name}", "missing")
                continue
            problem = field_check(doc[name])
            if problem is not None:
                return (f".{name}{problem[0]}", problem[1])
        return None

    return check


@cache
def entity_class(qualified: str) -> type:
    module, _, name = qualified.rpartition(".")
    return typing.cast(type, getattr(import_module(module), name))


def _event(doc: Mapping[str, Any]) -> tuple[str, str] | None:
    for name in ("seq", "applied"):
        problem = _int(doc.get(name))
        if problem is not None:
            return (f".{name}", "missing" if name not in doc else problem[1])
    if doc.get("undone") is not None and _int(doc["undone"]) is not None:
        return (".undone", f"expected a whole number or null, got {kind(doc['undone'])}")
    changes = doc.get("changes")
    if not isinstance(changes, list):
        return (".changes", f"expected a list, got {kind(changes)}")
    for i, change in enumerate(changes):
        ok = isinstance(change, list) and len(change) == 4 and all(isinstance(x, str) for x in change[:2])
        if not ok or not all(x is None or isinstance(x, dict) for x in change[2:]):
            return (f".changes[{i}]", "expected [table, id, before, after]")
    return None


def too_deep(doc: Mapping[str, Any], limit: int) -> str | None:
    """Where inside ``doc`` values nest deeper than ``limit`` (``.extra[0].x``), or None."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((k,), v) for k, v in doc.items() if isinstance(v, dict | list)]
    while stack:
        at, value = stack.pop()
        if len(at) > limit:
            return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in at)
        if isinstance(value, dict):
            stack += [((*at, k), v) for k, v in value.items() if isinstance(v, dict | list)]
        elif isinstance(value, list):
            stack += [((*at, i), v) for i, v in enumerate(value) if isinstance(v, dict | list)]
    return None


def first_problem(
    data: Mapping[str, Mapping[str, Any]],
    tables: Mapping[str, str],
    *,
    previous: Mapping[str, Mapping[str, Any]] | None = None,
    meta: tuple[str, str] = ("_meta", "piptui"),
    programme: tuple[str, str] = ("programme", "programme"),
    events: str = "events",
) -> str | None:
    """Where the first record of the wrong shape is and what is wrong (``cards["ab12"].tags: expected
    a list, got the text "x"``), or None. ``tables`` names each entity table's class (qualified name);
    records equal to those of ``previous`` are taken as checked."""
    meta_doc = data.get(meta[0], {}).get(meta[1], {})
    if isinstance(meta_doc, dict) and "seq" in meta_doc and _int(meta_doc["seq"]) is not None:
        return f'{meta[0]}["{meta[1]}"].seq: expected a whole number, got {kind(meta_doc["seq"])}'
    old = previous or {}
    for table, docs in data.items():
        if table == meta[0]:
            continue
        if table == programme[0]:
            checks: Callable[[Mapping[str, Any]], tuple[str, str] | None] | None = record_check(entity_class(PROGRAMME))
        elif table == events:
            checks = _event
        elif table in tables:
            checks = record_check(entity_class(tables[table])) if docs else None
        else:
            checks = None
        before = old.get(table) or {}
        for doc_id, doc in docs.items():
            if not isinstance(doc, dict):
                return f"{table}[{show(doc_id)}]: expected an object, got {kind(doc)}"
            if before.get(doc_id) == doc:
                continue
            deep = too_deep(doc, MAX_DEPTH - 2)
            if deep is not None:
                return f"{table}[{show(doc_id)}]{deep}: nested more than {MAX_DEPTH} levels deep"
            if checks is None:
                continue
            problem = checks(doc)
            if problem is not None:
                where, what = problem
                return f"{table}[{show(doc_id)}]{where}: {what}"
            if table == "sessions" and str(doc.get("number")) != doc_id:
                number = show(doc.get("number"))
                return f"{table}[{show(doc_id)}].number: a session is keyed by its number, but its number is {number}"
        if table == programme[0] and programme[1] not in docs:
            return f'{table}["{programme[1]}"]: the programme header is missing'
    if programme[0] not in data:
        return f'{programme[0]}["{programme[1]}"]: the programme header is missing'
    return None

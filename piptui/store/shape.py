"""The shape of the records in a programme file: the one set of rules, used when the store
opens a file (:func:`first_problem`) and when ``piptui import`` checks an export
(:func:`table_problems`).

A file that parses but holds a record of the wrong shape (a card that is a string, text that
is a number, tags that are not a list, an unknown sector, a missing text, ``_meta.seq`` that
is not a number, a timer of 1e308 seconds) is refused with one line naming the file, the
table, the record and the field, before any screen or command trips over it. An import lists
its problems (up to ``MAX_PROBLEMS``, counting the rest), each at its place.

Each entity class's fields are compiled once into small checks. Records equal to the ones
of the previous parse are not checked again (a dict comparison, in C), so re-reading a big
file after another process added a card costs little more than parsing it.
"""

from __future__ import annotations

import dataclasses
import json
import math
import sys
import types
import typing
from collections.abc import Callable, Collection, Mapping
from enum import Enum
from functools import cache
from importlib import import_module
from typing import Any

from piptui.domain.text_rules import control_problem, first_control

# (where inside the value, what is wrong) or None when the value is fine
Check = Callable[[Any], tuple[str, str] | None]

MAX_NUMBER = 1e12  # seconds, positions, counts: none comes near (1e12 s is 31,000 years)
MAX_INT = 2**53
MAX_DEPTH = 64  # nesting levels of the whole file (a table, a record, its fields): orjson writes up to 254
DERIVED = frozenset({"id", "card_ids"})  # the id is the document's key; a cluster's cards come from the cards
PROGRAMME = "piptui.domain.model.Programme"
MISSING = "missing"  # what a required field that is not there gets
MAX_PROBLEMS = 50  # problems an import lists (the rest are counted)


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
        inner = (typing.get_args(tp) or (Any,))[0]
        item, fine = _compile(inner), _always_fine(inner)

        def sequence(value: Any) -> tuple[str, str] | None:
            if not isinstance(value, list):
                return ("", f"expected a list, got {kind(value)}")
            if fine and all(type(v) in fine for v in value):
                return None  # tags: every one text
            for i, v in enumerate(value):
                problem = item(v)
                if problem is not None:
                    return (f"[{i}]{problem[0]}", problem[1])
            return None

        return sequence
    if isinstance(tp, type) and issubclass(tp, Enum):
        values = [m.value for m in tp]  # type: ignore[var-annotated]
        allowed = frozenset(values)
        listed = ", ".join(values)  # in the order the model gives them

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


def _always_fine(tp: Any) -> frozenset[type]:
    """The value types that need no check for a field of type ``tp`` (text is always text, a
    flag a flag): the record check skips the call for them. Numbers have a range, so none."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        none: frozenset[type] = frozenset({type(None)}) if type(None) in args else frozenset()
        return none.union(*(_always_fine(a) for a in args if a is not type(None)))
    return _FINE.get(tp, frozenset())


_FINE: dict[Any, frozenset[type]] = {str: frozenset({str}), bool: frozenset({bool})}
_ABSENT = object()
Plan = tuple[tuple[str, bool, frozenset[type], Check], ...]


@cache
def _evaluated(annotation: str, module: str) -> Any:
    """A field's annotation (text, under ``from __future__ import annotations``) as a type, once per
    text and module: ``typing.get_type_hints`` compiles each field's text again (85 fields, 16
    texts: part of the first read, before the first frame). Equal to its result (tests/test_shape_types.py)."""
    return eval(annotation, vars(sys.modules[module]))  # our own classes' annotations, as typing does


def field_types(cls: type) -> dict[str, Any]:
    """Each dataclass field of ``cls`` and its type, as ``typing.get_type_hints(cls)`` gives them."""
    owner: dict[str, str] = {}  # field -> the module of the class that annotated it
    for klass in reversed(cls.__mro__):
        for name in vars(klass).get("__annotations__", {}):
            owner[name] = klass.__module__
    return {
        f.name: _evaluated(f.type, owner.get(f.name, cls.__module__)) if isinstance(f.type, str) else f.type
        for f in dataclasses.fields(cls)
    }


@cache
def _plan(cls: type) -> Plan:
    """Each field of ``cls`` a document stores: its name, whether it is required, the types that
    need no check, its check."""
    hints = field_types(cls)
    plan: list[tuple[str, bool, frozenset[type], Check]] = []
    for f in dataclasses.fields(cls):
        if f.name in DERIVED:
            continue
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        plan.append((f.name, required, _always_fine(hints[f.name]), _compile(hints[f.name])))
    return tuple(plan)


@cache
def record_check(cls: type) -> Callable[[Mapping[str, Any]], tuple[str, str] | None]:
    """The check of one stored document of ``cls`` (a dict): its first problem, or None."""
    plan = _plan(cls)

    def check(doc: Mapping[str, Any]) -> tuple[str, str] | None:
        get = doc.get
        for name, required, fine, field_check in plan:
            value = get(name, _ABSENT)
            if type(value) in fine:
                continue
            if value is _ABSENT:
                if required:
                    return (f".{name}", MISSING)
                continue
            problem = field_check(value)
            if problem is not None:
                return (f".{name}{problem[0]}", problem[1])
        return None

    return check


def record_problems(cls: type, doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every field of ``doc`` that is wrong, one problem each (to list them all, not just the first)."""
    problems: list[tuple[str, str]] = []
    for name, required, _fine, field_check in _plan(cls):
        if name not in doc:
            if required:
                problems.append((f".{name}", MISSING))
            continue
        problem = field_check(doc[name])
        if problem is not None:
            problems.append((f".{name}{problem[0]}", problem[1]))
    return problems


def session_key_problem(doc_id: str, doc: Mapping[str, Any]) -> str | None:
    """A session is keyed by its number: what is wrong when it is not."""
    if str(doc.get("number")) == doc_id:
        return None
    return f"a session is keyed by its number, but its number is {show(doc.get('number'))}"


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
    level = [v for v in doc.values() if isinstance(v, dict | list)]  # first, level by level without paths:
    for _depth in range(limit):  # 4x faster on a programme's 67,000 records (bench findings)
        level = [x for v in level for x in (v.values() if isinstance(v, dict) else v) if isinstance(x, dict | list)]
        if not level:
            return None
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
            keyed = session_key_problem(doc_id, doc) if table == "sessions" else None
            if keyed is not None:
                return f"{table}[{show(doc_id)}].number: {keyed}"
        if table == programme[0] and programme[1] not in docs:
            return f'{table}["{programme[1]}"]: the programme header is missing'
    if programme[0] not in data:
        return f'{programme[0]}["{programme[1]}"]: the programme header is missing'
    return None


# -- an import's listing: every problem at its place ----------------------------------------
def table_problems(
    tables: Mapping[str, Any],
    classes: Mapping[str, str],
    *,
    forbidden: Collection[str] = (),
    controls: bool = True,
    programme: tuple[str, str] = ("programme", "programme"),
    prefix: str = "tables",
) -> tuple[list[str], int]:
    """The problems of an export's tables, each at its place (``tables.cards["ab12"].tags[0]: ...``),
    by the rules the store opens a file with; and how many more records have problems past the
    first ``MAX_PROBLEMS`` (counted, not described). ``classes`` names each entity table's class
    (qualified name); ``controls``: look for control characters in the texts (False when the
    caller knows there are none). One pass over the records; each is checked by the compiled
    check first, and only one that fails is looked at field by field."""
    problems: list[str] = []
    more = 0
    for name, docs in tables.items():
        where = f"{prefix}.{name}"
        if name in forbidden:
            problems.append(f"{where}: this table is the programme file's own bookkeeping, not part of an export")
            continue
        if not isinstance(docs, dict):
            problems.append(f"{where}: must be an object of documents keyed by id, not {kind(docs)}")
            continue
        qualified = PROGRAMME if name == programme[0] else classes.get(name)
        cls = entity_class(qualified) if qualified is not None else None
        check = record_check(cls) if cls is not None else None
        for doc_id, doc in docs.items():
            is_doc = type(doc) is dict
            wrong = not is_doc or not doc_id.strip()
            wrong = wrong or (check is not None and check(doc) is not None)
            wrong = wrong or (controls and holds_control(doc))
            wrong = wrong or (name == "sessions" and _is_number(doc.get("number")) and str(doc["number"]) != doc_id)
            if not wrong:
                continue
            if len(problems) >= MAX_PROBLEMS:
                more += 1
                continue
            problems += _doc_problems(cls, f"{where}[{json.dumps(doc_id)}]", doc_id, doc, controls=controls)
            if name == "sessions" and is_doc and _is_number(doc.get("number")):
                keyed = session_key_problem(doc_id, doc)
                problems += [f"{where}[{json.dumps(doc_id)}]: {keyed}"] if keyed else []
    header = tables.get(programme[0])
    if not isinstance(header, dict) or not isinstance(header.get(programme[1]), dict):
        problems.insert(0, f'{prefix}.{programme[0]}["{programme[1]}"]: the programme header is missing')
    return problems, more


def _is_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _doc_problems(cls: type | None, at: str, doc_id: str, doc: Any, *, controls: bool) -> list[str]:
    problems: list[str] = []
    if not doc_id.strip():
        problems.append(f"{at}: an id cannot be empty")
    if type(doc) is not dict:
        return [*problems, f"{at}: must be an object, not {kind(doc)}"]
    if controls:
        problems += control_characters(doc, at)
    for where, what in record_problems(cls, doc) if cls is not None else ():
        if what == MISSING:  # at the record: the field "text" is missing
            inside, _, field = where.rpartition(".")
            problems.append(f'{at}{inside}: the field "{field}" is missing')
        else:
            problems.append(f"{at}{where}: {what}")
    return problems


def holds_control(doc: Any) -> bool:
    """Whether any text in ``doc`` holds a control character other than newline and tab."""
    stack = [doc]
    while stack:
        value = stack.pop()
        for v in value.values() if type(value) is dict else value:
            t = type(v)
            if t is str:
                if not v.isprintable() and first_control(v) is not None:
                    return True
            elif t is dict or t is list:
                stack.append(v)
    return False


def control_characters(doc: Mapping[str, Any], where: str) -> list[str]:
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

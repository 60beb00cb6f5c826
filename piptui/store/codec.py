"""Domain dataclasses to and from the plain documents stored in the programme file.

Documents are keyed by the entity's id in their table, so ``id`` is not repeated
inside them. Fields the code does not know (written by a newer piptui or by hand)
are kept: :func:`merge` lays the encoded fields over the stored document.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from enum import Enum
from functools import cache
from typing import Any, TypeVar, cast

T = TypeVar("T")


def encode(obj: Any) -> Any:
    """A dataclass (or value) as JSON-ready plain data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: encode(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.name != "id"}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, tuple | list):
        return [encode(v) for v in obj]
    return obj


Converter = Callable[[Any], Any] | None


def _converter(tp: Any) -> Converter:
    """How a stored value of type ``tp`` becomes the field's value (None: as it is)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(args[0]) if len(args) == 1 else None
    if origin is tuple:
        item = _converter((typing.get_args(tp) or (Any,))[0])
        return tuple if item is None else (lambda v: tuple(item(x) for x in v))
    if isinstance(tp, type):
        if issubclass(tp, Enum):
            return tp
        if dataclasses.is_dataclass(tp):
            return lambda v: decode(tp, v)
        if tp is float:
            return lambda v: float(v) if isinstance(v, int) else v
    return None


@cache
def _plan(cls: Any) -> tuple[tuple[tuple[str, Converter], ...], bool]:
    """Each field of ``cls`` but ``id`` with its converter, worked out once; and whether it has ``id``."""
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    plan = tuple((f.name, _converter(hints[f.name])) for f in fields if f.name != "id")
    return plan, any(f.name == "id" for f in fields)


def decode(cls: type[T], doc: Mapping[str, Any], doc_id: str | None = None) -> T:
    """Build ``cls`` from a stored document, ignoring fields it does not know."""
    plan, has_id = _plan(cast(Any, cls))
    kwargs: dict[str, Any] = {"id": doc_id} if has_id and doc_id is not None else {}
    for name, convert in plan:
        if name in doc:
            value = doc[name]
            kwargs[name] = value if convert is None or value is None else convert(value)
    return cls(**kwargs)


def merge(stored: dict[str, Any] | None, obj: Any) -> dict[str, Any]:
    """A new document: ``obj`` encoded over the stored one, so unknown fields survive."""
    encoded: dict[str, Any] = encode(obj)
    if not stored:
        return encoded
    return {**stored, **encoded}

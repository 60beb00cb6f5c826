"""Domain dataclasses to and from the plain documents stored in the programme file.

Documents are keyed by the entity's id in their table, so ``id`` is not repeated
inside them. Fields the code does not know (written by a newer piptui or by hand)
are kept: :func:`merge` lays the encoded fields over the stored document.
"""

from __future__ import annotations

import dataclasses
import types
import typing
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


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        (inner, *_rest) = typing.get_args(tp) or (Any,)
        return tuple(_convert(inner, v) for v in value)
    if isinstance(tp, type):
        if issubclass(tp, Enum):
            return tp(value)
        if dataclasses.is_dataclass(tp):
            return decode(tp, value)
        if tp is float and isinstance(value, int):
            return float(value)
    return value


def decode(cls: type[T], doc: dict[str, Any], doc_id: str | None = None) -> T:
    """Build ``cls`` from a stored document, ignoring fields it does not know."""
    hints = _hints(cast(Any, cls))
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name == "id" and doc_id is not None:
            kwargs["id"] = doc_id
        elif f.name in doc:
            kwargs[f.name] = _convert(hints[f.name], doc[f.name])
    return cls(**kwargs)


def merge(stored: dict[str, Any] | None, obj: Any) -> dict[str, Any]:
    """A new document: ``obj`` encoded over the stored one, so unknown fields survive."""
    encoded: dict[str, Any] = encode(obj)
    if not stored:
        return encoded
    return {**stored, **encoded}

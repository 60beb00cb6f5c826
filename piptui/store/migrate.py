"""Schema 1 -> 2: ids written as the UUID's integer, so plain TinyDB can read a programme.

Schema 1 wrote every id as the UUID's 32 hex digits; TinyDB reads a document's key as an
integer (``int(key)``) and failed. Schema 2 writes the same UUID as its integer in decimal:
``str(int(hex, 16))``. Identity is kept: every id becomes the same number, everywhere it
appears (document keys, references such as a card's cluster, an objective's clusters, the
undo history's before and after). A schema-1 file is migrated on its first write, in that
one atomic write; until then it is read as it is.

An id read from a schema-1 file before another process migrated it still finds its record
(:func:`current_key`), so a screen that was open across the migration keeps working.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

LEGACY = re.compile(r"[0-9a-f]{32}")
KEEP_KEYS = frozenset({"_meta", "programme", "sessions"})  # tables not keyed by UUIDs


def decimal(legacy: str) -> str:
    return str(int(legacy, 16))


def schema_of(data: Mapping[str, Mapping[str, Any]]) -> int:
    meta = data.get("_meta", {}).get("piptui", {})
    version = meta.get("schema", 1) if isinstance(meta, dict) else 1
    return version if isinstance(version, int) else 1


def migrate_ids(data: dict[str, dict[str, Any]], *, schema: int = 2) -> dict[str, dict[str, Any]]:
    """The same programme with every schema-1 (hex) id as its integer, marked ``schema``."""
    from piptui.domain.voting import vote_id  # only here: opening a programme need not import voting

    mapping = {
        key: decimal(key)
        for table, docs in data.items()
        if table not in KEEP_KEYS
        for key in docs
        if LEGACY.fullmatch(key)
    }
    for key, vote in data.get("votes", {}).items():  # a vote's id is made from its voter and cluster
        voter, cluster = (vote.get("voter"), vote.get("cluster")) if isinstance(vote, dict) else (None, None)
        if isinstance(voter, str) and isinstance(cluster, str):
            mapping[key] = vote_id(mapping.get(voter, voter), mapping.get(cluster, cluster))

    def convert(value: Any) -> Any:
        if isinstance(value, str):
            return mapping.get(value, value)
        if isinstance(value, list):
            return [convert(v) for v in value]
        if isinstance(value, dict):
            return {mapping.get(k, k): convert(v) for k, v in value.items()}
        return value

    out: dict[str, dict[str, Any]] = {}
    for table, docs in data.items():
        if table == "_meta":
            out[table] = dict(docs)
            continue
        out[table] = {mapping.get(k, k): convert(v) for k, v in docs.items()}
    meta = dict(out.get("_meta", {}).get("piptui", {}))
    meta["schema"] = schema
    out.setdefault("_meta", {})["piptui"] = meta
    return out


def current_key(docs: Mapping[str, Any], key: str) -> str:
    """``key`` as the table holds it: itself, or (an id read before the file was migrated) its integer."""
    if key in docs or not LEGACY.fullmatch(key):
        return key
    new = decimal(key)
    return new if new in docs else key


def current_reference(data: Mapping[str, Mapping[str, Any]], value: Any) -> Any:
    """A reference (or list of them) written with a pre-migration id, as the file now holds it."""
    if isinstance(value, str):
        if not LEGACY.fullmatch(value):
            return value
        new = decimal(value)
        return new if any(new in docs for t, docs in data.items() if t not in KEEP_KEYS) else value
    if isinstance(value, list):
        return [current_reference(data, v) for v in value]
    return value

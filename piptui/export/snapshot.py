"""One consistent picture of a programme, decoded from a single read of its file.

Exports never read the store twice: the caller takes ``store.raw()`` once (a whole
file, even while others write) and every format is built from that one dict. This module
turns it into sorted, typed entities, so the same data always gives the same order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from piptui.domain.model import Sector
from piptui.domain.plan import in_order
from piptui.store.snapshot import Snapshot, decode_snapshot

__all__ = ["SECTOR_ORDER", "Data", "Snapshot", "read_snapshot"]

Data = Mapping[str, Mapping[str, Any]]
SECTOR_ORDER: dict[Sector, int] = {s: n for n, s in enumerate(Sector)}


def read_snapshot(data: Data) -> Snapshot:
    """The raw programme file (``store.raw()``) as the store's :class:`Snapshot`, each list in
    an export's one stable order."""
    snap = decode_snapshot(data)
    return replace(
        snap,
        participants=tuple(
            sorted(snap.participants, key=lambda p: (SECTOR_ORDER[p.sector], p.name.casefold(), p.name, p.id))
        ),
        objectives=tuple(sorted(snap.objectives, key=lambda o: (o.plan, o.position, o.created, o.id))),
        actions=tuple(in_order(list(snap.actions))),
    )

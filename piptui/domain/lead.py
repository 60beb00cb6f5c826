"""Who leads the room: whether a recorded lead is still there. Pure (the caller says which
processes are alive).

One terminal leads: the wall and the note-takers follow its session, step and timer. The lead's
terminal renews ``Lead.heartbeat`` every :data:`HEARTBEAT_SECONDS`. A lead is gone when its
heartbeat is older than :data:`STALE_SECONDS` (a terminal on another machine that stopped), or
at once when it ran on this host and its process is no longer alive (a closed or killed terminal).
"""

from __future__ import annotations

from collections.abc import Callable

from piptui.domain.model import Lead

HEARTBEAT_SECONDS = 5.0
STALE_SECONDS = 15.0


def lead_alive(lead: Lead | None, *, now: float, host: str, pid_alive: Callable[[int], bool]) -> bool:
    """Whether ``lead`` still leads: a fresh heartbeat and, on this host, a live process."""
    if lead is None:
        return False
    if now - lead.heartbeat > STALE_SECONDS:
        return False
    return not (lead.host == host and not pid_alive(lead.pid))


def lead_line(lead: Lead | None, *, mine: bool = False) -> str:
    """What a facilitator's screen says about the lead."""
    if lead is None:
        return "Nobody leads the room"
    if mine:
        return "You lead the room: the wall and the note-takers follow you"
    return f"{lead.person or 'Someone'} leads the room"

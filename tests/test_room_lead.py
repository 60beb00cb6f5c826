"""One terminal leads the room: taking the lead, keeping it, and a lead that has gone."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from piptui.domain.lead import STALE_SECONDS, lead_alive
from piptui.domain.model import Lead
from piptui.errors import InvalidInput
from piptui.store import SessionStore
from piptui.store.room_ops import RoomLead, live_lead


def test_a_lead_is_gone_when_its_heartbeat_is_stale_or_its_process_died() -> None:
    lead = Lead(person="Sue", pid=123, host="here", heartbeat=1000.0)
    assert lead_alive(lead, now=1001.0, host="here", pid_alive=lambda pid: True)
    assert not lead_alive(lead, now=1001.0, host="here", pid_alive=lambda pid: False)
    assert lead_alive(lead, now=1001.0, host="elsewhere", pid_alive=lambda pid: False)  # not ours to check
    assert not lead_alive(lead, now=1000.0 + STALE_SECONDS + 1, host="elsewhere", pid_alive=lambda pid: True)
    assert not lead_alive(None, now=0.0, host="here", pid_alive=lambda pid: True)


def test_taking_the_lead_moves_the_room_and_the_old_lead_knows(programme_file: Path) -> None:
    with SessionStore(programme_file) as a, SessionStore(programme_file) as b:
        sue, nigel = RoomLead(a, "Sue"), RoomLead(b, "Nigel", pid=os.getppid())  # another terminal
        assert sue.claim_if_free(1) and sue.leading()
        assert not nigel.claim_if_free(2)  # someone leads: browsing does not move the room
        assert a.programme().current_session == 1
        before = nigel.take(2)
        assert before is not None and before.person == "Sue"
        assert a.programme().current_session == 2 and not sue.leading() and nigel.leading()
        assert not sue.beat()  # the old lead's heartbeat writes nothing
        assert nigel.beat()
        with pytest.raises(InvalidInput, match="no session 9"):
            nigel.take(9)
        nigel.release()
        assert live_lead(a.programme()) is None
        assert a.undo() is None  # none of it is anyone's undo


def test_a_killed_terminal_releases_the_room(programme_file: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with SessionStore(programme_file) as store:
            dead = RoomLead(store, "Sue", pid=child.pid)
            assert dead.claim_if_free(1)
            other = RoomLead(store, "Nigel")
            assert not other.claim_if_free()
            child.kill()
            child.wait()
            started = time.monotonic()
            assert live_lead(store.programme()) is None  # noticed at once: same host, no such process
            assert time.monotonic() - started < 1.0
            assert other.claim_if_free(2) and store.programme().lead.person == "Nigel"  # type: ignore[union-attr]
    finally:
        if child.poll() is None:
            child.kill()

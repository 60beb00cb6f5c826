"""Leading the room from one terminal: take the lead, keep it (a heartbeat), give it up.

The lead is recorded in the programme header (``Programme.lead``) with the person, the
process id and host of their terminal, a heartbeat time and a token naming the terminal.
Only the lead moves the room (``Programme.current_session``, a session's ``current_step``,
``timer``, and which steps the wall hides until revealed: ``hidden_steps``, ``revealed_steps``).
These writes are the room's shared state, not content: they stay out of the undo history
(``undoable=False``).
"""

from __future__ import annotations

import os
import socket
import time
from dataclasses import replace

from piptui.domain.lead import lead_alive
from piptui.domain.model import Lead, Programme, Session
from piptui.domain.reveal import with_hidden
from piptui.errors import InvalidInput, ProgrammeFileError
from piptui.store import codec
from piptui.store.batch import Batch
from piptui.store.programme_file import PROGRAMME_KEY, PROGRAMME_TABLE
from piptui.store.session_store import SessionStore


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` runs on this host (one we may not signal counts as alive)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def this_host() -> str:
    return socket.gethostname()


def live_lead(programme: Programme, now: float | None = None) -> Lead | None:
    """The programme's lead if it is still there, else None."""
    lead = programme.lead
    alive = lead_alive(lead, now=time.time() if now is None else now, host=this_host(), pid_alive=pid_alive)
    return lead if alive else None


def _header(b: Batch) -> Programme:
    doc = b.doc(PROGRAMME_TABLE, PROGRAMME_KEY)
    if doc is None:
        raise ProgrammeFileError("The programme header is missing")
    return codec.decode(Programme, doc)


def _put_header(b: Batch, programme: Programme) -> None:
    b.put_doc(PROGRAMME_TABLE, PROGRAMME_KEY, codec.merge(b.doc(PROGRAMME_TABLE, PROGRAMME_KEY), programme))


class RoomLead:
    """This terminal's part in leading the room of one programme file."""

    def __init__(
        self, store: SessionStore, person: str | None, *, pid: int | None = None, host: str | None = None
    ) -> None:
        self.store = store
        self.person = person or ""
        self.pid = os.getpid() if pid is None else pid
        self.host = this_host() if host is None else host
        # One terminal is one process: every screen of it shares the token, so a screen can hand the
        # lead to the next one (opening another session) without the room being free in between.
        self.token = f"{self.host}/{self.pid}"

    # -- reads ---------------------------------------------------------------
    def current(self) -> Lead | None:
        """Who leads now (None: nobody, or a lead that has gone)."""
        return live_lead(self.store.programme())

    def leading(self, lead: Lead | None = None) -> bool:
        lead = self.current() if lead is None else lead
        return lead is not None and lead.token == self.token

    # -- writes --------------------------------------------------------------
    def take(self, session: int | None = None) -> Lead | None:
        """Lead the room from here (moving it to ``session`` if given); returns who led before."""
        with self.store.batch("take the lead", undoable=False) as b:
            programme = _header(b)
            before = live_lead(programme)
            if session is not None and b.find(Session, str(session)) is None:
                raise InvalidInput(f"This programme has no session {session}")
            lead = Lead(person=self.person, pid=self.pid, host=self.host, heartbeat=time.time(), token=self.token)
            moved = replace(
                programme, lead=lead, current_session=session if session is not None else programme.current_session
            )
            _put_header(b, moved)
        return None if before is None or before.token == self.token else before

    def claim_if_free(self, session: int | None = None) -> bool:
        """Take the lead if nobody (alive) has it; True if this terminal leads now."""
        with self.store.batch("take the lead", undoable=False) as b:
            programme = _header(b)
            lead = live_lead(programme)
            if lead is not None and lead.token != self.token:
                return False
            if session is not None and b.find(Session, str(session)) is None:
                raise InvalidInput(f"This programme has no session {session}")
            mine = Lead(person=self.person, pid=self.pid, host=self.host, heartbeat=time.time(), token=self.token)
            _put_header(
                b,
                replace(
                    programme, lead=mine, current_session=session if session is not None else programme.current_session
                ),
            )
        return True

    def beat(self) -> bool:
        """Renew this terminal's heartbeat; False (nothing written) if it no longer leads."""
        with self.store.batch("lead heartbeat", undoable=False) as b:
            programme = _header(b)
            if programme.lead is None or programme.lead.token != self.token:
                return False
            _put_header(b, replace(programme, lead=replace(programme.lead, heartbeat=time.time())))
        return True

    def set_view(self, view: str) -> bool:
        """Say what the lead's screen shows (the wall shows it too); nothing if this terminal does not lead."""
        with self.store.batch("room view", undoable=False) as b:
            programme = _header(b)
            if programme.lead is None or programme.lead.token != self.token or programme.lead.view == view:
                return False
            _put_header(b, replace(programme, lead=replace(programme.lead, view=view)))
        return True

    def set_hidden(self, number: int, ref: str, hidden: bool) -> bool:
        """Hide step ``ref`` of session ``number`` from the wall (counts only), or reveal it;
        False (nothing written) if this terminal does not lead the room."""
        with self.store.batch("hide from the wall" if hidden else "reveal on the wall", undoable=False) as b:
            programme = _header(b)
            lead = live_lead(programme)
            if lead is None or lead.token != self.token:
                return False
            session = b.find(Session, str(number))
            if session is None:
                raise InvalidInput(f"This programme has no session {number}")
            b.put(with_hidden(session, ref, hidden))
        return True

    def release(self) -> None:
        """Give up the lead (when the terminal closes); nothing if someone else has it."""
        with self.store.batch("release the lead", undoable=False) as b:
            programme = _header(b)
            if programme.lead is not None and programme.lead.token == self.token:
                _put_header(b, replace(programme, lead=None))

    def clear_dead(self) -> bool:
        """Forget a lead that has gone (so every screen says nobody leads); True if one was."""
        with self.store.batch("release the lead", undoable=False) as b:
            programme = _header(b)
            if programme.lead is None or live_lead(programme) is not None:
                return False
            _put_header(b, replace(programme, lead=None))
        return True

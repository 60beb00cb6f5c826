"""Leading the room from a facilitator's screen: :class:`LeadBar` keeps (or watches) the lead.

Mounted in the session screen. When nobody leads, the screen takes the lead as it opens (one
facilitator alone just runs the room, as before). While it leads it renews the heartbeat; when
someone else leads, the screen browses: its steps move only on this screen, and the bar says who
leads and how to take the lead (the key, or ``piptui open NAME --lead``). A lead that has gone (its
terminal closed or killed, or a heartbeat gone stale) is noticed within a second or two.

The bar posts :class:`LeadBar.Changed` whenever this screen starts or stops leading.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from piptui.domain.lead import HEARTBEAT_SECONDS
from piptui.domain.model import Lead, Programme
from piptui.errors import PiptuiError
from piptui.store import SessionStore
from piptui.store.room_ops import RoomLead, live_lead
from piptui.ui.text import literal, one_line

CHECK_SECONDS = 1.0  # how often a browsing screen looks whether the lead is still there
# How often the leading screen renews its heartbeat. It hears of another terminal taking the lead
# from the session screen, at each change of the file (:meth:`LeadBar.file_changed`): waking every second
# as well cost an idle session screen a tenth of a percent of a core (bench idle).
LEADING_CHECK_SECONDS = HEARTBEAT_SECONDS
TAKE_KEY = "Ctrl+\\"

# The bars mounted in this terminal, by programme file: a screen handing the lead to the next one
# (the lead opening another session) must not release it after the next one has claimed it.
_BARS: dict[Path, set[LeadBar]] = {}


class LeadBar(Static):
    """One line: who leads the room. Hidden while this screen leads (the title says so)."""

    class Changed(Message):
        """This screen started (``leading``) or stopped leading the room. ``control`` is the bar."""

        def __init__(self, bar: LeadBar, leading: bool, lead: Lead | None) -> None:
            super().__init__()
            self.bar = bar
            self.leading = leading
            self.lead = lead

        @property
        def control(self) -> LeadBar:
            return self.bar

    def __init__(self, store: SessionStore, person: str | None, number: int, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.room = RoomLead(store, person)
        self.number = number
        self.leading = False
        self.wants = True  # keep leading after a release by this same terminal (a screen handing over)
        self.lead: Lead | None = None
        self._last_beat = 0.0
        self._shown: str | None = None  # the text on the bar now
        self._timer: Timer | None = None
        self._every = 0.0  # the timer's interval

    def on_mount(self) -> None:
        # Whether this screen will lead is read now; the lead is written just after the first frame
        # (a locked, fsync'd write: 20-30 ms of the first frame on a busy machine, bench start-up).
        _BARS.setdefault(self._file, set()).add(self)
        try:
            lead = self.room.current()
            self.leading = lead is None or lead.token == self.room.token
            self.lead = lead
        except PiptuiError as exc:
            self.notify(exc.message, severity="error", markup=False)
        self._last_beat = time.monotonic()
        self.wants = self.leading
        self._show()
        self.post_message(self.Changed(self, self.leading, self.lead))
        if self.leading:
            self.call_after_refresh(self._claim)
        self._pace()

    def _pace(self) -> None:
        """Check once a second while browsing, and at each heartbeat while leading."""
        every = LEADING_CHECK_SECONDS if self.leading else CHECK_SECONDS
        if self._timer is not None and self._every == every:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer, self._every = self.set_interval(every, self.check, name="room-lead"), every

    def _claim(self) -> None:
        """Take the lead the screen opened expecting (someone may have taken it meanwhile)."""
        try:
            leading = self.room.claim_if_free(self.number)
            lead = self.room.current()
        except PiptuiError as exc:
            self.notify(exc.message, severity="error", markup=False)
            leading, lead = False, None
        self._last_beat = time.monotonic()
        changed = leading != self.leading
        self.lead, self.leading, self.wants = lead, leading, leading
        self._show()
        self._pace()
        if changed:
            self.post_message(self.Changed(self, leading, lead))

    @property
    def _file(self) -> Path:
        return self.room.store.path.resolve()

    def on_unmount(self) -> None:
        others = _BARS.get(self._file, set())
        others.discard(self)
        if not others:
            _BARS.pop(self._file, None)
        if self.leading and not any(bar.wants for bar in others):  # else the next screen leads on
            # the file gone or locked: the heartbeat goes stale instead
            with contextlib.suppress(PiptuiError):
                self.room.release()

    def check(self) -> None:
        """Keep the lead alive, or notice who leads now: once a second while browsing, at each
        heartbeat while leading, and when the file says another terminal leads (:meth:`file_changed`).
        A stat and, after a change, the programme's header read from the file's snapshot."""
        try:
            programme = self.room.store.programme()
            lead, recorded = live_lead(programme), programme.lead
            # (due a second early: the timer runs at the heartbeat's own pace, and fires on time)
            if self.leading and time.monotonic() - self._last_beat >= HEARTBEAT_SECONDS - CHECK_SECONDS:
                self._last_beat = time.monotonic()
                if not self.room.beat() and not (lead is None and self.wants):
                    lead = self.room.current()
            if lead is None and self.wants:  # released by another screen of this terminal: lead again
                self.room.claim_if_free(self.number)
                lead = self.room.current()
            elif lead is None and recorded is not None:
                self.room.clear_dead()  # say plainly that nobody leads
        except PiptuiError:
            return
        leading = self.room.leading(lead) if lead is not None else False
        was, before = self.leading, self.lead
        self.lead, self.leading = lead, leading
        if leading != was:
            if not leading:
                self.wants = False
                who = lead.person if lead is not None and lead.person else "Someone"
                if lead is not None:
                    self.notify(
                        f"{who} took the lead: the room follows them now. You are browsing; "
                        f"{TAKE_KEY} takes the lead back.",
                        title="The room moved",
                        markup=False,
                        severity="warning",
                        timeout=15,
                    )
                else:
                    self.notify(f"You no longer lead the room. {TAKE_KEY} takes the lead.", markup=False)
            self.post_message(self.Changed(self, leading, lead))
        elif (before is None) != (lead is None) or (before and lead and before.token != lead.token):
            if lead is None and before is not None:
                self.notify(
                    f"{before.person or 'The lead'}'s terminal has gone: nobody leads the room. "
                    f"{TAKE_KEY} takes the lead.",
                    title="The room is free",
                    markup=False,
                    timeout=15,
                )
            self.post_message(self.Changed(self, leading, lead))
        self._show()
        self._pace()

    def file_changed(self, programme: Programme) -> None:
        """The file changed (the session screen says so at each new snapshot of it). While this
        screen leads, that is how it hears of another terminal taking the lead: it looks again
        when the file no longer records this terminal as the lead (a card saved, a vote, its own
        heartbeat: nothing to do)."""
        recorded = programme.lead
        if self.leading and (recorded is None or recorded.token != self.room.token):
            self.check()

    def take(self) -> None:
        """Lead the room from here, at this screen's session (the old lead's screen says so)."""
        try:
            self.room.take(self.number)
        except PiptuiError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
        self.wants = True
        self._last_beat = time.monotonic()
        self.lead = self.room.current()
        self.leading = True
        self._show()
        self._pace()
        self.notify(f"You lead the room: the wall and the note-takers follow session {self.number}.")
        self.post_message(self.Changed(self, True, self.lead))

    def describe(self) -> str:
        lead = self.lead
        if self.leading:
            return ""
        if lead is None:
            return f"Nobody leads the room. {TAKE_KEY} (or piptui open NAME --lead) takes the lead."
        where = ""
        with contextlib.suppress(PiptuiError):
            where = f" (session {self.room.store.programme().current_session})"
        return one_line(
            f"Browsing: {lead.person or 'someone'} leads the room{where}; your steps move only this "
            f"screen. {TAKE_KEY} (or piptui open NAME --lead) takes the lead.",
            300,
        )

    def _show(self) -> None:
        text = self.describe()
        if text == self._shown:
            return  # the check runs every second: an unchanged bar redraws nothing
        self._shown = text
        self.update(literal(text))
        self.display = bool(text)


def leads_now(store: SessionStore) -> Lead | None:
    """Who leads the programme's room now (for screens without a bar)."""
    try:
        return live_lead(store.programme())
    except PiptuiError:
        return None

"""What the clusters, votes, plan and review screens share.

Each is built as ``Screen(source, library=None, session=None, *, author=None)`` where
``source`` is an open :class:`SessionStore` (kept open: its owner closes it) or a
programme file's path (the screen opens a store and closes it when it goes). Without a
library the screen asks the app for one, in a thread; step and column titles then
appear (until then, step references are shown as they are stored).

The base class polls the file's change token, so a change from another terminal (a
note-taker recording votes, a co-facilitator editing the plan) shows within a moment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from piptui.domain.exercise import Exercise, Step
from piptui.domain.model import Participant, split_step_ref
from piptui.errors import PiptuiError
from piptui.store import SessionStore
from piptui.store.plan_ops import PlanOps
from piptui.ui.feedback import report_error, undo_or_redo
from piptui.ui.library import load_library
from piptui.ui.text import SECTOR_SHORT, one_line

POLL_SECONDS = 0.5
R = TypeVar("R")


class StepLookup(Protocol):
    """What the screens need of an exercise library: a step's exercise and step by reference."""

    def step(self, ref: str) -> tuple[Exercise, Step] | None: ...


COMMON_BINDINGS: list[BindingType] = [
    Binding("ctrl+z", "undo", "Undo", tooltip="Undo your latest change (one whole operation)"),
    Binding("ctrl+y", "redo", "Redo", tooltip="Redo what you undid", show=False),
    Binding("escape", "back", "Back", tooltip="Back to the previous screen"),
]


class PlanBaseScreen(Screen[None]):
    """A screen over one programme file's clusters and plan."""

    def __init__(
        self,
        source: SessionStore | Path | str,
        library: StepLookup | None = None,
        session: int | None = None,
        *,
        author: str | None = None,
    ) -> None:
        super().__init__()
        if isinstance(source, SessionStore):
            self.store, self._owns_store = source, False
        else:
            self.store, self._owns_store = SessionStore(Path(source), author=author), True
        self.library = library
        programme = self.store.programme()
        self.programme = programme
        self.number = session if session is not None else programme.current_session
        self.ops = PlanOps(self.store)
        self._token: object = None
        self.ready = False  # True once mounted: the views can be drawn
        self.setup()

    def setup(self) -> None:
        """Set up the screen's own state (subclasses); called at the end of ``__init__``."""

    # -- life ----------------------------------------------------------------
    def on_mount(self) -> None:
        self.ready = True
        self.title = one_line(self.programme.area or self.programme.name, 60)
        self.sub_title = self.screen_subtitle()
        self.set_interval(POLL_SECONDS, self._poll)
        if self.library is None:
            # Without a library (a script that fails to load), steps show as their stored references.
            load_library(self, self._library_ready, failed=lambda _error: None, group="plan-library")
        self.refresh_view()

    def on_unmount(self) -> None:
        self.ready = False
        if self._owns_store:
            self.store.close()

    def screen_subtitle(self) -> str:
        return f"Session {self.number}"

    def _library_ready(self, library: StepLookup) -> None:
        self.library = library
        self.refresh_view()

    def _poll(self) -> None:
        try:
            token = self.store.change_token()
        except PiptuiError:
            return
        if token != self._token:
            self.refresh_view()

    def refresh_view(self) -> None:
        """Re-read the store and redraw (subclasses). Always call :meth:`mark_seen` first."""

    def mark_seen(self) -> None:
        self._token = self.store.change_token()

    # -- doing things --------------------------------------------------------
    def report(self, exc: PiptuiError) -> None:
        report_error(self, exc)

    def attempt(self, what: Callable[[], R], done: str | None = None) -> R | None:
        """Run a store operation; report a user error instead of raising; redraw either way."""
        try:
            result = what()
        except PiptuiError as exc:
            self.report(exc)
            self.refresh_view()
            return None
        if done:
            self.notify(done, markup=False)
        self.refresh_view()
        return result

    def action_undo(self) -> None:
        self._undo_redo(redo=False)

    def action_redo(self) -> None:
        self._undo_redo(redo=True)

    def _undo_redo(self, *, redo: bool) -> None:
        if undo_or_redo(self, self.store, redo=redo):
            self.refresh_view()

    def action_back(self) -> None:
        self.dismiss(None)

    def open_screen(self, screen: Screen[Any]) -> None:
        self.app.push_screen(screen, lambda _result: self.refresh_view())

    # -- words ---------------------------------------------------------------
    def step_title(self, ref: str | None) -> str:
        if not ref:
            return "No step"
        found = self.library.step(ref) if self.library is not None else None
        if found is None:
            exercise_id, step_id = split_step_ref(ref)
            return f"{exercise_id} › {step_id}" if step_id else exercise_id
        exercise, step = found
        return f"{exercise.title} › {step.title}"

    def column_title(self, ref: str | None, column: str | None) -> str:
        if not column:
            return ""
        found = self.library.step(ref) if self.library is not None and ref else None
        if found is not None:
            for c in found[1].columns:
                if c.id == column:
                    return f"{c.group} › {c.title}" if c.group else c.title
        return column


def person(p: Participant | None) -> str:
    """A participant as shown next to a lead or voter: name (sector)."""
    if p is None:
        return "none"
    return f"{p.name} ({SECTOR_SHORT[p.sector]})"


def show_options(widget: OptionList, options: Sequence[Option], keep: str | None = None) -> None:
    """Replace a list's options, keeping the highlight on the same id (or the same place) and the scroll."""
    old_index = widget.highlighted
    keep = keep if keep is not None else highlighted_id(widget)
    with widget.app.batch_update():
        scroll_y = widget.scroll_y
        widget.set_options(options)
        widget.scroll_to(y=scroll_y, animate=False, immediate=True)
        ids = [o.id for o in options]
        if keep in ids:
            widget.highlighted = ids.index(keep)
        elif options:
            index = min(old_index or 0, len(options) - 1)
            enabled = [i for i, o in enumerate(options) if not o.disabled]
            after = [i for i in enabled if i >= index]
            widget.highlighted = after[0] if after else enabled[-1] if enabled else None


def highlighted_id(widget: OptionList) -> str | None:
    """The id of the highlighted option, if it is one the cursor can rest on."""
    option = widget.highlighted_option
    return option.id if option is not None and not option.disabled else None


def plural(count: int, noun: str) -> str:
    """``1 card``, ``3 cards``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"

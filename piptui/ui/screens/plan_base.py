"""What the clusters, votes, plan and review screens share.

Each is built as ``Screen(source, library=None, session=None, *, author=None)`` where
``source`` is the app's :class:`~piptui.ui.live.LiveProgramme` or a programme file's path
(the app's live programme of that file is used). Without a library the screen asks the app
for one, in a thread; step and column titles then appear (until then, step references are
shown as they are stored).

The screens follow the live programme (:class:`ProgrammeScreen`), so a change from another
terminal (a note-taker recording votes, a co-facilitator editing the plan) shows at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from piptui.domain.exercise import Exercise, Step
from piptui.domain.model import Participant, split_step_ref
from piptui.errors import PiptuiError
from piptui.store.plan_ops import PlanOps
from piptui.ui.library import load_library
from piptui.ui.screens.form_dialogs import FormDialog, save_in
from piptui.ui.screens.programme_screen import ProgrammeScreen
from piptui.ui.text import SECTOR_SHORT, literal, one_line

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

    from piptui.domain.model import Cluster
    from piptui.store.snapshot import Snapshot
    from piptui.ui.live import LiveProgramme
    from piptui.ui.screens.cluster_dialogs import GroupChoice

R = TypeVar("R")
T = TypeVar("T")


class StepLookup(Protocol):
    """What the screens need of an exercise library: a step's exercise and step by reference."""

    def step(self, ref: str) -> tuple[Exercise, Step] | None: ...


COMMON_BINDINGS: list[BindingType] = [
    Binding("ctrl+z", "undo", "Undo", tooltip="Undo your latest change (one whole operation)"),
    Binding("ctrl+y", "redo", "Redo", tooltip="Redo what you undid", show=False),
    Binding("escape", "back", "Back", tooltip="Back to the previous screen"),
]


class PlanBaseScreen(ProgrammeScreen):
    """A screen over one programme file's clusters and plan."""

    def __init__(
        self,
        source: LiveProgramme | Path | str,
        library: StepLookup | None = None,
        session: int | None = None,
        *,
        author: str | None = None,
    ) -> None:
        super().__init__(source, session=session, author=author)
        self.library = library
        programme = self.snapshot.programme
        self.programme = programme
        self.number = session if session is not None else programme.current_session
        self.ops = PlanOps(self.store)
        self.ready = False  # True once mounted: the views can be drawn
        self._shown_parts: tuple[object, ...] | None = None  # what the screen last drew from
        self.setup()

    def setup(self) -> None:
        """Set up the screen's own state (subclasses); called at the end of ``__init__``."""

    # -- life ----------------------------------------------------------------
    def on_mount(self) -> None:
        self.ready = True
        self.title = one_line(self.programme.area or self.programme.name, 60)
        self.sub_title = self.screen_subtitle()
        if self.library is None:
            # Without a library (a script that fails to load), steps show as their stored references.
            load_library(self, self._library_ready, failed=lambda _error: None)
        self.snapshot_ready()

    def on_unmount(self) -> None:
        self.ready = False

    def screen_subtitle(self) -> str:
        return f"Session {self.number}"

    def _library_ready(self, library: StepLookup) -> None:
        self.library = library
        self.refresh_view()

    def show_snapshot(self, snapshot: Snapshot, *, force: bool = False, select: str | None = None) -> None:
        shown = what_is_shown(snapshot)
        if not force and select is None and shown == self._shown_parts:
            return  # only the lead's heartbeat (every few seconds) changed: nothing here to redraw
        self._shown_parts = shown
        self.refresh_view()

    def refresh_view(self) -> None:
        """Redraw from ``self.snapshot``, the latest view of the file (subclasses)."""

    def redraw(self) -> None:
        """Read the file again if it changed (a write here) and redraw; the other screens of
        the programme hear of the change too."""
        self.live.check()
        self.shown_snapshot = self.live.snapshot
        self.refresh_view()

    def saved(self, *, force: bool = False, select: str | None = None) -> None:
        self.redraw()

    # -- doing things --------------------------------------------------------
    def attempt(self, what: Callable[[], R], done: str | None = None) -> R | None:
        """Run a store operation; report a user error instead of raising; redraw either way."""
        try:
            result = what()
        except PiptuiError as exc:
            self.report(exc)
            self.saved()
            return None
        if done:
            self.notify(done, markup=False)
        self.saved()
        return result

    async def save_with(self, dialog: FormDialog[T], save: Callable[[T], R], done: str | None = None) -> R | None:
        """Open ``dialog`` (from a worker); each Save runs ``save(value)`` with the dialog still
        open, which stays open with its edits and says why until one succeeds
        (:func:`~piptui.ui.screens.form_dialogs.save_in`). Then redraw (and say ``done``); returns
        what ``save`` returned, None when cancelled."""
        result = await save_in(self.app, dialog, save)
        if result is not None:
            if done:
                self.notify(done, markup=False)
            self.saved()
        return result

    def cluster_cards(self, card_ids: list[str], choice: GroupChoice) -> Cluster:
        """Put the cards in a new cluster or the chosen one (one undoable change)."""
        return self.ops.cluster_cards(card_ids, title=choice.title, cluster_id=choice.cluster_id, session=self.number)

    def action_back(self) -> None:
        self.dismiss(None)

    def open_screen(self, screen: Screen[Any]) -> None:
        self.app.push_screen(screen, lambda _result: self.saved())

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


def what_is_shown(snapshot: Snapshot) -> tuple[object, ...]:
    """Everything of a snapshot these screens draw from: all but the file's token and the
    lead's heartbeat (the lead's terminal writes one every few seconds; redrawing the whole
    plan for it cost a full screen of output each time, and held up the arrow keys)."""
    s = snapshot
    programme = replace(s.programme, lead=None)
    budgets = tuple(sorted(s.budgets.items()))
    parts = (s.participants, s.sessions, s.cards, s.clusters, s.objectives, s.actions, s.votes, s.responses, s.casts)
    return (programme, budgets, *parts)


def show_detail(box: Static, text: Content, *, more: str = "") -> None:
    """Show ``text`` in a screen's detail box (a Static in a pane of a few lines) as the
    highlight moves, without laying the whole screen out again.

    ``Static.update`` lays the screen out by default, which on each arrow key repainted every
    scroll bar (twice) and the pane's border: five terminal updates a key instead of two, twice
    the bytes, and a layout's CPU. A text of the pane's height or less is padded to it, so the
    box keeps its size and only it repaints. A longer one is cut to the pane with ``… more``
    (what shows the rest) when ``more`` is given; else it scrolls, laid out when its height
    changes."""
    width = box.content_size.width
    pane = box.parent.content_size.height if isinstance(box.parent, Widget) else 0
    if not width or not pane:  # not laid out yet
        box.update(text)
        return
    height = text.get_height(cast("RulesMap", box.styles), width)  # as Widget.get_content_height does
    if height > pane and more:
        lines = text.wrap(width)[: pane - 1]
        text, height = Content("\n").join([*lines, literal(f"… {more}", "dim")]), pane
    if height < pane:
        text, height = text + "\n" * (pane - height), pane
    box.update(text, layout=height != box.size.height)


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

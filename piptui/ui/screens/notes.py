"""The note-taker's screen: capture only. The capture line and the step's latest cards.

Opened by ``piptui open NAME --notes --as PERSON``. It follows the facilitator (the
programme's current session, unless one was given, and that session's current step and
timer) and saves every line typed as a card of the step on screen, recorded as captured
by ``PERSON``. Nothing here edits, moves or deletes: those are the facilitator's (Ctrl+Z undoes your own card).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from piptui.domain.columns import column_tags, draft_card
from piptui.domain.model import Card
from piptui.domain.reveal import step_hidden
from piptui.errors import PiptuiError
from piptui.store.room_ops import live_lead
from piptui.ui.keymap import keyed
from piptui.ui.room import Room, RoomScreen
from piptui.ui.text import literal, one_line
from piptui.ui.widgets.board import card_prompt
from piptui.ui.widgets.capture import CaptureLine, say_where_it_went
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.prompt import StepPrompt, StepTitle
from piptui.ui.widgets.timer import StepTimer
from piptui.ui.widgets.title_bar import TitleBar

LATEST = 200  # cards listed (the newest); the board of the facilitator has them all

NOTES_BINDINGS: list[BindingType] = [
    Binding("pageup", "scroll_cards('page_up')", "Older", tooltip="Scroll up to older cards", show=False),
    Binding("pagedown", "scroll_cards('page_down')", "Newer", tooltip="Scroll down to newer cards", show=False),
    Binding("ctrl+end", "scroll_cards('scroll_end')", "Newest", tooltip="Back to the newest card", show=False),
    Binding("ctrl+z", "undo", "Undo", tooltip="Undo your latest card (your own, not the facilitator's)"),
    Binding("ctrl+y", "redo", "Redo", tooltip="Redo what you undid", show=False),
]
NOTES_BINDINGS = keyed("notes", NOTES_BINDINGS)  # ids for the keymap: notes.<action>

NOTES_HELP = (
    "Note-taker: type what is said and press Enter; each line is saved at once as a card of the "
    "step the facilitator is on (#tag, @sector, >voiced-as and a leading ! work as on the session "
    "screen). Cards are recorded as yours (piptui open NAME --notes --as YOU). Editing, moving and "
    "deleting cards are the facilitator's, on the session screen; Ctrl+Z undoes your own latest card."
)


def latest_prompt(card: Card) -> Content:
    """A card as on the board, then who captured it."""
    prompt = card_prompt(card)
    return Content.assemble(prompt, ("  · " + card.author, "dim italic")) if card.author else prompt


class LatestCards(OptionList, can_focus=False):
    """The newest cards of the step, newest last. Read-only: it never takes the focus."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(self, cards: Sequence[Card], *, follow: bool = False) -> None:
        """Show ``cards``; keep to the newest if the list was there already (or ``follow``)."""
        at_end = follow or self.scroll_y >= self.max_scroll_y - 1
        options = [Option(latest_prompt(card), id=card.id) for card in cards]
        if not options:
            options = [
                Option(
                    Content("No cards yet for this step: type one below and press Enter.").stylize("dim italic"),
                    disabled=True,
                )
            ]
        with self.app.batch_update():
            self.set_options(options)
            self.highlighted = None
        if at_end:
            self.call_after_refresh(self.scroll_end, animate=False, immediate=True)


def where_cards_go(room: Room) -> str:
    """E.g. "Session 5 › Action planning › Draft the objectives": where a card typed now is filed."""
    step = room.step.title if room.step is not None else room.step_ref or "no step yet"
    exercise = f"{room.exercise.title} › " if room.exercise is not None else ""
    return f"Session {room.session.number} › {exercise}{step}"


class NotesScreen(RoomScreen):
    """Capture-only: ``NotesScreen(path, session=None, author=None)``."""

    BINDINGS = NOTES_BINDINGS
    HELP_INTRO = NOTES_HELP
    AUTO_FOCUS = "#capture"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="notes-main"):
            with Horizontal(id="step-bar"):
                yield StepTitle(id="step-title")
                yield StepTimer(id="step-timer")
            yield StepPrompt(id="step-prompt")
            yield LatestCards(id="notes-cards")
            yield Static("", id="notes-target")
            yield CaptureLine(id="capture")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(StepPrompt).show(None, loading=True)
        self.query_one(LatestCards).border_title = "Latest cards"

    def describe(self, room: Room) -> str:
        who = f"Notes by {self.author}" if self.author else "Notes (unsigned: open with --as NAME)"
        return one_line(f"{who} · {super().describe(room)}", 160)

    def show_room(self, room: Room, cards: list[Card]) -> None:
        target = where_cards_go(room)
        place = (room.session.number, room.step_ref)
        moved = getattr(self, "_place", None)
        if moved is not None and moved != place:
            self.notify(
                f"The room moved: your cards now go to {target}",
                title="The room moved",
                markup=False,
                severity="warning",
                timeout=10,
            )
        self._place = place
        lead = live_lead(room.programme)
        shown = (room.session, room.step_ref, room.step, tuple(cards), lead.person if lead else None)
        if shown == getattr(self, "_shown", None):  # only the lead's heartbeat changed
            return
        self._shown = shown
        who = f"  ·  {lead.person} leads the room" if lead is not None and lead.person else ""
        if step_hidden(room.session, room.step_ref, room.step):  # you still see them; the room does not yet
            who += "  ·  hidden from the wall until revealed"
        self.query_one("#notes-target", Static).update(literal(one_line(f"Your cards go to: {target}{who}", 300)))
        self.query_one(StepTitle).show(room.exercise, room.step, room.index or 0, room.total)
        self.query_one(StepPrompt).show(room.step)
        self.query_one(StepTimer).show(room.session.timer)
        self.query_one(CaptureLine).set_tags(column_tags(room.columns))
        listed = self.query_one(LatestCards)
        listed.show(cards[-LATEST:])
        more = f" (the latest {LATEST})" if len(cards) > LATEST else ""
        listed.border_title = f"Cards of this step: {len(cards)}{more}"

    def tick(self, room: Room) -> None:
        self.query_one(StepTimer).tick()

    # -- capture -------------------------------------------------------------
    @on(Input.Submitted, "#capture")
    def _captured(self, event: Input.Submitted) -> None:
        self.capture(event.value)

    def capture(self, line: str) -> Card | None:
        """Save the line as a card of the step on screen; on failure keep the text and say why.

        Before the exercise library has loaded it goes to the current session's current step.
        """
        if not line.strip():
            return None
        room = self.room
        try:
            roles = room.exercise.roles if room is not None and room.exercise is not None else ()
            draft = draft_card(line, room.columns if room is not None else (), roles)
            card = self.store.add_card(
                draft.text,
                tags=draft.tags,
                sector=draft.sector,
                voiced_as=draft.voiced_as,
                session=room.session.number if room is not None else self.pinned_session,
                step=room.step_ref if room is not None else None,
                column=draft.column,
                confidential=draft.confidential,
                role=draft.role,
            )
        except PiptuiError as exc:
            self.notify(exc.message, title="Not saved", severity="error", markup=False)
            return None
        self.query_one(CaptureLine).value = ""
        self.saved(force=True)
        say_where_it_went(self, draft.tags, draft.column, room.columns if room is not None else ())
        self.query_one(LatestCards).call_after_refresh(self.action_scroll_cards, "scroll_end")
        return card

    def action_scroll_cards(self, how: str) -> None:
        cards = self.query_one(LatestCards)
        if how == "scroll_end":
            cards.scroll_end(animate=False)
        else:
            getattr(cards, f"action_{how}")()

    def help_sections(self) -> list[tuple[str, Sequence[BindingType]]]:
        return [("Note-taker (the capture line keeps the focus)", NOTES_BINDINGS)]

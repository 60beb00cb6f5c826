"""The capture line: one Input that completes ``#tags`` from the step's columns. Passive.

Enter posts the usual ``Input.Submitted``; the screen parses and saves the card.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import events
from textual.suggester import Suggester
from textual.widgets import Input

from piptui.domain.capture import nearest_names, only_shortcuts

if TYPE_CHECKING:
    from textual.widget import Widget

    from piptui.domain.exercise import Column

_LAST_TOKEN = re.compile(r"(?:^|\s)([#@>])([\w-]*)$")
SECTOR_WORDS = ("council", "statutory", "vcs", "other")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_EMPTY_LINE_PASSES = frozenset({"cursor_left", "cursor_right", "home", "end"})


class CaptureSuggester(Suggester):
    """Completes the word being typed after ``#`` (tags) or ``@`` / ``>`` (sectors)."""

    def __init__(self, tags: Sequence[str] = ()) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = list(tags)

    async def get_suggestion(self, value: str) -> str | None:
        match = _LAST_TOKEN.search(value)
        if match is None:
            return None
        sigil, typed = match.group(1), match.group(2)
        if not typed and sigil == "#" and not self.tags:
            return None
        words = self.tags if sigil == "#" else SECTOR_WORDS
        low = typed.lower()
        for word in words:
            if word.startswith(low) and word != low:
                return value + word[len(typed) :]
        return None


class CaptureLine(Input):
    """Always ready for the next card."""

    BINDING_GROUP_TITLE = "Capture line"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="Type a card, Enter saves  (#tag @sector >voiced-as, ! confidential)",
            suggester=CaptureSuggester(),
            id=id,
        )
        self.cursor_blink = False  # steady: a blinking cursor redraws twice a second (idle CPU, terminal traffic)

    async def action_submit(self) -> None:
        """Enter: a line of only shortcuts (a lone ``!``, ``#tag @sector``) is refused and cleared,
        so the next card does not become confidential (or tagged) by accident."""
        if only_shortcuts(self.value):
            refused = self.value.strip()
            self.value = ""
            self.notify(
                f"A card needs some text besides its shortcuts: {refused} was cleared, nothing was saved",
                title="Not saved",
                severity="warning",
                markup=False,
            )
            return
        await super().action_submit()

    def on_paste(self, event: events.Paste) -> None:
        """A paste of several lines becomes one line, its breaks turned into spaces (Textual's
        Input keeps only the first line and drops the rest without a word). Any other control
        character stays in the text, for Enter to refuse with its name and place."""
        lines = _LINE_BREAK.split(event.text.strip("\r\n"))
        if len(lines) < 2:
            return  # one line: Input's own paste
        event.prevent_default()  # Input's handler would keep the first line only
        event.stop()
        joined = " ".join(lines)
        if self.selection.is_empty:
            self.insert_text_at_cursor(joined)
        else:
            self.replace(joined, *self.selection)
        self.notify(f"Pasted {len(lines)} lines as one card's text (line breaks became spaces)", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With the line empty, Left/Right (and Shift+Left/Right, Home, End) have no text to move
        through: they go on to the screen, which walks the board's columns with them (and moves
        the highlighted card with Shift). With text, they move the text cursor as in any input."""
        if not self.value and action in _EMPTY_LINE_PASSES:
            return False
        return super().check_action(action, parameters)

    def set_tags(self, tags: Sequence[str]) -> None:
        suggester = self.suggester
        if isinstance(suggester, CaptureSuggester):
            suggester.tags = list(tags)


def unsorted_note(tags: Sequence[str], column: str | None, columns: Sequence[Column]) -> str | None:
    """What to say when a card with #tags was saved but no tag named a column: it is in Unsorted,
    with the column names nearest to its first tag. None when there is nothing to say."""
    if column is not None or not columns or not tags:
        return None
    titles = [c.title for c in columns]
    nearest = nearest_names(tags[0], titles)
    return f"Saved in Unsorted: no column is #{tags[0]} (nearest: {', '.join(nearest)})"


def say_where_it_went(screen: Widget, tags: Sequence[str], column: str | None, columns: Sequence[Column]) -> None:
    note = unsorted_note(tags, column, columns)
    if note is not None:
        screen.notify(note, severity="warning", markup=False)

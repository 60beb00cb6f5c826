"""The capture line: one Input that completes ``#tags`` from the step's columns. Passive.

Enter posts the usual ``Input.Submitted``; the screen parses and saves the card.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.suggester import Suggester
from textual.widgets import Input

_LAST_TOKEN = re.compile(r"(?:^|\s)([#@>])([\w-]*)$")
SECTOR_WORDS = ("council", "statutory", "vcs", "other")


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

    def set_tags(self, tags: Sequence[str]) -> None:
        suggester = self.suggester
        if isinstance(suggester, CaptureSuggester):
            suggester.tags = list(tags)

"""The board: a step's cards under their column headings, in one virtualised OptionList.

Passive: the screen gives it groups of cards (:meth:`Board.show`); it posts
:class:`Board.CardChosen` when a card is clicked. Column headings are disabled options,
so the cursor only ever rests on cards. Unchanged cards keep their Option (and its
measured, wrapped layout), so redrawing after one new card costs little even with
thousands of cards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual import events
from textual.content import Content, Span
from textual.css.styles import RulesMap
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from piptui.domain.columns import ColumnGroup
from piptui.domain.model import Card, Sector
from piptui.domain.text_rules import visible
from piptui.ui._textual_compat import (
    cache_height,
    cached_height,
    divide_line,
    forget_wrapped_lines,
    keep_composed_lines,
    line_painter,
    option_lines,
    retitle_option,
    styles_key,
    truncate_options,
    virtual_size_without_layout,
)
from piptui.ui.bindings import BOARD_BINDINGS
from piptui.ui.text import SECTOR_SHORT

HEADING_PREFIX = "column:"
SECTOR_STYLE: dict[Sector, str] = {
    Sector.COUNCIL: "bold #5fafff",
    Sector.STATUTORY: "bold #d787ff",
    Sector.VCS: "bold #5fd75f",
    Sector.OTHER: "bold",
}


def card_prompt(card: Card) -> Content:
    """How a card reads on the board: a bar in its sector's colour, its text (literally), then
    sector, voiced-as and tags, dimmer.

    One Content from one string and its spans (``Content.assemble`` of the parts cost 29 µs a
    card, a sixth of the first render of a 5,000-card board); only the card's text is the
    user's, and it is cleaned of control codes by ``Content`` as any text is."""
    sector = card.sector
    pieces: list[tuple[str, str]] = [("▍", SECTOR_STYLE[sector] if sector is not None else "dim")]
    if card.confidential:
        pieces.append(("! ", "bold red"))
    text = card.text
    pieces.append((text if text.isprintable() else Content(text).plain, ""))  # printable: no control codes
    if sector is not None:
        pieces.append(("  " + SECTOR_SHORT[sector], SECTOR_STYLE[sector]))
    if card.voiced_as is not None:
        pieces.append((" as " + SECTOR_SHORT[card.voiced_as], "italic"))
    if card.tags:
        pieces.append(("  " + visible(" ".join("#" + t for t in card.tags)), "dim"))
    spans: list[Span] = []
    start = 0
    for piece, style in pieces:
        end = start + len(piece)
        if style:
            spans.append(Span(start, end, style))
        start = end
    content = CardContent("".join(piece for piece, _ in pieces), spans, strip_control_codes=False)
    content._hang = 3 if card.confidential else 1  # the bar (and "! "): the lines below start under the text
    return content


_last_rules: tuple[object, int, tuple[int, str, bool]] | None = None  # (styles, their key, wrap_rules)


def wrap_rules(rules: RulesMap) -> tuple[int, str, bool]:
    """(line padding both sides, text overflow, no wrap): read once per change of the styles.

    One entry: the list measures all its options with its own styles, one list at a time."""
    global _last_rules
    key = styles_key(rules)
    last = _last_rules
    if key is not None and last is not None and last[0] is rules and last[1] == key:
        return last[2]
    overflow: str = rules.get("text_overflow", "fold")
    values = (rules.get("line_pad", 0) * 2, overflow, rules.get("text_wrap", "wrap") == "nowrap")
    _last_rules = (rules, key, values) if key is not None else None
    return values


_WORD = re.compile(r"\s*\S+\s*")  # rich._wrap's word: the word and the spaces after it


def ascii_breaks(text: str, width: int, fold: bool = True) -> int:
    """How many breaks ``divide_line`` puts in ASCII ``text`` at ``width`` (> 0), counted the same
    way but with one cell per character (rich measures each word's cells; a 5,000-card board
    spent a third of its first render there). tests/test_ui_widgets.py compares the two.

    A line at a time: the next line starts at the first word that ends past ``width`` (found
    with one ``rfind``, not word by word: 3x faster on a card). Text whose whitespace is not all
    spaces, that starts with a space, or has a word longer than a line, is counted word by word."""
    if len(text) <= width:
        return 0  # every word ends within the line
    if text[0] == " " or not text.isprintable():  # printable ASCII: its only whitespace is " "
        return _breaks_by_word(text, width, fold)
    end = len(text.rstrip(" "))
    breaks = 0
    start = 0  # where the line starts: a word
    while end - start > width:
        edge = start + width  # the first cell past the line
        if text[edge] == " ":  # the words up to the edge fit; the next one starts a line
            start = edge + 1
            while text[start] == " ":
                start += 1
        else:
            word = text.rfind(" ", start, edge) + 1  # the word across the edge
            if word <= start:
                return _breaks_by_word(text, width, fold)  # longer than a line: folded
            start = word
        breaks += 1
    return breaks


def _breaks_by_word(text: str, width: int, fold: bool) -> int:
    breaks = 0
    offset = 0
    for match in _WORD.finditer(text):
        start = match.start()
        word = match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            if fold:  # chop_cells: pieces of ``width`` characters, each on a line of its own
                pieces = range(0, len(word), width)
                breaks += len(pieces) - (0 if start else 1)
                offset = len(word) - pieces[-1]
            else:
                breaks += 1 if start else 0
                offset = len(word)
        elif offset and start:
            breaks += 1
            offset = len(word)
    return breaks


class CardContent(Content):
    """A card's Content: wrapped with a hanging indent, its height counted rather than laid out.

    Hanging indent: the first ``_hang`` cells (the sector's bar, and ``! `` on a confidential
    card) stand alone in front; the rest is wrapped to the width left, so every wrapped line
    starts under the card's text, not under the bar.

    OptionList measures every option's wrapped height when the board fills. Content does it
    by building each wrapped line (74 µs a card, 0.37 s for 5,000); the count alone is the
    number of breaks ``divide_line`` finds, plus one: the same function Content wraps with,
    so the same answer (tests/test_ui_widgets.py compares the two). Text with newlines or
    tabs, and any other wrapping rule, is measured by Content itself.
    """

    __slots__ = ("_hang",)
    _hang: int

    def _hang_at(self, width: int) -> int:
        """The indent at ``width`` (none on a board too narrow for one, or a card of no text)."""
        hang: int = getattr(self, "_hang", 0)
        return hang if 0 < hang < len(self.plain) and width > hang + 8 else 0

    def _split(self, width: int) -> tuple[int, Content, Content] | None:
        """(indent, head, body) when a hanging indent applies at ``width``; else None."""
        hang = self._hang_at(width)
        return (hang, self[:hang], self[hang:]) if hang else None

    def get_height(self, rules: RulesMap, width: int) -> int:
        plain = self.plain
        line_pad, overflow, no_wrap = wrap_rules(rules)
        if divide_line is None or no_wrap or "\n" in plain or "\t" in plain:
            split = self._split(width - line_pad)
            if split is None:
                return super().get_height(rules, width)
            return split[2].get_height(rules, width - split[0])
        key = (width + line_pad, overflow, no_wrap)  # as Content keys its own cache of the height
        cached = cached_height(self, key)
        if cached is not None:
            return cached
        hang = self._hang_at(width - line_pad)
        text, room, fold = plain[hang:], width - line_pad - hang, overflow == "fold"
        height = (
            ascii_breaks(text, room, fold) if room > 0 and text.isascii() else len(divide_line(text, room, fold=fold))
        ) + 1
        cache_height(self, key, height)
        return height

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        split = self._split(width - options.rules.get("line_pad", 0) * 2)
        if split is None:
            return super().render_strips(width, height, style, options)
        hang, head, body = split
        lines = Content.render_strips(body, width - hang, height, style, options)
        first = Content.render_strips(head, hang, 1, style, options)
        blank = Strip.blank(hang, style.rich_style)
        return [Strip.join([first[0] if y == 0 and first else blank, line]) for y, line in enumerate(lines)]


def heading_prompt(group: ColumnGroup, filtered: bool) -> Content:
    column = group.column
    title = column.title if column is not None else "Cards"
    count = f"{len(group.cards)} of {group.total}" if filtered else str(group.total)
    parts: list[Content | tuple[str, str] | str] = []
    if column is not None and column.group:
        parts.append((column.group + " › ", "bold"))
    parts.append((title, "bold"))
    parts.append(("  " + count, ""))
    return Content.assemble(*parts)


@dataclass(frozen=True, slots=True)
class _Entry:
    card: Card
    option: Option


class Board(OptionList):
    """The cards of the current step, grouped by column."""

    BINDINGS = BOARD_BINDINGS
    BINDING_GROUP_TITLE = "Board"

    # A new card grows the list: that repaints the list, not the screen (see _textual_compat)
    virtual_size = virtual_size_without_layout()

    class CardChosen(Message):
        """A card was clicked or Enter was pressed on it. ``control`` is the board (column) it is on."""

        def __init__(self, board: Board, card_id: str) -> None:
            super().__init__()
            self.board = board
            self.card_id = card_id

        @property
        def control(self) -> Board:
            return self.board

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._entries: dict[str, _Entry] = {}
        self._card_ids: list[str] = []  # in board order
        self._wrapped_for = -1  # the width the option lines were wrapped for
        self._shown: tuple[object, ...] | None = None  # what show() was last given
        self._headings: dict[str, tuple[tuple[object, ...], Option]] = {}  # heading id: (what it said, its Option)
        self._paint: Callable[[int], Strip] | None = None  # draws a line, during render_lines
        keep_composed_lines(self)  # a line scrolled by is composed once (see _textual_compat)

    # -- reading -------------------------------------------------------------
    @property
    def highlighted_card_id(self) -> str | None:
        option = self.highlighted_option
        if option is None or option.disabled or option.id is None or option.id.startswith(HEADING_PREFIX):
            return None
        card_id: str = option.id
        return card_id

    @property
    def card_ids(self) -> Sequence[str]:
        return self._card_ids

    # -- showing -------------------------------------------------------------
    def show(
        self,
        groups: Sequence[ColumnGroup],
        *,
        filtered: bool = False,
        keep: str | None = None,
        select: str | None = None,
        reveal: str | None = None,
        empty_text: str = "No cards yet: type one below and press Enter.",
        highlight: bool = True,
    ) -> None:
        """Show ``groups``; highlight ``select`` (else keep ``keep``), scroll ``reveal`` into view.

        The same groups as last time (another column changed, the lead's heartbeat) leave the
        options alone: only the highlight and the scroll move, and without ``highlight`` (a
        column beside the current one, which shows none) not even the highlight: the column is
        not drawn again."""
        shown = (tuple(groups), filtered, empty_text)
        if shown == self._shown:
            target = select if select in self._entries else keep if keep in self._entries else None
            if highlight and target is not None and target != self.highlighted_card_id:
                self.highlighted = self.get_option_index(target)
            if reveal in self._entries and reveal != target:
                self.reveal(reveal)
            return
        self._shown = shown
        old_index = self.highlighted
        entries: dict[str, _Entry] = {}
        options: list[Option] = []
        ids: list[str] = []
        headings = len(groups) > 1 or groups[0].column is not None if groups else False
        old_headings, self._headings = self._headings, {}
        retitles: list[tuple[int, Content]] = []  # (index, new prompt) of headings whose count changed
        for group in groups:
            if filtered and not group.cards:
                continue  # a filter hides the columns it empties (the column index keeps every count)
            if headings:
                key = HEADING_PREFIX + (group.column.id if group.column else "")
                said = (group.column, len(group.cards), group.total, filtered)
                heading = old_headings.get(key)
                if heading is None:
                    heading = (said, Option(heading_prompt(group, filtered), id=key, disabled=True))
                elif heading[0] != said:  # a new count: the same option, retitled below
                    retitles.append((len(options), heading_prompt(group, filtered)))
                    heading = (said, heading[1])
                self._headings[key] = heading
                options.append(heading[1])
            for card in group.cards:
                entry = self._entries.get(card.id)
                if entry is None or (entry.card is not card and entry.card != card):  # (the same card: no compare)
                    entry = _Entry(card, Option(card_prompt(card), id=card.id))
                entries[card.id] = entry
                options.append(entry.option)
                ids.append(card.id)
        if not ids:
            if filtered:
                empty_text = "No card matches the filter (Esc clears it)."
            options.append(
                Option(Content(empty_text).stylize("dim italic"), id=HEADING_PREFIX + "-empty", disabled=True)
            )
        self._entries = entries
        self._card_ids = ids
        with self.app.batch_update():
            kept = self._kept(options, retitles)
            if kept:
                # the options before the first change (a card from another terminal) keep their
                # measured lines; only those after it are measured again (a rebuild of a
                # 2,000-card column measured every card)
                self.highlighted = None
                truncate_options(self, kept)
                self.add_options(options[kept:])
            else:
                scroll_y = self.scroll_y
                self.set_options(options)
                self.scroll_to(y=scroll_y, animate=False, immediate=True)
            target = select if select in entries else keep if keep in entries else None
            if target is not None:
                self.highlighted = self.get_option_index(target)
            elif ids:
                self.highlighted = self._nearest_card(old_index or 0)
            if reveal in entries and reveal != target:
                self.reveal(reveal)

    def _kept(self, options: list[Option], retitles: list[tuple[int, Content]]) -> int:
        """How many of the options shown now stay, with their lines, before ``options`` after them;
        the retitled headings get their prompts (in place if they stay, else as new options)."""
        shown = self.options
        keep = 0
        if self.is_mounted and shown:
            limit = min(len(shown), len(options))
            while keep < limit and options[keep] is shown[keep]:
                keep += 1
        for index, prompt in retitles:
            if index < keep and retitle_option(self, index, prompt):
                continue
            keep = min(keep, index)
            old = options[index]
            options[index] = Option(prompt, id=old.id, disabled=True)
            said = self._headings[old.id or ""][0]
            self._headings[old.id or ""] = (said, options[index])
        return keep

    def _nearest_card(self, index: int) -> int | None:
        options = self.options
        index = max(0, min(index, len(options) - 1))
        order: list[int] = [*range(index, len(options)), *range(index - 1, -1, -1)]
        return next((i for i in order if not options[i].disabled), None)

    def highlight_near(self, index: int) -> None:
        """Highlight the card nearest option ``index``."""
        self.highlighted = self._nearest_card(index)

    def walk_headings(self, offset: int) -> None:
        """Highlight the first card under the next (``offset`` 1) or previous (-1) heading."""
        options = self.options
        heads = [
            i for i, o in enumerate(options) if o.disabled and i + 1 < len(options) and not options[i + 1].disabled
        ]
        here = self.highlighted if self.highlighted is not None else -1
        if offset > 0:
            target = next((h for h in heads if h > here), None)
        else:
            mine = max((h for h in heads if h < here), default=None)
            target = max((h for h in heads if mine is not None and h < mine), default=None)
        if target is not None:
            self.highlighted = target + 1

    def reveal(self, card_id: str) -> None:
        """Scroll so the card is in view, without moving the highlight."""
        where = option_lines(self, self.get_option_index(card_id))
        if where is None:
            return
        line, height = where
        self.scroll_to_region(
            Region(0, line, self.scrollable_content_region.width, height), animate=False, force=True, immediate=True
        )

    def select_card(self, card_id: str) -> None:
        if card_id in self._entries:
            self.highlighted = self.get_option_index(card_id)

    def show_column(self, column_id: str) -> None:
        """Scroll the column's heading to the top and highlight its first card."""
        try:
            index = self.get_option_index(HEADING_PREFIX + column_id)
        except OptionDoesNotExist:
            return
        if index + 1 < self.option_count and not self.options[index + 1].disabled:
            self.highlighted = index + 1
        where = option_lines(self, index, update=False)
        if where is not None:
            self.scroll_to(y=where[0], animate=False, immediate=True)

    def render_lines(self, crop: Region) -> list[Strip]:
        # Cards wrap to the board's width. When the width changes together with a mount
        # beside it (the sidebar), OptionList can keep lines wrapped for the old width:
        # measure again whenever the width differs from the one the lines were made for.
        width = self.scrollable_content_region.width
        if width != self._wrapped_for:
            self._wrapped_for = width
            forget_wrapped_lines(self)
        # every line drawn with what it needs looked up once (a column scrolled to its new card
        # draws all its lines: OptionList looks up the same things again for each)
        self._paint = line_painter(self)
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def render_line(self, y: int) -> Strip:
        paint = self._paint
        return paint(y) if paint is not None else super().render_line(y)

    # -- events --------------------------------------------------------------
    async def _on_click(self, event: events.Click) -> None:
        """A click highlights a card; a click on the highlighted card (or a double click) chooses it."""
        event.prevent_default()  # not OptionList's click, which would choose at once
        index = event.style.meta.get("option")
        if index is None or not 0 <= index < self.option_count or self.options[index].disabled:
            return
        if index == self.highlighted or event.chain > 1:
            self.action_select()
        else:
            self.highlighted = index

    def action_page_up(self) -> None:
        if self.highlighted is not None:
            self._move_page(-1)
        if self.highlighted is None:  # a page up onto the first heading: keep a card highlighted
            self.action_first()

    def action_page_down(self) -> None:
        if self.highlighted is not None:
            self._move_page(1)
        if self.highlighted is None:
            self.action_last()

    def action_select(self) -> None:
        card_id = self.highlighted_card_id
        if card_id is not None:
            self.post_message(self.CardChosen(self, card_id))

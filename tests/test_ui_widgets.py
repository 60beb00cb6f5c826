"""The passive widgets on their own: timer, capture suggester, card rendering, help from bindings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.style import Style
from textual.visual import RenderOptions
from textual.widgets import Static

from piptui.domain.model import Card, Sector, Timer
from piptui.ui.bindings import BOARD_BINDINGS, SESSION_BINDINGS
from piptui.ui.screens.help import bindings_of
from piptui.ui.widgets.board import CardContent, card_prompt
from piptui.ui.widgets.capture import CaptureSuggester
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.timer import StepTimer


class _TimerApp(App[None]):
    def compose(self) -> ComposeResult:
        yield StepTimer(id="timer")


async def test_the_timer_shows_time_left_then_the_overrun() -> None:
    app = _TimerApp()
    async with app.run_test() as pilot:
        timer = app.query_one(StepTimer)
        timer.show(Timer(duration=600.0, started_at=1000.0, elapsed=0.0))
        timer.tick(now=1000.0 + 75)
        assert str(timer.render()) == "▶ 08:45" and not timer.has_class("-overrun")
        timer.tick(now=1000.0 + 600 + 130)
        assert str(timer.render()) == "▶ +02:10" and timer.has_class("-overrun")
        timer.show(Timer(duration=300.0, elapsed=30.0))
        assert str(timer.render()) == "⏸ 04:30" and timer.has_class("-paused")
        timer.show(Timer())
        assert str(timer.render()) == "no timebox"
        await pilot.pause()


async def test_the_suggester_completes_the_last_tag_or_sector() -> None:
    suggester = CaptureSuggester(["drivers", "barriers-power", "trust"])
    assert await suggester.get_suggestion("Money talks #dr") == "Money talks #drivers"
    assert await suggester.get_suggestion("Money #DR") == "Money #DRivers"
    assert await suggester.get_suggestion("Money #trust @v") == "Money #trust @vcs"
    assert await suggester.get_suggestion("Money >coun") == "Money >council"
    assert await suggester.get_suggestion("Money #drivers") is None
    assert await suggester.get_suggestion("mail me@x") is None
    assert await suggester.get_suggestion("no tag here") is None


def test_a_card_renders_its_text_literally_with_sector_and_tags() -> None:
    card = Card(text="[red]alarm[/]", tags=("a", "b"), sector=Sector.VCS, voiced_as=Sector.COUNCIL, confidential=True)
    assert str(card_prompt(card)) == "▍! [red]alarm[/]  VCS as Council  #a #b"


def test_a_cards_text_is_cleaned_as_content_cleans_any_text() -> None:
    for text in ("plain words", "tab\there", "two\nlines", "caf\u00e9 \u00a0 \u2028 x", "\x1b[31mred", "bell\x07"):
        assert card_prompt(Card(text=text)).plain == "▍" + Content(text).plain


def test_every_binding_has_a_description_and_help_text() -> None:
    for binding in bindings_of([*SESSION_BINDINGS, *BOARD_BINDINGS]):
        assert binding.description and binding.tooltip, binding
    keys = [k for b in bindings_of(SESSION_BINDINGS) for k in b.key.split(",")]
    assert len(keys) == len(set(keys)), "a key bound twice on the session screen"
    single_letters = [k for k in keys if len(k) == 1]
    assert not single_letters, "the capture line has the focus: no single letters on the session screen"


class _KeyBarApp(App[None]):
    BINDINGS = [
        Binding("f2", "press('edit')", "Edit", tooltip="Edit it"),
        Binding("f3,ctrl+e", "press('move')", "Move"),
        Binding("f4", "press('hidden')", "Hidden", show=False),
        Binding("f5", "press('long')", "A description far too long to fit on a narrow bar at all"),
        Binding("ctrl+p", "command_palette", "Commands", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pressed: list[str] = []

    def compose(self) -> ComposeResult:
        yield KeyBar()

    def action_press(self, name: str) -> None:
        self.pressed.append(name)


async def test_the_key_bar_shows_the_shown_keys_and_a_click_presses_one() -> None:
    app = _KeyBarApp()
    async with app.run_test(size=(60, 5), notifications=True) as pilot:
        bar = app.query_one(KeyBar)
        line = str(bar.render())
        assert line.startswith(" f2 Edit  f3 Move ")  # one key per action, the first of "f3,ctrl+e"
        assert "Hidden" not in line and "far too long" not in line  # not shown; does not fit
        assert line.endswith("▏ ^p Commands ") and len(line) == 60  # the palette's key on the right
        await pilot.click(KeyBar, offset=(6, 0))  # on "Edit"
        await pilot.click(KeyBar, offset=(11, 0))  # on "f3"
        await pilot.click(KeyBar, offset=(30, 0))  # on nothing
        assert app.pressed == ["edit", "move"]
        await pilot.click(KeyBar, offset=(55, 0))  # on "Commands"
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


_CARD_TEXT = st.lists(
    st.sampled_from(["a", "b", "x", " ", "  ", ",", "-", "é", "中文", "😀", "[/]", "\t", "\n", "y" * 30]),
    max_size=40,
).map("".join)

_STYLES = Static().styles
_NOWRAP = Static().styles
_NOWRAP.text_wrap = "nowrap"


@settings(max_examples=300, deadline=None)
@given(
    text=_CARD_TEXT,
    tags=st.lists(st.sampled_from(["drivers", "a", "long-tag-name"]), max_size=3),
    sector=st.none() | st.sampled_from(list(Sector)),
    width=st.integers(4, 120),
)
def test_a_card_measures_as_tall_as_textual_lays_it_out(
    text: str, tags: list[str], sector: Sector | None, width: int
) -> None:
    """CardContent counts its wrapped lines instead of building them: the count must be the
    number of lines it draws (with its hanging indent), at every width, for every kind of text."""
    prompt = card_prompt(Card(text=text, tags=tuple(tags), sector=sector))
    assert isinstance(prompt, CardContent)
    split = prompt._split(width)
    for styles in (_STYLES, _NOWRAP):
        if "\t" in text:  # Textual's own measure and drawing of tabs can differ: measure as it does
            body = Content(prompt.plain, list(prompt.spans)) if split is None else split[2]
            expected = body.get_height(styles, width - (split[0] if split else 0))
        else:
            expected = len(prompt.render_strips(width, None, Style(), RenderOptions(Style.parse, styles)))
        assert prompt.get_height(styles, width) == expected


def test_wrapped_card_text_hangs_under_its_first_word() -> None:
    """A card that wraps starts every line after the first under its text, not under the bar."""
    text = "Short-term grants end before the work is embedded in the partnership"
    for card, hang in ((Card(text=text, sector=Sector.VCS), 1), (Card(text=text, confidential=True), 3)):
        prompt = card_prompt(card)
        lines = [s.text for s in prompt.render_strips(24, None, Style(), RenderOptions(Style.parse, _STYLES))]
        assert len(lines) > 2 and lines[0].startswith("▍")
        assert all(line.startswith(" " * hang) and line[hang] != " " for line in lines[1:]), lines
        words = " ".join(line.strip() for line in lines)
        assert text in words.replace("▍! ", "").replace("▍", "")


def test_a_card_is_measured_once_per_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """The board re-measures every option when one is added: each card must answer from its
    cache (a capture into a 1,000-card board went from 22 to 53 ms without it)."""
    from piptui.ui.widgets import board

    calls: list[int] = []
    real = board.ascii_breaks

    def counting(text: str, width: int, fold: bool = True) -> int:
        calls.append(width)
        return real(text, width, fold)

    monkeypatch.setattr(board, "ascii_breaks", counting)
    prompt = card_prompt(Card(text="Short-term grants end before the work is embedded", tags=("funding",)))
    heights = [prompt.get_height(_STYLES, width) for width in (40, 40, 40, 20, 20)]
    assert heights == [2, 2, 2, 4, 4] and calls == [39, 19]  # the text's width: the bar hangs in front


@settings(max_examples=500, deadline=None)
@given(
    text=st.lists(st.sampled_from(["a", "bb", "x" * 30, " ", "  ", ",", "-", "word", "y" * 70]), max_size=30).map(
        "".join
    ),
    width=st.integers(1, 90),
    fold=st.booleans(),
)
def test_ascii_breaks_are_where_rich_breaks(text: str, width: int, fold: bool) -> None:
    """The board's own count of an ASCII card's line breaks is rich's divide_line's, exactly."""
    from piptui.ui._textual_compat import divide_line
    from piptui.ui.widgets.board import ascii_breaks

    assert divide_line is not None
    assert ascii_breaks(text, width, fold) == len(divide_line(text, width, fold=fold))

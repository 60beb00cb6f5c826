"""What piptui.ui._textual_compat assumes of Textual's and Rich's private parts: one test each.

Run this file first after moving the textual pin: a failure names the assumption that broke.
"""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from piptui.ui import _textual_compat as compat


def test_divide_line_is_where_content_breaks_a_line() -> None:
    assert compat.divide_line is not None, "rich._wrap.divide_line moved: the board measures slowly"
    text = "Lack of resources to participate in the partnership, " * 3
    for width in (10, 23, 40, 80):
        content = Content(text)
        lines = content.wrap(width)
        assert len(compat.divide_line(text, width, fold=True)) + 1 == len(lines)


def test_content_keeps_its_height_in_a_one_entry_cache() -> None:
    content = Content("one two three four five six seven")
    key: compat.HeightKey = (12, "fold", False)
    compat.cache_height(content, key, 7)
    assert compat.cached_height(content, key) == 7
    assert compat.cached_height(content, (13, "fold", False)) is None
    cache = content._height_cache
    assert isinstance(cache, tuple) and len(cache) == 2  # (key, height), as Content keeps it


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield OptionList(*[Option(f"option {n} " + "word " * (n % 4) * 6, id=str(n)) for n in range(40)])


async def test_an_option_list_knows_each_options_lines() -> None:
    app = ListApp()
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        option_list = app.query_one(OptionList)
        seen = [compat.option_lines(option_list, i) for i in range(40)]
        assert all(where is not None for where in seen)
        lines = [where[0] for where in seen if where is not None]
        heights = [where[1] for where in seen if where is not None]
        assert lines == sorted(lines) and lines[0] == 0
        assert any(h > 1 for h in heights)  # the long ones wrap
        assert all(lines[i + 1] == lines[i] + heights[i] for i in range(39))


async def test_an_option_list_can_be_made_to_wrap_again() -> None:
    app = ListApp()
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        option_list = app.query_one(OptionList)
        assert option_list._option_render_cache is not None and option_list._line_cache is not None
        compat.forget_wrapped_lines(option_list)
        assert not option_list._line_cache.lines and not option_list._option_render_cache
        await pilot.pause()
        assert compat.option_lines(option_list, 39) is not None


def _layout(option_list: OptionList) -> list[tuple[str | None, int, int]]:
    where = [compat.option_lines(option_list, i) for i in range(option_list.option_count)]
    return [(o.id, *w) for o, w in zip(option_list.options, where, strict=True) if w is not None]


async def test_an_option_list_can_lose_its_last_options_and_keep_the_others_lines() -> None:
    app = ListApp()
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        option_list = app.query_one(OptionList)
        before = _layout(option_list)
        option_list.scroll_end(animate=False, immediate=True)
        await pilot.pause()  # the last options drawn, "39" among them
        last = option_list.options[39]
        compat.truncate_options(option_list, 25)
        assert option_list.option_count == 25 and len(option_list._line_cache.lines) == before[25][1]
        assert _layout(option_list) == before[:25]
        option_list.add_options([Option("new " * 9, id="new"), last])  # "39" again, one place on
        assert option_list.get_option_index("new") == 25 and option_list.get_option_index("39") == 26
        option_list.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        top = int(option_list.scroll_y)
        for y in range(option_list.scrollable_content_region.height):  # each line names its option, for the mouse
            metas = {seg.style.meta.get("option") for seg in option_list.render_line(y) if seg.style}
            assert metas == {option_list._line_cache.lines[top + y][0]}
        assert option_list._line_cache.lines[-1][0] == 26  # the moved "39" among them, drawn anew
        layout = _layout(option_list)
        option_list.set_options(list(option_list.options))  # the same options, measured afresh
        assert _layout(option_list) == layout
        await pilot.pause()


async def test_an_option_can_be_retitled_only_at_its_height() -> None:
    app = ListApp()
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        option_list = app.query_one(OptionList)
        before = _layout(option_list)
        assert compat.retitle_option(option_list, 0, Content("option 0 again"))
        assert str(option_list.options[0].prompt) == "option 0 again" and _layout(option_list) == before
        assert not compat.retitle_option(option_list, 1, Content("a long one " * 5))
        assert str(option_list.options[1].prompt).startswith("option 1") and _layout(option_list) == before
        assert "option 0 again" in option_list.render_line(0).text  # drawn anew, not from the old lines


class Growing(OptionList):
    DEFAULT_CSS = "Growing { height: 1fr; }"  # as the board's lists: not as high as their options

    virtual_size = compat.virtual_size_without_layout()


class GrowingApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Growing(*[Option(f"option {n}", id=str(n)) for n in range(2)])


async def test_a_list_can_grow_without_laying_the_screen_out_until_it_needs_its_scrollbar() -> None:
    """Widget.virtual_size lays the screen out at each change; declared again without that, a
    list that grows is repainted alone, and a scrollbar coming still lays it out (a reactive of its own)."""
    from textual.geometry import Size
    from textual.reactive import Reactive
    from textual.widget import Widget

    declared = Widget.__dict__["virtual_size"]
    assert isinstance(declared, Reactive) and declared._layout  # what the board's lists declare again
    assert isinstance(Widget.__dict__["show_vertical_scrollbar"], Reactive)
    assert Widget.__dict__["show_vertical_scrollbar"]._layout  # a scrollbar coming lays out
    app = GrowingApp()
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        grower = app.query_one(Growing)
        grower.set_reactive(Widget.virtual_size, Size(3, 4))  # as Widget's own code sets it: the same value
        assert grower.virtual_size == Size(3, 4)
        grower.set_options(grower.options)
        await pilot.pause()
        layouts: list[bool] = []
        screen = app.screen
        lay_out = screen._refresh_layout
        screen._refresh_layout = lambda *a, **k: (layouts.append(True), lay_out(*a, **k))[1]  # type: ignore[method-assign]
        grower.add_options([Option(f"more {n}", id=f"more{n}") for n in range(30)])
        await pilot.pause()
        assert layouts and grower.show_vertical_scrollbar and grower.vertical_scrollbar.region.height
        layouts.clear()
        before = grower.virtual_size.height
        grower.add_options([Option(f"late {n}", id=f"late{n}") for n in range(5)])
        await pilot.pause()
        assert not layouts and grower.virtual_size.height == before + 5  # grown, nothing laid out
        grower.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert "late 4" in grower.render_line(grower.scrollable_content_region.height - 1).text  # scrolls to it


class First(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("first")


class FirstScreenApp(App[None]):
    def get_default_screen(self) -> Screen[Any]:
        screen = First()
        compat.give_result_callback(screen, self)
        return screen


async def test_the_first_screen_can_be_switched_away_from() -> None:
    app = FirstScreenApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        second = First()
        await app.switch_screen(second)
        await pilot.pause()
        assert app.screen is second


def test_a_widgets_styles_key_changes_when_a_style_does() -> None:
    """The board reads its wrapping rules again only when this key changes."""
    widget = Static()
    before = compat.styles_key(widget.styles)
    assert isinstance(before, int)
    assert compat.styles_key(widget.styles) == before
    widget.styles.text_wrap = "nowrap"
    assert compat.styles_key(widget.styles) != before
    assert compat.styles_key({"text_wrap": "wrap"}) is None


class SaveOnCtrlS(Screen[None]):
    BINDINGS = [("ctrl+s", "save", "Save"), ("escape", "cancel", "Cancel")]


async def test_an_apps_error_notifications_and_a_screens_key_actions_can_be_read() -> None:
    app = FirstScreenApp()
    async with app.run_test(notifications=True) as pilot:
        assert compat.error_notices(app) == 0
        app.notify("fine")
        app.notify("Not saved: the disk is full", severity="error")
        await pilot.pause()
        assert compat.error_notices(app) == 1
        screen = SaveOnCtrlS()
        await app.push_screen(screen)
        await pilot.pause()
        assert compat.actions_on_key(screen, "ctrl+s") == ["save"]
        assert compat.actions_on_key(screen, "f9") == []


def test_a_stylesheet_takes_a_parse_it_is_given_instead_of_parsing() -> None:
    from textual.css.stylesheet import Stylesheet

    css = "#x { width: 3; }"
    first = Stylesheet()
    first.add_source(css, read_from=("kept.tcss", ""))
    first.parse()
    parsed = compat.parsed_css(first)
    assert [key[0] for key, _rules in parsed] == [css]  # keyed by the CSS text first
    given = parsed[0][1]
    second = Stylesheet()
    compat.seed_parsed_css(second, parsed)
    second.add_source(css, read_from=("kept.tcss", ""))
    second.parse()
    assert second.rules == given and second.rules[0] is given[0]  # the given parse, not a new one
    second.set_variables({"x": "1"})  # new variables: Textual forgets the parses, given ones too
    assert compat.parsed_css(second) == []


class StyledBox(Static):
    DEFAULT_CSS = "StyledBox { background: red; } StyledBox.-late { color: blue; }"


class StyledScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield StyledBox("styled", id="box")
        yield Static("by the app's CSS", id="other")

    def on_mount(self) -> None:
        self.query_one("#box").add_class("-late")  # a class set between mounting and the resume


class StyledOnceApp(App[None]):
    CSS = "#other { color: yellow; }"

    def __init__(self, *, once: bool) -> None:
        super().__init__()
        self.once = once
        self.restyled: list[int] = []  # how many nodes each whole-screen restyle covered

    def get_default_screen(self) -> Screen[None]:
        screen = StyledScreen()
        if self.once:
            compat.style_first_screen_once(screen)
        update_nodes = self.stylesheet.update_nodes

        def spy(nodes: Any, animate: bool = False) -> None:
            nodes = list(nodes)
            if screen in nodes:
                self.restyled.append(len(nodes))
            update_nodes(nodes, animate=animate)

        self.stylesheet.update_nodes = spy  # type: ignore[method-assign]
        return screen


async def styles_of(app: StyledOnceApp) -> tuple[object, ...]:
    async with app.run_test() as pilot:
        await pilot.pause()
        box, other = app.screen.query_one("#box"), app.screen.query_one("#other")
        assert "post_message" not in vars(app.screen), "the screen's own method again after the first resume"
        return (box.styles.background, box.styles.color, other.styles.color, other.styles.background)


async def test_textual_restyles_a_first_screen_at_its_first_resume_and_need_not() -> None:
    from textual.color import Color

    usual, once = StyledOnceApp(once=False), StyledOnceApp(once=True)
    usual_styles = await styles_of(usual)
    assert usual.restyled, "Textual no longer restyles the first screen on resume: drop style_first_screen_once"
    once_styles = await styles_of(once)
    assert once.restyled == [], "styled once, as its widgets mounted"
    assert once_styles == usual_styles
    assert once_styles[:3] == (Color.parse("red"), Color.parse("blue"), Color.parse("yellow"))


async def test_a_line_painter_draws_each_line_as_the_option_list_does() -> None:
    app = ListApp()
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        option_list = app.query_one(OptionList)
        option_list.add_option(Option("a heading", id="heading", disabled=True))
        option_list.highlighted = 37
        option_list._mouse_hovering_over = 38
        option_list.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        height = option_list.scrollable_content_region.height
        for scroll in (0, int(option_list.scroll_y), int(option_list.scroll_y) + 3):
            option_list.scroll_to(y=scroll, animate=False, immediate=True)
            paint = compat.line_painter(option_list)
            for y in range(height + 2):  # and past the last line: blank
                assert paint(y) == option_list.render_line(y), (scroll, y)
        option_list.clear_options()
        assert compat.line_painter(option_list)(0) == option_list.render_line(0)


class BorderedListApp(App[None]):
    CSS = "OptionList { border: round red; padding: 0 1; height: 1fr; } OptionList:focus { border: round blue; }"

    def compose(self) -> ComposeResult:
        yield OptionList(*[Option(f"option {n} " + "word " * (n % 4) * 6, id=str(n)) for n in range(40)])
        yield Static("below", markup=False)


async def test_composed_lines_are_the_lines_textual_composes() -> None:
    from textual._styles_cache import StylesCache

    app = BorderedListApp()
    async with app.run_test(size=(30, 14)) as pilot:
        option_list = app.query_one(OptionList)
        compat.keep_composed_lines(option_list)
        option_list.refresh()
        await pilot.pause()

        def same() -> None:
            crop = option_list.size.region
            kept = option_list._styles_cache
            assert isinstance(kept, compat.ComposedLines)
            kept.set_dirty(crop)
            assert kept.render_widget(option_list, crop) == StylesCache().render_widget(option_list, crop)

        same()
        for step in range(6):  # scrolled line by line: each line composed from a strip drawn before
            option_list.scroll_to(y=step, animate=False, immediate=True)
            await pilot.pause()
            same()
        assert option_list._styles_cache._composed  # type: ignore[attr-defined]
        option_list.focus()  # the border's colour changes: composed again
        option_list.highlighted = 3
        await pilot.pause()
        same()
        app.screen.focus_next()
        await pilot.pause()
        same()
        await pilot.resize_terminal(24, 12)
        await pilot.pause()
        same()

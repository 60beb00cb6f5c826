"""Every use piptui makes of a private Textual or Rich API, in one place.

Each is here for speed or for a gap in the public API (named below), and each has a test in
tests/test_textual_compat.py that fails if a Textual or Rich release changes what it relies
on: upgrading textual means running that file first. Nothing else in piptui touches a name
with a leading underscore of Textual's or Rich's.

- ``rich._wrap.divide_line``: where Content breaks a line. The board counts a card's wrapped
  height with it instead of laying the card out (a 5,000-card board's first render 0.80 -> 0.50 s).
- ``Content._height_cache``: Content's own one-entry cache of its height, kept by the board's
  card Content as Content keeps it.
- ``RenderStyles._cache_key``: a number that changes whenever any of a widget's styles does. The
  board reads its wrapping rules (three ``styles.get``, 9 µs each) once per change of it, not once
  per card each time the list re-measures (a new card on a 5,000-card board: 0.18 s of 0.44 s).
- ``OptionList._update_lines``, ``_index_to_line``, ``_heights``: where an option is, in lines
  (to scroll a new card into view without moving the highlight; OptionList offers only
  ``scroll_to_highlight``).
- ``OptionList._option_render_cache``, ``_line_cache``: wrapped lines, forgotten when the width
  changes together with a mount beside the list (OptionList can keep the old width's lines).
- ``OptionList._options``, ``_id_to_option``, ``_option_to_index``, ``_line_cache``, ``_markup``,
  ``_get_left_gutter_width``, ``Option._set_prompt``: :func:`truncate_options` drops a list's last
  options and :func:`retitle_option` gives one a new prompt of the same height, both keeping the
  measured lines of the others (a card from another terminal on a 2,000-card column: rebuilding
  it with ``set_options`` measured every card again; OptionList can only add at the end or clear).
- ``textual._styles_cache.StylesCache`` (its ``render_line`` and ``clear``) and ``Widget._styles_cache``:
  :class:`ComposedLines` keeps a board's composed lines by the content strip each was made from
  (a column scrolled to its new card composed its 40 lines again, 0.1 ms each).
- ``OptionList._option_render_cache``, ``_line_cache``, ``_options``, ``_mouse_hovering_over``,
  ``_get_option_render`` and the component classes ``render_line`` picks: :func:`line_painter` is
  ``OptionList.render_line`` with what it looks up for every line looked up once a frame (a
  column scrolled to its new card draws all its lines).
- ``Widget.virtual_size``, a reactive that lays the whole screen out again whenever it changes:
  :func:`virtual_size_without_layout` declares it again, for the board's lists, repainting only
  the list. A card from another terminal grows its column's virtual size; the layout that
  followed reflowed the screen, which told every list its size again, and each repainted its
  scrollbar: the whole screen drawn twice for one card (a p95 of 120 ms on the side-by-side
  board). A list whose scrollbar comes or goes is still laid out: ``show_vertical_scrollbar``
  is a reactive of its own that does it.
- ``Screen._push_result_callback``: the first screen of an app gets the empty result callback
  every pushed screen gets, so ``switch_screen`` away from it works (Textual 8.2 gives the
  default screen none and fails with IndexError).
- ``Content``'s and Rich's control-code translate tables (``textual.content._CONTROL_STRIP_TRANSLATE``,
  ``rich.control._CONTROL_STRIP_TRANSLATE``): they drop BEL, BS, VT, FF and CR; :func:`show_control_characters`
  extends them so every control character but newline and tab becomes a visible placeholder (ESC
  as "␛"): text from a file can never drive the terminal, through any widget, whoever built the Content.
- ``textual._xterm_parser.XTermParser`` and the name the Linux drivers import it by
  (``textual.drivers.linux_driver.XTermParser``, ``linux_inline_driver``): inside a bracketed
  paste, Textual's parser takes an ESC for the start of a key sequence and replays what follows
  as key presses (a pasted ``x\\e]0;T\\a y`` typed "^]0;T y", its BEL pressed Ctrl+G, and only
  "x" arrived as the paste). :class:`WholePasteParser` cuts a paste out of the input before
  Textual's parser sees it, so the paste arrives whole, as one Paste event, control characters
  and all, for the field to refuse; :func:`keep_pastes_whole` makes the drivers use it.
- ``LinuxDriver.run_input_thread`` (replaced), ``Driver._debug``, ``textual._parser.ParseError`` and
  ``LinuxDriver.exit_event`` (the flag ``disable_input`` sets before joining the input thread):
  :class:`QuietLinuxDriver`'s input thread sleeps in ``select`` until a key or the exit instead of
  waking every 0.1 s (an idle session screen: 0.5% of a core on a two-core laptop, the whole of
  bench idle's budget). Its tests, in a real pseudo-terminal, are in tests/test_quiet_input.py.
- ``App._exit_renderables``, ``_exception``, ``_exception_event``, ``_return_code``,
  ``_close_messages_no_wait``: :func:`handle_exception_privately` replaces ``App._handle_exception``,
  whose traceback shows local variables (card text, confidential too); ours goes, without locals,
  to a private file (0600) and the terminal gets one line naming it.
- ``App._notifications`` and ``Screen._bindings.key_to_bindings``: :func:`error_notices` counts the
  error notifications on screen (quitting saves, then checks that nothing it saved said an error),
  and :func:`actions_on_key` finds the action a dialog's Ctrl+S runs (Textual has no public way to
  ask either).
- ``Stylesheet._parse_cache``: the stylesheet's cache of parsed sources (an ``LRUCache`` keyed
  by ``(css, read_from, is_default_rules, tie_breaker, scope)``, cleared when the variables
  change), which ``_parse_rules`` consults before it parses. :mod:`piptui.ui.css_cache` seeds it
  with the sources the last launch parsed (piptui.tcss and the widgets' CSS: 20-30 ms of the
  first frame, bench start-up); Textual has no public way to keep a parse.
- ``events.ScreenResume.refresh_styles`` and the order ``App._init_mode`` keeps for the default
  screen (registered, then its first ``ScreenResume`` posted, handled once its widgets have mounted,
  each styled as it mounted): :func:`style_first_screen_once` marks that first resume as one that
  need not style every widget again (``Screen._on_screen_resume``: 12-16 ms of the session
  screen's first frame, bench start-up). Textual sets the flag itself when a screen is popped.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import sys
import threading
import time
import traceback
from codecs import getincrementaldecoder
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import rich.control
import textual.content
from rich.text import Text
from textual import constants, events
from textual._parser import ParseError
from textual._styles_cache import StylesCache
from textual._xterm_parser import XTermParser
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.strip import Strip

from piptui.domain.text_rules import ALLOWED, visible

if TYPE_CHECKING:
    from textual.app import App
    from textual.content import Content
    from textual.css.model import RuleSet
    from textual.css.styles import RulesMap
    from textual.css.stylesheet import Stylesheet
    from textual.screen import Screen
    from textual.style import Style
    from textual.widget import Widget
    from textual.widgets import OptionList
    from textual.widgets.option_list import Option

HeightKey = tuple[int, str, bool]  # (width, overflow, no_wrap), as Content keys its height

divide_line: Callable[..., list[int]] | None
try:  # what Content itself wraps with
    from rich._wrap import divide_line
except ImportError:  # pragma: no cover - a Rich that moved it: measure as Content does
    divide_line = None


def cached_height(content: Content, key: HeightKey) -> int | None:
    """The height Content cached for ``key``, if that is what it holds."""
    cache: tuple[Any, int] = content._height_cache
    return cache[1] if cache[0] == key else None


def cache_height(content: Content, key: HeightKey, height: int) -> None:
    content._height_cache = (key, height)


def styles_key(rules: object) -> int | None:
    """The styles' own cache key (it changes when any style does); None for another kind of rules."""
    key = getattr(rules, "_cache_key", None)
    return key if isinstance(key, int) else None


def option_lines(option_list: OptionList, index: int, *, update: bool = True) -> tuple[int, int] | None:
    """The first line and the height (in lines) of option ``index``; None if it has no line yet."""
    if update:
        option_list._update_lines()
    line: int | None = option_list._index_to_line.get(index)
    if line is None:
        return None
    height: int = option_list._heights.get(index, 1)
    return line, height


def forget_wrapped_lines(option_list: OptionList) -> None:
    """Make the list wrap its options again (for a new width)."""
    option_list._option_render_cache.clear()
    option_list._line_cache.clear()


def truncate_options(option_list: OptionList, keep: int) -> None:
    """Drop the options from index ``keep`` on; those before keep their measured lines."""
    options = option_list._options
    gone = options[keep:]
    del options[keep:]
    for option in gone:
        option_list._option_to_index.pop(option, None)
        if option.id is not None:
            option_list._id_to_option.pop(option.id, None)
    cache = option_list._line_cache
    first_line = cache.index_to_line.get(keep)
    if first_line is not None:
        del cache.lines[first_line:]
    for index in range(keep, keep + len(gone)):
        cache.index_to_line.pop(index, None)
        cache.heights.pop(index, None)
    _forget_renders(option_list, lambda option: option not in option_list._option_to_index)
    option_list._mouse_hovering_over = None
    option_list.refresh()


def line_painter(option_list: OptionList) -> Callable[[int], Strip]:
    """``OptionList.render_line`` for one frame: what it looks up for every line (the lines, the
    scroll, the option padding and styles) looked up once. OptionList's own asks the widget for its
    content region twice a line (``_update_lines`` and ``_get_option_render``): 40 lines of a
    column scrolled to its new card cost about 5 ms in that. The same strips: a line not drawn yet
    is drawn by ``_get_option_render`` itself. Valid while nothing changes the list (one render)."""
    option_list._update_lines()
    lines = option_list._line_cache.lines
    options = option_list._options
    scroll_y = option_list.scroll_offset.y
    highlighted = option_list.highlighted
    hovered = option_list._mouse_hovering_over
    padding = option_list.get_component_styles("option-list--option").padding
    cache = option_list._option_render_cache
    get_option_render = option_list._get_option_render
    styles: dict[str, Style] = {}

    def style_of(component: str) -> Style:
        style = styles.get(component)
        if style is None:
            if component:
                style = option_list.get_visual_style("option-list--option", component)
            else:
                style = option_list.get_visual_style("option-list--option")
            styles[component] = style
        return style

    def blank() -> Strip:
        return Strip.blank(
            option_list.scrollable_content_region.width,
            option_list.get_visual_style("option-list--option").rich_style,
        )

    def paint(y: int) -> Strip:
        try:
            index, offset = lines[scroll_y + y]
            option = options[index]
        except IndexError:
            return blank()
        if option.disabled:
            component = "option-list--option-disabled"
        elif highlighted == index:
            component = "option-list--option-highlighted"
        elif hovered == index:
            component = "option-list--option-hover"
        else:
            component = ""
        style = style_of(component)
        strips = cache.get((option, style, padding))
        if strips is None:
            strips = get_option_render(option, style)
        try:
            return strips[offset]
        except IndexError:
            return blank()

    return paint


class ComposedLines(StylesCache):
    """A widget's ``StylesCache`` that keeps each content line as composed (its border and padding
    around it), by the content strip it was made from, while the styles, size and colours are the
    same: a list scrolled by a line draws every line again, but each from the strip it was drawn
    from before (an option's lines are kept), so each composes at once. Textual composes a line in
    about 0.1 ms (the border's styles, colours, boxes looked up again for every line); a column
    scrolled to a new card composed 40. Border and padding rows are composed as Textual does."""

    LIMIT = 512  # lines kept (a tall screen's column several times over)

    def __init__(self) -> None:
        super().__init__()
        self._composed: dict[int, tuple[Strip, tuple[object, ...], Strip]] = {}

    def clear(self) -> None:
        super().clear()
        self._composed.clear()

    def render_line(
        self,
        styles: Any,
        y: int,
        size: Size,
        content_size: Size,
        padding: Any,
        base_background: Any,
        background: Any,
        render_content_line: Callable[[int], Strip],
        border_title: Any,
        border_subtitle: Any,
        opacity: float,
        ansi_theme: Any,
        native_ansi: bool,
    ) -> Strip:
        gutter = styles.gutter
        key = styles_key(styles)
        if key is None or not gutter.top <= y < size.height - gutter.bottom:
            return super().render_line(
                styles, y, size, content_size, padding, base_background, background, render_content_line,
                border_title, border_subtitle, opacity, ansi_theme, native_ansi,
            )  # fmt: skip
        content = render_content_line(y - gutter.top)
        said = (key, size, content_size, padding, base_background, background, opacity, id(ansi_theme), native_ansi)
        kept = self._composed.get(id(content))
        if kept is not None and kept[0] is content and kept[1] == said:
            return kept[2]
        strip = super().render_line(
            styles, y, size, content_size, padding, base_background, background, lambda _y: content,
            border_title, border_subtitle, opacity, ansi_theme, native_ansi,
        )  # fmt: skip
        composed = self._composed
        composed[id(content)] = (content, said, strip)  # the strip held: its id is not another's
        if len(composed) > self.LIMIT:
            del composed[next(iter(composed))]
        return strip


def keep_composed_lines(widget: Widget) -> None:
    """Make ``widget`` keep its composed lines (:class:`ComposedLines`)."""
    widget._styles_cache = ComposedLines()


def _forget_renders(option_list: OptionList, forget: Callable[[Option], bool]) -> None:
    """Drop the drawn lines of the options ``forget`` names (a line names its option's index,
    for the mouse: an option that moved is drawn again); the others' stay drawn."""
    cache = option_list._option_render_cache
    stored = cache.keys()
    for key in [key for key in stored if forget(key[0])]:
        cache.discard(key)


def retitle_option(option_list: OptionList, index: int, prompt: Content) -> bool:
    """Give option ``index`` the new ``prompt`` if it is as many lines high as the old one (the
    others keep their measured lines); False, and nothing changed, if it is not (or not measured)."""
    from textual.visual import visualize

    height: int | None = option_list._line_cache.heights.get(index)
    if height is None or not 0 <= index < len(option_list._options):
        return False
    option = option_list._options[index]
    visual = visualize(option_list, prompt, markup=option_list._markup)
    padding = option_list.get_component_styles("option-list--option").padding
    width = option_list.scrollable_content_region.width - option_list._get_left_gutter_width()
    if visual.get_height(cast("RulesMap", option_list.styles), width - padding.width) + option._divider != height:
        return False
    option._set_prompt(prompt)
    option._visual = visual
    _forget_renders(option_list, lambda rendered: rendered is option)
    option_list.refresh()
    return True


def virtual_size_without_layout() -> Reactive[Size]:
    """``Widget.virtual_size`` as a scroll view can declare it (``virtual_size = ...`` in its
    class): a change repaints the view, and lays nothing out."""
    return Reactive(Size(0, 0), layout=False)


def give_result_callback(screen: Screen[Any], app: App[Any]) -> None:
    """Give an app's first screen the empty result callback a pushed screen gets."""
    screen._push_result_callback(app, None)


def style_first_screen_once(screen: Screen[Any]) -> None:
    """The first ``ScreenResume`` this screen is sent does not style its widgets again: they
    were styled as they mounted, an instant before. Later resumes (back from a pushed screen,
    a changed stylesheet) still do."""
    post = screen.post_message

    def post_message(message: Message) -> bool:
        if isinstance(message, events.ScreenResume):
            message.refresh_styles = False
            del screen.post_message  # once: the class's own method from now on
        return post(message)

    screen.post_message = post_message  # type: ignore[method-assign]


_CONTROL_CODES = [c for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in ALLOWED]


def show_control_characters() -> None:
    """Make Textual's Content and Rich's Text show control characters as placeholders."""
    pictures = {code: visible(chr(code)) for code in _CONTROL_CODES}
    for table in (textual.content._CONTROL_STRIP_TRANSLATE, rich.control._CONTROL_STRIP_TRANSLATE):
        table.update(pictures)  # type: ignore[arg-type]  # translate tables: None (drop) or a text


HOLD = 0.005  # seconds a possible start of a paste marker waits for the rest of it
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


class WholePasteParser(XTermParser):
    """Textual's terminal input parser, but a bracketed paste is one Paste event of exactly what
    was pasted (Textual's own would replay an ESC inside it, and what follows, as key presses)."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasted: list[str] | None = None  # the paste so far, while inside one
        self._held = ""  # a marker cut in two by the end of a read (or a lone ESC: a key?)
        self._held_at = 0.0

    def tick(self) -> Iterable[Message]:
        """The driver calls this after each read and at least every 0.1 s: what was held back as
        the start of a paste marker, and is not (nothing followed), goes on to Textual's parser,
        whose wait for what follows an ESC counts from when it came (an Esc key is as quick)."""
        waited = time.monotonic() - self._held_at
        if self._held and self._pasted is None and waited >= HOLD:
            held, self._held = self._held, ""
            yield from super().feed(held)
            if self._timeout_time is not None:
                self._timeout_time -= waited
        yield from super().tick()

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of the input
            if self._pasted is not None:
                yield events.Paste("".join(self._pasted).replace("\x00", ""))
                self._pasted = None
            if self._held:
                yield from super().feed(self._held)
            yield from super().feed("")
            return
        data, self._held = self._held + data, ""
        while data:
            if self._pasted is None:
                start = data.find(PASTE_START)
                if start < 0:
                    data, self._held = _split_marker(data, PASTE_START)
                    self._held_at = time.monotonic()
                    if data:  # (an empty feed is the end of the input)
                        yield from super().feed(data)
                    return
                if start:
                    yield from super().feed(data[:start])
                data, self._pasted = data[start + len(PASTE_START) :], []
            else:
                end = data.find(PASTE_END)
                if end < 0:
                    text, self._held = _split_marker(data, PASTE_END)
                    self._pasted.append(text)
                    return
                self._pasted.append(data[:end])
                yield events.Paste("".join(self._pasted).replace("\x00", ""))
                data, self._pasted = data[end + len(PASTE_END) :], None


def _split_marker(data: str, marker: str) -> tuple[str, str]:
    """``data`` without the start of ``marker`` it may end with, and that start."""
    for size in range(len(marker) - 1, 0, -1):
        if data.endswith(marker[:size]):
            return data[:-size], data[-size:]
    return data, ""


def keep_pastes_whole() -> None:
    """Make the terminal drivers parse input with :class:`WholePasteParser`."""
    import textual.drivers.linux_driver
    import textual.drivers.linux_inline_driver

    for driver in (textual.drivers.linux_driver, textual.drivers.linux_inline_driver):
        setattr(driver, "XTermParser", WholePasteParser)  # noqa: B010 - the name each driver imported


INPUT_ACTIVE = constants.ESCAPE_DELAY + 0.15  # seconds after input that the parser may still wait


class WakingEvent(threading.Event):
    """A ``threading.Event`` that is also a file: readable while the event is set, so a thread
    waiting on input in ``select`` wakes the moment it is set."""

    def __init__(self) -> None:
        super().__init__()
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)

    def fileno(self) -> int:
        return self._read

    def set(self) -> None:
        super().set()
        with contextlib.suppress(BlockingIOError, OSError):  # full (set already) or closed
            os.write(self._write, b"!")

    def clear(self) -> None:
        super().clear()
        with contextlib.suppress(BlockingIOError, OSError):
            while os.read(self._read, 64):
                pass

    def close(self) -> None:
        for fd in (self._read, self._write):
            with contextlib.suppress(OSError):
                os.close(fd)


if sys.platform != "win32":  # (Windows has no termios: its own driver, as Textual has it)
    from textual.drivers.linux_driver import LinuxDriver

    class QuietLinuxDriver(LinuxDriver):
        """Textual's terminal driver, but its input thread sleeps until a key or the app's exit.

        Textual's thread wakes every 0.1 s to check whether the app is ending and to time out an Esc
        (is an ESC the Esc key, or the start of a key's sequence?): half a percent of a core, idle, on
        a laptop in the room all morning. This one waits in ``select`` on the terminal and on
        ``exit_event`` (a :class:`WakingEvent`), keeps Textual's 0.1 s ticks only while input may
        still be waiting on a timeout (:data:`INPUT_ACTIVE` after the last read), and parses with
        :class:`WholePasteParser`. The rest is ``LinuxDriver.run_input_thread`` as Textual 8.2 has it.
        """

        def __init__(self, app: App[Any], **kwargs: Any) -> None:
            super().__init__(app, **kwargs)
            self.exit_event = WakingEvent()

        def run_input_thread(self) -> None:
            fileno, exit_event = self.fileno, self.exit_event
            assert isinstance(exit_event, WakingEvent)
            selector = selectors.SelectSelector()
            selector.register(fileno, selectors.EVENT_READ)
            selector.register(exit_event.fileno(), selectors.EVENT_READ)
            parser = WholePasteParser(self._debug)
            decode = getincrementaldecoder("utf-8")().decode
            last_input = time.monotonic()

            def process(ready: list[tuple[selectors.SelectorKey, int]]) -> bool:
                """Feed what the terminal has to the parser; False at the end of the input."""
                for key, mask in ready:
                    if key.fd == fileno and mask & selectors.EVENT_READ:
                        data = decode(os.read(fileno, 1024 * 4))
                        if not data:  # stdin piped, and ended (Textual's thread spins on, reading nothing)
                            return False
                        for event in parser.feed(data):
                            self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
                return True

            try:
                while not exit_event.is_set():
                    waiting = time.monotonic() - last_input < INPUT_ACTIVE
                    ready = selector.select(0.1 if waiting else None)
                    if any(key.fd == fileno for key, _ in ready):
                        last_input = time.monotonic()
                    if not process(ready):
                        break
                selector.unregister(fileno)
                process([])  # the last tick: an Esc pressed just before the exit
            finally:
                selector.close()
                with contextlib.suppress(EOFError, ParseError):
                    for _event in parser.feed(""):
                        pass

        def close(self) -> None:
            super().close()
            if isinstance(self.exit_event, WakingEvent):
                self.exit_event.close()


def crash_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_state_dir("piptui", appauthor=False)) / "crashes"


def write_crash_report(error: BaseException | None = None) -> Path | None:
    """The current exception's traceback (no local variables) in a new 0600 file; its path."""
    try:
        folder = crash_folder()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
        if error is not None:
            text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        else:
            text = traceback.format_exc()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        return path
    except OSError:
        return None


def report_crash_privately(app: Any, error: BaseException | None = None) -> None:
    """What ``App._fatal_error`` does, but the details go to a private file, not the screen."""
    path = write_crash_report(error)
    where = f"the details are in {path} (readable by you only)" if path else "no report could be written"
    line = f"piptui stopped on an unexpected error; {where}. Your saved cards are safe."
    app.bell()
    app._exit_renderables.append(Text(line))  # wraps at the terminal's width, never cropped
    app._close_messages_no_wait()


def handle_exception_privately(app: Any, error: Exception) -> None:
    """``App._handle_exception`` (the app exits), with the report of :func:`report_crash_privately`."""
    app._return_code = 1
    if app._exception is None:  # as Textual: Pilot re-raises the first one for the tests
        app._exception = error
        app._exception_event.set()
    report_crash_privately(app, error)


def error_notices(app: App[Any]) -> int:
    """How many error notifications ``app`` shows now."""
    return sum(1 for n in app._notifications if n.severity == "error")


def actions_on_key(screen: Screen[Any], key: str) -> list[str]:
    """The actions ``screen``'s own bindings run for ``key``, in order."""
    return [binding.action for binding in screen._bindings.key_to_bindings.get(key, [])]


def parsed_css(stylesheet: Stylesheet) -> list[tuple[tuple[Any, ...], list[RuleSet]]]:
    """The stylesheet's sources as it has parsed them (with its current variables): (key, rules),
    only those of sources it has now (not a source replaced since, nor one seeded and unused)."""
    cache = stylesheet._parse_cache
    current = {(css, where, defaults, tie, scope) for where, (css, defaults, tie, scope) in stylesheet.source.items()}
    return [(key, rules) for key in list(cache.keys()) if key in current and (rules := cache.get(key)) is not None]


def seed_parsed_css(stylesheet: Stylesheet, parsed: Iterable[tuple[tuple[Any, ...], list[RuleSet]]]) -> None:
    """Give the stylesheet sources parsed before (with the same variables): it does not parse
    them again. Seeded before the first parse; a change of variables clears them, as Textual's own."""
    cache = stylesheet._parse_cache
    for key, rules in parsed:
        cache.set(key, rules)

"""Every use piptui makes of a private Textual or Rich API, in one place.

Each is here for speed or for a gap in the public API (named below), and each has a test in
tests/test_textual_compat.py that fails if a Textual or Rich release changes what it relies
on: upgrading textual means running that file first. Nothing else in piptui touches a name
with a leading underscore of Textual's or Rich's.

- ``rich._wrap.divide_line``: where Content breaks a line. The board counts a card's wrapped
  height with it instead of laying the card out (a 5,000-card board's first render 0.80 -> 0.50 s).
- ``Content._height_cache``: Content's own one-entry cache of its height, kept by the board's
  card Content as Content keeps it.
- ``OptionList._update_lines``, ``_index_to_line``, ``_heights``: where an option is, in lines
  (to scroll a new card into view without moving the highlight; OptionList offers only
  ``scroll_to_highlight``).
- ``OptionList._option_render_cache``, ``_line_cache``: wrapped lines, forgotten when the width
  changes together with a mount beside the list (OptionList can keep the old width's lines).
- ``Screen._push_result_callback``: the first screen of an app gets the empty result callback
  every pushed screen gets, so ``switch_screen`` away from it works (Textual 8.2 gives the
  default screen none and fails with IndexError).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.content import Content
    from textual.screen import Screen
    from textual.widgets import OptionList

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


def give_result_callback(screen: Screen[Any], app: App[Any]) -> None:
    """Give an app's first screen the empty result callback a pushed screen gets."""
    screen._push_result_callback(app, None)

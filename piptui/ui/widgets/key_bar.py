"""The key bar at the bottom of every screen: the screen's shown bindings, one line. Passive.

Textual's ``Footer`` builds a widget per key and rebuilds them all (a recompose) whenever the
focus moves; on the session screen that was about a quarter of the start-up time (28 ms of
the first frame, measured). This is one widget drawing one line: it repaints when the
screen's bindings change and maps a click to its key, as the footer does. It looks the same:
it uses the footer's theme variables.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widget import Widget


class KeyHint(NamedTuple):
    """One key shown on the bar, and the columns it occupies."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str
    start: int = 0
    end: int = 0


class KeyBar(Widget, can_focus=False):
    """Shows ``screen.active_bindings`` (those with ``show``), the command palette's key on the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._hints: list[KeyHint] = []
        self._hover: str | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    # -- what to show ----------------------------------------------------------
    def hints(self) -> tuple[list[KeyHint], KeyHint | None]:
        """The shown bindings (one per action, the first wins) and the command palette's key."""
        app = self.app
        seen: set[str] = set()
        shown: list[KeyHint] = []
        palette: KeyHint | None = None
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if app.ENABLE_COMMAND_PALETTE and binding.key == app.COMMAND_PALETTE_BINDING:
                palette = self._hint(binding, enabled, tooltip)
            elif binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append(self._hint(binding, enabled, tooltip))
        return shown, palette

    def _hint(self, binding: Binding, enabled: bool, tooltip: str) -> KeyHint:
        return KeyHint(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            enabled,
            tooltip or binding.tooltip or binding.description,
        )

    # -- drawing -------------------------------------------------------------------
    def render(self) -> Text:
        shown, palette = self.hints()
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        hover_style = self.get_component_rich_style("key-bar--hover")
        width = self.size.width
        right = f" {palette.display} {palette.description} " if palette is not None else ""
        room = max(0, width - cell_len(right) - (1 if right else 0))
        line = Text(no_wrap=True, overflow="crop", end="")
        placed: list[KeyHint] = []
        for hint in shown:
            key, description = f" {hint.display} ", f"{hint.description} "
            start = line.cell_len
            if start + cell_len(key) + cell_len(description) > room:
                break
            extra = hover_style if hint.key == self._hover else Style()
            dim = Style() if hint.enabled else Style(dim=True)
            line.append(key, key_style + extra + dim)
            line.append(description, description_style + extra + dim)
            placed.append(hint._replace(start=start, end=line.cell_len))
        if palette is not None and width > cell_len(right):
            line.append(" " * (width - line.cell_len - cell_len(right) - 1))
            line.append("▏", Style(dim=True))
            start = line.cell_len
            extra = hover_style if palette.key == self._hover else Style()
            line.append(f" {palette.display} ", key_style + extra)
            line.append(f"{palette.description} ", description_style + extra)
            placed.append(palette._replace(start=start, end=line.cell_len))
        self._hints = placed
        return line

    # -- the mouse, as on Textual's footer ---------------------------------------
    def _hint_at(self, x: int) -> KeyHint | None:
        return next((hint for hint in self._hints if hint.start <= x < hint.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hint = self._hint_at(event.x)
        key = hint.key if hint is not None else None
        if key != self._hover:
            self._hover = key
            self.tooltip = hint.tooltip if hint is not None else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        hint = self._hint_at(event.x)
        if hint is None:
            return
        if hint.enabled:
            self.app.simulate_key(hint.key)
        else:
            self.app.bell()

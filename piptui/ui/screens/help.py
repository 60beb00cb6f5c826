"""The help screen: generated from the binding tables of the screen it was opened from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

HelpSection = tuple[str, Sequence[BindingType]]


def bindings_of(table: Iterable[BindingType]) -> list[Binding]:
    """The Binding objects of a BINDINGS table (tuples allowed), one per action."""
    out: list[Binding] = []
    for item in table:
        binding = item if isinstance(item, Binding) else Binding(*item)
        if binding.description and not binding.system:
            out.append(binding)
    return out


def help_sections(screen: Screen[object]) -> list[HelpSection]:
    """A screen's sections: its own ``help_sections()`` if it has one, else its BINDINGS."""
    provider = getattr(screen, "help_sections", None)
    if callable(provider):
        sections: list[HelpSection] = provider()
        return sections
    return [(screen.__class__.__name__.removesuffix("Screen") or "This screen", screen.BINDINGS)]


def help_intro(screen: Screen[object]) -> str:
    return str(getattr(screen, "HELP_INTRO", ""))


class HelpScreen(ModalScreen[None]):
    """Every key of the screen below, grouped as its binding tables are."""

    BINDINGS = [
        Binding("escape,f1,q,question_mark", "close", "Close", tooltip="Close the help"),
    ]

    def __init__(self, sections: Sequence[HelpSection], intro: str = "") -> None:
        super().__init__(classes="dialog")
        self.sections = list(sections)
        self.intro = intro

    def key_text(self, binding: Binding) -> str:
        from piptui.ui.app import piptui_app

        keys = []
        remapped = piptui_app(self.app).keymap.get(binding.id or "")  # the user's keymap, if it moves this key
        for key in (remapped or binding.key).split(","):
            keys.append(self.app.get_key_display(Binding(key.strip(), binding.action)))
        return " ".join(keys)

    def compose(self) -> ComposeResult:
        from piptui.ui.bindings import APP_BINDINGS

        parts: list[Content] = []
        if self.intro:
            parts.append(Content(self.intro + "\n"))
        seen: set[tuple[str, str]] = set()
        for title, table in [*self.sections, ("Everywhere", APP_BINDINGS)]:
            rows = [b for b in bindings_of(table) if (b.action, b.key) not in seen]
            if not rows:
                continue
            parts.append(Content.assemble("\n", (title, "bold underline"), "\n"))
            width = max(len(self.key_text(b)) for b in rows)
            for binding in rows:
                seen.add((binding.action, binding.key))
                keys = self.key_text(binding)
                parts.append(
                    Content.assemble(
                        (f"  {keys:<{width}}  ", "bold"),
                        Content(binding.tooltip or binding.description),
                        "\n",
                    )
                )
        with VerticalScroll(classes="dialog-box help-box") as scroll:
            scroll.border_title = "Keys (Esc closes)"
            yield Static(Content("").join(parts), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)

"""User text on screen: always literal, never parsed as markup.

Card text such as ``[/]``, ``[@click=app.quit]x[/]`` or ``[red]alarm`` must show as
typed. Every user string that reaches a widget goes through :func:`plain` (a Rich
``Text``) or :func:`literal` (a Textual ``Content``, cheaper inside Textual widgets).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.content import Content

from piptui.domain.model import SECTOR_SHORT as SECTOR_SHORT
from piptui.domain.text_rules import visible
from piptui.ui._textual_compat import show_control_characters

show_control_characters()  # in every Content and Text, whoever builds it: ESC shows as ␛


def plain(value: object, style: str | Style = "") -> Text:
    """A renderable that shows ``value`` exactly as it is (no markup, no emoji codes); a control
    character (ESC...) shows as a placeholder (␛), never reaches the terminal."""
    return Text(visible(str(value)), style=style, no_wrap=False, end="")


def literal(value: object, style: str = "") -> Content:
    """A Textual Content showing ``value`` exactly as it is; ``style`` is ours, never the user's.
    Control characters show as placeholders, as in :func:`plain`."""
    content = Content(visible(str(value)))
    return content.stylize(style) if style else content


def one_line(value: object, limit: int = 200) -> str:
    """Text flattened to one line (for titles, option labels and notifications), control
    characters shown as placeholders."""
    flat = " ".join(visible(str(value)).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def reflow(text: str) -> str:
    """A script's block text as paragraphs: its lines joined (the screen wraps them to its width),
    blank lines kept between paragraphs."""
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def counted(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 participant``, ``3 participants`` (``nouns``: the plural, when not noun + s)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"

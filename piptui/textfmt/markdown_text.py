"""User text in Markdown: the one escaping function every export uses.

Nothing a person types can change the document's structure. :func:`md_escape` backslash-
escapes what could start inline markup anywhere (code, emphasis, strikethrough, links and
images, raw HTML, entities, table pipes) and what could start a block at the beginning of
a line (headings, quotes, lists, thematic breaks, setext underlines, table delimiter rows).
CommonMark guarantees that a backslash before ASCII punctuation shows that character
literally, in every viewer. Letters, digits and the punctuation that is harmless where it
stands are left alone, so the raw Markdown stays readable.

Three shapes, one escaping:

- :func:`md_escape`: a paragraph or list item. A line break in the text becomes a Markdown
  hard line break (backslash, newline), so it shows as a line break.
- :func:`md_cell`: a table cell (one line; its lines are joined by `` / ``: no HTML, so a
  cell reads the same rendered, pasted as plain text or rendered with raw HTML off).
- :func:`md_line`: a heading or a short label (one line; a line break becomes a space).

Markdown cannot show spaces or tabs at the start or end of a line, nor blank lines at
the start or end of a paragraph: those are dropped (the store strips card texts anyway).
"""

from __future__ import annotations

import re

# Characters that start inline markup wherever they stand.
_SPECIALS = "\\`*_~[]<|"
_ALWAYS = re.compile(r"[\\`*_~\[\]<|]")
# Characters that start a block when they begin a line (after the escapes above).
_LINE_START = frozenset(">-+=:")
# A '#' starts a block only as an ATX heading: one to six of them, then a space or the end.
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_CLOSING = re.compile(r"(?<=[ \t])(#+[ \t]*)$")
_DIGITS = frozenset("0123456789")
_ORDERED = re.compile(r"^([0-9]{1,9})([.)])")
_ENTITY = re.compile(r"&(?=[#A-Za-z0-9])")
_BREAKS = re.compile(r"\r\n|\r|\n")
_EDGE = " \t"
CELL_JOIN = " / "


def _escape_line(line: str, *, heading: bool = False) -> str:
    line = line.strip(_EDGE)
    if not line:
        return ""
    escaped = line
    if _ALWAYS.search(line) is not None:
        for ch in _SPECIALS:  # the backslash first, so the ones added are not escaped again
            if ch in escaped:
                escaped = escaped.replace(ch, "\\" + ch)
    first = escaped[0]
    if first in _LINE_START or (first == "#" and _HEADING.match(escaped) is not None):
        escaped = "\\" + escaped
    elif first in _DIGITS:
        escaped = _ORDERED.sub(r"\1\\\2", escaped, count=1)
    if heading and "#" in escaped:  # in a heading, '#'s after a space at the end would close it ("## a #")
        escaped = _CLOSING.sub(r"\\\1", escaped)
    if "&" in escaped:
        escaped = _ENTITY.sub(r"\\&", escaped)
    return escaped


def _lines(text: object) -> list[str]:
    value = str(text).replace("\x00", "\ufffd").strip(" \t\r\n")
    if not value:
        return []
    if "\n" not in value and "\r" not in value:
        return [_escape_line(value)]
    return [_escape_line(line) for line in _BREAKS.split(value)]


def md_escape(text: object) -> str:
    """``text`` as Markdown that shows exactly that text (line breaks as hard breaks)."""
    return "\\\n".join(_lines(text))


def md_cell(text: object) -> str:
    """``text`` as the content of one table cell (its lines joined by `` / ``, blank ones dropped)."""
    return CELL_JOIN.join(line for line in _lines(text) if line)


def md_line(text: object) -> str:
    """``text`` on one line, for a heading or a label (line breaks become spaces)."""
    return _escape_line(" ".join(str(text).replace("\x00", "\ufffd").split()), heading=True)

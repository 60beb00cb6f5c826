"""Which characters text a person gives piptui may hold, and how stored ones are shown. Pure.

Text may carry newline and tab. Every other C0 control (U+0000-U+001F), DEL (U+007F) and
every C1 control (U+0080-U+009F) is refused on the way in (the capture line, dialogs,
``piptui add``, imports, exercise scripts, survey CSVs): ESC starts the sequences that
retitle a terminal, clear it or write its clipboard. On the way out, anything such already
in a file is shown as a visible placeholder (U+2400 block: ESC as "␛"), never raw.
"""

from __future__ import annotations

import re

ALLOWED = frozenset("\n\t")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # newline and tab too (one-line places)


def control_name(char: str) -> str:
    """``ESC (U+001B)``, ``DEL (U+007F)``, ``U+009B``: how a message names the character."""
    names = {0x1B: "ESC", 0x7F: "DEL", 0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0D: "carriage return"}
    code = ord(char)
    name = names.get(code)
    return f"{name} (U+{code:04X})" if name else f"U+{code:04X}"


def first_control(text: str) -> int | None:
    """The index of the first character text may not hold, or None."""
    match = _CONTROL.search(text)
    return match.start() if match else None


def control_problem(text: str) -> str | None:
    """What is wrong with ``text``, or None: ``a control character, ESC (U+001B), at character 3``."""
    index = first_control(text)
    if index is None:
        return None
    return f"a control character, {control_name(text[index])}, at character {index + 1}"


def position_of(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ... ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # a C1 control: no picture of its own


def visible(text: str) -> str:
    """``text`` with every control character but newline and tab shown as a placeholder."""
    return _CONTROL.sub(_picture, text) if _CONTROL.search(text) else text


def visible_line(text: str) -> str:
    """As :func:`visible`, newline and tab included (for one-line output: a CSV cell, a list)."""
    return _CONTROL_OR_BREAK.sub(_picture, text) if _CONTROL_OR_BREAK.search(text) else text

"""The programme's own words for its area report: context, vision and key learning. Pure.

Each is free text of several paragraphs, set on screen (the plan and home screens' ``t``) or
with ``piptui programme NAME --context TEXT --vision TEXT --learning TEXT``. Text may hold new
lines and tabs, no other control character (:mod:`piptui.domain.text_rules`).
"""

from __future__ import annotations

from piptui.domain.text_rules import control_name, first_control, position_of
from piptui.errors import InvalidInput

# (field of Programme, how a person calls it)
TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("context", "Context"),
    ("vision", "Vision"),
    ("learning", "Key learning"),
)
TEXT_LIMIT = 20_000  # characters a field may hold: a chapter's section, not a book


def clean_programme_text(value: str, what: str) -> str:
    """``value`` as it is kept: line ends as ``\\n``, spaces at line ends and blank lines around
    it trimmed. Raises InvalidInput (naming ``what``) for a control character or over-long text."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    index = first_control(text)
    if index is not None:
        line, column = position_of(text, index)
        raise InvalidInput(
            f"{what} holds a control character, {control_name(text[index])}, on line {line} at character "
            f"{column}: text may hold new lines and tabs, no other control characters"
        )
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    if len(text) > TEXT_LIMIT:
        raise InvalidInput(f"{what} is too long ({len(text):,} characters; at most {TEXT_LIMIT:,})")
    return text

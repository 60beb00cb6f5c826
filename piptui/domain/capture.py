"""The capture line: ``!text #tag @sector >voiced %role``, parsed into the parts of a card."""

from __future__ import annotations

import re
from dataclasses import dataclass

from piptui.domain.model import Sector

_TOKEN = re.compile(r"(?<!\S)([#@>%])([\w][\w\-]*)(?!\S)")
_SECTORS = {s.value: s for s in Sector}


@dataclass(frozen=True, slots=True)
class Capture:
    text: str
    tags: tuple[str, ...] = ()
    sector: Sector | None = None
    voiced_as: Sector | None = None
    confidential: bool = False
    role: str | None = None  # ``%commissioner``: the role speaking (checked against the exercise's roles later)


def normalise_tag(tag: str) -> str:
    return tag.strip().lstrip("#").lower()


def parse_capture(line: str) -> Capture:
    """Split a typed line into text and shortcuts.

    - a leading ``!`` marks the card confidential;
    - ``#tag`` adds a tag (lower-cased, kept once, in order);
    - ``@council`` / ``@vcs`` / ``@statutory`` / ``@other`` is the speaker's sector;
    - ``>vcs`` (etc.) is the sector a perspective is voiced as;
    - ``%commissioner`` names the role speaking in a role play (any word: whether the exercise has
      that role is checked by :func:`piptui.domain.columns.draft_card`).

    Tokens are taken out of the text. ``@name`` or ``>word`` that is not a sector
    stays in the text untouched, so e-mail-like words and quotes survive.
    """
    text = line.strip()
    confidential = text.startswith("!")
    if confidential:
        text = text[1:].lstrip()
    tags: list[str] = []
    sector: Sector | None = None
    voiced: Sector | None = None
    role: str | None = None

    def take(match: re.Match[str]) -> str:
        nonlocal sector, voiced, role
        sigil, word = match.group(1), match.group(2)
        if sigil == "%":
            role = word.lower()
            return ""
        if sigil == "#":
            tag = normalise_tag(word)
            if tag not in tags:
                tags.append(tag)
            return ""
        found = _SECTORS.get(word.lower())
        if found is None:
            return match.group(0)
        if sigil == "@":
            sector = found
        else:
            voiced = found
        return ""

    text = _TOKEN.sub(take, text)
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return Capture(text=text, tags=tuple(tags), sector=sector, voiced_as=voiced, confidential=confidential, role=role)

"""The capture line: ``!text #tag @sector >voiced %role``, parsed into the parts of a card."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from piptui.domain.model import Sector

# A shortcut is a word of its own; punctuation right after it (``@vcs,`` ``#support.``) ends it.
_TOKEN = re.compile(r"(?<!\S)([#@>%])(\w(?:[\w-]*\w)?)([.,;:!?)\]]*)(?!\S)")
_JOIN = "\x00"  # where a shortcut followed by punctuation was taken out (joined to the word before)
_SECTORS = {s.value: s for s in Sector}


@dataclass(frozen=True, slots=True)
class CardDraft:
    """A card's own fields before they are saved: what a typed line says (:func:`parse_capture`:
    no column yet, ``role`` the word after ``%``), what it becomes on a step
    (:func:`piptui.domain.columns.draft_card`: its column, the role checked), or what the edit
    dialog holds."""

    text: str
    tags: tuple[str, ...] = ()
    sector: Sector | None = None
    voiced_as: Sector | None = None
    column: str | None = None  # a column id of the step
    confidential: bool = False
    role: str | None = None  # in a role play: the role speaking (``%commissioner``)


def normalise_tag(tag: str) -> str:
    return tag.strip().lstrip("#").lower()


def parse_capture(line: str) -> CardDraft:
    """Split a typed line into text and shortcuts.

    - a leading ``!`` marks the card confidential;
    - ``#tag`` adds a tag (lower-cased, kept once, in order);
    - ``@council`` / ``@vcs`` / ``@statutory`` / ``@other`` is the speaker's sector;
    - ``>vcs`` (etc.) is the sector a perspective is voiced as;
    - ``%commissioner`` names the role speaking in a role play (any word: whether the exercise has
      that role is checked by :func:`piptui.domain.columns.draft_card`).

    Tokens are taken out of the text; punctuation right after one (``@vcs,``) stays, joined to
    the word before it. ``@name`` or ``>word`` that is not a sector
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
        sigil, word, punctuation = match.group(1), match.group(2), match.group(3)
        rest = _JOIN + punctuation if punctuation else ""
        if sigil == "%":
            role = word.lower()
            return rest
        if sigil == "#":
            tag = normalise_tag(word)
            if tag not in tags:
                tags.append(tag)
            return rest
        found = _SECTORS.get(word.lower())
        if found is None:
            return match.group(0)
        if sigil == "@":
            sector = found
        else:
            voiced = found
        return rest

    text = _TOKEN.sub(take, text)
    if _JOIN in text:  # punctuation left at the start, with no word before it to join: dropped
        text = re.sub(r"^(?:[\s\x00.,;:!?)\]]+$|\s*\x00[.,;:!?)\]]*)", "", text)
    text = re.sub(r"[ \t]*\x00", "", text)
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return CardDraft(text=text, tags=tuple(tags), sector=sector, voiced_as=voiced, confidential=confidential, role=role)


def only_shortcuts(line: str) -> bool:
    """True when the line holds shortcuts (``!``, ``#tag``, ``@sector``) but no text for a card."""
    return bool(line.strip()) and not parse_capture(line).text


def nearest_names(word: str, names: Sequence[str], limit: int = 3) -> list[str]:
    """The ``names`` closest to ``word`` (a mistyped ``#tag``), best first, by rapidfuzz's WRatio."""
    from rapidfuzz import fuzz, process

    found = process.extract(normalise_tag(word), list(dict.fromkeys(names)), scorer=fuzz.WRatio, limit=limit)
    return [name for name, _score, _index in found]

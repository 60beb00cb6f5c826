"""Small pieces of the Markdown notes: dates, sector labels, tables, card lines, participants.

Every string from a person or an exercise script goes through
:mod:`piptui.textfmt.markdown_text`; everything else here is our own fixed wording.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache

from piptui.domain.model import SECTOR_LABELS, SECTOR_SHORT, Card, Participant, Sector
from piptui.textfmt.markdown_text import md_cell, md_escape, md_line

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def long_date(value: str | None, *, weekday: bool = False) -> str:
    """``2008-01-17`` as ``17 January 2008`` (not locale-dependent); other text unchanged."""
    if not value:
        return ""
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_DAYS[day.weekday()]} {text}" if weekday else text


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> list[str]:
    """A GFM table. ``header`` is ours; row cells must already be escaped (``md_cell``).

    ``align`` has one letter per column: ``l`` (default) or ``r``.
    """
    marks = ["---:" if (align[i : i + 1] == "r") else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def bold_label(label: str, value: str) -> str:
    """``- **Label:** value``: ``label`` is ours, ``value`` already escaped."""
    return f"- **{label}:** {value}"


def card_item(card: Card) -> str:
    """One card as a list item: its text, then its sector, voiced-as and tags in italics."""
    meta: list[str] = []
    if card.confidential:
        meta.append("confidential")
    if card.sector is not None and card.voiced_as is not None:
        meta.append(f"{SECTOR_SHORT[card.sector]} voicing {SECTOR_SHORT[card.voiced_as]}")
    elif card.sector is not None:
        meta.append(SECTOR_SHORT[card.sector])
    elif card.voiced_as is not None:
        meta.append(f"voiced as {SECTOR_SHORT[card.voiced_as]}")
    tags = [tag for tag in map(_tag, card.tags) if tag]
    if tags:
        meta.append(" ".join(tags))
    text = md_escape(card.text).replace("\n", "\n  ")
    suffix = f" — *{' · '.join(meta)}*" if meta else ""
    return f"- {text}{suffix}"


@lru_cache(maxsize=4096)
def _tag(tag: str) -> str:
    """A tag as ``#tag`` (tags repeat: escaped once each)."""
    return md_line("#" + tag) if md_line(tag) else ""


def person(participant: Participant | None, raw: str | None, *, names: bool) -> str:
    """A lead: the name and organisation with ``names``; else the organisation (or sector) only."""
    if participant is None:
        return md_cell(raw or "")
    if names:
        org = f" ({participant.organisation})" if participant.organisation else ""
        return md_cell(participant.name + org)
    return md_cell(participant.organisation or f"a {SECTOR_LABELS[participant.sector].lower()} member")


def participants_section(participants: Sequence[Participant], *, names: bool) -> list[str]:
    """Counts by sector (and, with ``names``, who they are)."""
    lines = ["## Participants", ""]
    if not participants:
        return [*lines, "No participants are recorded.", ""]
    by_sector: dict[Sector, list[Participant]] = {}
    for p in participants:
        by_sector.setdefault(p.sector, []).append(p)
    rows = [(SECTOR_LABELS[s], str(len(by_sector[s]))) for s in Sector if s in by_sector]
    rows.append(("**Total**", f"**{len(participants)}**"))
    lines += [*table(("Sector", "Participants"), rows, "lr"), ""]
    if names:
        for sector in Sector:
            if sector not in by_sector:
                continue
            lines += [f"### {SECTOR_LABELS[sector]}", ""]
            for p in by_sector[sector]:
                org = f" — {md_line(p.organisation)}" if md_line(p.organisation) else ""
                lines.append(f"- {md_line(p.name)}{org}")
            lines.append("")
    return lines


def quote(text: str) -> list[str]:
    """A block quote of ``text`` (an exercise prompt), every line prefixed."""
    escaped = md_escape(text)
    return ["> " + line for line in escaped.split("\n")] if escaped else []


def names_of(values: Iterable[str]) -> str:
    return ", ".join(md_line(v) for v in values if md_line(v))

"""Which column of a step a card goes into, and how a step's board is grouped. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from piptui.domain.capture import CardDraft, normalise_tag, parse_capture
from piptui.domain.model import Card, Sector
from piptui.errors import InvalidInput

if TYPE_CHECKING:  # the exercise classes load with the library, after the session's first frame
    from piptui.domain.exercise import Column, Role

UNSORTED = "unsorted"  # the board's bucket for cards without one of the step's columns


def title_tag(title: str) -> str:
    """A column title as a tag: ``Partnership models`` -> ``partnership-models``."""
    return "-".join(re.findall(r"[^\W_]+", title.casefold()))


def _title_tags(columns: Sequence[Column]) -> dict[str, str]:
    """Tags made from column titles, for titles no other column shares."""
    seen: dict[str, list[str]] = {}
    for column in columns:
        seen.setdefault(title_tag(column.title), []).append(column.id)
    return {tag: ids[0] for tag, ids in seen.items() if tag and len(ids) == 1}


def column_for_tags(tags: Iterable[str], columns: Sequence[Column]) -> str | None:
    """The column a card's tags put it in: the first tag that is a column id, one of a column's
    tags, or a column's title (``#power`` for the column titled "Power").

    For the same word a column id wins over another column's allowed tag, and that over a
    title; tags are compared normalised (lower case, no ``#``). ``None`` when no tag names a column.
    """
    by_id = {normalise_tag(c.id): c.id for c in columns}
    by_tag: dict[str, str] = {}
    for column in columns:
        for tag in column.tags:
            by_tag.setdefault(normalise_tag(tag), column.id)
    by_title = _title_tags(columns)
    for tag in tags:
        key = normalise_tag(tag)
        found = by_id.get(key) or by_tag.get(key) or by_title.get(key)
        if found is not None:
            return found
    return None


def column_tags(columns: Sequence[Column]) -> list[str]:
    """Every tag that picks a column (each column's id and tags, then titles), once each, for completion."""
    out: list[str] = []
    for word in (*(w for c in columns for w in (c.id, *c.tags)), *_title_tags(columns)):
        tag = normalise_tag(word)
        if tag and tag not in out:
            out.append(tag)
    return out


def draft_card(line: str, columns: Sequence[Column], roles: Sequence[Role] = ()) -> CardDraft:
    """Parse a capture line for a step: a tag naming a column puts the card there (and is not
    kept as a tag when it is the column's id). ``%role`` names one of the exercise's ``roles``
    speaking: the card is voiced as the role's sector (unless ``>sector`` says otherwise) and goes
    to the role's column when the step has one. Raises :class:`InvalidInput` when only shortcuts
    were typed, or for a ``%role`` the exercise does not have."""
    parsed = parse_capture(line)
    if not parsed.text:
        raise InvalidInput("A card needs some text besides its #tags and @sector; nothing was saved")
    role = _role(parsed.role, roles) if parsed.role is not None else None
    ids = {normalise_tag(c.id) for c in columns}
    column = column_for_tags(parsed.tags, columns)
    if column is None and role is not None:
        column = column_for_tags((role.id,), columns)
    return replace(
        parsed,
        tags=tuple(t for t in parsed.tags if t not in ids),
        voiced_as=parsed.voiced_as or (role.sector if role is not None else None),
        column=column,
        role=role.id if role is not None else None,
    )


def _role(word: str, roles: Sequence[Role]) -> Role:
    found = next((r for r in roles if r.id.casefold() == word.casefold()), None)
    if found is not None:
        return found
    if not roles:
        raise InvalidInput(
            f"%{word}: this step's exercise has no roles (% names the role speaking in a role play); nothing was saved"
        )
    known = " ".join("%" + r.id for r in roles)
    raise InvalidInput(f"%{word} is not a role of this role play (its roles: {known}); nothing was saved")


def neighbour_column(columns: Sequence[Column], current: str | None, offset: int) -> str | None:
    """The column ``offset`` places from ``current`` (clamped); an unsorted card starts before the first."""
    if not columns:
        return None
    ids = [c.id for c in columns]
    index = ids.index(current) if current in ids else (-1 if offset > 0 else len(ids))
    return ids[max(0, min(len(ids) - 1, index + offset))]


@dataclass(frozen=True, slots=True)
class CardFilter:
    """What the board shows: cards having all these tags, this speaker's sector (``@vcs``), this
    voiced-as sector (``>vcs``), and these words. Both sectors together narrow further."""

    tags: tuple[str, ...] = ()
    sector: Sector | None = None
    words: str = ""
    voiced_as: Sector | None = None

    @property
    def active(self) -> bool:
        return bool(self.tags or self.sector or self.words or self.voiced_as)

    @classmethod
    def parse(cls, line: str) -> CardFilter:
        """The filter a typed line asks for, in the capture line's own shortcuts."""
        parsed = parse_capture(line)
        return cls(
            tags=parsed.tags, sector=parsed.sector, voiced_as=parsed.voiced_as, words=parsed.text.lstrip("!").strip()
        )

    def matches(self, card: Card) -> bool:
        if self.sector is not None and card.sector != self.sector:
            return False
        if self.voiced_as is not None and card.voiced_as != self.voiced_as:
            return False
        if self.tags and not all(t in card.tags for t in self.tags):
            return False
        return not self.words or self.words.casefold() in card.text.casefold()

    def describe(self) -> str:
        parts = [f"#{t}" for t in self.tags]
        if self.sector is not None:
            parts.append(f"@{self.sector.value}")
        if self.voiced_as is not None:
            parts.append(f">{self.voiced_as.value}")
        if self.words:
            parts.append(f'"{self.words}"')
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class ColumnGroup:
    """One heading of the board and its cards (``column`` is None for a step without columns)."""

    column: Column | None
    cards: tuple[Card, ...]
    total: int  # before filtering


def unsorted_column() -> Column:
    """The board's last column: the step's cards in none of its columns."""
    from piptui.domain.exercise import Column  # here: the columns module is on the first frame's path

    return Column(id=UNSORTED, title="Unsorted")


def group_cards(cards: Sequence[Card], columns: Sequence[Column], card_filter: CardFilter) -> list[ColumnGroup]:
    """The step's cards by column, in column order, then the unsorted ones; capture order within.

    A step without columns gives one group with every card. Counts are before filtering, so
    a heading can say "3 of 7".
    """
    if not columns:
        shown = tuple(c for c in cards if card_filter.matches(c)) if card_filter.active else tuple(cards)
        return [ColumnGroup(None, shown, len(cards))]
    ids = {c.id for c in columns}
    buckets: dict[str, list[Card]] = {c.id: [] for c in columns}
    buckets[UNSORTED] = []
    for card in cards:
        buckets[card.column if card.column in ids else UNSORTED].append(card)  # type: ignore[index]
    groups: list[ColumnGroup] = []
    unsorted = unsorted_column()
    for column in (*columns, unsorted):
        bucket = buckets[column.id]
        if column is unsorted and not bucket:
            continue
        shown = tuple(c for c in bucket if card_filter.matches(c)) if card_filter.active else tuple(bucket)
        groups.append(ColumnGroup(column, shown, len(bucket)))
    return groups

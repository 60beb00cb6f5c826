"""Dot-voting on clusters: tallies, each person's votes, a budget of votes per person. Pure.

A cluster's ``votes`` is its tally, what everyone else reads. A room voting with stickers
or hands gives the tally directly. When a note-taker records each person's votes, those
are kept as :class:`Vote` records and the tally moves by the difference, so both ways of
voting add up in the one number.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from piptui.domain.model import Cluster, uuid_id
from piptui.errors import InvalidInput

_NS = uuid.UUID("0b6d7c1e-93c4-4f25-9d8e-5a4f3f1c7a10")
MAX_VOTES = 999


@dataclass(frozen=True, slots=True)
class Vote:
    """How many of one person's dots went on one cluster."""

    voter: str  # a participant id
    cluster: str  # a cluster id
    count: int = 1
    session: int | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", vote_id(self.voter, self.cluster))


def vote_id(voter: str, cluster: str) -> str:
    """One record per person and cluster, the same id in every process (no duplicates)."""
    return uuid_id(uuid.uuid5(_NS, f"{voter}/{cluster}"))


def check_count(value: int, what: str = "A tally") -> int:
    if value < 0:
        raise InvalidInput(f"{what} cannot be negative")
    if value > MAX_VOTES:
        raise InvalidInput(f"{what} of {value} is more than {MAX_VOTES}")
    return value


def parse_count(text: str, what: str = "A tally") -> int:
    """A number of votes typed by a person (blank is 0)."""
    text = text.strip()
    if not text:
        return 0
    try:
        value = int(text)
    except ValueError:
        raise InvalidInput(f"{what} must be a whole number, not '{text}'") from None
    return check_count(value, what)


def parse_budget(text: str) -> int | None:
    """A budget of votes per person; blank means no budget."""
    text = text.strip()
    if not text:
        return None
    value = parse_count(text, "A budget")
    if value == 0:
        raise InvalidInput("A budget must be at least one vote (leave it blank for no budget)")
    return value


def check_budget(allocation: Mapping[str, int], budget: int | None) -> None:
    """Refuse a person's votes that are negative or over the budget."""
    for count in allocation.values():
        check_count(count, "A number of votes")
    spent = sum(allocation.values())
    if budget is not None and spent > budget:
        raise InvalidInput(f"That is {spent} votes; the budget is {budget} per person")


def remaining(allocation: Mapping[str, int], budget: int | None) -> int | None:
    return None if budget is None else budget - sum(allocation.values())


def tally(votes: Iterable[Vote]) -> dict[str, int]:
    """Recorded votes per cluster id."""
    out: dict[str, int] = {}
    for v in votes:
        out[v.cluster] = out.get(v.cluster, 0) + v.count
    return out


def by_voter(votes: Iterable[Vote]) -> dict[str, dict[str, int]]:
    """Each person's votes: voter id -> cluster id -> count."""
    out: dict[str, dict[str, int]] = {}
    for v in votes:
        if v.count:
            out.setdefault(v.voter, {})[v.cluster] = v.count
    return out


def sorted_by_votes(clusters: Iterable[Cluster]) -> list[Cluster]:
    """Most votes first; ties keep the order the clusters were made in."""
    return sorted(clusters, key=lambda c: (-c.votes, c.created, c.id))


def ranks(clusters: Iterable[Cluster]) -> dict[str, int]:
    """1 for the most votes; equal tallies share a rank (1, 2, 2, 4)."""
    ordered = sorted_by_votes(clusters)
    out: dict[str, int] = {}
    for n, c in enumerate(ordered):
        prev = ordered[n - 1] if n else None
        out[c.id] = out[prev.id] if prev is not None and prev.votes == c.votes else n + 1
    return out

"""Suggested clusters: cards that read alike or share tags. Pure and deterministic.

Suggestions are only ever offered: the facilitator accepts, edits or rejects each one;
nothing here changes a card. Similarity of two cards is rapidfuzz's token-set ratio of
their texts (lower case, punctuation and common words dropped) plus a bonus for each
tag they share. Cards are then grouped by average linkage: two groups join while the
mean similarity between their cards stays at or above the threshold. Words found on many of
the cards (like "partnership" in a partnership workshop) are ignored.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from piptui.domain.model import Card

THRESHOLD = 0.6  # mean similarity a suggested cluster must keep
TAG_BONUS = 0.35  # added to the text similarity per shared tag (capped at 1)
COMMON_SHARE, COMMON_MIN = 0.1, 3  # a word on more than max(3, 10% of the cards) is ignored
FLOOR = 0.25  # pairs below this count as unrelated (keeps the work sparse)

_STOP_TEXT = """a about after again all also am an and any are as at be because been before being but by can
    cannot could did do does doing done for from get gets had has have having he her here him his how i
    if in into is it its just let lets like made make me more most much must my no nobody nor not
    nothing of off often on once one only or other our ours out over own same see sees she should so
    some such than that the their them then there these they this those through to too under until up
    us very was we were what when where which while who whom why will with would you your yours"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A group of cards offered as a cluster, with a title to start from."""

    title: str
    card_ids: tuple[str, ...]
    score: float  # the mean similarity of its cards (0..1)
    shared_tags: tuple[str, ...] = ()


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def key_words(text: str) -> list[str]:
    """The words that carry a card's meaning: lower case, no common words, crude plurals folded."""
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in STOP_WORDS and len(w) > 1]


def _drop_common(texts: list[list[str]]) -> list[list[str]]:
    """Drop words on so many cards that they say nothing here ("partnership" in a partnership workshop)."""
    limit = max(COMMON_MIN, COMMON_SHARE * len(texts))
    df: Counter[str] = Counter(w for words in texts for w in set(words))
    return [[w for w in words if df[w] <= limit] for words in texts]


def similarity(words_a: str, words_b: str, tags_a: frozenset[str], tags_b: frozenset[str]) -> float:
    """0..1: token-set similarity of two normalised texts plus a bonus per shared tag."""
    text = fuzz.token_set_ratio(words_a, words_b) / 100.0 if words_a and words_b else 0.0
    return min(1.0, text + TAG_BONUS * len(tags_a & tags_b))


def suggest_clusters(
    cards: Sequence[Card],
    *,
    threshold: float = THRESHOLD,
    min_size: int = 2,
    max_size: int = 12,
    include_clustered: bool = False,
) -> list[Suggestion]:
    """Groups of similar cards, biggest and tightest first. The same cards give the same answer.

    Cards already in a cluster are left out unless ``include_clustered``.
    """
    pool = sorted((c for c in cards if include_clustered or not c.cluster), key=lambda c: (c.created, c.id))
    words = [" ".join(w) for w in _drop_common([key_words(c.text) for c in pool])]
    tags = [frozenset(c.tags) for c in pool]
    n = len(pool)
    # sums[i][j]: total similarity between the cards of groups i and j (sparse, i != j)
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for i in range(n):
        for j in range(i + 1, n):
            s = similarity(words[i], words[j], tags[i], tags[j])
            if s >= FLOOR:
                sums[i][j] = sums[j][i] = s
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    heap: list[tuple[float, int, int]] = []
    for i in range(n):
        for j, s in sums[i].items():
            if i < j and s >= threshold:
                heap.append((-s, i, j))
    heapq.heapify(heap)
    next_group = n
    while heap:
        _, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue  # one side was merged since: a stale entry
        if len(members[i]) + len(members[j]) > max_size:
            continue
        k = next_group
        next_group += 1
        members[k] = members.pop(i) + members.pop(j)
        row: dict[int, float] = {}
        for other in set(sums[i]) | set(sums[j]):
            if other in (i, j):
                continue
            total = sums[i].get(other, 0.0) + sums[j].get(other, 0.0)
            sums[other].pop(i, None)
            sums[other].pop(j, None)
            row[other] = total
            sums[other][k] = total
            mean = total / (len(members[k]) * len(members[other]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(k, other), max(k, other)))
        del sums[i], sums[j]
        sums[k] = row
    out: list[Suggestion] = []
    for idx in members.values():
        if len(idx) < min_size:
            continue
        idx = sorted(idx)
        internal = sum(
            similarity(words[a], words[b], tags[a], tags[b]) for x, a in enumerate(idx) for b in idx[x + 1 :]
        )
        pairs = len(idx) * (len(idx) - 1) / 2
        group = [pool[i] for i in idx]
        # A title (and the tags shown with it) never comes from a confidential card: it would
        # carry what was said in confidence into the clusters, the plan and every export.
        said_openly = [c for c in group if not c.confidential]
        shared = _shared_tags(said_openly)
        out.append(
            Suggestion(
                title=_title(said_openly, shared) if said_openly else "Untitled theme",
                card_ids=tuple(c.id for c in group),
                score=round(internal / pairs, 3),
                shared_tags=shared,
            )
        )
    return sorted(out, key=lambda s: (-len(s.card_ids), -s.score, s.card_ids))


def _shared_tags(cards: Sequence[Card]) -> tuple[str, ...]:
    """Tags on at least two of the cards, most common first (ties: first seen)."""
    counts: Counter[str] = Counter()
    for c in cards:
        counts.update(dict.fromkeys(c.tags, 1))
    order = {t: n for n, t in enumerate(dict.fromkeys(t for c in cards for t in c.tags))}
    return tuple(sorted((t for t, k in counts.items() if k >= 2), key=lambda t: (-counts[t], order[t])))


def _title(cards: Sequence[Card], shared: Sequence[str]) -> str:
    """A starting title: the shared tags, else the words most of the cards use."""
    if shared:
        return " / ".join(t.replace("-", " ") for t in shared[:2]).capitalize()
    counts: Counter[str] = Counter()
    for c in cards:
        counts.update(set(key_words(c.text)))
    order = {w: n for n, w in enumerate(dict.fromkeys(w for c in cards for w in key_words(c.text)))}
    common = sorted((w for w, k in counts.items() if k >= 2), key=lambda w: (-counts[w], order[w]))
    if common:
        return " / ".join(common[:2]).capitalize()
    return " ".join(key_words(cards[0].text)[:3]).capitalize() or "Untitled theme"


def cluster_counts(cards: Iterable[Card]) -> Counter[str]:
    """How many of the cards each cluster holds."""
    return Counter(c.cluster for c in cards if c.cluster)

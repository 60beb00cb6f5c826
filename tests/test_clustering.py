"""Suggested clusters: similar texts and shared tags group; deterministic; clustered cards left out."""

from __future__ import annotations

import random
import time

from piptui.domain.clustering import key_words, similarity, suggest_clusters
from piptui.domain.model import Card

TEXTS = [
    ("Lack of resources to participate in meetings", ("resources",)),
    ("No resources or staff time to take part", ("resources",)),
    ("Small groups have no resources to release staff", ("resources",)),
    ("Low awareness of what the third sector delivers", ("awareness",)),
    ("Low awareness of how the council works", ("awareness",)),
    ("Commissioning rules favour big providers", ("commissioning",)),
    ("Procurement rules favour the big providers", ()),
    ("The weather was lovely on the day", ()),
]


def _cards(texts: list[tuple[str, tuple[str, ...]]] = TEXTS) -> list[Card]:
    return [Card(t, id=f"c{i}", tags=tags, created=f"2008-03-13T10:{i:02d}") for i, (t, tags) in enumerate(texts)]


def test_key_words_drop_common_words_and_fold_plurals() -> None:
    assert key_words("The Resources of the [red]Council[/]!") == ["resource", "red", "council"]


def test_similarity_rewards_shared_words_and_tags() -> None:
    tags = frozenset({"x"})
    assert similarity("low awareness", "low awareness council", frozenset(), frozenset()) == 1.0
    base = similarity("resource meeting", "staff time", frozenset(), frozenset())
    assert similarity("resource meeting", "staff time", tags, tags) > base
    assert similarity("", "anything", frozenset(), frozenset()) == 0.0


def test_suggestions_group_the_obvious_themes() -> None:
    found = {frozenset(s.card_ids): s for s in suggest_clusters(_cards())}
    assert frozenset({"c0", "c1", "c2"}) in found
    assert frozenset({"c3", "c4"}) in found
    assert frozenset({"c5", "c6"}) in found
    assert not any("c7" in s.card_ids for s in found.values())
    assert found[frozenset({"c0", "c1", "c2"})].title == "Resources"
    assert found[frozenset({"c3", "c4"})].shared_tags == ("awareness",)
    assert all(0 < s.score <= 1 for s in found.values())


def test_suggestions_are_deterministic_and_order_free() -> None:
    cards = _cards()
    first = suggest_clusters(cards)
    shuffled = cards[:]
    random.Random(4).shuffle(shuffled)
    assert suggest_clusters(shuffled) == first
    assert suggest_clusters(cards) == first


def test_clustered_cards_are_left_out_unless_asked() -> None:
    cards = [c if c.id != "c3" else Card(c.text, id=c.id, tags=c.tags, cluster="k1") for c in _cards()]
    assert not any("c3" in s.card_ids for s in suggest_clusters(cards))
    assert any("c3" in s.card_ids for s in suggest_clusters(cards, include_clustered=True))


def test_untagged_titles_come_from_shared_words() -> None:
    cards = _cards(
        [("Tender documents are too long", ()), ("Tender documents need plain English", ()), ("Budget cuts", ())]
    )
    (only,) = suggest_clusters(cards)
    assert only.title == "Tender / document"


def test_a_big_board_is_quick() -> None:
    rng = random.Random(7)
    words = [f"word{k}" for k in range(150)]
    cards = [
        Card(" ".join(rng.choice(words) for _ in range(6)), id=f"c{i:03d}", created=f"{i:04d}") for i in range(300)
    ]
    started = time.perf_counter()
    suggest_clusters(cards)
    assert time.perf_counter() - started < 5

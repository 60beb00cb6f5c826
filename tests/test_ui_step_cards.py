"""The session board's step cards worked out only for the new cards (piptui.ui.screens.step_cards):
the same groups as grouping every card again, whatever the new cards are."""

from __future__ import annotations

import random
from pathlib import Path

from piptui.domain.columns import CardFilter, group_cards
from piptui.domain.exercise import Column
from piptui.domain.model import Card, Programme, Sector
from piptui.store.snapshot import Snapshot
from piptui.ui.screens.step_cards import StepCards, add_to_groups

COLUMNS = (Column(id="a", title="A"), Column(id="b", title="B", group="G"), Column(id="c", title="C", group="G"))
FILTERS = (CardFilter(), CardFilter(tags=("x",)), CardFilter(sector=Sector.VCS), CardFilter(words="seven"))


def _cards(rng: random.Random, count: int, start: int = 0) -> list[Card]:
    return [
        Card(
            text=f"card {n} " + rng.choice(["seven", "eight", ""]),
            session=rng.choice([1, 2]),
            step=rng.choice(["e/s", "e/t", None]),
            column=rng.choice(["a", "b", "c", "gone", None]),
            tags=tuple(rng.sample(["x", "y"], rng.randint(0, 2))),
            sector=rng.choice([None, Sector.VCS, Sector.COUNCIL]),
        )
        for n in range(start, start + count)
    ]


def test_new_cards_join_their_groups_as_grouping_them_all_again_puts_them() -> None:
    rng = random.Random(17)
    for trial in range(200):
        before, after = _cards(rng, rng.randint(0, 12)), _cards(rng, rng.randint(0, 6), 100)
        columns = COLUMNS[: rng.randint(0, 3)]
        card_filter = FILTERS[trial % len(FILTERS)]
        grown = add_to_groups(group_cards(before, columns, card_filter), after, columns, card_filter)
        assert grown == group_cards([*before, *after], columns, card_filter), trial


def test_step_cards_follow_the_snapshots_and_start_again_when_a_card_changes() -> None:
    rng = random.Random(3)
    cards = _cards(rng, 40)
    step_cards = StepCards()

    def snapshot(of: list[Card]) -> Snapshot:
        return Snapshot(path=Path("p"), token=None, programme=Programme(name="p", area="a"), cards=tuple(of))

    def expected(of: list[Card], card_filter: CardFilter) -> tuple[list[Card], object]:
        mine = [c for c in of if c.session == 1 and c.step == "e/s"]
        return mine, group_cards(mine, COLUMNS, card_filter)

    shown, groups, new = step_cards.update(snapshot(cards), 1, "e/s", None, COLUMNS, CardFilter())
    assert (shown, groups) == expected(cards, CardFilter()) and new == shown
    more = [*cards, *_cards(rng, 30, 100)]
    shown, groups, new = step_cards.update(snapshot(more), 1, "e/s", None, COLUMNS, CardFilter())
    assert (shown, groups) == expected(more, CardFilter())
    assert new == [c for c in more[40:] if c.session == 1 and c.step == "e/s"]
    edited = [*more[:5], Card(text="edited", id=more[5].id, session=1, step="e/s", column="a"), *more[6:]]
    shown, groups, new = step_cards.update(snapshot(edited), 1, "e/s", None, COLUMNS, CardFilter())
    assert (shown, groups) == expected(edited, CardFilter()) and new == shown  # worked out again
    shown, groups, _new = step_cards.update(snapshot(edited), 1, "e/s", None, COLUMNS, FILTERS[1])
    assert (shown, groups) == expected(edited, FILTERS[1])

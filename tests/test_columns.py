"""The pure column rules: which column a tag picks, neighbours, filters, grouping."""

from __future__ import annotations

from piptui.domain.columns import (
    UNSORTED,
    CardFilter,
    column_for_tags,
    column_tags,
    group_cards,
    neighbour_column,
)
from piptui.domain.exercise import Column
from piptui.domain.model import Card, Sector

COLUMNS = (
    Column("drivers", "Drivers", tags=("central-government", "local")),
    Column("benefits", "Benefits", tags=("learning",)),
    Column("barriers-power", "Power", tags=("trust", "Local"), group="Barriers"),
)


def test_a_column_id_or_an_allowed_tag_picks_the_column() -> None:
    assert column_for_tags(["drivers"], COLUMNS) == "drivers"
    assert column_for_tags(["#Learning"], COLUMNS) == "benefits"
    assert column_for_tags(["misc", "trust"], COLUMNS) == "barriers-power"
    assert column_for_tags(["local"], COLUMNS) == "drivers"  # the first column allowing it
    assert column_for_tags(["misc"], COLUMNS) is None
    assert column_for_tags(["drivers"], ()) is None


def test_a_column_title_picks_the_column_after_ids_and_tags() -> None:
    assert column_for_tags(["power"], COLUMNS) == "barriers-power"
    assert column_for_tags(["#Power"], COLUMNS) == "barriers-power"
    models = (
        Column("difficult-models", "Partnership models"),
        Column("benefits", "Benefits"),
        Column("x", "Drivers"),
        Column("drivers", "Other"),
    )
    assert column_for_tags(["partnership-models"], models) == "difficult-models"
    assert column_for_tags(["drivers"], models) == "drivers"  # an id beats another column's title
    twins = (Column("a", "People"), Column("b", "People"))
    assert column_for_tags(["people"], twins) is None  # a title two columns share picks neither


def test_column_tags_for_completion() -> None:
    assert column_tags(COLUMNS) == [
        "drivers",
        "central-government",
        "local",
        "benefits",
        "learning",
        "barriers-power",
        "trust",
        "power",
    ]


def test_neighbour_columns_are_clamped() -> None:
    assert neighbour_column(COLUMNS, "drivers", 1) == "benefits"
    assert neighbour_column(COLUMNS, "drivers", -1) == "drivers"
    assert neighbour_column(COLUMNS, "barriers-power", 1) == "barriers-power"
    assert neighbour_column(COLUMNS, None, 1) == "drivers"
    assert neighbour_column(COLUMNS, None, -1) == "barriers-power"
    assert neighbour_column((), None, 1) is None


def _card(text: str, column: str | None = None, tags: tuple[str, ...] = (), sector: Sector | None = None) -> Card:
    return Card(text=text, column=column, tags=tags, sector=sector)


def test_grouping_keeps_column_order_and_counts_before_filtering() -> None:
    cards = [
        _card("a", "benefits"),
        _card("b", "drivers", ("x",), Sector.VCS),
        _card("c", None),
        _card("d", "gone-column"),
        _card("e", "drivers", sector=Sector.COUNCIL),
    ]
    groups = group_cards(cards, COLUMNS, CardFilter())
    assert [g.column.id for g in groups if g.column] == ["drivers", "benefits", "barriers-power", UNSORTED]
    assert [[c.text for c in g.cards] for g in groups] == [["b", "e"], ["a"], [], ["c", "d"]]
    filtered = group_cards(cards, COLUMNS, CardFilter(sector=Sector.VCS))
    assert [(len(g.cards), g.total) for g in filtered] == [(1, 2), (0, 1), (0, 0), (0, 2)]


def test_no_columns_means_one_list() -> None:
    groups = group_cards([_card("a"), _card("b")], (), CardFilter())
    assert len(groups) == 1 and groups[0].column is None and groups[0].total == 2


def test_filter_matches_tags_sector_and_words() -> None:
    card = _card("Funding cuts hurt", tags=("money", "cuts"), sector=Sector.VCS)
    assert CardFilter(tags=("money",)).matches(card)
    assert not CardFilter(tags=("money", "other")).matches(card)
    assert CardFilter(sector=Sector.VCS, words="CUTS").matches(card)
    assert not CardFilter(sector=Sector.COUNCIL).matches(card)
    assert not CardFilter(sector=Sector.COUNCIL).matches(Card(text="x", voiced_as=Sector.COUNCIL))
    assert not CardFilter().active and CardFilter(words="x").active
    assert CardFilter(tags=("a",), sector=Sector.VCS, words="w").describe() == '#a @vcs "w"'


def test_draft_card_puts_a_card_in_the_column_its_tags_name() -> None:
    import pytest

    from piptui.domain.columns import draft_card
    from piptui.errors import InvalidInput

    draft = draft_card("!Tenders too short #barriers-power #procurement @vcs >council", COLUMNS)
    assert draft.column == "barriers-power"
    assert draft.tags == ("procurement",)  # the column's id is where it went, not a tag
    assert (draft.text, draft.sector, draft.voiced_as, draft.confidential) == (
        "Tenders too short",
        Sector.VCS,
        Sector.COUNCIL,
        True,
    )
    assert draft_card("no columns here #trust", ()).column is None
    with pytest.raises(InvalidInput, match="needs some text"):
        draft_card("#trust @vcs", COLUMNS)


def test_speaker_and_voiced_as_sectors_are_told_apart_and_narrow_together() -> None:
    council_as_vcs = Card(text="council voicing the sector", sector=Sector.COUNCIL, voiced_as=Sector.VCS)
    vcs_itself = Card(text="the sector on itself", sector=Sector.VCS)
    vcs_as_council = Card(text="the sector voicing the council", sector=Sector.VCS, voiced_as=Sector.COUNCIL)
    cards = [council_as_vcs, vcs_itself, vcs_as_council]

    def shown(line: str) -> list[Card]:
        return [c for c in cards if CardFilter.parse(line).matches(c)]

    assert shown("@vcs") == [vcs_itself, vcs_as_council]  # who spoke
    assert shown(">vcs") == [council_as_vcs]  # whose view was voiced
    assert shown("@vcs >council") == [vcs_as_council]  # both: narrower
    assert shown("@council >council") == []
    assert CardFilter.parse("@council >vcs #x words").describe() == '#x @council >vcs "words"'
    assert CardFilter.parse(">vcs").active

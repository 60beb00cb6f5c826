"""compare_perspectives: one side voicing the other, beside the other on itself, and its answers."""

from __future__ import annotations

from pathlib import Path

from piptui.domain.exercise import Column
from piptui.domain.model import Card, Sector
from piptui.domain.perspectives import Side, compare_perspectives, compare_step_columns, exercise_cards
from piptui.exercises import load_exercise_file

ROOT = Path(__file__).resolve().parents[1]
C, S, V, OT = Sector.COUNCIL, Sector.STATUTORY, Sector.VCS, Sector.OTHER
COMPARE = (Column("rings-true", "Rings true"), Column("misread", "Misread"), Column("common-ground", "Common ground"))


def card(
    text: str,
    sector: Sector | None,
    voiced: Sector | None = None,
    column: str | None = None,
    step: str = "perspective-swap/present",
) -> Card:
    return Card(text=text, sector=sector, voiced_as=voiced, column=column, step=step)


def texts(cards: tuple[Card, ...]) -> list[str]:
    return [c.text for c in cards]


def test_each_side_voicing_the_other_beside_the_other_on_itself() -> None:
    cards = [
        card("council as vcs", C, V),
        card("pct as vcs", S, V),
        card("vcs as council", V, C),
        card("vcs itself", V),
        card("council itself", C, C),  # voiced as its own side: on itself
        card("vcs: true", V, column="rings-true", step="perspective-swap/compare"),
        card("vcs: misread", V, column="misread", step="perspective-swap/compare"),
        card("council: true", C, column="rings-true", step="perspective-swap/compare"),
        card("nobody", None),
    ]
    comparison = compare_perspectives(cards, COMPARE)
    first, second = comparison.pairs
    assert (first.speaker, first.voiced) == (Side.PUBLIC, Side.VCS)
    assert first.left_title == "Council and agencies voicing the voluntary sector"
    assert first.right_title == "The voluntary sector on itself"
    assert texts(first.as_other) == ["council as vcs", "pct as vcs"]  # council and statutory: one side
    assert texts(first.own_view) == ["vcs itself"]
    assert [(v.column.id, texts(v.cards)) for v in first.verdicts] == [
        ("rings-true", ["vcs: true"]),
        ("misread", ["vcs: misread"]),
        ("common-ground", []),
    ]
    assert second.left_title == "The voluntary sector voicing council and agencies"
    assert second.right_title == "Council and agencies on themselves"
    assert texts(second.as_other) == ["vcs as council"]
    assert texts(second.own_view) == ["council itself"]
    assert texts(second.verdicts[0].cards) == ["council: true"]
    assert comparison.unplaced == 1


def test_the_two_main_pairs_are_there_before_any_card_and_other_only_when_used() -> None:
    empty = compare_perspectives([], COMPARE)
    assert [(p.speaker, p.voiced) for p in empty.pairs] == [(Side.PUBLIC, Side.VCS), (Side.VCS, Side.PUBLIC)]
    assert all(p.empty for p in empty.pairs)
    with_other = compare_perspectives([card("as other", V, OT), card("other itself", OT)], COMPARE)
    assert [(p.speaker, p.voiced) for p in with_other.pairs][2:] == [(Side.VCS, Side.OTHER)]
    assert texts(with_other.pairs[2].own_view) == ["other itself"]


def test_a_card_in_a_column_that_is_not_a_compare_column_is_its_own_view() -> None:
    comparison = compare_perspectives([card("loose", V, column="gone")], COMPARE)
    assert texts(comparison.pairs[0].own_view) == ["loose"]
    assert compare_perspectives([card("no columns", V)], ()).pairs[0].verdicts == ()


def test_the_bundled_script_compares_on_its_compare_step() -> None:
    exercise = load_exercise_file(ROOT / "exercises" / "perspective-swap.yaml")
    assert [c.id for c in compare_step_columns(exercise)] == ["rings-true", "misread", "common-ground"]
    cards = [card("in", C, V), card("other exercise", C, V, step="role-play/debrief"), Card(text="no step")]
    assert texts(tuple(exercise_cards(cards, exercise.id))) == ["in"]

"""The perspective swap in the notes: a two-column table per pair, every text escaped."""

from __future__ import annotations

from pathlib import Path

from test_export_mdcheck import parse

from piptui.domain.model import Card, Sector
from piptui.exercises import load_exercise_file
from piptui.export.markdown_perspectives import perspectives_section
from piptui.textfmt.markdown_text import md_cell

ROOT = Path(__file__).resolve().parents[1]
EXERCISE = load_exercise_file(ROOT / "exercises" / "perspective-swap.yaml")
HOSTILE = "a | b <script>alert(1)</script> **bold** [x](http://e.vil)\nsecond line"


def card(text: str, sector: Sector, voiced: Sector | None = None, column: str | None = None) -> Card:
    step = "perspective-swap/compare" if column else "perspective-swap/present"
    return Card(text=text, sector=sector, voiced_as=voiced, column=column, step=step)


def rows_of(markdown: str) -> list[list[str]]:
    """Each table row's cells, as the parser sees the table (header row first)."""
    rows: list[list[str]] = []
    for token in parse(markdown):
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows and token.map is not None:
            rows[-1].append(token.content)
    return rows


def test_each_pair_is_a_two_column_table_with_hostile_text_escaped() -> None:
    cards = [
        card(HOSTILE, Sector.COUNCIL, Sector.VCS),
        card("Asked in late", Sector.VCS, column="rings-true"),
        card("We voice you", Sector.VCS, Sector.COUNCIL),
    ]
    lines = perspectives_section(EXERCISE, cards, 3)
    markdown = "\n".join(lines)
    assert lines[0] == "### Perspective swap — the perspectives compared"
    assert "| Council and agencies voicing the voluntary sector | The voluntary sector on itself |" in lines
    assert md_cell(HOSTILE) in markdown
    inline = [c for t in parse(markdown) if t.type == "inline" for c in (t.children or [])]
    assert not [c for c in inline if c.type.startswith("html") and c.content != "<br>"]  # no HTML got through
    assert not [c for c in inline if c.type == "link_open"]
    tables = [t for t in parse(markdown) if t.type == "table_open"]
    assert len(tables) == 2  # one per pair that has something
    header_cells = [t for t in parse(markdown) if t.type == "th_open"]
    data_cells = [t for t in parse(markdown) if t.type == "td_open"]
    assert len(header_cells) == 4 and len(data_cells) == 4  # two columns, one row each: the pipe stayed text
    assert "**Rings true:** Asked in late — *VCS*" in markdown


def test_nothing_for_another_exercise_or_without_cards() -> None:
    assert perspectives_section(EXERCISE, [], 3) == []
    other = load_exercise_file(ROOT / "exercises" / "sorting.yaml")
    assert perspectives_section(other, [card("x", Sector.COUNCIL, Sector.VCS)], 3) == []

"""No user text can change the structure of the exported notes.

Every check parses the Markdown with markdown-it-py (CommonMark + GitHub tables and
strikethrough) and compares what a reader sees with what the person typed.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_export_mdcheck import blocks, cell_shown, literal_text, one_paragraph, parse, shown, table_cells

from piptui.domain.model import Card, Sector
from piptui.export.markdown_parts import card_item, table
from piptui.textfmt.markdown_text import md_cell, md_escape, md_line

HOSTILE = [
    "a | b | c",
    "# not a heading",
    "## closing hashes ##",
    "* not a bullet",
    "- not a bullet",
    "+ not a bullet",
    "> not a quote",
    "1. not a numbered list",
    "2) nor this",
    "`code` and ``more``",
    "```\nfenced\n```",
    "<script>alert('x')</script>",
    "<b>bold</b> <!-- comment --> <img src=x onerror=alert(1)>",
    "[click me](http://evil.example/)",
    "![image](http://evil.example/x.png)",
    "<http://autolink.example>",
    "[ref]\n\n[ref]: http://evil.example",
    "_under_ and *star* and __strong__ and **strong**",
    "~~struck~~",
    "line one\nline two\n\nafter a blank line",
    "---",
    "***",
    "___",
    "a\n===",
    "a\n---",
    "a | b\n--- | ---\nc | d",
    "x\n:--",
    "a | b\n:--",
    "a | b\n:-:\nc",
    "&amp; &copy; &#65; &#x41;",
    "trailing backslash \\",
    "\\*escaped already\\*",
    "    indented code",
    "\ttabbed",
    "[/bold] [red]alarm [@click=app.quit]x[/]",
    "=cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_one_literal_paragraph(text: str) -> None:
    assert one_paragraph(md_escape(text)) == shown(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_a_table_keeps_the_table_shape(text: str) -> None:
    rows = [(md_cell(text), md_cell("second"), "3")]
    cells = table_cells("\n".join(table(("One", "Two", "Three"), rows)))
    assert cells == [["One", "Two", "Three"], [cell_shown(text), "second", "3"]]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_a_heading_stays_the_heading_text(text: str) -> None:
    tokens = parse("## " + md_line(text))
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    assert literal_text(tokens[1].children or []) == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_card_is_one_list_item_with_our_emphasis_only(text: str) -> None:
    card = Card(text=text, tags=("a_b", "#x*", "<i>"), sector=Sector.VCS, voiced_as=Sector.COUNCIL)
    check_card_item(card)


def check_card_item(card: Card) -> None:
    tokens = parse(card_item(card))
    assert blocks(card_item(card)) == ["bullet_list_open", "list_item_open", "paragraph_open"]
    inline = next(t for t in tokens if t.type == "inline").children or []
    types = [t.type for t in inline]
    # ours: " — " then one emphasis at the very end, holding the sector and the tags
    assert types[-1] == "em_close" and types.count("em_open") == 1, types
    start = types.index("em_open")
    body = literal_text(inline[:start])
    assert body == (shown(card.text) + " — " if shown(card.text) else "— ")
    meta = literal_text(inline[start + 1 : -1])
    assert meta.startswith("VCS voicing Council")
    for tag in card.tags:
        if md_line(tag):
            assert " ".join(("#" + tag).replace("\x00", "\ufffd").split()) in meta


# Markdown's metacharacters, weighted in, plus letters, digits, spaces and line breaks.
META = "\\`*_~[]()<>|#-+=:!&;./\"' \t\n\r0123456789aZé—"
PIECES = [
    "[x](http://e)",
    "![i](j)",
    "<script>",
    "&amp;",
    "&#65;",
    "```",
    "1. ",
    "# ",
    "| ",
    "|",
    "#",
    "=",
    ":--",
    "\n",
    "\n\n",
    "  ",
    "**",
    "__",
    "---",
    "> ",
    "\\",
    "a",
    " ",
]
texts = st.one_of(
    st.text(alphabet=st.sampled_from(list(META)), max_size=40),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs")), max_size=30),
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_any_text_is_one_literal_paragraph(text: str) -> None:
    assert one_paragraph(md_escape(text)) == shown(text)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_any_text_is_one_literal_cell(left: str, right: str) -> None:
    cells = table_cells("\n".join(table(("A", "B"), [(md_cell(left), md_cell(right))])))
    assert cells == [["A", "B"], [cell_shown(left), cell_shown(right)]]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_any_text_is_a_literal_heading(text: str) -> None:
    tokens = parse("### " + md_line(text))
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    assert literal_text(tokens[1].children or []) == " ".join(text.replace("\x00", "\ufffd").split())


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(texts, max_size=3))
def test_any_card_is_one_literal_list_item(text: str, tags: list[str]) -> None:
    check_card_item(Card(text=text, tags=tuple(tags), sector=Sector.VCS, voiced_as=Sector.COUNCIL))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#funding", "#funding"),
        ("Costs rise #funding", "Costs rise #funding"),
        ("#7 on the list", "#7 on the list"),
        ("####### seven is no heading", "####### seven is no heading"),
        ("# a heading", "\\# a heading"),
        ("###### six", "\\###### six"),
        ("#", "\\#"),
    ],
)
def test_a_hash_is_escaped_only_where_it_could_start_a_heading(text: str, expected: str) -> None:
    assert md_escape(text) == expected
    assert one_paragraph(md_escape(text)) == text


def test_a_tag_reads_as_typed_in_a_card_line() -> None:
    line = card_item(Card(text="Grants cut", tags=("funding",), sector=Sector.VCS))
    assert line == "- Grants cut — *VCS · #funding*"


def test_a_cell_has_no_html_line_breaks() -> None:
    assert md_cell("first line\n\nsecond <b>") == "first line / second \\<b>"

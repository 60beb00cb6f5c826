"""Reading exported Markdown back with markdown-it-py, for the export tests.

The parser is CommonMark with the GitHub table and strikethrough extensions: what a
Markdown viewer does. The helpers give a block's text as a reader would see it, and fail
on any markup (link, image, emphasis, code, HTML) that user text must never produce.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
MARKUP = {
    "link_open",
    "image",
    "em_open",
    "strong_open",
    "s_open",
    "code_inline",
    "html_inline",
    "autolink_open",
}
BLOCK_MARKUP = {
    "heading_open",
    "bullet_list_open",
    "ordered_list_open",
    "blockquote_open",
    "hr",
    "fence",
    "code_block",
    "html_block",
    "table_open",
    "lheading_open",
}


def parse(markdown: str) -> list[Token]:
    return MD.parse(markdown)


def literal_text(children: list[Token], *, allow_br: bool = False) -> str:
    """The text of inline tokens; fails on any markup. ``<br>`` counts as a line break in cells."""
    out: list[str] = []
    for t in children:
        if t.type in ("text", "text_special"):
            out.append(t.content)
        elif t.type in ("hardbreak", "softbreak") or (allow_br and t.type == "html_inline" and t.content == "<br>"):
            out.append("\n")
        else:
            raise AssertionError(f"user text became markup: {t.type} {t.content!r}")
    return "".join(out)


def shown(text: str) -> str:
    """What Markdown can show of ``text``: no spaces or tabs around lines, none before or after."""
    value = text.replace("\x00", "\ufffd").strip(" \t\r\n")
    return "\n".join(line.strip(" \t") for line in re.split(r"\r\n|\r|\n", value)) if value else ""


def cell_shown(text: str) -> str:
    """What a table cell shows of ``text``: its non-blank lines joined by " / " (no HTML)."""
    return " / ".join(line for line in shown(text).split("\n") if line)


def one_paragraph(markdown: str) -> str:
    """The text of a document that must be one plain paragraph (or nothing)."""
    tokens = parse(markdown)
    if not tokens:
        return ""
    types = [t.type for t in tokens]
    assert types == ["paragraph_open", "inline", "paragraph_close"], types
    return literal_text(tokens[1].children or [])


def table_cells(markdown: str) -> list[list[str]]:
    """Every row of the document's one table (header first) as cell texts; no markup inside."""
    tokens = parse(markdown)
    rows: list[list[str]] = []
    tables = [t for t in tokens if t.type == "table_open"]
    assert len(tables) == 1, [t.type for t in tokens]
    for t in tokens:
        if t.type == "tr_open":
            rows.append([])
        elif t.type == "inline" and rows:
            rows[-1].append(literal_text(t.children or [], allow_br=True))
    return rows


def blocks(markdown: str) -> list[str]:
    """Block-level token types (opening tags only), for structure checks."""
    return [t.type for t in parse(markdown) if t.nesting >= 0 and t.type != "inline"]


# -- the checker checks: it must catch what the escaping tests rely on it to catch ---------
def test_the_checker_catches_markup() -> None:
    import pytest

    for raw in ("[x](http://e)", "*em*", "`code`", "<b>x</b>", "![i](y)", "~~s~~", "**b**"):
        with pytest.raises(AssertionError):
            one_paragraph(raw)
    for raw in ("# h", "- x", "> q", "1. x", "---", "```\nx\n```", "    code"):
        with pytest.raises(AssertionError):
            one_paragraph(raw)


def test_the_checker_reads_tables_and_text() -> None:
    assert one_paragraph("a \\| b\\\nc") == "a | b\nc"
    assert table_cells("| h | i |\n| --- | --- |\n| a<br>b | \\| |") == [["h", "i"], ["a\nb", "|"]]
    assert shown("  a  \n\n  b \n") == "a\n\nb"

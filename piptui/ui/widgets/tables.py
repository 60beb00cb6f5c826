"""Filling a DataTable whose columns fit their cells.

DataTable measures an automatic column's width when it is next idle, and a frame drawn before
that keeps the cells cut to the width of their heading ("darlingto" for "darlington-demo" on the
home screen, seen in CI): its drawn lines are not redrawn when the widths grow. So the screens
here give each column its width as they fill the table, and nothing waits for the measuring.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable


def fill_table(table: DataTable[Text], headings: Sequence[Text], rows: Sequence[tuple[Sequence[Text], str]]) -> None:
    """Replace ``table``'s columns and rows: ``rows`` are (cells, key), one cell a heading; each
    column is as wide as its widest cell or heading."""
    table.clear(columns=True)
    for index, heading in enumerate(headings):
        width = max([heading.cell_len, *(cells[index].cell_len for cells, _key in rows)])
        table.add_column(heading, width=width, key=heading.plain)
    for cells, key in rows:
        table.add_row(*cells, key=key)

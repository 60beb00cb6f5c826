"""CSV a spreadsheet opens safely: UTF-8 with a byte-order mark, CRLF rows, and every cell made
text (RFC 4180).

- The byte-order mark lets Excel open accents and dashes correctly when the file is
  double-clicked (LibreOffice and Python's ``encoding="utf-8-sig"`` read it too).
- Formula injection: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return gets a leading apostrophe (``'=SUM(A1)``), so a spreadsheet shows it as text and
  never runs it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

BOM = b"\xef\xbb\xbf"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: a leading apostrophe before a formula character."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def rows_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file of ``rows`` under ``header``: BOM, CRLF, every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return BOM + out.getvalue().encode("utf-8")

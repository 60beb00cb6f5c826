"""The CSV of cards: one row per card, opens in a spreadsheet, never runs a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from piptui.domain.model import Card, Cluster, Objective, Programme, Sector, Session
from piptui.errors import InvalidInput
from piptui.export.csv_format import BOM, COLUMNS, export_csv, safe_cell
from piptui.store import SessionStore

Data = dict[str, Any]
TEXTS = [
    "=SUM(A1:A9)",
    "+44 1325 000000",
    "-5 degrees",
    "@cmd",
    "\tTabbed",
    'plain, with "quotes"',
    "two\nlines",
    "Ünïcödé — fine",
]


@pytest.fixture
def data(tmp_path: Path) -> Data:
    cards = [
        Card(
            text=t,
            id=f"c{i}",
            tags=("a", "b") if i == 0 else (),
            sector=Sector.VCS,
            voiced_as=None,
            author="=Jean",
            session=1 + i % 2,
            step="sorting/sort",
            column="drivers",
            confidential=i == 3,
            cluster="k1" if i < 2 else None,
            created=f"2008-01-01T10:0{i}:00.000Z",
        )
        for i, t in enumerate(TEXTS)
    ]
    content = [*cards, Cluster(title="-Theme", id="k1", objective="o1"), Objective(title="@Goal", id="o1")]
    path = tmp_path / "p.json"
    SessionStore.create(path, Programme(name="p", area="A"), sessions=[Session(1), Session(2)], content=content).close()
    with SessionStore(path) as store:
        return store.raw()


def rows(blob: bytes) -> list[dict[str, str]]:
    assert blob.startswith(BOM)
    return list(csv.DictReader(io.StringIO(blob.decode("utf-8-sig"), newline="")))


def test_one_row_per_card_in_capture_order_without_confidential(data: Data) -> None:
    blob = export_csv(data)
    assert blob.split(b"\r\n", 1)[0] == BOM + ",".join(COLUMNS).encode()
    got = rows(blob)
    assert [r["id"] for r in got] == ["c0", "c1", "c2", "c4", "c5", "c6", "c7"]
    first = got[0]
    assert first == {
        "id": "c0",
        "session": "1",
        "step": "sorting/sort",
        "column": "drivers",
        "cluster": "'-Theme",
        "objective": "'@Goal",
        "text": "'=SUM(A1:A9)",
        "tags": "a b",
        "sector": "vcs",
        "voiced_as": "",
        "confidential": "no",
        "author": "'=Jean",
        "created": "2008-01-01T10:00:00.000Z",
    }


def test_formula_cells_get_an_apostrophe_and_others_are_exact(data: Data) -> None:
    texts = [r["text"] for r in rows(export_csv(data, include_confidential=True))]
    assert texts == [
        "'=SUM(A1:A9)",
        "'+44 1325 000000",
        "'-5 degrees",
        "'@cmd",
        "'\tTabbed",
        'plain, with "quotes"',
        "two\nlines",
        "Ünïcödé — fine",
    ]
    assert safe_cell(None) == "" and safe_cell(3) == "3" and safe_cell("\rx") == "'\rx"


def test_confidential_and_session_filters(data: Data) -> None:
    everything = rows(export_csv(data, include_confidential=True))
    assert len(everything) == len(TEXTS) and everything[3]["confidential"] == "yes"
    assert [r["id"] for r in rows(export_csv(data, session=2))] == ["c1", "c5", "c7"]
    with pytest.raises(InvalidInput, match="no session 4"):
        export_csv(data, session=4)


def test_same_data_same_bytes(data: Data) -> None:
    assert export_csv(data) == export_csv(data)

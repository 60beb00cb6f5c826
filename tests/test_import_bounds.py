"""``piptui import`` is bounded (issue 16, point 7): a file of more records than an export holds is
refused before it is parsed; what is parsed is checked in one pass by the store's own rules
(store/shape.py), and a key given twice is still found, wherever it is."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from piptui.export.json_format import MAX_CONTAINERS, MAX_VALUES, BadExportFile, keys_in_text, read_export
from piptui.store.storage import parse_bytes

HEADER = {"programme": {"programme": {"name": "p", "area": "A"}}, "sessions": {}}


def export_of(tables: dict[str, object]) -> bytes:
    document = {"format": "piptui-programme-export", "version": 1, "schema": 1, "name": "p", "tables": tables}
    return orjson.dumps(document)


def test_a_file_of_too_many_records_is_refused_before_it_is_parsed() -> None:
    cards = {f"{i:06x}": {"text": "x", "tags": ["a"]} for i in range(MAX_CONTAINERS // 2 + 10)}
    blob = export_of({**HEADER, "cards": cards})
    assert len(blob) < 8_000_000  # under the size cap: the count refuses it
    with pytest.raises(BadExportFile, match=r"holds too many records .*at most 100,000 objects and lists"):
        read_export(blob, "many.json")


def test_a_file_of_too_many_values_is_refused() -> None:
    blob = export_of({**HEADER, "cards": {"c1": {"text": "x", "tags": ["a"] * MAX_VALUES}}})
    with pytest.raises(BadExportFile, match=r"too many records .*at most 600,000 values"):
        read_export(blob, "tags.json")


def test_a_big_export_under_the_bounds_is_read() -> None:
    cards = {f"{i:06x}": {"text": f"card {i}", "tags": ["a", "b"]} for i in range(MAX_CONTAINERS // 2 - 100)}
    export = read_export(export_of({**HEADER, "cards": cards}), "big.json")
    assert len(export.tables["cards"]) == len(cards)


TRICKY = [
    {"a": 1},
    {"a": 'he said "x": y', "b": "\\", "c": '\\"', "d": '\\\\": ', "e": "\\ :"},
    {"k\\": {"\\\\": ['": "', {"x": '\\\\\\":'}]}},
    {'"': {'\\"': 1}, "": {"": ""}},
]


@pytest.mark.parametrize("value", TRICKY)
@pytest.mark.parametrize("indent", [None, 2])
def test_keys_are_counted_in_the_text_as_the_parser_counts_them(value: object, indent: int | None) -> None:
    def keys(v: object) -> int:
        if isinstance(v, dict):
            return len(v) + sum(keys(x) for x in v.values())
        return sum(keys(x) for x in v) if isinstance(v, list) else 0

    text = json.dumps(value, indent=indent, separators=(" , ", " : ") if indent else None).encode()
    assert keys_in_text(text) == keys(value)


def test_a_key_given_twice_deep_inside_a_record_is_found() -> None:
    blob = export_of({**HEADER, "cards": {"c1": {"text": "x", "extra": {"k": 1}}}})
    blob = blob.replace(b'{"k":1}', b'{"k":1,"k":2}')
    with pytest.raises(BadExportFile, match=r'tables\.cards\.c1\.extra gives the key "k" twice'):
        read_export(blob, "twice.json")


def test_import_and_open_check_records_by_the_same_rules(tmp_path: Path) -> None:
    """A timer of 1e308 seconds: the store refuses it at open, so the import refuses it too."""
    sessions = {"1": {"number": 1, "title": "S", "timer": {"duration": 1e308}}}
    with pytest.raises(BadExportFile, match=r'tables\.sessions\["1"\]\.timer\.duration: the number .* out of range'):
        read_export(export_of({**HEADER, "sessions": sessions}), "timer.json")
    data = {"_meta": {"piptui": {"schema": 1}}, **HEADER, "sessions": sessions}
    with pytest.raises(Exception, match=r'sessions\["1"\]\.timer\.duration: the number .* out of range'):
        parse_bytes(tmp_path / "p.json", orjson.dumps(data))

"""piptui.store.fragments.tables_of: a file in piptui's layout (a table a line) cut into its tables'
bodies; anything else is refused (None), and the file is then parsed whole."""

from __future__ import annotations

import orjson
import pytest

from piptui.store.fragments import tables_of


def test_a_file_a_table_a_line_is_cut_into_its_tables() -> None:
    data = {"_meta": {"piptui": {"schema": 3}}, "cards": {"1" * 32: {"text": "a\nb"}, "2" * 32: {}}, "empty": {}}
    blob = b"{" + b",\n".join(orjson.dumps({k: v})[1:-1] for k, v in data.items()) + b"}\n"
    pieces = tables_of(blob)
    assert pieces is not None and [name for name, _body in pieces] == list(data)
    assert {name: orjson.loads(b"{" + body + b"}") for name, body in pieces} == data
    assert tables_of(b'{"only":{"1":{}}}\n') == [("only", b'"1":{}')]


@pytest.mark.parametrize(
    "blob",
    [
        b"",
        b"\n",
        b"{\n",
        b'{"a":{}}',  # no newline at the end
        b'x"a":{}}\n',
        b'{"a":{},\n\n"b":{}}\n',  # an empty line
        b'{"a":{}},\n',  # a comma after the last table
        b'{"a":{},\n"b":{}},\n',
        b'{"a":{}}\n"b":{}}\n',  # no comma between tables
        b'{"a":{,\n"b":{}}\n',
        b'{"a-b":{}}\n',  # not a table's name
        b'{"a":{}\n',
        b'{"a":{}}\n\n',
    ],
)
def test_anything_else_is_refused(blob: bytes) -> None:
    assert tables_of(blob) is None

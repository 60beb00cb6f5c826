"""The JSON backup: complete, deterministic, restored exactly; bad files refused, nothing written."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import orjson
import pytest

from piptui.errors import InvalidInput, PiptuiError, ProgrammeExists
from piptui.exercises import load_library
from piptui.export.importer import import_programme
from piptui.export.json_format import FORMAT, BadExportFile, export_json, read_export
from piptui.programmes import ensure_demo
from piptui.store import SessionStore


@pytest.fixture(scope="module")
def demo_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = ensure_demo(tmp_path_factory.mktemp("demo"), load_library())
    with SessionStore(path, author="ann") as store:
        store.add_card("something to undo", session=1)
        with store.batch("extras") as b:
            card_id = next(iter(b.data["cards"]))
            b.put_doc("cards", card_id, {**b.doc("cards", card_id), "future_field": {"x": [1, 2.5, None]}})
            b.put_doc("responses", "r1", {"session": 5, "answers": {"q1": 4}, "sector": "vcs"})
    return path.read_bytes()


@pytest.fixture
def demo(sessions_dir: Path, demo_bytes: bytes) -> Path:
    """The demo with an undo log, and fields and tables piptui does not know (a fresh copy)."""
    path = sessions_dir / "darlington-demo.json"
    path.write_bytes(demo_bytes)
    return path


def exported(path: Path) -> bytes:
    with SessionStore(path) as store:
        return export_json(store.raw())


def test_export_is_complete_and_keeps_confidential_cards(demo: Path) -> None:
    blob = exported(demo)
    document = json.loads(blob)
    assert (document["format"], document["version"], document["schema"], document["name"]) == (
        FORMAT,
        1,
        2,  # ids as the UUID's integer (schema 1: its hex)
        "darlington-demo",
    )
    assert list(document) == ["format", "version", "schema", "name", "tables"]
    tables = document["tables"]
    assert "events" not in tables and "_meta" not in tables
    assert tables["responses"] == {"r1": {"answers": {"q1": 4}, "sector": "vcs", "session": 5}}
    assert any("future_field" in d for d in tables["cards"].values())
    assert sum(d["confidential"] for d in tables["cards"].values()) == 2
    with SessionStore(demo) as store:
        raw = store.raw()
    assert {t: docs for t, docs in raw.items() if t not in ("events", "_meta")} == tables


def test_export_is_deterministic_and_sorted(demo: Path) -> None:
    blob = exported(demo)
    assert blob == exported(demo) and blob.endswith(b"}\n")
    tables = json.loads(blob)["tables"]
    assert list(tables) == sorted(tables) and list(tables["cards"]) == sorted(tables["cards"])


def test_export_import_export_is_byte_identical(demo: Path, tmp_path: Path) -> None:
    blob = exported(demo)
    elsewhere = tmp_path / "elsewhere"
    result = import_programme(elsewhere, blob, source="backup.json")
    assert (result.name, result.replaced, result.path) == ("darlington-demo", False, elsewhere / "darlington-demo.json")
    assert exported(result.path) == blob
    with SessionStore(result.path, author="ann") as store:
        assert store.undo() is None  # the undo history does not travel
        assert len(store.cards()) == 52 and store.programme().name == "darlington-demo"


def test_import_under_another_name(demo: Path, sessions_dir: Path) -> None:
    result = import_programme(sessions_dir, exported(demo), source="b.json", name="copy")
    with SessionStore(result.path) as store:
        assert store.programme().name == "copy"
    assert exported(result.path).replace(b'"copy"', b'"darlington-demo"') == exported(demo)


def test_import_over_an_existing_programme_refuses_unless_replace(demo: Path, sessions_dir: Path) -> None:
    blob = exported(demo)
    with SessionStore(demo, author="ann") as store:
        store.add_card("added after the backup", session=1)
    before = demo.read_bytes()
    with pytest.raises(ProgrammeExists, match="--replace"):
        import_programme(sessions_dir, blob, source="b.json")
    assert demo.read_bytes() == before
    result = import_programme(sessions_dir, blob, source="b.json", replace=True)
    assert result.replaced and exported(demo) == blob


def test_replace_waits_for_the_lock_and_other_stores_see_the_new_file(demo: Path, sessions_dir: Path) -> None:
    blob = exported(demo)
    with SessionStore(demo, author="ann") as open_store:
        open_store.add_card("not in the backup", session=1)
        assert any(c.text == "not in the backup" for c in open_store.cards())
        done = threading.Event()
        with open_store.batch("holding the lock"):
            worker = threading.Thread(
                target=lambda: (import_programme(sessions_dir, blob, source="b", replace=True), done.set())
            )
            worker.start()
            worker.join(0.3)
            assert not done.is_set()  # blocked on the programme's lock
        worker.join(10)
        assert done.is_set()
        assert not any(c.text == "not in the backup" for c in open_store.cards())


def test_a_replaced_damaged_file_is_restored(demo: Path, sessions_dir: Path) -> None:
    blob = exported(demo)
    demo.write_bytes(b'{"cards": {"x": ')
    with pytest.raises(PiptuiError):
        SessionStore(demo)
    import_programme(sessions_dir, blob, source="b.json", replace=True)
    assert exported(demo) == blob


# -- bad files: each refused with what is wrong, nothing written ---------------------------
def good(demo_path: Path) -> dict[str, Any]:
    return orjson.loads(exported(demo_path))


def card_of(document: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    card_id = sorted(document["tables"]["cards"])[0]
    return card_id, document["tables"]["cards"][card_id]


def mutate(demo_path: Path, how: str) -> bytes:
    d = good(demo_path)
    card_id, card = card_of(d)
    if how == "format":
        d["format"] = "something-else"
    elif how == "no-format":
        del d["format"]
    elif how == "newer-version":
        d["version"] = 2
    elif how == "newer-schema":
        d["schema"] = 99
    elif how == "no-tables":
        del d["tables"]
    elif how == "no-name":
        del d["name"]
    elif how == "bad-name":
        d["name"] = "../etc/passwd"
    elif how == "no-header":
        del d["tables"]["programme"]
    elif how == "missing-text":
        del card["text"]
    elif how == "tags-type":
        card["tags"] = ["ok", 3]
    elif how == "confidential-type":
        card["confidential"] = "yes"
    elif how == "sector":
        card["sector"] = "army"
    elif how == "session-key":
        d["tables"]["sessions"]["1"]["number"] = 2
    elif how == "table-type":
        d["tables"]["cards"] = []
    elif how == "doc-type":
        d["tables"]["clusters"]["x"] = "a cluster"
    elif how == "events":
        d["tables"]["events"] = {}
    elif how == "timer":
        d["tables"]["sessions"]["1"]["timer"] = {"duration": "ten minutes"}
    elif how == "review-note":
        action = next(iter(d["tables"]["actions"].values()))
        action["review_notes"] = [{"at": "2008-10-16", "text": "x", "status": "finished"}]
    elif how == "top-list":
        return b"[]"
    blob = orjson.dumps(d)
    if how == "duplicate-id":
        text = blob.decode()
        first = text.index(f'"{card_id}":')
        end = text.index("}", first) + 1
        return (text[:end] + "," + text[first:end] + text[end:]).encode()
    return blob


BAD: list[tuple[str, str]] = [
    ("format", 'not a piptui export (it has "format" "something-else", expected "piptui-programme-export")'),
    ("no-format", 'it has no "format"'),
    ("newer-version", "exported by a newer piptui (export format version 2; this piptui reads up to 1)"),
    ("newer-schema", "newer programme file schema (99"),
    ("no-tables", '"tables" must be an object of tables (it is missing)'),
    ("no-name", '"name" must be the programme\'s name as text (it is missing)'),
    ("no-header", 'tables.programme["programme"]: the programme header is missing'),
    ("missing-text", 'the field "text" is missing'),
    ("tags-type", ".tags[1]: expected text, got the number 3"),
    ("confidential-type", '.confidential: expected true or false, got the text "yes"'),
    ("sector", '.sector: "army" is not one of council, statutory, vcs, other'),
    ("session-key", 'tables.sessions["1"]: a session is keyed by its number, but its number is 2'),
    ("table-type", "tables.cards: must be an object of documents keyed by id, not a list"),
    ("doc-type", 'tables.clusters["x"]: must be an object, not the text "a cluster"'),
    ("events", "tables.events: this table is the programme file's own bookkeeping"),
    ("timer", '.timer.duration: expected a number, got the text "ten minutes"'),
    ("review-note", '.review_notes[0].status: "finished" is not one of not started, in progress, done, dropped'),
    ("top-list", "its top level is not an object"),
    ("duplicate-id", "tables.cards gives the key"),
]


@pytest.mark.parametrize(("how", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_imports_say_what_is_wrong_and_write_nothing(demo: Path, tmp_path: Path, how: str, message: str) -> None:
    blob = mutate(demo, how)
    target = tmp_path / "target"
    with pytest.raises(BadExportFile) as caught:
        import_programme(target, blob, source="bad.json", replace=True)
    assert message in caught.value.message, caught.value.message
    assert "nothing was imported" in caught.value.message.lower()
    assert not target.exists()


@pytest.mark.parametrize(
    ("blob", "message"),
    [
        (b"", "bad.json is empty"),
        (b"   \n", "bad.json is empty"),
        (b"not json", "bad.json is not valid JSON ("),
        (b'{"a": 1,\n "b": }', "line 2 column 7"),
        (b'{"format": "piptui-programme-export",', "bad.json is not valid JSON"),
        (b'{"a": NaN}', "not valid JSON"),
        (b"\xff\xfe{}", "not valid JSON"),
    ],
)
def test_not_json_is_refused(tmp_path: Path, blob: bytes, message: str) -> None:
    with pytest.raises(BadExportFile, match="nothing was imported") as caught:
        import_programme(tmp_path / "target", blob, source="bad.json")
    assert message in caught.value.message
    assert not (tmp_path / "target").exists()


def test_a_bad_name_is_refused(demo: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not a usable programme name"):
        import_programme(tmp_path / "t", mutate(demo, "bad-name"), source="b.json")
    with pytest.raises(InvalidInput, match="not a usable programme name"):
        import_programme(tmp_path / "t", exported(demo), source="b.json", name="a/b")
    assert not (tmp_path / "t").exists()


def test_a_programme_file_given_to_import_gets_a_hint(demo: Path, tmp_path: Path) -> None:
    with pytest.raises(BadExportFile, match="looks like a programme file itself"):
        read_export(demo.read_bytes(), "darlington-demo.json")


def test_many_problems_are_listed_with_a_count(demo: Path) -> None:
    d = good(demo)
    for card in d["tables"]["cards"].values():
        card["tags"] = 7
    with pytest.raises(BadExportFile) as caught:
        read_export(orjson.dumps(d), "b.json")
    assert caught.value.message.count("expected a list, got the number 7") == 6
    assert "... and 46 more" in caught.value.message


def test_a_byte_order_mark_is_accepted(demo: Path, tmp_path: Path) -> None:
    result = import_programme(tmp_path, b"\xef\xbb\xbf" + exported(demo), source="b.json")
    assert exported(result.path) == exported(demo)

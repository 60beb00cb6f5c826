"""A re-read parses only the documents whose bytes changed (piptui.store.fragments), and is never
stale: whatever another process or tool changed, the next read shows exactly the file."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson
import pytest

from piptui.errors import ProgrammeFileError, ProgrammeNotFound
from piptui.programmes import ensure_demo
from piptui.store import SessionStore, read_programme
from piptui.store.fragments import layout_of, reparse

EDIT_ONE_FIELD = """
import sys
from piptui.store import SessionStore, read_programme
path, card_id, text = sys.argv[1], sys.argv[2], sys.argv[3]
with SessionStore(path, author="other") as store:
    store.edit_card(card_id, text=text)
"""


def test_a_field_changed_by_another_process_is_seen_and_the_other_cards_are_reused(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    with SessionStore(path, author="me") as mine:
        before = mine.snapshot()
        raw = dict(mine.raw()["cards"])
        target = before.cards[10]
        new_text = "X" * len(target.text)  # the same length: the file's size does not change
        subprocess.run([sys.executable, "-c", EDIT_ONE_FIELD, str(path), target.id, new_text], check=True)
        after = mine.snapshot()
        assert after.card(target.id) is not None and after.card(target.id).text == new_text
        with SessionStore(path) as fresh:
            assert list(after.cards) == list(fresh.snapshot().cards)  # as a store that never read it
        docs = mine.raw()["cards"]  # the other documents were not parsed again
        assert all(docs[k] is doc for k, doc in raw.items() if k != target.id) and docs[target.id] != raw[target.id]
        kept = [a for a, b in zip(after.cards, before.cards, strict=True) if a.id != target.id]
        assert all(a is b for a, b in zip(kept, [c for c in before.cards if c.id != target.id], strict=True))


def test_an_edit_in_place_of_the_bytes_by_another_tool_is_seen(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    with SessionStore(path) as mine:
        card = mine.snapshot().cards[3]
        old = orjson.dumps(card.text)
        blob = path.read_bytes()
        assert blob.count(old) == 1
        new = orjson.dumps("Y" * len(card.text))
        time.sleep(0.05)  # past the file system's clock tick: the edit changes the file's times
        with path.open("r+b") as handle:  # not replaced: the same inode, the same size
            handle.seek(blob.index(old))
            handle.write(new)
        assert mine.snapshot().card(card.id).text == "Y" * len(card.text)  # type: ignore[union-attr]


def test_reads_after_any_change_by_another_store_equal_a_full_parse(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    rng = random.Random(14)
    with SessionStore(path, author="reader") as reader, SessionStore(path, author="writer") as writer:
        for i in range(60):
            cards = writer.cards()
            pick = rng.choice(cards)
            what = rng.choice(["add", "edit", "move", "delete", "undo", "tag", "step"])
            if what == "add":
                writer.add_card(f"card {i}", session=3, tags=["new"])
            elif what == "edit":
                writer.edit_card(pick.id, text=f"edited {i}")
            elif what == "tag":
                writer.edit_card(pick.id, tags=[*pick.tags, f"t{i}"])
            elif what == "move":
                writer.move_card(pick.id, None)
            elif what == "delete":
                writer.delete_card(pick.id)
            elif what == "undo":
                writer.undo()
            else:
                writer.set_current_step(3, None)
            assert reader.raw() == orjson.loads(path.read_bytes()), what
            with SessionStore(path) as fresh:
                assert list(reader.snapshot().cards) == list(fresh.snapshot().cards), what


def test_a_file_in_another_layout_is_read_whole_then_incrementally_once_piptui_wrote_it(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    data = orjson.loads(path.read_bytes())
    path.write_text(json.dumps(data, indent=2))  # as a person's script might leave it
    with SessionStore(path, author="me") as mine, SessionStore(path, author="other") as other:
        assert len(mine.snapshot().cards) == len(data["cards"])
        other.add_card("after the script", session=3)
        assert "after the script" in {c.text for c in mine.snapshot().cards}
        other.add_card("and another", session=3)
        assert mine.raw() == orjson.loads(path.read_bytes())


def test_a_bad_record_written_in_place_is_refused_on_a_re_read_naming_it(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    with SessionStore(path) as mine:
        card = mine.snapshot().cards[0]
        blob = path.read_bytes()
        tags = b'"tags":' + orjson.dumps(list(card.tags))
        assert blob.count(tags) >= 1
        start = blob.index(orjson.dumps(card.id) + b":{")
        at = blob.index(tags, start)
        broken = blob[:at] + b'"tags":"power"' + blob[at + len(tags) :]
        path.write_bytes(broken)
        with pytest.raises(ProgrammeFileError, match=rf'cards\["{card.id[:20]}.*\]\.tags: expected a list'):
            mine.snapshot()
        assert path.read_bytes() == broken  # nothing written over it


def layout_file(data: dict[str, dict[str, Any]]) -> bytes:
    """Bytes in the layout the storage writes (a table a line, documents joined by commas)."""
    tables = [
        orjson.dumps(t) + b":{" + b",".join(orjson.dumps(k) + b":" + orjson.dumps(v) for k, v in docs.items()) + b"}"
        for t, docs in data.items()
    ]
    return b"{" + b",\n".join(tables) + b"}\n"


BASE: dict[str, dict[str, Any]] = {
    "_meta": {"piptui": {"schema": 2, "seq": 1}},
    "programme": {"programme": {"name": "x"}},
    "cards": {"11": {"text": "a"}, "22": {"text": "b", "x": {"1": {}, "2": {"3": {"4": 1}}}}, "33": {"text": "c"}},
}


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["cards"].update({"44": {"text": "appended"}}),
        lambda d: d["cards"].update({"22": {"text": "b2", "x": {"1": {}, "2": {}}}}),  # nested ids: cut inside it
        lambda d: d["cards"].pop("11"),
        lambda d: d["cards"].update({"11": d["cards"].pop("11") | {"text": "moved to the end"}}),
        lambda d: d.update(votes={"55": {"voter": "p"}}),
        lambda d: d.pop("cards"),
    ],
)
def test_reparse_equals_orjson_of_the_whole_file(change: Any) -> None:
    data = orjson.loads(orjson.dumps(BASE))
    layout = layout_of(layout_file(data), data)
    changed = orjson.loads(orjson.dumps(BASE))
    change(changed)
    blob = layout_file(changed)
    got = reparse(blob, layout)
    assert got is not None and got[0] == orjson.loads(blob)


@pytest.mark.parametrize(
    "blob",
    [
        layout_file(BASE).replace(b'"33":{"text":"c"}', b'"33":{"text":"c"},"11":{"text":"twice"}'),  # repeated id
        layout_file(BASE).replace(b'"text":"b"', b'"text":"b'),  # corrupt
        layout_file(BASE)[:-5] + b"}\n",  # truncated
        json.dumps(BASE, indent=1).encode() + b"\n",  # not piptui's layout
    ],
)
def test_reparse_gives_up_on_anything_unexpected(blob: bytes) -> None:
    data = orjson.loads(orjson.dumps(BASE))
    got = reparse(blob, layout_of(layout_file(data), data))
    try:
        whole = orjson.loads(blob)
    except orjson.JSONDecodeError:
        assert got is None
    else:
        assert got is None or got[0] == whole


def test_read_programme_without_history_is_the_file_less_its_undo_log(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    with SessionStore(path, author="me") as store:
        store.add_card("one for the history", session=3)
        whole = store.raw()
    assert "events" in whole
    assert read_programme(path) == whole
    assert read_programme(path, history=False) == {t: docs for t, docs in whole.items() if t != "events"}
    path.write_text(json.dumps(whole, indent=2))  # another layout: parsed whole, the log dropped
    assert read_programme(path, history=False) == {t: docs for t, docs in whole.items() if t != "events"}


def test_read_programme_refuses_a_bad_record_but_not_a_history_it_leaves_out(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    with SessionStore(path, author="me") as store:
        store.add_card("one for the history", session=3)
        data = orjson.loads(orjson.dumps(store.raw()))
    event = next(iter(data["events"]))
    data["events"][event]["changes"] = "gone"
    path.write_bytes(layout_file(data))
    assert "cards" in read_programme(path, history=False)
    with pytest.raises(ProgrammeFileError, match="changes: expected a list"):
        read_programme(path)
    data["cards"][next(iter(data["cards"]))]["tags"] = "power"
    path.write_bytes(layout_file(data))
    with pytest.raises(ProgrammeFileError, match="tags: expected a list"):
        read_programme(path, history=False)
    with pytest.raises(ProgrammeNotFound):
        read_programme(sessions_dir / "nobody.json", history=False)

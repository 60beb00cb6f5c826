"""A store's snapshots reuse what the last one decoded and sorted (a card added elsewhere: only it
is decoded, and it goes after the sorted cards), and are always what decoding the file afresh gives."""

from __future__ import annotations

from pathlib import Path

from piptui.domain.model import Card, Programme, Session
from piptui.store import SessionStore
from piptui.store.snapshot import Snapshot, decode_snapshot


def _same(snapshot: Snapshot, path: Path) -> None:
    with SessionStore(path) as fresh:
        expected = decode_snapshot(fresh.raw())
    assert snapshot.cards == expected.cards
    assert [c.id for c in snapshot.cards] == [c.id for c in expected.cards]
    assert snapshot.clusters == expected.clusters and snapshot.sessions == expected.sessions


def test_snapshots_after_adds_edits_deletions_and_an_older_card_are_read_afresh(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    SessionStore.create(path, Programme(name="p", area="a"), sessions=[Session(number=1)]).close()
    with SessionStore(path, author="reader") as reader, SessionStore(path, author="writer") as writer:
        first = [writer.add_card(f"card {n}", session=1) for n in range(30)]
        _same(reader.snapshot(), path)
        before = reader.snapshot().cards
        added = writer.add_card("one more", session=1)
        snapshot = reader.snapshot()
        _same(snapshot, path)
        assert snapshot.cards[-1].id == added.id
        assert all(a is b for a, b in zip(before, snapshot.cards, strict=False))  # reused, not decoded again
        with writer.batch("an older card") as batch:  # another terminal's clock behind: sorts before
            batch.put(Card(text="older", session=1, created="2000-01-01T00:00:00.000Z"))
        snapshot = reader.snapshot()
        _same(snapshot, path)
        assert snapshot.cards[0].text == "older"
        writer.edit_card(first[3].id, text="edited")
        _same(reader.snapshot(), path)
        writer.delete_card(first[5].id)
        snapshot = reader.snapshot()
        _same(snapshot, path)
        assert first[5].id not in {c.id for c in snapshot.cards} and len(snapshot.cards) == 31
        for n in range(3):
            writer.add_card(f"late {n}", session=1)
            _same(reader.snapshot(), path)
        assert [c.text for c in reader.snapshot().cards[-3:]] == ["late 0", "late 1", "late 2"]
        assert [c.text for c in reader.cards()][-1] == "late 2"

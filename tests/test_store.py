"""The programme file: round trips, atomic writes, refusal of bad files, undo, unknown fields."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from piptui.domain.model import Action, ActionStatus, Card, Cluster, Objective, Programme, Sector, Session, Timer
from piptui.errors import Conflict, InvalidInput, NotFound, NotSaved, ProgrammeExists, ProgrammeFileError
from piptui.store import SessionStore


def test_add_card_round_trips_and_is_on_disk(store: SessionStore, programme_file: Path) -> None:
    card = store.add_card(" Lack of resources ", tags=["Resources", "resources", "#Capacity"], sector="vcs")
    assert card.text == "Lack of resources"
    assert card.tags == ("resources", "capacity")
    assert card.author == "ann" and card.session == 1 and card.step == "sorting/sort"
    with SessionStore(programme_file) as other:  # a fresh reader sees exactly it
        assert other.cards() == [card]
    on_disk = orjson.loads(programme_file.read_bytes())
    assert on_disk["cards"][card.id]["text"] == "Lack of resources"


def test_every_entity_round_trips(store: SessionStore, programme_file: Path) -> None:
    card = store.add_card(
        "Commissioning favours big providers",
        sector=Sector.VCS,
        voiced_as="council",
        session=2,
        step="x/y",
        column="barriers-power",
        confidential=True,
    )
    cluster = Cluster(title="Power", votes=4, session=2)
    objective = Objective(
        title="Fairer commissioning", clusters=(cluster.id,), timescale="12 months", review_date="2009-04-17", session=4
    )
    action = Action(
        text="Joint terms of reference", objective=objective.id, owners=("Jean",), status=ActionStatus.IN_PROGRESS
    )
    store.save(cluster, objective, action, label="plan")
    store.edit_card(card.id, cluster=cluster.id)
    store.set_timer(1, Timer(duration=600.0, started_at=1.5, elapsed=2.0))
    with SessionStore(programme_file) as other:
        assert other.card(card.id).voiced_as is Sector.COUNCIL
        assert other.clusters()[0].card_ids == (card.id,)
        assert other.objectives() == [objective]
        assert other.actions(objective.id) == [action]
        assert other.session(1).timer == Timer(duration=600.0, started_at=1.5, elapsed=2.0)


def test_create_refuses_an_existing_file(programme_file: Path) -> None:
    before = programme_file.read_bytes()
    with pytest.raises(ProgrammeExists):
        SessionStore.create(programme_file, Programme(name="test", area="Elsewhere"))
    assert programme_file.read_bytes() == before


def test_empty_text_and_unknown_sector_are_refused(store: SessionStore, programme_file: Path) -> None:
    before = programme_file.read_bytes()
    with pytest.raises(InvalidInput):
        store.add_card("   ")
    with pytest.raises(InvalidInput, match="Unknown sector 'army'"):
        store.add_card("x", sector="army")
    assert programme_file.read_bytes() == before


BAD_FILES = {
    "corrupt": b'{"_meta": {"piptui": {"schema": 1}}, "cards": {"a": {"te',
    "truncated": b"",
    "not-ours": b'{"_default": {"1": {"x": 1}}}',
    "not-an-object": b"[1, 2, 3]",
    "future": b'{"_meta": {"piptui": {"schema": 99}}, "cards": {}}',
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_files_are_refused_and_left_byte_for_byte(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.json"
    path.write_bytes(BAD_FILES[kind])
    with pytest.raises(ProgrammeFileError) as info:
        SessionStore(path)
    assert str(path) in info.value.message
    if kind == "future":
        assert "newer piptui" in info.value.message
    assert path.read_bytes() == BAD_FILES[kind]


def test_a_file_corrupted_while_open_is_refused_not_overwritten(store: SessionStore, programme_file: Path) -> None:
    store.add_card("first")
    programme_file.write_bytes(b'{"cards": {')
    with pytest.raises(ProgrammeFileError):
        store.add_card("second")
    assert programme_file.read_bytes() == b'{"cards": {'


def test_unknown_fields_and_tables_are_kept(store: SessionStore, programme_file: Path) -> None:
    card = store.add_card("x")
    data = orjson.loads(programme_file.read_bytes())
    data["cards"][card.id]["colour"] = "yellow"
    data["future_table"] = {"k": {"v": 1}}
    programme_file.write_bytes(orjson.dumps(data))
    store.edit_card(card.id, text="y")
    after = orjson.loads(programme_file.read_bytes())
    assert after["cards"][card.id]["colour"] == "yellow"
    assert after["cards"][card.id]["text"] == "y"
    assert after["future_table"] == {"k": {"v": 1}}


def test_writes_are_atomic_no_temp_files_left(store: SessionStore, programme_file: Path) -> None:
    for i in range(5):
        store.add_card(f"card {i}")
    leftovers = [p.name for p in programme_file.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_failed_write_leaves_the_file_and_memory_as_they_were(
    store: SessionStore, programme_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_card("kept")
    before = programme_file.read_bytes()

    def boom(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(NotSaved, match=r"^Not saved: no space left on the device \(.*test\.json\)$"):
        store.add_card("lost")
    monkeypatch.undo()
    assert programme_file.read_bytes() == before
    assert [c.text for c in store.cards()] == ["kept"]


def test_reads_of_an_unchanged_file_do_not_parse_it(store: SessionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add_card("x")
    store.cards()
    calls = []
    real = orjson.loads
    monkeypatch.setattr(orjson, "loads", lambda b: calls.append(1) or real(b))
    for _ in range(10):
        store.cards()
    assert calls == []


def test_another_process_change_is_seen(store: SessionStore, programme_file: Path) -> None:
    token = store.change_token()
    with SessionStore(programme_file, author="bob") as bob:
        bob.add_card("from bob")
    assert store.change_token() != token
    assert [c.text for c in store.cards()] == ["from bob"]


def test_undo_and_redo_are_per_author(store: SessionStore, programme_file: Path) -> None:
    mine = store.add_card("mine")
    with SessionStore(programme_file, author="bob") as bob:
        bob.add_card("bob's")
        store.move_card(mine.id, "drivers")
        assert store.undo() == "move card"
        assert store.card(mine.id).column is None
        assert store.redo() == "move card"
        assert store.card(mine.id).column == "drivers"
        assert store.undo() == "move card"
        assert store.undo() == "add card"
        assert [c.text for c in store.cards()] == ["bob's"]
        assert store.undo() is None
        assert bob.undo() == "add card"
        assert store.cards() == []


def test_redo_is_forgotten_after_a_new_change(store: SessionStore) -> None:
    card = store.add_card("a")
    store.edit_card(card.id, text="b")
    store.undo()
    store.add_card("c")
    assert store.redo() is None


def test_later_save_wins_and_earlier_text_is_restorable(store: SessionStore, programme_file: Path) -> None:
    card = store.add_card("original")
    with SessionStore(programme_file, author="bob") as bob:
        store.edit_card(card.id, text="ann's wording")
        bob.edit_card(card.id, text="bob's wording")
        assert store.card(card.id).text == "bob's wording"
        with pytest.raises(Conflict):
            store.undo()  # ann's edit was overwritten: her undo refuses rather than clobber
        assert bob.undo() == "edit card"
        assert store.card(card.id).text == "ann's wording"


def test_undo_keeps_fields_changed_since_by_others(store: SessionStore, programme_file: Path) -> None:
    card = store.add_card("text")
    store.edit_card(card.id, text="new text")
    with SessionStore(programme_file, author="bob") as bob:
        bob.move_card(card.id, "benefits")
    store.undo()
    now = store.card(card.id)
    assert (now.text, now.column) == ("text", "benefits")


def test_editing_a_deleted_card_says_so(store: SessionStore, programme_file: Path) -> None:
    card = store.add_card("x")
    with SessionStore(programme_file, author="bob") as bob:
        bob.delete_card(card.id)
    with pytest.raises(NotFound, match="no longer there"):
        store.edit_card(card.id, text="y")


def test_current_step_and_session(store: SessionStore) -> None:
    first = store.add_card("in session 1")
    store.set_current_step(2, "experiences/share", timer=Timer(duration=300.0))
    store.set_current_session(2)
    store.set_timer(2, Timer(duration=300.0, started_at=5.0))
    assert store.undo() == "add card"  # the room's step and timer are not in anyone's undo history
    assert store.session(2).timer.started_at == 5.0
    store.redo()
    assert store.card(first.id).session == 1
    card = store.add_card("goes to session 2")
    assert (card.session, card.step) == (2, "experiences/share")
    with pytest.raises(NotFound):
        store.set_current_session(7)


def test_incremental_encoding_matches_a_full_encoding(store: SessionStore, programme_file: Path) -> None:
    cards = [store.add_card(f"card {i}", tags=[f"t{i % 3}"]) for i in range(20)]
    for c in cards[::3]:
        store.edit_card(c.id, text=c.text + " edited")
    for c in cards[1::4]:
        store.delete_card(c.id)
    store.undo()
    store.redo()
    assert orjson.loads(programme_file.read_bytes()) == store.raw()


def test_session_dataclass_round_trip(store: SessionStore) -> None:
    s = Session(3, title="Barriers", date="2008-03-13", facilitators=("Sue", "Nigel"), exercises=("sorting",))
    store.save(s)
    assert store.session(3) == s


def test_create_with_content_is_not_undoable(tmp_path: Path) -> None:
    card = Card(text="seed")
    with SessionStore.create(tmp_path / "x.json", Programme(name="x", area="A"), content=[card]) as s:
        assert s.undo() is None
        assert s.cards() == [card]


def test_leftovers_of_a_killed_writer_are_swept_at_the_next_write(programme_file: Path) -> None:
    leftover = programme_file.with_name(f".{programme_file.name}.0123abcd.tmp")
    leftover.write_bytes(b'{"half": ')
    other = programme_file.with_name(".other.json.0123abcd.tmp")
    other.write_bytes(b"not ours")
    with SessionStore(programme_file) as store:
        store.cards()
        assert leftover.exists()  # reading takes no lock and removes nothing
        store.add_card("x")
    assert not leftover.exists()
    assert other.exists()  # another programme's file is left to its own writers

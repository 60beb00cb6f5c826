"""A programme file is a TinyDB database: a user's script reads it with plain TinyDB and Query.

Schema 2 writes ids as the UUID's integer (TinyDB reads document keys with ``int()``); a
schema-1 file (hex ids) is migrated on its first write, atomically, every id keeping its
identity; ``piptui import`` of a schema-1 export writes schema 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from click.testing import CliRunner
from tinydb import Query, TinyDB

from piptui.cli import main
from piptui.domain.model import Participant
from piptui.store import SessionStore
from piptui.store.plan_ops import PlanOps


def build(programme_file: Path) -> dict[str, str]:
    with SessionStore(programme_file, author="ann") as store:
        a = store.add_card("Lack of resources", sector="vcs", tags=["resources"])
        b = store.add_card("No time to meet", sector="council")
        ann = store.add_participant("Ann", sector="vcs")
        plan = PlanOps(store)
        cluster = plan.cluster_cards([a.id, b.id], title="Capacity")
        plan.record_votes(ann.id, {cluster.id: 2}, session=None)
        objective = plan.promote([cluster.id], title="Shared capacity")
        store.delete_card(b.id)
    return {"a": a.id, "b": b.id, "cluster": cluster.id, "objective": objective.id, "ann": ann.id}


def test_a_script_reads_a_programme_with_plain_tinydb(programme_file: Path) -> None:
    ids = build(programme_file)
    db = TinyDB(programme_file, access_mode="r")
    try:
        found = db.table("cards").search(Query().sector == "vcs")
        assert [d["text"] for d in found] == ["Lack of resources"]
        assert found[0].doc_id == int(ids["a"])
        assert db.table("clusters").get(doc_id=int(ids["cluster"]))["title"] == "Capacity"
        assert db.table("objectives").search(Query().clusters.any([ids["cluster"]]))[0]["title"] == "Shared capacity"
        assert len(db.table("events")) >= 4 and len(db.table("votes")) == 1
    finally:
        db.close()


def to_schema_1(path: Path) -> dict[str, str]:
    """Rewrite a schema-2 file as schema 1 wrote it (hex ids); the hex of each decimal id."""
    blob = path.read_bytes()
    data = orjson.loads(blob)
    hexes: dict[str, str] = {}
    for table, docs in data.items():
        if table not in ("_meta", "programme", "sessions"):
            hexes.update({k: f"{int(k):032x}" for k in docs})
    text = blob.decode()
    for dec, hx in hexes.items():
        text = text.replace(f'"{dec}"', f'"{hx}"')
    data = orjson.loads(text)
    data["_meta"]["piptui"]["schema"] = 1
    path.write_bytes(orjson.dumps(data))
    return hexes


def test_a_schema_1_file_is_migrated_on_its_first_write_keeping_every_id(programme_file: Path) -> None:
    ids = build(programme_file)
    with SessionStore(programme_file) as store:
        before_votes = [(v["voter"], v["cluster"], v["count"]) for v in store.raw()["votes"].values()]
    hexes = to_schema_1(programme_file)
    old = orjson.loads(programme_file.read_bytes())
    assert hexes[ids["a"]] in old["cards"]

    with SessionStore(programme_file, author="ann") as store:
        assert store.card(hexes[ids["a"]]).text == "Lack of resources"  # read as it is, not written
        assert orjson.loads(programme_file.read_bytes()) == old
        store.edit_card(hexes[ids["a"]], text="Lack of resources (edited)")  # an id read before: still found
    data: dict[str, Any] = orjson.loads(programme_file.read_bytes())
    assert data["_meta"]["piptui"]["schema"] == 2
    assert set(data["cards"]) == {ids["a"]}
    assert data["cards"][ids["a"]]["cluster"] == ids["cluster"]
    assert data["objectives"][ids["objective"]]["clusters"] == [ids["cluster"]]
    assert [(v["voter"], v["cluster"], v["count"]) for v in data["votes"].values()] == before_votes
    assert not any(hx in programme_file.read_text() for hx in hexes.values())

    with SessionStore(programme_file, author="ann") as store:
        plan = PlanOps(store)
        plan.record_votes(ids["ann"], {ids["cluster"]: 3}, session=None)  # replaces the vote, no second one
        assert [v.count for v in plan.votes()] == [3]
        assert store.undo() == "record votes"
        assert store.undo() is not None  # the edit
        assert store.undo() is not None  # the deletion, recorded in schema 1: the card comes back
        assert {c.id for c in store.cards()} == {ids["a"], ids["b"]}
    db = TinyDB(programme_file, access_mode="r")
    try:
        assert {d.doc_id for d in db.table("cards").all()} == {int(ids["a"]), int(ids["b"])}
    finally:
        db.close()


def test_import_of_a_schema_1_export_writes_schema_2(programme_file: Path, tmp_path: Path) -> None:
    ids = build(programme_file)
    sessions = programme_file.parent
    runner = CliRunner()
    backup = tmp_path / "backup.json"
    assert runner.invoke(main, ["--sessions-dir", str(sessions), "export", "test", "-o", str(backup)]).exit_code == 0
    text = backup.read_text()
    for dec in ids.values():
        text = text.replace(dec, f"{int(dec):032x}")
    doc = orjson.loads(text)
    doc["schema"] = 1
    backup.write_bytes(orjson.dumps(doc))
    result = runner.invoke(main, ["--sessions-dir", str(sessions), "import", str(backup), "--name", "restored"])
    assert result.exit_code == 0, result.output
    with SessionStore(sessions / "restored.json") as store:
        assert store.raw()["_meta"]["piptui"]["schema"] == 2
        assert {c.id for c in store.cards()} == {ids["a"]}
        assert store.card(ids["a"]).cluster == ids["cluster"]
        assert [p.id for p in store.participants()] == [ids["ann"]]
        assert isinstance(store.participants()[0], Participant)

"""PlanOps: every compound change is one write and one undo step; links hold both ways."""

from __future__ import annotations

from datetime import date

import pytest

from piptui.domain.model import ActionStatus, Rag, Sector
from piptui.domain.plan import cards_of_objective, objective_of_card
from piptui.errors import InvalidInput
from piptui.store import SessionStore
from piptui.store.plan_ops import PlanOps


@pytest.fixture
def ops(store: SessionStore) -> PlanOps:
    for i in range(6):
        store.add_card(f"card {i}", tags=["t"], session=1, step="sorting/sort", column="drivers")
    return PlanOps(store, today=lambda: date(2024, 1, 31))


def _ids(store: SessionStore) -> list[str]:
    return [c.id for c in store.cards()]


def _snapshot(store: SessionStore) -> tuple[object, ...]:
    return (store.cards(), store.clusters(), store.objectives(), store.actions())


def test_group_rename_split_merge_ungroup_each_undo_in_one_step(ops: PlanOps) -> None:
    store = ops.store
    c = _ids(store)
    states = [_snapshot(store)]
    k1 = ops.cluster_cards(c[:3], title="Resources", session=1)
    states.append(_snapshot(store))
    assert store.clusters()[0].card_ids == tuple(c[:3])
    ops.cluster_cards(c[3:5], cluster_id=k1.id)
    states.append(_snapshot(store))
    assert len(store.clusters()[0].card_ids) == 5
    ops.rename(k1.id, "  Money  and time ")
    states.append(_snapshot(store))
    assert store.clusters()[0].title == "Money and time"
    k2 = ops.split(k1.id, c[3:5], "Skills")
    states.append(_snapshot(store))
    assert {k.title: len(k.card_ids) for k in store.clusters()} == {"Money and time": 3, "Skills": 2}
    ops.set_votes(k1.id, 4)
    ops.set_votes(k2.id, 3)
    ops.merge([k2.id], into=k1.id)
    (merged,) = store.clusters()
    assert (merged.votes, len(merged.card_ids)) == (7, 5)
    assert store.undo() == "merge clusters"
    assert {k.votes for k in store.clusters()} == {4, 3}
    assert store.undo() == "set votes" and store.undo() == "set votes"
    assert _snapshot(store) == states[-1]
    n = ops.ungroup(k2.id)
    assert n == 2 and len(store.clusters()) == 1
    assert store.undo() == "ungroup cluster"
    for label, state in zip(
        ["split cluster", "rename cluster", "add cards to cluster", "group cards"], reversed(states[:-1]), strict=True
    ):
        assert store.undo() == label
        assert _snapshot(store) == state


def test_regrouping_every_card_drops_the_empty_unused_cluster(ops: PlanOps) -> None:
    c = _ids(ops.store)
    ops.cluster_cards(c[:2], title="A")
    k2 = ops.cluster_cards(c[:2], title="B")
    assert [k.id for k in ops.store.clusters()] == [k2.id]
    ops.set_votes(k2.id, 2)
    ops.cluster_cards(c[:2], title="C")
    assert {k.title for k in ops.store.clusters()} == {"B", "C"}  # B has votes: kept


def test_bad_input_changes_nothing(ops: PlanOps) -> None:
    store = ops.store
    c = _ids(store)
    k = ops.cluster_cards(c[:2], title="A")
    before = store.path.read_bytes()
    with pytest.raises(InvalidInput):
        ops.cluster_cards([], title="x")
    with pytest.raises(InvalidInput):
        ops.cluster_cards(c[:1], title="   ")
    with pytest.raises(InvalidInput):
        ops.split(k.id, c[:2], "all of it")
    with pytest.raises(InvalidInput):
        ops.split(k.id, c[4:], "not members")
    with pytest.raises(InvalidInput):
        ops.merge([k.id], into=k.id)
    with pytest.raises(InvalidInput):
        ops.set_votes(k.id, -1)
    with pytest.raises(InvalidInput):
        ops.promote([])
    assert store.path.read_bytes() == before
    assert len(store.clusters()) == 1 and store.clusters()[0].title == "A"


def test_person_votes_move_the_tally_and_respect_the_budget(ops: PlanOps) -> None:
    store = ops.store
    c = _ids(store)
    alice = store.add_participant("Alice", sector="council")
    bob = store.add_participant("Bob", sector="vcs")
    k1 = ops.cluster_cards(c[:2], title="A", session=1)
    k2 = ops.cluster_cards(c[2:4], title="B", session=1)
    ops.set_votes(k1.id, 5)  # stickers in the room
    ops.set_budget(1, 3)
    assert ops.budget(1) == 3
    ops.record_votes(alice.id, {k1.id: 2, k2.id: 1}, session=1)
    ops.record_votes(bob.id, {k2.id: 3}, session=1)
    assert {k.title: k.votes for k in store.clusters()} == {"A": 7, "B": 4}
    with pytest.raises(InvalidInput, match="budget is 3"):
        ops.record_votes(alice.id, {k2.id: 2}, session=1)  # 2 + 2 already on A
    ops.record_votes(alice.id, {k1.id: 0, k2.id: 3}, session=1)
    assert {k.title: k.votes for k in store.clusters()} == {"A": 5, "B": 6}
    assert {(v.voter, v.cluster): v.count for v in ops.votes(1)} == {(alice.id, k2.id): 3, (bob.id, k2.id): 3}
    assert store.undo() == "record votes"
    assert {k.title: k.votes for k in store.clusters()} == {"A": 7, "B": 4}
    # merging carries the person votes over
    ops.merge([k2.id], into=k1.id)
    assert {(v.voter, v.count) for v in ops.votes(1)} == {(alice.id, 3), (bob.id, 3)}
    assert store.clusters()[0].votes == 11
    ops.set_budget(1, None)
    assert ops.budget(1) is None
    assert store.session(1).title == "One"  # the session's own fields untouched


def test_promote_add_actions_review_and_refresh(ops: PlanOps) -> None:
    store = ops.store
    c = _ids(store)
    council = store.add_participant("Priya", sector=Sector.COUNCIL)
    council2 = store.add_participant("David", sector=Sector.COUNCIL)
    vcs = store.add_participant("Jean", sector=Sector.VCS)
    k1 = ops.cluster_cards(c[:2], title="Resources", session=1)
    k2 = ops.cluster_cards(c[2:4], title="Awareness", session=1)
    o1 = ops.promote([k1.id], session=1)
    assert o1.title == "Resources" and o1.review_date == "2024-07-31"  # session 1 has no date
    with pytest.raises(InvalidInput, match="already promoted"):
        ops.promote([k1.id])
    o2 = ops.promote([k2.id], title="Understanding", session=1)
    assert [o.position for o in store.objectives()] == [0, 1]
    # traceability both ways
    card = store.card(c[0])
    assert objective_of_card(card, store.clusters(), store.objectives()) == store.objectives()[0]
    assert [x.id for x in cards_of_objective(store.objectives()[0], store.clusters(), store.cards())] == c[:2]
    assert store.undo() == "promote to objective"
    assert len(store.objectives()) == 1 and all(k.objective != o2.id for k in store.clusters())
    assert store.redo() == "promote to objective"
    ops.edit_objective(o1.id, council_lead=council.id, vcs_lead=vcs.id, timescale="by March", review_date="2024-10-01")
    assert store.objectives()[0].vcs_lead == vcs.id
    ops.edit_objective(o1.id, vcs_lead=council2.id)
    with pytest.raises(InvalidInput):
        ops.edit_objective(o1.id, review_date="soon")
    a1 = ops.add_action(o1.id, "Audit", owners="CVS, Council HR,", due="Dec 2008")
    a2 = ops.add_action(o1.id, "Volunteering strategy")
    a3 = ops.add_action(o2.id, "Factsheets")
    assert store.actions(o1.id)[0].owners == ("CVS", "Council HR")
    ops.reorder_action(a2.id, -1)
    assert [a.text for a in store.actions(o1.id)] == ["Volunteering strategy", "Audit"]
    ops.move_action(a3.id, o1.id)
    assert [a.text for a in store.actions(o1.id)] == ["Volunteering strategy", "Audit", "Factsheets"]
    assert store.undo() == "move action"
    ops.reorder_objective(o2.id, -1)
    assert [o.title for o in store.objectives()] == ["Understanding", "Resources"]
    ops.review_action(a1.id, status=ActionStatus.DONE, rag=Rag.GREEN, note="database live")
    ops.review_action(a2.id, status=ActionStatus.IN_PROGRESS, rag=Rag.AMBER, note="draft")
    done = next(a for a in store.actions() if a.id == a1.id)
    assert done.review_notes[0].text == "database live" and done.review_notes[0].by == "ann"
    new = ops.refresh_plan(session=2)
    assert [o.title for o in new] == ["Understanding", "Resources"] and all(o.plan == 2 for o in new)
    plan2 = [a for a in store.actions() if a.objective == new[1].id]
    assert [a.text for a in plan2] == ["Volunteering strategy"]
    assert len([o for o in store.objectives() if o.plan == 1]) == 2  # history kept
    assert store.undo() == "refresh plan"
    assert {o.plan for o in store.objectives()} == {1}
    ops.delete_action(a2.id)
    assert [a.position for a in store.actions(o1.id)] == [0]
    ops.delete_objective(o1.id)
    assert store.actions(o1.id) == [] and all(k.objective != o1.id for k in store.clusters())
    assert store.undo() == "delete objective"
    assert len(store.actions(o1.id)) == 1


def test_refresh_refuses_when_nothing_is_left(ops: PlanOps) -> None:
    with pytest.raises(InvalidInput, match="no plan"):
        ops.refresh_plan(session=2)
    o = ops.add_objective("Solo")
    a = ops.add_action(o.id, "Only action")
    ops.review_action(a.id, status=ActionStatus.DONE, rag=Rag.GREEN)
    with pytest.raises(InvalidInput, match="Nothing to carry"):
        ops.refresh_plan(session=2)

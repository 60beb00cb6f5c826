"""The pure plan: review dates, promotion, leads, traceability, progress, refresh, ordering, votes."""

from __future__ import annotations

from datetime import date

import pytest

from piptui.domain.model import Action, ActionStatus, Card, Cluster, Objective, Participant, Rag, Sector
from piptui.domain.plan import (
    add_months,
    cards_of_objective,
    default_review_date,
    lead_warnings,
    move_action,
    objective_of_card,
    plan_progress,
    progress,
    promote,
    refresh_plan,
    reorder,
    review_action,
    same_sector_leads,
)
from piptui.domain.voting import Vote, by_voter, check_budget, parse_budget, parse_count, ranks, sorted_by_votes, tally
from piptui.errors import InvalidInput

TODAY = date(2024, 5, 2)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2008, 4, 17), 6, date(2008, 10, 17)),
        (date(2008, 8, 31), 6, date(2009, 2, 28)),
        (date(2007, 8, 31), 6, date(2008, 2, 29)),
        (date(2008, 12, 1), 1, date(2009, 1, 1)),
        (date(2008, 1, 31), -2, date(2007, 11, 30)),
    ],
)
def test_add_months_clamps_to_the_month_end(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_review_date_is_six_months_after_the_session_or_today() -> None:
    assert default_review_date("2008-04-17", TODAY) == "2008-10-17"
    assert default_review_date(None, TODAY) == "2024-11-02"
    assert default_review_date("not a date", TODAY) == "2024-11-02"


def test_promote_links_both_ways_and_defaults_the_title() -> None:
    a, b = Cluster("Resources", id="a"), Cluster("Skills", id="b")
    objective, linked = promote([a, b], session=4, review_date="2008-10-17", position=2)
    assert objective.title == "Resources / Skills"
    assert objective.clusters == ("a", "b")
    assert (objective.session, objective.review_date, objective.position, objective.plan) == (4, "2008-10-17", 2, 1)
    assert [c.objective for c in linked] == [objective.id, objective.id]
    titled, _ = promote([a], title="  Shared   approach ")
    assert titled.title == "Shared approach"


def test_promote_refuses_nothing_and_promoted_clusters() -> None:
    with pytest.raises(InvalidInput):
        promote([])
    with pytest.raises(InvalidInput, match="already promoted"):
        promote([Cluster("Done", objective="o1")])


def test_same_sector_leads_are_warned() -> None:
    council = Participant("Priya", sector=Sector.COUNCIL, id="p1")
    council2 = Participant("David", sector=Sector.COUNCIL, id="p2")
    vcs = Participant("Jean", sector=Sector.VCS, id="p3")
    police = Participant("Claire", sector=Sector.STATUTORY, id="p4")
    assert lead_warnings(council, vcs) == []
    assert not same_sector_leads(council, vcs)
    warnings = lead_warnings(council, council2)
    assert same_sector_leads(council, council2)
    assert any("same sector" in w for w in warnings)
    assert any("same person" in w for w in lead_warnings(council, council))
    assert any("third-sector lead Claire" in w for w in lead_warnings(council, police))
    assert any("council lead Jean" in w for w in lead_warnings(vcs, None))
    assert lead_warnings(None, None) == []


def test_traceability_both_ways() -> None:
    cluster = Cluster("Awareness", id="k1", objective="o1")
    other = Cluster("Power", id="k2")
    objective = Objective("Understanding", id="o1", clusters=("k1",))
    cards = [Card("low awareness", id="c1", cluster="k1"), Card("mistrust", id="c2", cluster="k2"), Card("x", id="c3")]
    assert [c.id for c in cards_of_objective(objective, [cluster, other], cards)] == ["c1"]
    assert objective_of_card(cards[0], [cluster, other], [objective]) == objective
    assert objective_of_card(cards[1], [cluster, other], [objective]) is None
    assert objective_of_card(cards[2], [cluster, other], [objective]) is None


def _action(
    aid: str, obj: str, pos: int, status: ActionStatus = ActionStatus.NOT_STARTED, rag: Rag | None = None
) -> Action:
    return Action(f"action {aid}", obj, id=aid, position=pos, status=status, rag=rag, created="2008-04-17T10:00")


def test_progress_counts_statuses_and_ratings() -> None:
    acts = [
        _action("a", "o", 0, ActionStatus.DONE, Rag.GREEN),
        _action("b", "o", 1, ActionStatus.IN_PROGRESS, Rag.AMBER),
        _action("c", "o", 2, ActionStatus.DROPPED, Rag.RED),
        _action("d", "o", 3),
    ]
    p = progress(acts)
    assert (p.total, p.done, p.in_progress, p.dropped, p.not_started, p.live) == (4, 1, 1, 1, 1, 3)
    assert (p.red, p.amber, p.green, p.percent, p.unfinished) == (1, 1, 1, 33, 2)
    assert p.summary() == "1/3 done (33%) · 1 in progress · 1 dropped · R1 A1 G1"
    assert progress([]).summary() == "no actions yet"
    per = plan_progress([Objective("O", id="o"), Objective("E", id="e")], acts)
    assert per["o"].total == 4 and per["e"].total == 0


def test_refresh_carries_unfinished_actions_and_keeps_the_first_plan() -> None:
    o1 = Objective("Resources", id="o1", position=0, council_lead="p1", vcs_lead="p2", clusters=("k1",))
    o2 = Objective("Communication", id="o2", position=1)
    o3 = Objective("Empty", id="o3", position=2)
    acts = [
        _action("a", "o1", 0, ActionStatus.DONE, Rag.GREEN),
        _action("b", "o1", 1, ActionStatus.IN_PROGRESS, Rag.AMBER),
        _action("c", "o1", 2, ActionStatus.NOT_STARTED, Rag.RED),
        _action("d", "o2", 0, ActionStatus.DONE),
        _action("e", "o2", 1, ActionStatus.DROPPED),
    ]
    acts[1] = review_action(acts[1], status=ActionStatus.IN_PROGRESS, rag=Rag.AMBER, note="halfway", at="t")
    ids = iter(f"n{i}" for i in range(100))
    objs, new = refresh_plan([o1, o2, o3], acts, session=5, review_date="2009-04-16", make_id=lambda: next(ids))
    assert [o.title for o in objs] == ["Resources", "Empty"]  # o2 is complete
    assert all(o.plan == 2 and o.session == 5 and o.review_date == "2009-04-16" for o in objs)
    assert objs[0].council_lead == "p1" and objs[0].clusters == ("k1",)
    assert [(a.text, a.objective, a.position, a.status, a.rag) for a in new] == [
        ("action b", objs[0].id, 0, ActionStatus.IN_PROGRESS, None),
        ("action c", objs[0].id, 1, ActionStatus.NOT_STARTED, None),
    ]
    assert new[0].review_notes[0].text == "halfway"
    # refreshing again carries plan 2 only
    objs3, _ = refresh_plan([o1, o2, o3, *objs], [*acts, *new], session=5, review_date=None)
    assert [o.plan for o in objs3] == [3, 3]


def test_review_action_appends_history_and_skips_no_change() -> None:
    a = _action("a", "o", 0)
    assert review_action(a, status=ActionStatus.NOT_STARTED, rag=None) is a
    b = review_action(a, status=ActionStatus.DONE, rag=Rag.GREEN, note=" all done ", by="ann", at="t1")
    assert (b.status, b.rag) == (ActionStatus.DONE, Rag.GREEN)
    assert b.review_notes[0].text == "all done" and b.review_notes[0].by == "ann"
    c = review_action(b, status=ActionStatus.DONE, rag=Rag.GREEN, note="still", at="t2")
    assert [n.text for n in c.review_notes] == ["all done", "still"]
    # quick changes without words, same person and day: one entry
    d = review_action(a, status=ActionStatus.IN_PROGRESS, rag=None, by="ann", at="2008-10-16T10:00")
    e = review_action(d, status=ActionStatus.IN_PROGRESS, rag=Rag.AMBER, by="ann", at="2008-10-16T10:01")
    assert [(n.status, n.rag) for n in e.review_notes] == [(ActionStatus.IN_PROGRESS, Rag.AMBER)]
    f = review_action(e, status=ActionStatus.DONE, rag=Rag.AMBER, by="bob", at="2008-10-16T10:02")
    g = review_action(f, status=ActionStatus.DONE, rag=Rag.GREEN, note="signed off", by="bob", at="2008-10-17T09:00")
    assert len(g.review_notes) == 3


def test_reorder_and_move() -> None:
    acts = [_action("a", "o", 0), _action("b", "o", 1), _action("c", "o", 2), _action("x", "p", 0)]
    changed = reorder(acts[:3], "c", -1)
    assert {a.id: a.position for a in changed} == {"c": 1, "b": 2}
    assert reorder(acts[:3], "a", -1) == []  # already first
    moved = {a.id: (a.objective, a.position) for a in move_action(acts, "a", "p")}
    assert moved == {"a": ("p", 1), "b": ("o", 0), "c": ("o", 1)}
    assert move_action(acts, "a", "o") == []
    with pytest.raises(InvalidInput):
        reorder(acts, "zzz", 1)


def test_votes_tally_budget_and_sorting() -> None:
    votes = [Vote("p1", "k1", 2), Vote("p1", "k2", 1), Vote("p2", "k1", 3)]
    assert tally(votes) == {"k1": 5, "k2": 1}
    assert by_voter(votes) == {"p1": {"k1": 2, "k2": 1}, "p2": {"k1": 3}}
    assert Vote("p1", "k1").id == votes[0].id  # one record per person and cluster
    check_budget({"k1": 2, "k2": 1}, 3)
    with pytest.raises(InvalidInput, match="budget is 3"):
        check_budget({"k1": 3, "k2": 1}, 3)
    with pytest.raises(InvalidInput):
        check_budget({"k1": -1}, None)
    assert parse_count("") == 0 and parse_count(" 7 ") == 7
    with pytest.raises(InvalidInput):
        parse_count("seven")
    assert parse_budget("") is None and parse_budget("5") == 5
    with pytest.raises(InvalidInput):
        parse_budget("0")
    ks = [
        Cluster("a", id="a", votes=3, created="1"),
        Cluster("b", id="b", votes=7, created="2"),
        Cluster("c", id="c", votes=3, created="3"),
    ]
    assert [c.id for c in sorted_by_votes(ks)] == ["b", "a", "c"]
    assert ranks(ks) == {"b": 1, "a": 2, "c": 2}

"""The demo's plan: the Darlington objectives from the digest, promoted from voted demo clusters."""

from __future__ import annotations

from pathlib import Path

from piptui.demo.darlington import demo_content
from piptui.domain.model import Action, Card, Cluster, Objective, Participant, Sector
from piptui.domain.plan import cards_of_objective, objective_of_card
from piptui.programmes import ensure_demo
from piptui.store import SessionStore

OBJECTIVES = [
    (
        "A shared approach to build sustainability and maximise resources within all sectors",
        [
            "Cross-sector audit and a database of service provision, resource needs and skills",
            "A council employee volunteering strategy",
        ],
    ),
    (
        "New and improved approaches to supporting better communication, involvement and partnership working",
        [
            "Put the PIP action plan into the joint council / third sector strategy",
            "A cross-sector training strategy",
            "A cross-sector induction strategy for new staff",
            "Joint terms of reference for individual cross-sector partnerships",
        ],
    ),
    (
        "A shared cross-sector understanding of sustainability and support issues, governance structures and key "
        "elements of partnership working",
        [
            "Joint factsheets on governance and operational issues",
            "Formal policy on council participation and representation on third-sector boards",
        ],
    ),
]


def test_the_demo_plan_has_the_digest_shape(sessions_dir: Path) -> None:
    with SessionStore(ensure_demo(sessions_dir)) as store:
        people = {p.id: p for p in store.participants()}
        objectives = store.objectives()
        assert [(o.title, [a.text for a in store.actions(o.id)]) for o in objectives] == OBJECTIVES
        for o in objectives:
            council, vcs = people[o.council_lead or ""], people[o.vcs_lead or ""]
            assert (council.sector, vcs.sector) == (Sector.COUNCIL, Sector.VCS)
            assert o.review_date == "2008-10-17" and store.session(4).date == "2008-04-17"
            assert (o.session, o.plan) == (4, 1) and o.timescale
            assert all(a.owners and a.due for a in store.actions(o.id))
        clusters = store.clusters()
        assert len(clusters) == 5 and all(k.votes > 0 and len(k.card_ids) >= 3 for k in clusters)
        cards = store.cards()
        for o in objectives:  # both ways: objective -> clusters -> cards, card -> objective
            assert o.clusters and all(store_k.objective == o.id for store_k in clusters if store_k.id in o.clusters)
            came = cards_of_objective(o, clusters, cards)
            assert came and all(objective_of_card(c, clusters, objectives) == o for c in came)
        assert not any(c.confidential and c.cluster for c in cards)
        assert any(k.objective is None for k in clusters)  # not every theme becomes an objective
        assert store.programme().current_session == 3


def test_the_demo_is_deterministic() -> None:
    first, second = demo_content(), demo_content()
    assert first == second
    content = first[2]
    kinds = {type(x) for x in content}
    assert kinds == {Card, Cluster, Objective, Action}
    assert len([x for x in content if isinstance(x, Objective)]) == 3
    people = {p.id for p in first[1] if isinstance(p, Participant)}
    assert all(o.council_lead in people and o.vcs_lead in people for o in content if isinstance(o, Objective))

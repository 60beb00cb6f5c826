"""The Darlington demo programme, from the worked example in the method digest.

Everything is deterministic (ids from a fixed namespace, fixed times), so the
demo's exported notes are byte-for-byte the same every time it is built.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from piptui.domain.agenda import sessions_from_script
from piptui.domain.casting import cast_from
from piptui.domain.model import Action, Card, Cluster, Objective, Participant, Programme, Sector, uuid_id
from piptui.domain.plan import add_months
from piptui.domain.roles import assign_roles
from piptui.exercises import DEFAULT_PROGRAMME, Library
from piptui.programmes import DEMO_LEAD
from piptui.store import SessionStore

_NS = uuid.UUID("6f1c2a52-5d0e-4c1b-9a57-3b1f0e8c2d41")

C, S, V = Sector.COUNCIL, Sector.STATUTORY, Sector.VCS

PARTICIPANTS: list[tuple[str, str, Sector]] = [
    ("Margaret Hollis", "Darlington Borough Council - Chief Executive's Office", C),
    ("David Reeve", "Darlington Borough Council - Community Services", C),
    ("Priya Sandhu", "Darlington Borough Council - Policy and Partnerships", C),
    ("Tom Askew", "Darlington Borough Council - Procurement", C),
    ("Helen Gray", "Darlington Borough Council - Children's Services", C),
    ("Councillor Ray Bell", "Darlington Borough Council - Cabinet member", C),
    ("Dr Alan Kerr", "Darlington Primary Care Trust", S),
    ("Insp. Claire Dunn", "Durham Constabulary - Darlington", S),
    ("Steve Mather", "County Durham and Darlington Fire and Rescue", S),
    ("Jean Wilkinson", "Darlington Council for Voluntary Service", V),
    ("Farid Haddad", "Citizens Advice Darlington", V),
    ("Liz Ormond", "Age Concern Darlington", V),
    ("Gareth Pye", "Darlington Mind", V),
    ("Sister Anne Blake", "Darlington Churches Together", V),
    ("Kelly Rowe", "First Stop Darlington (homelessness)", V),
    ("Mo Iqbal", "Darlington Asian Women's Network", V),
]

DATES = {1: "2008-01-17", 2: "2008-02-14", 3: "2008-03-13", 4: "2008-04-17", 5: "2008-10-16"}

SORT = "sorting/sort"
# (session, step, column, sector, voiced_as, tags, text, confidential)
CARDS: list[tuple[int, str, str | None, Sector | None, Sector | None, tuple[str, ...], str, bool]] = [
    (
        1,
        "experiences/share",
        None,
        V,
        None,
        ("funding",),
        "We only hear from the council when a grant is being cut",
        False,
    ),
    (
        1,
        "experiences/share",
        None,
        C,
        None,
        ("engagement",),
        "We consult the sector but the same five organisations always turn up",
        False,
    ),
    (
        1,
        "experiences/share",
        None,
        S,
        None,
        ("joint-working",),
        "Joint work on the hospital discharge scheme went well because staff met weekly",
        False,
    ),
    (
        1,
        "experiences/share",
        None,
        V,
        None,
        ("commissioning",),
        "Tender documents are written for big national charities, not for local groups",
        False,
    ),
    (
        1,
        "experiences/share",
        None,
        C,
        None,
        ("trust",),
        "Officers worry that sharing draft plans early will leak to the press",
        False,
    ),
    (
        1,
        "experiences/share",
        None,
        V,
        None,
        ("compact",),
        "The local Compact exists on paper but nobody refers to it",
        False,
    ),
    (
        1,
        "experiences/share",
        None,
        S,
        None,
        ("information",),
        "Police neighbourhood panels rely on voluntary groups to reach residents",
        False,
    ),
    (
        1,
        "experiences/share",
        None,
        V,
        None,
        ("trust",),
        "Board meetings feel like the council has already decided",
        True,
    ),
    (
        3,
        SORT,
        "drivers",
        C,
        None,
        ("central-government",),
        "The local government white paper expects us to involve the third sector in delivery",
        False,
    ),
    (
        3,
        SORT,
        "drivers",
        C,
        None,
        ("local-priorities",),
        "The Sustainable Community Strategy cannot be delivered by the council alone",
        False,
    ),
    (
        3,
        SORT,
        "drivers",
        V,
        None,
        ("funding", "sustainability"),
        "Partnership is how we keep services going when short-term grants end",
        False,
    ),
    (
        3,
        SORT,
        "drivers",
        V,
        None,
        ("voices",),
        "It lets a wider range of community voices be heard in decisions",
        False,
    ),
    (3, SORT, "drivers", S, None, ("resources",), "Pooling budgets gets more out of the money we each have", False),
    (
        3,
        SORT,
        "drivers",
        C,
        None,
        ("reach",),
        "The voluntary sector extends the council's reach into communities we do not see",
        False,
    ),
    (
        3,
        SORT,
        "benefits",
        V,
        None,
        ("learning", "innovation"),
        "Small groups try new approaches the statutory services can then adopt",
        False,
    ),
    (
        3,
        SORT,
        "benefits",
        S,
        None,
        ("outcomes",),
        "Better outcomes for older people leaving hospital when Age Concern is involved early",
        False,
    ),
    (
        3,
        SORT,
        "benefits",
        C,
        None,
        ("resources",),
        "Volunteers and community buildings add resources no budget could buy",
        False,
    ),
    (3, SORT, "benefits", V, None, ("services",), "Services designed with users fit local needs better", False),
    (
        3,
        SORT,
        "difficult-models",
        V,
        None,
        ("top-down",),
        "Partnership structures are designed top-down around government targets",
        False,
    ),
    (
        3,
        SORT,
        "difficult-models",
        S,
        None,
        ("targets",),
        "Each agency brings its own performance targets and they pull apart",
        False,
    ),
    (
        3,
        SORT,
        "difficult-participants",
        C,
        None,
        ("seniority",),
        "Senior people send deputies, so nothing can be agreed on the day",
        False,
    ),
    (
        3,
        SORT,
        "difficult-participants",
        V,
        None,
        ("partisan",),
        "Some people come to defend their own organisation, not the partnership",
        False,
    ),
    (
        3,
        SORT,
        "difficult-processes",
        V,
        None,
        ("talking-shop",),
        "Too many meetings end as a talking shop with no actions",
        False,
    ),
    (
        3,
        SORT,
        "difficult-processes",
        C,
        None,
        ("resources",),
        "Nobody has time or budget set aside to service the partnership",
        False,
    ),
    (
        3,
        SORT,
        "barriers-organisation",
        V,
        None,
        ("capacity", "resources"),
        "Lack of resources to participate: small groups cannot release staff for daytime meetings",
        False,
    ),
    (
        3,
        SORT,
        "barriers-organisation",
        V,
        None,
        ("funding",),
        "Annual funding cycles make long-term commitments impossible",
        False,
    ),
    (
        3,
        SORT,
        "barriers-organisation",
        C,
        None,
        ("aims",),
        "Aims of the partnership are unclear to the people sitting round the table",
        False,
    ),
    (
        3,
        SORT,
        "barriers-organisation",
        S,
        None,
        ("communication",),
        "Inadequate structures for communication between the sectors",
        False,
    ),
    (
        3,
        SORT,
        "barriers-organisation",
        C,
        None,
        ("buy-in",),
        "Lack of buy-in from service departments outside policy",
        False,
    ),
    (
        3,
        SORT,
        "barriers-people",
        V,
        None,
        ("skills", "confidence"),
        "Insufficient skills and confidence to challenge in formal meetings",
        False,
    ),
    (
        3,
        SORT,
        "barriers-people",
        C,
        None,
        ("awareness",),
        "Low awareness of what the third sector actually delivers in Darlington",
        False,
    ),
    (
        3,
        SORT,
        "barriers-people",
        V,
        None,
        ("awareness",),
        "Low awareness of how the council works and who to contact",
        False,
    ),
    (
        3,
        SORT,
        "barriers-people",
        S,
        None,
        ("change",),
        "Resistance to change: 'we have always commissioned it this way'",
        False,
    ),
    (3, SORT, "barriers-people", V, None, ("tick-box",), "Consultation feels like a tick-box exercise", False),
    (
        3,
        SORT,
        "barriers-power",
        V,
        None,
        ("commissioning", "procurement"),
        "Commissioning and procurement rules favour the big providers",
        False,
    ),
    (3, SORT, "barriers-power", V, None, ("trust",), "A history of mistrust since the 2005 grant cuts", False),
    (
        3,
        SORT,
        "barriers-power",
        C,
        None,
        ("accountability",),
        "The council carries the accountability, so it keeps the control",
        False,
    ),
    (3, SORT, "barriers-power", V, None, ("imbalance",), "We are invited as guests, not as equal partners", True),
    (
        3,
        "perspective-swap/present",
        None,
        C,
        V,
        ("perspective",),
        "(council voicing the VCS) The council only wants us when it needs to tick a consultation box",
        False,
    ),
    (
        3,
        "perspective-swap/present",
        None,
        C,
        V,
        ("perspective",),
        "(council voicing the VCS) We are expected to deliver services at cost with no overheads",
        False,
    ),
    (
        3,
        "perspective-swap/present",
        None,
        V,
        C,
        ("perspective",),
        "(VCS voicing the council) We cannot fund everyone, and we must account for every pound",
        False,
    ),
    (
        3,
        "perspective-swap/present",
        None,
        V,
        C,
        ("perspective",),
        "(VCS voicing the council) The sector speaks with many voices; who do we talk to?",
        False,
    ),
    (
        3,
        "perspective-swap/present",
        None,
        S,
        V,
        ("perspective",),
        "(PCT voicing the VCS) Health sees us as cheap delivery, not as partners in design",
        False,
    ),
    (
        3,
        "role-play/debrief",
        None,
        C,
        V,
        ("commissioning",),
        "Playing the charity bidder, I had no idea how much work a tender takes",
        False,
    ),
    (
        3,
        "role-play/debrief",
        None,
        V,
        C,
        ("commissioning",),
        "Playing the commissioner, the procurement rules left me almost no discretion",
        False,
    ),
    # the perspective swap's compare step: each sector answers for itself (after the indices above)
    (
        3,
        "perspective-swap/compare",
        "rings-true",
        V,
        None,
        (),
        "Yes: we are often asked in at the end, to make a consultation count",
        False,
    ),
    (
        3,
        "perspective-swap/compare",
        "misread",
        V,
        None,
        ("full-cost",),
        "We do not expect to work at cost; we ask for full cost recovery to be on the table",
        False,
    ),
    (
        3,
        "perspective-swap/compare",
        "common-ground",
        V,
        None,
        (),
        "Both sectors want fewer, longer agreements instead of annual grants",
        False,
    ),
    (
        3,
        "perspective-swap/compare",
        "rings-true",
        C,
        None,
        ("accountability",),
        "Accounting for every pound is the pressure officers feel most",
        False,
    ),
    (
        3,
        "perspective-swap/compare",
        "misread",
        C,
        None,
        (),
        "We know who to talk to, the CVS; what we lack is time to do it early",
        False,
    ),
    (
        3,
        "perspective-swap/compare",
        "common-ground",
        S,
        None,
        ("discharge",),
        "Getting people home from hospital safely is a priority for all of us",
        False,
    ),
]

# Debrief cards said in role (the role speaking, as `%national-charity` would record it)
IN_ROLE: dict[str, str] = {
    "Playing the charity bidder, I had no idea how much work a tender takes": "national-charity",
    "Playing the commissioner, the procurement rules left me almost no discretion": "commissioner",
}

# From cards to plan. Session 3's barriers grouped into themes and dot-voted (indices into CARDS;
# the confidential cards stay out), then session 4's plan: the digest's Darlington objectives,
# promoted from those clusters, each with a joint council / third-sector lead.
# (title, votes, card indices)
CLUSTERS: list[tuple[str, int, tuple[int, ...]]] = [
    ("Lack of resources to participate", 9, (24, 25, 23, 10)),
    ("Skills and confidence", 6, (29, 20, 32)),
    ("Structures for communication", 11, (27, 22, 26, 5, 1)),
    ("Awareness and information", 8, (30, 31, 6, 41)),
    ("Power, trust and commissioning", 5, (34, 35, 36, 3, 4)),
]
# (objective, cluster indices, council lead, third-sector lead (indices into PARTICIPANTS), timescale,
#  actions in order: (text, owners, due))
PLAN: list[tuple[str, tuple[int, ...], int, int, str, list[tuple[str, tuple[str, ...], str]]]] = [
    (
        "A shared approach to build sustainability and maximise resources within all sectors",
        (0,),
        1,
        9,
        "Audit by December 2008; strategy by March 2009",
        [
            (
                "Cross-sector audit and a database of service provision, resource needs and skills",
                ("Darlington CVS", "Council Policy and Partnerships"),
                "December 2008",
            ),
            ("A council employee volunteering strategy", ("Council HR", "Darlington CVS"), "March 2009"),
        ],
    ),
    (
        "New and improved approaches to supporting better communication, involvement and partnership working",
        (2, 1),
        2,
        10,
        "Within twelve months",
        [
            (
                "Put the PIP action plan into the joint council / third sector strategy",
                ("Council Policy and Partnerships",),
                "June 2008",
            ),
            ("A cross-sector training strategy", ("Darlington CVS", "Council HR"), "December 2008"),
            (
                "A cross-sector induction strategy for new staff",
                ("Council HR", "Citizens Advice Darlington"),
                "March 2009",
            ),
            (
                "Joint terms of reference for individual cross-sector partnerships",
                ("Local Strategic Partnership", "Darlington CVS"),
                "March 2009",
            ),
        ],
    ),
    (
        "A shared cross-sector understanding of sustainability and support issues, governance structures "
        "and key elements of partnership working",
        (3,),
        0,
        11,
        "By the review in October 2008",
        [
            (
                "Joint factsheets on governance and operational issues",
                ("Darlington CVS", "Council Legal"),
                "September 2008",
            ),
            (
                "Formal policy on council participation and representation on third-sector boards",
                ("Chief Executive's Office",),
                "October 2008",
            ),
        ],
    ),
]
PLAN_SESSION = 4


def _id(kind: str, n: int) -> str:
    return uuid_id(uuid.uuid5(_NS, f"{kind}-{n}"))


def _time(date: str, minutes: int) -> str:
    start = datetime.fromisoformat(date + "T10:00:00")
    return (start + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def demo_content() -> tuple[Programme, list[Participant], list[Any]]:
    """The demo's programme header, participants, and content: cards, clusters, the plan (deterministic)."""
    programme = Programme(
        name="darlington-demo",
        area="Darlington",
        title="Darlington Partnership Improvement Programme (demo)",
        script=DEFAULT_PROGRAMME,
        created="2008-01-10T09:00:00.000Z",
        current_session=3,
    )
    participants = [
        Participant(name=n, organisation=o, sector=s, id=_id("participant", i))
        for i, (n, o, s) in enumerate(PARTICIPANTS)
    ]
    cluster_of = {card: _id("cluster", k) for k, (_t, _v, members) in enumerate(CLUSTERS) for card in members}
    cards: list[Any] = []
    for i, (session, step, column, sector, voiced, tags, text, secret) in enumerate(CARDS):
        cards.append(
            Card(
                text=text,
                id=_id("card", i),
                tags=tags,
                sector=sector,
                voiced_as=voiced,
                author="Jean Wilkinson" if i % 3 else "Priya Sandhu",
                session=session,
                step=step,
                column=IN_ROLE.get(text, column),  # said in role: the debrief's column for the role
                confidential=secret,
                created=_time(DATES[session], 5 + i),
                cluster=cluster_of.get(i),
                role=IN_ROLE.get(text),
            )
        )
    return programme, participants, cards + demo_plan()


def demo_plan() -> list[Any]:
    """The demo's clusters (voted) and its action plan, promoted from them: linked both ways."""
    promoted = {k: _id("objective", n) for n, (_t, clusters, *_rest) in enumerate(PLAN) for k in clusters}
    out: list[Any] = [
        Cluster(
            title=title,
            id=_id("cluster", k),
            votes=votes,
            session=3,
            objective=promoted.get(k),
            created=_time(DATES[3], 150 + k),
        )
        for k, (title, votes, _members) in enumerate(CLUSTERS)
    ]
    review = add_months(date.fromisoformat(DATES[PLAN_SESSION]), 6).isoformat()
    n_action = 0
    for n, (title, clusters, council, vcs, timescale, actions) in enumerate(PLAN):
        objective = Objective(
            title=title,
            id=_id("objective", n),
            clusters=tuple(_id("cluster", k) for k in clusters),
            council_lead=_id("participant", council),
            vcs_lead=_id("participant", vcs),
            timescale=timescale,
            review_date=review,
            position=n,
            session=PLAN_SESSION,
            plan=1,
            created=_time(DATES[PLAN_SESSION], 60 + n),
        )
        out.append(objective)
        for position, (text, owners, due) in enumerate(actions):
            out.append(
                Action(
                    text=text,
                    objective=objective.id,
                    id=_id("action", n_action),
                    owners=owners,
                    due=due,
                    position=position,
                    created=_time(DATES[PLAN_SESSION], 90 + n_action),
                )
            )
            n_action += 1
    return out


def demo_cast(participants: list[Participant], library: Library) -> list[Any]:
    """Session 3's role play cast as piptui suggests it: everyone in the other sector's shoes."""
    exercise = library.exercises.get("role-play")
    if exercise is None or not exercise.roles:
        return []
    return [cast_from(3, exercise.id, assign_roles(exercise.roles, participants))]


def build_demo(path: Path, library: Library) -> None:
    programme, participants, content = demo_content()
    content = [*content, *demo_cast(participants, library)]
    script = library.programme(DEFAULT_PROGRAMME)
    sessions = sessions_from_script(script, library.exercises) if script else []
    sessions = [replace(s, date=DATES.get(s.number), facilitators=(DEMO_LEAD, "Nigel Brooks")) for s in sessions]
    sessions = [replace(s, current_step=SORT) if s.number == 3 else s for s in sessions]
    SessionStore.create(path, programme, sessions=sessions, participants=participants, content=content).close()

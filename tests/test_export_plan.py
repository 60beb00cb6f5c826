"""The published plan: one table per objective, the plan alone (Markdown, CSV), notes that keep to
their session, review notes under the review's session and plan version, sessions held."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from test_export_mdcheck import parse, table_cells

from piptui.cli import main
from piptui.domain.model import Action, ActionStatus, Card, Objective, Participant, Programme, Rag, Sector, Session
from piptui.domain.plan import refresh_plan, review_action
from piptui.export.markdown import export_markdown
from piptui.store import SessionStore

ANN = Participant("Ann Lee", "Testshire Council", Sector.COUNCIL, id="ann")
BOB = Participant("Bob Roe", "Testshire CVS", Sector.VCS, id="bob")
CAT = Participant("Cat Day", "Testshire Council", Sector.COUNCIL, id="cat")
SESSIONS = [
    Session(n, title=f"S{n}", date=f"2008-0{n}-10", exercises=("plan-review",) if n == 5 else ()) for n in range(1, 6)
]


def reviewed_programme(path: Path) -> None:
    """Plan 1 agreed in session 4; reviewed in session 5 (notes), then refreshed as plan 2."""
    o1 = Objective(
        "Share resources",
        id="o1",
        council_lead="ann",
        vcs_lead="bob",
        timescale="A year",
        review_date="2008-05-10",
        session=4,
        created="2008-04-10T10:00:00Z",
    )
    o2 = Objective(
        "One-sided objective",
        id="o2",
        council_lead="ann",
        vcs_lead="cat",
        session=4,
        position=1,
        created="2008-04-10T10:01:00Z",
    )
    a1 = Action(
        "Audit the buildings",
        "o1",
        id="a1",
        owners=("CVS", "Council"),
        due="2008-12-01",
        created="2008-04-10T10:02:00Z",
    )
    a2 = Action("Write a volunteering policy", "o1", id="a2", position=1, created="2008-04-10T10:03:00Z")
    a3 = Action("Agree a compact", "o2", id="a3", created="2008-04-10T10:04:00Z")
    a1 = review_action(
        a1, status=ActionStatus.IN_PROGRESS, rag=Rag.AMBER, note="Half the buildings done", at="2008-05-10T11:00:00Z"
    )
    a2 = review_action(
        a2, status=ActionStatus.DONE, rag=Rag.GREEN, note="Adopted by the board", at="2008-05-10T11:05:00Z"
    )
    new_o, new_a = refresh_plan(
        [o1, o2],
        [a1, a2, a3],
        session=5,
        review_date="2008-11-10",
        make_id=iter(f"p2-{n}" for n in range(20)).__next__,
        created="2008-05-10T12:00:00Z",
    )
    cards = [Card("A card in session 1", id="c1", session=1, created="2008-01-10T10:00:00Z")]
    SessionStore.create(
        path,
        Programme(name=path.stem, area="Testshire", title="Testshire PIP"),
        sessions=SESSIONS,
        participants=[ANN, BOB, CAT],
        content=[o1, o2, a1, a2, a3, *new_o, *new_a, *cards],
    ).close()


@pytest.fixture
def data(sessions_dir: Path) -> dict[str, Any]:
    path = sessions_dir / "testshire.json"
    reviewed_programme(path)
    with SessionStore(path) as store:
        return store.raw()


def run(sessions_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args])


def test_session_4_notes_hold_the_plan_as_agreed_not_the_review(data: dict[str, Any]) -> None:
    notes = export_markdown(data, None, session=4)
    assert "Half the buildings done" not in notes and "Adopted by the board" not in notes
    assert "Progress at the review" not in notes and "Plan version 2" not in notes
    rows = table_cells(notes[notes.index("| #") : notes.index("### Objective 2")])
    assert [r[4] for r in rows[1:]] == ["not started", "not started"]
    assert [r[5] for r in rows[1:]] == ["–", "–"]


def test_session_5_notes_hold_the_review_under_that_session(data: dict[str, Any]) -> None:
    notes = export_markdown(data, None, session=5)
    review = notes[notes.index("### Progress at the review") : notes.index("## Action plan")]
    rows = table_cells(review)
    assert rows[1:] == [
        ["Share resources", "Audit the buildings", "in progress", "Amber", "Half the buildings done"],
        ["Share resources", "Write a volunteering policy", "done", "Green", "Adopted by the board"],
    ]
    assert "## Session 5: S5" in notes[: notes.index("### Progress at the review")]


def test_a_refreshed_plan_does_not_repeat_the_earlier_versions_notes(data: dict[str, Any]) -> None:
    notes = export_markdown(data, None)
    v1, v2 = notes.split("### Plan version 1")[1].split("### Plan version 2")
    assert "Half the buildings done" in v1 and "Half the buildings done" not in v2
    carried = table_cells(v2[v2.index("| #") : v2.index("#### Objective 2")])
    assert carried[1][1] == "Audit the buildings" and carried[1][4] == "in progress" and carried[1][6] == "–"


def test_leads_are_people_with_their_organisation_and_one_sector_is_warned(data: dict[str, Any]) -> None:
    notes = export_markdown(data, None, session=4)
    assert "- **Joint lead:** Ann Lee, Testshire Council (council) and Bob Roe, Testshire CVS (third sector)" in notes
    one_sided = notes[notes.index("### Objective 2") :]
    assert "**Warning:** Both leads are from the same sector (Council)" in one_sided
    assert one_sided.count("**Warning:**") == 1
    assert "**Warning:**" not in notes[notes.index("### Objective 1") : notes.index("### Objective 2")]
    assert "<br>" not in notes and not any(t.type.startswith("html") for t in parse(notes))


def test_plan_alone_as_markdown_and_csv(sessions_dir: Path, data: dict[str, Any]) -> None:
    md = run(sessions_dir, "export", "testshire", "--content", "plan")
    assert md.exit_code == 0, md.output
    assert md.output.startswith("# Action plan: Testshire PIP\n") and "## Plan version 2" in md.output
    assert "## Session" not in md.output and "## Participants" not in md.output
    out = run(sessions_dir, "export", "testshire", "--content", "plan", "--format", "csv")
    assert out.exit_code == 0, out.output
    rows = list(csv.reader(io.StringIO(out.stdout_bytes.decode("utf-8-sig"))))
    assert rows[0] == [
        "plan",
        "objective",
        "leads",
        "timescale",
        "review_date",
        "action",
        "owners",
        "due",
        "status",
        "rag",
        "latest_review_note",
    ]
    plan1 = [r for r in rows[1:] if r[0] == "1"]
    assert [r[5] for r in plan1] == ["Audit the buildings", "Write a volunteering policy", "Agree a compact"]
    assert plan1[0][6:] == [
        "CVS, Council",
        "1 December 2008",
        "in progress",
        "amber",
        "10 May 2008: Half the buildings done",
    ]
    assert plan1[2][8] == "not started"
    assert plan1[0][2] == "Ann Lee, Testshire Council (council) and Bob Roe, Testshire CVS (third sector)"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--content", "plan", "--format", "json"), 2, "can be exported as markdown, csv, html, not json"),
        (("--content", "report", "--format", "csv"), 2, "not csv"),
        (("--content", "nonsense"), 2, "Invalid value for '--content'"),
        (("--format", "pdf"), 2, "Invalid value for '--format'"),
        (("--content", "plan", "--session", "2"), 2, "--session is for the notes"),
    ],
)
def test_bad_usage_writes_nothing(
    sessions_dir: Path, data: dict[str, Any], tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    target = tmp_path / "out.md"
    result = run(sessions_dir, "export", "testshire", *args, "-o", str(target))
    assert result.exit_code == code and message in result.output
    assert not target.exists() and list(tmp_path.glob(".out*")) == []


def test_no_plan_is_a_clear_line_and_no_file(sessions_dir: Path, tmp_path: Path) -> None:
    SessionStore.create(
        sessions_dir / "empty.json", Programme(name="empty", area="Nowhere"), sessions=SESSIONS[:1]
    ).close()
    for fmt in ("markdown", "csv", "html"):
        target = tmp_path / f"plan.{fmt}"
        result = run(sessions_dir, "export", "empty", "--content", "plan", "--format", fmt, "-o", str(target))
        assert result.exit_code == 1
        assert "empty has no action plan yet" in result.output and "Traceback" not in result.output
        assert not target.exists() and [p.name for p in tmp_path.iterdir()] == ["sessions"]


def test_sessions_held_count_cards_plans_and_reviews(sessions_dir: Path, data: dict[str, Any]) -> None:
    result = run(sessions_dir, "list")
    assert result.exit_code == 0
    line = next(x for x in result.output.splitlines() if x.startswith("testshire"))
    assert "3 sessions held" in line  # session 1 (a card), 4 (the plan), 5 (the review)


def test_a_session_notes_say_where_it_met_and_who_came(sessions_dir: Path) -> None:
    path = sessions_dir / "room.json"
    SessionStore.create(
        path,
        Programme(name="room", area="Testshire"),
        participants=[ANN, BOB, CAT],
        sessions=[
            Session(1, date="2008-01-10", facilitators=("Sue Carter",), venue="Town Hall", attended=("ann", "bob"))
        ],
    ).close()
    with SessionStore(path) as store:
        data = store.raw()
    notes = export_markdown(data, None, session=1)
    assert "- **Date:** Thursday 10 January 2008\n- **Facilitators:** Sue Carter\n- **Venue:** Town Hall\n" in notes
    assert "- **Attendance:** 2 of 3 participants (1 council, 1 voluntary and community sector)\n" in notes
    named = export_markdown(data, None, session=1, names=True)
    assert "(1 council, 1 voluntary and community sector): Ann Lee, Bob Roe\n" in named

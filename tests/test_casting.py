"""The cast of a role play: stored per session, one undo step, the same for every terminal; the
CLI prints it, assigns it, changes it person by person, and refuses bad input writing nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.domain.casting import Cast, Casting, cast_rows, find_participant, find_role, group_by_role
from piptui.domain.columns import CardFilter, draft_card
from piptui.domain.model import Card, Sector
from piptui.domain.roles import crosses
from piptui.errors import InvalidInput
from piptui.exercises import load_exercise_file
from piptui.store import SessionStore
from piptui.store.cast_ops import CastOps

ROOT = Path(__file__).resolve().parents[1]
ROLE_PLAY = load_exercise_file(ROOT / "exercises" / "role-play.yaml")
ROLES = ROLE_PLAY.roles


def run(sessions_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args])


@pytest.fixture
def twelve(sessions_dir: Path) -> Path:
    """A programme of 12: six council and statutory people, six from the voluntary sector."""
    assert run(sessions_dir, "new", "twelve", "--area", "Testshire").exit_code == 0
    for i in range(1, 7):
        public = "council" if i <= 4 else "statutory"
        assert run(sessions_dir, "participants", "twelve", "add", f"Public {i}", "--sector", public).exit_code == 0
        assert run(sessions_dir, "participants", "twelve", "add", f"Voluntary {i}", "--sector", "vcs").exit_code == 0
    return sessions_dir / "twelve.json"


def test_the_cli_casts_twelve_people_each_in_the_other_sectors_shoes(sessions_dir: Path, twelve: Path) -> None:
    result = run(sessions_dir, "cast", "twelve", "--session", "3", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["assigned_now"] is True and data["exercise"] == "role-play"
    cast = data["cast"]
    assert len(cast) == 12
    for row in cast:
        assert crosses(Sector(row["sector"]), Sector(row["role_sector"])), row
    assert {row["role"] for row in cast} == {r.id for r in ROLES}  # every role is played, twice each
    again = json.loads(run(sessions_dir, "cast", "twelve", "--session", "3", "--json").output)
    assert again["assigned_now"] is False and again["cast"] == cast  # stored: the same next time
    text = run(sessions_dir, "cast", "twelve", "--session", "3")
    assert "Public 1" in text.output and "(other sector)" in text.output


def test_set_changes_one_person_and_bad_input_writes_nothing(sessions_dir: Path, twelve: Path) -> None:
    assert run(sessions_dir, "cast", "twelve", "--session", "3").exit_code == 0
    before = twelve.read_bytes()
    for bad, message in (
        ("Nobody=commissioner", "No participant 'Nobody'"),
        ("Public 1=mayor", "'mayor' is not a role of this role play"),
    ):
        result = run(sessions_dir, "cast", "twelve", "--session", "3", "--set", bad)
        assert result.exit_code == 1 and message in result.output
        assert twelve.read_bytes() == before
    wrong_step = run(sessions_dir, "cast", "twelve", "--session", "3", "--step", "sorting/sort")
    assert wrong_step.exit_code == 1 and "not a role play" in wrong_step.output
    no_play = run(sessions_dir, "cast", "twelve", "--session", "1")
    assert no_play.exit_code == 1 and "no role play on its agenda" in no_play.output
    assert twelve.read_bytes() == before
    ok = run(sessions_dir, "cast", "twelve", "--session", "3", "--set", "public 1=procurement", "--json")
    row = next(r for r in json.loads(ok.output)["cast"] if r["person"] == "Public 1")
    assert row["role"] == "procurement"


def test_without_participants_a_clear_message(sessions_dir: Path) -> None:
    assert run(sessions_dir, "new", "empty", "--area", "Nowhere").exit_code == 0
    result = run(sessions_dir, "cast", "empty", "--session", "3")
    assert result.exit_code == 1 and "no participants yet" in result.output


def test_a_cast_is_one_undo_step_and_every_terminal_sees_it(twelve: Path) -> None:
    with SessionStore(twelve, author="ann") as ann, SessionStore(twelve, author="bob") as bob:
        cast = CastOps(ann).assign(3, "role-play", ROLES)
        assert CastOps(bob).cast(3, "role-play") == cast  # the other terminal reads the same
        who = ann.participants()[0]
        changed = CastOps(ann).set_role(3, "role-play", ROLES, who.name, "cvs-officer")
        assert changed.role_of(who.id) == "cvs-officer"
        assert ann.undo() == "change the cast"
        assert CastOps(bob).cast(3, "role-play") == cast
        assert ann.undo() == "cast the role play"
        assert CastOps(bob).cast(3, "role-play") is None


def test_cast_rows_and_lookups() -> None:
    from piptui.domain.model import Participant

    people = [
        Participant(name="Ann", sector=Sector.COUNCIL, id="a1"),
        Participant(name="Bo", sector=Sector.VCS, id="b2"),
    ]
    cast = Cast(3, "role-play", (Casting("a1", "local-charity"), Casting("gone", "commissioner")))
    rows = cast_rows(cast, people, ROLES)
    assert [(r.participant.name, r.role.id if r.role else None) for r in rows] == [
        ("Ann", "local-charity"),
        ("Bo", None),
    ]
    assert cast.with_role("b2", "commissioner").role_of("b2") == "commissioner"
    assert cast.with_role("a1", None).role_of("a1") is None
    assert find_participant(people, " ann ").id == "a1" and find_participant(people, "b2").id == "b2"
    assert find_role(ROLES, "%Commissioner").id == "commissioner"
    with pytest.raises(InvalidInput, match="not a role"):
        find_role(ROLES, "mayor")


def test_percent_role_voices_the_roles_sector_and_an_unknown_role_is_refused() -> None:
    debrief = ROLE_PLAY.step("debrief")
    assert debrief is not None
    draft = draft_card("Tenders need more time %local-charity @council", debrief.columns, ROLES)
    assert (draft.text, draft.role, draft.voiced_as, draft.sector) == (
        "Tenders need more time",
        "local-charity",
        Sector.VCS,
        Sector.COUNCIL,
    )
    assert draft.column == "local-charity"  # the debrief's column for that role
    explicit = draft_card("As myself really %commissioner >other", (), ROLES)
    assert explicit.voiced_as is Sector.OTHER  # an explicit >sector wins
    with pytest.raises(InvalidInput, match="%mayor is not a role of this role play"):
        draft_card("hello %mayor", (), ROLES)
    with pytest.raises(InvalidInput, match="has no roles"):
        draft_card("up 50 %points", (), ())
    assert draft_card("up 50% on last year", (), ()).text == "up 50% on last year"


def test_in_role_cards_group_by_role() -> None:
    cards = [
        Card(text="a", role="procurement"),
        Card(text="b"),
        Card(text="c", role="procurement"),
        Card(text="d", role="gone"),
    ]
    groups = group_by_role(cards, ROLES, CardFilter())
    titles = [(g.column.title if g.column else "", [c.text for c in g.cards]) for g in groups]
    assert titles[1] == ("As Council procurement officer", ["a", "c"])
    assert titles[-1] == ("Not in role", ["b", "d"])
    assert len(groups) == len(ROLES) + 1


def test_a_role_of_an_unknown_sector_is_refused_at_its_place(tmp_path: Path) -> None:
    from piptui.errors import PiptuiError

    script = (ROOT / "exercises" / "role-play.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad-role.yaml"
    bad.write_text(script.replace("    sector: statutory", "    sector: health-board"), encoding="utf-8")
    with pytest.raises(PiptuiError) as caught:
        load_exercise_file(bad)
    line = next(n for n, text in enumerate(bad.read_text().splitlines(), 1) if "health-board" in text)
    assert f"bad-role.yaml:{line}:13: role 'pct-commissioner': sector 'health-board' is not one of" in str(
        caught.value.message
    )

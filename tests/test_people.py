"""Participants and session details: the sign-in sheet, the store's operations, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.domain.model import Objective, Sector
from piptui.domain.people import find_person, make_participant, parse_date, parse_sign_in_sheet
from piptui.errors import InvalidInput
from piptui.programmes import create_programme
from piptui.store import SessionStore
from piptui.store.people_ops import PeopleOps


def run(sessions_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args])


@pytest.fixture
def north(sessions_dir: Path) -> Path:
    return create_programme(sessions_dir, "north", area="Northtown")


# -- the sign-in sheet -------------------------------------------------------------------


def test_a_sign_in_sheet_is_read_with_headings_in_any_case_and_order() -> None:
    people = parse_sign_in_sheet(
        "Sector,Name,Role,Organisation\nvcs,Ann Lee,director,Age UK\nCOUNCIL,  Sue   Carter ,,Calderdale Council\n\n"
    )
    assert [(p.name, p.organisation, p.sector, p.role) for p in people] == [
        ("Ann Lee", "Age UK", Sector.VCS, "director"),
        ("Sue Carter", "Calderdale Council", Sector.COUNCIL, ""),
    ]


def test_every_bad_cell_is_reported_by_row_and_column() -> None:
    sheet = "name,organisation,sector,role\nAnn,X,vcs,\n,Y,council,\nBea,Z,nope,\nann,,vcs,\nCy,\x07,vcs,\n"
    with pytest.raises(InvalidInput) as caught:
        parse_sign_in_sheet(sheet, source="sheet.csv")
    message = caught.value.message
    assert message.startswith("sheet.csv: 4 problems; nothing was imported")
    assert "row 3, column name: the name cannot be empty" in message
    assert "row 4, column sector: unknown sector 'nope'" in message
    assert "row 5, column name: 'ann' is on row 2 already" in message
    assert "row 6, column organisation: the organisation has a control character" in message


def test_a_sheet_without_its_columns_is_refused() -> None:
    with pytest.raises(InvalidInput, match="no 'sector' column"):
        parse_sign_in_sheet("name,org\nAnn,X\n")
    with pytest.raises(InvalidInput, match="unknown column 'phone'"):
        parse_sign_in_sheet("name,sector,phone\nAnn,vcs,1\n")


def test_names_are_found_ignoring_case_and_spaces() -> None:
    sue = make_participant("Sue Carter", sector="council", organisation="Calderdale Council")
    assert find_person([sue], "  sue  CARTER") == sue
    assert sue.described == "Sue Carter, Calderdale Council"
    with pytest.raises(InvalidInput, match="No participant called 'Sue'"):
        find_person([sue], "Sue")


def test_dates_are_year_month_day() -> None:
    assert parse_date(" 2008-03-13 ") == "2008-03-13"
    for bad in ("2008-13-01", "13/03/2008", "2008-3-1", ""):
        with pytest.raises(InvalidInput, match="is not a date"):
            parse_date(bad)


# -- the store ----------------------------------------------------------------------------


def test_add_change_remove_and_undo(north: Path) -> None:
    with SessionStore(north, author="ann") as store:
        ops = PeopleOps(store)
        sue = ops.add("Sue Carter", sector="council", organisation="Calderdale Council", role="chief executive")
        with pytest.raises(InvalidInput, match="is a participant already"):
            ops.add("sue carter", sector="vcs")
        ops.update(sue.id, name="Sue Carter", sector="council", organisation="Calderdale MBC", role="")
        assert store.participants()[0].organisation == "Calderdale MBC"
        ops.set_attended(1, sue.id, True)
        assert store.session(1).attended == (sue.id,)
        ops.remove(sue.id)
        assert store.participants() == [] and store.session(1).attended == ()
        assert store.undo() == "remove participant"
        assert store.session(1).attended == (sue.id,) and store.participants()[0].organisation == "Calderdale MBC"


def test_a_lead_of_an_objective_cannot_be_removed(north: Path) -> None:
    with SessionStore(north) as store:
        ops = PeopleOps(store)
        sue = ops.add("Sue Carter", sector="council")
        store.save(Objective(title="Joint induction", council_lead=sue.id))
        with pytest.raises(InvalidInput, match="is a lead of the objective 'Joint induction'"):
            ops.remove(sue.id)
        assert len(store.participants()) == 1


def test_an_import_is_all_or_nothing_and_one_undo(north: Path) -> None:
    with SessionStore(north, author="ann") as store:
        ops = PeopleOps(store)
        ops.add("Ann Lee", sector="vcs")
        people = parse_sign_in_sheet("name,sector\nBea,vcs\nCy,council\n")
        assert ops.import_people(people) == 2
        with pytest.raises(InvalidInput, match="Bea is a participant already"):
            ops.import_people(parse_sign_in_sheet("name,sector\nDi,vcs\nBea,vcs\n"))
        assert sorted(p.name for p in store.participants()) == ["Ann Lee", "Bea", "Cy"]
        assert store.undo() == "import 2 participants"
        assert [p.name for p in store.participants()] == ["Ann Lee"]


def test_session_details_are_checked_before_anything_is_written(north: Path) -> None:
    with SessionStore(north) as store:
        ops = PeopleOps(store)
        ops.add("Sue Carter", sector="council")
        before = north.read_bytes()
        for bad in ({"date": "2008-02-30"}, {"facilitators": ["Nobody"]}, {"venue": "a\x1bb"}):
            with pytest.raises(InvalidInput):
                ops.set_details(2, **bad)  # type: ignore[arg-type]
        with pytest.raises(InvalidInput, match="no session 9"):
            ops.set_details(9, venue="Hall")
        assert north.read_bytes() == before
        session = ops.set_details(2, date="2008-03-13", facilitators=["sue carter"], venue="Town Hall")
        assert (session.date, session.facilitators, session.venue) == ("2008-03-13", ("Sue Carter",), "Town Hall")
        assert ops.set_details(2, venue="Library").date == "2008-03-13"  # what is not given stays


# -- the CLI ------------------------------------------------------------------------------


def test_cli_add_list_json_remove(sessions_dir: Path, north: Path) -> None:
    result = run(
        sessions_dir,
        "participants",
        "north",
        "add",
        "Sue Carter",
        "--sector",
        "council",
        "--org",
        "Calderdale Council",
        "--role",
        "chief executive",
    )
    assert result.exit_code == 0 and "Added Sue Carter, Calderdale Council" in result.output
    listed = run(sessions_dir, "participants", "north")
    assert "Sue Carter" in listed.output and "chief executive" in listed.output
    rows = json.loads(run(sessions_dir, "participants", "north", "--json").output)
    assert [(r["name"], r["organisation"], r["sector"], r["role"]) for r in rows] == [
        ("Sue Carter", "Calderdale Council", "council", "chief executive")
    ]
    assert run(sessions_dir, "participants", "north", "remove", "sue carter").exit_code == 0
    assert json.loads(run(sessions_dir, "participants", "north", "--json").output) == []


def test_cli_bad_input_is_one_line_and_writes_nothing(sessions_dir: Path, north: Path, tmp_path: Path) -> None:
    before = north.read_bytes()
    bad_sector = run(sessions_dir, "participants", "north", "add", "Bob", "--sector", "bogus")
    assert bad_sector.exit_code == 2
    unknown = run(sessions_dir, "participants", "north", "remove", "Ghost")
    assert (
        unknown.exit_code == 1
        and unknown.stderr == "piptui: No participant called 'Ghost' (see: piptui participants NAME)\n"
    )
    for args in (("--date", "2008-13-01"), ("--facilitator", "Ghost")):
        result = run(sessions_dir, "session", "north", "2", *args)
        assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    lacks = run(sessions_dir, "session", "north", "9", "--venue", "Hall")
    assert lacks.exit_code == 1 and lacks.stderr == "piptui: This programme has no session 9\n"
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("name,organisation,sector\nAnn,Age UK,vcs\nBea,,nope\n", encoding="utf-8")
    result = run(sessions_dir, "participants", "north", "import", str(sheet))
    assert result.exit_code == 1 and "row 3, column sector" in result.stderr
    assert north.read_bytes() == before


def test_cli_import_and_session_details(sessions_dir: Path, north: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "name,organisation,sector,role\nAnn Lee,Age UK,vcs,director\nSue Carter,Council,council,\n", encoding="utf-8"
    )
    assert (
        run(sessions_dir, "participants", "north", "import", str(sheet)).output
        == "Imported 2 participants into north\n"
    )
    result = run(
        sessions_dir,
        "session",
        "north",
        "2",
        "--date",
        "2008-03-13",
        "--facilitator",
        "Ann Lee",
        "--facilitator",
        "sue carter",
        "--venue",
        "Town Hall",
    )
    assert result.exit_code == 0
    shown = run(sessions_dir, "session", "north", "2").output
    assert "date:         2008-03-13" in shown and "facilitators: Ann Lee, Sue Carter" in shown
    assert "venue:        Town Hall" in shown

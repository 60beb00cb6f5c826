"""Survey responses in the store, and from CSV files: all or nothing, every bad cell with its row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from piptui.domain.exercise import Exercise
from piptui.domain.model import Sector
from piptui.domain.survey import SurveyResponse
from piptui.errors import InvalidInput, NotFound
from piptui.exercises import load_library
from piptui.store import SessionStore
from piptui.store.survey_ops import SurveyOps
from piptui.survey.csv_import import SurveyImportError, column_letter, import_csv, parse_responses_csv


@pytest.fixture(scope="module")
def evaluation() -> Exercise:
    exercise = load_library().exercises["evaluation"]
    assert exercise.survey is not None
    return exercise


@pytest.fixture
def programme_file(sessions_dir: Path) -> Path:
    """A five-session programme called 'test' (the conftest one has two sessions)."""
    from piptui.programmes import create_programme

    return create_programme(sessions_dir, "test", area="Testshire")


def csv_bytes(*lines: str, bom: bool = False) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + "\r\n".join(lines).encode("utf-8") + b"\r\n"


GOOD = csv_bytes(
    "Timestamp,Name,sector,sessions,perspective,approach,respect,trust,done-differently,comments",
    "2008/10/20 10:01,Ann Smith,council,5,5,4,4,3,,Good",
    "2008/10/20 10:05,,vcs,4,very helpful,,2,1,Joined the Compact group,[red]more time[/]",
    ",,,,,,,,,",
    '2008/10/21 09:00,,statutory,"1;2;3",3,3,,5,,',
)


# -- the store ------------------------------------------------------------------------------
def test_add_change_delete_and_undo(store: SessionStore) -> None:
    ops = SurveyOps(store)
    first = ops.add(SurveyResponse(answers={"trust": 4}, sector=Sector.VCS, sessions_attended=3))
    second = ops.add(SurveyResponse(answers={"trust": 2}))
    assert [r.id for r in ops.responses()] == [first.id, second.id]
    changed = ops.update(SurveyResponse(answers={"trust": 5}, sector=Sector.VCS, id=first.id))
    assert changed.created == first.created and ops.responses()[0].answers == {"trust": 5}
    ops.delete(second.id)
    assert [r.id for r in ops.responses()] == [first.id]
    assert store.undo() == "delete survey response"
    assert store.undo() == "change survey response"
    assert ops.responses()[0].answers == {"trust": 4}
    with pytest.raises(InvalidInput, match="blank"):
        ops.add(SurveyResponse())
    with pytest.raises(NotFound):
        ops.delete("nope")


def test_responses_are_anonymous_in_the_file(programme_file: Path, evaluation: Exercise) -> None:
    import_csv(programme_file, GOOD, evaluation, source="forms.csv")
    text = programme_file.read_text("utf-8")
    assert "Ann Smith" not in text and "2008/10/20" not in text
    with SessionStore(programme_file) as store:
        fields = set().union(*(doc.keys() for doc in store.raw()["responses"].values()))
    assert fields == {"answers", "sector", "sessions_attended", "open_answers", "survey", "created"}


# -- parsing a file -------------------------------------------------------------------------
def test_a_good_file(evaluation: Exercise) -> None:
    parsed = parse_responses_csv(GOOD, evaluation, max_sessions=5)
    assert [r.answers for r in parsed.responses] == [
        {"perspective": 5, "approach": 4, "respect": 4, "trust": 3},
        {"perspective": 5, "respect": 2, "trust": 1},
        {"perspective": 3, "approach": 3, "trust": 5},
    ]
    assert [r.sector for r in parsed.responses] == [Sector.COUNCIL, Sector.VCS, Sector.STATUTORY]
    assert [r.sessions_attended for r in parsed.responses] == [5, 4, 3]
    assert parsed.responses[1].open_answers == {
        "done-differently": "Joined the Compact group",
        "comments": "[red]more time[/]",
    }
    assert parsed.ignored == ("Timestamp",) and parsed.personal == ("Name",)
    assert parsed.missing == (
        "barriers",
        "manage",
        "action-plan",
        "outcomes",
        "communication",
        "commissioning",
        "joint-planning",
        "representation",
        "organising",
    )
    created = [r.created for r in parsed.responses]
    assert created == sorted(created) and len(set(created)) == 3  # the file's order is kept


def test_online_form_headers_bom_and_semicolons(evaluation: Exercise) -> None:
    blob = csv_bytes(
        "Which sector do you work in?;Which sessions did you attend?;"
        "How helpful was the programme in enabling you to ... [trust colleagues from other sectors more];"
        "How helpful was the programme in contributing to improvements in ... [cross-sector communication];"
        "Any further comments?",
        "Voluntary and community sector;1, 2, 5;Helpful;Not helpful;Thanks",
        bom=True,
    )
    (response,) = parse_responses_csv(blob, evaluation, max_sessions=5).responses
    assert response.answers == {"trust": 4, "communication": 1}
    assert response.sector is Sector.VCS and response.sessions_attended == 3
    assert response.open_answers == {"comments": "Thanks"}


def test_every_bad_cell_with_its_row_and_column(evaluation: Exercise) -> None:
    blob = csv_bytes(
        "sector,sessions,perspective,approach,trust",
        "council,5,5,4,3",
        "council,5,7,4,3",
        "private,9,4,0,x",
    )
    with pytest.raises(SurveyImportError) as caught:
        parse_responses_csv(blob, evaluation, max_sessions=5, source="forms.csv")
    message = caught.value.message
    lines = message.splitlines()
    assert lines[0] == "forms.csv: 4 problems; nothing was imported"
    assert lines[1:] == [
        "  row 3, column C (perspective): '7' is not an answer: use 1 to 5, 0 or blank for no answer",
        "  row 4, column A (sector): 'private' is not a sector: use council, statutory, vcs or other",
        "  row 4, column B (sessions): '9' is not a number of sessions attended: use 1 to 5",
        "  row 4, column E (trust): 'x' is not an answer: use 1 to 5, 0 or blank for no answer",
    ]


def test_file_shape_errors(evaluation: Exercise) -> None:
    cases = {
        b"": "is empty",
        csv_bytes("Timestamp,Name", "x,y"): "no column is a question",
        b"\xff\xfesector,trust\r\n": "is not UTF-8",
        csv_bytes("trust,Trust colleagues from other sectors more", "4,4"): "row 1, column B",
        csv_bytes("trust", "4,5"): "row 2, column B: more cells than the header has columns",
    }
    for blob, expected in cases.items():
        with pytest.raises(SurveyImportError, match=expected.replace("(", r"\(")):
            parse_responses_csv(blob, evaluation, max_sessions=5)


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


# -- importing ------------------------------------------------------------------------------
def test_import_is_atomic_refuses_a_second_time_and_undoes_in_one_step(
    programme_file: Path, evaluation: Exercise
) -> None:
    result = import_csv(programme_file, GOOD, evaluation, source="forms.csv")
    assert result.summary().splitlines()[0] == "Imported 3 survey responses into test"
    before = programme_file.read_bytes()
    with pytest.raises(InvalidInput, match="imported already"):
        import_csv(programme_file, GOOD, evaluation, source="forms.csv")
    assert programme_file.read_bytes() == before
    with SessionStore(programme_file) as store:
        assert len(SurveyOps(store).responses()) == 3
        assert store.undo() == "import 3 survey responses"
        assert SurveyOps(store).responses() == []


def test_a_file_with_an_error_imports_nothing(programme_file: Path, evaluation: Exercise) -> None:
    before = programme_file.read_bytes()
    bad = GOOD + b"x,,council,5,6,,,,,\r\n"
    with pytest.raises(SurveyImportError, match="row 6, column E"):
        import_csv(programme_file, bad, evaluation, source="forms.csv")
    assert programme_file.read_bytes() == before


def test_blank_rows_only(programme_file: Path, evaluation: Exercise) -> None:
    with pytest.raises(SurveyImportError, match="no responses"):
        import_csv(programme_file, csv_bytes("Timestamp,trust", "2008,", ","), evaluation, source="f.csv")


def test_the_documented_example_imports(programme_file: Path, evaluation: Exercise) -> None:
    doc = (Path(__file__).parent.parent / "docs" / "survey-csv.md").read_text("utf-8")
    example = doc.split("```csv\n", 1)[1].split("```", 1)[0]
    result = import_csv(programme_file, example.encode("utf-8"), evaluation, source="example.csv")
    assert result.summary().splitlines() == [
        "Imported 2 survey responses into test",
        "Ignored columns that are not in the survey: Timestamp",
    ]
    second = result.parsed.responses[1]
    assert second.answers["perspective"] == 5 and second.sector is Sector.VCS
    assert second.open_answers == {"comments": "More time for the role play please"}

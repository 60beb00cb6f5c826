"""``piptui survey import`` and ``piptui report``: output, files, and exit codes (1 bad data, 2 bad usage)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.programmes import create_programme
from piptui.store import SessionStore
from piptui.store.survey_ops import SurveyOps

HEADER = (
    "sector,sessions,perspective,approach,respect,trust,barriers,manage,action-plan,outcomes,"
    "communication,commissioning,joint-planning,representation,organising,done-differently,comments"
)
FORMS = [  # 8 forms: trust is 1, 1, 6 of 8 answers (12.5%, 12.5%, 75%: adds up to 101)
    "council,5,5,4,4,5,3,4,4,5,5,2,4,,4,Set up a joint induction,",
    "council,4,4,4,5,2,3,3,4,4,4,1,3,,4,,Too short",
    "statutory,5,5,5,4,3,2,4,4,4,5,3,4,3,4,,",
    "vcs,5,5,4,4,3,4,4,5,4,4,2,4,4,5,Joined the Compact group,[red]More *time* please[/]",
    "vcs,3,2,3,4,3,2,3,3,3,3,1,2,4,3,,",
    "vcs,5,5,5,5,3,4,4,5,5,5,2,4,5,4,,",
    "other,2,4,3,3,3,1,2,2,3,3,,,,2,,",
    ",,4,4,,3,3,4,4,4,4,,4,4,4,,",
]


def run(sessions_dir: Path, *args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args], input=stdin)


def make_programme(sessions_dir: Path, name: str, area: str, invited: int) -> Path:
    path = create_programme(sessions_dir, name, area=area)
    with SessionStore(path) as store:
        for n in range(invited):
            store.add_participant(f"Person {n}", sector="vcs")
    return path


def write_csv(tmp_path: Path, rows: list[str], name: str = "forms.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def north(sessions_dir: Path, tmp_path: Path) -> Path:
    path = make_programme(sessions_dir, "north", "Northtown", 12)
    result = run(sessions_dir, "survey", "import", "north", str(write_csv(tmp_path, FORMS)))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Imported 8 survey responses into north\n")
    return path


def test_report_tables_from_known_counts(sessions_dir: Path, north: Path) -> None:
    result = run(sessions_dir, "report", "north")
    assert result.exit_code == 0, result.output
    md = result.output
    assert "| Invited (the programme's participants) | 12 |\n| Responses | 8 |\n| Response rate | 67% |" in md
    assert (
        "| Council | 2 | 25% |\n| Statutory agency | 1 | 13% |\n| Voluntary and community sector | 3 | 38% |\n"
        "| Other | 1 | 13% |\n| Not given | 1 | 13% |" in md
    )
    assert "Public sector (council and statutory agencies) together: 3 (38%)." in md
    header = (
        "| Question | Helpful or very helpful | Partially helpful | Neither helpful nor unhelpful | Not helpful "
        "| Answered |"
    )
    assert md.count(header) == 2
    # trust: 5, 2, 3, 3, 3, 3, 3, 3 -> 1 (4-5), 1 (2), 6 (3), 0 (1) of 8: 13 + 13 + 75 = 101
    assert "| trust colleagues from other sectors more † | 13% | 13% | 75% | 0% | 8 |" in md
    assert (
        "† These rows add up to 99% or 101% only because each percentage is rounded: *learn more about the "
        "perspective of people from other sectors* (101%); *trust colleagues from other sectors more* (101%); "
        "*overcome barriers"
    ) in md
    assert "*joint planning of services* (99%); *organising and managing cross-sector partnerships* (101%)." in md
    # respect: 4, 5, 4, 4, 4, 5, 3 and one blank -> 6 of 7 helpful, 1 neither; the blank is not "not helpful"
    assert "| gain more respect for colleagues from other sectors | 86% | 0% | 14% | 0% | 7 |" in md
    # commissioning: 2, 1, 3, 2, 1, 2, blank, blank -> 3 partial, 1 neither, 2 not helpful of 6
    assert "| commissioning (including procurement) | 0% | 50% | 17% | 33% | 6 |" in md
    assert "a half rounding up (12.5% shows as 13%)" in md
    assert "- Joined the Compact group\n" in md
    assert "- \\[red\\]More \\*time\\* please\\[/\\]\n" in md  # user text never becomes Markdown


def test_report_csv_to_a_file_by_its_suffix(sessions_dir: Path, north: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    result = run(sessions_dir, "report", "north", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote the evaluation report (csv) to {out}\n"
    text = out.read_bytes().decode("utf-8-sig")
    assert text.startswith("section,group,item,text,answer,count,base,percent,note\r\n")
    assert "summary,,responses,Responses,,8,12,67,response rate\r\n" in text
    assert (
        "question,enabling,trust,trust colleagues from other sectors more,Helpful or very helpful,1,8,13,"
        "adds up to 101% because each percentage is rounded\r\n"
    ) in text
    assert "question,enabling,respect,gain more respect for colleagues from other sectors,No answer,1,8,," in text


def test_report_across_areas(sessions_dir: Path, north: Path, tmp_path: Path) -> None:
    make_programme(sessions_dir, "south", "Southville", 6)
    south_forms = ["vcs,5,5,5,5,5,5,5,5,5,5,5,5,5,5,,Excellent", "council,5,1,1,1,1,1,1,1,1,1,1,1,1,1,,"]
    assert run(sessions_dir, "survey", "import", "south", str(write_csv(tmp_path, south_forms, "s.csv"))).exit_code == 0
    make_programme(sessions_dir, "east", "Eastham", 9)  # no responses yet
    result = run(sessions_dir, "report", "--all")
    assert result.exit_code == 0, result.output
    md = result.output
    assert md.startswith("# Evaluation across the groups\n")
    assert "| Groups (programmes with responses) | 2 |" in md
    assert "| Invited (the participants of those groups) | 18 |\n| Responses | 10 |\n| Response rate | 56% |" in md
    assert (
        "| Eastham | east | 9 | no responses yet | – |\n"
        "| Northtown | north | 12 | 8 | 67% |\n| Southville | south | 6 | 2 | 33% |"
    ) in md
    # trust over both: 1 + 1 helpful, 1 partial, 6 neither, 1 not of 10
    assert "| trust colleagues from other sectors more | 20% | 10% | 60% | 10% | 10 |" in md
    assert "- Excellent (Southville)" in md
    assert "\n## Table 1: How helpful was the programme in enabling you to ...\n" in md
    assert "\n## Table 2: How helpful was the programme in contributing to improvements in ...\n" in md


def test_no_responses_is_a_clear_message(sessions_dir: Path) -> None:
    make_programme(sessions_dir, "west", "Westbury", 5)
    result = run(sessions_dir, "report", "west")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "No survey responses for 'west' yet" in result.stderr and "piptui survey import west" in result.stderr
    result = run(sessions_dir, "report", "--all")
    assert result.exit_code == 1 and "has survey responses yet" in result.stderr


def test_bad_rows_are_reported_and_nothing_is_imported(sessions_dir: Path, tmp_path: Path) -> None:
    path = make_programme(sessions_dir, "north", "Northtown", 3)
    before = path.read_bytes()
    bad = write_csv(tmp_path, [FORMS[0], "vcs,5,5,4,9,5,3,4,4,5,5,2,4,,4,,", "vcs,7,5,4,4,5,3,4,4,5,5,2,4,,4,,"])
    result = run(sessions_dir, "survey", "import", "north", str(bad))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"piptui: {bad}: 2 problems; nothing was imported",
        "  row 3, column E (respect): '9' is not an answer: use 1 to 5, 0 or blank for no answer",
        "  row 4, column B (sessions): '7' is not a number of sessions attended: use 1 to 5",
    ]
    assert path.read_bytes() == before


def test_import_from_standard_input_and_unknown_names(sessions_dir: Path) -> None:
    make_programme(sessions_dir, "north", "Northtown", 3)
    blob = b"trust,sector\n4,vcs\n"
    result = run(sessions_dir, "survey", "import", "north", "-", stdin=blob)
    assert result.exit_code == 0, result.output
    assert "No column for (no answer throughout): perspective" in result.output
    assert run(sessions_dir, "survey", "import", "nowhere", "-", stdin=blob).exit_code == 1
    assert run(sessions_dir, "survey", "import", "north", "-", "--survey", "sorting", stdin=blob).exit_code == 1


@pytest.mark.parametrize(
    "args",
    [
        ("report",),
        ("report", "north", "--all"),
        ("report", "north", "--format", "pdf"),
        ("survey", "import", "north"),
        ("survey", "import", "north", "/no/such/file.csv"),
    ],
)
def test_bad_usage_exits_2(sessions_dir: Path, args: tuple[str, ...]) -> None:
    make_programme(sessions_dir, "north", "Northtown", 3)
    result = run(sessions_dir, *args)
    assert result.exit_code == 2, result.output


def test_json_backup_keeps_the_responses(sessions_dir: Path, north: Path, tmp_path: Path) -> None:
    backup = tmp_path / "north.json"
    assert run(sessions_dir, "export", "north", "-o", str(backup)).exit_code == 0
    result = run(sessions_dir, "import", str(backup), "--name", "north-copy")
    assert result.exit_code == 0, result.output
    with SessionStore(north) as a, SessionStore(sessions_dir / "north-copy.json") as b:
        assert SurveyOps(a).responses() == SurveyOps(b).responses()
    assert run(sessions_dir, "report", "north").output == run(sessions_dir, "report", "north-copy").output

"""Survey import reads what it is given or says what it could not (issue 15, point 8)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.programmes import create_programme
from piptui.store import SessionStore

GRID = "How helpful was the programme in enabling you to ... [{}]"


def run(sessions_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args])


def _csv(tmp_path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path = tmp_path / "forms.csv"
    lines = [",".join(f'"{h}"' for h in header), *(",".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_sector_s_in_a_header_matches_sectors(sessions_dir: Path, tmp_path: Path) -> None:
    path = create_programme(sessions_dir, "north", area="Northtown")
    header = [
        "Timestamp",
        "Sector(s)",
        GRID.format("learn more about the perspective of people from other sector(s)"),
        GRID.format("trust colleagues from other sector(s) more"),
    ]
    result = run(
        sessions_dir, "survey", "import", "north", str(_csv(tmp_path, header, [["2010-03-01", "vcs", "4", "5"]]))
    )
    assert result.exit_code == 0, result.output
    with SessionStore(path) as store:
        (response,) = store.raw()["responses"].values()
    assert response["answers"]["perspective"] == 4 and response["answers"]["trust"] == 5
    assert response["sector"] == "vcs"
    assert "Ignored columns that are not in the survey: Timestamp" in result.output


def test_a_column_that_is_no_question_is_named_and_exits_1(sessions_dir: Path, tmp_path: Path) -> None:
    path = create_programme(sessions_dir, "north", area="Northtown")
    before = path.read_bytes()
    header = ["sector", "trust", "Favourite colour"]
    file = _csv(tmp_path, header, [["vcs", "5", "blue"]])
    result = run(sessions_dir, "survey", "import", "north", str(file))
    assert result.exit_code == 1
    assert "C 'Favourite colour'" in result.output and "--ignore-unknown-columns" in result.output
    assert path.read_bytes() == before
    result = run(sessions_dir, "survey", "import", "north", str(file), "--ignore-unknown-columns")
    assert result.exit_code == 0, result.output
    assert "Ignored columns that are not in the survey: Favourite colour" in result.output

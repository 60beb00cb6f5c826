"""An export never overwrites a programme, and killed exports leave no temporary copies."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.export.exporter import write_file


def run(sessions_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args])


@pytest.fixture
def two(sessions_dir: Path) -> tuple[Path, Path]:
    for name in ("p", "q"):
        assert run(sessions_dir, "new", name, "--area", "Testshire").exit_code == 0
        assert run(sessions_dir, "add", name, f"secret of {name}", "--confidential").exit_code == 0
    return sessions_dir / "p.json", sessions_dir / "q.json"


@pytest.mark.parametrize("target", ["p.json", "q.json", "new.json"])
def test_export_into_the_sessions_folder_is_refused(sessions_dir: Path, two: tuple[Path, Path], target: str) -> None:
    before = {p.name: p.read_bytes() for p in sessions_dir.iterdir()}
    result = run(sessions_dir, "export", "p", "-o", str(sessions_dir / target))
    assert result.exit_code == 1
    assert result.output.startswith("piptui: Not exported:") and result.output.count("\n") == 1
    assert {p.name: p.read_bytes() for p in sessions_dir.iterdir()} == before
    assert "not a piptui programme" not in run(sessions_dir, "list").output


def test_export_onto_a_programme_file_elsewhere_is_refused(
    sessions_dir: Path, two: tuple[Path, Path], tmp_path: Path
) -> None:
    copy = tmp_path / "copy-of-q.json"
    copy.write_bytes(two[1].read_bytes())
    result = run(sessions_dir, "export", "p", "-o", str(copy))
    assert result.exit_code == 1 and "is a piptui programme file" in result.output
    assert copy.read_bytes() == two[1].read_bytes()


def test_export_through_a_link_to_the_programme_is_refused(
    sessions_dir: Path, two: tuple[Path, Path], tmp_path: Path
) -> None:
    link = tmp_path / "notes.md"
    link.symlink_to(two[0])
    before = two[0].read_bytes()
    result = run(sessions_dir, "export", "p", "-o", str(link))
    assert result.exit_code == 1 and "own file" in result.output
    assert two[0].read_bytes() == before


def test_an_export_may_replace_an_earlier_export(sessions_dir: Path, two: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    assert run(sessions_dir, "export", "p", "-o", str(out)).exit_code == 0
    assert run(sessions_dir, "export", "p", "-o", str(out)).exit_code == 0


def test_temporary_copies_of_killed_exports_are_swept(tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    left = [tmp_path / f".backup.json.{i:032x}.tmp" for i in range(3)]  # as a killed export leaves them
    for path in left:
        path.write_bytes(b'{"confidential": "TOPSECRET"}')
    other = tmp_path / ".other.json.0123.tmp"
    other.write_bytes(b"not ours")
    write_file(out, b"new export\n")
    assert out.read_bytes() == b"new export\n"
    assert not any(p.exists() for p in left)
    assert other.exists()  # another file's leftovers are its own writer's to sweep
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.json.0123.tmp", "backup.json"]
    assert os.stat(out).st_mode & 0o777 == 0o600

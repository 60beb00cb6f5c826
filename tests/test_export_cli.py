"""``piptui export`` and ``piptui import``: output, files, and exit codes (1 bad data, 2 bad usage)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.exercises import load_library
from piptui.programmes import ensure_demo

GOLDEN = Path(__file__).parent / "golden"


def run(sessions_dir: Path, *args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args], input=stdin)


@pytest.fixture
def demo(sessions_dir: Path) -> Path:
    return ensure_demo(sessions_dir, load_library())


def test_markdown_to_stdout_by_default(sessions_dir: Path, demo: Path) -> None:
    result = run(sessions_dir, "export", "darlington-demo")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == (GOLDEN / "darlington-demo.md").read_bytes()


def test_options_reach_the_notes(sessions_dir: Path, demo: Path) -> None:
    result = run(sessions_dir, "export", "darlington-demo", "--session", "3", "--include-confidential", "--names")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == (GOLDEN / "darlington-demo-session-3-full.md").read_bytes()


@pytest.mark.parametrize(
    ("file_name", "starts"),
    [
        ("notes.md", b"# Darlington"),
        ("backup.json", b'{\n  "format": "piptui-programme-export"'),
        ("cards.csv", b"\xef\xbb\xbfid,session,"),
        ("notes.txt", b"# Darlington"),
    ],
)
def test_output_file_format_from_its_suffix(
    sessions_dir: Path, demo: Path, tmp_path: Path, file_name: str, starts: bytes
) -> None:
    out = tmp_path / file_name
    result = run(sessions_dir, "export", "darlington-demo", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"to {out}" in result.output
    assert out.read_bytes().startswith(starts)


def test_format_option_wins_and_dash_is_stdout(sessions_dir: Path, demo: Path) -> None:
    result = run(sessions_dir, "export", "darlington-demo", "--format", "CSV", "-o", "-")
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"\xef\xbb\xbfid,")


def test_json_export_then_import_round_trip(sessions_dir: Path, demo: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    assert run(sessions_dir, "export", "darlington-demo", "--format", "json", "-o", str(backup)).exit_code == 0
    other = tmp_path / "other"
    result = run(other, "import", str(backup))
    assert result.exit_code == 0, result.output
    assert "Imported programme 'darlington-demo' (16 participants, 5 sessions, 51 cards)" in result.output
    again = run(other, "export", "darlington-demo", "--format", "json")
    assert again.stdout_bytes == backup.read_bytes()
    piped = run(other, "import", "-", "--name", "piped", stdin=backup.read_bytes())
    assert piped.exit_code == 0, piped.output
    assert json.loads(run(other, "export", "piped", "--format", "json").stdout_bytes)["name"] == "piped"


def test_import_over_existing_exit_1_then_replace(sessions_dir: Path, demo: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.json"
    run(sessions_dir, "export", "darlington-demo", "--format", "json", "-o", str(backup))
    before = demo.read_bytes()
    result = run(sessions_dir, "import", str(backup))
    assert result.exit_code == 1
    assert "exists already" in result.output and "--replace" in result.output
    assert demo.read_bytes() == before
    replaced = run(sessions_dir, "import", str(backup), "--replace")
    assert replaced.exit_code == 0 and replaced.output.startswith("Replaced programme 'darlington-demo'")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("export", "nowhere"), 1, "No programme 'nowhere'"),
        (("export", "darlington-demo", "--format", "yaml"), 2, "'yaml' is not one of 'markdown', 'json', 'csv'"),
        (("export", "darlington-demo", "--session", "9"), 2, "9 is not in the range"),
        (("export", "darlington-demo", "--format", "json", "--session", "3"), 2, "backup of the whole programme"),
        (("export", "darlington-demo", "--format", "csv", "--names"), 2, "only listed in the Markdown and HTML notes"),
        (("export", "darlington-demo", "--colour"), 2, "No such option"),
        (("export",), 2, "Missing argument 'NAME'"),
        (("export", "darlington-demo", "-o", "/nonexistent-folder/x.md"), 1, "the folder /nonexistent-folder does not"),
        (("import",), 2, "Missing argument 'FILE'"),
        (("import", "/no/such/file.json"), 2, "does not exist"),
    ],
)
def test_exit_codes(sessions_dir: Path, demo: Path, args: tuple[str, ...], code: int, message: str) -> None:
    result = run(sessions_dir, *args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_session_the_programme_lacks_is_bad_data(sessions_dir: Path, tmp_path: Path) -> None:
    assert run(sessions_dir, "new", "small", "--area", "Small", "--script", "pip-5-sessions").exit_code == 0
    data = json.loads((sessions_dir / "small.json").read_bytes())
    del data["sessions"]["5"]
    (sessions_dir / "small.json").write_text(json.dumps(data))
    result = run(sessions_dir, "export", "small", "--session", "5")
    assert result.exit_code == 1 and "This programme has no session 5 (its sessions: 1, 2, 3, 4)" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json at all", "is not valid JSON"),
        (b'{"format": "piptui-programme-export", "version": 7}', "exported by a newer piptui"),
        (b'{"format": "other"}', "is not a piptui export"),
    ],
)
def test_bad_import_files_exit_1_and_write_nothing(
    sessions_dir: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = run(sessions_dir, "import", str(bad))
    assert result.exit_code == 1, result.output
    assert message in result.output and "Traceback" not in result.output
    assert list(sessions_dir.iterdir()) == []


def test_a_failed_export_leaves_no_file(sessions_dir: Path, demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes.md"
    result = run(sessions_dir, "export", "darlington-demo", "--session", "3", "--format", "json", "-o", str(out))
    assert result.exit_code == 2 and not out.exists()
    assert list(tmp_path.glob(".notes.md.*")) == []

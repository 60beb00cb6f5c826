"""Imports and exercise scripts are bounded: depth, size and number of values are limited and
refused with a clear message at their place; no YAML of a user's file ever raises."""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.errors import ProgrammeFileError
from piptui.exercises import load_library
from piptui.exercises.files import read_path
from piptui.store import SessionStore

BUNDLED = Path(__file__).parent.parent / "exercises"
UNSAFE = "!!python/object/new:os.system [echo PWNED]"
KEY_LINE = re.compile(r"^(\s*(?:- )?)([a-z_]+):(\s*)(.*)$")


def run(sessions_dir: Path, *args: str, exercises: Path | None = None) -> Result:
    extra = ["--exercises-dir", str(exercises)] if exercises else []
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *extra, *args])


def poisoned(name: str) -> list[tuple[int, str]]:
    """The bundled script with an unsafe tag on the value of each key in turn: (line, text)."""
    lines = (BUNDLED / name).read_text().splitlines()
    out = []
    for i, line in enumerate(lines):
        m = KEY_LINE.match(line)
        if not m:
            continue
        value = m.group(4)
        new = f"{m.group(1)}{m.group(2)}: {UNSAFE}" if value and not value.startswith((">", "|")) else None
        if new is None:  # a block value follows: tag the block itself
            new = f"{m.group(1)}{m.group(2)}: !!python/object/new:os.system {value}".rstrip()
        out.append((i + 1, "\n".join([*lines[:i], new, *lines[i + 1 :]]) + "\n"))
    return out


CASES = [(name, line, text) for name in ("sorting.yaml", "evaluation.yaml") for line, text in poisoned(name)]


@pytest.mark.parametrize(("name", "line", "text"), CASES, ids=[f"{n}:{line}" for n, line, _ in CASES])
def test_an_unsafe_tag_on_any_value_is_reported_never_raised(tmp_path: Path, name: str, line: int, text: str) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / name).write_text(text)
    result = read_path(folder / name)
    assert any(f":{line}:" in e and "is not allowed" in e for e in result.errors), result.errors
    load_library([folder])  # the TUI's start-up and `piptui new` load the library: no exception


def test_exercises_check_list_and_new_report_an_unsafe_steps_tag(tmp_path: Path, sessions_dir: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "bad.yaml").write_text(f"id: bad\ntitle: Bad\nkind: brainstorm\nsteps: {UNSAFE}\n")
    for args in (["exercises", "check"], ["exercises", "list"]):
        result = run(sessions_dir, *args, exercises=folder)
        assert ("Traceback" not in result.output and result.exception is None) or isinstance(
            result.exception, SystemExit
        ), result.output
        assert "bad.yaml:4:8: tag '!!python/object/new:os.system' is not allowed" in result.output
    result = run(sessions_dir, "new", "n1", "--area", "A", exercises=folder)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id: x\nsteps: " + "[" * 100 + "]" * 100 + "\n", "2:71: invalid YAML: nested more than 64 levels deep"),
        ("id: x\nsteps: [" + ",".join(["1"] * 3000) + "]\n", "invalid YAML: more than 2000 values in one file"),
        ("a: &a [1]\nb: [" + ",".join(["*a"] * 300) + "]\n", "more than 200 *aliases"),
        ("id: x\ntitle: '" + "x" * 300_000 + "'\n", "1:1: the file is too large (over 256 KB"),
    ],
    ids=["deep", "many values", "many aliases", "large"],
)
def test_scripts_past_the_limits_are_refused_at_their_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(text)
    errors = read_path(path).errors
    assert len(errors) == 1 and message in errors[0], errors


def test_a_control_character_in_a_script_is_reported_at_its_place(tmp_path: Path) -> None:
    path = tmp_path / "esc.yaml"
    path.write_text('id: esc\ntitle: "Esc\\e]0;PWNED\\a"\nkind: brainstorm\nsteps:\n  - id: s\n    title: S\n')
    errors = read_path(path).errors
    assert any(e.startswith(f"{path}:2:8:") and "ESC (U+001B)" in e for e in errors), errors


def test_a_name_with_a_trailing_newline_is_refused(sessions_dir: Path) -> None:
    result = run(sessions_dir, "new", "nl\n", "--area", "A")
    assert result.exit_code == 1 and "nl␊" in result.output and result.output.count("\n") == 1
    assert not list(sessions_dir.iterdir())


def export_of(tables: dict[str, object]) -> bytes:
    return orjson.dumps({"format": "piptui-programme-export", "version": 1, "schema": 1, "name": "p", "tables": tables})


HEADER = {"programme": {"programme": {"name": "p", "area": "A"}}, "sessions": {}}


def nested(depth: int) -> object:
    value: object = "bottom"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("depth", [70, 300, 1000])
def test_a_deeply_nested_import_is_refused_at_its_place(sessions_dir: Path, tmp_path: Path, depth: int) -> None:
    blob = orjson.dumps({"format": "piptui-programme-export"})[:-1] + b',"version":1,"schema":1,"name":"p","tables":'
    blob += orjson.dumps(HEADER)[:-1] + b',"cards":{"c1":{"text":"t","extra":' + b"[" * depth + b"]" * depth + b"}}}}"
    path = tmp_path / "deep.json"
    path.write_bytes(blob)
    result = run(sessions_dir, "import", str(path))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.output.count("\n") == 1
    if depth < 1000:
        assert "tables.cards.c1.extra" in result.output and "nested more than 64 levels deep" in result.output
    assert not list(sessions_dir.iterdir())  # nothing written, no lock left behind


def test_an_import_with_a_control_character_is_refused_at_its_place(sessions_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "esc.json"
    path.write_bytes(export_of({**HEADER, "cards": {"c1": {"text": "x\x1b]0;PWNED\x07", "tags": ["ok", "\x9b"]}}}))
    result = run(sessions_dir, "import", str(path))
    assert result.exit_code == 1
    assert 'tables.cards["c1"].text: a control character, ESC (U+001B), at character 2' in result.output
    assert 'tables.cards["c1"].tags[1]: a control character, U+009B, at character 1' in result.output
    assert not list(sessions_dir.iterdir())


def test_a_programme_file_with_a_record_nested_too_deep_is_refused_at_open(programme_file: Path) -> None:
    data = orjson.loads(programme_file.read_bytes())
    data["cards"] = {"c1": {"text": "t", "extra": nested(100)}}
    programme_file.write_bytes(orjson.dumps(data))
    with pytest.raises(ProgrammeFileError, match=r'cards\["c1"\]\.extra(\[0\])+: nested more than 64 levels deep'):
        SessionStore(programme_file)

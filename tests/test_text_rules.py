"""Text a person gives piptui may hold newline and tab, no other control character; text already
in a file is shown with such characters as visible placeholders (ESC as "␛"), never raw."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.domain.model import Card, Cluster, Programme, Session
from piptui.domain.text_rules import control_problem, first_control, visible, visible_line
from piptui.errors import InvalidInput
from piptui.store import SessionStore

ESC_TITLE = "x\x1b]0;PWNED\x07"


def run(sessions_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args])


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\r", "\x1b", "\x7f", "\x80", "\x9b", "\x9f"])
def test_control_characters_are_refused_and_shown_as_placeholders(char: str) -> None:
    text = f"ab{char}cd"
    assert first_control(text) == 2
    assert control_problem(text) is not None and "at character 3" in str(control_problem(text))
    shown = visible(text)
    assert len(shown) == len(text) and char not in shown and shown[:2] == "ab"


def test_newline_tab_and_ordinary_text_are_allowed() -> None:
    for text in ("two\nlines", "a\ttab", "café — naïve ✓ 日本", "\u00a0non-breaking", ""):
        assert first_control(text) is None and visible(text) == text
    assert visible("\x1b") == "␛" and visible_line("a\nb") == "a␊b"


@pytest.mark.parametrize(
    "write",
    [
        lambda s: s.add_card(ESC_TITLE),
        lambda s: s.add_card("fine", tags=["\x1b]52;c;SGVsbG8=\x07"]),
        lambda s: s.edit_card(s.cards()[0].id, text="\x1b[2Jcleared"),
        lambda s: s.add_participant("Eve\x9b"),
        lambda s: s.save(Cluster(title="theme\x1b]0;T\x07")),
        lambda s: s.save(Session(3, title="three\x7f")),
    ],
    ids=["card text", "tag", "edited text", "participant", "cluster title", "session title"],
)
def test_every_writer_is_refused_by_the_store(store: SessionStore, programme_file: Path, write: object) -> None:
    store.add_card("first")
    before = programme_file.read_bytes()
    with pytest.raises(InvalidInput, match=r"^Not saved: the .* holds a control character, .*U\+00"):
        write(store)  # type: ignore[operator]
    assert programme_file.read_bytes() == before


def test_a_card_already_holding_one_can_still_be_moved(sessions_dir: Path) -> None:
    path = sessions_dir / "old.json"
    old = Card(text=ESC_TITLE, session=1)
    SessionStore.create(path, Programme(name="old", area="A"), sessions=[Session(1)], content=[old]).close()
    with SessionStore(path, author="ann") as store:
        store.move_card(old.id, "elsewhere")
        assert store.card(old.id).column == "elsewhere"


def test_add_refuses_with_one_line_exit_1(sessions_dir: Path) -> None:
    assert run(sessions_dir, "new", "p", "--area", "A").exit_code == 0
    before = (sessions_dir / "p.json").read_bytes()
    result = run(sessions_dir, "add", "p", ESC_TITLE)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "ESC (U+001B), at character 2" in result.output
    assert "\x1b" not in result.output
    assert (sessions_dir / "p.json").read_bytes() == before


@pytest.fixture
def hostile(sessions_dir: Path) -> Path:
    path = sessions_dir / "hostile.json"
    cards = [Card(text=ESC_TITLE, tags=("\x1b]52;c;dGFn\x07",), session=1), Card(text="c1\x9b31m", session=1)]
    programme = Programme(name="hostile", area="Esc\x1b[2Jshire", title="T\x1b]0;TITLE\x07")
    SessionStore.create(path, programme, sessions=[Session(1, title="One")], content=cards).close()
    return path


def test_list_shows_placeholders(sessions_dir: Path, hostile: Path) -> None:
    result = run(sessions_dir, "list")
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "Esc␛[2Jshire" in result.output and "T␛]0;TITLE␇" in result.output


@pytest.mark.parametrize("fmt", ["markdown", "csv"])
def test_text_exports_to_standard_output_show_placeholders(sessions_dir: Path, hostile: Path, fmt: str) -> None:
    result = run(sessions_dir, "export", "hostile", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert not any(c in result.output for c in "\x1b\x07\x9b") and "x␛" in result.output and "PWNED" in result.output


def test_a_json_export_to_standard_output_escapes_and_keeps_the_data(sessions_dir: Path, hostile: Path) -> None:
    result = run(sessions_dir, "export", "hostile", "--format", "json")
    assert result.exit_code == 0
    assert not any(c in result.output for c in "\x1b\x07\x9b")
    texts = {c["text"] for c in orjson.loads(result.output_bytes)["tables"]["cards"].values()}
    assert texts == {ESC_TITLE, "c1\x9b31m"}


def test_a_file_export_keeps_the_text_as_it_is(sessions_dir: Path, hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes.csv"
    assert run(sessions_dir, "export", "hostile", "-o", str(out)).exit_code == 0
    assert ESC_TITLE.encode() in out.read_bytes()
    assert stat.S_IMODE(os.stat(out).st_mode) != 0  # written


def test_a_survey_answer_with_a_control_character_is_reported_at_its_cell() -> None:
    from piptui.exercises import load_library
    from piptui.survey.csv_import import SurveyImportError, parse_responses_csv

    evaluation = load_library().exercises["evaluation"]
    blob = b'sector,sessions,trust,comments\r\ncouncil,5,3,fine\r\nvcs,4,3,"x\x1b]52;c;SGk=\x07"\r\n'
    with pytest.raises(SurveyImportError) as caught:
        parse_responses_csv(blob, evaluation, max_sessions=5, source="forms.csv")
    assert "row 3, column D (comments): a control character, ESC (U+001B), at character 2" in caught.value.message

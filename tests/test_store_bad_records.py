"""A file that parses but holds a record of the wrong shape is refused at open, in one line
naming the file, the table, the record and the field; the file is left byte-identical;
``piptui list`` and the home screen's list mark it unreadable and list every other programme."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from piptui.cli import main
from piptui.errors import ProgrammeFileError
from piptui.store import SessionStore, list_programmes

Data = dict[str, Any]


def card(data: Data) -> Data:
    return data["cards"]["c1"]


BREAKS: dict[str, tuple[Callable[[Data], None], str]] = {
    "a card that is a string": (lambda d: d["cards"].update(c1="just text"), 'cards["c1"]: expected an object'),
    "text that is a number": (lambda d: card(d).update(text=42), 'cards["c1"].text: expected text, got the number 42'),
    "tags that are not a list": (lambda d: card(d).update(tags="power"), 'cards["c1"].tags: expected a list'),
    "a tag that is not text": (lambda d: card(d).update(tags=["ok", 7]), 'cards["c1"].tags[1]: expected text'),
    "an unknown sector": (lambda d: card(d).update(sector="martians"), 'cards["c1"].sector: "martians" is not one of'),
    "a missing text": (lambda d: card(d).pop("text"), 'cards["c1"].text: missing'),
    "_meta.seq not a number": (
        lambda d: d["_meta"]["piptui"].update(seq="many"),
        '_meta["piptui"].seq: expected a whole number, got the text "many"',
    ),
    "a timer of 1e308 seconds": (
        lambda d: d["sessions"]["1"]["timer"].update(duration=1e308),
        'sessions["1"].timer.duration: the number 1e+308 is out of range',
    ),
    "a session keyed by another number": (
        lambda d: d["sessions"]["1"].update(number=3),
        'sessions["1"].number: a session is keyed by its number',
    ),
    "an undo event without its changes": (
        lambda d: d["events"][next(iter(d["events"]))].update(changes="gone"),
        ".changes: expected a list",
    ),
}


@pytest.fixture
def healthy(sessions_dir: Path, programme_file: Path) -> Path:
    with SessionStore(programme_file, author="ann") as store:
        c = store.add_card("a card", tags=["power"], sector="vcs")
    data = orjson.loads(programme_file.read_bytes())
    data["cards"] = {"c1": data["cards"][c.id]}
    programme_file.write_bytes(orjson.dumps(data))
    with SessionStore(programme_file) as store:  # still a good file
        assert [x.text for x in store.cards()] == ["a card"]
    other = sessions_dir / "other.json"
    other.write_bytes(programme_file.read_bytes())
    return programme_file


@pytest.mark.parametrize("what", list(BREAKS))
def test_a_wrong_shaped_record_is_refused_at_open(healthy: Path, sessions_dir: Path, what: str) -> None:
    breaks, expected = BREAKS[what]
    data = orjson.loads(healthy.read_bytes())
    breaks(data)
    healthy.write_bytes(orjson.dumps(data))
    before = healthy.read_bytes()

    with pytest.raises(ProgrammeFileError) as caught:
        SessionStore(healthy)
    message = caught.value.message
    assert message.startswith(f"{healthy}: a record of the wrong shape: "), message
    assert expected in message and "\n" not in message

    runner = CliRunner()
    listed = runner.invoke(main, ["--sessions-dir", str(sessions_dir), "list"])
    assert listed.exit_code == 0
    lines = {line.split()[0]: line for line in listed.output.splitlines()[1:]}
    assert "cannot be opened" in lines["test"] and expected in lines["test"]
    assert "cannot be opened" not in lines["other"]
    infos = {p.name: p for p in list_programmes(sessions_dir)}  # what the home screen lists
    assert infos["test"].error is not None and infos["other"].error is None

    for args in (["add", "test", "new card"], ["export", "test"], ["export", "test", "--format", "json"]):
        result = runner.invoke(main, ["--sessions-dir", str(sessions_dir), *args])
        assert result.exit_code == 1, (args, result.output)
        assert result.output.count("\n") == 1 and expected in result.output
    assert healthy.read_bytes() == before

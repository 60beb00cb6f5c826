"""The capture line, tightened (issue 15, point 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input
from ui_support import demo_app, notifications, session_ready, type_line, type_text

from piptui.domain.capture import only_shortcuts, parse_capture
from piptui.domain.model import Sector
from piptui.store import SessionStore


@pytest.mark.parametrize(
    ("line", "text", "tags", "sector"),
    [
        ("Nobody calls back @vcs, really", "Nobody calls back, really", (), Sector.VCS),
        ("We need #support.", "We need.", ("support",), None),
        ("#support. Then more", "Then more", ("support",), None),
        ("Trust @council; money #funding!", "Trust; money!", ("funding",), Sector.COUNCIL),
        ("Mail me@home now", "Mail me@home now", (), None),
        ("Keep . this #x", "Keep . this", ("x",), None),
    ],
)
def test_shortcuts_followed_by_punctuation(line: str, text: str, tags: tuple[str, ...], sector: Sector | None) -> None:
    parsed = parse_capture(line)
    assert (parsed.text, parsed.tags, parsed.sector) == (text, tags, sector)


@pytest.mark.parametrize("line", ["!", " ! ", "#drivers @vcs", "#support.", "! #a, @vcs."])
def test_only_shortcuts(line: str) -> None:
    assert only_shortcuts(line)


@pytest.mark.parametrize("line", ["", "   ", "! Real words", "a"])
def test_not_only_shortcuts(line: str) -> None:
    assert not only_shortcuts(line)


async def test_a_lone_bang_is_refused_and_cleared_so_the_next_card_is_not_confidential(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        with SessionStore(screen.path) as store:
            before = len(store.cards())
        await type_text(pilot, "!")
        await pilot.press("enter")
        await pilot.pause()
        capture = screen.query_one("#capture", Input)
        assert capture.value == ""
        assert any("needs some text" in n and "nothing was saved" in n for n in notifications(app))
        await type_line(pilot, "An open remark")
        with SessionStore(screen.path) as store:
            cards = store.cards()
        assert len(cards) == before + 1
        assert cards[-1].text == "An open remark" and not cards[-1].confidential


def test_add_tag_places_the_card_as_the_capture_line_would(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from piptui.cli import main
    from piptui.programmes import ensure_demo

    sessions = tmp_path / "sessions"
    path = ensure_demo(sessions)
    runner = CliRunner()
    result = runner.invoke(main, ["--sessions-dir", str(sessions), "add", path.stem, "Who decides?", "--tag", "power"])
    assert result.exit_code == 0, result.output
    with SessionStore(path) as store:
        card = store.cards()[-1]
    from piptui.domain.columns import draft_card
    from piptui.exercises import load_library

    found = load_library().step(card.step or "")
    assert found is not None
    in_the_tui = draft_card("Who decides? #power", found[1].columns).column
    assert in_the_tui is not None and card.column == in_the_tui
    assert "power" not in card.tags or in_the_tui != "power"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--step", "sorting/nope"), "has no step 'sorting/nope'; its steps: "),
        (("--column", "nowhere"), "has no column 'nowhere'; its columns: "),
    ],
)
def test_add_to_a_step_or_column_the_programme_lacks_exits_1_listing_them(
    tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    from click.testing import CliRunner

    from piptui.cli import main
    from piptui.programmes import ensure_demo

    sessions = tmp_path / "sessions"
    path = ensure_demo(sessions)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["--sessions-dir", str(sessions), "add", path.stem, "x", *args])
    assert result.exit_code == 1
    assert said in result.output
    assert "sorting/sort" in result.output or "drivers" in result.output
    assert path.read_bytes() == before


async def test_a_tag_matching_no_column_saves_in_unsorted_and_names_the_nearest(sessions_dir: Path) -> None:
    app = demo_app(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await type_line(pilot, "Who holds the purse strings #powr")
        with SessionStore(screen.path) as store:
            card = store.cards()[-1]
        assert card.text == "Who holds the purse strings" and card.column is None
        said = [n for n in notifications(app) if n.startswith("Saved in Unsorted")]
        assert said and "#powr" in said[-1] and "Power" in said[-1].split("nearest:")[1]

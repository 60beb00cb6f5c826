"""`piptui demo` leads the room under a name: the one given with --as, else the one this terminal
remembers (home asks "who you are"), else the demo's lead facilitator; so every other terminal
says who leads, never "someone leads the room"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ui_support import session_ready, type_line

from piptui.cli import main
from piptui.programmes import DEMO_LEAD
from piptui.store import SessionStore
from piptui.store.room_ops import live_lead
from piptui.store.whoami import remember_name
from piptui.ui.app import PiptuiApp


def demo_from_the_command(sessions_dir: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> PiptuiApp:
    """The app `piptui demo ARGS` would run."""
    import piptui.cli

    apps: list[PiptuiApp] = []
    monkeypatch.setattr(piptui.cli, "run_app", apps.append)
    result = CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), "demo", *args])
    assert result.exit_code == 0, result.output
    return apps[0]


async def lead_and_card_author(app: PiptuiApp, text: str) -> tuple[str | None, str | None]:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await session_ready(pilot)
        await type_line(pilot, text)
        for _ in range(200):
            if screen.leading:
                break
            await pilot.pause(0.02)
        assert "you lead the room" in screen.sub_title
        with SessionStore(screen.path) as other:  # what another terminal reads
            lead = live_lead(other.programme())
            card = next(c for c in other.cards() if c.text == text)
        return (lead.person if lead else None), card.author


@pytest.mark.parametrize(
    ("remembered", "args", "expected"),
    [
        ("Ann Lee", (), "Ann Lee"),
        (None, (), DEMO_LEAD),
        ("Ann Lee", ("--as", "Bea"), "Bea"),
        ("Evil\x1b]0;X\x07 [red]N[/]", (), DEMO_LEAD),  # a hand-edited file: its ESC would refuse every card
    ],
)
async def test_the_demo_leads_under_a_name(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch, remembered: str | None, args: Any, expected: str
) -> None:
    if remembered:
        remember_name(remembered)
    app = demo_from_the_command(sessions_dir, monkeypatch, *args)
    assert await lead_and_card_author(app, "we need a shared calendar") == (expected, expected)


@pytest.mark.parametrize("command", [["demo"], ["open", "darlington-demo"]])
@pytest.mark.parametrize(
    ("name", "says"),
    [("Sue\x1b]0;X\x07", "Your name (--as) has a control character, ESC (U+001B)"), ("  ", "cannot be empty")],
)
def test_a_name_that_would_refuse_every_card_is_refused_at_once(
    sessions_dir: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], name: str, says: str
) -> None:
    import piptui.cli
    from piptui.programmes import ensure_demo

    ensure_demo(sessions_dir)
    apps: list[PiptuiApp] = []
    monkeypatch.setattr(piptui.cli, "run_app", apps.append)
    result = CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *command, "--as", name])
    assert result.exit_code == 1 and apps == []
    assert result.output.startswith("piptui: ") and says in result.output and len(result.output.splitlines()) == 1

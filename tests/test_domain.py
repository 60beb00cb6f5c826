"""The pure core: capture parsing, timer, agenda, and that it stays pure."""

from __future__ import annotations

import subprocess
import sys

import pytest

from piptui.domain.agenda import sessions_from_script
from piptui.domain.capture import parse_capture
from piptui.domain.exercise import Column, Exercise, ExerciseKind, ProgrammeScript, ScriptSession, Step
from piptui.domain.model import Card, Sector, Timer
from piptui.domain.timer import add_minutes, format_clock, pause, remaining, start


def test_domain_imports_neither_textual_nor_tinydb() -> None:
    code = (
        "import sys, piptui.domain, piptui.domain.capture, piptui.domain.agenda, piptui.domain.timer\n"
        "import pkgutil, importlib\n"
        "for m in pkgutil.iter_modules(piptui.domain.__path__):\n"
        "    importlib.import_module('piptui.domain.' + m.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_only_the_store_imports_tinydb() -> None:
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "piptui"
    imports = re.compile(r"^\s*(import|from)\s+tinydb\b", re.MULTILINE)
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if imports.search(p.read_text(encoding="utf-8")) and p.parent.name != "store"
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("line", "text", "tags", "sector", "voiced", "secret"),
    [
        ("Lack of resources #Resources @vcs", "Lack of resources", ("resources",), Sector.VCS, None, False),
        ("!Board feels decided already @vcs", "Board feels decided already", (), Sector.VCS, None, True),
        (
            "They only want us for consultation >vcs @council #perspective",
            "They only want us for consultation",
            ("perspective",),
            Sector.COUNCIL,
            Sector.VCS,
            False,
        ),
        ("Email jean@cvs.org.uk about it", "Email jean@cvs.org.uk about it", (), None, None, False),
        ("Talk to @jean first", "Talk to @jean first", (), None, None, False),
        ("#a #A #b text", "text", ("a", "b"), None, None, False),
        ("[red]alarm[/] #x", "[red]alarm[/]", ("x",), None, None, False),
        ("3 > 2 is true", "3 > 2 is true", (), None, None, False),
    ],
)
def test_parse_capture(
    line: str, text: str, tags: tuple[str, ...], sector: Sector | None, voiced: Sector | None, secret: bool
) -> None:
    c = parse_capture(line)
    assert (c.text, c.tags, c.sector, c.voiced_as, c.confidential) == (text, tags, sector, voiced, secret)


def test_timer_counts_down_then_shows_overrun() -> None:
    t = start(Timer(duration=60.0), now=1000.0)
    assert remaining(t, 1030.0) == 30.0
    paused = pause(t, 1030.0)
    assert remaining(paused, 5000.0) == 30.0  # paused: time stands still
    resumed = start(paused, 5000.0)
    assert remaining(resumed, 5100.0) == -70.0
    assert format_clock(remaining(resumed, 5100.0)) == "+01:10"
    assert format_clock(30.0) == "00:30"
    assert remaining(add_minutes(paused, 2), 0) == 150.0


def test_sessions_from_script_start_at_first_step() -> None:
    sort = Step(id="sort", title="Sort", timebox=20, columns=(Column("drivers", "Drivers"),))
    ex = Exercise(id="sorting", title="Sorting", kind=ExerciseKind.SORTING, steps=(sort,))
    script = ProgrammeScript(
        id="p", title="P", sessions=(ScriptSession(1, "One", ("sorting",)), ScriptSession(2, "Two", ("missing",)))
    )
    s1, s2 = sessions_from_script(script, {"sorting": ex})
    assert s1.current_step == "sorting/sort" and s1.timer.duration == 1200.0
    assert s2.current_step is None and s2.exercises == ("missing",)


def test_entities_are_frozen() -> None:
    card = Card(text="x")
    with pytest.raises(AttributeError):
        card.text = "y"  # type: ignore[misc]
    assert card.id.isdigit() and int(card.id) < 2**128 and card.id != Card(text="x").id

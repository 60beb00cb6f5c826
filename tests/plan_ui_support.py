"""A small programme for the plan screens' Pilot tests, and helpers to drive them."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList
from ui_support import patience

from piptui.domain.model import Card, Participant, Programme, Sector, Session
from piptui.store import SessionStore
from piptui.ui.app import PiptuiApp, create_app

S = TypeVar("S", bound=Screen[Any])
SORT = "sorting/sort"
TEXTS = [
    ("drivers", "Pooling budgets gets more out of the money", ("resources",)),
    ("drivers", "Volunteers add resources no budget could buy", ("resources",)),
    ("barriers-people", "Low awareness of what the sector delivers", ("awareness",)),
    ("barriers-people", "Low awareness of how the council works", ("awareness",)),
    ("barriers-power", "[red]Mistrust[/] since the grant cuts", ("trust",)),
    ("barriers-power", "We are guests, not partners", ("trust",)),
]
PEOPLE = [("Cllr Ann Bell", Sector.COUNCIL), ("Bob Reeve", Sector.COUNCIL), ("Vera Pye", Sector.VCS)]


def make_programme(folder: Path, *, author: str = "ann") -> Path:
    """Sessions 1-5 (session n on 2008-0n-17), three people, six session-3 cards in three columns."""
    path = folder / "plan-test.json"
    sessions = [Session(n, title=f"Session {n}", date=f"2008-0{n}-17") for n in range(1, 6)]
    people = [Participant(name, sector=sector, id=f"person-{n}") for n, (name, sector) in enumerate(PEOPLE)]
    cards = [
        Card(
            text,
            id=f"card-{n}",
            tags=tags,
            session=3,
            step=SORT,
            column=column,
            author=author,
            created=f"2008-04-17T10:{n:02d}:00.000Z",
        )
        for n, (column, text, tags) in enumerate(TEXTS)
    ]
    SessionStore.create(
        path,
        Programme(name="plan-test", area="Testshire", current_session=3),
        sessions=sessions,
        participants=people,
        content=cards,
    ).close()
    return path


def app_for(folder: Path) -> PiptuiApp:
    return create_app(sessions_dir=folder, author="ann")


async def push(pilot: Pilot[Any], screen: S) -> S:
    pilot.app.push_screen(screen)
    for _ in patience():
        await pilot.pause()
        if pilot.app.screen is screen and screen.is_mounted:
            break
    await pilot.pause()
    return screen


async def type_into(pilot: Pilot[Any], selector: str, text: str, *, submit: bool = True) -> None:
    """Put text in an input of the top screen (as typed), then press Enter."""
    field = pilot.app.screen.query_one(selector, Input)
    field.value = text
    field.cursor_position = len(text)
    if submit:
        field.focus()
        await pilot.press("enter")
    await pilot.pause()


def prompts(widget: OptionList) -> list[str]:
    return [str(o.prompt) for o in widget.options]


def notes(app: PiptuiApp) -> list[str]:
    return [n.message for n in app._notifications]


def store_of(path: Path) -> SessionStore:
    return SessionStore(path)

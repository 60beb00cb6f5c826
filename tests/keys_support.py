"""Drive every screen of piptui with keys and check that nothing crashes and no card is lost.

Each screen is reached from a fresh copy of the demo programme by pressing keys (``REACH``).
:func:`press_every_key` presses one key at a time on the screen, then goes back to it (Esc,
else by closing what the key opened, else by starting the app again) before the next key.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from ui_support import demo_app, patience

from piptui.store import SessionStore
from piptui.ui.app import PiptuiApp

# The keys every screen gets, on top of the ones it declares.
STANDARD_KEYS: tuple[str, ...] = (
    "up", "down", "left", "right", "home", "end", "pageup", "pagedown",
    "tab", "shift+tab", "enter", "escape", "space", "backspace", "delete",
    *(f"f{n}" for n in range(1, 13)),
    "ctrl+c",
)  # fmt: skip

# What a key may do that ends the test's run of the app: these are tested on their own.
QUIT_ACTIONS = frozenset({"quit", "app.quit"})


@dataclass(frozen=True)
class Reach:
    """How to get to a screen: the app's mode, the keys to press, the class that should show."""

    mode: str
    keys: tuple[str, ...]
    screen: str
    author: str | None = "ann"


REACH: dict[str, Reach] = {
    # full screens
    "home": Reach("home", (), "HomeScreen"),
    "session": Reach("session", (), "SessionScreen"),
    "session-board": Reach("session", ("tab",), "SessionScreen"),
    "notes": Reach("notes", (), "NotesScreen"),
    "wall": Reach("wall", (), "WallScreen"),
    "clusters": Reach("session", ("ctrl+l",), "ClustersScreen"),
    "votes": Reach("session", ("ctrl+l", "v"), "VotesScreen"),
    "suggestions": Reach("session", ("ctrl+l", "s"), "SuggestionsScreen"),
    "plan": Reach("session", ("ctrl+n",), "PlanScreen"),
    "review": Reach("session", ("ctrl+t",), "ReviewScreen"),
    "survey": Reach("session", ("ctrl+s",), "SurveyScreen"),
    "report": Reach("session", ("ctrl+s", "ctrl+r"), "ReportScreen"),
    "help": Reach("session", ("f1",), "HelpScreen"),
    "participants": Reach("session", ("f10",), "ParticipantsScreen"),
    "profile": Reach("session", ("ctrl+d",), "ProfileScreen"),
    "plan-profile": Reach("session", ("ctrl+n", "ctrl+d"), "ProfileScreen"),
    # dialogs
    "export": Reach("session", ("ctrl+o",), "ExportDialog"),
    "edit-card": Reach("session", ("tab", "f2"), "EditCardDialog"),
    "move-card": Reach("session", ("f3",), "PickDialog"),
    "delete-card": Reach("session", ("tab", "d"), "ConfirmDialog"),
    "pick-session": Reach("session", ("ctrl+r",), "PickDialog"),
    "command-palette": Reach("session", ("ctrl+p",), "CommandPalette"),
    "new-programme": Reach("home", ("n",), "NewProgrammeDialog"),
    "group": Reach("session", ("ctrl+l", "space", "g"), "GroupDialog"),
    "rename-cluster": Reach("session", ("ctrl+l", "tab", "r"), "TextDialog"),
    "edit-suggestion": Reach("session", ("ctrl+l", "s", "e"), "SuggestionEditDialog"),
    "vote-count": Reach("session", ("ctrl+l", "v", "t"), "TextDialog"),
    "objective": Reach("session", ("ctrl+n", "e"), "ObjectiveDialog"),
    "new-objective": Reach("session", ("ctrl+n", "n"), "TextDialog"),
    "action": Reach("session", ("ctrl+n", "a"), "ActionDialog"),
    "promote": Reach("session", ("ctrl+n", "p"), "MultiPickDialog"),
    "cards-of-objective": Reach("session", ("ctrl+n", "c"), "CardsDialog"),
    "review-action": Reach("session", ("ctrl+t", "e"), "ReviewDialog"),
    "person": Reach("session", ("f10", "a"), "PersonDialog"),
    "session-details": Reach("session", ("f12",), "SessionDetailsDialog"),
    "who-are-you": Reach("home", ("enter", "enter"), "NameDialog", author=None),
    "programme-text": Reach("session", ("ctrl+n", "t"), "ProgrammeTextDialog"),
    "programme-text-home": Reach("home", ("t",), "ProgrammeTextDialog"),
}

START_SCREENS = {"home": "HomeScreen", "session": "SessionScreen", "notes": "NotesScreen", "wall": "WallScreen"}

FULL_SCREENS = tuple(name for name, r in REACH.items() if not r.screen.endswith(("Dialog", "Palette")))


def fresh_programme(template: Path, sessions_dir: Path) -> Path:
    """A copy of the demo programme (built once per test session) in ``sessions_dir``."""
    sessions_dir.mkdir(parents=True, exist_ok=True)
    path = sessions_dir / template.name
    shutil.copyfile(template, path)
    return path


@dataclass
class CardCount:
    """The cards of a programme file, and which ones the person legitimately removed since."""

    path: Path
    before: set[str] = field(default_factory=set)
    seq: int = 0

    def start(self) -> None:
        cards, _events, seq = self._read()
        self.before, self.seq = set(cards), seq

    def _read(self) -> tuple[dict[str, Any], dict[str, Any], int]:
        with SessionStore(self.path) as store:
            raw = store.raw()
        meta = raw.get("_meta", {}).get("_meta", {}) or next(iter(raw.get("_meta", {}).values()), {})
        return dict(raw.get("cards", {})), dict(raw.get("events", {})), int(meta.get("seq", 0) or 0)

    def lost(self) -> set[str]:
        """Cards there at the start, gone now, and not deleted (or un-added) by a key since."""
        cards, events, _seq = self._read()
        removed: set[str] = set()
        for event in events.values():
            for table, doc_id, before, after in event.get("changes", []):
                if table != "cards":
                    continue
                deleted = event.get("seq", 0) > self.seq and after is None and event.get("undone") is None
                unadded = (event.get("undone") or 0) > self.seq and before is None
                if deleted or unadded:
                    removed.add(doc_id)
        return self.before - set(cards) - removed


def declared_keys(app: PiptuiApp) -> list[str]:
    """Every key bound where the focus is now (app, screen, focused widget and its parents),
    and every key of the screen's help sections."""
    keys: list[str] = list(app.active_bindings)
    provider = getattr(app.screen, "help_sections", None)
    tables = provider() if callable(provider) else [("", app.screen.BINDINGS)]
    for _title, table in tables:
        for item in table:
            binding = item if isinstance(item, Binding) else Binding(*item)
            keys.extend(k.strip() for k in binding.key.split(","))
    return keys


def quit_keys(app: PiptuiApp) -> set[str]:
    return {key for key, active in app.active_bindings.items() if active.binding.action in QUIT_ACTIONS}


def keys_for(app: PiptuiApp) -> list[str]:
    """The keys to press on the screen now showing: declared ones and the standard ones, once each."""
    skip = quit_keys(app)
    out: list[str] = []
    for key in (*declared_keys(app), *STANDARD_KEYS):
        if key not in skip and key not in out:
            out.append(key)
    return out


class Driver:
    """One screen of one programme, pressed at with keys."""

    def __init__(self, name: str, sessions_dir: Path, path: Path) -> None:
        self.name = name
        self.reach = REACH[name]
        self.sessions_dir = sessions_dir
        self.path = path
        self.pressed: list[str] = []
        self.restarts = 0
        self.timings: list[tuple[str, float]] = []
        self.start_focus: Widget | None = None

    def app(self) -> PiptuiApp:
        return demo_app(self.sessions_dir, mode=self.reach.mode, author=self.reach.author)

    async def arrive(self, pilot: Pilot[Any]) -> tuple[Screen[Any], Widget | None]:
        """Press the keys that lead to the screen; the screen and its focused widget."""
        app = pilot.app
        await self._settle(pilot)
        if self.start_focus is not None and self.start_focus.is_attached:
            self.start_focus.focus()  # where a person starts from: the capture line, the list
            await pilot.pause()
        else:
            self.start_focus = app.focused
        for key in self.reach.keys:
            await pilot.press(key)
            await self._settle(pilot)
        for _ in patience():
            if type(app.screen).__name__ == self.reach.screen:
                await pilot.pause()
                return app.screen, app.focused
            await pilot.pause(0.02)
        stack = [type(s).__name__ for s in app.screen_stack]
        raise AssertionError(f"{self.name}: keys {self.reach.keys} did not reach {self.reach.screen} ({stack})")

    async def _settle(self, pilot: Pilot[Any]) -> None:
        """Wait for a screen that loads its library (the session screen) or reads the folder
        (home: its first Enter must find the programme listed, as a person's does) to be ready."""
        for _ in patience():
            screen = pilot.app.screen
            library_ready = getattr(screen, "library", True) is not None or not hasattr(screen, "library")
            if library_ready and getattr(screen, "programmes", True) != []:
                return
            await pilot.pause(0.02)

    async def again(self, pilot: Pilot[Any]) -> tuple[Screen[Any], Widget | None] | None:
        """The screen is gone (a key closed or replaced it): close what is on top of the screen
        the keys start from and press them again; None if that screen is gone too."""
        app = pilot.app
        if not self.reach.keys:
            return None
        start = app.screen_stack[0]
        if type(start).__name__ != START_SCREENS[self.reach.mode]:
            return None
        while app.screen is not start:
            top = app.screen
            if isinstance(top, ModalScreen):
                top.dismiss(None)
            else:
                app.pop_screen()
            await pilot.pause()
        return await self.arrive(pilot)

    def check(self, app: PiptuiApp, key: str) -> None:
        self.pressed.append(key)
        if not app.is_running or app.return_code is not None:
            raise AssertionError(f"{self.name}: the app stopped after {self.pressed[-8:]}")

    async def back_to(self, pilot: Pilot[Any], target: Screen[Any], focus: Widget | None) -> bool:
        """Return to ``target`` (Esc, then closing what is on top); False if it is gone."""
        app = pilot.app
        for _ in range(4):
            if app.screen is target or target not in app.screen_stack:
                break
            await pilot.press("escape")
            self.check(app, "escape")
        while app.screen is not target and target in app.screen_stack:
            top = app.screen
            if isinstance(top, ModalScreen):
                top.dismiss(None)
            else:
                app.pop_screen()
            await pilot.pause()
        if target not in app.screen_stack:
            return False
        if focus is not None and focus.is_attached and app.focused is not focus:
            focus.focus()
            await pilot.pause()
        return True


async def press_every_key(driver: Driver) -> list[str]:
    """Press each key of the screen once (from the screen, every time); the keys pressed."""
    done: list[str] = []
    todo: list[str] | None = None
    while todo is None or len(done) < len(todo):
        driver.restarts += 1
        assert driver.restarts < 40, f"{driver.name}: too many restarts"
        app = driver.app()
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            target, focus = await driver.arrive(pilot)
            if todo is None:
                todo = keys_for(app)
            for key in todo[len(done) :]:
                started = time.monotonic()
                await pilot.press(key)
                driver.check(app, key)
                done.append(key)
                back = await driver.back_to(pilot, target, focus)
                if not back:
                    back = await driver.again(pilot)
                    if back is not None:
                        target, focus = back
                driver.timings.append((key, time.monotonic() - started))
                if back is False or back is None:
                    break
    assert todo is not None
    return todo


async def press_random_keys(driver: Driver, keys: Sequence[str], count: int, rng: Any) -> int:
    """Press ``count`` keys drawn from ``keys`` with ``rng``, wherever they lead; keys pressed."""
    pressed = 0
    while pressed < count:
        driver.restarts += 1
        assert driver.restarts < 40, f"{driver.name}: too many restarts"
        app = driver.app()
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await driver.arrive(pilot)
            while pressed < count:
                batch = [rng.choice(keys) for _ in range(min(10, count - pressed))]
                await pilot.press(*batch)
                for key in batch:
                    driver.check(app, key)
                pressed += len(batch)
                if len(app.screen_stack) > 6:  # wandered deep: start again from the screen
                    break
    return pressed


def key_pool(extra: Iterable[str]) -> list[str]:
    """Keys for the random walk: the standard ones, the screens' letters, some typing.

    No quitting key (Ctrl+Q; q quits on the home and wall screens): those are tested on their own."""
    pool = [*STANDARD_KEYS, *"abcdeghjklmnprstuvwxyz019", "K", "J", "R", "question_mark", "slash", "exclamation_mark",
            "number_sign", "at", "plus", "minus", "left_square_bracket", "right_square_bracket", "ctrl+z", "ctrl+y",
            "ctrl+s", "ctrl+e", "ctrl+d", "ctrl+end", "shift+up", "shift+down"]  # fmt: skip
    for key in extra:
        if key not in pool:
            pool.append(key)
    return pool

"""The one app factory, used by the CLI and by the tests."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual.app import App, SystemCommand
from textual.screen import Screen

from piptui.store.locations import resolve_sessions_dir
from piptui.ui.bindings import APP_BINDINGS

if TYPE_CHECKING:
    from piptui.exercises import Library

Mode = Literal["home", "session", "notes", "wall"]

# Screens written by other helpers, opened by mode when their module is there.
MODE_SCREENS: dict[str, str] = {"notes": "piptui.ui.screens.notes", "wall": "piptui.ui.screens.wall"}


class PiptuiApp(App[None]):
    """piptui. Screens own their state; this class only wires them up."""

    CSS_PATH = "piptui.tcss"
    TITLE = "piptui"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = APP_BINDINGS

    def __init__(
        self,
        *,
        sessions_dir: Path,
        exercise_dirs: Sequence[Path] = (),
        programme: Path | None = None,
        session: int | None = None,
        author: str | None = None,
        mode: Mode = "home",
    ) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        self.exercise_dirs = list(exercise_dirs)
        self.programme_path = programme
        self.session_number = session
        self.author = author
        self.mode: Mode = mode if programme is not None else "home"
        self._library: Library | None = None
        self._library_lock = threading.Lock()
        self._cannot_open: str | None = None
        self._library_errors_said = False

    # -- the exercise library: loaded once per app ------------------------------
    def library(self) -> Library:
        """The exercise library (bundled + the user's folders). Thread-safe; loads once."""
        with self._library_lock:
            if self._library is None:
                from piptui.exercises import load_library

                self._library = load_library(self.exercise_dirs)
            return self._library

    def say_library_errors(self, library: Library) -> None:
        """Say, once per app, which exercise scripts did not load: they are left out of the
        agendas, and a facilitator should not find that out in front of the room."""
        if self._library_errors_said or not library.errors:
            return
        self._library_errors_said = True
        errors = library.errors
        shown = "\n".join(errors[:3]) + (f"\n… and {len(errors) - 3} more" if len(errors) > 3 else "")
        self.notify(
            f"{shown}\nThese are left out. Check them with: piptui exercises check FILE",
            title="Exercise scripts that did not load",
            severity="warning",
            markup=False,
            timeout=60,
        )

    async def library_async(self) -> Library:
        """The library without blocking the UI (loads in a thread the first time)."""
        if self._library is not None:
            return self._library
        worker = self.run_worker(self.library, thread=True, group="library", exit_on_error=False)
        return await worker.wait()

    # -- screens ------------------------------------------------------------
    def get_default_screen(self) -> Screen[None]:
        """The first screen is the bottom of the stack (no empty default screen under it: one
        screen fewer to compose, lay out and draw before the first frame)."""
        from piptui.errors import PiptuiError

        screen: Screen[None]
        try:
            screen = self.first_screen()
        except PiptuiError as exc:  # e.g. a session the programme does not have
            from piptui.ui.screens.home import HomeScreen

            self._cannot_open = exc.message
            screen = HomeScreen(self.sessions_dir)
        # Textual 8.2 gives the default screen no result callback, so switch_screen away from it
        # fails (IndexError); give it the empty one push_screen gives every pushed screen.
        # (textual is pinned; tests/test_ui_home.py switches away from a first screen.)
        screen._push_result_callback(self, None)
        return screen

    def on_mount(self) -> None:
        if self._cannot_open:
            self.notify(self._cannot_open, title="Cannot open", severity="error", markup=False, timeout=30)

    def first_screen(self) -> Screen[None]:
        if self.programme_path is None or self.mode == "home":
            from piptui.ui.screens.home import HomeScreen  # only then: a session's first frame is sooner

            return HomeScreen(self.sessions_dir)
        if self.mode in MODE_SCREENS:
            screen = self.mode_screen(self.mode)
            if screen is not None:
                return screen
        return self.session_screen(self.programme_path, self.session_number)

    def mode_screen(self, mode: str) -> Screen[None] | None:
        try:
            module = importlib.import_module(MODE_SCREENS[mode])
        except ImportError:
            return None
        from piptui.ui.screens.session_actions import plugin_screen

        screen_class = plugin_screen(module.__name__)
        if screen_class is None:
            return None
        screen: Screen[None] = screen_class(self.programme_path, session=self.session_number, author=self.author)
        return screen

    def session_screen(self, path: Path, session: int | None) -> Screen[None]:
        from piptui.ui.screens.session import SessionScreen

        return SessionScreen(path, session=session, author=self.author)

    def action_home(self) -> None:
        from piptui.ui.screens.home import HomeScreen

        self.switch_screen(HomeScreen(self.sessions_dir))

    def action_pick_session(self, path: Path) -> None:
        self._pick_session(Path(path))

    def _pick_session(self, path: Path) -> None:
        from piptui.errors import PiptuiError
        from piptui.store import SessionStore
        from piptui.ui.screens.dialogs import PickDialog

        try:
            with SessionStore(path) as store:
                sessions = store.sessions()
                current = store.programme().current_session
        except PiptuiError as exc:
            self.notify(exc.message, title="Cannot open", severity="error", markup=False)
            return
        if not sessions:
            self.notify("This programme has no sessions", severity="error")
            return
        library = self._library
        choices: list[tuple[str, int]] = []
        for s in sessions:
            agenda = ""
            if library is not None:
                titles = [library.exercises[e].title for e in s.exercises if e in library.exercises]
                agenda = ": " + ", ".join(titles) if titles else ""
            when = f" ({s.date})" if s.date else ""
            choices.append((f"Session {s.number}{when} · {s.title}{agenda}", s.number))

        def chosen(number: int | None) -> None:
            if number is None:
                return
            if self.author is None:
                self._ask_name(path, lambda: opened(number))
                return
            opened(number)

        def opened(number: int) -> None:
            try:
                if number != current:
                    with SessionStore(path, author=self.author) as store:
                        store.set_current_session(number)
                screen = self.session_screen(path, number)
            except PiptuiError as exc:
                self.notify(exc.message, title="Cannot open", severity="error", markup=False)
                return
            self.switch_screen(screen)

        self.push_screen(PickDialog("Open which session?", choices, current), chosen)

    def _ask_name(self, path: Path, then: Callable[[], None]) -> None:
        """Ask who is at this terminal (the name given last time filled in), then carry on."""
        from piptui.errors import PiptuiError
        from piptui.store.whoami import remember_name, remembered_name
        from piptui.ui.screens.people_dialogs import NameDialog

        def named(name: object) -> None:
            if not isinstance(name, str):
                return
            self.author = name
            try:
                remember_name(name)
            except PiptuiError as exc:
                self.notify(exc.message, severity="warning", markup=False)
            then()

        self.push_screen(NameDialog(remembered_name(), path.stem), named)

    def action_help(self) -> None:
        from piptui.ui.screens.help import HelpScreen, help_intro, help_sections

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(help_sections(self.screen), help_intro(self.screen)))

    # -- the command palette: every binding of the screen, from the same tables ----
    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from piptui.ui.screens.help import bindings_of, help_sections

        seen: set[str] = set()
        for title, table in help_sections(screen):
            for binding in bindings_of(table):
                if binding.action in seen or binding.action.startswith(("board_cursor", "cursor_")):
                    continue
                seen.add(binding.action)
                keys = self.get_key_display(binding)
                yield SystemCommand(
                    f"{binding.description} ({keys})",
                    binding.tooltip or title,
                    partial(self.run_action, binding.action, screen),
                )
        yield from super().get_system_commands(screen)


def create_app(
    *,
    sessions_dir: Path | None = None,
    exercise_dirs: Sequence[Path] = (),
    programme: Path | None = None,
    session: int | None = None,
    author: str | None = None,
    mode: Mode = "home",
) -> PiptuiApp:
    """Build the app. ``programme`` opens straight into it in ``mode``; else the home screen."""
    if sessions_dir is None:
        sessions_dir = resolve_sessions_dir(None)[0]
    return PiptuiApp(
        sessions_dir=sessions_dir,
        exercise_dirs=exercise_dirs,
        programme=programme,
        session=session,
        author=author,
        mode=mode,
    )

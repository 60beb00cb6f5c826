"""The one app factory, used by the CLI and by the tests."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from piptui.store.locations import resolve_sessions_dir
from piptui.ui._textual_compat import give_result_callback, style_first_screen_once
from piptui.ui.bindings import APP_BINDINGS

if TYPE_CHECKING:
    from textual.driver import Driver

    from piptui.exercises import Library
    from piptui.ui.live import LiveProgramme

Mode = Literal["home", "session", "notes", "wall"]


class PiptuiApp(App[None]):
    """piptui. It owns the open programme (:attr:`live`: one store, one watcher, one snapshot
    at a time, see :mod:`piptui.ui.live`) and the exercise library; screens read both."""

    CSS_PATH = "piptui.tcss"
    TITLE = "piptui"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = APP_BINDINGS

    def _handle_exception(self, error: Exception) -> None:
        """A crash: the traceback (no local variables, so no card text) goes to a private file
        and the screen gets one line naming it (piptui/ui/_textual_compat.py)."""
        from piptui.ui._textual_compat import handle_exception_privately

        handle_exception_privately(self, error)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, but in a terminal on Linux or macOS one whose input thread sleeps while
        nobody types (:class:`~piptui.ui._textual_compat.QuietLinuxDriver`: idle, Textual's wakes
        ten times a second). A driver named in ``TEXTUAL_DRIVER`` (textual-serve's) is left alone."""
        from textual import constants

        if constants.DRIVER is not None or sys.platform == "win32":
            return super().get_driver_class()
        from piptui.ui._textual_compat import QuietLinuxDriver

        return QuietLinuxDriver

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
        from piptui.ui._textual_compat import keep_pastes_whole

        keep_pastes_whole()  # a pasted ESC arrives in the paste, never as key presses
        self.sessions_dir = sessions_dir
        self.exercise_dirs = list(exercise_dirs)
        self.programme_path = programme
        self.session_number = session
        self.mode: Mode = mode if programme is not None else "home"
        from piptui.ui.css_cache import CssCache

        self._css_cache = CssCache(self.stylesheet, self.theme_variables, self.mode)
        self._css_cache.load()  # the stylesheet as the last launch parsed it (saved after the first frame)
        self.author = author if self.mode != "wall" else None  # the wall never writes, so is nobody's
        self._library: Library | None = None
        self._library_lock = threading.Lock()
        self._cannot_open: str | None = None
        self._library_errors_said = False
        self.live: LiveProgramme | None = None
        self.keymap: dict[str, str] = {}  # binding id -> keys, from the user's keymap file

    # -- the open programme: one per app --------------------------------------------
    def live_for(self, path: Path, *, author: str | None = None) -> LiveProgramme:
        """The live programme of ``path``: the open one, or (another programme, or another
        person's undo) a new one that replaces it. Raises PiptuiError for a bad file."""
        from piptui.ui.live import LiveProgramme

        author = author if author is not None else self.author
        live = self.live
        if live is not None and live.path.resolve() == Path(path).resolve() and live.author == author:
            return live
        new = LiveProgramme(self, Path(path), author=author)
        if live is not None:
            live.close()
        self.live = new
        return new

    async def action_quit(self) -> None:
        """Ctrl+Q, q on the home screen, SIGINT: quit, asking first if typed text would be lost."""
        from piptui.ui.quitting import quit_asking

        quit_asking(self)

    def on_unmount(self) -> None:
        from piptui.ui import quitting

        quitting.uninstall(self)
        if self.live is not None:
            self.live.close()
        self._css_cache.save(self.theme_variables)  # if the app ended before its first frame's callback

    # -- the exercise library: loaded once per app ------------------------------
    @property
    def loaded_library(self) -> Library | None:
        """The library if it has loaded (else None: it is loading, or failed)."""
        return self._library

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
        return await self._load_library().wait()

    @work(thread=True, group="library", exit_on_error=False)
    def _load_library(self) -> Library:
        return self.library()

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
        give_result_callback(screen, self)
        style_first_screen_once(screen)  # its widgets are styled as they mount: not twice
        return screen

    def on_mount(self) -> None:
        from piptui.errors import PiptuiError
        from piptui.ui.keymap import load_keymap

        try:
            self.keymap = load_keymap()
        except PiptuiError as exc:
            self.notify(exc.message, title="Keymap", severity="warning", markup=False, timeout=20)
        if self.keymap:
            self.set_keymap(self.keymap)
        from piptui.ui import quitting

        quitting.install(self)  # asks before losing typed text; SIGTERM/SIGHUP keep it as a draft
        self.call_after_refresh(self._after_first_frame)
        if self._cannot_open:
            self.notify(self._cannot_open, title="Cannot open", severity="error", markup=False, timeout=30)

    def _after_first_frame(self) -> None:
        from piptui import dataclass_code

        collect_from_now()
        self._css_cache.save(self.theme_variables)  # only if this launch parsed CSS the cache lacked
        dataclass_code.save()  # only if this launch compiled a record's code the cache lacked

    def first_screen(self) -> Screen[None]:
        if self.programme_path is None or self.mode == "home":
            from piptui.ui.screens.home import HomeScreen  # only then: a session's first frame is sooner

            return HomeScreen(self.sessions_dir)
        if self.mode == "notes":
            from piptui.ui.screens.notes import NotesScreen

            return NotesScreen(self.programme_path, session=self.session_number, author=self.author)
        if self.mode == "wall":
            from piptui.ui.screens.wall import WallScreen

            return WallScreen(self.programme_path, session=self.session_number)
        return self.session_screen(self.programme_path, self.session_number)

    def session_screen(self, path: Path, session: int | None) -> Screen[None]:
        from piptui.ui.screens.session import SessionScreen

        return SessionScreen(path, session=session, author=self.author)

    def action_home(self) -> None:
        from piptui.ui import quitting
        from piptui.ui.screens.home import HomeScreen

        quitting.keep_drafts(self)  # a half-typed line comes back in the next session screen
        self.switch_screen(HomeScreen(self.sessions_dir))

    def action_pick_session(self, path: Path) -> None:
        self._pick_session(Path(path))

    @work(exclusive=True, group="pick-session")
    async def _pick_session(self, path: Path) -> None:
        from piptui.errors import PiptuiError
        from piptui.ui.screens.dialogs import PickDialog

        try:
            live = self.live_for(path)
            live.check()  # re-read if the file changed since the last look
            snapshot = live.snapshot
            sessions = list(snapshot.sessions)
            current = snapshot.programme.current_session
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

        number = await self.push_screen_wait(PickDialog("Open which session?", choices, current))
        if number is None:
            return
        if self.author is None and not await self._ask_name(path):
            return
        try:
            # The room moves only if this terminal leads it, or nobody does (the session screen
            # takes the lead as it opens, see piptui.ui.lead); else the screen browses.
            screen = self.session_screen(path, number)
        except PiptuiError as exc:
            self.notify(exc.message, title="Cannot open", severity="error", markup=False)
            return
        from piptui.ui import quitting

        quitting.keep_drafts(self)  # a half-typed line comes back in the next session's capture line
        await self.switch_screen(screen)

    async def _ask_name(self, path: Path) -> bool:
        """Ask who is at this terminal (the name given last time filled in); False if not said."""
        from piptui.errors import PiptuiError
        from piptui.store.whoami import remember_name, remembered_name
        from piptui.ui.screens.people_dialogs import NameDialog

        name = await self.push_screen_wait(NameDialog(remembered_name(), path.stem))
        if not isinstance(name, str):
            return False
        self.author = name
        try:
            remember_name(name)
        except PiptuiError as exc:
            self.notify(exc.message, severity="warning", markup=False)
        return True

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


def piptui_app(app: object) -> PiptuiApp:
    """``screen.app``, typed: every piptui screen runs in a :class:`PiptuiApp`."""
    return cast(PiptuiApp, app)


def collect_from_now() -> None:
    """After the first frame: the garbage collector on again, if ``piptui.cli.run_app`` paused it
    for the start-up, with what the start-up made set aside (``gc.freeze``: it lives as long as
    the app, so later collections need not look at it again)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


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

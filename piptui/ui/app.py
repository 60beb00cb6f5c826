"""The one app factory, used by the CLI and by the tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from textual.app import App

from piptui.store.locations import resolve_sessions_dir

Mode = Literal["home", "session", "notes", "wall"]


class PiptuiApp(App[None]):
    """piptui. Screens own their state; this class only wires them up."""

    CSS_PATH = "piptui.tcss"
    TITLE = "piptui"
    ENABLE_COMMAND_PALETTE = True

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

    def on_mount(self) -> None:
        from piptui.ui.screens.home import HomeScreen

        self.push_screen(HomeScreen(self.sessions_dir))


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

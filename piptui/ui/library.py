"""The exercise library for a screen: loaded off the UI thread, then handed to the screen.

Every screen that shows steps needs the library (the bundled scripts and the user's own);
the app loads it once and shares it (``PiptuiApp.library``). Loading runs in a thread worker
of the screen (``@work``), so it is cancelled with the screen and never holds up a frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work

from piptui.errors import PiptuiError
from piptui.ui.app import piptui_app

if TYPE_CHECKING:
    from textual.screen import Screen

    from piptui.exercises import Library


@work(thread=True, exclusive=True, group="library", description="load the exercise library")
def load_library(
    screen: Screen[Any],
    ready: Callable[[Library], object],
    *,
    failed: Callable[[PiptuiError], object] | None = None,
    also: Callable[[], object] | None = None,
) -> None:
    """Load the library in a thread worker of ``screen`` (cancelled with it), run ``also`` there
    too (more slow work for the screen), then call ``ready(library)`` on the UI thread; or
    ``failed(error)`` (default: say so)."""
    app = piptui_app(screen.app)
    try:
        library = app.library()
        if also is not None:
            also()
    except PiptuiError as exc:
        if failed is not None:
            app.call_from_thread(failed, exc)
        else:
            app.call_from_thread(_say_it, screen, exc)
        return
    app.call_from_thread(_ready, screen, ready, library)


def _ready(screen: Screen[Any], ready: Callable[[Library], object], library: Library) -> None:
    piptui_app(screen.app).say_library_errors(library)
    ready(library)


def _say_it(screen: Screen[Any], error: PiptuiError) -> None:
    screen.notify(error.message, title="Cannot load the exercises", severity="error", markup=False, timeout=60)

"""The first frame of `piptui demo` loads only what it shows.

Start-up is measured by ``python -m bench --only start-up`` (goal: at most 1.3x a minimal Textual
app). This test keeps what was taken off that path off it: each module below costs milliseconds
to import (a frozen dataclass costs about 1 ms to create) and is needed only later, once the
session is on screen, or on another screen. A deterministic check, not a timing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Everything `piptui demo` imports before its first frame (piptui.cli.demo_cmd, then the app's
# first screen), and, for each deferred module, where it is needed instead.
FIRST_FRAME = "import piptui.cli, piptui.programmes, piptui.ui.app, piptui.ui.screens.session, piptui.ui.quitting"
DEFERRED = {
    "piptui.domain.survey": "the survey screen and the report",
    "piptui.domain.survey_report": "the survey's report (its screen and the exports)",
    "piptui.domain.voting": "the vote screen",
    "piptui.domain.exercise": "the step shown, once the library has loaded",
    "piptui.exercises": "the exercise library, loaded in a worker after the first frame",
    "piptui.ui.screens.dialogs": "the edit, move and confirm dialogs",
    "textual.widgets._footer": "nothing: the key bar replaces it",
    "textual.widgets._text_area": "a dialog's multi-line field (quitting looks for one only once a dialog opens)",
    "textual.widgets._selection_list": "the dialogs that pick several things",
    "yaml": "the exercise library",
}


def test_the_first_frame_does_not_import_what_it_does_not_show() -> None:
    code = f"import sys\n{FIRST_FRAME}\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "piptui.ui.screens.session" in loaded and "piptui.store.session_store" in loaded
    early = {name: why for name, why in DEFERRED.items() if name in loaded}
    assert early == {}, "imported before the first frame; needed only by"


# What the running app must not have loaded when its first frame is drawn: each is needed soon
# after, and loading it earlier delays that frame (bench start-up).
NOT_BEFORE_THE_FIRST_FRAME = {
    "importlib.metadata": "nothing: Textual's version is read from its files (piptui.ui.css_cache)",
    "inotify_simple": "the watcher, started once the first frame is drawn (piptui.ui.live)",
    "ctypes": "the watcher's kernel binding, likewise",
}

RUN_TO_THE_FIRST_FRAME = """
import sys
from pathlib import Path
from piptui.programmes import ensure_demo
from piptui.ui.app import create_app

folder = Path(sys.argv[1])
path = ensure_demo(folder)
app = create_app(sessions_dir=folder, programme=path, mode="session", author="Ann")
seen = []

def shown():
    if not seen:
        seen.append(sorted(sys.modules))
        app.exit()

app.post_display_hook = shown
app.run(headless=True, size=(80, 24))
print(" ".join(seen[0]))
"""


def test_the_running_app_loads_the_watcher_and_no_metadata_before_its_first_frame(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", RUN_TO_THE_FIRST_FRAME, str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    loaded = set(out.stdout.split())
    assert "piptui.ui.screens.session" in loaded, "the session screen was drawn"
    early = {name: why for name, why in NOT_BEFORE_THE_FIRST_FRAME.items() if name in loaded}
    assert early == {}, "loaded before the first frame; needed only by"

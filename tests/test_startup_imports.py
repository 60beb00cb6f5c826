"""The first frame of `piptui demo` loads only what it shows.

Start-up is measured by ``python -m bench --only start-up`` (goal: at most 1.3x a minimal Textual
app). This test keeps what was taken off that path off it: each module below costs milliseconds
to import (a frozen dataclass costs about 1 ms to create) and is needed only later, once the
session is on screen, or on another screen. A deterministic check, not a timing.
"""

from __future__ import annotations

import subprocess
import sys

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

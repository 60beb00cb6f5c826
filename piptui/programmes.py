"""Making programmes: a new one from a programme script, and the Darlington demo.

Used by the CLI and the home screen alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from piptui.errors import InvalidInput
from piptui.store.locations import programme_path

if TYPE_CHECKING:
    from piptui.exercises import Library


DEMO_NAME = "darlington-demo"
DEMO_LEAD = "Sue Carter"  # the demo's first facilitator: who leads its room unless told otherwise


def create_programme(
    sessions_dir: Path,
    name: str,
    *,
    area: str,
    title: str = "",
    script: str | None = None,
    library: Library | None = None,
    exercise_dirs: Sequence[Path] = (),
) -> Path:
    """Create ``<name>.json`` with the script's sessions and agendas (default script:
    ``pip-5-sessions``). Refuses an existing name."""
    from piptui.domain.agenda import sessions_from_script
    from piptui.domain.model import Programme
    from piptui.exercises import DEFAULT_PROGRAMME, load_library
    from piptui.store import SessionStore

    script = script or DEFAULT_PROGRAMME
    area = area.strip()
    if not area:
        raise InvalidInput("A programme needs an area (the local authority area, e.g. Darlington)")
    path = programme_path(sessions_dir, name, must_exist=False)
    library = library or load_library(exercise_dirs)
    programme_script = library.programme(script)
    if programme_script is None:
        known = ", ".join(sorted(library.programmes)) or "none"
        raise InvalidInput(f"No programme script '{script}' (known: {known})")
    sessions = sessions_from_script(programme_script, library.exercises)
    programme = Programme(
        name=name, area=area, title=title.strip() or f"{area} Partnership Improvement Programme", script=script
    )
    SessionStore.create(path, programme, sessions=sessions).close()
    return path


def ensure_demo(sessions_dir: Path, library: Library | None = None) -> Path:
    """The demo programme's file, created if it is not there yet.

    When it is there this imports nothing more: ``piptui demo`` should reach its first frame fast.
    """
    path = programme_path(sessions_dir, DEMO_NAME, must_exist=False)
    if not path.exists():
        from piptui.demo.darlington import build_demo
        from piptui.exercises import load_library

        build_demo(path, library or load_library())
    return path


def demo_person(given: str | None) -> str:
    """Who runs the demo at this terminal, so the room is led by a name, not "someone": the name
    given (``--as``), else the one this terminal remembers (home asks it, piptui.store.whoami),
    else the demo's lead facilitator."""
    from piptui.store.whoami import remembered_name

    return (given or "").strip() or remembered_name() or DEMO_LEAD

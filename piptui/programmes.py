"""Making programmes: a new one from a programme script, and the Darlington demo.

Used by the CLI and the home screen alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from piptui.domain.agenda import sessions_from_script
from piptui.domain.model import Programme
from piptui.errors import InvalidInput
from piptui.exercises import DEFAULT_PROGRAMME, Library, load_library
from piptui.store import SessionStore, programme_path

DEMO_NAME = "darlington-demo"


def create_programme(
    sessions_dir: Path,
    name: str,
    *,
    area: str,
    title: str = "",
    script: str = DEFAULT_PROGRAMME,
    library: Library | None = None,
    exercise_dirs: Sequence[Path] = (),
) -> Path:
    """Create ``<name>.json`` with the script's sessions and agendas. Refuses an existing name."""
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
    programme = Programme(name=name, area=area, title=title.strip() or f"{area} Partnership Improvement Programme",
                          script=script)
    SessionStore.create(path, programme, sessions=sessions).close()
    return path


def ensure_demo(sessions_dir: Path, library: Library | None = None) -> Path:
    """The demo programme's file, created if it is not there yet."""
    from piptui.demo.darlington import build_demo

    path = programme_path(sessions_dir, DEMO_NAME, must_exist=False)
    if not path.exists():
        library = library or load_library()
        build_demo(path, library)
    return path

"""Where programme files live, and what is in the sessions folder."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piptui.domain.text_rules import visible_line
from piptui.errors import InvalidInput, PiptuiError, ProgrammeNotFound

if TYPE_CHECKING:
    from piptui.store.session_store import SessionStore

ENV_SESSIONS = "PIPTUI_SESSIONS"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")  # a full match: "nl\n" is refused


def resolve_sessions_dir(cli_value: str | os.PathLike[str] | None = None) -> tuple[Path, str]:
    """The sessions folder and why it was chosen.

    ``--sessions-dir``, else ``$PIPTUI_SESSIONS``, else ``./sessions`` when the current
    folder has one, else the user data folder.
    """
    if cli_value:
        return Path(cli_value).expanduser(), "--sessions-dir"
    env = os.environ.get(ENV_SESSIONS)
    if env:
        return Path(env).expanduser(), f"${ENV_SESSIONS}"
    local = Path.cwd() / "sessions"
    if local.is_dir():
        return Path("sessions"), "./sessions in the current folder"
    import platformdirs  # only here: the other cases should not pay for its import

    return Path(platformdirs.user_data_dir("piptui", appauthor=False)) / "sessions", "the user data folder"


def validate_name(name: str) -> str:
    """A programme name is a file stem: letters, digits, '-', '_' and '.', up to 64."""
    if not _NAME.fullmatch(name or "") or name.endswith(".json"):
        raise InvalidInput(
            f"'{visible_line(name)}' is not a usable programme name: use letters, digits, '-', '_' or '.' "
            "(up to 64, starting with a letter or digit), e.g. darlington-2008"
        )
    return name


def programme_path(sessions_dir: Path, name: str, *, must_exist: bool = True) -> Path:
    path = sessions_dir / f"{validate_name(name)}.json"
    if must_exist and not path.exists():
        known = ", ".join(p.name for p in list_programmes(sessions_dir)) or "none yet"
        raise ProgrammeNotFound(f"No programme '{name}' in {sessions_dir} (programmes there: {known})")
    return path


@dataclass(frozen=True, slots=True)
class ProgrammeInfo:
    """A line of the home screen and of ``piptui list``."""

    name: str
    path: Path
    area: str = ""
    title: str = ""
    sessions_held: int = 0
    cards: int = 0
    changed: float = 0.0  # mtime
    error: str | None = None  # why it cannot be opened


def list_programmes(sessions_dir: Path) -> list[ProgrammeInfo]:
    """Programme files in the folder, sorted by name. Files that cannot be read are listed with why."""
    if not sessions_dir.is_dir():
        return []
    out: list[ProgrammeInfo] = []
    for path in sorted(sessions_dir.glob("*.json")):
        if path.name.startswith("."):
            continue
        out.append(read_info(path))
    return out


def held_sessions(store: SessionStore, raw: Mapping[str, Mapping[str, Any]]) -> list[int]:
    """Sessions with cards, an objective agreed or a review note made in them (see domain.review_sessions)."""
    from piptui.domain.review_sessions import sessions_held

    cards = raw.get("cards", {}).values()
    return sessions_held(store.sessions(), (c.get("session") for c in cards), store.objectives(), store.actions())


def read_info(path: Path) -> ProgrammeInfo:
    from piptui.store.session_store import SessionStore

    name = path.stem
    try:
        mtime = path.stat().st_mtime
        with SessionStore(path) as store:
            programme = store.programme()
            raw = store.raw()
            cards = raw.get("cards", {})
            held = held_sessions(store, raw)
            return ProgrammeInfo(
                name=name,
                path=path,
                area=programme.area,
                title=programme.title,
                sessions_held=len(held),
                cards=len(cards),
                changed=mtime,
            )
    except PiptuiError as exc:
        return ProgrammeInfo(name=name, path=path, error=exc.message)
    except OSError as exc:
        return ProgrammeInfo(name=name, path=path, error=f"{path}: {exc.strerror}")

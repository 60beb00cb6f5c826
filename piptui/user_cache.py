"""piptui's folder in the user's cache folder: what start-up keeps between launches.

Two things are kept there, each only to make the next launch's first frame sooner, each safe
to delete: the stylesheet as Textual parsed it (:mod:`piptui.ui.css_cache`) and the code
``@dataclass`` compiles for piptui's records (:mod:`piptui.dataclass_code`). Both hold code
that loading runs, so a file is read only if this user owns it and nobody else can write it or
its folder (:func:`trusted`), and both are written whole or not at all (:func:`write_whole`).

Imports only the standard library: it is used before anything else is imported.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import IO


def cache_folder() -> Path:
    """piptui's folder in the user's cache folder (where platformdirs puts it, without its import)."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "piptui"
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "piptui" / "Cache"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache") / "piptui"


def ours(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (on systems with owners)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: the folder is the user's own
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def trusted(handle: IO[bytes], path: Path) -> bool:
    """Whether the open file ``handle`` (at ``path``) and its folder are this user's alone."""
    return ours(os.fstat(handle.fileno())) and ours(os.stat(path.parent))


def write_whole(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` at once (another launch may be reading it), creating the
    folder for this user alone. Raises OSError; the caller, a cache, only loses its saving."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise

"""The stylesheet as the last launch parsed it, kept between launches (as Python keeps bytecode).

Textual parses every CSS source at each launch: piptui.tcss and the CSS of each widget class
on screen, 20-30 ms of the session screen's first frame (bench start-up) for the same text each
time. :class:`CssCache` keeps those parses in the user's cache folder
(``$XDG_CACHE_HOME/piptui``, else ``~/.cache/piptui``), keyed by the CSS text itself, the theme's
variables, the version of Python and the installed Textual's files: a changed stylesheet, theme
or Textual is parsed afresh, as without the cache. A missing, unreadable or foreign cache file costs only the
parse. The cache is written once the first frame is on screen, and only when what that launch's
stylesheet holds differs from the file (a first launch, a new version): one file per first
screen, holding just what it needs, so a file never grows with sources no longer used.

The private part (Textual's own parse cache) is in :mod:`piptui.ui._textual_compat`.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import tempfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import textual

from piptui.ui._textual_compat import parsed_css, seed_parsed_css

if TYPE_CHECKING:
    from textual.css.stylesheet import Stylesheet

FORMAT = 2  # raise when what the file holds changes


def cache_folder() -> Path:
    """piptui's folder in the user's cache folder (where platformdirs puts it, without its import)."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "piptui"
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "piptui" / "Cache"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache") / "piptui"


def file_name(first_screen: str) -> str:
    """One file per first screen and per installed piptui (two installs, such as two checkouts,
    would otherwise replace each other's file at every launch: each keys piptui.tcss by its path)."""
    where = zlib.crc32(str(Path(__file__).resolve().parent).encode())
    return f"stylesheet-{first_screen}-{where:08x}.pickle"


def _ours(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (on systems with owners)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: the folder is the user's own
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def textual_fingerprint() -> tuple[Any, ...]:
    """The installed Textual, as its files are: where it is, and the size and modification time of
    its CSS code (what parses a stylesheet and the types a parse holds) and of its package's first
    module.

    Installing another version rewrites every file, and an edited checkout changes the file edited,
    so either changes this. Not ``textual.__version__``: that reads the package's metadata
    (``importlib.metadata`` and ``email``), 15-20 ms of the first frame (bench start-up), where
    these two dozen ``stat`` calls take a fraction of a millisecond."""
    package = os.path.dirname(textual.__file__)
    css = os.path.join(package, "css")
    names = ["__init__.py", "color.py", "geometry.py"]
    names += sorted(f"css/{name}" for name in os.listdir(css) if name.endswith(".py"))
    stats = []
    for name in names:
        st = os.stat(os.path.join(package, name))
        stats.append((name, st.st_size, st.st_mtime_ns))
    return (package, stats)


def version_key(variables: Mapping[str, str]) -> tuple[Any, ...]:
    """What a kept parse depends on besides the CSS text: the variables, Python and Textual."""
    try:
        textual_files = textual_fingerprint()
    except OSError:  # Textual's folder unreadable (a zipped install): never reuse a parse then
        textual_files = (os.getpid(), id(textual))
    return (FORMAT, sys.version, textual_files, sorted(variables.items()))


class CssCache:
    """The kept parses of one app's stylesheet: :meth:`load` before the first frame, :meth:`save` after."""

    def __init__(
        self, stylesheet: Stylesheet, variables: Mapping[str, str], first_screen: str, folder: Path | None = None
    ) -> None:
        self.stylesheet = stylesheet
        self.variables = dict(variables)  # the stylesheet's (App.theme_variables), as they were at load
        # One file per first screen (home, session, wall...): each holds what its first frame parses.
        self.path = (folder if folder is not None else cache_folder()) / file_name(first_screen)
        self.saved = False
        self.key = version_key(self.variables)
        self.kept: set[tuple[Any, ...]] = set()  # the sources the file holds
        self.seeded = 0  # how many sources the stylesheet was given at load

    def load(self) -> int:
        """Give the stylesheet the parses kept for its variables; how many sources there were.

        Only a file this user wrote is read: unpickling runs code, so a file or folder that
        another user owns or could write to is ignored (the CSS is parsed as usual)."""
        try:
            with open(self.path, "rb") as handle:
                if not (_ours(os.fstat(handle.fileno())) and _ours(os.stat(self.path.parent))):
                    return 0
                data = pickle.load(handle)
            if not isinstance(data, dict) or data.get("key") != self.key:
                return 0
            parsed = data["parsed"]
            seed_parsed_css(self.stylesheet, parsed)
            self.kept = {key for key, _rules in parsed}
            self.seeded = len(self.kept)
        except Exception:  # a cache: missing, unreadable or foreign, the CSS is parsed as usual
            self.kept, self.seeded = set(), 0
        return self.seeded

    def save(self, variables: Mapping[str, str]) -> bool:
        """Keep the sources the stylesheet has now as it parsed them, if they are not what the
        file holds; once per launch (after the first frame, or at the end if it came sooner).
        ``variables`` are the app's now: a changed theme is not kept under the old one's key.
        Whether it wrote."""
        if self.saved or dict(variables) != self.variables:
            return False
        self.saved = True
        parsed = parsed_css(self.stylesheet)  # sources the file held and this launch did not use are dropped
        if {key for key, _rules in parsed} == self.kept:
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".stylesheet-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump({"key": self.key, "parsed": parsed}, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, self.path)  # whole or not at all: another launch may be reading it
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except Exception:  # a cache: a read-only home, or a parse that cannot be kept, only costs the parse
            return False
        self.kept = {key for key, _rules in parsed}
        return True

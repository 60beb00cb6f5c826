"""The stylesheet as the last launch parsed it, kept between launches (as Python keeps bytecode).

Textual parses every CSS source at each launch: piptui.tcss and the CSS of each widget class
on screen, 20-30 ms of the session screen's first frame (bench start-up) for the same text each
time. :class:`CssCache` keeps those parses in the user's cache folder
(:mod:`piptui.user_cache`), keyed by the CSS text itself, the theme's
variables, the version of Python and the installed Textual's files: a changed stylesheet, theme
or Textual is parsed afresh, as without the cache. A missing, unreadable or foreign cache file costs only the
parse. The cache is written once the first frame is on screen, and only when what that launch's
stylesheet holds differs from the file (a first launch, a new version): one file per first
screen, holding just what it needs, so a file never grows with sources no longer used.

The private part (Textual's own parse cache) is in :mod:`piptui.ui._textual_compat`.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import textual

from piptui.ui._textual_compat import parsed_css, seed_parsed_css
from piptui.user_cache import cache_folder, trusted, write_whole

if TYPE_CHECKING:
    from textual.css.stylesheet import Stylesheet

FORMAT = 2  # raise when what the file holds changes


def file_name(first_screen: str) -> str:
    """One file per first screen and per installed piptui (two installs, such as two checkouts,
    would otherwise replace each other's file at every launch: each keys piptui.tcss by its path)."""
    where = zlib.crc32(str(Path(__file__).resolve().parent).encode())
    return f"stylesheet-{first_screen}-{where:08x}.pickle"


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
                if not trusted(handle, self.path):
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
            write_whole(self.path, pickle.dumps({"key": self.key, "parsed": parsed}, protocol=pickle.HIGHEST_PROTOCOL))
        except Exception:  # a cache: a read-only home, or a parse that cannot be kept, only costs the parse
            return False
        self.kept = {key for key, _rules in parsed}
        return True


__all__ = ["CssCache", "cache_folder", "file_name", "version_key"]

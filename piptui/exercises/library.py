"""The exercise library: the bundled scripts, overridden by the user's exercise folders.

A broken user file never stops loading: its errors go to :attr:`Library.errors` and every
other file still loads (a bundled exercise stays in place of a broken override).
"""

from __future__ import annotations

import importlib.resources
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from piptui.domain.agenda import agenda_steps
from piptui.domain.exercise import Exercise, ProgrammeScript, Step
from piptui.domain.model import split_step_ref
from piptui.exercises.fields import did_you_mean
from piptui.exercises.files import PROGRAMMES_FOLDER, SUFFIXES, FileKind, FileResult, folder_files, read_file, read_path

BUNDLED = "bundled"
BUNDLED_PACKAGE = "piptui.bundled_exercises"
DEFAULT_PROGRAMME = "pip-5-sessions"
ENV_VAR = "PIPTUI_EXERCISES"


@dataclass
class Library:
    exercises: dict[str, Exercise] = field(default_factory=dict)
    programmes: dict[str, ProgrammeScript] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # every problem of every file that did not load
    sources: dict[str, str] = field(default_factory=dict)  # exercise id -> "bundled" or the folder
    programme_sources: dict[str, str] = field(default_factory=dict)  # programme id -> "bundled" or the folder
    files: list[str] = field(default_factory=list)  # every file read, as shown in errors
    valid: dict[FileKind, int] = field(default_factory=lambda: {"exercise": 0, "programme": 0})  # files without errors
    _programme_files: list[FileResult] = field(default_factory=list, repr=False)  # to check their references

    def exercise(self, exercise_id: str) -> Exercise | None:
        return self.exercises.get(exercise_id)

    def step(self, ref: str) -> tuple[Exercise, Step] | None:
        """The exercise and step of a reference ``"exercise-id/step-id"``."""
        exercise_id, step_id = split_step_ref(ref)
        exercise = self.exercises.get(exercise_id)
        step = exercise.step(step_id) if exercise is not None else None
        return (exercise, step) if exercise is not None and step is not None else None

    def agenda(self, exercise_ids: Iterable[str]) -> list[tuple[Exercise, Step]]:
        """Every step of these exercises, in order (unknown ids are skipped)."""
        return agenda_steps(tuple(exercise_ids), self.exercises)

    def programme(self, programme_id: str) -> ProgrammeScript | None:
        return self.programmes.get(programme_id)

    # -- building -----------------------------------------------------------------------
    def add_folder(self, results: Sequence[FileResult], label: str) -> None:
        """One folder's files, overriding what is there; two files of one folder with one id is an error."""
        seen: dict[tuple[FileKind, str], str] = {}
        for result in results:
            self.files.append(result.display)
            self.errors.extend(result.errors)
            if result.refs:
                self._programme_files.append(result)
            if not result.ok or not result.id:
                continue
            self.valid[result.kind] += 1
            key = (result.kind, result.id)
            if key in seen:
                used = f"{result.kind} id '{result.id}' is already used by {seen[key]}; this file is ignored"
                self.errors.append(result.error_at(result.id_pos, used))
                continue
            seen[key] = result.display
            if result.exercise is not None:
                self.exercises[result.id] = result.exercise
                self.sources[result.id] = label
            elif result.programme is not None:
                self.programmes[result.id] = result.programme
                self.programme_sources[result.id] = label

    def check_references(self) -> None:
        """Each programme's exercise ids must name an exercise of the library."""
        for result in self._programme_files:
            for exercise_id, pos in result.refs:
                if exercise_id and exercise_id not in self.exercises:
                    hint = did_you_mean(exercise_id, sorted(self.exercises))
                    self.errors.append(result.error_at(pos, f"no exercise '{exercise_id}' in the library{hint}"))


def exercise_dirs(cli_dirs: Sequence[Path | str] = ()) -> list[Path]:
    """The user's exercise folders: the ``--exercises-dir`` values, else ``$PIPTUI_EXERCISES``, else none."""
    if cli_dirs:
        return [Path(d) for d in cli_dirs]
    env = os.environ.get(ENV_VAR, "")
    return [Path(d.strip()) for d in env.split(os.pathsep) if d.strip()]


def bundled_results() -> list[FileResult]:
    """The bundled scripts, read from the installed package data (cached while the files are unchanged)."""
    root = importlib.resources.files(BUNDLED_PACKAGE)
    items: list[tuple[Traversable, FileKind]] = []
    folders: list[tuple[Traversable, FileKind]] = [(root, "exercise"), (root / PROGRAMMES_FOLDER, "programme")]
    for folder, kind in folders:
        if folder.is_dir():
            items.extend(
                (item, kind)
                for item in sorted(folder.iterdir(), key=lambda t: t.name)
                if item.is_file() and item.name.lower().endswith(SUFFIXES)
            )
    key = tuple((_display(item), kind, _stamp(item)) for item, kind in items)
    cached = _BUNDLED_CACHE.get(key)
    if cached is None:
        cached = [read_file(item, _display(item), kind, trusted=True) for item, kind in items]
        _BUNDLED_CACHE.clear()
        _BUNDLED_CACHE[key] = cached
    return list(cached)


_BUNDLED_CACHE: dict[tuple[tuple[str, FileKind, tuple[int, int]], ...], list[FileResult]] = {}


def _stamp(item: Traversable) -> tuple[int, int]:
    """A file's size and modification time when it is on disk (an editable install can change)."""
    if isinstance(item, Path):
        try:
            st = item.stat()
        except OSError:
            return (-1, -1)
        return (st.st_size, st.st_mtime_ns)
    return (0, 0)


def _display(item: Traversable) -> str:
    return str(item) if isinstance(item, Path) else f"<bundled>/{item.name}"


def _user_folder(library: Library, folder: Path) -> None:
    if not folder.is_dir():
        library.errors.append(f"{folder}:1:1: exercises folder not found")
        return
    library.add_folder([read_path(p) for p in folder_files(folder)], str(folder))


def load_library(user_dirs: Sequence[Path] = ()) -> Library:
    """Bundled scripts, then each user folder; a folder named earlier wins over later ones (like PATH)."""
    library = Library()
    library.add_folder(bundled_results(), BUNDLED)
    for folder in reversed(list(user_dirs)):
        _user_folder(library, Path(folder))
    library.check_references()
    return library


def check_paths(paths: Sequence[Path], user_dirs: Sequence[Path] = ()) -> Library:
    """Check these files and folders: a library of just them (``files``, ``valid``, ``errors``).

    A programme's exercise ids are looked up among the checked exercises, then in the library
    (bundled + ``user_dirs``), whose own errors are not reported.
    """
    by_folder: dict[Path, list[Path]] = {}
    missing: list[str] = []
    for path in map(Path, paths):
        if path.is_dir():
            by_folder.setdefault(path, []).extend(folder_files(path))
        elif path.exists():
            by_folder.setdefault(path.parent, []).append(path)
        else:
            missing.append(f"{path}:1:1: no such file or folder")
    checked = Library(errors=missing)
    for folder, files in by_folder.items():
        checked.add_folder([read_path(p) for p in dict.fromkeys(files)], str(folder))
    mine = checked.exercises
    checked.exercises = {**load_library(user_dirs).exercises, **mine}
    checked.check_references()
    checked.exercises = mine
    return checked


def check_files(paths: Sequence[Path], user_dirs: Sequence[Path] = ()) -> list[str]:
    """Every error of these files (and folders), one ``file:line:column: ...`` line each."""
    return check_paths(paths, user_dirs).errors

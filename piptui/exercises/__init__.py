"""Exercise scripts: the YAML format, its loader (errors as ``file:line:column: ...``) and the library.

The bundled scripts live in the top-level ``exercises/`` folder (installed as the package data
``piptui.bundled_exercises``); user folders (``--exercises-dir``, ``$PIPTUI_EXERCISES``) override
bundled exercises with the same id. The format is documented in ``docs/exercise-format.md``.
"""

from __future__ import annotations

from piptui.exercises.dump import dump_exercise, dump_programme
from piptui.exercises.files import ExerciseFileError, load_exercise_file, load_programme_file
from piptui.exercises.library import (
    BUNDLED,
    DEFAULT_PROGRAMME,
    Library,
    check_files,
    check_paths,
    exercise_dirs,
    load_library,
)

__all__ = [
    "BUNDLED",
    "DEFAULT_PROGRAMME",
    "ExerciseFileError",
    "Library",
    "check_files",
    "check_paths",
    "dump_exercise",
    "dump_programme",
    "exercise_dirs",
    "load_exercise_file",
    "load_library",
    "load_programme_file",
]

"""One exercise or programme-script file: read, validate, and every problem as ``file:line:column: ...``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from piptui.domain.exercise import Exercise, ProgrammeScript
from piptui.errors import ExerciseError
from piptui.exercises.fields import Checker, describe
from piptui.exercises.schema import exercise_from, programme_from
from piptui.exercises.yaml_loader import (
    MAX_FILE_BYTES,
    START,
    MarkedList,
    MarkedMap,
    Pos,
    Problem,
    decode,
    read_marked,
)

FileKind = Literal["exercise", "programme"]
PROGRAMMES_FOLDER = "programmes"
SUFFIXES = (".yaml", ".yml")


class Readable(Protocol):
    """A file on disk or a bundled resource (``importlib.resources`` Traversable)."""

    @property
    def name(self) -> str: ...

    def read_bytes(self) -> bytes: ...


class ExerciseFileError(ExerciseError):
    """A file with problems; ``errors`` holds every one (the message holds them all, one a line)."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class FileResult:
    """What reading one file gave: the value when it is valid, else its errors."""

    display: str  # the path as it is shown in errors
    kind: FileKind
    exercise: Exercise | None = None
    programme: ProgrammeScript | None = None
    errors: list[str] = field(default_factory=list)
    refs: list[tuple[str, Pos]] = field(default_factory=list)  # a programme's exercise ids and where
    id_pos: Pos = START  # where the id is written

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def id(self) -> str:
        value = self.exercise or self.programme
        return value.id if value is not None else ""

    def error_at(self, pos: Pos, message: str) -> str:
        return f"{self.display}:{pos.line}:{pos.column}: {message}"


def kind_of(path: Path | str, hint: FileKind | None = None) -> FileKind | None:
    """A file in a ``programmes`` folder is a programme script; elsewhere the content decides."""
    if hint is not None:
        return hint
    return "programme" if Path(str(path)).parent.name == PROGRAMMES_FOLDER else None


def read_file(source: Readable, display: str, kind: FileKind | None = None, *, trusted: bool = False) -> FileResult:
    """Read and validate one file. ``kind`` None: a mapping with ``sessions`` and no ``steps`` is a programme.

    ``trusted`` is for the bundled scripts only (they may be parsed by libyaml)."""
    result = FileResult(display, kind or "exercise")
    try:
        problems = _read(source, result, kind, trusted)
    except RecursionError:
        problems = [Problem(START, "the file is nested too deeply to read")]
    except Exception as exc:  # a shape the checks did not foresee: reported, never raised
        problems = [Problem(START, f"piptui could not check this file ({type(exc).__name__}); please report it")]
    result.errors = [result.error_at(p.pos, p.message) for p in sorted(problems, key=lambda p: p.pos)]
    if result.errors:
        result.exercise = result.programme = None
    return result


def _read(source: Readable, result: FileResult, kind: FileKind | None, trusted: bool) -> list[Problem]:
    try:
        if isinstance(source, Path):  # read no more than the limit allows (a 10 MB file costs nothing)
            with source.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        else:
            data = source.read_bytes()
    except OSError as exc:
        return [Problem(START, f"cannot read the file: {exc.strerror or exc}")]
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024
        return [Problem(START, f"the file is too large (over {limit} KB; an exercise script is a few KB)")]
    text, problem = decode(data)
    if text is None:
        return [problem] if problem else []
    doc, problems = read_marked(text, trusted=trusted)
    if doc is None and not problems:
        return [Problem(START, "the file is empty: an exercise needs id, title, kind and steps")]
    if doc is not None and not isinstance(doc, MarkedMap):
        pos = doc.pos if isinstance(doc, MarkedList) else START
        return [*problems, Problem(pos, f"the file must be a mapping (key: value lines), not {describe(doc)}")]
    if doc is None:
        return problems
    if kind is None:
        kind = "programme" if "sessions" in doc and "steps" not in doc else "exercise"
    result.kind = kind
    result.id_pos = doc.value_pos.get("id", doc.pos)
    check = Checker()
    if kind == "programme":
        result.programme = programme_from(doc, check, source=result.display, refs=result.refs)
    else:
        result.exercise = exercise_from(doc, check, source=result.display)
    return problems + check.problems


def read_path(path: Path, kind: FileKind | None = None) -> FileResult:
    return read_file(path, str(path), kind_of(path, kind))


def folder_files(folder: Path) -> list[Path]:
    """The scripts of a folder: its ``*.yaml`` / ``*.yml`` files, then those of its ``programmes`` folder."""
    found: list[Path] = []
    for where in (folder, folder / PROGRAMMES_FOLDER):
        if where.is_dir():
            found.extend(sorted(p for p in where.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()))
    return found


def load_exercise_file(path: Path | str) -> Exercise:
    """The exercise in ``path``; :class:`ExerciseFileError` (an ExerciseError) lists every problem."""
    path = Path(path)
    result = read_file(path, str(path), "exercise")
    if result.exercise is None:
        raise ExerciseFileError(result.errors or [f"{path}:1:1: not an exercise"])
    return result.exercise


def load_programme_file(path: Path | str) -> ProgrammeScript:
    """The programme script in ``path`` (exercise ids are not looked up here)."""
    path = Path(path)
    result = read_file(path, str(path), "programme")
    if result.programme is None:
        raise ExerciseFileError(result.errors or [f"{path}:1:1: not a programme script"])
    return result.programme

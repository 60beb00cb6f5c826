"""One export, as the CLI and the TUI ask for it: read the file once, render, write atomically."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import orjson

from piptui.domain.text_rules import visible
from piptui.errors import InvalidInput, NotSaved, PiptuiError, not_saved
from piptui.export.confidential import withhold_confidential
from piptui.export.contents import FORMATS, Content, render_content
from piptui.export.csv_format import export_csv
from piptui.export.json_format import export_json
from piptui.export.markdown import ExerciseLookup, export_markdown
from piptui.export.snapshot import Data
from piptui.store import SessionStore
from piptui.store.atomic import atomic_write_bytes
from piptui.store.lock import LockTimeout, folder_locked
from piptui.store.programme_file import LOCK_TIMEOUT, sweep_temporary_files
from piptui.store.storage import check_data


class ExportFormat(StrEnum):
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    HTML = "html"

    @property
    def suffix(self) -> str:
        return {"markdown": ".md", "json": ".json", "csv": ".csv", "html": ".html"}[self.value]

    @property
    def label(self) -> str:
        return {
            "markdown": "Markdown notes",
            "json": "JSON backup (everything)",
            "csv": "CSV of cards",
            "html": "HTML notes (to print)",
        }[self.value]


SUFFIXES: dict[str, ExportFormat] = {
    ".md": ExportFormat.MARKDOWN,
    ".markdown": ExportFormat.MARKDOWN,
    ".json": ExportFormat.JSON,
    ".csv": ExportFormat.CSV,
    ".html": ExportFormat.HTML,
    ".htm": ExportFormat.HTML,
}


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export and where. ``output`` None means standard output (the CLI)."""

    programme: Path
    format: ExportFormat = ExportFormat.MARKDOWN
    session: int | None = None
    include_confidential: bool = False
    names: bool = False
    output: Path | None = None
    content: Content = Content.NOTES


def format_for(path: Path | None) -> ExportFormat | None:
    """The format a file name asks for by its suffix (``notes.csv``), if any."""
    return SUFFIXES.get(path.suffix.lower()) if path is not None else None


def check_request(request: ExportRequest) -> None:
    """Refuse options that do not apply to the format (a person's mistake, said plainly)."""
    if request.format.value not in FORMATS[request.content]:
        allowed = ", ".join(FORMATS[request.content])
        raise InvalidInput(f"The {request.content.value} can be exported as {allowed}, not {request.format.value}")
    if request.content != Content.NOTES:
        if request.session is not None:
            raise InvalidInput(f"The {request.content.value} covers the whole programme: --session is for the notes")
        return
    if request.format == ExportFormat.JSON and request.session is not None:
        raise InvalidInput("A JSON export is a backup of the whole programme: it cannot be limited to one session")
    if request.format not in (ExportFormat.MARKDOWN, ExportFormat.HTML) and request.names:
        raise InvalidInput("Names of participants are only listed in the Markdown and HTML notes")


def render(data: Data, request: ExportRequest, library: ExerciseLookup | None) -> bytes:
    """The export's bytes from one read of the file (``store.raw()``)."""
    check_request(request)
    backup = request.format == ExportFormat.JSON and request.content == Content.NOTES
    if not request.include_confidential and not backup:  # a backup keeps everything, marked
        data = withhold_confidential(data)
    if request.content != Content.NOTES or request.format == ExportFormat.HTML:
        return render_content(
            data,
            request.content,
            request.format.value,
            library,
            include_confidential=request.include_confidential,
            names=request.names,
        )
    if request.format == ExportFormat.JSON:
        return export_json(data)
    if request.format == ExportFormat.CSV:
        return export_csv(data, session=request.session, include_confidential=request.include_confidential)
    text = export_markdown(
        data, library, session=request.session, include_confidential=request.include_confidential, names=request.names
    )
    return text.encode("utf-8")


def export_bytes(request: ExportRequest, library: ExerciseLookup | None) -> bytes:
    """Open the programme, take ONE snapshot of it and render it (safe while others write)."""
    check_request(request)
    with SessionStore(request.programme) as store:
        data = store.raw()
    return render(data, request, library)


def for_standard_output(blob: bytes, fmt: ExportFormat) -> bytes:
    """An export's bytes fit for a terminal: no control character from a card reaches it. Text
    formats show them as placeholders (ESC as "␛"); JSON keeps the data, escaping DEL and the C1
    controls as ``\\u00XX`` (JSON's own escapes already cover the C0 controls)."""
    text = blob.decode("utf-8")
    if fmt == ExportFormat.JSON:
        return _C1_OR_DEL.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")
    return "\r\n".join(visible(line) for line in text.split("\r\n")).encode("utf-8")  # CSV ends lines so


_C1_OR_DEL = re.compile("[\x7f-\x9f]")


def write_file(path: Path, blob: bytes, *, private: bool = True, programme: Path | None = None) -> None:
    """Write ``blob`` to ``path`` whole or not at all (temporary file, then rename).

    ``private``: the file is made 0600 (it can hold confidential cards). Refuses to write over
    ``programme`` or over any programme file (:func:`refuse_programme_target`). Temporary files
    that killed exports left beside ``path`` are swept first, under the folder's writers' lock.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise NotSaved(f"Not saved: the folder {folder} does not exist ({path})")
    if path.is_dir():
        raise NotSaved(f"Not saved: it is a folder, not a file ({path})")
    refuse_programme_target(path, programme)
    try:
        with folder_locked(folder, timeout=LOCK_TIMEOUT):
            sweep_temporary_files(path)
            os.close(atomic_write_bytes(path, blob, private=private, mode=0o600 if private else None, name=path))
    except LockTimeout:
        raise NotSaved(
            f"Not saved: {folder} is locked by another piptui for over {LOCK_TIMEOUT:.0f} s ({path})"
        ) from None
    except OSError as exc:  # opening the folder to lock it
        raise not_saved(exc, path) from None


def refuse_programme_target(path: Path, programme: Path | None) -> None:
    """An export never overwrites a programme: not its own file, no ``.json`` in its sessions
    folder, and no file anywhere that is a programme file."""
    real = Path(os.path.realpath(path))
    if programme is not None:
        own = Path(os.path.realpath(programme))
        if real == own:
            raise InvalidInput(f"Not exported: {path} is the programme's own file; export to another file")
        if real.parent == own.parent and real.suffix.lower() == ".json":
            raise InvalidInput(
                f"Not exported: {path} is in the sessions folder, where every .json file is a programme; "
                "export to another folder"
            )
    if is_programme_file(real):
        raise InvalidInput(f"Not exported: {path} is a piptui programme file; export to another file")


def is_programme_file(path: Path) -> bool:
    """Whether ``path`` is an existing piptui programme file (a JSON export is not one)."""
    try:
        if not path.is_file() or path.stat().st_size > 256 * 1024 * 1024:
            return False
        with open(path, "rb") as handle:
            if handle.read(1) != b"{":
                return False
            check_data(path, orjson.loads(b"{" + handle.read()))
    except (OSError, ValueError, PiptuiError):
        return False
    return True


def write_export(request: ExportRequest, blob: bytes) -> Path:
    """Write an export's bytes to ``request.output``: private if it can hold confidential cards."""
    if request.output is None:
        raise InvalidInput("No file to export to")
    private = request.format == ExportFormat.JSON or request.include_confidential
    write_file(request.output, blob, private=private, programme=request.programme)
    return request.output


def run_export(request: ExportRequest, library: ExerciseLookup | None) -> Path:
    """Export to ``request.output`` (a file); returns its path. Nothing is written on error."""
    if request.output is None:
        raise InvalidInput("No file to export to")
    blob = export_bytes(request, library)
    return write_export(request, blob)


def default_file_name(name: str, fmt: ExportFormat, session: int | None, content: Content = Content.NOTES) -> str:
    """``darlington-session-3.md``, ``darlington-notes.md``, ``darlington-backup.json``, ``darlington-cards.csv``."""
    if content != Content.NOTES:
        return f"{name}-{content.value}{fmt.suffix}"
    if fmt == ExportFormat.JSON:
        return f"{name}-backup.json"
    what = f"session-{session}" if session is not None else ("cards" if fmt == ExportFormat.CSV else "notes")
    if fmt == ExportFormat.CSV and session is not None:
        what = f"session-{session}-cards"
    return f"{name}-{what}{fmt.suffix}"

"""One export, as the CLI and the TUI ask for it: read the file once, render, write atomically."""

from __future__ import annotations

import contextlib
import os
import uuid
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from piptui.errors import InvalidInput, PiptuiError
from piptui.export.contents import FORMATS, Content, render_content
from piptui.export.csv_format import export_csv
from piptui.export.json_format import export_json
from piptui.export.markdown import ExerciseLookup, export_markdown
from piptui.export.snapshot import Data
from piptui.store import SessionStore


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


def write_file(path: Path, blob: bytes) -> None:
    """Write ``blob`` to ``path`` whole or not at all (temporary file, then rename)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PiptuiError(f"Cannot write {path}: the folder {folder} does not exist")
    if path.is_dir():
        raise PiptuiError(f"Cannot write {path}: it is a folder")
    tmp = folder / f".{path.name}.{uuid.uuid4().hex}.tmp"
    try:
        with open(tmp, "xb") as handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise PiptuiError(f"Cannot write {path}: {exc.strerror or exc}") from None


def run_export(request: ExportRequest, library: ExerciseLookup | None) -> Path:
    """Export to ``request.output`` (a file); returns its path. Nothing is written on error."""
    if request.output is None:
        raise InvalidInput("No file to export to")
    blob = export_bytes(request, library)
    write_file(request.output, blob)
    return request.output


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

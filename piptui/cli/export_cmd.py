"""``piptui export`` and ``piptui import``: notes, backups and spreadsheets of a programme.

Exit codes as everywhere: 1 for bad data (unknown programme or session, a file that is not
a usable export, a programme that exists already), 2 for bad usage (an unknown --format,
options that do not go together). Nothing is written, or half-written, on error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from piptui.cli.common import Context, complete_programmes, pass_ctx
from piptui.errors import InvalidInput


@click.command("export")
@click.argument("name", shell_complete=complete_programmes)
@click.option(
    "--session",
    "session_number",
    type=click.IntRange(1, 5),
    help="Only this session (default: the whole programme). Not for --format json.",
)
@click.option(
    "--content",
    type=click.Choice(["notes", "plan", "profile", "report"], case_sensitive=False),
    default="notes",
    show_default=True,
    help="notes: the session notes; plan: the action plan alone; profile: the partnership profile; "
    "report: the area's published chapter (context and vision, profile, plan, review, learning, "
    "evaluation).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json", "csv", "html"], case_sensitive=False),
    help="markdown (default); html: one self-contained page that prints on A4; json (notes only): a "
    "complete backup that `piptui import` restores, confidential cards included; csv: one row per "
    "card (notes, profile) or per action (plan). Default: from the -o file's suffix "
    "(.md .html .json .csv), else markdown.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
    help="Write to this file (atomically) instead of standard output.",
)
@click.option(
    "--include-confidential",
    is_flag=True,
    help="Include cards marked confidential (left out by default; the notes say how many).",
)
@click.option("--names", is_flag=True, help="List participants by name (default: counts by sector only).")
@pass_ctx
def export_command(
    obj: Context,
    name: str,
    session_number: int | None,
    content: str,
    fmt: str | None,
    output: Path | None,
    include_confidential: bool,
    names: bool,
) -> None:
    """Export programme NAME: Markdown notes to standard output by default.

    Safe while others are writing: the export is built from one read of the file.
    """
    from piptui.export.contents import Content
    from piptui.export.exporter import (
        ExportFormat,
        ExportRequest,
        check_request,
        export_bytes,
        for_standard_output,
        format_for,
        write_export,
    )
    from piptui.store import programme_path

    to_stdout = output is None or str(output) == "-"
    chosen = ExportFormat(fmt.lower()) if fmt else (None if to_stdout else format_for(output))
    request = ExportRequest(
        programme=programme_path(obj.sessions_dir, name),
        format=chosen or ExportFormat.MARKDOWN,
        session=session_number,
        include_confidential=include_confidential,
        names=names,
        output=None if to_stdout else output,
        content=Content(content.lower()),
    )
    try:
        check_request(request)
    except InvalidInput as exc:
        raise click.UsageError(exc.message) from None
    library = None
    if request.format in (ExportFormat.MARKDOWN, ExportFormat.HTML) or request.content != Content.NOTES:
        from piptui.exercises import load_library

        library = load_library(obj.exercise_dirs)
    blob = export_bytes(request, library)
    if request.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(for_standard_output(blob, request.format))
        sys.stdout.buffer.flush()
        return
    write_export(request, blob)
    what = request.format.label
    if request.content != Content.NOTES:
        what = f"{request.content.value} ({request.format.value})"
    click.echo(f"Exported {what} of {name} to {request.output}")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path, allow_dash=True))
@click.option("--name", help="The programme's name here (default: the name in the export).")
@click.option(
    "--replace",
    is_flag=True,
    help="Replace a programme of that name if there is one (atomically; its undo history goes).",
)
@pass_ctx
def import_command(obj: Context, file: Path, name: str | None, replace: bool) -> None:
    """Recreate a programme from FILE, a JSON export (`piptui export NAME --format json`).

    A file that is not a valid export is refused with what is wrong, and nothing is written.
    """
    from piptui.export.importer import import_programme

    from_stdin = str(file) == "-"
    blob = sys.stdin.buffer.read() if from_stdin else file.read_bytes()
    result = import_programme(
        obj.sessions_dir, blob, source="standard input" if from_stdin else str(file), name=name, replace=replace
    )
    click.echo(result.summary())

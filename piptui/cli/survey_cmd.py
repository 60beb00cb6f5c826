"""``piptui survey import`` and ``piptui report``: the end-of-programme evaluation.

Exit codes as everywhere: 1 for bad data (unknown programme, a CSV file with errors, no
responses to report on), 2 for bad usage (NAME and --all together, neither, an unknown
--format). Nothing is written, or half-written, on error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from piptui.cli.common import Context, complete_programmes, pass_ctx
from piptui.cli.output import chosen_format, output_option, write_output

SURVEY_HELP = "The survey exercise (default: the one on the programme's agenda, else 'evaluation')."


@click.group("survey")
def survey_group() -> None:
    """The end-of-programme evaluation survey (type paper forms in on the survey screen: Ctrl+S in a session)."""


@survey_group.command("import")
@click.argument("name", shell_complete=complete_programmes)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path, allow_dash=True))
@click.option("--survey", "survey_id", help=SURVEY_HELP)
@click.option(
    "--ignore-unknown-columns",
    is_flag=True,
    help="Import although some columns are no question of the survey (they are listed, not read).",
)
@pass_ctx
def import_command(obj: Context, name: str, file: Path, survey_id: str | None, ignore_unknown_columns: bool) -> None:
    """Add the survey responses in FILE (CSV, e.g. an online form's export) to programme NAME.

    The columns are described in docs/survey-csv.md. The whole file is checked first: a bad
    cell is reported with its row and column, and nothing is imported from a file with errors.
    """
    from piptui.exercises import load_library
    from piptui.store import SessionStore, programme_path
    from piptui.survey.csv_import import import_csv
    from piptui.survey.load import survey_exercise

    path = programme_path(obj.sessions_dir, name)
    library = load_library(obj.exercise_dirs)
    with SessionStore(path) as store:
        exercise = survey_exercise(library, store.sessions(), survey_id)
    from_stdin = str(file) == "-"
    blob = sys.stdin.buffer.read() if from_stdin else file.read_bytes()
    source = "standard input" if from_stdin else str(file)
    result = import_csv(path, blob, exercise, source=source, ignore_unknown=ignore_unknown_columns)
    click.echo(result.summary())


@click.command("report")
@click.argument("name", shell_complete=complete_programmes, required=False)
@click.option(
    "--all",
    "all_programmes",
    is_flag=True,
    help="Every programme in the sessions folder together, with a line per group.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "csv"], case_sensitive=False),
    help="markdown: the published tables (default); csv: one figure per row, for a spreadsheet. "
    "Default: from the -o file's suffix (.md .csv), else markdown.",
)
@output_option
@click.option("--survey", "survey_id", help=SURVEY_HELP)
@pass_ctx
def report_command(
    obj: Context, name: str | None, all_programmes: bool, fmt: str | None, output: Path | None, survey_id: str | None
) -> None:
    """The evaluation report of programme NAME (or --all): response rate, respondents by sector
    and sessions attended, a table per question group, the open answers."""
    if name and all_programmes:
        raise click.UsageError("Give a programme NAME or --all, not both")
    if not name and not all_programmes:
        raise click.UsageError("Give a programme NAME, or --all for every programme in the sessions folder")
    from piptui.exercises import load_library
    from piptui.survey.load import all_programmes_report, programme_report

    chosen = chosen_format(fmt, output, {".csv": "csv"}, "markdown")
    library = load_library(obj.exercise_dirs)
    if name:
        from piptui.store import programme_path

        report = programme_report(programme_path(obj.sessions_dir, name), library, survey_id)
    else:
        report = all_programmes_report(obj.sessions_dir, library, survey_id)
    if chosen == "csv":
        from piptui.survey.report_csv import report_csv

        blob = report_csv(report)
    else:
        from piptui.survey.report_markdown import report_markdown

        blob = report_markdown(report).encode("utf-8")
    write_output(output, blob, f"the evaluation report ({chosen})")

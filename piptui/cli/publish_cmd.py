"""``piptui programme`` (the area report's text fields) and ``piptui findings`` (across areas).

Exit codes as everywhere: 1 for bad data (unknown programme, nothing to report), 2 for bad
usage (an unknown --format). Nothing is written, or half-written, on error.
"""

from __future__ import annotations

from pathlib import Path

import click

from piptui.cli.common import Context, complete_programmes, pass_ctx
from piptui.cli.output import chosen_format, output_option, write_output
from piptui.domain.programme_text import TEXT_FIELDS
from piptui.domain.text_rules import visible, visible_line


@click.command("programme")
@click.argument("name", shell_complete=complete_programmes)
@click.option("--context", help="The area's context: its partnership history and structures (the area report).")
@click.option("--vision", help="The group's vision of partnership working in the area.")
@click.option("--learning", help="The group's key learning, in its own words.")
@click.option("--title", help="The programme's title.")
@pass_ctx
def programme_command(
    obj: Context, name: str, context: str | None, vision: str | None, learning: str | None, title: str | None
) -> None:
    """Show or set programme NAME's context, vision and key learning (used by the area report).

    Without options, prints them. An empty value ("") clears a field. Text may hold new lines
    and tabs, no other control character (refused, exit 1, nothing written). On screen: t on
    the plan screen (Ctrl+N) or on the home screen.
    """
    from piptui.store import SessionStore, programme_path
    from piptui.store.programme_ops import set_programme_text

    given = (("context", context), ("vision", vision), ("learning", learning), ("title", title))
    changes = {k: v for k, v in given if v is not None}
    path = programme_path(obj.sessions_dir, name)
    with SessionStore(path) as store:
        programme = set_programme_text(store, **changes) if changes else store.programme()
    click.echo(visible_line(f"{programme.name}: {programme.title or programme.area}"))
    for key, label in TEXT_FIELDS:
        value = getattr(programme, key)
        missing = f"(not written yet: piptui programme {name} --{key} TEXT)"
        click.echo(f"{label}: {visible(value) if value else missing}")


@click.command("findings")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "csv"], case_sensitive=False),
    help="markdown (default); html: one page that prints on A4; csv: one row per theme, objective "
    "and figure. Default: from the -o file's suffix, else markdown.",
)
@output_option
@pass_ctx
def findings_command(obj: Context, fmt: str | None, output: Path | None) -> None:
    """The findings across every programme in the sessions folder: the themes of the profile with how
    many areas named each, the objectives by theme, action progress, and the evaluation.

    A programme that cannot be read is named and left out.
    """
    from piptui.exercises import load_library
    from piptui.export.findings import findings_bytes

    chosen = chosen_format(fmt, output, {".html": "html", ".htm": "html", ".csv": "csv"}, "markdown")
    blob = findings_bytes(obj.sessions_dir, load_library(obj.exercise_dirs), chosen)
    write_output(output, blob, f"the findings ({chosen})")

"""``piptui exercises list`` and ``piptui exercises check [PATH]...``.

Exit codes: 0 all good; 1 a script has errors (each printed on its own line as
``file:line:column: ...``); 2 bad usage (click).
"""

from __future__ import annotations

from pathlib import Path

import click

from piptui.cli.common import Context

_DIR_HELP = (
    "Folder of your own exercise scripts; they override bundled ones with the same id "
    "(repeatable; default $PIPTUI_EXERCISES)."
)


def _user_dirs(ctx: click.Context) -> list[Path]:
    """``piptui --exercises-dir D exercises ...`` and ``piptui exercises --exercises-dir D ...`` both count;
    without either, ``$PIPTUI_EXERCISES``."""
    from piptui.exercises import exercise_dirs

    obj = ctx.find_object(Context)
    parent = ctx.parent
    group_dirs = tuple(parent.params.get("group_dirs", ())) if parent is not None else ()
    return exercise_dirs((*(obj.exercise_dirs_option if obj else ()), *group_dirs))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


exercises_group = click.Group(
    "exercises",
    help="List and check exercise scripts (the bundled ones and your own folders).",
    context_settings={"help_option_names": ["-h", "--help"]},
)
exercises_group.params.append(
    click.Option(
        ["--exercises-dir", "group_dirs"],
        multiple=True,
        type=click.Path(file_okay=False, path_type=Path),
        help=_DIR_HELP,
    )
)


@exercises_group.command("list", short_help="List exercises: id, kind, title, source folder.")
@click.pass_context
def list_cmd(ctx: click.Context) -> None:
    """List every exercise: id, kind, title and the folder it comes from.

    Exit 1 if a file could not be loaded (its errors are shown; the others are listed).
    """
    from piptui.exercises import load_library

    library = load_library(_user_dirs(ctx))
    rows = [
        (e.id, e.kind.value, e.title, library.sources.get(e.id, ""))
        for e in sorted(library.exercises.values(), key=lambda e: e.id)
    ]
    _table(("ID", "KIND", "TITLE", "SOURCE"), rows)
    if library.programmes:
        click.echo()
        progs = [
            (p.id, f"{len(p.sessions)} sessions", p.title, library.programme_sources.get(p.id, ""))
            for p in sorted(library.programmes.values(), key=lambda p: p.id)
        ]
        _table(("PROGRAMME", "SESSIONS", "TITLE", "SOURCE"), progs)
    if library.errors:
        click.echo(err=True)
        for line in library.errors:
            click.echo(line, err=True)
        click.echo(
            f"{_plural(len(library.errors), 'error')}: those files were not loaded "
            f"(piptui exercises check shows the same)",
            err=True,
        )
        ctx.exit(1)


def _table(header: tuple[str, str, str, str], rows: list[tuple[str, str, str, str]]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(2)]
    title_width = max(len(r[2]) for r in [header, *rows])
    for row in [header, *rows]:
        click.echo(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{title_width}}  {row[3]}".rstrip())


@exercises_group.command("check", short_help="Check scripts; print every error as file:line:column.")
@click.argument("paths", nargs=-1, metavar="[PATH]...", type=click.Path(exists=True, path_type=Path))
@click.pass_context
def check_cmd(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Check exercise scripts: PATH files or folders, or (without PATH) the bundled scripts and
    your exercise folders.

    Prints every error on its own line as file:line:column: what is wrong. Exit 1 if there is any.
    """
    from piptui.exercises import check_paths, load_library

    dirs = _user_dirs(ctx)
    library = check_paths(paths, dirs) if paths else load_library(dirs)
    files = len(library.files)
    if paths and not files and not library.errors:
        raise click.UsageError("No exercise files (*.yaml) in " + ", ".join(map(str, paths)))
    for line in library.errors:
        click.echo(line)
    counted = (
        f"{_plural(library.valid['exercise'], 'exercise')}, {_plural(library.valid['programme'], 'programme script')}"
    )
    if library.errors:
        click.echo(f"{_plural(len(library.errors), 'error')} ({_plural(files, 'file')} checked; valid: {counted})")
        ctx.exit(1)
    click.echo(f"OK: {_plural(files, 'file')} checked, no errors ({counted})")

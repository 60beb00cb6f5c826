"""``piptui participants`` and ``piptui session``: who is in the group, and each session's details.

Exit codes as everywhere: 1 for bad data (an unknown programme or person, a bad date, a
session the programme lacks, a sign-in sheet with errors), 2 for bad usage (an unknown
option, a sector outside the choices). Nothing is written on error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from piptui.cli.common import Context, complete_programmes, pass_ctx, sector_choice
from piptui.errors import PiptuiError

if TYPE_CHECKING:
    from piptui.store import SessionStore


def _store(obj: Context, name: str) -> SessionStore:
    from piptui.store import SessionStore, programme_path

    return SessionStore(programme_path(obj.sessions_dir, name))


def _obj(ctx: click.Context) -> Context:
    return ctx.find_object(Context) or ctx.ensure_object(Context)


@click.group(
    "participants",
    invoke_without_command=True,
    context_settings={"allow_interspersed_args": True, "ignore_unknown_options": True},
)
@click.argument("name", shell_complete=complete_programmes)
@click.option("--json", "as_json", is_flag=True, help="List as JSON (for scripts).")
@click.pass_context
def participants_group(ctx: click.Context, name: str, as_json: bool) -> None:
    """The participants of programme NAME: list them, or add, remove or import them.

    \b
    piptui participants NAME                 list (--json for scripts)
    piptui participants NAME add PERSON --sector S [--org ORG] [--role ROLE]
    piptui participants NAME remove PERSON
    piptui participants NAME import FILE.csv (columns name, organisation, sector, role)
    """
    ctx.meta["piptui.programme"] = name
    if ctx.invoked_subcommand is not None:
        return
    from piptui.store.people_ops import PeopleOps

    obj = _obj(ctx)
    with _store(obj, name) as store:
        people = PeopleOps(store).people()
        sessions = store.sessions()
    came = {p.id: [s.number for s in sessions if p.id in s.attended] for p in people}
    if as_json:
        rows = [
            {
                "id": p.id,
                "name": p.name,
                "organisation": p.organisation,
                "sector": p.sector.value,
                "role": p.role,
                "attended": came[p.id],
            }
            for p in people
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not people:
        click.echo(f"No participants in {name} yet. Add one: piptui participants {name} add PERSON --sector vcs")
        return
    width = min(28, max(len(p.name) for p in people))
    org_width = min(34, max(len(p.organisation) for p in people))
    for p in people:
        sessions_text = ("came to " + ", ".join(map(str, came[p.id]))) if came[p.id] else ""
        click.echo(
            f"{p.name:<{width}}  {p.sector.value:<9}  {p.organisation:<{org_width}}  {p.role}"
            f"{'  · ' + sessions_text if sessions_text else ''}".rstrip()
        )
    click.echo(f"{len(people)} participant{'s' if len(people) != 1 else ''}")


def _programme(ctx: click.Context) -> str:
    return str(ctx.meta["piptui.programme"])


@participants_group.command("add")
@click.argument("person")
@click.option("--sector", required=True, type=sector_choice(), help="Where they work.")
@click.option("--org", "organisation", default="", help="Their organisation, e.g. 'Calderdale Council'.")
@click.option("--role", default="", help="Their role or job title, e.g. 'chief executive'.")
@click.pass_context
def add_command(ctx: click.Context, person: str, sector: str, organisation: str, role: str) -> None:
    """Add PERSON to the programme."""
    from piptui.store.people_ops import PeopleOps

    with _store(_obj(ctx), _programme(ctx)) as store:
        added = PeopleOps(store).add(person, sector=sector, organisation=organisation, role=role)
    click.echo(f"Added {added.described} ({added.sector.label}) to {_programme(ctx)}")


@participants_group.command("remove")
@click.argument("person")
@click.pass_context
def remove_command(ctx: click.Context, person: str) -> None:
    """Remove PERSON (by name, or the start of their id) from the programme."""
    from piptui.store.people_ops import PeopleOps

    with _store(_obj(ctx), _programme(ctx)) as store:
        ops = PeopleOps(store)
        removed = ops.remove(ops.find(person).id)
    click.echo(f"Removed {removed.name} from {_programme(ctx)}")


@participants_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True))
@click.pass_context
def import_command(ctx: click.Context, file: Path) -> None:
    """Add everyone on a sign-in sheet FILE (CSV: name, organisation, sector, role).

    The whole file is checked first; every bad cell is reported by row and column, and nothing
    is imported from a file with any problem.
    """
    from piptui.domain.people import parse_sign_in_sheet
    from piptui.store.people_ops import PeopleOps

    from_stdin = str(file) == "-"
    source = "standard input" if from_stdin else str(file)
    try:
        blob = sys.stdin.buffer.read() if from_stdin else file.read_bytes()
    except OSError as exc:
        raise PiptuiError(f"Cannot read {source}: {exc.strerror or exc}") from None
    try:
        text = blob.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PiptuiError(f"{source} is not UTF-8 text (save the sheet as 'CSV UTF-8'); nothing was imported") from None
    with _store(_obj(ctx), _programme(ctx)) as store:
        people = parse_sign_in_sheet(text, source=source, known=store.participants())
        count = PeopleOps(store).import_people(people, source=source)
    click.echo(f"Imported {count} participant{'s' if count != 1 else ''} into {_programme(ctx)}")


@click.command("session")
@click.argument("name", shell_complete=complete_programmes)
@click.argument("number", type=click.IntRange(1, 99))
@click.option("--date", help="The session's date, YYYY-MM-DD ('' clears it).")
@click.option(
    "--facilitator",
    "facilitators",
    multiple=True,
    help="A facilitator: a participant, by name (repeatable; replaces the list).",
)
@click.option("--venue", help="Where the session meets.")
@pass_ctx
def session_command(
    obj: Context, name: str, number: int, date: str | None, facilitators: tuple[str, ...], venue: str | None
) -> None:
    """Show or set session NUMBER's date, facilitators and venue. Without options, prints them."""
    from piptui.store.people_ops import UNSET, PeopleOps

    with _store(obj, name) as store:
        if date is None and not facilitators and venue is None:
            session = store.session(number)
        else:
            session = PeopleOps(store).set_details(
                number,
                date=UNSET if date is None else date,
                venue=UNSET if venue is None else venue,
                facilitators=facilitators if facilitators else UNSET,
            )
    click.echo(f"Session {session.number}: {session.title}")
    click.echo(f"  date:         {session.date or '-'}")
    click.echo(f"  facilitators: {', '.join(session.facilitators) or '-'}")
    click.echo(f"  venue:        {session.venue or '-'}")

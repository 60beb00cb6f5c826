"""``piptui cast NAME``: who plays which role in a session's role play.

Prints the cast, assigning one (everyone in the other sector's shoes, evenly) when none is
stored; ``--reassign`` makes a fresh one; ``--set PERSON=ROLE`` changes one person's role. The
cast is stored in the programme file, so every terminal sees it. Bad input (an unknown person or
role, a session without a role play, a programme without participants): exit 1, nothing written.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from piptui.cli.common import Context, pass_ctx

if TYPE_CHECKING:
    from piptui.domain.exercise import Exercise
    from piptui.exercises import Library

SHORT = {"council": "Council", "statutory": "Statutory", "vcs": "VCS", "other": "Other"}


@click.command("cast")
@click.argument("name")
@click.option("--session", "session_number", type=click.IntRange(1, 5), help="Session number (default: current).")
@click.option("--step", help="The role play's step, 'exercise/step' (default: the session's role play).")
@click.option("--json", "as_json", is_flag=True, help="Print the cast as JSON.")
@click.option("--reassign", is_flag=True, help="Make a fresh cast, replacing the stored one.")
@click.option(
    "--set",
    "changes",
    multiple=True,
    metavar="PERSON=ROLE",
    help="Give PERSON (a name) the role ROLE (an id; empty: no role). Repeatable.",
)
@pass_ctx
def cast_command(
    obj: Context,
    name: str,
    session_number: int | None,
    step: str | None,
    as_json: bool,
    reassign: bool,
    changes: tuple[str, ...],
) -> None:
    """Print (and store) the cast of the role play in programme NAME."""
    from piptui.domain.casting import cast_rows, find_participant, find_role
    from piptui.domain.roles import crosses
    from piptui.errors import InvalidInput
    from piptui.exercises import load_library
    from piptui.store import SessionStore, programme_path
    from piptui.store.cast_ops import CastOps, check_castable

    pairs: list[tuple[str, str]] = []
    for change in changes:
        person, sep, role = change.partition("=")
        if not sep or not person.strip():
            raise click.UsageError(f"--set takes PERSON=ROLE, not '{change}'")
        pairs.append((person.strip(), role.strip()))
    library = load_library(obj.exercise_dirs)
    path = programme_path(obj.sessions_dir, name)
    with SessionStore(path) as store:
        number = session_number if session_number is not None else store.programme().current_session
        session = store.session(number)
        exercise = _role_play(library, session.exercises, step, number)
        ops = CastOps(store)
        people = store.participants()
        check_castable(exercise.roles, people, exercise.title)
        for person, role in pairs:  # check every change before writing any
            find_participant(people, person)
            if role:
                find_role(exercise.roles, role)
        assigned = False
        if reassign or ops.cast(number, exercise.id) is None:
            ops.assign(number, exercise.id, exercise.roles, title=exercise.title)
            assigned = True
        for person, role in pairs:
            ops.set_role(number, exercise.id, exercise.roles, person, role or None)
        cast = ops.cast(number, exercise.id)
        rows = cast_rows(cast, store.participants(), exercise.roles)
    if not rows:
        raise InvalidInput("This programme has no participants yet")
    if as_json:
        data = {
            "session": number,
            "exercise": exercise.id,
            "assigned_now": assigned,
            "cast": [
                {
                    "person": r.participant.name,
                    "organisation": r.participant.organisation,
                    "sector": r.participant.sector.value,
                    "role": r.role.id if r.role else None,
                    "role_title": r.role.title if r.role else None,
                    "role_sector": r.role.sector.value if r.role else None,
                }
                for r in rows
            ],
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    table = [("Person", "Their sector", "Role", "Role's sector")]
    for r in rows:
        mark = " (other sector)" if r.role is not None and crosses(r.participant.sector, r.role.sector) else ""
        table.append(
            (
                r.participant.name,
                SHORT[r.participant.sector.value],
                r.role.title if r.role else "no role",
                (SHORT[r.role.sector.value] + mark) if r.role else "",
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    click.echo(f"{exercise.title}, session {number}" + (" (cast now)" if assigned else ""))
    for row in table:
        click.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())


def _role_play(library: Library, agenda: tuple[str, ...], step: str | None, number: int) -> Exercise:
    """The role play to cast: the exercise of ``--step``, else the first role play on the agenda."""
    from piptui.domain.model import split_step_ref
    from piptui.errors import InvalidInput

    if step is not None:
        exercise_id, _step = split_step_ref(step)
        found = library.exercises.get(exercise_id)
        if found is None:
            raise InvalidInput(f"No exercise '{exercise_id}' in the exercise library")
        if not found.roles:
            raise InvalidInput(f"'{found.title}' is not a role play: it has no roles to cast")
        return found
    for exercise_id in agenda:
        found = library.exercises.get(exercise_id)
        if found is not None and found.kind.value == "role_play":
            if not found.roles:
                raise InvalidInput(f"The role play '{found.title}' has no roles in its script")
            return found
    raise InvalidInput(f"Session {number} has no role play on its agenda (name one with --step EXERCISE/STEP)")

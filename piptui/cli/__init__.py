"""The ``piptui`` command. Thin: parse, call the store / export / app, map errors to exit codes.

Exit codes: 0 done; 1 bad data (unknown programme, empty text, a corrupt file...);
2 bad usage (unknown option, missing argument, a value outside an option's choices).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from piptui.cli.common import Context, PiptuiGroup, complete_programmes, pass_ctx, sector_choice
from piptui.errors import PiptuiError

if TYPE_CHECKING:
    from piptui.domain.model import Session
    from piptui.ui.app import Mode


@click.group(
    cls=PiptuiGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    lazy={},  # filled from LAZY_COMMANDS below
)
@click.option(
    "--sessions-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of programme files (default: $PIPTUI_SESSIONS, else ./sessions if present, "
    "else the user data folder).",
)
@click.option(
    "--exercises-dir",
    "exercise_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of your own exercise scripts; they override bundled ones with the same id "
    "(repeatable; default $PIPTUI_EXERCISES).",
)
@click.version_option(package_name="piptui")
@click.pass_context
def main(ctx: click.Context, sessions_dir: Path | None, exercise_dirs: tuple[Path, ...]) -> None:
    """Run a Partnership Improvement Programme workshop from the terminal.

    Without a command, opens the home screen: the programmes in the sessions folder.
    """
    ctx.obj = Context(sessions_dir_option=sessions_dir, exercise_dirs_option=exercise_dirs)
    if ctx.invoked_subcommand not in SCREEN_COMMANDS:
        gc.enable()  # paused since the first line (piptui.__main__); only a screen's start-up keeps it so
    if ctx.invoked_subcommand is None:
        from piptui.ui.app import create_app

        run_app(create_app(sessions_dir=ctx.obj.sessions_dir, exercise_dirs=ctx.obj.exercise_dirs))


SCREEN_COMMANDS = {None, "demo", "open", "wall"}  # those that start the app (run_app); None: the home screen


class NoTerminal(PiptuiError):
    """The screens were asked for with no terminal to draw them in (exit 2: a usage error)."""

    exit_code = 2


def checked_person(person: str | None) -> str | None:
    """``--as NAME`` as the screens will sign cards with it; refused (one line, exit 1) if it
    holds a control character or is blank, which would refuse every card typed after."""
    if person is None:
        return None
    from piptui.domain.people import NAME_LIMIT, clean_text

    return clean_text(person, "Your name (--as)", limit=NAME_LIMIT, required=True)


def has_terminal() -> bool:
    """Whether keys come from a terminal and the screen goes to one, or from a driver named in
    ``TEXTUAL_DRIVER``: ``piptui serve`` runs the app under textual-serve's web driver, which
    talks to the browser through pipes (the browser is the terminal)."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    return sys.stdin.isatty() and sys.__stderr__ is not None and sys.__stderr__.isatty()


def run_app(app: Any) -> None:
    # Without a terminal (stdin from a file or /dev/null, or the screen's stderr redirected) the app
    # would draw into a file, never read a key and spin a core: say so instead.
    if not has_terminal():
        raise NoTerminal(
            "the screens need a terminal: run piptui in one (for scripts: piptui add, list, export, report)"
        )
    # No cyclic garbage collection until the first frame is drawn (the app turns it back on then):
    # start-up makes hundreds of thousands of objects that live as long as the app, and a full
    # collection in the middle of it cost 40-50 ms of the first frame (bench start-up).
    gc.disable()
    try:
        app.run()
    finally:
        gc.enable()
    if getattr(app, "return_code", 0):
        sys.exit(app.return_code)


@main.command("new")
@click.argument("name")
@click.option("--area", required=True, help="The local authority area, e.g. Darlington.")
@click.option("--title", default="", help="A title for the programme.")
@click.option("--script", default=None, help="Programme script id (default: pip-5-sessions).")
@pass_ctx
def new_cmd(obj: Context, name: str, area: str, title: str, script: str | None) -> None:
    """Create a programme NAME with the five PIP sessions on its agenda."""
    from piptui.programmes import create_programme

    path = create_programme(
        obj.sessions_dir, name, area=area, title=title, script=script, exercise_dirs=obj.exercise_dirs
    )
    click.echo(f"Created {path}")


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the programmes as JSON (for scripts).")
@pass_ctx
def list_cmd(obj: Context, as_json: bool) -> None:
    """List the programmes in the sessions folder."""
    from piptui.store.locations import list_programmes

    programmes = list_programmes(obj.sessions_dir)
    if as_json:
        import json

        rows = [
            {"name": p.name, "path": str(p.path), "error": p.error}
            if p.error
            else {"name": p.name, "path": str(p.path), "area": p.area, "title": p.title, "cards": p.cards,
                  "sessions_held": p.sessions_held}
            for p in programmes
        ]  # fmt: skip
        folder = {"path": str(obj.sessions_dir), "reason": obj.sessions_dir_reason}
        click.echo(json.dumps({"sessions_folder": folder, "programmes": rows}, ensure_ascii=False, indent=2))
        return
    click.echo(f"Sessions folder: {obj.sessions_dir} ({obj.sessions_dir_reason})")
    if not programmes:
        click.echo("No programmes yet. Create one with: piptui new NAME --area AREA  (or try: piptui demo)")
        return
    from piptui.domain.text_rules import visible_line as shown  # a title's ESC never reaches the terminal

    width = max(len(p.name) for p in programmes)
    for p in programmes:
        if p.error:
            click.echo(f"{p.name:<{width}}  cannot be opened: {shown(p.error)}")
        else:
            held = f"{p.sessions_held} sessions held"
            click.echo(f"{p.name:<{width}}  {shown(p.area):<14} {p.cards:>5} cards  {held}  {shown(p.title)}")


@main.command("open")
@click.argument("name", shell_complete=complete_programmes)
@click.option("--session", "session_number", type=click.IntRange(1, 5), help="Session number (1-5).")
@click.option("--as", "person", help="Who you are: recorded on every card and edit you make.")
@click.option("--wall", is_flag=True, help="Open the read-only wall view for the projector.")
@click.option("--notes", "note_taker", is_flag=True, help="Open the capture-only note-taker screen.")
@click.option(
    "--lead",
    is_flag=True,
    help="Lead the room: the wall and the note-takers follow this screen "
    "(whoever led until now is told so on their screen).",
)
@pass_ctx
def open_cmd(
    obj: Context,
    name: str,
    session_number: int | None,
    person: str | None,
    wall: bool,
    note_taker: bool,
    lead: bool = False,
) -> None:
    """Open programme NAME at its current (or the given) session."""
    if wall and note_taker:
        raise click.UsageError("Choose one of --wall and --notes")
    if lead and (wall or note_taker):
        raise click.UsageError("--lead is for the session screen: the wall and the note-takers follow the lead")
    from piptui.store import SessionStore, programme_path
    from piptui.ui.app import create_app

    path = programme_path(obj.sessions_dir, name)
    mode: Mode = "wall" if wall else "notes" if note_taker else "session"
    person = checked_person(person)
    with SessionStore(path, author=person) as store:  # refuses a bad file before any screen opens
        if session_number is not None:
            store.session(session_number)  # refuses a session the programme lacks
        if lead:
            # This terminal leads the room from now: the wall and the note-takers follow it, and the
            # lead's screen until now says who took over. (Without --lead, the session screen takes
            # the lead only if nobody has it; else it browses without moving the room.)
            from piptui.store.room_ops import RoomLead

            RoomLead(store, person).take(session_number)
    run_app(
        create_app(
            sessions_dir=obj.sessions_dir,
            exercise_dirs=obj.exercise_dirs,
            programme=path,
            session=session_number,
            author=person,
            mode=mode,
        )
    )


@main.command("demo")
@click.option(
    "--as",
    "person",
    help="Who you are: recorded on every card and edit you make, and named as the room's lead "
    "(default: the name you last gave piptui, else the demo's facilitator, Sue Carter).",
)
@pass_ctx
def demo_cmd(obj: Context, person: str | None) -> None:
    """Create (if absent) and open the Darlington demo programme."""
    from piptui.programmes import demo_person, ensure_demo
    from piptui.ui.app import create_app

    person = checked_person(person)
    path = ensure_demo(obj.sessions_dir)
    run_app(
        create_app(
            sessions_dir=obj.sessions_dir,
            exercise_dirs=obj.exercise_dirs,
            programme=path,
            author=demo_person(person),  # the room is led by a name, never "someone"
            mode="session",
        )
    )


@main.command("add")
@click.argument("name", shell_complete=complete_programmes)
@click.argument("text")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--sector", type=sector_choice(), help="The speaker's sector.")
@click.option("--voiced-as", type=sector_choice(), help="The sector a perspective is voiced as.")
@click.option("--by", "person", help="Who captured it.")
@click.option("--session", "session_number", type=click.IntRange(1, 5), help="Session number (default: current).")
@click.option("--step", help="Step id, 'exercise/step' (default: the session's current step).")
@click.option("--column", help="Column id within the step.")
@click.option("--confidential", is_flag=True, help="Mark the card confidential (never exported unless asked).")
@pass_ctx
def add_cmd(
    obj: Context,
    name: str,
    text: str,
    tags: tuple[str, ...],
    sector: str | None,
    voiced_as: str | None,
    person: str | None,
    session_number: int | None,
    step: str | None,
    column: str | None,
    confidential: bool,
) -> None:
    """Capture one card into programme NAME without the TUI. TEXT is stored literally.

    A --tag naming a column puts the card in that column, as #tag does in the capture line."""
    from piptui.store import SessionStore, programme_path

    path = programme_path(obj.sessions_dir, name)
    with SessionStore(path, author=person) as store:
        if session_number is not None:
            step, column, tags = place_card(obj, store.session(session_number), step, column, tags)
        else:  # the current session; a programme without sessions takes the card as it is
            current = store.programme().current_session
            if any(s.number == current for s in store.sessions()) or step is not None or column is not None:
                step, column, tags = place_card(obj, store.session(current), step, column, tags)
        card = store.add_card(
            text,
            tags=tags,
            sector=sector,
            voiced_as=voiced_as,
            author=person,
            session=session_number,
            step=step,
            column=column,
            confidential=confidential,
        )
    click.echo(f"Added card {card.id[:8]} to {name} (session {card.session}, step {card.step or '-'})")


@main.command("compact")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask (for scripts).")
@pass_ctx
def compact_cmd(obj: Context, name: str, yes: bool) -> None:
    """Drop programme NAME's undo history, and with it the text of deleted cards."""
    from piptui.store import SessionStore, programme_path

    path = programme_path(obj.sessions_dir, name)
    with SessionStore(path) as store:
        events = store.history_size()
        if not events:
            click.echo(f"{name} has no undo history: nothing to drop")
            return
        question = (
            f"Drop the undo history of {name} ({events} changes)? Nobody will be able to undo them, "
            "and the text of deleted cards (confidential ones too) will be gone from the file."
        )
        if not yes and not click.confirm(question, default=False):
            click.echo("Nothing was changed")
            return
        dropped = store.compact()
    click.echo(f"Dropped {dropped} change{'' if dropped == 1 else 's'} from the undo history of {name}")


def place_card(
    obj: Context, session: Session, step: str | None, column: str | None, tags: tuple[str, ...]
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """The step, column and tags of a card added from the command line: --step and --column must
    be ones the session has (InvalidInput listing them), and tags pick a column by the capture
    line's rule (:func:`piptui.domain.columns.draft_card`)."""
    from piptui.domain.capture import normalise_tag
    from piptui.domain.columns import column_for_tags
    from piptui.domain.model import step_ref
    from piptui.errors import InvalidInput
    from piptui.exercises import load_library

    library = load_library(obj.exercise_dirs)
    steps = {step_ref(e.id, s.id): s for e, s in library.agenda(session.exercises)}
    if step is not None and step not in steps:
        have = ", ".join(steps) or "none"
        raise InvalidInput(f"Session {session.number} has no step {step!r}; its steps: {have}")
    ref = step if step is not None else session.current_step
    found = steps.get(ref) if ref is not None else None
    columns = found.columns if found is not None else ()
    ids = {c.id for c in columns}
    if column is not None and column not in ids:
        have = ", ".join(c.id for c in columns) or "none (it has no columns)"
        raise InvalidInput(f"Step {ref or '-'} has no column {column!r}; its columns: {have}")
    if column is None:
        column = column_for_tags(tags, columns)
    kept = tuple(t for t in tags if normalise_tag(t) not in {normalise_tag(i) for i in ids})
    return step, column, kept


# Commands that live in their own modules, imported only when used: {name: "module:attribute"}.
LAZY_COMMANDS = {
    "cast": "piptui.cli.cast_cmd:cast_command",
    "exercises": "piptui.cli.exercises_cmd:exercises_group",
    "export": "piptui.cli.export_cmd:export_command",
    "import": "piptui.cli.export_cmd:import_command",
    "serve": "piptui.cli.live_cmd:serve_command",
    "wall": "piptui.cli.live_cmd:wall_command",
    "survey": "piptui.cli.survey_cmd:survey_group",
    "report": "piptui.cli.survey_cmd:report_command",
    "participants": "piptui.cli.people_cmd:participants_group",
    "session": "piptui.cli.people_cmd:session_command",
    "programme": "piptui.cli.publish_cmd:programme_command",
    "findings": "piptui.cli.publish_cmd:findings_command",
}

main.lazy.update(LAZY_COMMANDS)

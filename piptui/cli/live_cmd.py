"""The live room from the command line: ``piptui wall NAME`` and ``piptui serve NAME``.

``wall`` is ``piptui open NAME --wall``: the read-only projector view.

``serve`` shows a view (the wall by default) in a web browser through textual-serve,
for a projector plugged into another machine. textual-serve has no authentication:
whoever reaches the port gets the view (and, for ``--view session``, can type into
the programme). So it listens on 127.0.0.1 only, and refuses any other address unless
``--public`` is given; from another machine, forward the port over SSH instead.
textual-serve is an optional extra: ``pip install 'piptui[serve]'``.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path
from typing import Any

import click

from piptui.cli.common import Context, complete_programmes, pass_ctx
from piptui.errors import PiptuiError

VIEWS = {"wall": ["--wall"], "notes": ["--notes"], "session": []}
DEFAULT_FONT_SIZE = 24  # pixels per character height: at 1920x1080, about 140x38 cells, read from the back
PAGE_FOLDER = Path(__file__).parent / "serve_page"  # our page: its fonts from this machine, no web font service
SSH_HINT = "ssh -L {port}:localhost:{port} you@this-machine, then browse http://localhost:{port} there"


@click.command("wall")
@click.argument("name", shell_complete=complete_programmes)
@click.option(
    "--session",
    "session_number",
    type=click.IntRange(1, 5),
    help="Show this session (default: follow the facilitator's current session).",
)
@click.pass_context
def wall_command(ctx: click.Context, name: str, session_number: int | None) -> None:
    """Open programme NAME's wall: the read-only view for the projector.

    The same as ``piptui open NAME --wall``. It shows the current prompt, the timer and the
    board, hides confidential cards and facilitator notes, and follows the facilitator.
    """
    from piptui.cli import open_cmd

    ctx.invoke(open_cmd, name=name, session_number=session_number, person=None, wall=True, note_taker=False)


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1); False for any other name."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def served_command(obj: Context, name: str, view: str, session_number: int | None, person: str | None) -> str:
    """The shell command textual-serve runs for each browser that connects."""
    args = [sys.executable, "-m", "piptui", "--sessions-dir", str(obj.sessions_dir)]
    for folder in obj.exercise_dirs_option:
        args += ["--exercises-dir", str(folder)]
    args += ["open", name, *VIEWS[view]]
    if session_number is not None:
        args += ["--session", str(session_number)]
    if person:
        args += ["--as", person]
    return shlex.join(args)


@click.command("serve")
@click.argument("name", shell_complete=complete_programmes)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Only loopback is allowed without --public.",
)
@click.option(
    "--view",
    type=click.Choice(sorted(VIEWS)),
    default="wall",
    show_default=True,
    help="What the browser shows: the read-only wall, the note-taker, or the full session screen.",
)
@click.option(
    "--session",
    "session_number",
    type=click.IntRange(1, 5),
    help="Session number (default: follow the facilitator's current session).",
)
@click.option("--as", "person", help="Who the browser's captures are recorded as (notes and session views).")
@click.option(
    "--font-size",
    type=click.IntRange(8, 96),
    default=DEFAULT_FONT_SIZE,
    show_default=True,
    help="Text size in the browser, in pixels (the default reads from the back of a room on a "
    "1920x1080 projector; a ?fontsize=N in the address overrides it).",
)
@click.option(
    "--public",
    is_flag=True,
    help="Allow a --host other than loopback. textual-serve has NO password: anyone who reaches "
    "the port sees the view (and with --view session can change the programme).",
)
@pass_ctx
def serve_command(
    obj: Context,
    name: str,
    port: int,
    host: str,
    view: str,
    session_number: int | None,
    person: str | None,
    font_size: int,
    public: bool,
) -> None:
    """Show programme NAME in a web browser (textual-serve), for a projector on another machine.

    Listens on 127.0.0.1 only. To show it on another machine, forward the port over SSH from
    that machine (ssh -L 8000:localhost:8000 you@this-machine) and browse http://localhost:8000.
    """
    if not is_loopback(host) and not public:
        raise click.BadParameter(
            f"{host} is not a loopback address, and textual-serve has no password: anyone who can "
            f"reach it would see the programme. Keep the default (127.0.0.1) and forward the port "
            f"over SSH instead: {SSH_HINT.format(port=port)}. (--public allows it anyway.)",
            param_hint="--host",
        )
    from piptui.store import programme_path

    path = programme_path(obj.sessions_dir, name)
    obj.check_programme(path)
    from piptui.cli import checked_person

    person = checked_person(person)  # refused here, not in the browser's terminal later
    server_class = _server_class()
    if not is_loopback(host):
        click.secho(
            f"WARNING: serving {name} on {host}:{port} with NO authentication. Anyone who can reach "
            f"this address sees the {view} view" + (" and can change the programme." if view != "wall" else "."),
            err=True,
            fg="red",
            bold=True,
        )
    command = served_command(obj, name, view, session_number, person)
    server = server_class(command, host=host, port=port, title=f"piptui · {name} · {view}", templates_path=PAGE_FOLDER)
    server.default_font_size = font_size
    click.echo(f"Serving the {view} view of {name} at http://{_url_host(host)}:{port}  (Ctrl+C stops)")
    if is_loopback(host):
        click.echo(f"Only this machine can connect. From another machine: {SSH_HINT.format(port=port)}.")
    server.serve()


def _server_class() -> Any:
    try:
        import aiohttp_jinja2
        from textual_serve.server import Server
    except ImportError:
        raise PiptuiError(
            "The browser view needs textual-serve, an optional extra: pip install 'piptui[serve]' "
            "(or: pip install textual-serve)"
        ) from None

    class PiptuiServer(Server):  # type: ignore[misc]
        """textual-serve with our page (local fonts only) and a projector-sized default font."""

        default_font_size = DEFAULT_FONT_SIZE

        @aiohttp_jinja2.template("app_index.html")  # type: ignore[untyped-decorator]
        async def handle_index(self, request: Any) -> dict[str, Any]:
            context: dict[str, Any] = await Server.handle_index.__wrapped__(self, request)  # type: ignore[attr-defined]
            if "fontsize" not in request.query:
                context["font_size"] = self.default_font_size
            return context

    return PiptuiServer


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host

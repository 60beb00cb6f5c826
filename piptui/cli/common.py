"""What every CLI command shares: the context (folders), error mapping, option types."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import cached_property, update_wrapper
from pathlib import Path
from typing import Any, TypeVar

import click

from piptui.domain.model import SECTOR_IDS
from piptui.errors import PiptuiError

F = TypeVar("F", bound=Callable[..., Any])


class Context:
    """The group's options, resolved when first asked. (A plain class: a dataclass costs a
    millisecond to create, at every start of every command.)"""

    def __init__(self, sessions_dir_option: Path | None = None, exercise_dirs_option: tuple[Path, ...] = ()) -> None:
        self.sessions_dir_option = sessions_dir_option
        self.exercise_dirs_option = exercise_dirs_option

    @cached_property
    def _resolved(self) -> tuple[Path, str]:
        from piptui.store.locations import resolve_sessions_dir

        return resolve_sessions_dir(self.sessions_dir_option)

    @property
    def sessions_dir(self) -> Path:
        return self._resolved[0]

    @property
    def sessions_dir_reason(self) -> str:
        return self._resolved[1]

    @cached_property
    def exercise_dirs(self) -> list[Path]:
        """As ``piptui.exercises.exercise_dirs``, which is not imported here: it would load the
        YAML machinery (~30 ms) before the first frame; the library loads after it."""
        if self.exercise_dirs_option:
            return [Path(d) for d in self.exercise_dirs_option]
        env = os.environ.get("PIPTUI_EXERCISES", "")
        return [Path(d.strip()) for d in env.split(os.pathsep) if d.strip()]

    def check_programme(self, path: Path) -> None:
        """Refuse a programme file that cannot be read, before any screen opens."""
        from piptui.store import SessionStore

        SessionStore(path).close()


def pass_ctx(f: F) -> F:
    """Like click.pass_obj, typed for our Context."""

    @click.pass_context
    def new_func(ctx: click.Context, *args: Any, **kwargs: Any) -> Any:
        obj = ctx.find_object(Context)
        if obj is None:  # a command invoked on its own (tests)
            obj = ctx.ensure_object(Context)
        return ctx.invoke(f, obj, *args, **kwargs)

    return update_wrapper(new_func, f)  # type: ignore[return-value]


class PiptuiGroup(click.Group):
    """A group that prints our errors as one line on stderr (exit 1), never a traceback.

    Commands named in ``lazy`` ({name: "module:attribute"}) are imported only when they are
    run or listed, so ``piptui demo`` does not pay for every command's imports at start-up.
    """

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, str] = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.lazy.get(cmd_name)
        if target is not None and cmd_name not in self.commands:
            import importlib

            module, _, attribute = target.partition(":")
            command = getattr(importlib.import_module(module), attribute)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PiptuiError as exc:
            from piptui.domain.text_rules import visible

            click.echo(f"piptui: {visible(exc.message)}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            # The reader went away (``piptui list | head``): stop quietly, as other tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(1)
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            click.echo(f"piptui: {exc.strerror or exc}{where}", err=True)
            ctx.exit(1)


def complete_programmes(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Shell completion of a programme NAME: the programme files of the sessions folder in use."""
    from click.shell_completion import CompletionItem

    from piptui.store.locations import resolve_sessions_dir

    try:
        folder, _why = resolve_sessions_dir(ctx.find_root().params.get("sessions_dir"))
        names = sorted(p.stem for p in folder.glob("*.json") if not p.name.startswith("."))
    except (OSError, PiptuiError):
        return []
    return [CompletionItem(n) for n in names if n.startswith(incomplete)]


def sector_choice() -> click.Choice:
    return click.Choice(SECTOR_IDS, case_sensitive=False)

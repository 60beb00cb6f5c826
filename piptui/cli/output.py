"""Where a command's document goes: ``-o FILE`` (written whole, atomically) or standard output.

Shared by ``piptui findings`` and ``piptui report``: the ``-o`` option, the format its suffix
implies, and the write. The document is made before anything is written, so a command that
fails leaves no file, empty or half-written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def output_option(f: F) -> F:
    """``-o/--output FILE`` (``-`` or none: standard output)."""
    option = click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
        help="Write to this file (atomically) instead of standard output.",
    )
    return option(f)


def to_standard_output(output: Path | None) -> bool:
    return output is None or str(output) == "-"


def chosen_format(fmt: str | None, output: Path | None, by_suffix: Mapping[str, str], default: str) -> str:
    """``--format`` if given, else the one the ``-o`` file's suffix names, else ``default``."""
    if fmt:
        return fmt.lower()
    if to_standard_output(output) or output is None:
        return default
    return by_suffix.get(output.suffix.lower(), default)


def write_output(output: Path | None, blob: bytes, what: str) -> None:
    """``blob`` to the ``-o`` file (whole or not at all, 0600, never over a programme file),
    saying ``Wrote WHAT to FILE``; or to standard output as it is."""
    if to_standard_output(output) or output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(blob)
        sys.stdout.buffer.flush()
        return
    from piptui.export.exporter import write_file

    write_file(output, blob)
    click.echo(f"Wrote {what} to {output}")

"""piptui's benchmarks: ``python -m bench`` (full, a few minutes at most) or ``python -m bench --smoke``.

One module per row of the table, named for what it measures: :mod:`bench.startup`,
:mod:`bench.capture`, :mod:`bench.screen` (capture-to-screen), :mod:`bench.sync`, :mod:`bench.board`,
:mod:`bench.export`, :mod:`bench.idle`. Each has ``run(ctx) -> list[Row]`` and measures piptui
against its baseline in the same run, so a busy machine slows both. :mod:`bench.data` makes the
programmes (deterministic, from the demo's card texts); :mod:`bench.table` prints the rows.

These are measurements, not timed tests: CI runs ``--smoke`` once (tests/test_bench_smoke.py) only to
prove that every row still runs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

N = TypeVar("N", int, float)

ROOT = Path(__file__).resolve().parent.parent  # the repository: children run ``python -m bench.x`` from here


@dataclass(frozen=True, slots=True)
class Context:
    """What every row gets: the size of the run and a scratch folder of its own."""

    smoke: bool
    workdir: Path
    seed: int = 2008

    def size(self, full: N, smoke: N) -> N:
        return smoke if self.smoke else full

    def folder(self, name: str) -> Path:
        path = self.workdir / name
        path.mkdir(parents=True, exist_ok=True)
        return path


def child_env(ctx: Context) -> dict[str, str]:
    """The environment of a measured child process: none of the user's piptui or Textual settings.

    Bytecode caches on, as for an installed piptui, but kept in the scratch folder
    (``PYTHONPYCACHEPREFIX``), never written into the tree: a launch that compiled piptui's
    modules every time (``PYTHONDONTWRITEBYTECODE``) would measure the compiler.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIPTUI_", "TEXTUAL"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        XDG_DATA_HOME=str(ctx.folder("xdg")),
        XDG_CACHE_HOME=str(ctx.folder("xdg-cache")),  # piptui's kept stylesheet parse (piptui.ui.css_cache)
        TERM="xterm-256color",
        COLORTERM="truecolor",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
        PYTHONPYCACHEPREFIX=str(ctx.folder("pycache")),
    )
    return env


# What the measured children import: compiled once, before any row, into the scratch folder.
WARM_IMPORTS = (
    "import piptui.cli, piptui.programmes, piptui.ui.app, piptui.ui.screens.home, piptui.ui.screens.session, "
    "piptui.exercises, piptui.ui.watch, psutil, bench.board, bench.capture_to_screen, bench.sync; "
    "from textual.widgets import Label; piptui.exercises.load_library()"
)


def warm_bytecode(ctx: Context) -> None:
    """Fill the scratch folder's bytecode caches, so that no measured launch compiles."""
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", WARM_IMPORTS], cwd=ROOT, env=child_env(ctx), check=False)

"""``python -m piptui``, and the ``piptui`` command (its entry point in pyproject.toml)."""

from __future__ import annotations

import gc


def main() -> None:
    """The CLI, with the cyclic garbage collector paused from the process's first line.

    Importing Textual and piptui makes objects that live as long as the process; collecting them
    while importing cost about 4% of the first frame (40 million instructions, bench start-up). A
    command that opens a screen keeps the collector paused until the first frame is drawn
    (:func:`piptui.cli.run_app`); every other command turns it back on before it runs
    (:func:`piptui.cli.main`).

    The code ``@dataclass`` compiles for piptui's records is kept between launches
    (:mod:`piptui.dataclass_code`): about 5% of the first frame.
    """
    gc.disable()
    from piptui import dataclass_code

    dataclass_code.install()  # piptui's records from code compiled at an earlier launch
    from piptui.cli import main as cli

    cli()


if __name__ == "__main__":
    main()

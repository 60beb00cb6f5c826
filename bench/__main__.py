"""``python -m bench [--smoke] [--only ROW]...``: measure every row, print the table.

Progress goes to stderr, the table to stdout. Exit status 1 if a row failed to run (a row
whose piece of piptui is missing prints "not available" and is not a failure; a missed
goal is a result, not a failure).
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from bench import Context, warm_bytecode
from bench.table import Row, render

# row name -> the module that measures it (each has run(ctx) -> list[Row])
ROWS = {
    "start-up": "bench.startup",
    "capture": "bench.capture",
    "capture-to-screen": "bench.capture_to_screen",
    "sync": "bench.sync",
    "board": "bench.board",
    "export": "bench.export",
    "publish": "bench.publish",
    "idle": "bench.idle",
    "wall-idle": "bench.wall_idle",
}


def run_row(name: str, ctx: Context) -> tuple[list[Row], bool]:
    """The row's results, and whether it ran without an error."""
    started = time.perf_counter()
    print(f"{name} ...", file=sys.stderr, flush=True)
    try:
        rows = importlib.import_module(ROWS[name]).run(ctx)
    except Exception as exc:
        traceback.print_exc()
        return [Row(name, "error", note=f"{type(exc).__name__}: {exc}")], False
    print(f"{name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return rows, True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="every row at a small size, in seconds (CI)")
    parser.add_argument("--only", action="append", choices=list(ROWS), help="run only this row (repeatable)")
    parser.add_argument("--seed", type=int, default=2008, help="seed of the generated programmes")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (its path is printed)")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="piptui-bench-"))
    ctx = Context(smoke=args.smoke, workdir=workdir, seed=args.seed)
    started = time.perf_counter()
    rows: list[Row] = []
    ok = True
    try:
        if not args.smoke:
            warm_bytecode(ctx)
        for name in args.only or ROWS:
            got, fine = run_row(name, ctx)
            rows += got
            ok = ok and fine
    finally:
        if args.keep:
            print(f"scratch folder kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    import textual

    print(
        f"piptui benchmarks{' (smoke: small sizes, figures meaningless)' if args.smoke else ''}: "
        f"Python {platform.python_version()}, textual {textual.__version__}, {os.cpu_count()} cores, "
        f"{time.perf_counter() - started:.0f} s\n"
    )
    print(render(rows))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

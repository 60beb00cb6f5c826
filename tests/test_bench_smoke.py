"""The benchmark still runs: ``python -m bench --smoke`` exits 0 and prints every row.

Not a timed test: the smoke run measures at small sizes and its figures mean nothing;
this only proves the harness and every row's measurement still work (issue 9).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the rows of issue 9 (a row may print "not available" while its piece of piptui is missing)
ROWS = ("start-up", "capture", "capture-to-screen", "sync", "board", "export", "idle")


def test_smoke_run_prints_every_row() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIPTUI_")}
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    table = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    names = [line.split("|")[1].strip() for line in table[1:]]
    for row in ROWS:
        assert any(name == row or name.startswith(row + " ") for name in names), (row, done.stdout)
    assert all(" error " not in line for line in table), done.stdout

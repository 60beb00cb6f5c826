"""The writers' lock cannot be split by deleting or replacing a lock file.

Four writers add 400 cards each while another process deletes (or replaces) the old
``<NAME>.json.lock`` every 5 ms: every acknowledged card must be in the file. Before the
lock moved to the programme's folder, a writer inside held the deleted file's inode
while the next one locked a new file: 51 of 1,600 cards were lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_procs import WRITER, finish, start_together

from piptui.store import SessionStore

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="flock")

# Deletes (or replaces by a new file) the lock file every 5 ms until the stop file exists.
SWAPPER = """
import os, sys, time
lock, mode, stop = sys.argv[1], sys.argv[2], sys.argv[3]
n = 0
while not os.path.exists(stop):
    try:
        if mode == "delete":
            os.unlink(lock)
        else:
            tmp = lock + ".new"
            with open(tmp, "w"):
                pass
            os.replace(tmp, lock)
        n += 1
    except FileNotFoundError:
        pass
    time.sleep(0.005)
print(n, flush=True)
"""


@posix_only
@pytest.mark.slow
@pytest.mark.parametrize("mode", ["delete", "replace"])
def test_deleting_or_replacing_the_lock_file_loses_no_card(programme_file: Path, tmp_path: Path, mode: str) -> None:
    lock = str(programme_file) + ".lock"
    stop = tmp_path / "stop"
    swapper = subprocess.Popen(
        [sys.executable, "-c", SWAPPER, lock, mode, str(stop)], stdout=subprocess.PIPE, text=True
    )
    try:
        procs = start_together(
            [[WRITER, str(programme_file), f"w{k}", "400", str(tmp_path / "go")] for k in range(4)], tmp_path / "go"
        )
        acked = [card_id for ids in finish(procs) for card_id in ids]
    finally:
        stop.touch()
        swaps = int((swapper.communicate(timeout=30)[0] or "0").strip() or 0)
    with SessionStore(programme_file) as store:
        ids = {c.id for c in store.cards()}
    assert len(acked) == 1600
    lost = set(acked) - ids
    assert not lost, f"{len(lost)} of 1,600 acknowledged cards lost ({swaps} lock files {mode}d)"
    assert swaps > 10, "the swapper did not run alongside the writers"
    assert os.path.exists(programme_file)

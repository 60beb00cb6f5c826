"""Several processes writing one programme file at once lose nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from piptui.store import SessionStore

WRITER = """
import sys
from piptui.store import SessionStore
path, who, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with SessionStore(path, author=who) as store:
    for i in range(n):
        store.add_card(f"{who} card {i}")
"""


def test_four_processes_adding_100_cards_each_end_with_400(programme_file: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(programme_file), f"w{k}", "100"]) for k in range(4)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    with SessionStore(programme_file) as store:
        cards = store.cards()
    assert len(cards) == 400
    assert len({c.id for c in cards}) == 400
    assert sorted(c.text for c in cards) == sorted(f"w{k} card {i}" for k in range(4) for i in range(100))

"""The change token notices an edit made in place, even one that keeps the size and the mtime."""

from __future__ import annotations

import os
from pathlib import Path

from piptui.store import SessionStore


def test_an_in_place_edit_keeping_size_and_mtime_is_seen_and_kept(programme_file: Path) -> None:
    with SessionStore(programme_file, author="ann") as store:
        store.add_card("alpha card")
        token = store.change_token()
        assert [c.text for c in store.cards()] == ["alpha card"]
        st = os.stat(programme_file)
        blob = programme_file.read_bytes()
        with open(programme_file, "r+b") as handle:  # same inode, same size
            handle.write(blob.replace(b"alpha card", b"omega card"))
        os.utime(programme_file, ns=(st.st_atime_ns, st.st_mtime_ns))  # within the same mtime tick
        assert os.stat(programme_file).st_size == st.st_size
        assert store.change_token() != token
        assert [c.text for c in store.cards()] == ["omega card"]
        store.add_card("second card")  # the next write keeps the edit
    with SessionStore(programme_file) as store:
        assert sorted(c.text for c in store.cards()) == ["omega card", "second card"]

"""Drafts: the unsaved text of a person's capture line, kept when piptui is killed.

A dropped SSH connection (SIGHUP) or a SIGTERM must not lose the line someone was typing.
It is kept as ``<NAME>.json.drafts/<person>.txt`` beside the programme: the folder 0700, the
file 0600 (a line may be confidential), written atomically (a temporary file, fsync, rename).
The same person's next session or notes screen takes it back into the capture line.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from urllib.parse import quote

from piptui.errors import NotSaved, not_saved

NOBODY = "_nobody"  # a capture line with no author
MAX_DRAFT = 100_000  # characters: a draft is one line typed by a person


def drafts_folder(programme: Path) -> Path:
    return programme.with_name(programme.name + ".drafts")


def draft_path(programme: Path, person: str | None) -> Path:
    """The draft file of ``person``; the name is quoted, so any name is one safe file name."""
    name = quote(person.strip(), safe=" ") if person and person.strip() else NOBODY
    return drafts_folder(programme) / f"{name[:200]}.txt"


def save_draft(programme: Path, person: str | None, text: str) -> Path:
    """Keep ``text`` as the person's draft (replacing theirs); NotSaved naming the file if it fails.

    Safe to call from a signal handler's callback: plain file calls, no lock taken."""
    path = draft_path(programme, person)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, text[:MAX_DRAFT].encode("utf-8", "surrogatepass"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise not_saved(exc, path) from None
    return path


def take_draft(programme: Path, person: str | None) -> str | None:
    """The person's draft, removed from disk (it goes back in their capture line); None if none."""
    path = draft_path(programme, person)
    try:
        text = path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None
    with contextlib.suppress(OSError):
        path.unlink()
    with contextlib.suppress(OSError):
        path.parent.rmdir()  # only when it is empty
    return text or None


__all__ = ["NotSaved", "draft_path", "drafts_folder", "save_draft", "take_draft"]

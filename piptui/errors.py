"""Errors a user can cause. Each carries a message fit to print; the CLI and the UI show it."""

from __future__ import annotations

import errno
import os


class PiptuiError(Exception):
    """Base of every error piptui reports to a person (CLI exit code 1)."""

    exit_code = 1

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class ProgrammeNotFound(PiptuiError):
    pass


class ProgrammeExists(PiptuiError):
    pass


class ProgrammeFileError(PiptuiError):
    """The programme file cannot be used: corrupt, truncated, not ours, or from a newer piptui."""


class NotSaved(PiptuiError):
    """A write failed (a full disk, a read-only folder, permission denied...); nothing was changed."""


class ReadOnlyFile(NotSaved):
    """The file to write is read-only (e.g. 0444): it is refused, never replaced."""


class NotFound(PiptuiError):
    """A card, cluster, objective or action that is not (or no longer) there."""


class Conflict(PiptuiError):
    """Someone else changed the thing since; the operation was not applied."""


class InvalidInput(PiptuiError):
    """Bad data from a person: empty text, an unknown sector, a malformed date..."""


class ExerciseError(PiptuiError):
    """An exercise script is invalid; the message starts with file:line:column."""


_REASONS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "over the disk quota",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "the file or its folder is no longer there",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOTDIR: "a folder on its path is a file",
    errno.EIO: "the device reported an input/output error",
    errno.EFBIG: "the file is too large for the device",
    errno.EMFILE: "too many files open",
    errno.ENAMETOOLONG: "its name is too long",
}


def os_reason(exc: OSError) -> str:
    """What went wrong, in a person's words (``no space left on the device``)."""
    reason = _REASONS.get(exc.errno or 0)
    if reason is None:
        reason = (exc.strerror or str(exc) or type(exc).__name__).rstrip(".")
        reason = reason[:1].lower() + reason[1:]
    return reason


def not_saved(exc: OSError, name: str | os.PathLike[str]) -> NotSaved:
    """``Not saved: no space left on the device (sessions/calderdale.json)``."""
    return NotSaved(f"Not saved: {os_reason(exc)} ({os.fspath(name)})")


def cannot_read(exc: OSError, name: str | os.PathLike[str]) -> ProgrammeFileError:
    """``Cannot read sessions/calderdale.json: permission denied``."""
    return ProgrammeFileError(f"Cannot read {os.fspath(name)}: {os_reason(exc)}")

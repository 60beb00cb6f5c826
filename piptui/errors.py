"""Errors a user can cause. Each carries a message fit to print; the CLI and the UI show it."""

from __future__ import annotations


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


class NotFound(PiptuiError):
    """A card, cluster, objective or action that is not (or no longer) there."""


class Conflict(PiptuiError):
    """Someone else changed the thing since; the operation was not applied."""


class InvalidInput(PiptuiError):
    """Bad data from a person: empty text, an unknown sector, a malformed date..."""


class ExerciseError(PiptuiError):
    """An exercise script is invalid; the message starts with file:line:column."""

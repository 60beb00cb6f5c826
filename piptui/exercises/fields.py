"""Reading typed fields out of a marked mapping, reporting every problem at its position.

A :class:`Checker` collects problems instead of raising, so one check of a file lists them all.
Each reader returns a usable default when the value is wrong, so the check can go on.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Any, TypeVar

from piptui.exercises.yaml_loader import REJECTED, MarkedList, MarkedMap, Pos, Problem

E = TypeVar("E", bound=StrEnum)

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
MAX_MINUTES = 480  # a whole day; a PIP session is half of one


def describe(value: Any) -> str:
    """What a wrong value is, in a facilitator's words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, datetime.date):
        return "a date"
    return type(value).__name__


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", text.strip().lower()).strip("-_") or "x"


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Checker:
    """Collects problems; ``where`` is the context that prefixes each message ("step 'sort'")."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, pos: Pos, where: str, message: str) -> None:
        self.problems.append(Problem(pos, f"{where}: {message}" if where else message))

    # -- the shape of a mapping -----------------------------------------------------
    def mapping(self, value: Any, pos: Pos, where: str, what: str) -> MarkedMap | None:
        if value is REJECTED:
            return None
        if not isinstance(value, MarkedMap):
            self.error(pos, where, f"{what} must be a mapping (key: value lines), not {describe(value)}")
            return None
        return value

    def keys(self, m: MarkedMap, where: str, allowed: Sequence[str], required: Sequence[str]) -> None:
        """Unknown keys (with a hint) and missing required keys."""
        misspelt: set[str] = set()
        for key in m:
            if key not in allowed:
                close = difflib.get_close_matches(key.lower(), list(allowed), n=1, cutoff=0.6)
                misspelt.update(close)
                hint = did_you_mean(key, allowed) or _elsewhere(key) or f" (expected one of: {', '.join(allowed)})"
                self.error(m.key_pos[key], where, f"unknown key '{key}'{hint}")
        for key in required:
            if key not in m and key not in misspelt:  # "titel" already says "did you mean 'title'?"
                self.error(m.pos, where, f"missing required key '{key}'")

    # -- scalar fields --------------------------------------------------------------
    def text(self, m: MarkedMap, key: str, where: str, *, one_line: bool = False, required: bool = False) -> str:
        """Text, stripped. An empty value is allowed unless ``required``."""
        if key not in m:
            return ""
        value = m[key]
        if value is REJECTED:
            return ""
        if value is None:
            if required:
                self.error(m.value_pos[key], where, f"{key} is empty")
            return ""
        if not isinstance(value, str):
            self.error(
                m.value_pos[key], where, f"{key}: expected text, not {describe(value)}" + _quote_hint(m.raw.get(key))
            )
            return ""
        text = value.strip()
        if required and not text:
            self.error(m.value_pos[key], where, f"{key} is empty")
        if one_line and "\n" in text:
            self.error(m.value_pos[key], where, f"{key} must be one line")
        return text

    def slug(self, m: MarkedMap, key: str, where: str) -> str:
        """A required id: lower-case letters, digits, '-' and '_' (what a #tag or a step ref can hold)."""
        if key not in m:
            return ""
        value = m[key]
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = m.raw.get(key, str(value))  # id: 2008 is the id "2008"
        if value is REJECTED:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.error(m.value_pos[key], where, f"{key}: expected an id, not {describe(value)}")
            return ""
        return self.check_slug(value.strip(), m.value_pos[key], where, key)

    def check_slug(self, value: str, pos: Pos, where: str, what: str) -> str:
        if not SLUG.match(value):
            self.error(
                pos, where, f"{what} '{value}' must be lower-case letters, digits, '-' or '_' (e.g. '{slugify(value)}')"
            )
        return value

    def minutes(self, m: MarkedMap, key: str, where: str) -> float | None:
        """A number of minutes, 0 to a day; ``None`` when absent or wrong."""
        if key not in m or m[key] is None or m[key] is REJECTED:
            return None
        value = m[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            shown = m.raw.get(key) if m.raw.get(key) is not None else describe(value)
            self.error(m.value_pos[key], where, f"{key} '{shown}' is not a number of minutes")
            return None
        if not 0 <= value <= MAX_MINUTES:
            self.error(
                m.value_pos[key], where, f"{key} {m.raw.get(key, value)} is not between 0 and {MAX_MINUTES} minutes"
            )
            return None
        return float(value)

    def choice(self, m: MarkedMap, key: str, where: str, enum: type[E], default: E | None = None) -> E | None:
        """One of an enum's values (case does not matter)."""
        if key not in m or m[key] is REJECTED:
            return default
        value = m[key]
        names = [e.value for e in enum]
        if not isinstance(value, str):
            self.error(m.value_pos[key], where, f"{key}: expected one of {', '.join(names)}, not {describe(value)}")
            return default
        try:
            return enum(value.strip().lower())
        except ValueError:
            self.error(
                m.value_pos[key],
                where,
                f"{key} '{value}' is not one of: {', '.join(names)}{did_you_mean(value, names)}",
            )
            return default

    # -- lists ----------------------------------------------------------------------
    def items(self, m: MarkedMap, key: str, where: str, *, limit: int) -> list[tuple[Any, Pos, str | None]]:
        """The items of a list value with their positions (and raw text); [] when absent or wrong."""
        if key not in m or m[key] is None or m[key] is REJECTED:
            return []
        value = m[key]
        if not isinstance(value, MarkedList):
            self.error(m.value_pos[key], where, f"{key}: expected a list ('- ' lines), not {describe(value)}")
            return []
        if len(value) > limit:
            self.error(value.item_pos[limit], where, f"{key}: too many items (at most {limit})")
        n = min(len(value), limit)
        return list(zip(value[:n], value.item_pos[:n], value.raw[:n], strict=True))

    def texts(self, m: MarkedMap, key: str, where: str, *, limit: int, numbers_ok: bool = False) -> tuple[str, ...]:
        """A list of one-line texts (materials, rounds, scale labels)."""
        return tuple(text for text, _ in self.texts_at(m, key, where, limit=limit, numbers_ok=numbers_ok))

    def texts_at(
        self, m: MarkedMap, key: str, where: str, *, limit: int, numbers_ok: bool = False
    ) -> list[tuple[str, Pos]]:
        """Like :meth:`texts`, each text with its position."""
        out: list[tuple[str, Pos]] = []
        for item, pos, raw in self.items(m, key, where, limit=limit):
            if item is REJECTED:
                continue
            if numbers_ok and isinstance(item, int | float) and not isinstance(item, bool):
                item = raw or str(item)
            if not isinstance(item, str) or not item.strip():
                self.error(
                    pos,
                    where,
                    f"{key}: each item must be text, not {describe(item)}"
                    + _quote_hint(raw if not isinstance(item, str) else None),
                )
                continue
            text = item.strip()
            if "\n" in text:
                self.error(pos, where, f"{key}: each item must be one line")
            out.append((text, pos))
        return out

    def mappings(self, m: MarkedMap, key: str, where: str, what: str, *, limit: int) -> list[MarkedMap]:
        """The items of a list of mappings (steps, columns, roles...)."""
        out: list[MarkedMap] = []
        for item, pos, _ in self.items(m, key, where, limit=limit):
            found = self.mapping(item, pos, where, f"each {what}")
            if found is not None:
                out.append(found)
        return out

    def unique(self, seen: dict[str, Pos], value: str, pos: Pos, where: str, what: str) -> None:
        """Report ``value`` written before (under ``what``); remember it otherwise."""
        if not value:
            return
        if value in seen:
            self.error(pos, where, f"duplicate {what} '{value}' (first at line {seen[value].line})")
        else:
            seen[value] = pos


# Where each key of the format belongs, for a key written at the wrong level.
KEY_HOMES = {
    "prompt": "a step",
    "timebox": "a step",
    "mode": "a step",
    "columns": "a step",
    "rounds": "a step",
    "hidden": "a step",
    "tags": "a column",
    "group": "a column",
    "description": "a column",
    "brief": "a role",
    "sector": "a role",
    "scale": "the survey section",
    "groups": "the survey section",
    "open_questions": "the survey section",
    "respondent": "the survey section",
    "questions": "a survey group",
    "stem": "a survey group",
    "text": "a survey question",
    "choices": "a respondent question",
    "exercises": "a programme session",
    "steps": "the top level of an exercise",
    "kind": "the top level of an exercise",
    "roles": "the top level of a role_play exercise",
    "scenario": "the top level of a role_play exercise",
    "survey": "the top level of a survey exercise",
    "materials": "the top level of an exercise",
    "sessions": "the top level of a programme script",
}


def _elsewhere(key: str) -> str:
    close = difflib.get_close_matches(key.lower(), list(KEY_HOMES), n=1, cutoff=0.75)
    if not close:
        return ""
    word = close[0]
    return (
        f" ('{word}' belongs in {KEY_HOMES[word]})"
        if word == key
        else f" (did you mean '{word}'? it belongs in {KEY_HOMES[word]})"
    )


def _quote_hint(raw: str | None) -> str:
    return f' (put it in quotes: "{raw}")' if raw else ""

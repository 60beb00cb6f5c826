"""Dialogs validate in place: a bad value keeps the dialog open, with the message beside the
field and every other edit as it was."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from piptui.ui.text import literal

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_problem(value: str, *, required: bool = False) -> str | None:
    """Why ``value`` is not a date ``YYYY-MM-DD`` (``2027-02-30`` is not one); None when it is
    (or is empty and not ``required``)."""
    value = value.strip()
    if not value:
        return "A date is needed (YYYY-MM-DD)" if required else None
    if not _DATE.fullmatch(value):
        return f"{value} is not a date: write it YYYY-MM-DD"
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return f"{value} is not a date of the calendar"
    return None


def show_field_error(screen: Screen[Any], field_id: str, message: str | None) -> bool:
    """Show ``message`` just below the field ``#field_id`` (and focus it), or clear it when None.

    Returns whether there is a message: ``if show_field_error(...): return`` keeps the dialog open."""
    error_id = f"{field_id}-error"
    shown = list(screen.query(f"#{error_id}").results(Static))
    if message is None:
        for widget in shown:
            widget.remove()
        return False
    text = literal("⚠ " + message)
    field: Widget = screen.query_one(f"#{field_id}")
    if shown:
        shown[0].update(text)
    elif isinstance(field.parent, Widget):
        field.parent.mount(Static(text, id=error_id, classes="field-error"), after=field)
    field.focus()
    return True

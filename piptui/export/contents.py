"""What ``piptui export NAME --content ...`` publishes, in each of its forms.

- ``notes``: the session notes (Markdown, JSON backup, CSV of cards, HTML);
- ``plan``: the action plan alone (Markdown, CSV one row per action, HTML);
- ``profile``: the partnership profile by its four dimensions (Markdown, CSV one row per card, HTML);
- ``report``: the area's published chapter (Markdown, HTML).

Every form is built from one read of the programme file (``store.raw()``).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from piptui.errors import InvalidInput
from piptui.export.snapshot import Data, Snapshot, read_snapshot
from piptui.textfmt.html_doc import Line, html_document, markdown_of

if TYPE_CHECKING:
    from piptui.export.markdown import ExerciseLookup


class Content(StrEnum):
    NOTES = "notes"
    PLAN = "plan"
    PROFILE = "profile"
    REPORT = "report"


FORMATS: dict[Content, tuple[str, ...]] = {
    Content.NOTES: ("markdown", "json", "csv", "html"),
    Content.PLAN: ("markdown", "csv", "html"),
    Content.PROFILE: ("markdown", "csv", "html"),
    Content.REPORT: ("markdown", "html"),
}


class NothingToPublish(InvalidInput):
    """The programme has nothing of the kind yet (no plan, no cards)."""


def title_of(snap: Snapshot) -> str:
    p = snap.programme
    return " ".join((p.title or p.area or p.name).split()) or "Programme"


def _lines(
    data: Data,
    snap: Snapshot,
    content: Content,
    library: ExerciseLookup | None,
    *,
    include_confidential: bool,
    names: bool,
) -> tuple[str, list[Line]]:
    if content == Content.NOTES:
        from piptui.export.markdown import NotesOptions, notes_lines

        options = NotesOptions(include_confidential=include_confidential, names=names)
        return f"Notes: {title_of(snap)}", notes_lines(snap, library, options)
    if content == Content.PLAN:
        from piptui.export.markdown_plan import plan_document

        if not snap.objectives:
            raise NothingToPublish(f"{snap.programme.name} has no action plan yet (no objectives): nothing exported")
        return f"Action plan: {title_of(snap)}", plan_document(snap)
    exercises = library.exercises if library is not None else {}
    if content == Content.PROFILE:
        from piptui.export.markdown_profile import profile_document

        return f"Partnership profile: {title_of(snap)}", profile_document(snap, exercises)
    from piptui.export.report import report_document
    from piptui.survey.load import report_of_snapshot

    evaluation = report_of_snapshot(snap, library) if library is not None else None
    return f"{title_of(snap)}: the area report", report_document(snap, exercises, evaluation)


def render_content(
    data: Data,
    content: Content,
    fmt: str,
    library: ExerciseLookup | None,
    *,
    include_confidential: bool = False,
    names: bool = False,
) -> bytes:
    """The bytes of ``content`` in format ``fmt`` (one of ``FORMATS[content]``)."""
    snap = read_snapshot(data)
    if content == Content.PLAN and fmt == "csv":
        from piptui.export.csv_format import plan_csv

        if not snap.objectives:
            raise NothingToPublish(f"{snap.programme.name} has no action plan yet (no objectives): nothing exported")
        return plan_csv(snap)
    if content == Content.PROFILE and fmt == "csv":
        from piptui.export.markdown_profile import profile_csv

        return profile_csv(snap, library.exercises if library is not None else {})
    title, lines = _lines(data, snap, content, library, include_confidential=include_confidential, names=names)
    if fmt == "html":
        return html_document(title, lines, sections=content != Content.PLAN).encode("utf-8")
    return markdown_of(lines).encode("utf-8")

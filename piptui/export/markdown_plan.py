"""The action plan in Markdown: one table per objective, one row per action.

It reads the same rendered and pasted as plain text into a word processor: no HTML, each
objective's joint lead, timescale and review date as labelled lines above its table, a
warning line where both leads are from one sector, every action's owners, due date,
status ("not started" too), rating and latest review note in cells of their own.
"""

from __future__ import annotations

from collections.abc import Sequence

from piptui.export.markdown_parts import bold_label, long_date, table
from piptui.export.plan_view import ActionView, ObjectiveView, PlanView, build_plan, reviewed_in, version_heading
from piptui.export.snapshot import Snapshot
from piptui.textfmt.html_doc import Line
from piptui.textfmt.html_svg import progress_figure
from piptui.textfmt.markdown_text import md_cell, md_escape, md_line

ACTION_HEADER = ("#", "Action", "Owners", "Due", "Status", "RAG", "Latest review note")
REVIEW_HEADER = ("Objective", "Action", "Status", "RAG", "Review note")
NONE = "–"


def plan_section(snap: Snapshot, session: int | None, *, level: int = 2) -> list[Line]:
    """``## Action plan``: the plan as it stands, or as it stood at the end of ``session``."""
    plan = build_plan(snap, session)
    if plan.empty:
        return []
    return [f"{'#' * level} Action plan", "", *plan_body(plan, level=level + 1)]


def plan_body(plan: PlanView, *, level: int) -> list[Line]:
    lines: list[Line] = []
    for version in plan.versions:
        heading = version_heading(version, plan.versions)
        inner = level
        if heading is not None:
            lines += [f"{'#' * level} {heading}", ""]
            inner = level + 1
        for o in version.objectives:
            lines += objective_block(o, level=inner)
    return lines


def objective_block(o: ObjectiveView, *, level: int) -> list[Line]:
    title = md_line(o.objective.title) or "Untitled objective"
    lines: list[Line] = [f"{'#' * level} Objective {o.number}: {title}", ""]
    facts = [bold_label("Joint lead", md_escape(o.leads_text()) or "not chosen yet")]
    if md_line(o.objective.timescale):
        facts.append(bold_label("Timescale", md_line(o.objective.timescale)))
    if o.objective.review_date:
        facts.append(bold_label("Review date", md_line(long_date(o.objective.review_date))))
    facts.append(bold_label("Progress", md_line(o.progress.summary())))
    lines += [*facts, ""]
    for warning in o.warnings:
        lines += [f"**Warning:** {md_escape(warning)}.", ""]
    if not o.actions:
        return [*lines, "No actions yet.", ""]
    p = o.progress
    counts = (("done", p.done), ("in progress", p.in_progress), ("not started", p.not_started), ("dropped", p.dropped))
    lines.append(progress_figure(f"Progress of objective {o.number}", counts))
    rows = [action_row(n, a) for n, a in enumerate(o.actions, 1)]
    return [*lines, *table(ACTION_HEADER, rows, "rl"), ""]


def status_text(a: ActionView) -> str:
    return a.status.value


def rag_text(a: ActionView) -> str:
    return a.rag.value.capitalize() if a.rag is not None else NONE


def note_text(a: ActionView) -> str:
    """The latest review note as plain text: ``16 October 2008: text`` (not escaped)."""
    if a.note is None:
        return ""
    when = long_date(a.note.at[:10])
    return f"{when}: {a.note.text.strip()}" if when else a.note.text.strip()


def due_text(a: ActionView) -> str:
    return long_date(a.action.due.strip()) if a.action.due.strip() else ""


def owners_text(a: ActionView) -> str:
    return ", ".join(o.strip() for o in a.action.owners if o.strip())


def action_row(n: int, a: ActionView) -> tuple[str, ...]:
    return (
        str(n),
        md_cell(a.action.text),
        md_cell(owners_text(a)) or NONE,
        md_cell(due_text(a)) or NONE,
        status_text(a),
        rag_text(a),
        md_cell(note_text(a)) or NONE,
    )


def review_section(snap: Snapshot, session: int, *, level: int = 3) -> list[str]:
    """The actions reviewed in ``session``, with their status, rating and note then."""
    reviewed = reviewed_in(build_plan(snap, session), session)
    if not reviewed:
        return []
    rows: list[Sequence[str]] = []
    for o, actions in reviewed:
        for a in actions:
            rows.append(
                (
                    md_cell(o.objective.title),
                    md_cell(a.action.text),
                    status_text(a),
                    rag_text(a),
                    md_cell(a.note.text if a.note is not None else "") or NONE,
                )
            )
    return [f"{'#' * level} Progress at the review", "", *table(REVIEW_HEADER, rows), ""]


def plan_document(snap: Snapshot) -> list[Line]:
    """``piptui export NAME --content plan``: the plan alone, as it stands."""
    p = snap.programme
    title = md_line(p.title) or md_line(p.area) or md_line(p.name) or "Programme"
    lines: list[Line] = [f"# Action plan: {title}", ""]
    if md_line(p.area):
        lines += [bold_label("Area", md_line(p.area)), ""]
    return [*lines, *plan_body(build_plan(snap), level=2)]

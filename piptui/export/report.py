"""The area report: one programme as a chapter of the published PIP reports.

Sections, in the published chapters' order: the area, the group and its sessions; context
and vision; the local partnership profile; objectives and action plan; progress at the
review; key learning; the evaluation (when there are responses). Confidential cards are
never in it, whatever is asked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from piptui.domain.exercise import Exercise
from piptui.domain.model import SECTOR_LABELS, Card, Sector
from piptui.domain.plan import STATUS_ORDER
from piptui.domain.profile import build_profile, columns_by_step
from piptui.domain.survey_report import SurveyReport
from piptui.export.markdown_parts import bold_label, card_item, long_date, names_of, plural, table
from piptui.export.markdown_plan import plan_body, review_section
from piptui.export.markdown_profile import profile_section
from piptui.export.plan_view import PlanView, build_plan, reviewed_in
from piptui.export.snapshot import Snapshot
from piptui.textfmt.html_doc import Line
from piptui.textfmt.html_svg import STATUS_COLOURS, Bar, Figure, Segment
from piptui.textfmt.markdown_text import md_cell, md_escape, md_line

PROFILE_EXAMPLES = 10  # cards quoted per dimension or sub-group; the profile export has them all
SECTIONS = (
    "The area and the group",
    "Context and vision",
    "The local partnership profile",
    "Objectives and action plan",
    "Progress at the review",
    "Key learning",
    "Evaluation",
)


def _text_block(text: str, missing: str) -> list[str]:
    """A field of the programme as paragraphs (a blank line between them), or what to do."""
    paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    if not paragraphs:
        return [f"*{missing}*", ""]
    out: list[str] = []
    for p in paragraphs:
        out += [md_escape(p), ""]
    return out


def _group_section(snap: Snapshot) -> list[Line]:
    p = snap.programme
    lines: list[Line] = [f"## {SECTIONS[0]}", ""]
    if md_line(p.area):
        lines.append(bold_label("Area", md_line(p.area)))
    lines.append(bold_label("Group", md_line(p.title) or md_line(p.name)))
    by_sector: dict[Sector, int] = {}
    for person in snap.participants:
        by_sector[person.sector] = by_sector.get(person.sector, 0) + 1
    if snap.participants:
        parts = ", ".join(f"{n} {SECTOR_LABELS[s].lower()}" for s, n in by_sector.items())
        lines.append(bold_label("Participants", f"{len(snap.participants)} ({parts})"))
    lines.append("")
    if snap.sessions:
        counts: dict[int, int] = {}
        for card in snap.cards:
            if card.session is not None and not card.confidential:
                counts[card.session] = counts.get(card.session, 0) + 1
        rows = [
            (
                str(s.number),
                md_cell(s.title),
                md_cell(long_date(s.date)),
                names_of(s.facilitators),
                str(counts.get(s.number, 0)),
            )
            for s in snap.sessions
        ]
        lines += [
            "### The sessions",
            "",
            *table(("Session", "Title", "Date", "Facilitators", "Cards"), rows, "rlllr"),
            "",
        ]
    return lines


def _context_section(snap: Snapshot) -> list[Line]:
    p, name = snap.programme, snap.programme.name
    return [
        f"## {SECTIONS[1]}",
        "",
        "### Context",
        "",
        *_text_block(
            p.context, f"Not written yet: t on the plan or home screen, or piptui programme {name} --context TEXT"
        ),
        "### Vision",
        "",
        *_text_block(
            p.vision, f"Not written yet: t on the plan or home screen, or piptui programme {name} --vision TEXT"
        ),
    ]


def _plan_section(plan: PlanView) -> list[Line]:
    lines: list[Line] = [f"## {SECTIONS[3]}", ""]
    if plan.empty:
        return [*lines, "*The group has not agreed an action plan yet.*", ""]
    return [*lines, *plan_body(plan, level=3)]


def _progress_figure(plan: PlanView, version_objectives: Sequence[object]) -> Figure:
    bars = []
    for o in plan.objectives():
        if o not in version_objectives:
            continue
        p = o.progress
        counts = {"done": p.done, "in progress": p.in_progress, "not started": p.not_started, "dropped": p.dropped}
        bars.append(
            Bar(
                f"{o.number}. {o.objective.title}",
                tuple(Segment(s.value, counts[s.value], STATUS_COLOURS[s.value]) for s in STATUS_ORDER),
                plural(p.total, "action"),
            )
        )
    return Figure("Progress of each objective at the review", tuple(bars))


def _review_section(snap: Snapshot, plan: PlanView) -> list[Line]:
    lines: list[Line] = [f"## {SECTIONS[4]}", ""]
    sessions = sorted({a.reviewed for o in plan.objectives() for a in o.actions if a.reviewed is not None})
    if not sessions:
        return [*lines, "*The plan has not been reviewed yet.*", ""]
    session = sessions[-1]
    reviewed = reviewed_in(plan, session)
    version = max(o.objective.plan for o, _a in reviewed)
    objectives = next(v for v in plan.versions if v.version == version).objectives
    when = next((s for s in snap.sessions if s.number == session), None)
    said = f"Reviewed at session {session}" + (f" ({long_date(when.date)})" if when and when.date else "")
    rows = []
    for o in objectives:
        p = o.progress
        rows.append(
            (
                md_cell(o.objective.title),
                str(p.total),
                str(p.done),
                str(p.in_progress),
                str(p.not_started),
                str(p.dropped),
                f"R{p.red} A{p.amber} G{p.green}",
            )
        )
    header = ("Objective", "Actions", "Done", "In progress", "Not started", "Dropped", "Red / amber / green")
    lines += [
        f"{said}, plan version {version}.",
        "",
        _progress_figure(plan, objectives),
        *table(header, rows, "lrrrrrl"),
        "",
    ]
    return [*lines, *review_section(snap, session, level=3)]


def learning_cards(cards: Sequence[Card], exercises: Mapping[str, Exercise]) -> list[tuple[str, list[Card]]]:
    """Non-confidential cards of steps or columns marked ``learning``, by step (in capture order)."""
    steps: dict[str, tuple[str, bool]] = {}
    for exercise in exercises.values():
        for step in exercise.steps:
            steps[f"{exercise.id}/{step.id}"] = (step.title, step.learning)
    columns = columns_by_step(exercises)
    found: dict[str, list[Card]] = {}
    for card in cards:
        if card.confidential or card.step is None or card.step not in steps:
            continue
        title, whole = steps[card.step]
        column = columns.get(card.step, {}).get(card.column or "")
        if whole or (column is not None and column.learning):
            found.setdefault(title, []).append(card)
    return list(found.items())


def _learning_section(snap: Snapshot, exercises: Mapping[str, Exercise]) -> list[Line]:
    lines: list[Line] = [f"## {SECTIONS[5]}", ""]
    groups = learning_cards(snap.cards, exercises)
    if snap.programme.learning.strip():
        lines += _text_block(snap.programme.learning, "")
    for title, cards in groups:
        lines += [f"### {md_line(title)}", "", *(card_item(c) for c in cards), ""]
    if not groups and not snap.programme.learning.strip():
        lines += [
            "*Not written yet: t on the plan or home screen, or "
            f"piptui programme {snap.programme.name} --learning TEXT, or capture cards in a "
            'step the script marks as learning (the review\'s "What helped, what hindered").*',
            "",
        ]
    return lines


def _evaluation_section(evaluation: SurveyReport | None) -> list[Line]:
    from piptui.survey.report_markdown import pct, published_tables, shares_lines, summary_lines

    lines: list[Line] = [f"## {SECTIONS[6]}", ""]
    if evaluation is None:
        return [*lines, "*No evaluation responses yet.*", ""]
    lines += [
        *summary_lines(evaluation),
        "",
        "### Respondents by sector",
        "",
        *shares_lines("Sector", evaluation.sectors),
        "",
        f"{md_line(evaluation.public_sector.label)} together: {evaluation.public_sector.count} "
        f"({pct(evaluation.public_sector.percent)}).",
        "",
    ]
    return [*lines, *published_tables(evaluation, level=3)]


def report_document(
    snap: Snapshot, exercises: Mapping[str, Exercise], evaluation: SurveyReport | None = None
) -> list[Line]:
    """The area report's lines (Markdown, with the figures the HTML form draws)."""
    p = snap.programme
    title = md_line(p.area) or md_line(p.title) or md_line(p.name) or "Programme"
    lines: list[Line] = [f"# {title}", ""]
    if md_line(p.title) and md_line(p.title) != title:
        lines += [f"*{md_line(p.title)}*", ""]
    plan = build_plan(snap)
    profile = build_profile(snap.cards, exercises)  # never confidential cards
    lines += _group_section(snap)
    lines += _context_section(snap)
    more = f" (piptui export {p.name} --content profile lists them all)"
    lines += profile_section(profile, level=2, title=SECTIONS[2], limit=PROFILE_EXAMPLES, more=more)
    lines += _plan_section(plan)
    lines += _review_section(snap, plan)
    lines += _learning_section(snap, exercises)
    lines += _evaluation_section(evaluation)
    return lines

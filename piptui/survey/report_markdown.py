"""The evaluation report as Markdown, in the shape of the programme's published tables.

Every string from a person or a file (programme titles, areas, questions, open answers) goes
through :mod:`piptui.textfmt.markdown_text`: nothing typed can change the document's structure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from piptui.domain.survey_report import GroupTable, OpenAnswers, QuestionRow, Share, SurveyReport
from piptui.textfmt.html_doc import Line
from piptui.textfmt.html_svg import SCALE_COLOURS, Bar, Figure, Segment
from piptui.textfmt.markdown_text import md_cell, md_escape, md_line

MARK = "†"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], right: int = 0) -> list[str]:
    """A pipe table; the last ``right`` columns are aligned right (numbers)."""
    align = ["---"] * (len(header) - right) + ["--:"] * right
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def pct(value: int | None) -> str:
    return "–" if value is None else f"{value}%"


def summary_lines(report: SurveyReport) -> list[str]:
    rows: list[tuple[str, str]] = []
    if report.areas:
        rows.append(("Groups (programmes with responses)", str(report.groups)))
    invited = "not known (no participants listed)" if report.invited is None else str(report.invited)
    rows += [
        (
            "Invited (the programme's participants)"
            if not report.areas
            else "Invited (the participants of those groups)",
            invited,
        ),
        ("Responses", str(report.responses)),
        ("Response rate", pct(report.response_rate)),
    ]
    return _table(["", "Number"], rows, right=1)


def shares_lines(heading: str, shares: Sequence[Share]) -> list[str]:
    return _table(
        [heading, "Respondents", "%"], [(md_cell(s.label), str(s.count), pct(s.percent)) for s in shares], right=2
    )


REGISTER_INTRO = (
    "From the attendance register (who was ticked as there on the participants screen): people, "
    "counted on their own and never linked to a response."
)


def register_lines(report: SurveyReport) -> list[str]:
    """The register beside the self-reported sessions: people by sessions, then each session's count."""
    if not report.register:
        return []
    people = _table(
        ["Sessions attended (register)", "People", "%"],
        [(md_cell(s.label), str(s.count), pct(s.percent)) for s in report.register],
        right=2,
    )
    base = "% of participants" if report.invited else "% of people ticked"
    sessions = _table(
        ["Session", "Came", base],
        [(md_cell(s.label), str(s.count), pct(s.percent)) for s in report.register_sessions],
        right=2,
    )
    ticked = f"{report.register_people} {'person' if report.register_people == 1 else 'people'} ticked at least once."
    return [REGISTER_INTRO, "", *people, "", ticked, "", *sessions]


def question_table(table: GroupTable, report: SurveyReport) -> list[str]:
    header = ["Question", *(md_cell(c.label) for c in report.columns), "Answered"]
    rows: list[list[str]] = []
    for row in table.rows:
        question = md_cell(row.question.text) + (f" {MARK}" if row.rounding_off else "")
        cells = [pct(p) for p in row.percents] if row.percents is not None else ["–"] * len(report.columns)
        rows.append([question, *cells, str(row.answered)])
    lines = _table(header, rows, right=len(report.columns) + 1)
    for note in _footnotes(table.rows, report.responses):
        lines += ["", note]
    return lines


def _footnotes(rows: Sequence[QuestionRow], responses: int) -> list[str]:
    notes = []
    off = [f"*{md_line(r.question.text)}* ({r.total}%)" for r in rows if r.rounding_off]
    if off:
        these = "This row adds" if len(off) == 1 else "These rows add"
        notes.append(f"{MARK} {these} up to 99% or 101% only because each percentage is rounded: {'; '.join(off)}.")
    notes += [f"Nobody answered *{md_line(r.question.text)}*." for r in rows if r.answered == 0]
    if any(r.no_answer for r in rows):
        notes.append(
            f"Answered: how many of the {responses} respondents answered the question; no answer is "
            "left out of the percentages."
        )
    return notes


def open_lines(block: OpenAnswers) -> list[str]:
    lines = [f"### {md_line(block.question.text)}", ""]
    if not block.answers:
        return [*lines, "No answers."]
    for answer in block.answers:
        where = f" ({md_line(answer.area)})" if answer.area else ""
        text = md_escape(answer.text).replace("\n", "\n  ")
        lines.append(f"- {text}{where}")
    return lines


def area_lines(report: SurveyReport) -> list[str]:
    """A line per group; a group without responses says so, and is not in the invited total or the rate."""
    rows = [
        (md_cell(a.area), md_cell(a.name), str(a.invited), str(a.responses), pct(a.rate))
        if a.responses
        else (md_cell(a.area), md_cell(a.name), str(a.invited), "no responses yet", "–")
        for a in report.areas
    ]
    return _table(["Area", "Programme", "Invited", "Responses", "Response rate"], rows, right=3)


def table_heading(n: int, table: GroupTable) -> str:
    """``Table 1: How helpful was the programme in enabling you to ...``, as the published report."""
    return f"Table {n}: {md_line(table.group.stem)}"


def evaluation_figure(n: int, table: GroupTable, report: SurveyReport) -> Figure:
    """Table ``n`` as stacked bars: one bar per question, the answers' percentages side by side."""
    colours = SCALE_COLOURS if len(report.columns) == len(SCALE_COLOURS) else ("#999",) * len(report.columns)
    bars = tuple(
        Bar(
            row.question.text,
            tuple(
                Segment(c.label, p, colours[i])
                for i, (c, p) in enumerate(zip(report.columns, row.percents, strict=True))
            )
            if row.percents is not None
            else (),
            f"{row.answered} answered",
        )
        for row in table.rows
    )
    return Figure(f"Table {n}: {table.group.stem}", bars, percent=True)


def published_tables(report: SurveyReport, *, level: int = 2) -> list[Line]:
    """Table 1, Table 2...: one section per question group, each with its figure for the HTML form."""
    h = "#" * level
    out: list[Line] = []
    for n, table in enumerate(report.tables, 1):
        out += [f"{h} {table_heading(n, table)}", ""]
        if n == 1:
            out += [md_escape(report.rounding_note), ""]
        out += [evaluation_figure(n, table, report), *question_table(table, report), ""]
    return out


def report_markdown(report: SurveyReport) -> str:
    """The whole report: responses, respondents, one table per question group, open answers."""
    title = md_line(report.title)
    heading = "Evaluation across the groups" if report.areas else f"Evaluation: {title}"
    out: list[str] = [f"# {heading}", ""]
    if report.survey_title:
        out += [f"Survey: {md_line(report.survey_title)}.", ""]
    out += ["## Responses", "", *summary_lines(report), ""]
    for note in report.notes:
        out += [f"> {md_line(note)}", ""]
    out += ["### Respondents by sector", "", *shares_lines("Sector", report.sectors), ""]
    public = report.public_sector
    out += [f"{md_line(public.label)} together: {public.count} ({pct(public.percent)}).", ""]
    out += ["### Sessions attended", "", *shares_lines("Sessions attended", report.sessions), ""]
    if report.register:
        out += [*register_lines(report), ""]
    if report.areas:
        out += ["### By group", "", *area_lines(report), ""]
    out += [line for line in published_tables(report) if isinstance(line, str)]
    if report.open_answers:
        out += ["## Open answers", ""]
        for block in report.open_answers:
            out += [*open_lines(block), ""]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"

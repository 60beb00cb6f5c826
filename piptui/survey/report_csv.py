"""The evaluation report as CSV: one tidy table, one figure per row, for a spreadsheet.

Columns: ``section, group, item, text, answer, count, base, percent, note``. ``percent`` is
``count`` of ``base`` as a whole number (rounded as the report states); a question's
``base`` is the number who answered it. The columns are described in docs/survey-csv.md.

As the card export: UTF-8 with a byte-order mark, CRLF, and a leading apostrophe before a
cell that a spreadsheet would take for a formula.
"""

from __future__ import annotations

import csv
import io

from piptui.domain.survey_report import SurveyReport
from piptui.textfmt.csv_cells import BOM, safe_cell

COLUMNS = ("section", "group", "item", "text", "answer", "count", "base", "percent", "note")
Row = tuple[object, ...]


def report_rows(report: SurveyReport) -> list[Row]:
    rows: list[Row] = [
        ("note", "", "rounding", "How the percentages are worked out", "", "", "", "", report.rounding_note)
    ]
    rows += [("note", "", "", note, "", "", "", "", "") for note in report.notes]
    if report.areas:
        rows.append(("summary", "", "groups", "Groups (programmes with responses)", "", report.groups, "", "", ""))
    invited = "" if report.invited is None else report.invited
    rows.append(("summary", "", "invited", "Invited (participants)", "", invited, "", "", ""))
    rows.append(
        (
            "summary",
            "",
            "responses",
            "Responses",
            "",
            report.responses,
            invited,
            "" if report.response_rate is None else report.response_rate,
            "response rate",
        )
    )
    for share in (*report.sectors, report.public_sector):
        rows.append(
            ("sector", "", share.key or "not-given", share.label, "", share.count, report.responses, share.percent, "")
        )
    for share in report.sessions:
        rows.append(
            (
                "sessions attended",
                "",
                share.key or "not-given",
                share.label,
                "",
                share.count,
                report.responses,
                share.percent,
                "",
            )
        )
    for share in report.register:
        rows.append(
            (
                "register",
                "",
                share.key,
                share.label,
                "",
                share.count,
                report.register_people,
                share.percent,
                "",
            )
        )
    base = report.invited if report.invited else report.register_people
    for share in report.register_sessions:
        rows.append(("register", "", f"session-{share.key}", share.label, "", share.count, base, share.percent, "came"))
    for area in report.areas:
        rows.append(
            (
                "group",
                "",
                area.name,
                area.area,
                "",
                area.responses,
                area.invited,
                "" if area.rate is None or not area.responses else area.rate,
                "response rate" if area.responses else "no responses yet: not in the invited total or the rate",
            )
        )
    for table in report.tables:
        for row in table.rows:
            q = row.question
            note = f"adds up to {row.total}% because each percentage is rounded" if row.rounding_off else ""
            for n, column in enumerate(report.columns):
                percent = "" if row.percents is None else row.percents[n]
                rows.append(
                    ("question", table.group.id, q.id, q.text, column.label, row.counts[n], row.answered, percent, note)
                )
            rows.append(
                (
                    "question",
                    table.group.id,
                    q.id,
                    q.text,
                    "No answer",
                    row.no_answer,
                    report.responses,
                    "",
                    "left out of the percentages",
                )
            )
    for block in report.open_answers:
        for answer in block.answers:
            rows.append(
                ("open answer", "", block.question.id, block.question.text, answer.text, "", "", "", answer.area)
            )
    return rows


def report_csv(report: SurveyReport) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in report_rows(report):
        writer.writerow([safe_cell(v) for v in row])
    return BOM + out.getvalue().encode("utf-8")

"""The evaluation report on screen: the response rate, who answered, a stacked bar per question.

Each bar is split into the report's columns (helpful or very helpful, partially, neither, not
helpful), each with its own block character (█ ▓ ▒ ░) as well as its own colour, so the bars
read in 16 colours and in none. ``a`` switches to every programme of the sessions folder; ``w``
and ``c`` write the report (Markdown, CSV) to the exports folder.

Built as ``ReportScreen(path, session=None, author=None, library=None)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static

from piptui.domain.model import SECTOR_IDS, Sector
from piptui.domain.survey_report import NoResponses, QuestionRow, Share, SurveyReport
from piptui.errors import PiptuiError
from piptui.ui.keymap import keyed
from piptui.ui.text import SECTOR_SHORT, counted, literal, one_line
from piptui.ui.widgets.key_bar import KeyBar
from piptui.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from piptui.survey.load import ExerciseSource

SEGMENTS = ("█", "▓", "▒", "░", "▚", "▞", "▘", "▗", "·")
COLOURS = (
    "ansi_green",
    "ansi_yellow",
    "ansi_blue",
    "ansi_red",
    "ansi_magenta",
    "ansi_cyan",
    "ansi_white",
    "ansi_bright_black",
    "ansi_bright_green",
)
EXPORTS_FOLDER = "exports"
MARK = "†"
SCREEN_NOTE = (
    "Figures in the legend's order: % of those who answered (n); no answer is left out, never counted "
    "as not helpful. Each is rounded to the nearest whole number, a half up, so a row can add up to 99 "
    f"or 101 ({MARK})."
)

REPORT_BINDINGS: list[BindingType] = [
    Binding("a", "toggle_all", "All groups", tooltip="Switch between this programme and every programme in the folder"),
    Binding("w", "write('markdown')", "Write .md", tooltip="Write the report as Markdown to the exports folder"),
    Binding("c", "write('csv')", "Write .csv", tooltip="Write the report as CSV to the exports folder"),
    Binding("r", "reload", "Reload", tooltip="Read the responses again", show=False),
    Binding("escape", "back", "Back", tooltip="Back to the previous screen"),
]
REPORT_BINDINGS = keyed("report", REPORT_BINDINGS)  # ids for the keymap: report.<action>


def bar_lengths(counts: Sequence[int], width: int) -> list[int]:
    """Cells per segment, in proportion to ``counts`` and adding up to ``width`` (largest remainders)."""
    total = sum(counts)
    if total <= 0 or width <= 0:
        return [0] * len(counts)
    exact = [c * width / total for c in counts]
    cells = [int(x) for x in exact]
    order = sorted(range(len(counts)), key=lambda i: (exact[i] - cells[i], counts[i]), reverse=True)
    for i in order[: width - sum(cells)]:
        cells[i] += 1
    return cells


def bar(counts: Sequence[int], width: int) -> Content:
    parts = [
        (SEGMENTS[i % len(SEGMENTS)] * n, COLOURS[i % len(COLOURS)])
        for i, n in enumerate(bar_lengths(counts, width))
        if n
    ]
    return Content.assemble(*parts)


def legend(labels: Sequence[str]) -> Content:
    parts: list[Content | tuple[str, str] | str] = []
    for i, label in enumerate(labels):
        parts += [(SEGMENTS[i % len(SEGMENTS)] * 2, COLOURS[i % len(COLOURS)]), " ", literal(label), "   "]
    return Content.assemble(*parts)


def question_lines(n: int, row: QuestionRow, width: int) -> list[Content]:
    """The question, then its bar and figures; every bar of a report has the same length."""
    text = one_line(row.question.text, max(width - 5, 10))
    head = Content.assemble((f"{n:>2}. ", "bold"), literal(text))
    if row.percents is None:
        return [head, Content.assemble("    ", ("nobody answered", "dim italic"))]
    figures = " ".join(f"{p:>3}%" for p in row.percents)
    tail = f"  n={row.answered:<4}" + (MARK if row.rounding_off else " ")
    bar_width = max(10, width - 4 - (5 * len(row.percents) - 1) - 2 - 9)
    return [head, Content.assemble("    ", bar(row.counts, bar_width), "  ", figures, (tail, "dim"))]


def short_label(share: Share) -> str:
    return SECTOR_SHORT[Sector(share.key)] if share.key in SECTOR_IDS else share.label


def shares_text(shares: Sequence[Share]) -> Content:
    return literal(" · ".join(f"{short_label(s)} {s.count} ({s.percent}%)" for s in shares if s.count))


def report_content(report: SurveyReport, width: int) -> Content:
    """The whole report as lines of styled text for a given width."""
    lines: list[Content] = [literal(report.title, "bold")]
    who = f"{report.survey_title} · " if report.survey_title else ""
    invited = "no participants listed" if report.invited is None else f"{report.invited} invited"
    rate = "" if report.response_rate is None else f": response rate {report.response_rate}%"
    groups = f"{counted(report.groups, 'group')} · " if report.areas else ""
    lines.append(literal(f"{who}{groups}{counted(report.responses, 'response')}, {invited}{rate}"))
    lines += [literal(note, "bold $warning") for note in report.notes]
    lines += [Content(""), Content.assemble(("Respondents by sector  ", "bold"), shares_text(report.sectors))]
    lines.append(literal(f"  {report.public_sector.label}: {report.public_sector.percent}%", "dim"))
    attended = " · ".join(f"{s.label}: {s.count} ({s.percent}%)" for s in report.sessions if s.count)
    lines.append(Content.assemble(("Sessions attended  ", "bold"), literal(attended)))
    if report.register:
        by_count = " · ".join(f"{s.label}: {s.count}" for s in report.register if s.count)
        came = " · ".join(f"S{s.key} {s.count}" for s in report.register_sessions)
        lines.append(Content.assemble(("  The register  ", "bold"), literal(f"people by sessions: {by_count}")))
        lines.append(literal(f"  Came to each session: {came} (of {report.invited or report.register_people})", "dim"))
    for area in report.areas:
        if not area.responses:
            lines.append(literal(f"  {area.area} ({area.name}): no responses yet", "dim"))
            continue
        rate_text = "–" if area.rate is None else f"{area.rate}%"
        lines.append(literal(f"  {area.area} ({area.name}): {area.responses} of {area.invited} ({rate_text})"))
    lines += [Content(""), legend([c.label for c in report.columns]), literal(SCREEN_NOTE, "dim")]
    n = 0
    for number, table in enumerate(report.tables, 1):
        lines += [Content(""), literal(f"Table {number}: {table.group.stem}", "bold underline")]
        for row in table.rows:
            n += 1
            lines += question_lines(n, row, width)
        if any(r.rounding_off for r in table.rows):
            lines.append(literal(f"{MARK} adds up to 99% or 101% only because each percentage is rounded", "dim"))
    for block in report.open_answers:
        lines += [Content(""), literal(block.question.text, "bold underline")]
        if not block.answers:
            lines.append(literal("No answers.", "dim italic"))
        for answer in block.answers:
            where = f"  ({answer.area})" if answer.area else ""
            lines.append(Content.assemble("• ", literal(answer.text), (where, "dim")))
    return Content("\n").join(lines)


class ReportScreen(Screen[None]):
    """The evaluation report of one programme, or of every programme in the folder."""

    BINDINGS = REPORT_BINDINGS
    HELP_INTRO = (
        "The evaluation report: one bar per question, split into helpful or very helpful (█), partially "
        "helpful (▓), neither (▒) and not helpful (░), as percentages of those who answered it."
    )

    def __init__(
        self,
        path: Path | str,
        session: int | None = None,
        *,
        author: str | None = None,
        library: ExerciseSource | None = None,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.session = session
        self.library = library
        self.all_groups = False
        self.report: SurveyReport | None = None
        self.message = "Working out the report…"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="report-body"):
            yield Static(id="report-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = one_line(self.path.stem, 60)
        self.sub_title = "Evaluation report"
        self.show()
        self.query_one("#report-body", VerticalScroll).focus()
        self.action_reload()

    def help_sections(self) -> list[tuple[str, list[BindingType]]]:
        return [("Report", REPORT_BINDINGS)]

    # -- working it out (in a thread: --all reads every programme file) ---------------------------
    def action_reload(self) -> None:
        self._compute(self.all_groups)

    @work(thread=True, exclusive=True, group="survey-report")
    def _compute(self, all_groups: bool) -> None:
        from piptui.survey.load import all_programmes_report, programme_report

        try:
            library = self.library or self._library()
            report = (
                all_programmes_report(self.path.parent, library) if all_groups else programme_report(self.path, library)
            )
        except NoResponses as exc:
            self.app.call_from_thread(self._shown, None, exc.message)
            return
        except PiptuiError as exc:
            self.app.call_from_thread(self._shown, None, exc.message)
            return
        self.app.call_from_thread(self._shown, report, "")

    def _library(self) -> ExerciseSource:
        from piptui.ui.app import piptui_app

        return piptui_app(self.app).library()  # loaded once per app, thread-safe

    def _shown(self, report: SurveyReport | None, message: str) -> None:
        self.report, self.message = report, message
        self.sub_title = "Evaluation report · all groups" if self.all_groups else "Evaluation report"
        self.show()

    def show(self) -> None:
        box = self.query_one("#report-text", Static)
        if self.report is None:
            box.update(literal(self.message, "bold"))
            return
        width = max(self.query_one("#report-body", VerticalScroll).size.width - 2, 40)
        box.update(report_content(self.report, width))

    def on_resize(self, _event: Resize) -> None:
        self.call_after_refresh(self.show)

    # -- keys ----------------------------------------------------------------
    def action_toggle_all(self) -> None:
        self.all_groups = not self.all_groups
        self.report, self.message = None, "Working out the report…"
        self.show()
        self._compute(self.all_groups)

    def action_write(self, fmt: str) -> None:
        if self.report is None:
            self.notify(self.message or "No report to write", severity="warning", markup=False)
            return
        self._write(self.report, fmt)

    @work(thread=True, group="survey-write")
    def _write(self, report: SurveyReport, fmt: str) -> None:
        from piptui.export.exporter import write_file

        stem = "all-groups" if report.areas else self.path.stem
        out = self.path.parent / EXPORTS_FOLDER / f"{stem}-evaluation.{'csv' if fmt == 'csv' else 'md'}"
        try:
            if fmt == "csv":
                from piptui.survey.report_csv import report_csv

                blob = report_csv(report)
            else:
                from piptui.survey.report_markdown import report_markdown

                blob = report_markdown(report).encode("utf-8")
            out.parent.mkdir(parents=True, exist_ok=True)
            write_file(out, blob)
        except (PiptuiError, OSError) as exc:
            text = exc.message if isinstance(exc, PiptuiError) else str(exc)
            self.app.call_from_thread(self.notify, text, title="Not written", severity="error", markup=False)
            return
        self.app.call_from_thread(self.notify, str(out.resolve()), title="Report written", markup=False, timeout=10)

    def action_back(self) -> None:
        self.dismiss(None)

"""The export dialog (Ctrl+O on the session screen) and the worker that writes the file.

:class:`ExportDialog` asks for the format, the session or the whole programme, whether to
include confidential cards (and names), and the file; it returns an
:class:`~piptui.export.exporter.ExportRequest` (None when cancelled). Opened by the session
screen (``ExportDialog(path, session=, author=)``), it also writes the file itself, in a
thread worker, while it stays open: a failed export (the folder missing, a full disk, a
read-only file) is said beside its buttons, with every choice kept; once the file is written
the dialog closes and a notification shows the file's path.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label, Select, Static

from piptui.errors import PiptuiError, not_saved
from piptui.export.exporter import ExportFormat, ExportRequest, default_file_name, run_export
from piptui.ui.app import piptui_app
from piptui.ui.screens.form_dialogs import CANCEL, FormDialog
from piptui.ui.text import literal, plain

EXPORTS_FOLDER = "exports"  # under the sessions folder: never mistaken for a programme file
WHOLE = 0  # the scope value meaning "the whole programme"

HINTS: dict[ExportFormat, str] = {
    ExportFormat.MARKDOWN: "Notes to read and share. Confidential cards are left out unless you tick the box.",
    ExportFormat.JSON: "A complete backup that `piptui import` restores: the whole programme, confidential "
    "cards included (marked). Keep it safe.",
    ExportFormat.CSV: "One row per card, for a spreadsheet. Confidential cards are left out unless you tick the box.",
    ExportFormat.HTML: "The notes as one web page to print or send. Confidential cards are left out unless you tick "
    "the box.",
}


def default_output(programme: Path, fmt: ExportFormat, session: int | None) -> Path:
    """``<sessions folder>/exports/<name>-session-3.md`` and the like."""
    return programme.parent / EXPORTS_FOLDER / default_file_name(programme.stem, fmt, session)


class ExportDialog(FormDialog[ExportRequest]):
    """Format, scope, confidential cards, names and file of an export. Ctrl+S exports, Esc cancels.

    With ``start`` (the default) confirming writes the file (:meth:`write`) and closes the
    dialog once it is written; pass ``start=False`` to only get the request back.
    """

    BINDINGS = [*CANCEL, Binding("ctrl+s", "save", "Export", tooltip="Write the export file", priority=True)]

    def __init__(
        self, path: Path, *, session: int | None = None, author: str | None = None, start: bool = True
    ) -> None:
        super().__init__()
        self.path = path
        self.session_number = session
        self.author = author
        self.start = start
        self._default = str(default_output(path, ExportFormat.MARKDOWN, session))
        self._follow = True  # the file name follows the format and scope until the person edits it
        self._kept: tuple[object, bool] = (session if session is not None else WHOLE, False)

    def compose(self) -> ComposeResult:
        n = self.session_number
        scopes = ([(plain(f"Session {n} only"), n)] if n is not None else []) + [(plain("The whole programme"), WHOLE)]
        with Vertical(classes="dialog-box dialog-wide", id="export-box"):
            yield Static(literal(f"Export {self.path.stem}", "bold"), classes="dialog-title")
            yield Select(
                [(plain(f.label), f) for f in ExportFormat],
                value=ExportFormat.MARKDOWN,
                allow_blank=False,
                id="format",
                compact=True,
            )
            yield Select(scopes, value=n if n is not None else WHOLE, allow_blank=False, id="scope", compact=True)
            yield Checkbox(plain("Include confidential cards"), False, id="confidential", compact=True)
            yield Checkbox(plain("List participants by name"), False, id="names", compact=True)
            yield Label(plain("Save to"))
            yield Input(self._default, id="output", compact=True, select_on_focus=False)
            yield Static(literal(HINTS[ExportFormat.MARKDOWN], "dim"), id="export-hint")
            yield from self.buttons("Export (ctrl+s)")

    def on_mount(self) -> None:
        self.query_one("#format", Select).focus()

    # -- the form -------------------------------------------------------------
    @property
    def format(self) -> ExportFormat:
        value = self.query_one("#format", Select).value
        return value if isinstance(value, ExportFormat) else ExportFormat.MARKDOWN

    @property
    def scope(self) -> int | None:
        if self.format == ExportFormat.JSON:
            return None
        value = self.query_one("#scope", Select).value
        return value if isinstance(value, int) and value != WHOLE else None

    @on(Select.Changed)
    def _choices_changed(self) -> None:
        fmt = self.format
        backup = fmt == ExportFormat.JSON
        scope = self.query_one("#scope", Select)
        confidential = self.query_one("#confidential", Checkbox)
        if backup and not scope.disabled:  # a backup is everything: show it, and give back the choices after
            self._kept = (scope.value, confidential.value)
            scope.value, confidential.value = WHOLE, True
        elif not backup and scope.disabled:
            scope.value, confidential.value = self._kept
        scope.disabled = confidential.disabled = backup
        self.query_one("#names", Checkbox).disabled = fmt != ExportFormat.MARKDOWN
        self.query_one("#export-hint", Static).update(literal(HINTS[fmt], "dim"))
        if self._follow:
            self._default = str(default_output(self.path, fmt, self.scope))
            self.query_one("#output", Input).value = self._default

    @on(Input.Changed, "#output")
    def _output_changed(self, event: Input.Changed) -> None:
        self._follow = event.value == self._default

    def result(self) -> ExportRequest:
        fmt = self.format
        text = self.query_one("#output", Input).value.strip()
        return ExportRequest(
            programme=self.path,
            format=fmt,
            session=self.scope,
            include_confidential=self.query_one("#confidential", Checkbox).value,
            names=fmt == ExportFormat.MARKDOWN and self.query_one("#names", Checkbox).value,
            output=Path(text).expanduser() if text else None,
        )

    def value(self) -> ExportRequest | None:
        request = self.result()
        if request.output is None:
            self.say_not_saved("Give a file to export to")
            return None
        return request

    def submit(self, value: ExportRequest) -> None:
        if not self.start:
            self.dismiss(value)
            return
        self.say_not_saved(None)
        self.query_one("#save").disabled = True  # one export at a time
        self.write_export(value)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write_export(self, request: ExportRequest) -> None:
        """Write the file (a thread: the programme is read once, a consistent snapshot, even while
        others write); then close and show its path, or stay open and say why not. The default
        exports folder is made when needed; any other folder must exist."""
        try:
            library = None
            if request.format in (ExportFormat.MARKDOWN, ExportFormat.HTML):
                library = piptui_app(self.app).library()  # loaded once per app, thread-safe
            output = request.output
            if output is not None and output.parent == request.programme.parent / EXPORTS_FOLDER:
                try:
                    output.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise not_saved(exc, output.parent) from exc
            path = run_export(request, library)
        except PiptuiError as exc:
            self.app.call_from_thread(self._failed, exc.message)
            return
        except Exception as exc:  # a bug must still be reported, not swallowed by the worker
            self.app.call_from_thread(self._failed, f"{type(exc).__name__}: {exc}")
            return
        self.app.call_from_thread(self._written, request, path)

    def _failed(self, message: str) -> None:
        if not self.is_current:  # closed meanwhile (Esc): say it where the person is now
            self.app.notify(message, title="Export failed", severity="error", markup=False)
            return
        self.query_one("#save").disabled = False
        self.say_not_saved(message)

    def _written(self, request: ExportRequest, path: Path) -> None:
        self.app.notify(str(path.resolve()), title=f"Exported {request.format.label}", markup=False, timeout=10)
        if self.is_current:
            self.dismiss(request)

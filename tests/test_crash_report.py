"""A crash never prints card text: the traceback (without local variables) goes to a private
file, and the terminal gets one line naming it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import rich.control
import textual.content

from piptui.ui import _textual_compat
from piptui.ui.app import create_app


@pytest.mark.asyncio
async def test_a_crash_writes_a_private_report_without_locals(
    sessions_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_textual_compat, "crash_folder", lambda: tmp_path / "state" / "crashes")
    app = create_app(sessions_dir=sessions_dir)

    def boom() -> None:
        secret = "TOPSECRET whistleblower is Jane Doe"  # a local, as card text is in a screen's method
        raise RuntimeError(f"disk trouble ({len(secret)} characters lost)")

    with pytest.raises(RuntimeError, match="disk trouble"):
        async with app.run_test(size=(80, 24)) as pilot:
            app.call_later(boom)
            await pilot.pause(0.2)
    printed = capsys.readouterr()
    output = printed.out + printed.err
    assert "TOPSECRET" not in output
    reports = list((tmp_path / "state" / "crashes").iterdir())
    assert len(reports) == 1
    report = reports[0]
    assert stat.S_IMODE(os.stat(report).st_mode) == 0o600
    text = report.read_text()
    assert "RuntimeError: disk trouble" in text and "TOPSECRET" not in text
    expected = (
        f"piptui stopped on an unexpected error; the details are in {report} (readable by you only). "
        "Your saved cards are safe."
    )
    assert "".join(output.split()) == "".join(expected.split())  # one line, wrapped at the width


def test_the_translate_tables_we_extend_are_still_there() -> None:
    """Textual's Content and Rich's Text drop control codes through these tables (private API)."""
    _textual_compat.show_control_characters()
    for table in (textual.content._CONTROL_STRIP_TRANSLATE, rich.control._CONTROL_STRIP_TRANSLATE):
        assert table[0x1B] == "␛"
    assert textual.content.Content("a\x1bb").plain == "a␛b"
    assert rich.text.Text("a\x9bb").plain == "a\ufffdb"


def test_the_app_methods_we_rely_on_are_still_there() -> None:
    from textual.app import App

    app = App()
    for name in ("_exit_renderables", "_exception", "_exception_event", "_return_code"):
        assert hasattr(app, name), name
    assert callable(app._close_messages_no_wait) and callable(App._handle_exception)

"""The browser view's page: nothing fetched from off this machine, a projector-sized font."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from piptui.cli import live_cmd, main
from piptui.programmes import ensure_demo

pytest.importorskip("textual_serve")

URL = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)|url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)""")


def test_the_page_names_no_address_off_this_machine() -> None:
    page = (live_cmd.PAGE_FOLDER / "app_index.html").read_text(encoding="utf-8")
    urls = [next(g for g in m.groups() if g) for m in URL.finditer(page)]
    assert urls, "the check found the page's resources"
    assert all(u.startswith("{{ config.static.url }}") for u in urls), urls
    assert "googleapis" not in page and "@font-face" in page


async def test_the_served_page_has_the_default_font_size_and_local_fonts() -> None:
    from aiohttp.test_utils import TestClient, TestServer

    server = live_cmd._server_class()("true", host="127.0.0.1", port=8000, templates_path=live_cmd.PAGE_FOLDER)
    server.default_font_size = 28
    async with TestClient(TestServer(await server._make_app())) as client:
        page = await (await client.get("/")).text()
        assert 'data-font-size="28"' in page
        assert "fonts/RobotoMono-VariableFont_wght.ttf" in page and "googleapis" not in page
        asked = await (await client.get("/?fontsize=40")).text()
        assert 'data-font-size="40"' in asked
        font = await client.get("/static/fonts/RobotoMono-VariableFont_wght.ttf")
        assert font.status == 200


def test_serve_font_size_option(sessions_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[Any] = []

    class Fake:
        def __init__(self, command: str, **kw: Any) -> None:
            self.kw = kw
            made.append(self)

        def serve(self) -> None:
            pass

    monkeypatch.setattr(live_cmd, "_server_class", lambda: Fake)
    ensure_demo(sessions_dir)
    args = ["--sessions-dir", str(sessions_dir), "serve", "darlington-demo"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert made[-1].default_font_size == live_cmd.DEFAULT_FONT_SIZE >= 20
    assert made[-1].kw["templates_path"] == live_cmd.PAGE_FOLDER
    assert CliRunner().invoke(main, [*args, "--font-size", "32"]).exit_code == 0
    assert made[-1].default_font_size == 32
    bad = CliRunner().invoke(main, [*args, "--font-size", "3"])
    assert bad.exit_code == 2 and "--font-size" in bad.output

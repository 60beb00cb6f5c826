"""Make the README's pictures from the app itself: ``python docs/screenshots.py``.

The Darlington demo in a scratch folder (fixed ids and times, a paused timer), run headless at
a fixed size; the session screen and the wall are saved as SVG in ``docs/images/``.
``tests/test_screenshots.py`` makes them again and fails when they are out of date.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
IMAGES = HERE / "images"
SIZE = (100, 30)
SHOTS = {"session.svg": "session", "wall.svg": "wall"}


async def shoot(mode: str, sessions_dir: Path) -> str:
    from textual.widgets import Input

    from piptui.programmes import ensure_demo
    from piptui.ui.app import create_app

    Input.cursor_blink = False  # the same picture every time

    path = ensure_demo(sessions_dir)
    app = create_app(sessions_dir=sessions_dir, programme=path, author="Sue Carter", mode=mode)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            await pilot.pause(0.05)
            if getattr(app.screen, "library", None) is not None or mode == "wall":
                break
        await pilot.pause(0.3)
        return app.export_screenshot(title=f"piptui: the {mode} screen (Darlington demo)")


def make(target: Path = IMAGES) -> dict[str, str]:
    """Every screenshot's SVG by file name (written to ``target``)."""
    target.mkdir(parents=True, exist_ok=True)
    out: dict[str, str] = {}
    zone = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    with tempfile.TemporaryDirectory() as scratch:
        cwd = Path.cwd()
        os.chdir(scratch)  # a relative sessions folder: no scratch path in the pictures
        try:
            for name, mode in SHOTS.items():
                out[name] = asyncio.run(shoot(mode, Path("sessions")))
                (target / name).write_text(out[name], encoding="utf-8")
        finally:
            os.chdir(cwd)
            if zone is None:
                os.environ.pop("TZ", None)
            else:
                os.environ["TZ"] = zone
            time.tzset()
    return out


if __name__ == "__main__":
    for written in make(Path(sys.argv[1]) if len(sys.argv) > 1 else IMAGES):
        print(IMAGES / written)

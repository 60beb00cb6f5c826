"""The README's pictures are the app as it is: made again here and compared with docs/images/.

When the session screen or the wall changes on purpose, run ``python docs/screenshots.py`` and
commit the new SVG files (look at them first).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_screenshots_are_current(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "docs" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = module.make(tmp_path)
    assert set(made) == {"session.svg", "wall.svg"}
    for name, svg in made.items():
        assert svg.startswith("<svg") and "Darlington" in svg
        committed = (ROOT / "docs" / "images" / name).read_text(encoding="utf-8")
        assert svg == committed, f"docs/images/{name} is out of date: run python docs/screenshots.py"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/images/session.svg" in readme and "docs/images/wall.svg" in readme

"""A plain (non-editable) install must carry every package and the bundled scripts."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "piptui").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_bundled_exercises_are_package_data() -> None:
    import importlib.resources

    names = {p.name for p in importlib.resources.files("piptui.bundled_exercises").iterdir()}
    assert "sorting.yaml" in names and "programmes" in names

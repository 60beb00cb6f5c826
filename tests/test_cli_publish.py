"""The project files people look for: list --json, shell completion of programme names, metadata."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from click.testing import CliRunner

from piptui.cli import main
from piptui.exercises import load_library
from piptui.programmes import ensure_demo

ROOT = Path(__file__).resolve().parent.parent


def test_list_json(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir, load_library())
    cards = len(json.loads(path.read_text())["cards"])
    (sessions_dir / "broken.json").write_text("{nope")
    result = CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), "list", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["sessions_folder"]["path"] == str(sessions_dir)
    demo = next(p for p in data["programmes"] if p["name"] == "darlington-demo")
    assert demo["area"] == "Darlington" and demo["cards"] == cards and demo["sessions_held"] == 3
    broken = next(p for p in data["programmes"] if p["name"] == "broken")
    assert broken["error"] and "cards" not in broken


def test_shell_completion_offers_programme_names(sessions_dir: Path) -> None:
    ensure_demo(sessions_dir, load_library())
    (sessions_dir / "calderdale.json").write_bytes((sessions_dir / "darlington-demo.json").read_bytes())
    env = {
        **os.environ,
        "COMP_WORDS": f"piptui --sessions-dir {sessions_dir} export ca",
        "COMP_CWORD": "4",
        "_PIPTUI_COMPLETE": "bash_complete",
    }
    out = subprocess.run(
        [sys.executable, "-c", "from piptui.cli import main; main(prog_name='piptui')"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert out.stdout.split() == ["plain,calderdale"]
    env["COMP_WORDS"] = "piptui exp"
    env["COMP_CWORD"] = "1"
    out = subprocess.run(
        [sys.executable, "-c", "from piptui.cli import main; main(prog_name='piptui')"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert "plain,export" in out.stdout.split()


def test_the_licence_matches_pyproject_and_the_index_page_has_its_metadata() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == {"text": "MIT"}
    assert (ROOT / "LICENSE").read_text().startswith("MIT License\n")
    assert "License :: OSI Approved :: MIT License" in project["classifiers"]
    assert project["description"] and project["keywords"]
    assert (ROOT / "CHANGELOG.md").read_text().startswith("# Changelog\n")
    assert "markdown-it-py>=3.0,<5" in project["dependencies"]

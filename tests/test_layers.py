"""The layers, read from the source's imports (every ``import``, at the top or inside a function).

    domain  <-  store  <-  ui          (an arrow: "is imported by")
    domain, store  <-  export, survey, exercises  (which never import ui)
    domain  <-  textfmt  <-  export, survey      (the text formats both documents share)
    survey  <-  export                           (the survey never imports export)

- ``piptui.domain`` is pure: it imports no other piptui package (but ``errors``), nor textual,
  rich or tinydb;
- only ``piptui.store`` imports tinydb;
- ``piptui.store`` never imports ui, export, survey or cli;
- export, survey and exercises never import ui or cli;
- the survey never imports export (export's area report builds on the survey's): what both
  write with (Markdown escaping, the HTML page, CSV cells) is ``piptui.textfmt``, which
  imports only the domain;
- nothing but the CLI imports the CLI.

A failure names the file, the line and the import, and the rule it breaks.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "piptui"

# package -> the top-level modules (piptui's or third parties') it must never import
RULES: dict[str, dict[str, str]] = {
    "domain": {
        "piptui.store": "the domain is pure: the store builds on it",
        "piptui.ui": "the domain is pure",
        "piptui.export": "the domain is pure",
        "piptui.survey": "the domain is pure",
        "piptui.exercises": "the domain is pure",
        "piptui.cli": "the domain is pure",
        "textual": "the domain knows no UI",
        "rich": "the domain knows no UI",
        "tinydb": "only the store touches storage",
    },
    "store": {
        "piptui.ui": "the store is below the UI",
        "piptui.export": "the store is below export",
        "piptui.survey": "the store is below the survey",
        "piptui.cli": "the store is below the CLI",
        "textual": "the store knows no UI",
    },
    "export": {
        "piptui.ui": "export runs without the UI (the CLI uses it)",
        "piptui.cli": "export is below the CLI",
        "textual": "export knows no UI",
        "tinydb": "only the store touches storage",
    },
    "survey": {
        "piptui.export": "the survey never imports export (export builds on it; both use piptui.textfmt)",
        "piptui.store.codec": "the survey reads through the store's public API (its snapshot)",
        "piptui.ui": "the survey report runs without the UI",
        "piptui.cli": "the survey is below the CLI",
        "textual": "the survey knows no UI",
        "tinydb": "only the store touches storage",
    },
    "exercises": {
        "piptui.ui": "exercise scripts load without the UI",
        "piptui.cli": "exercises are below the CLI",
        "textual": "exercises know no UI",
        "tinydb": "only the store touches storage",
    },
    "textfmt": {
        "piptui.store": "text formats know nothing of storage",
        "piptui.export": "export builds on the text formats",
        "piptui.survey": "the survey builds on the text formats",
        "piptui.ui": "text formats know no UI",
        "piptui.cli": "text formats are below the CLI",
        "textual": "text formats know no UI",
        "tinydb": "only the store touches storage",
    },
    "ui": {"tinydb": "only the store touches storage", "piptui.cli": "the UI is below the CLI"},
}


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module ``path`` imports, absolute, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module


def breaks(module: str, forbidden: str) -> bool:
    return module == forbidden or module.startswith(forbidden + ".")


def test_the_layers_hold() -> None:
    found = []
    for layer, forbidden in RULES.items():
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            for line, module in imports(path):
                for bad, why in forbidden.items():
                    if breaks(module, bad):
                        found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: imports {module} ({why})")
    assert not found, "\n".join(found)


def test_the_reader_catches_the_survey_importing_export() -> None:
    """The survey rule is live: the import it forbids is one the reader finds and the rule names."""
    survey = RULES["survey"]
    assert any(breaks("piptui.export.markdown_text", bad) for bad in survey)
    assert any(breaks("piptui.store.codec", bad) for bad in survey)
    assert not any(breaks("piptui.textfmt.markdown_text", bad) for bad in survey)
    assert not any(breaks("piptui.store.snapshot", bad) for bad in survey)


def test_only_the_store_imports_tinydb_anywhere() -> None:
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "store" not in path.relative_to(PACKAGE).parts[:1]
        for line, module in imports(path)
        if breaks(module, "tinydb")
    ]
    assert not found


def test_the_reader_sees_imports_inside_functions() -> None:
    """A rule the reader cannot see is no rule: the session's dialogs are imported inside methods."""
    found = {module for _, module in imports(PACKAGE / "ui" / "screens" / "session_actions.py")}
    assert "piptui.ui.screens.dialogs" in found
    assert breaks("piptui.ui.screens.dialogs", "piptui.ui") and not breaks("piptui.uix", "piptui.ui")


# UI modules that keep a timer of their own, and why it cannot be an event
TIMED = {
    "lead.py": "the lead's heartbeat, and noticing a lead whose process died: a killed terminal writes nothing",
}


def test_the_ui_opens_one_store_and_polls_nothing() -> None:
    """The app's live programme (ui/live.py) is the UI's one SessionStore and one watcher; a
    screen that opened a store or polled on its own would tear the view and cost idle CPU."""
    stores, polls = [], []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                if name == "SessionStore":
                    stores.append(where)
                elif name == "set_interval" and "clock" not in ast.unparse(node) and path.name not in TIMED:
                    polls.append(where)
    assert len(stores) == 1 and stores[0].startswith("piptui/ui/live.py:"), stores
    assert not polls, f"a screen polls on its own: {polls}"


def test_one_worker_style() -> None:
    """Every worker of the UI is started by a function decorated with Textual's ``@work`` (a
    method, or a function whose first argument is the screen or app), never ``run_worker``."""
    found = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "run_worker":
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert not found, f"run_worker instead of @work: {found}"

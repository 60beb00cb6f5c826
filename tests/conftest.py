"""Shared fixtures: programme files in temporary folders, never in ./sessions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from piptui.domain.model import Programme, Sector, Session
from piptui.store import SessionStore


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads the developer's sessions or exercises folders (nor their cache: the kept
    stylesheet parses are shared by the run's tests, see piptui.ui.css_cache)."""
    monkeypatch.delenv("PIPTUI_SESSIONS", raising=False)
    monkeypatch.delenv("PIPTUI_EXERCISES", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))  # the remembered name
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))


@pytest.fixture
def sessions_dir(tmp_path: Path) -> Path:
    path = tmp_path / "sessions"
    path.mkdir()
    return path


@pytest.fixture
def programme_file(sessions_dir: Path) -> Path:
    """A small programme: two sessions, session 1's current step a sorting step."""
    path = sessions_dir / "test.json"
    SessionStore.create(
        path,
        Programme(name="test", area="Testshire"),
        sessions=[Session(1, title="One", current_step="sorting/sort"), Session(2, title="Two")],
    ).close()
    return path


@pytest.fixture
def store(programme_file: Path) -> Iterator[SessionStore]:
    with SessionStore(programme_file, author="ann") as s:
        yield s


__all__ = ["Sector"]


@pytest.fixture
def collector_paused(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The garbage collector as ``piptui.cli.run_app`` starts the app (paused), in a process
    that has frozen nothing yet; put back as it was afterwards (a screen that drew the programme
    raises the threshold and freezes: piptui.ui.memory)."""
    import gc

    from piptui.ui import memory

    monkeypatch.setattr(memory, "_kept", False)
    threshold = gc.get_threshold()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()
        gc.set_threshold(*threshold)

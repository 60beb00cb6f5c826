"""Every key on every screen (issue 15): the app keeps running and no card is lost.

For each screen and dialog (reached by keys from a fresh copy of the demo), every key the
screen declares plus the arrows, Home/End, PageUp/PageDown, Tab, Shift+Tab, Enter, Esc,
Space, Backspace, Delete, Ctrl+C and F1-F12 are pressed one at a time, going back to the
screen after each. Then a seeded random walk of keys starts from each full screen.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import textual._wait
from keys_support import (
    FULL_SCREENS,
    REACH,
    STANDARD_KEYS,
    CardCount,
    Driver,
    fresh_programme,
    key_pool,
    press_every_key,
    press_random_keys,
)

from piptui.programmes import ensure_demo

RANDOM_KEYS = 100  # per full screen
SEED = 15


@pytest.fixture(autouse=True)
def _quick_idle_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """pilot.press waits for the app to go idle in steps of 20 ms, twice a key: most of these
    tests' time, asleep. Steps of 2 ms still wait for idle, ten times sooner."""
    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", 0.002)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ensure_demo(tmp_path_factory.mktemp("demo-template"))


@pytest.mark.parametrize("name", list(REACH))
async def test_every_key(name: str, demo_template: Path, tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    path = fresh_programme(demo_template, sessions)
    count = CardCount(path)
    count.start()
    assert len(count.before) > 20
    driver = Driver(name, sessions, path)
    pressed = await press_every_key(driver)
    assert set(STANDARD_KEYS) <= set(pressed)
    assert len(pressed) > len(STANDARD_KEYS)  # and the screen's own keys
    assert not count.lost(), f"{name}: cards lost: {count.lost()}"


@pytest.mark.parametrize("name", FULL_SCREENS)
async def test_random_keys(name: str, demo_template: Path, tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    path = fresh_programme(demo_template, sessions)
    count = CardCount(path)
    count.start()
    driver = Driver(name, sessions, path)
    rng = random.Random(f"{SEED}-{name}")
    pressed = await press_random_keys(driver, key_pool(()), RANDOM_KEYS, rng)
    assert pressed == RANDOM_KEYS
    assert not count.lost(), f"{name}: cards lost: {count.lost()}"

"""piptui's records from kept code (piptui.dataclass_code): the same classes, sooner, never from a stranger's file."""

from __future__ import annotations

import dataclasses
import inspect
import os
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from piptui import dataclass_code

pytestmark = pytest.mark.skipif(not dataclass_code.compatible(), reason="only on the Python it copies (3.11)")

RECORDS = '''
from __future__ import annotations
from dataclasses import dataclass, field, InitVar, KW_ONLY

@dataclass(frozen=True, slots=True)
class Card:
    """A card."""
    id: str
    text: str
    tags: tuple[str, ...] = ()
    votes: tuple[int, ...] = field(default_factory=tuple)
    hidden: bool = field(default=False, repr=False, compare=False)
    _: KW_ONLY
    author: str = ""

@dataclass(order=True)
class Plain:
    n: int
    scale: InitVar[int] = 1
    total: int = field(init=False, default=0)

    def __post_init__(self, scale: int) -> None:
        self.total = self.n * scale
'''


def make(module_name: str) -> types.ModuleType:
    module = types.ModuleType(module_name)
    sys.modules[module_name] = module
    try:
        exec(compile(RECORDS, f"<{module_name}>", "exec"), module.__dict__)
    finally:
        del sys.modules[module_name]
    return module


def behaviour(module: types.ModuleType) -> tuple[object, ...]:
    card_cls, plain_cls = module.Card, module.Plain
    card = card_cls("a1", "Shared data", ("data",), author="Sue")
    same, other = card_cls("a1", "Shared data", ("data",), author="Sue"), card_cls("a2", "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        card.text = "changed"
    with pytest.raises(dataclasses.FrozenInstanceError):
        del card.text
    with pytest.raises(TypeError):
        card_cls("a1", "t", (), [], False, "positional author")
    plain = plain_cls(2, 5)
    return (
        str(inspect.signature(card_cls)),
        repr(card),
        card == same,
        card == other,
        hash(card) == hash(same),
        card_cls.__match_args__,
        card_cls.__slots__,
        [f.name for f in dataclasses.fields(card_cls)],
        repr(dataclasses.replace(card, text="New")),
        repr(plain),
        plain.total,
        plain < plain_cls(3),
        str(inspect.signature(plain_cls)),
    )


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    dataclass_code.uninstall()
    dataclass_code._new.clear()
    yield dataclass_code.file_path()
    dataclass_code.uninstall()
    dataclass_code._new.clear()


def test_a_record_made_from_kept_code_is_the_one_dataclass_makes(kept: Path) -> None:
    usual = behaviour(make("piptui.records_usual"))
    assert dataclass_code.install()
    before = dict(dataclass_code.stats)
    first = behaviour(make("piptui.records_first"))
    assert dataclass_code.stats["compiled"] > before["compiled"]
    assert dataclass_code.save() and kept.exists()
    assert os.stat(kept).st_mode & 0o777 == 0o600
    dataclass_code.uninstall()

    assert dataclass_code.install()  # a later launch: the code comes from the file
    before = dict(dataclass_code.stats)
    second = behaviour(make("piptui.records_second"))
    assert dataclass_code.stats["compiled"] == before["compiled"]
    assert dataclass_code.stats["kept"] > before["kept"]
    assert dataclass_code.save() is False  # nothing new: nothing written
    assert usual == first == second


def test_only_piptuis_own_records_use_it(kept: Path) -> None:
    assert dataclass_code.install()
    before = dict(dataclass_code.stats)
    behaviour(make("elsewhere.records"))
    assert dataclass_code.stats == before and not dataclass_code._new


def test_a_file_another_user_could_have_written_or_a_broken_one_is_never_loaded(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert dataclass_code.install()
    make("piptui.records_kept")
    assert dataclass_code.save()
    dataclass_code.uninstall()
    assert dataclass_code.load(), "this user's own file is read"
    kept.chmod(0o666)
    assert dataclass_code.load() == {}
    kept.chmod(0o600)
    kept.parent.chmod(0o777)
    try:
        assert dataclass_code.load() == {}
    finally:
        kept.parent.chmod(0o700)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(kept).st_uid + 1)
    assert dataclass_code.load() == {}, "another user's file"
    monkeypatch.undo()
    kept.write_bytes(b"\x00not marshal data")
    assert dataclass_code.load() == {}
    assert dataclass_code.install()  # still works: the code is compiled as usual
    assert behaviour(make("piptui.records_after")) == behaviour(make("elsewhere.records_after"))


def test_nothing_is_written_when_python_is_told_not_to(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert dataclass_code.install()
    make("piptui.records_quiet")
    assert dataclass_code.save() is False and not kept.exists()


def test_another_python_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    dataclass_code.uninstall()
    original = dataclasses._create_fn  # type: ignore[attr-defined]
    monkeypatch.setattr(sys, "version_info", (3, 12, 0, "final", 0))
    assert dataclass_code.install() is False
    assert dataclasses._create_fn is original  # type: ignore[attr-defined]


def test_the_piptui_command_keeps_its_records_code(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(
        [sys.executable, "-m", "piptui", "--sessions-dir", str(tmp_path / "s"), "list"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "cache" / "piptui" / dataclass_code.file_path().name).exists()

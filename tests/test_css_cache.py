"""The stylesheet as the last launch parsed it (piptui.ui.css_cache): kept, reused, never trusted blindly."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from textual.widgets import Input

from piptui.ui.app import create_app
from piptui.ui.css_cache import CssCache, cache_folder, file_name


async def styles_of_capture(programme_file: Path) -> tuple[object, ...]:
    app = create_app(sessions_dir=programme_file.parent, programme=programme_file, mode="session", author="Ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        capture = app.screen.query_one("#capture", Input)
        styles = capture.styles
        return (styles.height, styles.border, styles.background, styles.padding, app._css_cache.seeded)


async def test_a_second_launch_uses_the_first_ones_parse_and_looks_the_same(programme_file: Path) -> None:
    cache = cache_folder() / file_name("session")
    cache.unlink(missing_ok=True)
    first = await styles_of_capture(programme_file)
    assert cache.exists(), "the parse is kept once the first frame is on screen"
    with cache.open("rb") as handle:
        kept = pickle.load(handle)
    assert any(str(key[1][0]).endswith("piptui.tcss") for key, _rules in kept["parsed"])
    assert first[-1] == 0
    second = await styles_of_capture(programme_file)
    assert second[-1] >= len(kept["parsed"]) > 0, "the second launch was given the kept parse"
    assert first[:-1] == second[:-1]


def test_a_cache_from_another_theme_version_or_a_broken_file_is_ignored(tmp_path: Path) -> None:
    from textual.css.stylesheet import Stylesheet

    variables = {"primary": "#123456"}
    stylesheet = Stylesheet(variables=variables)
    stylesheet.add_source("#x { width: 3; }", read_from=("kept.tcss", ""))
    stylesheet.parse()
    assert CssCache(stylesheet, variables, "home", tmp_path).save(variables) is True
    assert CssCache(Stylesheet(variables=variables), variables, "home", tmp_path).load() == 1
    other = {"primary": "#654321"}
    assert CssCache(Stylesheet(variables=other), other, "home", tmp_path).load() == 0  # another theme: parsed afresh
    (tmp_path / file_name("home")).write_bytes(b"not a pickle")
    assert CssCache(Stylesheet(variables=variables), variables, "home", tmp_path).load() == 0
    unwritable = tmp_path / "file"
    unwritable.write_text("")
    assert CssCache(stylesheet, variables, "home", unwritable).save(variables) is False  # no folder there: no error


def test_the_file_holds_only_what_the_last_launch_used(tmp_path: Path) -> None:
    from textual.css.stylesheet import Stylesheet

    variables: dict[str, str] = {}

    def launch(css: str) -> CssCache:
        stylesheet = Stylesheet(variables=variables)
        cache = CssCache(stylesheet, variables, "session", tmp_path)
        cache.load()
        stylesheet.add_source(css, read_from=("piptui.tcss", ""))
        stylesheet.parse()
        cache.save(variables)
        return cache

    launch("#x { width: 3; }")
    edited = launch("#x { width: 4; }")  # the stylesheet changed: parsed afresh, the old parse dropped
    assert edited.seeded == 1 and len(edited.kept) == 1
    with (tmp_path / file_name("session")).open("rb") as handle:
        assert [key[0] for key, _rules in pickle.load(handle)["parsed"]] == ["#x { width: 4; }"]
    again = launch("#x { width: 4; }")
    assert again.seeded == 1 and again.saved and again.kept == edited.kept


def test_a_cache_another_user_could_have_written_is_never_unpickled(tmp_path: Path) -> None:
    """Unpickling runs code: a kept parse in a folder or file others can write is ignored."""
    import os

    from textual.css.stylesheet import Stylesheet

    variables: dict[str, str] = {}
    stylesheet = Stylesheet(variables=variables)
    stylesheet.add_source("#x { width: 3; }", read_from=("kept.tcss", ""))
    stylesheet.parse()
    folder = tmp_path / "cache"
    assert CssCache(stylesheet, variables, "home", folder).save(variables) is True
    kept = folder / file_name("home")
    assert oct(kept.stat().st_mode & 0o777) == oct(0o600)
    assert CssCache(Stylesheet(variables=variables), variables, "home", folder).load() == 1
    kept.chmod(0o666)
    assert CssCache(Stylesheet(variables=variables), variables, "home", folder).load() == 0
    kept.chmod(0o600)
    folder.chmod(0o777)
    try:
        assert CssCache(Stylesheet(variables=variables), variables, "home", folder).load() == 0
    finally:
        folder.chmod(0o700)
    assert os.stat(folder).st_mode & 0o777 == 0o700


def test_a_parse_that_cannot_be_kept_costs_only_the_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.css.stylesheet import Stylesheet

    import piptui.ui.css_cache as css_cache

    def refuse(*_args: object, **_kw: object) -> bytes:
        raise TypeError("cannot pickle '_thread.lock' object")

    monkeypatch.setattr(css_cache.pickle, "dumps", refuse)
    variables: dict[str, str] = {}
    stylesheet = Stylesheet(variables=variables)
    stylesheet.add_source("#x { width: 3; }", read_from=("kept.tcss", ""))
    stylesheet.parse()
    assert CssCache(stylesheet, variables, "home", tmp_path).save(variables) is False
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_a_changed_textual_is_parsed_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key follows Textual's files (not its metadata, which costs the first frame 15-20 ms):
    an upgrade rewrites them, an edited checkout changes the one edited."""
    import os

    import textual

    from piptui.ui import css_cache

    fake = tmp_path / "textual"
    (fake / "css").mkdir(parents=True)
    for name in ("__init__.py", "color.py", "geometry.py", "css/parse.py", "css/styles.py"):
        (fake / name).write_text("# 1\n")
    monkeypatch.setattr(textual, "__file__", str(fake / "__init__.py"))
    first = css_cache.version_key({})
    assert css_cache.version_key({}) == first
    os.utime(fake / "css" / "styles.py", ns=(1, 1))  # an edited (or reinstalled) CSS module
    assert css_cache.version_key({}) != first
    second = css_cache.version_key({})
    (fake / "css" / "tokenize.py").write_text("# new in this version\n")
    assert css_cache.version_key({}) != second
    monkeypatch.setattr(textual, "__file__", str(tmp_path / "gone" / "__init__.py"))
    assert css_cache.version_key({}) not in (first, second)  # Textual's folder unreadable: no error, no reuse

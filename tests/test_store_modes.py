"""Files that can hold confidential cards are private; links are followed, not forked.

Under the usual umask 022: new programme files, their temporary files, JSON backups and
``--include-confidential`` exports are 0600; a sessions folder piptui creates is 0700; an
existing file's mode and owner survive a write; a read-only file is refused, not replaced.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.domain.model import Programme
from piptui.errors import ReadOnlyFile
from piptui.store import SessionStore


def run(sessions_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args])


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def made(tmp_path: Path) -> Path:
    sessions = tmp_path / "fresh" / "sessions"  # piptui creates the folder
    result = run(sessions, "new", "calderdale", "--area", "Calderdale")
    assert result.exit_code == 0, result.output
    return sessions / "calderdale.json"


def test_a_new_programme_and_the_folder_piptui_made_are_private(made: Path) -> None:
    assert mode(made) == 0o600
    assert mode(made.parent) == 0o700


def test_temporary_files_are_private_while_written(made: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = os.replace

    def watching(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        seen.append(mode(Path(src)))
        real(src, dst)

    monkeypatch.setattr(os, "replace", watching)
    with SessionStore(made, author="ann") as store:
        store.add_card("a secret", confidential=True)
    assert seen == [0o600]
    assert mode(made) == 0o600


def test_an_existing_mode_survives_a_write(made: Path) -> None:
    os.chmod(made, 0o640)
    with SessionStore(made, author="ann") as store:
        store.add_card("shared with the group")
    assert mode(made) == 0o640


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_an_existing_owner_survives_a_write(made: Path) -> None:
    os.chown(made, 4321, 4321)
    os.chmod(made, 0o660)
    with SessionStore(made, author="ann") as store:
        store.add_card("still theirs")
    st = os.stat(made)
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4321, 4321, 0o660)


def test_a_read_only_file_is_refused_not_replaced(made: Path) -> None:
    os.chmod(made, 0o444)
    before, inode = made.read_bytes(), os.stat(made).st_ino
    with SessionStore(made, author="ann") as store, pytest.raises(ReadOnlyFile, match="read-only"):
        store.add_card("refused")
    assert made.read_bytes() == before and os.stat(made).st_ino == inode
    result = run(made.parent, "add", "calderdale", "refused too")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "read-only" in result.output and "calderdale.json" in result.output
    assert "Traceback" not in result.output
    assert made.read_bytes() == before and not list(made.parent.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--format", "json"), 0o600),  # a backup holds every card
        (("--include-confidential",), 0o600),
        (("--format", "csv", "--include-confidential"), 0o600),
        ((), 0o644),  # the notes without confidential cards: as the umask says
    ],
)
def test_exports_that_can_hold_confidential_cards_are_private(
    made: Path, tmp_path: Path, args: tuple[str, ...], expected: int
) -> None:
    out = tmp_path / "out" / "export.txt"
    out.parent.mkdir()
    result = run(made.parent, "export", "calderdale", "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    assert mode(out) == expected


def test_a_private_export_over_an_open_file_makes_it_private(made: Path, tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    out.write_text("old")
    os.chmod(out, 0o644)
    assert run(made.parent, "export", "calderdale", "-o", str(out)).exit_code == 0
    assert mode(out) == 0o600


# -- links -----------------------------------------------------------------


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """sessions/p.json is a link to elsewhere/p.json."""
    target = tmp_path / "elsewhere" / "p.json"
    SessionStore.create(target, Programme(name="p", area="Linkshire")).close()
    link = tmp_path / "sessions" / "p.json"
    link.parent.mkdir()
    link.symlink_to(target)
    return link, target


def test_a_linked_programme_is_written_through_the_link(linked: tuple[Path, Path]) -> None:
    link, target = linked
    with SessionStore(link, author="ann") as via_link, SessionStore(target, author="bob") as direct:
        for i in range(5):
            via_link.add_card(f"link {i}")
            direct.add_card(f"direct {i}")
    assert link.is_symlink() and os.readlink(link) == str(target)
    with SessionStore(target) as store:
        assert sorted(c.text for c in store.cards()) == sorted(
            [f"link {i}" for i in range(5)] + [f"direct {i}" for i in range(5)]
        )
    assert not (link.parent / "p.json.lock").exists()  # one lock: the target's
    assert (target.parent / "p.json.lock").exists()


def test_add_through_a_linked_programme_in_the_cli(linked: tuple[Path, Path]) -> None:
    link, target = linked
    result = run(link.parent, "add", "p", "through the link")
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    with SessionStore(target) as store:
        assert [c.text for c in store.cards()] == ["through the link"]


@pytest.mark.skipif(os.uname().sysname != "Linux", reason="inotify is Linux's")
async def test_a_linked_programme_open_in_the_app_hears_of_writes_to_its_target(linked: tuple[Path, Path]) -> None:
    import asyncio

    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from piptui.store.snapshot import Snapshot
    from piptui.ui.live import LiveProgramme

    link, target = linked

    class One(App[None]):
        seen: list[Snapshot]
        live: LiveProgramme

        def compose(self) -> ComposeResult:
            yield Static(id="a")

        def on_mount(self) -> None:
            self.seen = []
            self.live = LiveProgramme(self, link, author="ann", notifications=True)
            self.live.subscribe(self.query_one("#a"), self.seen.append)

        def on_unmount(self) -> None:
            self.live.close()

    app = One()
    async with app.run_test() as pilot:
        for _ in range(500):
            if app.live.watcher.kind is not None:
                break
            await asyncio.sleep(0.01)
        assert app.live.watcher.kind == "inotify"
        await pilot.pause(0.3)
        app.seen.clear()
        with SessionStore(target, author="bo") as other:
            card = other.add_card("written to the target")
        for _ in range(500):
            if app.seen:
                break
            await asyncio.sleep(0.01)
        assert app.seen and [c.id for c in app.seen[-1].cards] == [card.id]

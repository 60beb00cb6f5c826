"""What is said in confidence stays in the room: suggestions, exports and the undo history."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.domain.clustering import suggest_clusters
from piptui.domain.model import Card
from piptui.store import SessionStore
from piptui.store.plan_ops import PlanOps


def run(sessions_dir: Path, *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args], input=stdin)


def test_a_suggestion_never_takes_its_title_from_confidential_cards() -> None:
    secret = [Card(text=f"whistleblower Jane Doe report {i}", tags=("secrettag",), confidential=True) for i in range(3)]
    only_secret = suggest_clusters(secret)
    assert only_secret and all("secret" not in s.title.lower() and "jane" not in s.title.lower() for s in only_secret)
    assert all(s.shared_tags == () for s in only_secret)
    mixed = [*secret, Card(text="whistleblower policy review", tags=("policy",))]
    titles = [s.title.lower() for s in suggest_clusters(mixed)]
    assert titles and not any("secrettag" in t or "jane" in t for t in titles)


def setup_plan(programme_file: Path) -> None:
    with SessionStore(programme_file, author="ann") as store:
        a = store.add_card("TOPSECRET one", confidential=True)
        b = store.add_card("TOPSECRET two", confidential=True)
        c = store.add_card("open remark")
        plan = PlanOps(store)
        secret = plan.cluster_cards([a.id, b.id], title="Secrettag")
        public = plan.cluster_cards([c.id], title="Open theme")
        plan.promote([secret.id], title="Secret objective")
        plan.promote([public.id], title="Open objective")


def test_exports_withhold_clusters_and_objectives_made_only_of_confidential_cards(programme_file: Path) -> None:
    setup_plan(programme_file)
    sessions = programme_file.parent
    for args in (["export", "test"], ["export", "test", "--content", "plan"]):
        out = run(sessions, *args)
        assert out.exit_code == 0, out.output
        assert "Secret" not in out.output and "TOPSECRET" not in out.output, args
        assert "Open" in out.output
        shown = run(sessions, *args, "--include-confidential")
        assert shown.exit_code == 0 and "Secret objective" in shown.output


def test_compact_drops_the_undo_history_after_asking(programme_file: Path) -> None:
    sessions = programme_file.parent
    with SessionStore(programme_file, author="ann") as store:
        card = store.add_card("TOPSECRET whistleblower is Jane Doe", confidential=True)
        store.delete_card(card.id)
    assert b"TOPSECRET" in programme_file.read_bytes()  # the undo history keeps it
    refused = run(sessions, "compact", "test", stdin="n\n")
    assert refused.exit_code == 0 and "(2 changes)" in refused.output and "Nothing was changed" in refused.output
    assert b"TOPSECRET" in programme_file.read_bytes()
    done = run(sessions, "compact", "test", stdin="y\n")
    assert done.exit_code == 0 and "Dropped 2 changes" in done.output
    assert b"TOPSECRET" not in programme_file.read_bytes()
    with SessionStore(programme_file, author="ann") as store:
        assert store.undo() is None and store.history_size() == 0
        store.add_card("later")
    again = run(sessions, "compact", "test", "--yes")
    assert again.exit_code == 0 and "Dropped 1 change from" in again.output


async def test_deleting_a_confidential_card_says_its_text_stays_until_compacted(sessions_dir: Path) -> None:
    from ui_support import notifications, session_ready

    from piptui.domain.model import Programme, Session
    from piptui.ui.app import create_app

    path = sessions_dir / "p.json"
    SessionStore.create(
        path,
        Programme(name="p", area="A"),
        sessions=[Session(1, exercises=("sorting",), current_step="sorting/sort")],
        content=[Card(text="TOPSECRET said in confidence", confidential=True, session=1, step="sorting/sort")],
    ).close()
    app = create_app(sessions_dir=sessions_dir, programme=path, author="ann", mode="session")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await session_ready(pilot)
        await pilot.press("down", "tab", "d", "y")  # to the card, onto the board, delete, yes
        await pilot.pause(0.2)
        said = notifications(app)
        assert any("Card deleted" in n and "stays in the undo history until 'piptui compact'" in n for n in said), said
    with SessionStore(path) as store:
        assert store.cards() == []

"""SessionStore.snapshot(): the whole programme from one read, as the store's own reads give it."""

from __future__ import annotations

from pathlib import Path

from piptui.domain.survey import SurveyResponse
from piptui.programmes import ensure_demo
from piptui.store import SessionStore
from piptui.store.plan_ops import PlanOps
from piptui.store.survey_ops import SurveyOps


def test_a_snapshot_holds_what_the_store_reads(sessions_dir: Path) -> None:
    with SessionStore(ensure_demo(sessions_dir), author="ann") as store:
        ops = PlanOps(store)
        cluster = store.clusters()[0]
        ops.record_votes(store.participants()[0].id, {cluster.id: 2}, session=3)
        ops.set_budget(3, 5)
        SurveyOps(store).add(SurveyResponse(survey="survey", sessions_attended=3))
        snap = store.snapshot()
        assert snap.programme == store.programme()
        assert list(snap.sessions) == store.sessions()
        assert list(snap.participants) == store.participants()
        assert list(snap.cards) == store.cards()
        assert snap.cards_of(session=3, step="sorting/sort") == store.cards(session=3, step="sorting/sort")
        assert list(snap.clusters) == store.clusters()
        assert list(snap.objectives) == store.objectives()
        assert list(snap.actions) == store.actions()
        assert snap.votes_of(3) == ops.votes(3) and snap.budget(3) == ops.budget(3) == 5
        assert list(snap.responses) == SurveyOps(store).responses()
        assert snap.token == store.change_token()


def test_a_snapshot_is_one_read_a_later_write_does_not_change_it(sessions_dir: Path) -> None:
    path = ensure_demo(sessions_dir)
    with SessionStore(path) as mine, SessionStore(path, author="bo") as other:
        snap = mine.snapshot()
        other.add_card("Arrived later", session=3)
        assert "Arrived later" not in {c.text for c in snap.cards}
        later = mine.snapshot()
        assert "Arrived later" in {c.text for c in later.cards} and later.token != snap.token

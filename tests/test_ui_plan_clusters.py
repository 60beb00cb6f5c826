"""Pilot tests of the clusters screen: mark -> group -> rename -> merge/split/ungroup -> vote -> promote.

Every operation is undone (Ctrl+Z) and redone once; user text with markup shows literally.
"""

from __future__ import annotations

from pathlib import Path

from plan_ui_support import app_for, make_programme, notes, prompts, push, type_into
from textual.widgets import OptionList
from ui_support import patience

from piptui.store import SessionStore
from piptui.ui.screens.cluster_dialogs import GroupDialog, SuggestionEditDialog, TextDialog
from piptui.ui.screens.cluster_suggestions import SuggestionsScreen
from piptui.ui.screens.clusters import ClustersScreen
from piptui.ui.screens.dialogs import ConfirmDialog, PickDialog
from piptui.ui.screens.plan import PlanScreen
from piptui.ui.screens.votes import VotesScreen


def _clusters(path: Path) -> dict[str, tuple[int, int, str | None]]:
    """title -> (cards, votes, objective)."""
    with SessionStore(path) as store:
        return {k.title: (len(k.card_ids), k.votes, k.objective) for k in store.clusters()}


def _index(widget: OptionList, text: str) -> int:
    found = [n for n, p in enumerate(prompts(widget)) if text in p]
    assert found, (text, prompts(widget))
    return found[0]


def _nth_card(widget: OptionList, n: int) -> int:
    return [k for k, o in enumerate(widget.options) if not o.disabled][n]


async def test_mark_group_rename_vote_promote_each_undone(sessions_dir: Path) -> None:
    path = make_programme(sessions_dir)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await push(pilot, ClustersScreen(path, session=4, author="ann"))
        cards = screen.query_one("#cluster-cards", OptionList)
        assert screen.all_sessions  # session 4 has no cards: every session is shown
        assert screen.focused is cards
        cards.highlighted = _nth_card(cards, 0)
        await pilot.press("space", "space")
        assert len(screen.marked_cards) == 2
        assert sum(p.startswith("■") for p in prompts(cards)) == 2
        await pilot.press("g")
        assert isinstance(app.screen, GroupDialog)
        await type_into(pilot, "#title", "[b]Money[/b] & time")
        assert _clusters(path) == {"[b]Money[/b] & time": (2, 0, None)}
        assert not screen.marked_cards
        assert any("grouped into [b]Money[/b] & time" in n for n in notes(app))
        assert any("▸ [b]Money[/b] & time" in p for p in prompts(cards))
        await pilot.press("ctrl+z")
        assert _clusters(path) == {}
        await pilot.press("ctrl+y")
        assert _clusters(path) == {"[b]Money[/b] & time": (2, 0, None)}

        # two more cards into the existing cluster (Tab to the list in the dialog, Enter)
        cards.highlighted = _nth_card(cards, 2)
        await pilot.press("space")
        await pilot.press("g")
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert _clusters(path) == {"[b]Money[/b] & time": (3, 0, None)}
        await pilot.press("ctrl+z")
        assert _clusters(path) == {"[b]Money[/b] & time": (2, 0, None)}

        # rename and vote from the clusters list
        await pilot.press("tab")
        assert screen.focused is screen.query_one("#cluster-list")
        await pilot.press("r")
        assert isinstance(app.screen, TextDialog)
        await type_into(pilot, "#text", "Resources")
        assert _clusters(path) == {"Resources": (2, 0, None)}
        await pilot.press("plus", "plus", "minus", "plus")
        assert _clusters(path)["Resources"][1] == 2
        await pilot.press("ctrl+z")
        assert _clusters(path)["Resources"][1] == 1
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z", "ctrl+z")  # three votes and the rename
        assert _clusters(path) == {"[b]Money[/b] & time": (2, 0, None)}

        # promote: the card then shows the objective it went into
        await pilot.press("p")
        assert isinstance(app.screen, TextDialog)
        await type_into(pilot, "#text", "Maximise [i]resources[/i]")
        assert _clusters(path)["[b]Money[/b] & time"][2] is not None
        assert any("→ 1. Maximise [i]resou" in p for p in prompts(cards))  # shortened to fit
        assert any("→ 1. Maximise" in p for p in prompts(screen.clusters_list))
        await pilot.press("ctrl+z")
        assert _clusters(path)["[b]Money[/b] & time"][2] is None
        with SessionStore(path) as store:
            assert store.objectives() == []


async def test_merge_split_ungroup_take_out_each_undone(sessions_dir: Path) -> None:
    path = make_programme(sessions_dir)
    with SessionStore(path, author="ann") as store:
        from piptui.store.plan_ops import PlanOps

        ops = PlanOps(store)
        a = ops.cluster_cards(["card-0", "card-1"], title="Resources", session=3)
        b = ops.cluster_cards(["card-2", "card-3"], title="Awareness", session=3)
        ops.set_votes(a.id, 3)
        ops.set_votes(b.id, 5)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await push(pilot, ClustersScreen(path, session=3, author="ann"))
        clusters = screen.query_one("#cluster-list", OptionList)
        assert [p.split()[1:3] for p in prompts(clusters)] == [["5", "Awareness"], ["3", "Resources"]]  # by votes
        await pilot.press("tab")
        # merge: mark Resources, highlight Awareness, m
        clusters.highlighted = 1
        await pilot.press("space")
        clusters.highlighted = 0
        await pilot.press("m")
        assert _clusters(path) == {"Awareness": (4, 8, None)}
        await pilot.press("ctrl+z")
        assert _clusters(path) == {"Resources": (2, 3, None), "Awareness": (2, 5, None)}
        # merge without marks: pick the target
        clusters.highlighted = 1
        await pilot.press("m")
        assert isinstance(app.screen, PickDialog)
        await pilot.press("1")
        await pilot.pause()
        assert _clusters(path) == {"Awareness": (4, 8, None)}
        await pilot.press("ctrl+z")
        # split: Enter on Resources shows its cards; mark one; x
        clusters.highlighted = _index(clusters, "Resources")
        await pilot.press("enter")
        cards = screen.query_one("#cluster-cards", OptionList)
        assert screen.focused is cards and screen.only_cluster is not None
        assert len([o for o in cards.options if not o.disabled]) == 2
        cards.highlighted = _nth_card(cards, 0)
        await pilot.press("space")
        await pilot.press("tab")
        await pilot.press("x")
        assert isinstance(app.screen, TextDialog)
        await type_into(pilot, "#text", "Volunteers")
        assert _clusters(path) == {"Resources": (1, 3, None), "Awareness": (2, 5, None), "Volunteers": (1, 0, None)}
        await pilot.press("ctrl+z")
        assert _clusters(path) == {"Resources": (2, 3, None), "Awareness": (2, 5, None)}
        await pilot.press("escape")  # leaves the one-cluster view, not the screen
        assert screen.only_cluster is None and app.screen is screen
        # ungroup asks first
        clusters.highlighted = 0
        await pilot.press("u")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert _clusters(path) == {"Resources": (2, 3, None)}
        await pilot.press("ctrl+z")
        assert len(_clusters(path)) == 2
        # take one card out of its cluster
        await pilot.press("tab")
        cards.highlighted = _nth_card(cards, 0)
        await pilot.press("o")
        assert sum(n for n, _v, _o in _clusters(path).values()) == 3
        await pilot.press("ctrl+z")
        assert sum(n for n, _v, _o in _clusters(path).values()) == 4
        await pilot.press("escape")
        assert app.screen is not screen


async def test_suggestions_are_offered_then_accepted_edited_or_rejected(sessions_dir: Path) -> None:
    path = make_programme(sessions_dir)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await push(pilot, ClustersScreen(path, session=3, author="ann"))
        await pilot.press("s")
        suggest = app.screen
        assert isinstance(suggest, SuggestionsScreen)
        for _ in patience():
            await pilot.pause(0.02)
            if suggest.suggestions is not None:
                break
        assert suggest.suggestions is not None and len(suggest.suggestions) == 3
        assert _clusters(path) == {}  # nothing applied on its own
        listing = suggest.query_one("#suggestions", OptionList)
        assert any("[red]Mistrust[/] since the grant cuts" in p for p in prompts(listing))
        titles = [s.title for s in suggest.suggestions]
        # reject the first
        await pilot.press("d")
        assert len(suggest.suggestions) == 2 and _clusters(path) == {}
        # accept the next (Enter), keeping its title
        await pilot.press("enter")
        assert isinstance(app.screen, GroupDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert _clusters(path) == {titles[1]: (2, 0, None)}
        # edit the last: new title, drop a card
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, SuggestionEditDialog)
        ticks = dialog.query_one("#cards")
        ticks.focus()
        await pilot.press("space")
        await type_into(pilot, "#title", "[bold]Trust")
        assert _clusters(path)["[bold]Trust"] == (1, 0, None)
        assert suggest.suggestions == []
        await pilot.press("ctrl+z")
        assert "[bold]Trust" not in _clusters(path)
        await pilot.press("escape")
        assert app.screen is screen
        # the rejected suggestion is not offered again
        await pilot.press("s")
        again = app.screen
        assert isinstance(again, SuggestionsScreen)
        for _ in patience():
            await pilot.pause(0.02)
            if again.suggestions is not None:
                break
        assert titles[0] not in [s.title for s in again.suggestions or []]


async def test_votes_room_tally_person_votes_and_budget(sessions_dir: Path) -> None:
    path = make_programme(sessions_dir)
    with SessionStore(path, author="ann") as store:
        from piptui.store.plan_ops import PlanOps

        ops = PlanOps(store)
        ops.cluster_cards(["card-0", "card-1"], title="Resources", session=3)
        ops.cluster_cards(["card-2", "card-3"], title="Awareness", session=3)
    app = app_for(sessions_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        clusters_screen = await push(pilot, ClustersScreen(path, session=3, author="ann"))
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, VotesScreen)
        listing = screen.query_one("#vote-clusters", OptionList)
        assert screen.focused is listing
        # the room's tally: + and digits; Enter types a number
        listing.highlighted = _index(listing, "Awareness")
        await pilot.press("plus", "plus", "plus")
        assert _clusters(path)["Awareness"][1] == 3
        assert "Awareness" in prompts(listing)[0]  # re-sorted, most votes first
        await pilot.press("enter")
        assert isinstance(app.screen, TextDialog)
        await type_into(pilot, "#text", "12")
        assert _clusters(path)["Awareness"][1] == 12
        await pilot.press("ctrl+z")
        assert _clusters(path)["Awareness"][1] == 3
        # a budget of 2 per person, then Vera's votes
        await pilot.press("b")
        await type_into(pilot, "#text", "2")
        voters = screen.query_one("#voters", OptionList)
        voters.highlighted = [o.id for o in voters.options].index("person-2")
        await pilot.pause()
        assert screen.voter == "person-2"
        listing.focus()
        listing.highlighted = _index(listing, "Resources")
        await pilot.press("2")
        assert _clusters(path)["Resources"][1] == 2
        listing.highlighted = _index(listing, "Awareness")
        await pilot.press("1")
        assert _clusters(path)["Awareness"][1] == 3  # over budget: refused
        assert any("budget is 2" in n for n in notes(app))
        assert "Vera Pye has 0 left" in str(screen.query_one("#votes-hint").render())
        await pilot.press("ctrl+z")
        assert _clusters(path)["Resources"][1] == 0
        await pilot.press("escape")
        assert app.screen is clusters_screen
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, PlanScreen)

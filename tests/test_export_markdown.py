"""The Markdown notes: golden files for the demo, confidentiality, names, hostile text, scale.

Golden files live in ``tests/golden/``. When the demo or the bundled exercises change on
purpose, regenerate them with ``PIPTUI_UPDATE_GOLDEN=1 python -m pytest tests/test_export_markdown.py``
and read the diff before committing it.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from test_export_mdcheck import literal_text, parse, shown, table_cells

from piptui.domain.exercise import Column, Exercise, ExerciseKind, Step
from piptui.domain.model import Action, ActionStatus, Card, Cluster, Objective, Participant, Programme, Rag, Sector
from piptui.domain.model import Session as S
from piptui.errors import InvalidInput
from piptui.exercises import Library, load_library
from piptui.export.markdown import export_markdown
from piptui.export.markdown_plan import ACTION_HEADER
from piptui.programmes import ensure_demo
from piptui.store import SessionStore

GOLDEN = Path(__file__).parent / "golden"
SECRETS = (
    "Board meetings feel like the council has already decided",
    "We are invited as guests, not as equal partners",
)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PIPTUI_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.exists(), f"{path} is missing: run with PIPTUI_UPDATE_GOLDEN=1 to write it"
    assert text == path.read_bytes().decode("utf-8"), f"{name} changed: PIPTUI_UPDATE_GOLDEN=1 regenerates it"


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, library: Library) -> dict[str, Any]:
    path = ensure_demo(tmp_path_factory.mktemp("demo"), library)
    with SessionStore(path) as store:
        return store.raw()


def test_demo_notes_match_the_golden_file(demo: dict[str, Any], library: Library) -> None:
    check_golden("darlington-demo.md", export_markdown(demo, library))


def test_demo_session_notes_with_everything_match_the_golden_file(demo: dict[str, Any], library: Library) -> None:
    notes = export_markdown(demo, library, session=3, include_confidential=True, names=True)
    check_golden("darlington-demo-session-3-full.md", notes)


def test_the_demo_gives_byte_identical_notes_every_time(tmp_path: Path, demo: dict[str, Any], library: Library) -> None:
    again = ensure_demo(tmp_path, library)
    with SessionStore(again) as store:
        rebuilt = store.raw()
    assert export_markdown(rebuilt, library) == export_markdown(demo, library)
    shuffled = {t: dict(reversed(list(docs.items()))) for t, docs in reversed(list(demo.items()))}
    assert export_markdown(shuffled, library) == export_markdown(demo, library)


def test_demo_notes_have_the_expected_shape(demo: dict[str, Any], library: Library) -> None:
    notes = export_markdown(demo, library)
    tokens = parse(notes)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert headings[:2] == ["Participants", "Session 1: Experiences and context"]
    assert headings[-1] == "Action plan" and sum(h.startswith("Session ") for h in headings) == 5
    plan = notes[notes.index("## Action plan") :]
    tables = plan.split("\n### ")[1:]
    assert len(tables) == len(demo["objectives"])
    rows = [table_cells(t) for t in tables]
    assert all(r[0] == list(ACTION_HEADER) and all(len(row) == 7 for row in r) for r in rows)
    assert sum(len(r) - 1 for r in rows) == len(demo["actions"])
    assert all(row[4] == "not started" for r in rows for row in r[1:])
    assert "<br>" not in notes
    assert not any(t.type in ("html_block", "html_inline", "code_block", "fence") for t in tokens)


def test_confidential_cards_are_withheld_and_counted(demo: dict[str, Any], library: Library) -> None:
    notes = export_markdown(demo, library)
    assert not any(secret in notes for secret in SECRETS)
    assert "2 confidential cards are not included in these notes" in notes
    assert notes.count("1 confidential card from this session is not included") == 2
    full = export_markdown(demo, library, include_confidential=True)
    assert all(secret in full for secret in SECRETS)
    assert "these notes include 2 confidential cards" in full and "*confidential · VCS" in full


def test_names_only_when_asked(demo: dict[str, Any], library: Library) -> None:
    leads = {o.get(k) for o in demo["objectives"].values() for k in ("council_lead", "vcs_lead")}
    names = [d["name"] for pid, d in demo["participants"].items() if pid not in leads]
    notes = export_markdown(demo, library)
    assert not any(n in notes for n in names)
    # the joint leads are named in the published plan, with their organisation
    assert "- **Joint lead:** David Reeve, Darlington Borough Council - Community Services (council) and " in notes
    assert "| Voluntary and community sector | 7 |" in notes
    named = export_markdown(demo, library, names=True)
    assert all(n in named for n in names)


def test_one_session(demo: dict[str, Any], library: Library) -> None:
    notes = export_markdown(demo, library, session=1)
    assert notes.startswith("# Darlington Partnership Improvement Programme (demo): session 1\n")
    assert "## Session 1:" in notes and "## Session 3:" not in notes and "## Action plan" not in notes
    assert "## Action plan" in export_markdown(demo, library, session=4)
    with pytest.raises(InvalidInput, match="no session 7"):
        export_markdown(demo, library, session=7)


# -- a hostile programme: every text a person can type is an attack -------------------
EVIL = [
    "a | b | c",
    "# heading",
    "* bullet",
    "- bullet",
    "+ bullet",
    "> quote",
    "1. list",
    "`code`",
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "[link](http://evil.example)",
    "![img](http://evil.example/x.png)",
    "_em_ *em* __strong__",
    "line one\nline two",
    "~~strike~~",
    "&amp; &#65;",
    "---",
    "=cmd|' /C calc'!A0",
]
LIBRARY = Library(
    exercises={
        "ex": Exercise(
            id="ex",
            title="*Ex* <i>",
            kind=ExerciseKind.SORTING,
            steps=(
                Step(
                    id="st",
                    title="# Step",
                    prompt="> [p](http://x)\n- line",
                    columns=(Column(id="c1", title="| C1 |"), Column(id="c2", title="`C2`", group="<b>G</b>")),
                ),
            ),
        )
    }
)


def hostile(tmp_path: Path) -> dict[str, Any]:
    people = [Participant(name=t, organisation=t, sector=Sector.VCS, id=f"p{i}") for i, t in enumerate(EVIL)]
    cards = [
        Card(
            text=t,
            id=f"c{i:02d}",
            tags=(t,),
            sector=Sector.COUNCIL,
            session=1,
            step="ex/st",
            column=("c1", "c2", None)[i % 3],
            cluster="k1" if i % 2 else None,
            created=f"2008-01-01T10:{i:02d}",
        )
        for i, t in enumerate(EVIL)
    ]
    content: list[Any] = [*cards, Cluster(title="[k](http://x) | *k*", id="k1", votes=3, session=1)]
    for i, t in enumerate(EVIL[:5]):
        content.append(
            Objective(
                title=t,
                id=f"o{i}",
                council_lead=f"p{i}",
                vcs_lead="not-an-id <b>",
                timescale=t,
                review_date="2008-10-01",
                position=i,
                session=1,
            )
        )
        content.append(
            Action(text=t + "\n" + t, objective=f"o{i}", owners=(t,), due=t, status=ActionStatus.DONE, rag=Rag.GREEN)
        )
    path = tmp_path / "evil.json"
    SessionStore.create(
        path,
        Programme(name="evil", area="| Area", title="# <Title> [x](y)"),
        participants=people,
        sessions=[
            S(1, title="*S1* | x", date="2008-01-01", facilitators=("<i>", "`f`"), exercises=("ex", "missing <b>"))
        ],
        content=content,
    ).close()
    with SessionStore(path) as store:
        return store.raw()


@pytest.mark.parametrize("names", [False, True])
def test_hostile_text_never_becomes_markup(tmp_path: Path, names: bool) -> None:
    notes = export_markdown(hostile(tmp_path), LIBRARY, include_confidential=True, names=names)
    tokens = parse(notes)
    for t in tokens:
        assert t.type not in ("html_block", "code_block", "fence", "hr"), t.type
        for child in t.children or []:
            assert child.type not in ("link_open", "image", "code_inline", "s_open"), child
            assert child.type != "html_inline", child
    headings = [literal_text(tokens[i + 1].children or []) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[:2] == ["# <Title> [x](y)", "Participants"] and "Session 1: *S1* | x" in headings
    assert "*Ex* <i> — # Step" in headings and "<b>G</b>" in headings and "`C2` (6)" in headings
    items = [t for t in tokens if t.type == "list_item_open"]
    texts = [flat(tokens[tokens.index(i) + 2].children or []) for i in items]
    for card_text in EVIL:
        assert any(x.startswith(shown(card_text) + " — ") for x in texts), card_text
    plan = notes[notes.index("## Action plan") :]
    blocks = plan.split("\n### Objective ")[1:]
    assert len(blocks) == 5
    for n, block in enumerate(blocks):
        tokens_o = parse("### Objective " + block)
        assert literal_text(tokens_o[1].children or []) == f"Objective {n + 1}: " + " ".join(EVIL[n].split())
        rows = table_cells(block[block.index("| #") :])
        one = " ".join(EVIL[n].split())
        assert rows[1][1:5] == [
            f"{shown(EVIL[n])} / {shown(EVIL[n])}".replace("\n", " / "),
            shown(EVIL[n]).replace("\n", " / "),
            shown(EVIL[n]).replace("\n", " / "),
            "done",
        ]
        assert rows[1][5] == "Green" and one
    assert "not-an-id <b> (third sector)" in flat(
        next(t for t in parse(blocks[0]) if t.type == "inline" and "Joint lead" in t.content).children or []
    )
    prompt = [t for t in tokens if t.type == "blockquote_open"]
    assert len(prompt) == 1


def flat(children: list[Any]) -> str:
    """Inline text with our own emphasis dropped; any other markup fails."""
    ours = ("em_open", "em_close", "strong_open", "strong_close")
    return literal_text([c for c in children if c.type not in ours])


def test_unknown_steps_and_exercises_fall_back_to_their_ids(tmp_path: Path) -> None:
    data = hostile(tmp_path)
    notes = export_markdown(data, None)
    assert "### ex/st" in notes
    assert "1. ex (not in the exercise library)" in notes
    assert "2. missing \\<b> (not in the exercise library)" in notes


# -- consistent while others write; fast at scale ----------------------------------------
def test_export_while_another_store_writes(tmp_path: Path, programme_file: Path) -> None:
    stop = threading.Event()

    def writer() -> None:
        with SessionStore(programme_file, author="bob") as store:
            n = 0
            while not stop.is_set() and n < 100:
                store.add_card(f"card {n}", session=1, step="sorting/sort", confidential=n % 5 == 0)
                n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    seen = []
    try:
        with SessionStore(programme_file) as reader:
            for _ in range(30):
                notes = export_markdown(reader.raw(), None)
                shown_cards = notes.count("\n- card ")
                line = next(x for x in notes.splitlines() if x.startswith("- **Cards:**"))
                assert int(line.split()[-1]) == shown_cards
                seen.append(shown_cards)
                time.sleep(0.005)
    finally:
        stop.set()
        thread.join()
    assert seen == sorted(seen)


def test_ten_thousand_cards_export_quickly(tmp_path: Path, library: Library) -> None:
    """A regression guard (the bench has the real number): well under a second on a laptop."""
    cards = [
        Card(
            text=f"Card {i}: lack of resources | *capacity* <b>x</b> [x](http://e) more words here",
            id=f"c{i:05d}",
            tags=("resources", "capacity"),
            sector=Sector.VCS,
            session=3,
            step="sorting/sort",
            column=("drivers", "barriers-power", None)[i % 3],
            cluster=f"k{i % 50}" if i % 2 else None,
            confidential=i % 40 == 0,
            created=f"2008-03-13T10:{i // 600:02d}:{(i // 10) % 60:02d}.{i % 1000:03d}Z",
        )
        for i in range(10_000)
    ]
    clusters = [Cluster(title=f"Theme {k}", id=f"k{k}", votes=k % 7, session=3) for k in range(50)]
    path = tmp_path / "big.json"
    SessionStore.create(
        path, Programme(name="big", area="Big"), sessions=[S(3, exercises=("sorting",))], content=[*cards, *clusters]
    ).close()
    with SessionStore(path) as store:
        data = store.raw()
    start = time.perf_counter()
    notes = export_markdown(data, library)
    took = time.perf_counter() - start
    assert notes[: notes.index("## Partnership profile")].count("\n- Card ") == 10_000 - 250
    assert took < 3.0, f"10,000 cards took {took:.2f} s"

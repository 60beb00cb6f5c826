"""What a programme publishes beyond the notes: the partnership profile, the area report, the HTML
form (self-contained, one escaping path), the programme's text fields."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_export_plan import reviewed_programme

from piptui.cli import main
from piptui.domain.exercise import Column, Exercise, ExerciseKind, Step
from piptui.domain.model import Card, Programme, Sector, Session
from piptui.domain.profile import build_profile, dimension_of
from piptui.errors import ExerciseError
from piptui.exercises import Library, load_library
from piptui.exercises.files import load_exercise_file
from piptui.programmes import ensure_demo
from piptui.store import SessionStore

SECRETS = (
    "Board meetings feel like the council has already decided",
    "We are invited as guests, not as equal partners",
)


def run(sessions_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args])


@pytest.fixture
def demo(sessions_dir: Path) -> Path:
    return ensure_demo(sessions_dir, load_library())


# -- the profile ---------------------------------------------------------------------------
def test_the_profile_gathers_cards_by_the_dimension_of_their_column() -> None:
    library = load_library()
    cards = [
        Card("A driver from session 2", step="drivers-benefits/drivers", column="third-sector", sector=Sector.VCS),
        Card("A benefit", step="drivers-benefits/benefits", column="outcomes", sector=Sector.COUNCIL),
        Card("Power imbalance", step="sorting/sort", column="barriers-power", sector=Sector.VCS),
        Card("Talking shop", step="sorting/sort", column="difficult-processes", sector=Sector.COUNCIL),
        Card("First-draft barrier", step="partnership-profile/profile", column="barriers"),
        Card("Secret barrier", step="sorting/sort", column="barriers-power", confidential=True),
        Card("Not sorted", step="sorting/sort"),
        Card("Helped", step="plan-review/helped-hindered", column="helped"),
    ]
    profile = build_profile(cards, library.exercises)
    by_dim = {d.dimension.id: d for d in profile.dimensions}
    assert [d.dimension.id for d in profile.dimensions] == ["drivers", "benefits", "difficult", "obstacles"]
    assert [e.card.text for e in by_dim["drivers"].groups[0].entries] == ["A driver from session 2"]
    assert by_dim["benefits"].count == 1 and by_dim["difficult"].groups[0].title == "Processes"
    obstacles = {g.subgroup: [e.card.text for e in g.entries] for g in by_dim["obstacles"].groups}
    assert obstacles == {None: ["First-draft barrier"], "power": ["Power imbalance"]}
    assert profile.count == 5 and by_dim["obstacles"].by_sector() == {None: 1, Sector.VCS: 1}


def test_an_adapted_script_keeps_the_bundled_column_ids_or_says_its_dimension() -> None:
    mine = Exercise(
        "my-sort",
        "My sort",
        ExerciseKind.SORTING,
        (
            Step(
                "s",
                "S",
                columns=(
                    Column("barriers-people", "People problems"),
                    Column("money", "Money", dimension="obstacles/organisation"),
                    Column("other", "Other"),
                ),
            ),
        ),
    )
    assert dimension_of(mine.steps[0].columns[0]) == ("obstacles", "people")
    assert dimension_of(mine.steps[0].columns[1]) == ("obstacles", "organisation")
    assert dimension_of(mine.steps[0].columns[2]) is None


def test_a_wrong_dimension_is_reported_with_its_place(tmp_path: Path) -> None:
    text = (
        "id: x\ntitle: X\nkind: sorting\nsteps:\n  - id: s\n    title: S\n    mode: sort\n    columns:\n"
        "      - id: a\n        title: A\n        dimension: obstacles/money\n"
    )
    path = tmp_path / "x.yaml"
    path.write_text(text)
    with pytest.raises(ExerciseError, match=r"x.yaml:11:\d+: .*the sub-groups of obstacles are obstacles/organisation"):
        load_exercise_file(path)


def test_profile_export_markdown_and_csv(sessions_dir: Path, demo: Path) -> None:
    md = run(sessions_dir, "export", "darlington-demo", "--content", "profile")
    assert md.exit_code == 0, md.output
    heads = re.findall(r"^###? (.+)$", md.output, re.M)
    assert heads[:5] == [
        "The four dimensions",
        "Drivers (6)",
        "Benefits (4)",
        "Difficult aspects (6)",
        "Obstacles and barriers (13)",
    ]
    assert not any(s in md.output for s in SECRETS)
    assert "| Obstacles and barriers | 13 | 4 | 2 | 7 |" in md.output
    out = run(sessions_dir, "export", "darlington-demo", "--content", "profile", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out.stdout_bytes.decode("utf-8-sig"))))
    assert rows[0][:3] == ["dimension", "subgroup", "column"] and len(rows) == 1 + 29
    assert {r[0] for r in rows[1:]} == {"drivers", "benefits", "difficult", "obstacles"}
    assert ["obstacles", "power"] in [r[:2] for r in rows[1:]]


def test_the_whole_programme_notes_include_the_profile(sessions_dir: Path, demo: Path) -> None:
    notes = run(sessions_dir, "export", "darlington-demo").output
    assert "\n## Partnership profile\n" in notes
    assert notes.index("## Partnership profile") < notes.index("## Action plan")
    assert "## Partnership profile" not in run(sessions_dir, "export", "darlington-demo", "--session", "3").output


# -- the area report -----------------------------------------------------------------------
REPORT_SECTIONS = [
    "The area and the group",
    "Context and vision",
    "The local partnership profile",
    "Objectives and action plan",
    "Progress at the review",
    "Key learning",
    "Evaluation",
]


def test_the_area_report_has_the_published_chapters_sections(sessions_dir: Path, demo: Path) -> None:
    set_fields = run(
        sessions_dir,
        "programme",
        "darlington-demo",
        "--context",
        "A town with a strong LSP.\n\nThe Compact dates from 2004.",
        "--vision",
        "Equal partners # in *all* things",
    )
    assert set_fields.exit_code == 0, set_fields.output
    report = run(sessions_dir, "export", "darlington-demo", "--content", "report", "--include-confidential")
    assert report.exit_code == 0, report.output
    text = report.output
    assert re.findall(r"^## (.+)$", text, re.M) == REPORT_SECTIONS
    assert text.startswith("# Darlington\n")
    assert "A town with a strong LSP.\n\nThe Compact dates from 2004.\n" in text
    assert "Equal partners # in \\*all\\* things" in text
    assert not any(s in text for s in SECRETS)  # never, even when asked
    assert "*The plan has not been reviewed yet.*" in text and "*No evaluation responses yet.*" in text
    assert "| 3 | Barriers and obstacles | 13 March 2008 |" in text


def test_the_report_shows_the_review_and_key_learning(sessions_dir: Path) -> None:
    path = sessions_dir / "testshire.json"
    reviewed_programme(path)
    with SessionStore(path) as store:
        store.add_card(
            "Having a named champion in each sector", session=5, step="plan-review/helped-hindered", column="helped"
        )
        store.add_card("A secret lesson", session=5, step="plan-review/helped-hindered", confidential=True)
    run(sessions_dir, "programme", "testshire", "--learning", "Start small.")
    text = run(sessions_dir, "export", "testshire", "--content", "report").output
    review = text[text.index("## Progress at the review") : text.index("## Key learning")]
    assert "Reviewed at session 5 (10 May 2008), plan version 1." in review
    assert "| Share resources | 2 | 1 | 1 | 0 | 0 | R0 A1 G1 |" in review
    assert "Half the buildings done" in review
    learning = text[text.index("## Key learning") : text.index("## Evaluation")]
    assert "Start small." in learning and "- Having a named champion in each sector" in learning
    assert "A secret lesson" not in text


def test_programme_prints_its_fields_and_refuses_an_unknown_one(sessions_dir: Path, demo: Path) -> None:
    shown = run(sessions_dir, "programme", "darlington-demo")
    assert shown.exit_code == 0 and "Context: (not written yet: piptui programme darlington-demo --context TEXT)" in (
        shown.output
    )
    assert run(sessions_dir, "programme", "nowhere").exit_code == 1
    assert run(sessions_dir, "programme", "darlington-demo", "--colour", "x").exit_code == 2


# -- HTML ------------------------------------------------------------------------------------
class Rows(HTMLParser):
    """Counts what a browser would build: rows of the tables after each heading, scripts, links."""

    def __init__(self) -> None:
        super().__init__()
        self.heading = ""
        self.in_heading = False
        self.in_tbody = False
        self.rows: dict[str, int] = {}
        self.tags: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.urls += [v for k, v in attrs if k in ("href", "src") and v]
        if tag in ("h2", "h3", "h4"):
            self.in_heading, self.heading = True, ""
        elif tag == "tbody":
            self.in_tbody = True
        elif tag == "tr" and self.in_tbody:
            self.rows[self.heading] = self.rows.get(self.heading, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h2", "h3", "h4"):
            self.in_heading = False
        elif tag == "tbody":
            self.in_tbody = False

    def handle_data(self, data: str) -> None:
        if self.in_heading:
            self.heading += data


def plan_rows(page: str) -> int:
    parser = Rows()
    parser.feed(page)
    return sum(n for h, n in parser.rows.items() if h.startswith("Objective "))


def test_the_html_report_is_self_contained_and_holds_every_action(
    sessions_dir: Path, demo: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    result = run(sessions_dir, "export", "darlington-demo", "--content", "report", "-o", str(target))
    assert result.exit_code == 0, result.output
    page = target.read_text("utf-8")
    parser = Rows()
    parser.feed(page)
    assert plan_rows(page) == 8  # the demo's eight actions, one row each
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert parser.urls == [] and re.findall(r"https?://[^\s\"')<]+", page) == [
        "http://www.w3.org/2000/svg"
    ] * page.count("<svg")
    assert page.count("<svg") == 1 + 3  # the profile, and each objective's progress
    assert "thead { display: table-header-group; }" in page and "size: A4" in page
    assert "break-before: page" in page


def test_user_text_cannot_become_html(sessions_dir: Path, tmp_path: Path) -> None:
    path = sessions_dir / "evil.json"
    SessionStore.create(
        path,
        Programme(name="evil", area="<script>alert(1)</script>", title="<b>x</b>"),
        sessions=[Session(1, title="<img src=x onerror=alert(1)>")],
    ).close()
    run(sessions_dir, "programme", "evil", "--context", "<iframe src='http://evil.example'></iframe> [a](http://x)")
    page = run(sessions_dir, "export", "evil", "--content", "report", "--format", "html").output
    parser = Rows()
    parser.feed(page)
    assert not parser.tags & {"script", "img", "iframe", "a", "b"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;iframe" in page


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless Chromium is not installed")
def test_chromium_renders_every_plan_row(sessions_dir: Path, demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    run(sessions_dir, "export", "darlington-demo", "--content", "report", "-o", str(target))
    profile = tmp_path / "chromium-profile"
    dom = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--dump-dom",
            target.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert plan_rows(dom) == 8


def test_notes_and_plan_as_html(sessions_dir: Path, demo: Path) -> None:
    plan = run(sessions_dir, "export", "darlington-demo", "--content", "plan", "--format", "html").output
    assert plan.startswith("<!DOCTYPE html>") and plan_rows(plan) == 8 and plan.count("<svg") == 3
    notes = run(sessions_dir, "export", "darlington-demo", "--format", "html").output
    assert "<h2>Session 3: Barriers and obstacles</h2>" in notes and plan_rows(notes) == 8


def test_library_is_required_for_nothing_but_names(sessions_dir: Path) -> None:
    assert isinstance(load_library(), Library)


def test_programme_refuses_a_control_character_and_writes_nothing(sessions_dir: Path, demo: Path) -> None:
    refused = run(sessions_dir, "programme", "darlington-demo", "--context", "ok", "--vision", "x\x1b]0;PWNED\x07")
    assert refused.exit_code == 1
    assert "Vision holds a control character, ESC (U+001B)" in refused.output
    assert "Context: (not written yet" in run(sessions_dir, "programme", "darlington-demo").output
    assert run(sessions_dir, "programme", "darlington-demo", "--vision", "a\tb\r\nc").exit_code == 0
    with SessionStore(demo) as store:
        assert store.programme().vision == "a\tb\nc"

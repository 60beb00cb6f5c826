"""``piptui findings``: themes matched across areas, objectives by theme, progress, the evaluation."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.domain.model import Action, ActionStatus, Card, Cluster, Objective, Programme, Sector, Session
from piptui.store import SessionStore

SORT = "sorting/sort"


def run(sessions_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--sessions-dir", str(sessions_dir), *args])


def area(folder: Path, name: str, cards: list[Card], objective: str, *, done: int = 0) -> None:
    o = Objective(objective, id=f"{name}-o", session=4)
    actions = [
        Action(
            f"Action {i}",
            o.id,
            id=f"{name}-a{i}",
            position=i,
            status=ActionStatus.DONE if i < done else ActionStatus.NOT_STARTED,
        )
        for i in range(2)
    ]
    SessionStore.create(
        folder / f"{name}.json",
        Programme(name=name, area=name.capitalize()),
        sessions=[Session(3, exercises=("sorting",)), Session(4)],
        content=[*cards, o, *actions],
    ).close()


def card(
    text: str, column: str, *tags: str, sector: Sector = Sector.VCS, secret: bool = False, cluster: str | None = None
) -> Card:
    return Card(
        text, tags=tags, sector=sector, session=3, step=SORT, column=column, confidential=secret, cluster=cluster
    )


def make_areas(folder: Path) -> None:
    area(
        folder,
        "calderdale",
        [
            card("Grants are cut without warning", "barriers-organisation", "funding"),
            card("Only five groups ever come", "barriers-people", "engagement"),
        ],
        "A shared approach to sustainable funding",
        done=1,
    )
    area(
        folder,
        "darlington",
        [
            card("Short-term funding kills projects", "barriers-organisation", "Funding"),
            card("The council decides before we meet", "barriers-power", "power", sector=Sector.COUNCIL),
            card("Secret: the leader hates the CVS", "barriers-organisation", "funding", secret=True),
        ],
        "Sustainable funding: a shared approach",
    )
    area(
        folder,
        "stockport",
        [
            card("Short term funding", "barriers-organisation", "short-term-funding", cluster="k1"),
            Cluster("Short-term funding", id="k1", session=3),
        ],  # type: ignore[list-item]
        "Better communication between the sectors",
    )


def test_themes_are_matched_across_areas_and_counted(sessions_dir: Path) -> None:
    make_areas(sessions_dir)
    (sessions_dir / "broken.json").write_text("{not json")
    result = run(sessions_dir, "findings")
    assert result.exit_code == 0, result.output
    text = result.output
    assert "From 3 programmes: Calderdale, Darlington, Stockport." in text
    assert "- broken: " in text  # named and left out
    organisation = text[text.index("### Obstacles and barriers > Organisation") :]
    organisation = organisation[: organisation.index("\n### ")]
    first = organisation.split("\n- ")[1]
    # "funding", "Funding" and "short-term-funding" / "Short-term funding" are one theme; each card counted once
    assert first.startswith("**Funding**: 3 areas of 3 (3 cards)\n"), first
    assert "short" not in organisation.split("\n- ")[2].lower() if organisation.count("\n- ") > 1 else True
    assert "- Grants are cut without warning — *VCS, Calderdale*" in first
    assert "Secret" not in text
    objectives = text[text.index("## Objectives by theme") : text.index("## Action progress")]
    assert "2 areas" in objectives and "Calderdale: A shared approach to sustainable funding" in objectives
    assert "Darlington: Sustainable funding: a shared approach" in objectives
    progress = text[text.index("## Action progress") :]
    assert "| Calderdale | 1 | 2 | 1 | 0 | 1 | 0 | 0 | 0 | 0 |" in progress
    assert "| **All areas** | 3 | 6 | 1 | 0 | 5 | 0 | 0 | 0 | 0 |" in progress
    assert "No evaluation responses yet in any area." in text


def test_findings_as_csv_and_html(sessions_dir: Path, tmp_path: Path) -> None:
    make_areas(sessions_dir)
    out = run(sessions_dir, "findings", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out.stdout_bytes.decode("utf-8-sig"))))
    assert rows[0] == ["section", "dimension", "theme", "areas", "area_count", "cards", "text"]
    funding = next(r for r in rows if r[0] == "theme" and r[2].lower() == "funding")
    assert funding[1] == "Obstacles and barriers > Organisation" and funding[4] == "3"
    target = tmp_path / "findings.html"
    assert run(sessions_dir, "findings", "-o", str(target)).exit_code == 0
    page = target.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "<svg" in page


def test_no_programmes_is_a_clear_line_and_nothing_written(sessions_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "findings.md"
    result = run(sessions_dir, "findings", "-o", str(target))
    assert result.exit_code == 1 and "There are no programmes in" in result.output
    assert not target.exists()
    assert run(sessions_dir, "findings", "--format", "pdf").exit_code == 2

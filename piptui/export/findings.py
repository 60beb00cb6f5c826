"""``piptui findings``: the national picture across every programme of the sessions folder.

For each dimension of the partnership profile (and each sub-group), the themes the areas
named (their clusters' titles and their cards' tags), matched across areas by similarity
(rapidfuzz), with how many areas named each and a few non-confidential example cards; the
objectives grouped by theme across areas; action progress per area; the evaluation across
areas (as ``piptui report --all``). A programme that cannot be read is named and left out. Each file
is read once, without its undo history (``read_programme(history=False)``: not parsed, not checked).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rapidfuzz import fuzz, process

from piptui.domain.exercise import Exercise
from piptui.domain.model import Card
from piptui.domain.profile import DIMENSIONS, build_profile, sub_title
from piptui.domain.survey_report import SurveyReport
from piptui.errors import PiptuiError
from piptui.export.plan_view import ObjectiveView, build_plan
from piptui.export.snapshot import Snapshot, read_snapshot

if TYPE_CHECKING:
    from piptui.survey.load import ProgrammeSurvey

THEME_MATCH = 86  # token-set similarity (0-100) at which two areas' themes are one theme
OBJECTIVE_MATCH = 60
EXAMPLES = 3
_SEP = re.compile(r"[-_/]+")


def normalise(label: str) -> str:
    return " ".join(_SEP.sub(" ", label.casefold()).split())


@dataclass(slots=True)
class Theme:
    label: str  # as first named (the most named form once counted)
    key: str
    areas: set[str] = field(default_factory=set)
    cards: int = 0
    forms: dict[str, int] = field(default_factory=dict)
    examples: list[tuple[str, Card]] = field(default_factory=list)  # (area, card)
    named: list[tuple[str, str]] = field(default_factory=list)  # (area, label as that area wrote it)
    card_ids: set[tuple[str, str]] = field(default_factory=set)

    def add(self, area: str, form: str, cards: Sequence[Card]) -> None:
        self.areas.add(area)
        self.named.append((area, form))
        new = [c for c in cards if (area, c.id) not in self.card_ids]  # a card's tag and cluster: counted once
        self.card_ids.update((area, c.id) for c in new)
        self.cards += len(new)
        self.forms[form] = self.forms.get(form, 0) + max(1, len(cards))
        seen = {a for a, _c in self.examples}
        texts = {" ".join(c.text.casefold().split()) for _a, c in self.examples}
        for card in cards:
            if len(self.examples) >= EXAMPLES or area in seen:  # one example per area
                break
            if " ".join(card.text.casefold().split()) not in texts:  # and each a different text
                self.examples.append((area, card))
                break

    @property
    def shown(self) -> str:
        return max(self.forms.items(), key=lambda kv: (kv[1], -len(kv[0])))[0] if self.forms else self.label


@dataclass(frozen=True, slots=True)
class AreaData:
    name: str
    area: str
    snap: Snapshot
    labels: dict[tuple[str, str | None], dict[str, list[Card]]]  # (dim, sub) -> label -> cards
    objectives: tuple[ObjectiveView, ...]


@dataclass(frozen=True, slots=True)
class Findings:
    areas: tuple[AreaData, ...]
    skipped: tuple[str, ...]  # "name: why"
    themes: dict[tuple[str, str | None], list[Theme]]
    objective_groups: list[Theme]
    evaluation: SurveyReport | None


def area_labels(
    snap: Snapshot, exercises: Mapping[str, Exercise]
) -> dict[tuple[str, str | None], dict[str, list[Card]]]:
    """Per dimension and sub-group: each theme label (cluster title, tag) with its non-confidential cards."""
    clusters = {k.id: k.title for k in snap.clusters}
    out: dict[tuple[str, str | None], dict[str, list[Card]]] = {}
    for entry in build_profile(snap.cards, exercises).entries():
        where = out.setdefault((entry.dimension, entry.subgroup), {})
        card = entry.card
        names = {t for t in card.tags if t}
        title = clusters.get(card.cluster or "")
        if title and title.strip():
            names.add(title.strip())
        for name in names:
            where.setdefault(name, []).append(card)
    return out


def read_area(path: Path, library: object) -> tuple[AreaData, ProgrammeSurvey | None]:
    """One programme from ONE read of its file: its profile's labels, its latest plan, its survey."""
    from piptui.store import read_programme
    from piptui.survey.load import ExerciseSource, survey_of_snapshot

    exercises: Mapping[str, Exercise] = getattr(library, "exercises", {})
    snap = read_snapshot(read_programme(path, history=False))  # the undo history: most of the file, none of this
    plan = build_plan(snap)
    latest = max((v.version for v in plan.versions), default=1)
    objectives = tuple(o for v in plan.versions if v.version == latest for o in v.objectives)
    area = AreaData(
        snap.programme.name or path.stem,
        snap.programme.area or path.stem,
        snap,
        area_labels(snap, exercises),
        objectives,
    )
    survey = survey_of_snapshot(snap, cast(ExerciseSource, library)) if library is not None else None
    return area, survey


def match_themes(named: Iterable[tuple[str, str, Sequence[Card]]], threshold: int = THEME_MATCH) -> list[Theme]:
    """Group (area, label, cards) by similar labels; most areas first."""
    themes: list[Theme] = []
    keys: list[str] = []
    exact: dict[str, Theme] = {}
    for area, label, cards in sorted(named, key=lambda x: (-len(x[2]), x[1], x[0])):
        key = normalise(label)
        if not key:
            continue
        theme = exact.get(key)
        if theme is None and keys:
            best = process.extractOne(key, keys, scorer=fuzz.token_set_ratio, score_cutoff=threshold)
            if best is not None:
                theme = themes[best[2]]
        if theme is None:
            theme = Theme(label, key)
            themes.append(theme)
            keys.append(key)
        exact[key] = theme
        theme.add(area, label, cards)
    return sorted(themes, key=lambda t: (-len(t.areas), -t.cards, t.shown.casefold()))


def build_findings(sessions_dir: Path, library: object) -> Findings:
    """Every programme file of the folder, each read once; one that cannot be read is named and skipped."""
    from piptui.survey.load import cross_area_report

    areas: list[AreaData] = []
    surveys: list[ProgrammeSurvey] = []
    skipped: list[str] = []
    paths = (
        sorted(p for p in sessions_dir.glob("*.json") if not p.name.startswith(".")) if sessions_dir.is_dir() else []
    )
    for path in paths:
        try:
            area, survey = read_area(path, library)
        except PiptuiError as exc:
            skipped.append(f"{path.stem}: {exc.message}")
            continue
        except OSError as exc:
            skipped.append(f"{path.stem}: {path}: {exc.strerror or exc}")
            continue
        areas.append(area)
        if survey is not None:
            surveys.append(survey)
    evaluation = cross_area_report(surveys, [f"{s.split(':')[0]} is left out: it cannot be read" for s in skipped])
    themes: dict[tuple[str, str | None], list[Theme]] = {}
    for dim in DIMENSIONS:
        for sub in (None, *(s for s, _t in dim.subgroups)):
            named = [(a.area, label, cards) for a in areas for label, cards in a.labels.get((dim.id, sub), {}).items()]
            if named:
                themes[(dim.id, sub)] = match_themes(named)
    objectives = match_themes(((a.area, o.objective.title, ()) for a in areas for o in a.objectives), OBJECTIVE_MATCH)
    return Findings(tuple(areas), tuple(skipped), themes, objectives, evaluation)


def where_title(dim_id: str, sub: str | None) -> str:
    dim = next(d for d in DIMENSIONS if d.id == dim_id)
    return f"{dim.title} > {sub_title(dim_id, sub)}" if sub else dim.title


def findings_bytes(sessions_dir: Path, library: object, fmt: str) -> bytes:
    """The findings in ``fmt`` (markdown, html, csv) for the CLI."""
    from piptui.export.findings_render import findings_csv, findings_lines
    from piptui.textfmt.html_doc import html_document, markdown_of

    findings = build_findings(sessions_dir, library)
    if not findings.areas:
        raise PiptuiError(
            f"There are no programmes in {sessions_dir} to draw findings from"
            + (f" ({'; '.join(findings.skipped)})" if findings.skipped else "")
        )
    if fmt == "csv":
        return findings_csv(findings)
    lines = findings_lines(findings)
    if fmt == "html":
        return html_document("Findings across the areas", lines).encode("utf-8")
    return markdown_of(lines).encode("utf-8")

"""The bundled scripts say only what piptui does.

A facilitator reads an exercise's notes on the day; a note that promises a feature piptui lacks
(as "piptui can suggest an assignment" and "the wall then shows both perspectives side by side"
once did) sends them looking for it in front of the room. This test reads every bundled script:

- each sentence that names piptui, the wall or a key must be one of the claims below, and each
  claim names the test that shows it holds (which must exist);
- each ``piptui COMMAND`` is a real command; each key named is bound on the session screen;
- each capture example in quotes or brackets parses on its step as the note says (sectors,
  ``%roles`` of the exercise, a tag that names a column).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from piptui.cli import main
from piptui.domain.columns import draft_card
from piptui.domain.exercise import Exercise, Step
from piptui.exercises import load_exercise_file
from piptui.ui.bindings import SESSION_BINDINGS

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted((ROOT / "exercises").glob("*.yaml"))

# A claim (words of a note) -> the test that shows it is true: (file, test).
CLAIMS: dict[str, tuple[str, str]] = {
    "piptui suggests a cast from the participant list": (
        "test_casting.py",
        "test_the_cli_casts_twelve_people_each_in_the_other_sectors_shoes",
    ),
    "change it person by person": (
        "test_ui_roles.py",
        "test_the_brief_step_shows_the_roles_and_f11_opens_briefs_and_the_cast",
    ),
    "F11 and Enter shows one; the wall shows the scenario and the cast, never a brief": (
        "test_ui_roles.py",
        "test_the_wall_shows_the_scenario_and_cast_never_a_brief",
    ),
    "is voiced as the role's sector, and the board groups what was said by role": (
        "test_ui_roles.py",
        "test_percent_role_on_the_play_groups_by_role_and_an_unknown_role_is_refused",
    ),
    "which puts the card in that role's column": (
        "test_casting.py",
        "test_percent_role_voices_the_roles_sector_and_an_unknown_role_is_refused",
    ),
    "the wall then shows both perspectives side by side": (
        "test_ui_perspectives.py",
        "test_the_wall_shows_every_pair_at_160x45_and_one_at_80x24",
    ),
    "F11 on the session screen shows the same comparison, one pair at a time": (
        "test_ui_perspectives.py",
        "test_f11_walks_the_pairs_at_80x24_then_back_to_the_board",
    ),
    "capture it with a leading ! to mark it": (
        "test_ui_session.py",
        "test_a_column_tag_and_confidential",
    ),
    "are marked with a leading ! on the capture line": (
        "test_ui_session.py",
        "test_a_column_tag_and_confidential",
    ),
    "Ctrl+D shows the whole profile the group has built so far, each dimension with its counts": (
        "test_ui_profile.py",
        "test_ctrl_d_on_the_session_screen_shows_the_profile_by_dimension_with_sector_counts",
    ),
    "While you lead the room, the wall shows it too.": (
        "test_ui_profile.py",
        "test_the_wall_follows_the_lead_onto_the_profile_and_never_shows_a_confidential_card",
    ),
    "Projector showing the wall view": (
        "test_live_screens.py",
        "test_the_wall_follows_session_step_and_timer",
    ),
}
FEATURE = re.compile(r"\bpiptui\b|\bthe wall\b|\bwall view\b|\bF\d{1,2}\b|\bCtrl\+\w\b|leading !")
EXAMPLE = re.compile(r'"([^"]*)"|\(([^()"]*(?<!\S)[@>%][a-z][^()"]*)\)')


def texts(exercise: Exercise) -> list[tuple[Step | None, str]]:
    """Every note and material of a script, with its step (None: the whole exercise)."""
    out: list[tuple[Step | None, str]] = [(None, exercise.notes), *((None, m) for m in exercise.materials)]
    out += [(step, step.notes) for step in exercise.steps]
    return [(step, " ".join(text.split())) for step, text in out if text.strip()]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s]


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_every_sentence_naming_a_feature_is_a_known_true_claim(path: Path) -> None:
    exercise = load_exercise_file(path)
    for _step, text in texts(exercise):
        for sentence in sentences(text):
            if FEATURE.search(sentence):
                assert any(claim in sentence for claim in CLAIMS), f"{path.name}: an unchecked claim: {sentence!r}"


def test_every_claim_is_in_a_script_and_names_a_test_that_exists() -> None:
    notes = " ".join(text for path in SCRIPTS for _s, text in texts(load_exercise_file(path)))
    for claim, where in CLAIMS.items():
        assert claim in notes, f"no script says {claim!r} any more: drop it from CLAIMS"
        file, name = where
        tree = ast.parse((ROOT / "tests" / file).read_text(encoding="utf-8"))
        defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
        assert name in defined, f"{where} does not exist"


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_commands_and_keys_named_in_the_notes_exist(path: Path) -> None:
    commands = set(main.list_commands(None))  # type: ignore[arg-type]
    keys = {k.strip().lower() for b in SESSION_BINDINGS for k in b.key.split(",")}  # type: ignore[union-attr]
    for _step, text in texts(load_exercise_file(path)):
        for command in re.findall(r"\bpiptui ([a-z]+) [A-Z]", text):
            assert command in commands, f"{path.name}: piptui {command} is not a command"
        for key in re.findall(r"\b(F\d{1,2}|Ctrl\+\w)\b", text):
            assert key.lower() in keys, f"{path.name}: {key} is not a key of the session screen"


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_capture_examples_in_the_notes_parse_on_their_step(path: Path) -> None:
    exercise = load_exercise_file(path)
    for step, text in texts(exercise):
        for match in EXAMPLE.finditer(text):
            example = next(g for g in match.groups() if g)
            if not re.search(r"(?<!\S)[@>%]\w", example):
                continue
            line = (
                example
                if re.search(r"\w{3,}\s+\w{3,}", re.sub(r"(?<!\S)[@>%#]\S+", "", example))
                else example + " some words"
            )
            draft = draft_card(line, step.columns if step else (), exercise.roles)  # raises if a role is unknown
            for word in re.findall(r"(?<!\S)[@>](\w+)", example):
                assert word in {"council", "statutory", "vcs", "other"}, f"{path.name}: {word} is not a sector"
            if step is not None and step.columns and re.search(r"(?<!\S)[#%]\w", example):
                assert draft.column is not None, f"{path.name}: {example!r} puts the card in no column"

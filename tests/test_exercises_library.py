"""The exercise library (bundled + user folders) and the ``piptui exercises`` commands."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from piptui.cli import main
from piptui.domain.agenda import sessions_from_script
from piptui.domain.exercise import ExerciseKind, StepMode
from piptui.exercises import DEFAULT_PROGRAMME, check_files, exercise_dirs, load_library

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "exercises"

EXPECTED_IDS = {
    "experiences": ExerciseKind.BRAINSTORM,
    "policy-context": ExerciseKind.BRAINSTORM,
    "drivers-benefits": ExerciseKind.SORTING,
    "partnership-profile": ExerciseKind.BRAINSTORM,
    "sorting": ExerciseKind.SORTING,
    "role-play": ExerciseKind.ROLE_PLAY,
    "perspective-swap": ExerciseKind.PERSPECTIVE_SWAP,
    "action-planning": ExerciseKind.ACTION_PLANNING,
    "plan-review": ExerciseKind.REVIEW,
    "evaluation": ExerciseKind.SURVEY,
}

MINE = "id: {id}\ntitle: {title}\nkind: brainstorm\nsteps:\n  - id: share\n    title: Share\n"


def copy_sorting(folder: Path, *, prompt: str = "Our own prompt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "sorting.yaml"
    text = (
        (BUNDLED / "sorting.yaml")
        .read_text()
        .replace(
            "      - id: drivers\n        title: Drivers\n", "      - id: our-drivers\n        title: Our drivers\n"
        )
    )
    target.write_text(text.replace("      What drives partnership working here", f"      {prompt}. What drives"))
    return target


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


# -- the bundled library ----------------------------------------------------------------------------
def test_every_bundled_file_validates() -> None:
    files = sorted(BUNDLED.glob("*.yaml")) + sorted((BUNDLED / "programmes").glob("*.yaml"))
    assert len(files) >= 12
    assert check_files(files) == []
    library = load_library()
    assert library.errors == []
    assert {i: e.kind for i, e in library.exercises.items()} == EXPECTED_IDS
    assert set(library.sources.values()) == {"bundled"}


def test_the_default_programme_gives_five_ready_sessions() -> None:
    library = load_library()
    script = library.programme(DEFAULT_PROGRAMME)
    assert script is not None
    assert [(s.number, s.exercises) for s in script.sessions] == [
        (1, ("experiences", "policy-context")),
        (2, ("drivers-benefits", "partnership-profile")),
        (3, ("sorting", "role-play", "perspective-swap")),
        (4, ("action-planning",)),
        (5, ("plan-review", "evaluation")),
    ]
    sessions = sessions_from_script(script, library.exercises)
    assert [s.current_step for s in sessions] == [
        "experiences/welcome",
        "drivers-benefits/drivers",
        "sorting/sort",
        "action-planning/recap",
        "plan-review/progress",
    ]
    assert library.programme("pip-4-sessions") is not None


def test_steps_the_demo_and_the_team_rely_on() -> None:
    library = load_library()
    for ref in (
        "sorting/sort",
        "experiences/share",
        "perspective-swap/present",
        "perspective-swap/compare",
        "role-play/brief",
        "role-play/play",
        "role-play/debrief",
    ):
        assert library.step(ref) is not None, ref
    assert library.step("sorting/nope") is None and library.step("nope/sort") is None
    found = library.step("sorting/sort")
    assert found is not None and found[1].mode is StepMode.SORT
    agenda = library.agenda(["sorting", "missing", "role-play"])
    assert [f"{e.id}/{s.id}" for e, s in agenda] == [
        "sorting/sort",
        "sorting/themes",
        "role-play/brief",
        "role-play/play",
        "role-play/debrief",
    ]


def test_the_evaluation_survey() -> None:
    survey = load_library().exercises["evaluation"].survey
    assert survey is not None
    assert survey.scale == (
        "not helpful",
        "partially helpful",
        "neither helpful nor unhelpful",
        "helpful",
        "very helpful",
    )
    enabling, improvements = survey.groups
    assert (enabling.id, len(enabling.questions)) == ("enabling", 8)
    assert enabling.stem == "How helpful was the programme in enabling you to ..."
    assert enabling.questions[0].text == "learn more about the perspective of people from other sectors"
    assert (improvements.id, len(improvements.questions)) == ("improvements", 5)
    assert improvements.stem == "How helpful was the programme in contributing to improvements in ..."
    assert [q.id for q in survey.open_questions] == ["done-differently", "comments"]
    sector, attended = survey.respondent
    assert sector.choices == ("council", "statutory", "vcs", "other") and not sector.multiple
    assert attended.choices == ("1", "2", "3", "4", "5") and attended.multiple


# -- user folders -----------------------------------------------------------------------------------
def test_a_user_folder_overrides_a_bundled_exercise(tmp_path: Path) -> None:
    copy_sorting(tmp_path / "mine")
    (tmp_path / "mine" / "extra.yaml").write_text(MINE.format(id="extra", title="Extra"))
    library = load_library([tmp_path / "mine"])
    assert library.errors == []
    step = library.exercises["sorting"].step("sort")
    assert step is not None and step.columns[0].id == "our-drivers"
    assert step.prompt.startswith("Our own prompt.")
    assert library.sources["sorting"] == str(tmp_path / "mine") and library.sources["role-play"] == "bundled"
    assert library.exercises["extra"].title == "Extra"


def test_an_earlier_folder_wins(tmp_path: Path) -> None:
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.yaml").write_text(MINE.format(id="x", title=name))
    library = load_library([tmp_path / "first", tmp_path / "second"])
    assert library.exercises["x"].title == "first" and library.sources["x"] == str(tmp_path / "first")


def test_a_broken_user_file_never_stops_the_library(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    copy_sorting(folder)
    (folder / "sorting.yaml").write_text((folder / "sorting.yaml").read_text().replace("timebox: 35", "timebox: ten"))
    (folder / "good.yaml").write_text(MINE.format(id="good", title="Good"))
    (folder / "syntax.yaml").write_text("id: x\ntitle: [\n")
    (folder / "programmes").mkdir()
    (folder / "programmes" / "p.yaml").write_text(
        "id: p\ntitle: P\nsessions:\n  - number: 1\n    title: One\n    exercises: [good, zzz]\n"
    )
    library = load_library([folder, tmp_path / "missing"])
    missing, timebox, syntax, reference = library.errors
    assert missing == f"{tmp_path / 'missing'}:1:1: exercises folder not found"
    assert timebox == f"{folder / 'sorting.yaml'}:24:14: step 'sort': timebox 'ten' is not a number of minutes"
    assert syntax.startswith(f"{folder / 'syntax.yaml'}:3:1: invalid YAML: ")
    assert reference == f"{folder / 'programmes' / 'p.yaml'}:6:23: no exercise 'zzz' in the library"
    assert library.exercises["good"].title == "Good"
    assert library.sources["sorting"] == "bundled"  # the broken override does not replace it
    assert library.exercises["sorting"].step("sort").columns[0].id == "drivers"  # type: ignore[union-attr]
    assert library.programme("p") is not None and library.programme_sources["p"] == str(folder)
    assert len(library.exercises) == len(EXPECTED_IDS) + 1


def test_two_files_with_one_id_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(MINE.format(id="same", title="A"))
    (tmp_path / "b.yaml").write_text(MINE.format(id="same", title="B"))
    library = load_library([tmp_path])
    assert library.exercises["same"].title == "A"
    assert library.errors == [
        f"{tmp_path / 'b.yaml'}:1:5: exercise id 'same' is already used by {tmp_path / 'a.yaml'}; this file is ignored"
    ]


def test_exercise_dirs_cli_then_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert exercise_dirs() == []
    monkeypatch.setenv("PIPTUI_EXERCISES", f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}{os.pathsep}")
    assert exercise_dirs() == [tmp_path / "a", tmp_path / "b"]
    assert exercise_dirs([tmp_path / "c"]) == [tmp_path / "c"]


# -- the commands ---------------------------------------------------------------------------------
def test_list_shows_id_kind_title_and_source(tmp_path: Path) -> None:
    copy_sorting(tmp_path / "mine")
    result = run("--exercises-dir", str(tmp_path / "mine"), "exercises", "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["ID", "KIND", "TITLE", "SOURCE"]
    sorting = next(line for line in lines if line.startswith("sorting "))
    assert sorting.split()[1] == "sorting" and sorting.endswith(str(tmp_path / "mine"))
    role_play = next(line for line in lines if line.startswith("role-play "))
    assert "role_play" in role_play and "Role play: a commissioning round" in role_play
    assert role_play.endswith("bundled")
    assert any(line.startswith("pip-5-sessions ") for line in lines)


def test_list_shows_broken_files_and_the_rest(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("id: bad\ntitle: Bad\nkind: nope\nsteps: []\n")
    result = run("exercises", "--exercises-dir", str(tmp_path), "list")
    assert result.exit_code == 1
    assert "experiences" in result.stdout
    assert f"{tmp_path / 'bad.yaml'}:3:7: kind 'nope' is not one of" in result.stderr
    assert "Traceback" not in result.output


def test_check_without_paths_checks_bundled_and_user_folders(tmp_path: Path) -> None:
    result = run("exercises", "check")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines() == ["OK: 12 files checked, no errors (10 exercises, 2 programme scripts)"]
    (tmp_path / "bad.yaml").write_text("id: bad\ntitle: Bad\nkind: brainstorm\nsteps:\n  - id: s\n    timebox: 5 min\n")
    result = run("exercises", "check", env={"PIPTUI_EXERCISES": str(tmp_path)})
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'bad.yaml'}:5:5: step 's': missing required key 'title'",
        f"{tmp_path / 'bad.yaml'}:6:14: step 's': timebox '5 min' is not a number of minutes",
        "2 errors (13 files checked; valid: 10 exercises, 2 programme scripts)",
    ]


def test_check_paths_every_error_on_its_own_line(tmp_path: Path) -> None:
    path = copy_sorting(tmp_path / "mine")
    text = path.read_text().replace("timebox: 35", "timebox: ten")
    text = text.replace("    prompt: >\n      Our", "    promt: >\n      Our")
    path.write_text(text)
    result = run("exercises", "check", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:24:14: step 'sort': timebox 'ten' is not a number of minutes",
        f"{path}:25:5: step 'sort': unknown key 'promt' (did you mean 'prompt'?)",
        "2 errors (1 file checked; valid: 0 exercises, 0 programme scripts)",
    ]
    good = copy_sorting(tmp_path / "good")
    result = run("exercises", "check", str(good), str(BUNDLED / "role-play.yaml"))
    assert result.exit_code == 0
    assert result.stdout == "OK: 2 files checked, no errors (2 exercises, 0 programme scripts)\n"
    result = run("exercises", "check", str(tmp_path / "good"))  # a folder
    assert result.exit_code == 0 and "1 file checked" in result.stdout


def test_check_bad_usage_exits_2(tmp_path: Path) -> None:
    result = run("exercises", "check", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "does not exist" in result.output
    (tmp_path / "empty").mkdir()
    result = run("exercises", "check", str(tmp_path / "empty"))
    assert result.exit_code == 2 and "No exercise files" in result.output
    assert run("exercises", "frobnicate").exit_code == 2


def test_new_uses_a_user_programme_script_and_overrides(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    copy_sorting(mine)
    (mine / "programmes").mkdir()
    shutil.copy(BUNDLED / "programmes" / "pip-5-sessions.yaml", mine / "programmes" / "short.yaml")
    text = (mine / "programmes" / "short.yaml").read_text().replace("id: pip-5-sessions", "id: short")
    (mine / "programmes" / "short.yaml").write_text(text)
    sessions_dir = tmp_path / "sessions"
    result = run(
        "--sessions-dir",
        str(sessions_dir),
        "--exercises-dir",
        str(mine),
        "new",
        "x",
        "--area",
        "Sutton",
        "--script",
        "short",
    )
    assert result.exit_code == 0, result.output


def test_the_documented_examples_are_valid(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "exercise-format.md").read_text()
    blocks = [b.split("```", 1)[0] for b in doc.split("```yaml\n")[1:]]
    complete, survey, programme = blocks
    (tmp_path / "example.yaml").write_text(complete)
    (tmp_path / "programmes").mkdir()
    (tmp_path / "programmes" / "example.yaml").write_text(programme)
    survey_exercise = "id: s\ntitle: S\nkind: survey\nsteps:\n  - id: q\n    title: Q\n    mode: survey\n" + survey
    (tmp_path / "survey.yaml").write_text(survey_exercise)
    assert check_files([tmp_path]) == []
    library = load_library([tmp_path])
    step = library.exercises["sorting"].step("sort")
    assert step is not None and step.hidden  # the documented `hidden: true`
    assert [c.id for c in step.columns] == [
        "barriers-organisation",
        "barriers-people",
        "barriers-power",
    ]


def test_bundled_scripts_read_the_same_with_libyaml_as_with_the_pure_loader() -> None:
    """The bundled files may be parsed by libyaml (faster start); it must change nothing."""
    import importlib.resources

    from piptui.exercises.files import read_file

    root = importlib.resources.files("piptui.bundled_exercises")
    items = [(p, "exercise") for p in root.iterdir() if p.name.endswith(".yaml")]
    items += [(p, "programme") for p in (root / "programmes").iterdir() if p.name.endswith(".yaml")]
    assert len(items) >= 10
    for item, kind in items:
        fast = read_file(item, item.name, kind, trusted=True)  # type: ignore[arg-type]
        pure = read_file(item, item.name, kind, trusted=False)  # type: ignore[arg-type]
        assert fast.errors == pure.errors == []
        assert (fast.exercise, fast.programme) == (pure.exercise, pure.programme)

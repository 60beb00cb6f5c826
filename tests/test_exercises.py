"""The exercise loader: each kind of error at its exact file:line:column, and what a valid file gives."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from piptui.domain.exercise import ExerciseKind, StepMode
from piptui.domain.model import Sector
from piptui.errors import ExerciseError, PiptuiError
from piptui.exercises import check_files, load_exercise_file, load_programme_file

ROOT = Path(__file__).resolve().parents[1]

VALID = """\
id: my-sort
title: My sorting
kind: sorting
steps:
  - id: sort
    title: Sort
    mode: sort
    timebox: 20
    prompt: Where does it go?
    columns:
      - id: drivers
        title: Drivers
        tags: [funding, reach]
      - id: barriers
        title: Barriers
        group: Obstacles
        tags: ["#capacity"]
"""


def write(tmp_path: Path, text: str, name: str = "ex.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def errors_of(tmp_path: Path, text: str, name: str = "ex.yaml") -> list[str]:
    path = write(tmp_path, text, name)
    return [line.removeprefix(f"{path}:") for line in check_files([path])]


def test_a_valid_file_gives_the_exercise(tmp_path: Path) -> None:
    exercise = load_exercise_file(write(tmp_path, VALID))
    assert (exercise.id, exercise.title, exercise.kind) == ("my-sort", "My sorting", ExerciseKind.SORTING)
    (step,) = exercise.steps
    assert (step.id, step.mode, step.timebox, step.prompt) == ("sort", StepMode.SORT, 20.0, "Where does it go?")
    assert [c.id for c in step.columns] == ["drivers", "barriers"]
    assert step.columns[1].tags == ("capacity",) and step.columns[1].group == "Obstacles"
    assert exercise.duration == 20.0  # the sum of the timeboxes when not given
    assert exercise.source == str(tmp_path / "ex.yaml")


# -- each error class, at its exact line and column ------------------------------------------------
def test_bad_yaml_syntax(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "id: x\ntitle: t\n  kind: sorting\n") == [
        "3:7: invalid YAML: mapping values are not allowed here "
        "(check the indentation, or quote a value that contains ': ')"
    ]


def test_an_unclosed_quote_points_at_where_it_opens(tmp_path: Path) -> None:
    (error,) = errors_of(tmp_path, 'id: x\ntitle: "Role play\nkind: sorting\n')
    assert error.startswith("2:8: invalid YAML: found unexpected end of stream")


def test_tabs(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "id: x\n\ttitle: t\n") == [
        "2:1: invalid YAML: found character '\\t' that cannot start any token (use spaces, not tabs, to indent)"
    ]


def test_wrong_type(tmp_path: Path) -> None:
    text = VALID.replace("    timebox: 20", "    timebox: ten").replace("title: My sorting", "title: [My, sorting]")
    assert errors_of(tmp_path, text) == [
        "2:8: title: expected text, not a list",
        "8:14: step 'sort': timebox 'ten' is not a number of minutes",
    ]


def test_yes_is_not_text(tmp_path: Path) -> None:
    text = VALID.replace("tags: [funding, reach]", "tags: [funding, yes]")
    assert errors_of(tmp_path, text) == [
        "13:25: step 'sort', column 'drivers': tags: each item must be text, not true/false (put it in quotes: \"yes\")"
    ]


def test_missing_field(tmp_path: Path) -> None:
    text = VALID.replace("        title: Barriers\n", "")
    assert errors_of(tmp_path, text) == ["14:9: step 'sort', column 'barriers': missing required key 'title'"]


def test_missing_top_level_fields(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "id: x\ntitle: t\n") == [
        "1:1: missing required key 'kind'",
        "1:1: missing required key 'steps'",
    ]


def test_unknown_key_with_hint(tmp_path: Path) -> None:
    text = VALID.replace("    prompt: Where", "    promt: Where")
    assert errors_of(tmp_path, text) == ["9:5: step 'sort': unknown key 'promt' (did you mean 'prompt'?)"]


def test_a_misspelt_required_key_is_one_error(tmp_path: Path) -> None:
    text = VALID.replace("    title: Sort\n", "    titel: Sort\n")
    assert errors_of(tmp_path, text) == ["6:5: step 'sort': unknown key 'titel' (did you mean 'title'?)"]


def test_unknown_key_at_the_wrong_level(tmp_path: Path) -> None:
    text = VALID.replace("kind: sorting\n", "kind: sorting\ntimebox: 5\n")
    assert errors_of(tmp_path, text) == ["4:1: unknown key 'timebox' ('timebox' belongs in a step)"]


def test_duplicate_key(tmp_path: Path) -> None:
    text = VALID.replace("    timebox: 20\n", "    timebox: 20\n    timebox: 25\n")
    assert errors_of(tmp_path, text) == ["9:5: duplicate key 'timebox' (first written at line 8)"]


def test_unknown_kind(tmp_path: Path) -> None:
    assert errors_of(tmp_path, VALID.replace("kind: sorting", "kind: sortin")) == [
        "3:7: kind 'sortin' is not one of: role_play, perspective_swap, sorting, brainstorm, action_planning, "
        "review, survey (did you mean 'sorting'?)"
    ]


def test_unknown_mode(tmp_path: Path) -> None:
    (error,) = errors_of(tmp_path, VALID.replace("mode: sort", "mode: vote-now"))
    assert error.startswith("7:11: step 'sort': mode 'vote-now' is not one of: capture, discuss,")
    assert errors_of(tmp_path, VALID.replace("mode: sort", "mode: vote")) == [
        "4:1: a sorting exercise needs a step with mode 'sort'"
    ]


@pytest.mark.parametrize(
    ("value", "column", "shown"),
    [
        ("!!python/object:os.system {}", 13, "!!python/object:os.system"),
        ("!!python/name:os.system", 13, "!!python/name:os.system"),
        ("&a !!python/object/apply:os.system ['echo pwned']", 13, "!!python/object/apply:os.system"),
        ("!custom thing", 13, "!custom"),
        ("!!binary aGVsbG8=", 13, "!!binary"),
    ],
)
def test_unsafe_tags_are_refused_where_they_are(tmp_path: Path, value: str, column: int, shown: str) -> None:
    text = VALID.replace("    prompt: Where does it go?", f"    prompt: {value}")
    (error,) = errors_of(tmp_path, text)
    assert error.startswith(f"9:{column}: tag '{shown}' is not allowed")


def test_an_unsafe_tag_constructs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = VALID.replace(
        "    prompt: Where does it go?", f"    prompt: !!python/object/apply:os.system ['touch {marker}']"
    )
    with pytest.raises(ExerciseError):
        load_exercise_file(write(tmp_path, text))
    assert not marker.exists()


def test_unique_step_and_column_ids(tmp_path: Path) -> None:
    text = VALID.replace("      - id: barriers", "      - id: drivers") + "  - id: sort\n    title: Again\n"
    assert errors_of(tmp_path, text) == [
        "14:13: step 'sort': duplicate column id 'drivers' (first at line 11)",
        "18:9: duplicate step id 'sort' (first at line 5)",
    ]


def test_ids_must_be_slugs(tmp_path: Path) -> None:
    text = VALID.replace("      - id: barriers", "      - id: The Barriers")
    assert errors_of(tmp_path, text) == [
        "14:13: step 'sort', column 2: id 'The Barriers' must be lower-case letters, digits, "
        "'-' or '_' (e.g. 'the-barriers')"
    ]


def test_a_tag_leads_to_one_column(tmp_path: Path) -> None:
    text = VALID.replace('tags: ["#capacity"]', "tags: [capacity, funding, drivers]")
    assert errors_of(tmp_path, text) == [
        "17:26: step 'sort', column 'barriers': tag 'funding' is also allowed in column 'drivers' (line 13): "
        "a card tagged #funding would always go to 'drivers'",
        "17:35: step 'sort', column 'barriers': tag 'drivers' is the id of column 'drivers': "
        "a card tagged #drivers goes there",
    ]


def test_a_sort_step_needs_columns(tmp_path: Path) -> None:
    text = "id: x\ntitle: t\nkind: brainstorm\nsteps:\n  - id: s\n    title: S\n    mode: sort\n"
    assert errors_of(tmp_path, text) == ["5:5: step 's': a step with mode 'sort' needs columns to sort into"]


def test_kind_specific_keys(tmp_path: Path) -> None:
    text = VALID + "roles:\n  - id: a\n    title: A\n    sector: vcs\n"
    assert errors_of(tmp_path, text) == ["18:1: roles: only a role_play exercise has roles"]
    role_play = "id: rp\ntitle: R\nkind: role_play\nsteps:\n  - id: play\n    title: Play\n"
    assert errors_of(tmp_path, role_play) == [
        "1:1: missing required key 'roles' (a role_play exercise lists its roles)",
        "1:1: missing required key 'scenario' (a role_play exercise describes its scenario)",
    ]


def test_role_sector_is_checked(tmp_path: Path) -> None:
    text = (
        "id: rp\ntitle: R\nkind: role_play\nscenario: A board meeting\nroles:\n"
        "  - {id: chair, title: Chair, sector: council}\n  - {id: cvs, title: CVS, sector: voluntary}\n"
        "steps:\n  - id: play\n    title: Play\n"
    )
    (error,) = errors_of(tmp_path, text)
    assert error.startswith("7:35: role 'cvs': sector 'voluntary' is not one of: council, statutory, vcs, other")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = (
        VALID.replace("kind: sorting", "kind: sortin")
        .replace("timebox: 20", "timebox: ten")
        .replace("    prompt:", "    promt:")
        + "title: again\n"
    )
    lines = errors_of(tmp_path, text)
    assert [line.split(":")[0] for line in lines] == ["3", "8", "9", "18"]
    with pytest.raises(ExerciseError) as caught:
        load_exercise_file(tmp_path / "ex.yaml")
    message = caught.value.message
    assert isinstance(caught.value, PiptuiError)
    assert message.splitlines() == [f"{tmp_path / 'ex.yaml'}:{line}" for line in lines]


def test_not_a_mapping_empty_and_not_utf8(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "- a\n- b\n") == ["1:1: the file must be a mapping (key: value lines), not a list"]
    assert errors_of(tmp_path, "") == ["1:1: the file is empty: an exercise needs id, title, kind and steps"]
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: x\ntitle: café\n".encode("latin-1"))
    assert [e.removeprefix(f"{path}:") for e in check_files([path])] == [
        "2:11: the file is not UTF-8 text: save it as UTF-8"
    ]


def test_an_alias_that_contains_itself_is_refused(tmp_path: Path) -> None:
    (error,) = errors_of(tmp_path, "id: x\nsteps: &s [*s]\n")
    assert re.match(r"2:8: invalid YAML: found unconstructable recursive node", error)


def test_anchors_and_merge_keys_work(tmp_path: Path) -> None:
    text = VALID.replace(
        "      - id: barriers\n        title: Barriers\n        group: Obstacles\n",
        "      - &base\n        id: barriers\n        title: Barriers\n        group: Obstacles\n",
    )
    text += "  - id: again\n    title: Again\n    mode: sort\n    columns:\n      - <<: *base\n        id: other\n"
    exercise = load_exercise_file(write(tmp_path, text))
    assert exercise.steps[1].columns[0].title == "Barriers" and exercise.steps[1].columns[0].id == "other"


def test_rounds_as_a_number_or_a_list(tmp_path: Path) -> None:
    text = VALID.replace("    timebox: 20\n", "    timebox: 20\n    rounds: 2\n")
    assert load_exercise_file(write(tmp_path, text)).steps[0].rounds == ("Round 1", "Round 2")
    text = VALID.replace("    timebox: 20\n", "    timebox: 20\n    rounds: [In pairs, Whole group]\n")
    assert load_exercise_file(write(tmp_path, text)).steps[0].rounds == ("In pairs", "Whole group")


def test_a_step_hidden_until_revealed(tmp_path: Path) -> None:
    assert load_exercise_file(write(tmp_path, VALID)).steps[0].hidden is False
    text = VALID.replace("    timebox: 20\n", "    timebox: 20\n    hidden: true\n")
    assert load_exercise_file(write(tmp_path, text)).steps[0].hidden is True
    text = VALID.replace("    timebox: 20\n", "    timebox: 20\n    hidden: later\n")
    assert errors_of(tmp_path, text) == ["9:13: step 'sort': hidden: expected true or false, not 'later'"]
    text = VALID.replace("kind: sorting\n", "kind: sorting\nhidden: true\n")
    assert errors_of(tmp_path, text) == ["4:1: unknown key 'hidden' ('hidden' belongs in a step)"]


def test_a_programme_script(tmp_path: Path) -> None:
    folder = tmp_path / "programmes"
    folder.mkdir()
    path = write(
        folder,
        "id: p\ntitle: P\nsessions:\n  - number: 2\n    title: Two\n    exercises: [sorting]\n"
        "  - number: 1\n    title: One\n    exercises: [sortng]\n",
        "p.yaml",
    )
    assert [e.removeprefix(f"{path}:") for e in check_files([path])] == [
        "7:13: session 1: sessions must be in order: 1 comes after 2",
        "9:17: no exercise 'sortng' in the library (did you mean 'sorting'?)",
    ]
    path.write_text("id: p\ntitle: P\nsessions:\n  - number: 1\n    title: One\n    exercises: [sorting]\n")
    script = load_programme_file(path)
    assert script.sessions[0].exercises == ("sorting",)


def test_the_bundled_sorting_exercise_is_what_the_team_relies_on() -> None:
    exercise = load_exercise_file(ROOT / "exercises" / "sorting.yaml")
    step = exercise.step("sort")
    assert step is not None and step.mode is StepMode.SORT
    assert [c.id for c in step.columns] == [
        "drivers",
        "benefits",
        "difficult-models",
        "difficult-participants",
        "difficult-processes",
        "barriers-organisation",
        "barriers-people",
        "barriers-power",
    ]
    groups = {c.id: c.group for c in step.columns}
    assert groups["difficult-participants"] == "Difficult aspects"
    assert groups["barriers-power"] == "Obstacles and barriers" and groups["drivers"] is None
    assert all(c.tags for c in step.columns)


def test_the_bundled_role_play_crosses_sectors() -> None:
    exercise = load_exercise_file(ROOT / "exercises" / "role-play.yaml")
    sectors = {r.sector for r in exercise.roles}
    assert Sector.VCS in sectors and sectors & {Sector.COUNCIL, Sector.STATUTORY}
    assert [s.id for s in exercise.steps] == ["brief", "play", "debrief"]
    debrief = exercise.step("debrief")
    assert debrief is not None and {c.id for c in debrief.columns} == {r.id for r in exercise.roles}


def test_values_python_cannot_build_are_errors_not_crashes(tmp_path: Path) -> None:
    text = VALID.replace("title: My sorting", "title: 2008-13-45").replace("timebox: 20", "timebox: " + "9" * 5000)
    date, number = errors_of(tmp_path, text)
    assert date == "2:8: cannot read '2008-13-45': month must be in 1..12 (put it in quotes to keep it as text)"
    assert number.startswith("8:14: cannot read '9999999999999999999999999999999999999...': Exceeds the limit")
    assert number.endswith("(put it in quotes to keep it as text)")


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "id: x\nsteps: " + "[" * 3000 + "]" * 3000 + "\n") == [
        "2:71: invalid YAML: nested more than 64 levels deep"
    ]

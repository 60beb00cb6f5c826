"""Every valid exercise survives ``dump_exercise`` then loading, unchanged (property test)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from piptui.domain.exercise import (
    Column,
    Exercise,
    ExerciseKind,
    Role,
    Step,
    StepMode,
    Survey,
    SurveyGroup,
    SurveyQuestion,
)
from piptui.domain.model import Sector
from piptui.exercises import dump_exercise, dump_programme, load_library
from piptui.exercises.files import FileResult, read_file


@dataclass
class Memory:
    """A file in memory (what read_file accepts besides a Path)."""

    text: str
    name: str = "generated.yaml"

    def read_bytes(self) -> bytes:
        return self.text.encode("utf-8")


def load_text(text: str, kind: str = "exercise") -> FileResult:
    return read_file(Memory(text), "generated.yaml", kind)  # type: ignore[arg-type]


ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
SLUG = st.builds("{}{}".format, st.sampled_from(ALNUM), st.text(ALNUM + "-_", max_size=8))
CHARS = st.characters(exclude_categories=("Cs", "Cc", "Cn", "Zl", "Zp"))
# Words YAML would read as something else unless the dumper quotes them.
TRICKY = st.sampled_from(
    [
        "yes",
        "No",
        "off",
        "null",
        "~",
        "10",
        "1.5",
        "0x10",
        "1e3",
        ".inf",
        "2008-01-17",
        "- a",
        "a: b",
        "#x",
        "a #b",
        "'q'",
        '"d"',
        "[x]",
        "{y}",
        "*a",
        "&b",
        "!tag",
        "!!python/x",
        "%x",
        "@x",
        "`x",
        "|",
        ">",
        "? k",
        "---",
        "...",
        "<<",
        "a\\b",
        "tab\there",
        "é ü 中",
    ]
)
LINE = st.one_of(TRICKY, st.text(CHARS, min_size=1, max_size=24)).map(str.strip).filter(bool)
TEXT = st.lists(st.one_of(TRICKY, st.text(CHARS, max_size=24)), min_size=1, max_size=4).map("\n".join).map(str.strip)
MINUTES = st.one_of(st.integers(0, 480).map(float), st.floats(0, 480, allow_nan=False))
SECTORS = st.sampled_from(list(Sector))


def unique_slugs(n_min: int, n_max: int, exclude: frozenset[str] = frozenset()) -> st.SearchStrategy[list[str]]:
    return st.lists(SLUG.filter(lambda s: s not in exclude), min_size=n_min, max_size=n_max, unique=True)


@st.composite
def columns(draw: st.DrawFn, min_size: int) -> tuple[Column, ...]:
    ids = draw(unique_slugs(min_size, 4, frozenset({"unsorted"})))
    tags = draw(unique_slugs(0, 8, frozenset(ids)))
    out: list[Column] = []
    for i, cid in enumerate(ids):
        own = tuple(tags[i :: len(ids)])  # each tag in one column only
        out.append(
            Column(
                id=cid, title=draw(LINE), tags=own, group=draw(st.none() | LINE), description=draw(st.just("") | TEXT)
            )
        )
    return tuple(out)


@st.composite
def steps(draw: st.DrawFn, kind: ExerciseKind) -> tuple[Step, ...]:
    ids = draw(unique_slugs(1, 4))
    allowed = [m for m in StepMode if m is not StepMode.SURVEY or kind is ExerciseKind.SURVEY]
    modes = [draw(st.sampled_from(allowed)) for _ in ids]
    if kind is ExerciseKind.SORTING:
        modes[0] = StepMode.SORT
    out: list[Step] = []
    for sid, mode in zip(ids, modes, strict=True):
        out.append(
            Step(
                id=sid,
                title=draw(LINE),
                prompt=draw(st.just("") | TEXT),
                timebox=draw(MINUTES),
                mode=mode,
                columns=draw(columns(1 if mode is StepMode.SORT else 0)),
                notes=draw(st.just("") | TEXT),
                rounds=tuple(draw(st.lists(LINE, max_size=3))),
            )
        )
    return tuple(out)


@st.composite
def surveys(draw: st.DrawFn) -> Survey:
    ids = iter(draw(unique_slugs(12, 12)))
    group_ids = draw(unique_slugs(1, 2))

    def questions(n: int, respondent: bool = False) -> tuple[SurveyQuestion, ...]:
        out = []
        for _ in range(n):
            choices = tuple(draw(st.lists(LINE, max_size=3))) if respondent else ()
            out.append(
                SurveyQuestion(
                    id=next(ids),
                    text=draw(TEXT.filter(bool)),
                    choices=choices,
                    multiple=bool(choices) and draw(st.booleans()),
                )
            )
        return tuple(out)

    return Survey(
        scale=tuple(draw(st.lists(LINE, min_size=2, max_size=5, unique=True))),
        groups=tuple(
            SurveyGroup(id=g, stem=draw(LINE), questions=questions(draw(st.integers(1, 3)))) for g in group_ids
        ),
        open_questions=questions(draw(st.integers(0, 2))),
        respondent=questions(draw(st.integers(0, 2)), respondent=True),
    )


@st.composite
def exercises(draw: st.DrawFn) -> Exercise:
    kind = draw(st.sampled_from(list(ExerciseKind)))
    role_play = kind is ExerciseKind.ROLE_PLAY
    return Exercise(
        id=draw(SLUG),
        title=draw(LINE),
        kind=kind,
        steps=draw(steps(kind)),
        purpose=draw(st.just("") | TEXT),
        duration=draw(MINUTES),
        materials=tuple(draw(st.lists(LINE, max_size=3))),
        notes=draw(st.just("") | TEXT),
        scenario=draw(TEXT.filter(bool)) if role_play else "",
        roles=tuple(
            Role(id=r, title=draw(LINE), sector=draw(SECTORS), brief=draw(st.just("") | TEXT))
            for r in draw(unique_slugs(2, 4))
        )
        if role_play
        else (),
        survey=draw(surveys()) if kind is ExerciseKind.SURVEY else None,
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exercises())
def test_a_valid_exercise_round_trips(exercise: Exercise) -> None:
    text = dump_exercise(exercise)
    result = load_text(text)
    assert result.errors == [], text
    assert result.exercise is not None
    assert replace(result.exercise, source="") == exercise


def test_every_bundled_exercise_and_programme_round_trips() -> None:
    library = load_library()
    for exercise in library.exercises.values():
        again = load_text(dump_exercise(exercise)).exercise
        assert again is not None and replace(again, source="") == replace(exercise, source=""), exercise.id
    for script in library.programmes.values():
        again_script = load_text(dump_programme(script), "programme").programme
        assert again_script is not None and replace(again_script, source="") == replace(script, source="")


def test_a_dumped_exercise_reads_like_the_documented_format() -> None:
    text = dump_exercise(load_library().exercises["sorting"])
    assert text.startswith("id: sorting\ntitle: Sorting drivers, benefits, difficulties and barriers\nkind: sorting\n")
    assert "\n  - id: sort\n    title: Sort the contributions\n    mode: sort\n    timebox: 35\n" in text
    assert "    notes: |-\n      Read out the four dimensions" in text

"""Writing an exercise (or programme script) back as YAML in the documented format.

For facilitators starting a new file from an existing exercise, and for the round-trip test:
``load(dump(exercise)) == exercise`` for every valid exercise. Empty optional fields are left out.
"""

from __future__ import annotations

from typing import Any

import yaml

from piptui.domain.exercise import Column, Exercise, ProgrammeScript, Role, Step, Survey, SurveyQuestion


class _Dumper(yaml.SafeDumper):
    """Block style; multi-line text as a ``|`` block; lists of plain words stay on one line."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # indent list items under their key


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _minutes(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in ("", (), [], None, {})}


def _column(c: Column) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": c.id,
            "title": c.title,
            "group": c.group,
            "description": c.description,
            "tags": list(c.tags),
            "dimension": c.dimension,
            "learning": c.learning or None,
        }
    )


def _step(s: Step) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": s.id,
            "title": s.title,
            "mode": s.mode.value,
            "timebox": _minutes(s.timebox) if s.timebox else None,
            "prompt": s.prompt,
            "columns": [_column(c) for c in s.columns],
            "rounds": list(s.rounds),
            "notes": s.notes,
            "learning": s.learning or None,
            "hidden": s.hidden or None,
        }
    )


def _role(r: Role) -> dict[str, Any]:
    return _drop_empty({"id": r.id, "title": r.title, "sector": r.sector.value, "brief": r.brief})


def _question(q: SurveyQuestion) -> dict[str, Any]:
    out: dict[str, Any] = {"id": q.id, "text": q.text}
    if q.choices:
        out["choices"] = list(q.choices)
    if q.multiple:
        out["multiple"] = True
    return out


def _survey(s: Survey) -> dict[str, Any]:
    return _drop_empty(
        {
            "scale": list(s.scale),
            "groups": [
                {"id": g.id, "stem": g.stem, "questions": [_question(q) for q in g.questions]} for g in s.groups
            ],
            "open_questions": [_question(q) for q in s.open_questions],
            "respondent": [_question(q) for q in s.respondent],
        }
    )


def exercise_data(exercise: Exercise) -> dict[str, Any]:
    """The exercise as plain data, keys in the documented order."""
    return _drop_empty(
        {
            "id": exercise.id,
            "title": exercise.title,
            "kind": exercise.kind.value,
            "purpose": exercise.purpose,
            "duration": _minutes(exercise.duration),
            "materials": list(exercise.materials),
            "notes": exercise.notes,
            "scenario": exercise.scenario,
            "roles": [_role(r) for r in exercise.roles],
            "survey": _survey(exercise.survey) if exercise.survey is not None else None,
            "steps": [_step(s) for s in exercise.steps],
        }
    )


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def dump_exercise(exercise: Exercise) -> str:
    """The exercise as a YAML file's text (the ``source`` is not written)."""
    return _dump(exercise_data(exercise))


def dump_programme(script: ProgrammeScript) -> str:
    """The programme script as a YAML file's text."""
    sessions = [
        _drop_empty({"number": s.number, "title": s.title, "purpose": s.purpose, "exercises": list(s.exercises)})
        for s in script.sessions
    ]
    return _dump({"id": script.id, "title": script.title, "sessions": sessions})

"""The attendance register beside the survey's self-reported "sessions attended".

The survey asks each respondent how many sessions they came to; the register (the ticks of the
participants screen) says who came to each session. The report sets the register's counts beside
the answers, as counts of people, and says when the two cannot both be right (more respondents
say they came to every session than the register has people who did). Nothing links a response
to a person: the register is counted on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from piptui.domain.attendance import Register, combined
from piptui.domain.survey_report import AreaResponses, Share, SurveyReport, percent


def _numbers(values: Sequence[int]) -> str:
    words = [str(v) for v in values]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def with_register(report: SurveyReport, areas: Sequence[AreaResponses], *, single: bool) -> SurveyReport:
    """``report`` with the register of the groups that answered (none ticked: unchanged)."""
    answering = [a for a in areas if a.responses]
    ticked = [a for a in answering if a.register is not None and a.register.ticked]
    if not ticked:
        return report
    register = combined([a.register for a in ticked if a.register is not None])
    people = len(register.people)
    top = max([max(a.sessions for a in areas), *register.people])
    by_count = tuple(
        Share(str(n), f"{n} session{'s' if n != 1 else ''}", register.came_to(n), percent(register.came_to(n), people))
        for n in range(1, top + 1)
    )
    base = report.invited if report.invited else people
    by_session = tuple(
        Share(str(number), f"Session {number}", count, percent(count, base)) for number, count in register.sessions
    )
    notes = list(report.notes)
    if single and register.unticked:
        unticked = register.unticked
        notes.append(
            f"The attendance register has no ticks for session{'s' if len(unticked) > 1 else ''} "
            f"{_numbers(unticked)}, so its counts leave {'them' if len(unticked) > 1 else 'it'} out."
        )
    elif not single and len(ticked) < len(answering):
        left = ", ".join(a.area for a in answering if a not in ticked)
        notes.append(f"The attendance register leaves out {left} (no attendance ticked).")
    if single and not register.unticked:
        notes += _disagreements(report, register)
    return replace(report, register=by_count, register_sessions=by_session, register_people=people, notes=tuple(notes))


def _disagreements(report: SurveyReport, register: Register) -> list[str]:
    """Each respondent is one of the people: more respondents who say "n or more sessions" than the
    register has people who came to n or more means the ticks or the forms are wrong somewhere."""
    said = {int(s.key): s.count for s in report.sessions if s.key}
    for n in sorted(said, reverse=True):
        claimed = sum(c for k, c in said.items() if k >= n)
        came = sum(1 for p in register.people if p >= n)
        if claimed > came:
            respondents = "respondent says" if claimed == 1 else "respondents say"
            more = "" if n == max(said) else " or more"
            return [
                f"{claimed} {respondents} they came to {n}{more} sessions, but the attendance register has "
                f"{came} {'person' if came == 1 else 'people'} who did: check the ticks or the forms."
            ]
    return []

"""The attendance register as counts: how many came to each session, and to how many sessions
each person came. Never a name: the survey's answers are anonymous, and the register is only
set beside them (the survey report's "Sessions attended"), never linked to a response.

The register is the ticks of the participants screen (Space on a person: ``Session.attended``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from piptui.domain.model import Session


@dataclass(frozen=True, slots=True)
class Register:
    """One programme's attendance register, as counts only."""

    sessions: tuple[tuple[int, int], ...]  # (session number, people ticked as there), every session
    people: tuple[int, ...]  # for each person ticked at least once, how many sessions they came to

    @property
    def ticked(self) -> bool:
        return bool(self.people)

    @property
    def unticked(self) -> tuple[int, ...]:
        """The sessions nobody is ticked for (not met yet, or attendance not taken)."""
        return tuple(n for n, count in self.sessions if count == 0)

    def came_to(self, sessions: int) -> int:
        """How many people came to exactly ``sessions`` sessions."""
        return sum(1 for n in self.people if n == sessions)


def register_of(sessions: Iterable[Session], people: Iterable[str]) -> Register:
    """The register of the programme's ``sessions``, counting only the listed ``people`` (ids)."""
    listed = set(people)
    ordered = sorted(sessions, key=lambda s: s.number)
    per_person: Counter[str] = Counter()
    counts: list[tuple[int, int]] = []
    for session in ordered:
        came = {i for i in session.attended if i in listed}
        per_person.update(came)
        counts.append((session.number, len(came)))
    return Register(tuple(counts), tuple(sorted(per_person.values())))


def combined(registers: Sequence[Register]) -> Register:
    """Several groups' registers as one: people side by side, each session number's counts added."""
    by_number: Counter[int] = Counter()
    for register in registers:
        for number, count in register.sessions:
            by_number[number] += count
    return Register(tuple(sorted(by_number.items())), tuple(sorted(n for r in registers for n in r.people)))


def register_line(register: Register) -> str:
    """One line for the survey form: "The register: 9 people came to 5 sessions, 3 to 4, 1 to 2"."""
    if not register.ticked:
        return "The register has no ticks yet (participants screen, Space ticks who came)."
    counts = Counter(register.people)
    parts = [f"{counts[n]} to {n}" for n in sorted(counts, reverse=True)]
    first = parts[0].split(" to ")
    word = "person" if first[0] == "1" else "people"
    head = f"{first[0]} {word} came to {first[1]} session{'s' if first[1] != '1' else ''}"
    return "The register: " + ", ".join([head, *parts[1:]])

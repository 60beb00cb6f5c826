"""The role play in the notes, under the exercise: the cast (each role, its sector, who played it)
and what was said in role, by role. Names only with ``--names`` (else organisations), like the
leads; every text through the one escaping function."""

from __future__ import annotations

from collections.abc import Sequence

from piptui.domain.casting import Cast, players
from piptui.domain.exercise import Exercise
from piptui.domain.model import SECTOR_SHORT, Card, Participant
from piptui.export.markdown_parts import card_item, person, table
from piptui.textfmt.markdown_text import md_cell, md_line


def role_play_section(
    exercise: Exercise,
    cards: Sequence[Card],
    casts: Sequence[Cast],
    participants: Sequence[Participant],
    *,
    session: int | None,
    names: bool,
    level: int,
) -> list[str]:
    """The cast and the in-role cards of one role play in one session (nothing without roles)."""
    if not exercise.roles:
        return []
    title = md_line(exercise.title) or md_line(exercise.id)
    cast = next((c for c in casts if c.session == session and c.exercise == exercise.id), None)
    lines: list[str] = []
    if cast is not None and cast.castings:
        rows = []
        for role in exercise.roles:
            who = players(cast, participants, role.id)
            played = "; ".join(f"{person(p, None, names=names)} ({SECTOR_SHORT[p.sector]})" for p in who)
            rows.append((md_cell(role.title), SECTOR_SHORT[role.sector], played or "nobody"))
        lines += [f"{'#' * level} {title} — the cast", "", *table(("Role", "Sector", "Played by"), rows), ""]
    in_role = [c for c in cards if c.role and c.step and c.step.startswith(exercise.id + "/")]
    if in_role:
        lines += [f"{'#' * level} {title} — said in role", ""]
        for role in exercise.roles:
            said = [c for c in in_role if c.role == role.id]
            if said:
                lines += [f"**As {md_line(role.title)}** ({SECTOR_SHORT[role.sector]}, {len(said)})", ""]
                lines += [*(card_item(c) for c in said), ""]
    return lines

"""The session notes as Markdown: who came, the agenda, what was said, the clusters, the plan.

:func:`export_markdown` is a plain function of the programme file's data (one
``store.raw()``) and the exercise library, so the CLI, the TUI and the benchmark all call
the same thing, and the same data always gives byte-identical notes (no time of export).
Confidential cards are left out unless asked for, and the notes say how many.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from piptui.domain.agenda import agenda_steps
from piptui.domain.exercise import Column, Exercise, Step
from piptui.domain.model import SECTOR_LABELS, Card, Cluster, Sector, Session, split_step_ref, step_ref
from piptui.domain.profile import build_profile
from piptui.export.markdown_parts import (
    bold_label,
    card_item,
    long_date,
    names_of,
    participants_section,
    plural,
    quote,
    table,
)
from piptui.export.markdown_perspectives import perspectives_section
from piptui.export.markdown_plan import plan_section, review_section
from piptui.export.markdown_profile import profile_section
from piptui.export.markdown_roles import role_play_section
from piptui.export.snapshot import Data, Snapshot, read_snapshot
from piptui.textfmt.html_doc import Line, markdown_of
from piptui.textfmt.markdown_text import md_cell, md_line

NOTES_PROFILE_EXAMPLES = 5  # the notes' profile quotes a few cards per group: all are in their sessions


class ExerciseLookup(Protocol):
    """What the notes need of :class:`piptui.exercises.Library`: exercises by id."""

    @property
    def exercises(self) -> Mapping[str, Exercise]: ...


@dataclass(frozen=True, slots=True)
class NotesOptions:
    session: int | None = None
    include_confidential: bool = False
    names: bool = False


@dataclass(slots=True)
class _Context:
    snap: Snapshot
    exercises: Mapping[str, Exercise]
    options: NotesOptions
    clusters: dict[str, Cluster] = field(default_factory=dict)  # the ones shown
    hidden: set[str] = field(default_factory=set)  # ids of withheld cards
    objective_titles: dict[str, str] = field(default_factory=dict)

    def step(self, ref: str) -> tuple[Exercise | None, Step | None]:
        exercise_id, step_id = split_step_ref(ref)
        exercise = self.exercises.get(exercise_id)
        return exercise, exercise.step(step_id) if exercise is not None else None


def export_markdown(
    data: Data,
    library: ExerciseLookup | None = None,
    *,
    session: int | None = None,
    include_confidential: bool = False,
    names: bool = False,
) -> str:
    """The notes of a whole programme, or of one ``session``, from ``store.raw()``'s dict."""
    options = NotesOptions(session=session, include_confidential=include_confidential, names=names)
    return render_notes(read_snapshot(data), library, options)


def render_notes(snap: Snapshot, library: ExerciseLookup | None, options: NotesOptions) -> str:
    return markdown_of(notes_lines(snap, library, options))


def notes_lines(snap: Snapshot, library: ExerciseLookup | None, options: NotesOptions) -> list[Line]:
    """The notes as lines of Markdown, with the figures the HTML form draws between them."""
    ctx = _Context(snap, library.exercises if library is not None else {}, options)
    ctx.objective_titles = {o.id: o.title for o in snap.objectives}
    sessions = [snap.session(options.session)] if options.session is not None else list(snap.sessions)
    in_scope = [c for c in snap.cards if options.session is None or c.session == options.session]
    shown = [c for c in in_scope if options.include_confidential or not c.confidential]
    withheld = len(in_scope) - len(shown)
    ctx.hidden = {c.id for c in snap.cards if c.confidential} if not options.include_confidential else set()
    # A cluster every card of which is withheld is withheld too: its title could tell.
    ctx.clusters = {k.id: k for k in snap.clusters if not k.card_ids or not set(k.card_ids) <= ctx.hidden}

    lines: list[Line] = [*_header(snap, sessions, shown, withheld, options)]
    lines += participants_section(snap.participants, names=options.names)
    for s in sessions:
        lines += _session_section(ctx, s, [c for c in shown if c.session == s.number])
    if options.session is None:
        loose = [c for c in shown if c.session is None or c.session not in {s.number for s in sessions}]
        if loose:
            lines += ["## Other contributions", "", *_steps_block(ctx, loose, [], level=3)]
    if options.session is None:
        profile = build_profile(snap.cards, ctx.exercises, include_confidential=options.include_confidential)
        lines += profile_section(profile, limit=NOTES_PROFILE_EXAMPLES, more=" (every card is in its session above)")
    lines += plan_section(snap, options.session)
    return lines


def _header(
    snap: Snapshot, sessions: Sequence[Session], shown: Sequence[Card], withheld: int, options: NotesOptions
) -> list[str]:
    p = snap.programme
    title = md_line(p.title) or md_line(p.area) or md_line(p.name) or "Programme"
    if options.session is not None:
        title += f": session {options.session}"
    lines = [f"# {title}", ""]
    if md_line(p.area):
        lines.append(bold_label("Area", md_line(p.area)))
    lines.append(bold_label("Programme", md_line(p.name)))
    if options.session is None:
        dates = [s.date for s in sessions if s.date]
        span = f" ({long_date(min(dates))} to {long_date(max(dates))})" if len(dates) > 1 else ""
        lines.append(bold_label("Sessions", f"{len(sessions)}{span}"))
    lines.append(bold_label("Cards", str(len(shown))))
    confidential = sum(1 for c in shown if c.confidential)
    if withheld:
        lines.append(
            bold_label(
                "Confidential",
                f"{plural(withheld, 'confidential card')} "
                f"{'is' if withheld == 1 else 'are'} not included in these notes",
            )
        )
    elif confidential:
        them = "it" if confidential == 1 else "them"
        lines.append(
            bold_label(
                "Confidential",
                f"these notes include {plural(confidential, 'confidential card')}"
                f" (marked *confidential*): do not share {them} beyond the group",
            )
        )
    return [*lines, ""]


def _session_section(ctx: _Context, session: Session, cards: list[Card]) -> list[str]:
    title = md_line(session.title)
    lines = [f"## Session {session.number}" + (f": {title}" if title else ""), ""]
    when = long_date(session.date, weekday=True)
    facts = []
    if when:
        facts.append(bold_label("Date", md_line(when)))
    if names_of(session.facilitators):
        facts.append(bold_label("Facilitators", names_of(session.facilitators)))
    if md_line(session.venue):
        facts.append(bold_label("Venue", md_line(session.venue)))
    if session.attended:
        facts.append(bold_label("Attendance", _attendance(ctx, session)))
    lines += [*facts, ""] if facts else []
    agenda = agenda_steps(session.exercises, ctx.exercises)
    lines += _agenda(session, agenda)
    withheld = _withheld_in(ctx, session.number)
    if withheld:
        lines += [
            f"*{plural(withheld, 'confidential card')} from this session "
            f"{'is' if withheld == 1 else 'are'} not included.*",
            "",
        ]
    if not cards and not withheld:
        lines += ["No cards were captured in this session.", ""]
    refs = [step_ref(e.id, s.id) for e, s in agenda]
    lines += _steps_block(ctx, cards, refs, level=3)
    lines += _clusters_table(ctx, session.number)
    lines += review_section(ctx.snap, session.number)
    return lines


def _attendance(ctx: _Context, session: Session) -> str:
    """``9 of 16 participants (4 council, 5 voluntary and community sector)``; names with ``--names``."""
    people = {p.id: p for p in ctx.snap.participants}
    came = [people[i] for i in session.attended if i in people]
    by_sector: dict[Sector, int] = {}
    for p in came:
        by_sector[p.sector] = by_sector.get(p.sector, 0) + 1
    parts = ", ".join(
        f"{n} {SECTOR_LABELS[s].lower()}" for s, n in sorted(by_sector.items(), key=lambda x: list(Sector).index(x[0]))
    )
    text = f"{len(came)} of {plural(len(people), 'participant')}" + (f" ({parts})" if parts else "")
    if ctx.options.names and came:
        text += ": " + ", ".join(md_line(p.name) for p in sorted(came, key=lambda p: p.name.casefold()))
    return text


def _withheld_in(ctx: _Context, number: int) -> int:
    if ctx.options.include_confidential:
        return 0
    return sum(1 for c in ctx.snap.cards if c.session == number and c.confidential)


def _agenda(session: Session, agenda: Sequence[tuple[Exercise, Step]]) -> list[str]:
    if not session.exercises:
        return []
    lines = ["### Agenda", ""]
    known = {e.id for e, _s in agenda}
    for n, exercise_id in enumerate(session.exercises, 1):
        if exercise_id not in known:
            lines.append(f"{n}. {md_line(exercise_id)} (not in the exercise library)")
            continue
        exercise = next(e for e, _s in agenda if e.id == exercise_id)
        lines.append(f"{n}. {md_line(exercise.title) or md_line(exercise.id)}")
        indent = " " * len(f"{n}. ")
        for m, step in enumerate(exercise.steps, 1):
            lines.append(f"{indent}{m}. {md_line(step.title) or md_line(step.id)}")
    return [*lines, ""]


def _steps_block(ctx: _Context, cards: Sequence[Card], agenda_refs: Sequence[str], *, level: int) -> list[str]:
    """A section per step that has cards: agenda steps first, then others in capture order."""
    by_step: dict[str | None, list[Card]] = {}
    for card in cards:
        by_step.setdefault(card.step, []).append(card)
    order: list[str | None] = [r for r in agenda_refs if r in by_step]
    order += [r for r in by_step if r not in order and r is not None]
    if None in by_step:
        order.append(None)
    lines: list[str] = []
    for n, ref in enumerate(order):
        lines += _step_section(ctx, ref, by_step[ref], level)
        lines += _exercise_end(ctx, ref, order[n + 1 :], cards, level)
    return lines


def _exercise_end(
    ctx: _Context, ref: str | None, rest: Sequence[str | None], cards: Sequence[Card], level: int
) -> list[str]:
    """What an exercise adds under its last step: the perspective swap's comparison, the role
    play's cast and what was said in role."""
    exercise = ctx.step(ref)[0] if ref else None
    if exercise is None or any(r and split_step_ref(r)[0] == exercise.id for r in rest):
        return []
    session = next((c.session for c in cards if c.step == ref), None)
    return perspectives_section(exercise, cards, level) + role_play_section(
        exercise, cards, ctx.snap.casts, ctx.snap.participants, session=session, names=ctx.options.names, level=level
    )


def _step_section(ctx: _Context, ref: str | None, cards: Sequence[Card], level: int) -> list[str]:
    exercise, step = ctx.step(ref) if ref else (None, None)
    if ref is None:
        heading = "Not linked to a step"
    elif exercise is None or step is None:
        heading = md_line(ref)
    else:
        ex_title, st_title = md_line(exercise.title), md_line(step.title)
        heading = f"{ex_title} — {st_title}" if ex_title and st_title else ex_title or st_title or md_line(ref)
    lines = [f"{'#' * level} {heading}", ""]
    if step is not None and step.prompt.strip():
        lines += [*quote(step.prompt), ""]
    columns = step.columns if step is not None else ()
    if not columns:
        return lines + _cards_block(ctx, cards)
    sub = "#" * (level + 1)
    ids = {c.id for c in columns}
    for group, members in _column_groups(columns):
        in_group = [(col, [c for c in cards if c.column == col.id]) for col in members]
        in_group = [(col, got) for col, got in in_group if got]
        if not in_group:
            continue
        inner = sub
        if group is not None:
            lines += [f"{sub} {md_line(group)}", ""]
            inner = sub + "#"
        for col, got in in_group:
            lines += [f"{inner} {md_line(col.title) or md_line(col.id)} ({len(got)})", ""]
            lines += _cards_block(ctx, got)
    unsorted = [c for c in cards if c.column not in ids]
    if unsorted:
        lines += [f"{sub} Unsorted ({len(unsorted)})", "", *_cards_block(ctx, unsorted)]
    return lines


def _column_groups(columns: Sequence[Column]) -> list[tuple[str | None, list[Column]]]:
    """Columns in YAML order; a group's columns gather where its first column stands."""
    out: list[tuple[str | None, list[Column]]] = []
    where: dict[str, int] = {}
    for col in columns:
        if col.group and md_line(col.group):
            if col.group not in where:
                where[col.group] = len(out)
                out.append((col.group, []))
            out[where[col.group]][1].append(col)
        else:
            out.append((None, [col]))
    return out


def _cards_block(ctx: _Context, cards: Sequence[Card]) -> list[str]:
    """Cards as a list; when some are clustered, one list per cluster (with its votes) first."""
    groups: dict[str, list[Card]] = {}
    loose: list[Card] = []
    for card in cards:
        if card.cluster and card.cluster in ctx.clusters:
            groups.setdefault(card.cluster, []).append(card)
        else:
            loose.append(card)
    if not groups:
        return [*(card_item(c) for c in cards), ""]
    lines: list[str] = []
    for cluster in ctx.clusters.values():
        members = groups.get(cluster.id)
        if members:
            lines += [f"**{md_line(cluster.title) or 'Untitled cluster'}** ({plural(cluster.votes, 'vote')})", ""]
            lines += [*(card_item(c) for c in members), ""]
    if loose:
        lines += ["*Not in a cluster*", "", *(card_item(c) for c in loose), ""]
    return lines


def _clusters_table(ctx: _Context, number: int) -> list[str]:
    """The session's clusters, most votes first, with how many cards each holds (withheld ones not counted)."""
    card_session = {c.id: c.session for c in ctx.snap.cards}

    def session_of(k: Cluster) -> int | None:
        if k.session is not None:
            return k.session
        return next((card_session[i] for i in k.card_ids if card_session.get(i) is not None), None)

    mine = sorted(
        (k for k in ctx.clusters.values() if session_of(k) == number), key=lambda k: (-k.votes, k.created, k.id)
    )
    if not mine:
        return []
    rows = [
        (
            md_cell(k.title),
            str(k.votes),
            str(sum(1 for i in k.card_ids if i not in ctx.hidden)),
            md_cell(ctx.objective_titles.get(k.objective or "", "")),
        )
        for k in mine
    ]
    return ["### Clusters", "", *table(("Cluster", "Votes", "Cards", "Objective"), rows, "lrrl"), ""]

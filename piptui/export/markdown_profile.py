"""The partnership profile in Markdown (and its CSV): the four dimensions, counts by sector."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from piptui.domain.exercise import Exercise
from piptui.domain.model import SECTOR_SHORT, Sector
from piptui.domain.profile import Profile, build_profile
from piptui.export.markdown_parts import card_item, plural, table
from piptui.export.snapshot import Snapshot
from piptui.textfmt.csv_cells import rows_csv
from piptui.textfmt.html_doc import Line
from piptui.textfmt.html_svg import Bar, Figure, Segment
from piptui.textfmt.markdown_text import md_line

SECTORS: tuple[Sector | None, ...] = (*Sector, None)
SECTOR_COLOURS: dict[Sector | None, str] = {
    Sector.COUNCIL: "#1f4e79",
    Sector.STATUTORY: "#5b9bd5",
    Sector.VCS: "#70ad47",
    Sector.OTHER: "#a5a5a5",
    None: "#e0e0e0",
}
PROFILE_COLUMNS = (
    "dimension",
    "subgroup",
    "column",
    "session",
    "step",
    "text",
    "tags",
    "sector",
    "voiced_as",
    "card_id",
)


def sector_label(sector: Sector | None) -> str:
    return SECTOR_SHORT[sector] if sector is not None else "Not given"


def profile_of(snap: Snapshot, exercises: Mapping[str, Exercise], *, include_confidential: bool = False) -> Profile:
    return build_profile(snap.cards, exercises, include_confidential=include_confidential)


def _counts(counts: Mapping[Sector | None, int]) -> str:
    return " · ".join(f"{sector_label(s)} {counts[s]}" for s in SECTORS if counts.get(s))


def profile_figure(profile: Profile) -> Figure:
    bars = tuple(
        Bar(
            d.dimension.title,
            tuple(Segment(sector_label(s), d.by_sector().get(s, 0), SECTOR_COLOURS[s]) for s in SECTORS),
            plural(d.count, "card"),
        )
        for d in profile.dimensions
    )
    return Figure("The partnership profile: cards by dimension and sector", bars)


def profile_section(
    profile: Profile, *, level: int = 2, title: str = "Partnership profile", limit: int | None = None, more: str = ""
) -> list[Line]:
    """The profile: a summary table (cards by sector per dimension), then each dimension's cards."""
    h = "#" * level
    lines: list[Line] = [f"{h} {title}", ""]
    if not profile.count:
        return [*lines, "No cards have been sorted into the profile's dimensions yet.", ""]
    shown = [s for s in SECTORS if any(d.by_sector().get(s) for d in profile.dimensions)]
    rows: list[Sequence[str]] = []
    for d in profile.dimensions:
        counts = d.by_sector()
        rows.append((d.dimension.title, str(d.count), *(str(counts.get(s, 0)) for s in shown)))
    header = ("Dimension", "Cards", *(sector_label(s) for s in shown))
    lines += [*table(header, rows, "l" + "r" * (len(header) - 1)), "", profile_figure(profile)]
    for d in profile.dimensions:
        lines += [f"{h}# {d.dimension.title} ({d.count})", ""]
        if not d.count:
            lines += ["Nothing named yet.", ""]
            continue
        for g in d.groups:
            if g.subgroup is not None:
                lines += [f"{h}## {md_line(g.title)} ({len(g.entries)})", ""]
            lines += [f"*By sector: {_counts(g.by_sector())}*", ""]
            quoted = g.entries if limit is None else g.entries[:limit]
            lines += [*(card_item(e.card) for e in quoted)]
            if len(quoted) < len(g.entries):
                lines.append(f"- *and {plural(len(g.entries) - len(quoted), 'more card')}{more}*")
            lines.append("")
    return lines


def profile_document(snap: Snapshot, exercises: Mapping[str, Exercise]) -> list[Line]:
    p = snap.programme
    title = md_line(p.title) or md_line(p.area) or md_line(p.name) or "Programme"
    lines: list[Line] = [f"# Partnership profile: {title}", ""]
    profile = profile_of(snap, exercises)
    withheld = sum(1 for c in snap.cards if c.confidential)
    intro = (
        f"Every card the group sorted into the four dimensions, from all its sessions: {plural(profile.count, 'card')}."
        + (f" Confidential cards are not included ({withheld})." if withheld else "")
    )
    return [*lines, intro, "", *profile_section(profile, level=2, title="The four dimensions")]


def profile_csv(snap: Snapshot, exercises: Mapping[str, Exercise]) -> bytes:
    rows = []
    for e in profile_of(snap, exercises).entries():
        c = e.card
        rows.append(
            (
                e.dimension,
                e.subgroup or "",
                e.column_title,
                c.session if c.session is not None else "",
                c.step or "",
                c.text,
                " ".join(c.tags),
                c.sector.value if c.sector else "",
                c.voiced_as.value if c.voiced_as else "",
                c.id,
            )
        )
    return rows_csv(PROFILE_COLUMNS, rows)

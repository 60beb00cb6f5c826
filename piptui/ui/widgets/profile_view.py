"""The partnership profile on screen: every card of the programme in the four dimensions (drivers,
benefits, difficult aspects, obstacles and barriers, with their sub-groups), with counts by sector.

Passive: :meth:`ProfileView.show` is given a :class:`~piptui.domain.profile.Profile`. From
:data:`WIDE` cells the dimensions stand side by side, each a column that scrolls on its own (Tab
goes to the next one); narrower, they follow one another in one list, under a summary of the
counts (Tab goes to the next dimension's heading). On the wall nothing takes the focus.
User text is always literal (cards are Content built by :func:`~piptui.ui.widgets.board.card_prompt`).
"""

from __future__ import annotations

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from piptui.domain.model import Sector
from piptui.domain.profile import DIMENSIONS, DimensionView, Profile
from piptui.ui.text import SECTOR_SHORT
from piptui.ui.widgets.board import SECTOR_STYLE, card_prompt

WIDE = 120  # from this width, the four dimensions stand side by side
NO_CARDS = "No cards sorted into this dimension yet."


def sector_counts(counts: dict[Sector | None, int]) -> Content:
    """``Council 5 · VCS 7 · no sector 1``, each sector in its colour."""
    parts: list[Content | tuple[str, str] | str] = []
    for sector in [*Sector, None]:
        count = counts.get(sector, 0)
        if not count:
            continue
        if parts:
            parts.append((" · ", "dim"))
        label = SECTOR_SHORT[sector] if sector is not None else "no sector"
        parts.append((f"{label} {count}", SECTOR_STYLE[sector] if sector is not None else "dim"))
    return Content.assemble(*parts) if parts else Content.styled("no cards yet", "dim italic")


def dimension_heading(view: DimensionView) -> Content:
    n = view.count
    return Content.assemble((view.dimension.title, "bold"), f"  {n} card{'s' if n != 1 else ''}")


def dimension_body(view: DimensionView) -> Content:
    """One dimension: its counts by sector, then each sub-group's counts and cards."""
    if not view.count:
        return Content.styled(NO_CARDS, "dim italic")
    lines: list[Content] = [sector_counts(view.by_sector())]
    for group in view.groups:
        if group.subgroup is not None:
            lines.append(Content(""))
            lines.append(
                Content.assemble((f"{group.title} {len(group.entries)}", "bold underline"), "  ")
                + sector_counts(group.by_sector())
            )
        lines.extend(card_prompt(entry.card) for entry in group.entries)
    return Content("\n").join(lines)


def summary(profile: Profile) -> Content:
    """One line a dimension: its title, how many cards, and by sector."""
    width = max(len(d.title) for d in DIMENSIONS)
    lines = [
        Content.assemble((f"{v.dimension.title:<{width}} {v.count:>4}  ", "bold"), sector_counts(v.by_sector()))
        for v in profile.dimensions
    ]
    return Content("\n").join(lines)


class StillScroll(VerticalScroll):
    """A VerticalScroll whose keys move at once: an animated scroll lost lines when keys came fast."""

    def _still(self, how: str) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        getattr(self, f"scroll_{how}")(animate=False)

    def action_scroll_up(self) -> None:
        self._still("up")

    def action_scroll_down(self) -> None:
        self._still("down")

    def action_page_up(self) -> None:
        self._still("page_up")

    def action_page_down(self) -> None:
        self._still("page_down")

    def action_scroll_home(self) -> None:
        self._still("home")

    def action_scroll_end(self) -> None:
        self._still("end")


class DimensionPane(StillScroll):
    """One dimension: its heading is the border title; it scrolls on its own when side by side."""

    def __init__(self, index: int, *, takes_focus: bool) -> None:
        super().__init__(Static(Content.styled("Loading…", "dim"), classes="dimension-body"), classes="dimension")
        self.index = index
        self.takes_focus = takes_focus
        self.can_focus = False
        self.border_title = DIMENSIONS[index].title


class ProfileView(Vertical):
    """The four dimensions: side by side when wide (:data:`WIDE`), one list when narrow."""

    DEFAULT_CSS = """
    ProfileView {
        height: 1fr;
    }
    ProfileView #profile-summary {
        height: auto;
        padding: 0 1;
        background: $boost;
    }
    ProfileView.-wide #profile-summary {
        display: none;
    }
    ProfileView #profile-dims {
        height: 1fr;
    }
    ProfileView.-wide #profile-dims {
        layout: horizontal;
        overflow-y: hidden;
    }
    ProfileView .dimension {
        height: auto;
        width: 1fr;
        border: round $primary 50%;
        border-title-align: left;
        border-title-style: bold;
        padding: 0 1;
    }
    ProfileView.-wide .dimension {
        height: 1fr;
    }
    ProfileView .dimension.-current {
        border: round $accent;
    }
    ProfileView .dimension-body {
        height: auto;
    }
    """

    def __init__(self, *, takes_focus: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.takes_focus = takes_focus
        self.profile: Profile | None = None
        self.shown_cards: object = None  # what the profile was built from (the wall's: the snapshot's cards)
        self.current = 0  # the dimension Tab went to last
        self.wide: bool | None = None
        self.ready = False  # its widgets are there

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Loading…", "dim"), id="profile-summary")
        with StillScroll(id="profile-dims"):
            for n in range(len(DIMENSIONS)):
                yield DimensionPane(n, takes_focus=self.takes_focus)

    def on_mount(self) -> None:
        self.query_one("#profile-dims").can_focus = self.takes_focus
        self.panes[self.current].add_class("-current")
        self.ready = True
        if self.profile is not None:  # given before its widgets were there (just mounted)
            self._draw(self.profile)

    def on_resize(self) -> None:
        self.set_wide(self.size.width >= WIDE)

    @property
    def panes(self) -> list[DimensionPane]:
        return list(self.query(DimensionPane))

    @property
    def list_pane(self) -> VerticalScroll:
        return self.query_one("#profile-dims", VerticalScroll)

    def set_wide(self, wide: bool) -> None:
        """Side by side (each column scrolls and takes the focus) or one list (which does)."""
        if wide == self.wide:
            return
        had_focus = self.screen.focused is not None and self in self.screen.focused.ancestors_with_self
        self.wide = wide
        self.set_class(wide, "-wide")
        self.list_pane.can_focus = self.takes_focus and not wide
        for pane in self.panes:
            pane.can_focus = self.takes_focus and wide
        if had_focus or (self.takes_focus and self.screen.focused is None):
            self.focus_current()

    def focus_current(self) -> None:
        if not self.takes_focus:
            return
        if self.wide:
            self.panes[self.current].focus()
        else:
            self.list_pane.focus()

    def show(self, profile: Profile) -> None:
        self.profile = profile
        if self.ready:
            self._draw(profile)

    def _draw(self, profile: Profile) -> None:
        self.query_one("#profile-summary", Static).update(summary(profile))
        for pane, view in zip(self.panes, profile.dimensions, strict=True):
            pane.border_title = dimension_heading(view)
            pane.query_one(".dimension-body", Static).update(dimension_body(view))

    def go_to(self, delta: int) -> None:
        """Tab: the next dimension (Shift+Tab the previous): its column takes the focus when side by
        side; in one list, the list scrolls to its heading."""
        panes = self.panes
        panes[self.current].remove_class("-current")
        self.current = (self.current + delta) % len(panes)
        pane = panes[self.current]
        pane.add_class("-current")
        if self.wide:
            self.focus_current()
        else:
            self.list_pane.scroll_to_widget(pane, top=True, animate=False)

    def scroll_page(self, how: str) -> None:
        """PageUp/PageDown where nothing has the focus (the wall): every column, or the list."""
        targets = self.panes if self.wide else [self.list_pane]
        for target in targets:
            (target.scroll_page_up if how == "page_up" else target.scroll_page_down)(animate=False)

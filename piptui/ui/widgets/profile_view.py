"""The partnership profile on screen: every card of the programme in the four dimensions (drivers,
benefits, difficult aspects, obstacles and barriers, with their sub-groups), with counts by sector.

Passive: :meth:`ProfileView.show` is given a :class:`~piptui.domain.profile.Profile`. From
:data:`WIDE` cells the dimensions stand side by side, each a list of its own (Tab goes to the
next one); narrower, they follow one another in one list, under a summary of the counts (Tab goes
to the next dimension's heading). The lists are OptionLists, so thousands of cards cost little:
only what is on screen is drawn, and a card's line is made once (:func:`card_prompt`, literal).
On the wall nothing takes the focus.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from piptui.domain.model import Card, Sector
from piptui.domain.profile import DIMENSIONS, DimensionView, Profile
from piptui.ui._textual_compat import option_lines
from piptui.ui.text import SECTOR_SHORT, counted
from piptui.ui.widgets.board import SECTOR_STYLE, card_prompt

WIDE = 120  # from this width, the four dimensions stand side by side
NO_CARDS = "No cards sorted into this dimension yet."
HEADING = "dimension:"  # option ids of the dimensions' headings in the one list


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


def summary(profile: Profile) -> Content:
    """One line a dimension: its title, how many cards, and by sector."""
    width = max(len(d.title) for d in DIMENSIONS)
    lines = [
        Content.assemble((f"{v.dimension.title:<{width}} {v.count:>4}  ", "bold"), sector_counts(v.by_sector()))
        for v in profile.dimensions
    ]
    return Content("\n").join(lines)


class ProfileList(OptionList):
    """Cards under their headings (counts by sector, sub-groups), for reading: nothing is chosen."""

    DEFAULT_CSS = """
    ProfileList {
        height: 1fr;
        border: round $primary 50%;
        border-title-align: left;
        border-title-style: bold;
        padding: 0 1;
        scrollbar-gutter: stable;  /* a scrollbar that comes would make every card be measured again */
    }
    ProfileList:focus {
        border: round $accent;
    }
    ProfileList > .option-list--option-disabled {
        color: $text-accent;
        background: $boost;
    }
    """

    def __init__(self, *, takes_focus: bool, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.can_focus = takes_focus
        self.prompts: dict[Card, Content] = {}  # a card's line, made once (its wrapped height is kept with it)

    def action_first(self) -> None:
        """Home: the first card, and the headings above it in view."""
        super().action_first()
        self.scroll_home(animate=False, immediate=True)

    def card_option(self, card: Card, prompts: dict[Card, Content]) -> Option:
        prompt = self.prompts.get(card)
        if prompt is None:
            prompt = card_prompt(card)
        prompts[card] = prompt
        return Option(prompt, id=card.id)

    def fill(self, options: list[Option], prompts: dict[Card, Content]) -> None:
        """Show ``options``, keeping the highlighted card (and the scroll) where it still is."""
        self.prompts = prompts
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        scroll_y = self.scroll_y
        with self.app.batch_update():
            self.set_options(options)
            self.scroll_to(y=scroll_y, animate=False, immediate=True)
            if not self.can_focus:
                self.highlighted = None  # the wall: nothing is selected
            elif keep is not None and any(o.id == keep for o in options):
                self.highlighted = self.get_option_index(keep)
            elif self.highlighted is None:  # the first card (or heading), so the keys move from there
                self.highlighted = next((n for n, o in enumerate(options) if not o.disabled), None)

    def group_options(self, view: DimensionView, prompts: dict[Card, Content]) -> list[Option]:
        """A dimension's counts by sector, then each sub-group's counts and cards."""
        if not view.count:
            return [Option(Content.styled(NO_CARDS, "dim italic"), disabled=True)]
        options = [Option(sector_counts(view.by_sector()), disabled=True)]
        for group in view.groups:
            if group.subgroup is not None:
                title = Content.assemble((f"{group.title} {len(group.entries)}", "bold"), "  ")
                options.append(Option(title + sector_counts(group.by_sector()), disabled=True))
            options.extend(self.card_option(entry.card, prompts) for entry in group.entries)
        return options


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
    ProfileView #profile-columns {
        height: 1fr;
        display: none;
    }
    ProfileView .dimension {
        width: 1fr;
    }
    ProfileView.-wide #profile-columns {
        display: block;
    }
    ProfileView.-wide #profile-summary, ProfileView.-wide #profile-list {
        display: none;
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
        self._drawn: tuple[Profile | None, bool | None] = (None, None)

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Loading…", "dim"), id="profile-summary")
        with Horizontal(id="profile-columns"):
            for dim in DIMENSIONS:
                column = ProfileList(takes_focus=self.takes_focus, classes="dimension")
                column.border_title = dim.title
                yield column
        yield ProfileList(takes_focus=self.takes_focus, id="profile-list")

    def on_mount(self) -> None:
        self.ready = True
        if self.size.width:  # else at the first resize: measuring every card for no width costs
            self.set_wide(self.size.width >= WIDE)

    def on_resize(self) -> None:
        self.set_wide(self.size.width >= WIDE)

    @property
    def columns(self) -> list[ProfileList]:
        return list(self.query_one("#profile-columns").query(ProfileList))

    @property
    def one_list(self) -> ProfileList:
        return self.query_one("#profile-list", ProfileList)

    def set_wide(self, wide: bool) -> None:
        """Side by side (each column a list that takes the focus) or one list."""
        if wide == self.wide:
            return
        focused = self.screen.focused
        had_focus = focused is not None and self in focused.ancestors_with_self
        self.wide = wide
        self.set_class(wide, "-wide")
        self._draw()
        if had_focus or (self.takes_focus and focused is None):
            self.focus_current()

    def focus_current(self) -> None:
        if self.takes_focus:
            (self.columns[self.current] if self.wide else self.one_list).focus()

    def show(self, profile: Profile) -> None:
        self.profile = profile
        self._draw()

    def _draw(self) -> None:
        """Fill the lists on screen (the others wait until the width changes)."""
        profile = self.profile
        if not self.ready or profile is None or self.wide is None or self._drawn == (profile, self.wide):
            return
        self._drawn = (profile, self.wide)
        if self.wide:
            for column, view in zip(self.columns, profile.dimensions, strict=True):
                prompts: dict[Card, Content] = {}
                column.border_title = dimension_heading(view)
                column.fill(column.group_options(view, prompts), prompts)
            return
        self.query_one("#profile-summary", Static).update(summary(profile))
        listing = self.one_list
        listing.border_title = Content(f"The partnership profile · {counted(profile.count, 'card')}")
        prompts = {}
        options: list[Option] = []
        for view in profile.dimensions:
            heading = Content.assemble(dimension_heading(view).stylize("reverse"))
            options.append(Option(heading, id=HEADING + view.dimension.id))  # Tab lands here
            options.extend(listing.group_options(view, prompts))
        listing.fill(options, prompts)

    def go_to(self, delta: int) -> None:
        """Tab: the next dimension (Shift+Tab the previous): its column takes the focus when side by
        side; in one list, its heading comes to the top, highlighted."""
        self.current = (self.current + delta) % len(DIMENSIONS)
        if self.wide:
            self.focus_current()
            return
        listing = self.one_list
        index = listing.get_option_index(HEADING + DIMENSIONS[self.current].id)
        listing.highlighted = index
        where = option_lines(listing, index)
        if where is not None:
            listing.scroll_to(y=where[0], animate=False, immediate=True)

    def scroll_page(self, how: str) -> None:
        """PageUp/PageDown where nothing has the focus (the wall): every column, or the list."""
        for target in self.columns if self.wide else [self.one_list]:
            (target.scroll_page_up if how == "page_up" else target.scroll_page_down)(animate=False)

"""Every column of the step with its count, at a glance (wide terminals). Passive.

A click on a column asks the screen to bring it into view on the board. A new count (a card
from another terminal) retitles its line in place: the index keeps its height, so nothing is
laid out again (its options rebuilt would lay out the screen, the index being as high as them).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from piptui.domain.columns import ColumnGroup
from piptui.ui._textual_compat import retitle_option


class ColumnIndex(OptionList, can_focus=False):
    class ColumnChosen(Message):
        """A column was clicked: the board goes to ``column_id``. ``control`` is the index."""

        def __init__(self, column_index: ColumnIndex, column_id: str) -> None:
            super().__init__()
            self.column_index = column_index
            self.column_id = column_id

        @property
        def control(self) -> ColumnIndex:
            return self.column_index

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._said: list[tuple[str | None, Content]] = []  # (id, prompt) of each option shown

    def show(self, groups: Sequence[ColumnGroup], filtered: bool) -> None:
        said: list[tuple[str | None, Content]] = []  # (column id, or None for a group's heading; its line)
        previous_group: str | None = None
        for group in groups:
            column = group.column
            if column is None:
                continue
            if column.group and column.group != previous_group:
                said.append((None, Content(column.group).stylize("bold")))
            previous_group = column.group
            indent = "  " if column.group else ""
            count = f"{len(group.cards)}/{group.total}" if filtered else str(group.total)
            said.append((column.id, Content.assemble(indent, Content(column.title), (f"  {count}", "bold"))))
        if not self._retitled(said):
            self.set_options([Option(prompt, id=key, disabled=key is None) for key, prompt in said])
        self._said = said
        self.set_class(not said, "-hidden")

    def _retitled(self, said: list[tuple[str | None, Content]]) -> bool:
        """The same columns with new counts: each changed line retitled in place. False (some
        perhaps retitled) if the columns differ or a new line is of another height."""
        old = self._said
        if len(old) != len(said) or self.option_count != len(said) or [k for k, _ in old] != [k for k, _ in said]:
            return False
        for index, ((_key, before), (_same, prompt)) in enumerate(zip(old, said, strict=True)):
            if before != prompt and not retitle_option(self, index, prompt):
                return False
        return True

    def action_select(self) -> None:
        option = self.highlighted_option
        if option is not None and option.id is not None and not option.disabled:
            self.post_message(self.ColumnChosen(self, option.id))

"""Every column of the step with its count, at a glance (wide terminals). Passive.

A click on a column asks the screen to bring it into view on the board.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from piptui.domain.columns import ColumnGroup


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

    def show(self, groups: Sequence[ColumnGroup], filtered: bool) -> None:
        options: list[Option] = []
        previous_group: str | None = None
        for group in groups:
            column = group.column
            if column is None:
                continue
            if column.group and column.group != previous_group:
                options.append(Option(Content(column.group).stylize("bold"), disabled=True))
            previous_group = column.group
            indent = "  " if column.group else ""
            count = f"{len(group.cards)}/{group.total}" if filtered else str(group.total)
            options.append(
                Option(Content.assemble(indent, Content(column.title), (f"  {count}", "bold")), id=column.id)
            )
        self.set_options(options)
        self.set_class(not options, "-hidden")

    def action_select(self) -> None:
        option = self.highlighted_option
        if option is not None and option.id is not None and not option.disabled:
            self.post_message(self.ColumnChosen(self, option.id))

"""The app's own messages carry their control, as Textual's do (``event.control`` is the widget
that posted it), so a handler can pick the widget by selector: ``@on(Agenda.StepChosen, "#agenda")``
(Textual refuses a selector on a message without a control)."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult

from piptui.domain.columns import ColumnGroup
from piptui.domain.exercise import Column
from piptui.domain.model import Card
from piptui.exercises import load_library
from piptui.ui.lead import LeadBar
from piptui.ui.widgets.agenda import Agenda
from piptui.ui.widgets.board import Board
from piptui.ui.widgets.column_index import ColumnIndex


class Chooser(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.heard: list[tuple[str, object, object]] = []

    def compose(self) -> ComposeResult:
        yield Agenda(id="agenda")
        yield ColumnIndex(id="columns")

    def on_mount(self) -> None:
        sorting = load_library().exercises["sorting"]
        self.query_one(Agenda).show([(sorting, step) for step in sorting.steps], None)
        groups = [ColumnGroup(Column(id=i, title=i.title()), (), 0) for i in ("drivers", "benefits")]
        self.query_one(ColumnIndex).show(groups, filtered=False)

    @on(Agenda.StepChosen, "#agenda")
    def _step(self, event: Agenda.StepChosen) -> None:
        self.heard.append(("step", event.control, event.index))

    @on(ColumnIndex.ColumnChosen, "#columns")
    def _column(self, event: ColumnIndex.ColumnChosen) -> None:
        self.heard.append(("column", event.control, event.column_id))


async def test_a_click_posts_a_message_carrying_its_widget() -> None:
    app = Chooser()
    async with app.run_test(size=(60, 20)) as pilot:
        agenda, columns = app.query_one(Agenda), app.query_one(ColumnIndex)
        await pilot.click(Agenda, offset=(3, 2))  # the first step, under the exercise heading
        await pilot.click(ColumnIndex, offset=(3, 2))  # the second column
        await pilot.pause()
    assert app.heard == [("step", agenda, 0), ("column", columns, "benefits")]


def test_the_lead_bars_message_carries_the_bar() -> None:
    bar = object.__new__(LeadBar)  # no store needed to build the message
    assert LeadBar.Changed(bar, True, None).control is bar


class CardPicker(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.heard: list[tuple[object, str]] = []

    def compose(self) -> ComposeResult:
        yield Board(id="board")

    def on_mount(self) -> None:
        card = Card(text="Volunteers sit on boards with no induction", column="people")
        board = self.query_one(Board)
        board.show([ColumnGroup(Column(id="people", title="People"), (card,), 1)], select=card.id)
        board.focus()

    @on(Board.CardChosen, "#board")
    def _card(self, event: Board.CardChosen) -> None:
        self.heard.append((event.control, event.card_id))


async def test_a_click_on_a_card_posts_a_message_carrying_its_board() -> None:
    app = CardPicker()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        board = app.query_one(Board)
        card_id = board.highlighted_card_id
        assert card_id is not None
        await pilot.click(Board, offset=(4, 2))  # the highlighted card, under its heading: chooses it
        await pilot.pause()
    assert app.heard == [(board, card_id)]

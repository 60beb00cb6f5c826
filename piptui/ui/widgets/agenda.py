"""The session's agenda: every step of its exercises, the current one marked. Passive."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from piptui.domain.model import step_ref

if TYPE_CHECKING:
    from piptui.domain.exercise import Exercise, Step


class Agenda(OptionList, can_focus=False):
    """Steps in order; a click on a step asks the screen to go there (F5/F6 from the keyboard)."""

    BINDING_GROUP_TITLE = "Agenda"

    class StepChosen(Message):
        """A step was clicked: the screen goes to step ``index``. ``control`` is the agenda."""

        def __init__(self, agenda: Agenda, index: int) -> None:
            super().__init__()
            self.agenda = agenda
            self.index = index

        @property
        def control(self) -> Agenda:
            return self.agenda

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._refs: list[str] = []

    def show(self, steps: Sequence[tuple[Exercise, Step]], current: int | None) -> None:
        options: list[Option] = []
        previous: str | None = None
        refs: list[str] = []
        for index, (exercise, step) in enumerate(steps):
            if exercise.id != previous:
                options.append(Option(Content(exercise.title).stylize("bold"), disabled=True))
                previous = exercise.id
            marker = ("▶ ", "bold") if index == current else ("  ", "")
            minutes = f" {step.timebox:g}′" if step.timebox else ""
            options.append(Option(Content.assemble(marker, Content(step.title), (minutes, "dim")), id=str(index)))
            refs.append(step_ref(exercise.id, step.id))
        if not options:
            options.append(
                Option(Content("No agenda: the session has no known exercises.").stylize("dim"), disabled=True)
            )
        self._refs = refs
        self.set_options(options)
        if current is not None and steps:
            self.highlighted = self.get_option_index(str(current))

    def action_select(self) -> None:
        option = self.highlighted_option
        if option is not None and option.id is not None and not option.disabled:
            self.post_message(self.StepChosen(self, int(option.id)))

"""The current step: where it is in the agenda, its prompt in large bold type, its notes. Passive."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from piptui.ui.text import literal, reflow

if TYPE_CHECKING:
    from piptui.domain.exercise import Exercise, Step


class StepTitle(Static):
    """One line: the step's place in the agenda, its title and its exercise's title."""

    def show(self, exercise: Exercise | None, step: Step | None, index: int, total: int) -> None:
        if exercise is None or step is None:
            self.update(Content("No current step").stylize("dim"))
            return
        self.update(
            Content.assemble(
                (f"Step {index + 1}/{total}  ", "dim"),
                Content(step.title).stylize("bold"),
                (" · ", "dim"),
                Content(exercise.title),
            )
        )


class StepPrompt(Static):
    """The question put to the room: bold and padded, to be read from across the room."""

    def show(self, step: Step | None, *, loading: bool = False) -> None:
        if step is not None:
            self.update(Content((step.prompt or step.title).strip()))
        elif loading:
            self.update(Content("Loading the session…").stylize("dim"))
        else:
            self.update(
                Content(
                    "No current step: this session's exercises are not in the library "
                    "(check the exercise scripts). Cards can still be captured."
                ).stylize("dim")
            )


class FacilitatorNotes(Static):
    """The facilitator's notes for the step (shown on request, never on the wall)."""

    def show(self, step: Step | None) -> None:
        # a script's notes are block text broken at ~90 columns: joined, so the screen wraps them
        notes = reflow(step.notes) if step is not None else ""
        self.update(literal(notes) if notes else Content("No facilitator notes for this step.").stylize("dim"))

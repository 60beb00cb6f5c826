"""The current step: where it is in the agenda, its prompt in large bold type, its notes. Passive."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from piptui.domain.exercise import Exercise, Step


class StepTitle(Static):
    """One line: exercise and step titles, and the step's place in the agenda."""

    def show(self, exercise: Exercise | None, step: Step | None, index: int, total: int) -> None:
        if exercise is None or step is None:
            self.update(Content("No current step").stylize("dim"))
            return
        self.update(
            Content.assemble(
                (f"Step {index + 1}/{total}  ", "dim"),
                Content(exercise.title).stylize("bold"),
                (" · ", "dim"),
                Content(step.title),
            )
        )


class StepPrompt(Static):
    """The question put to the room: bold and padded, to be read from across the room."""

    def show(self, step: Step | None) -> None:
        text = (step.prompt or step.title) if step is not None else "Loading the session…"
        self.update(Content(text.strip()))


class FacilitatorNotes(Static):
    """The facilitator's notes for the step (shown on request, never on the wall)."""

    def show(self, step: Step | None) -> None:
        notes = step.notes.strip() if step is not None else ""
        self.update(Content(notes or "No facilitator notes for this step.") if notes
                    else Content("No facilitator notes for this step.").stylize("dim"))

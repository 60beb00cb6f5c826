"""The step's countdown. Shows time left, and the overrun (``+02:10``) once past zero. Passive."""

from __future__ import annotations

import time

from textual.content import Content
from textual.widgets import Static

from piptui.domain.model import Timer
from piptui.domain.timer import format_clock, remaining


class StepTimer(Static):
    """Redrawn by :meth:`tick`; the screen calls it once a second while the timer runs."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.timer = Timer()

    def show(self, timer: Timer) -> None:
        self.timer = timer
        self.tick()

    def tick(self, now: float | None = None) -> None:
        timer = self.timer
        if timer.duration <= 0 and not timer.running and timer.elapsed <= 0:
            self.set_classes("-idle")
            self.update(Content("no timebox").stylize("dim"))
            return
        left = remaining(timer, time.time() if now is None else now)
        state = "▶" if timer.running else "⏸"
        self.set_class(left < 0, "-overrun")
        self.set_class(not timer.running, "-paused")
        self.remove_class("-idle")
        self.update(Content.assemble((state + " ", ""), (format_clock(left), "bold")))

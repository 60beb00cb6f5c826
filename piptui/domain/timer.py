"""The step timer as pure functions of a :class:`Timer` and the current time."""

from __future__ import annotations

from dataclasses import replace

from piptui.domain.model import Timer


def elapsed(timer: Timer, now: float) -> float:
    if timer.started_at is None:
        return timer.elapsed
    return timer.elapsed + max(0.0, now - timer.started_at)


def remaining(timer: Timer, now: float) -> float:
    """Seconds left; negative once the timebox is overrun (the timer never stops by itself)."""
    return timer.duration - elapsed(timer, now)


def start(timer: Timer, now: float) -> Timer:
    return timer if timer.running else replace(timer, started_at=now)


def pause(timer: Timer, now: float) -> Timer:
    if not timer.running:
        return timer
    return replace(timer, started_at=None, elapsed=elapsed(timer, now))


def add_minutes(timer: Timer, minutes: float) -> Timer:
    return replace(timer, duration=max(0.0, timer.duration + minutes * 60.0))


def reset(duration_minutes: float) -> Timer:
    return Timer(duration=duration_minutes * 60.0)


def format_clock(seconds: float) -> str:
    """``12:05`` for time left, ``+02:10`` for an overrun."""
    sign = "+" if seconds < 0 else ""
    total = int(abs(seconds) + (0 if seconds < 0 else 0.999))
    minutes, secs = divmod(total, 60)
    return f"{sign}{minutes:02d}:{secs:02d}"

"""What the garbage collector looks at, and how often, once a screen has drawn the programme.

``piptui.cli.run_app`` starts the app with the collector paused, and after the first frame
:func:`piptui.ui.app.collect_from_now` sets aside (``gc.freeze``) what start-up made. A
programme's cards come after that frame: a 5,000-card board is some 60,000 more objects (the
cards, their options, their measured lines) that live as long as the screen, and every full
collection walked them again: 60-290 ms, about once in eight cards from another terminal,
which was the 95th percentile of a card's arrival on the side-by-side board (bench board).

:func:`keep_long_lived` sets them aside too, once a screen has drawn the programme. They are
still freed when nothing refers to them (a card's old option, a closed screen's widgets); only
a cycle among them waits for the end of the app. It also makes the youngest generation
:data:`YOUNG` objects instead of Python's 700: one redrawn column makes some 7,000 lasting
objects (its lines and their caches), so the collector ran 14 times for each card and walked
everything every eighth card (10 ms of a card's 60 ms of work); now a collection comes every few
cards, and a full one every few hundred (1.5-2.5 ms a card). Only where start-up froze its own
(the CLI's way of running the app): tests and other hosts of the app keep the collector as it was.
"""

from __future__ import annotations

import gc

YOUNG = 20_000  # objects made (and not yet freed) between two collections of the youngest generation


_kept = False  # done once in this process: by the app's first screen


def keep_long_lived() -> None:
    """Set aside (``gc.freeze``) every object there is now, and collect the young ones less
    often, if start-up set aside its own: once, when the app's first screen (the session, the
    wall, the notes) has drawn the programme. Not at every screen: what is garbage at a freeze
    is never freed, and freezing at each opening of the plan kept 1 MB a time (30 MB after 30)."""
    global _kept
    if _kept or not (gc.isenabled() and gc.get_freeze_count()):
        return
    _kept = True
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(max(_young, YOUNG), middle, old)

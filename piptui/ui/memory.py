"""What the garbage collector looks at once a screen has drawn the programme.

``piptui.cli.run_app`` starts the app with the collector paused, and after the first frame
:func:`piptui.ui.app.collect_from_now` sets aside (``gc.freeze``) what start-up made. A
programme's cards come after that frame: a 5,000-card board is some 400,000 objects (the
cards, their options, their measured lines) that live as long as the screen, and every full
collection walked them all again: 60-290 ms, about once in eight cards from another terminal,
which was the 95th percentile of a card's arrival on the side-by-side board (bench board).

:func:`keep_long_lived` sets them aside too, once a screen has drawn the programme. They are
still freed when nothing refers to them (a card's old option, a closed screen's widgets); only
a cycle among them waits for the end of the app. Only where start-up froze its own (the CLI's
way of running the app): tests and other hosts of the app keep the collector as it was.
"""

from __future__ import annotations

import gc


def keep_long_lived() -> None:
    """Set aside (``gc.freeze``) every object there is now, if start-up did the same for its own."""
    if gc.isenabled() and gc.get_freeze_count():
        gc.freeze()

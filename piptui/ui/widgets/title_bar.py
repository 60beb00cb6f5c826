"""The title bar at the top of every screen: the screen's title and sub-title, one line. Passive.

One widget where Textual's ``Header`` mounts four (icon, title, clock space and itself), and
it reads the titles when it draws, so a title set before the first frame is in that frame.
The titles hold user text (a programme's area, a session's title): they are drawn as
Content built from the strings (``App.format_title``), never parsed as markup.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class TitleBar(Widget, can_focus=False):
    """``screen.title`` (else ``app.title``) and ``screen.sub_title`` (else ``app.sub_title``)."""

    ALLOW_SELECT = False

    def on_mount(self) -> None:
        for owner in (self.screen, self.app):
            self.watch(owner, "title", self._changed, init=False)
            self.watch(owner, "sub_title", self._changed, init=False)

    def _changed(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return app.format_title(title, sub_title)

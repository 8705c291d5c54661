"""The top line of every screen: the app's title and where the user is.

It shows what Textual's Header shows (title — sub-title, centred, and the ⭘ that opens the
command palette) as one widget instead of four, which matters on a screen that has to
appear in about the time a bare Textual app takes to start.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_CELLS = 3  # " ⭘ "


class TitleBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._changed, init=False)
            self.watch(node, "sub_title", self._changed, init=False)

    def _changed(self) -> None:
        self.refresh()

    def title_text(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return app.format_title(title, sub_title)

    def render(self) -> Content:
        room = max(0, self.size.width - 2 * ICON_CELLS)
        title = self.title_text().truncate(room, ellipsis=True)
        left = (room - title.cell_length) // 2
        return Content.assemble(f" {ICON} ", " " * left, title)

    def on_click(self, event: events.Click) -> None:
        if event.x < ICON_CELLS:
            self.app.action_command_palette()

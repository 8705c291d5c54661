"""A Footer that rebuilds its keys once per burst of binding changes.

Textual's Footer recomposes after every ``bindings_updated`` signal; opening a screen
sends several (mount, focus, tabs), and each rebuild restyles every key. This one
schedules a single rebuild until the pending one has run.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class QuietFooter(Footer):
    _rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        await self.recompose()

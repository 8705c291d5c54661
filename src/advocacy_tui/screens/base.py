"""What every section screen shares: help text, palette commands, safe text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.app import SystemCommand
from textual.content import Content
from textual.screen import Screen

from advocacy_tui import textual_compat
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import _

if TYPE_CHECKING:
    from advocacy_tui.app import AdvocacyApp


def typing_in(widget: object) -> bool:
    """Is the focus in a box that takes text? Keys bound with priority (handled in the
    order typed) step aside there, so "/" can be typed into a name."""
    from textual.widgets import Input

    return isinstance(widget, Input) or textual_compat.is_text_area(widget)


def plain(value: str | None, *, single_line: bool = True) -> Content:
    """User or file text as inert content: never markup, never terminal controls."""
    return Content(printable(value, single_line=single_line))


class SectionScreen(Screen):
    """A top-level section. Subclasses set HELP (markdown) and may add palette commands."""

    HELP: ClassVar[str] = ""
    STYLESHEET: ClassVar[str | None] = None
    """Name of this section's file in themes/, read when the section is first opened."""

    def __init__(self) -> None:
        super().__init__()
        if self.STYLESHEET:
            self.advocacy.use_stylesheet(self.STYLESHEET)
        # Textual marks a new screen's CSS as stale, and a stale screen makes it re-parse
        # every stylesheet and restyle every screen (twice when a section is first opened;
        # at start-up it also threw away the parse just made). A section built now is styled
        # with the CSS of now. For the first screen the one useful part of that refresh,
        # styling the app node itself, is done here.
        app = self.app
        if not app.screen_stack:
            app.stylesheet.update(app)
        textual_compat.mark_css_current(self, app)

    @property
    def advocacy(self) -> AdvocacyApp:
        return self.app  # type: ignore[return-value]

    # -- shown again --------------------------------------------------------------------
    # A section left for another one (or covered by a dialog) may come back to changed data.
    # Textual resumes a screen also when it is first shown, right after on_mount has loaded
    # it; only a resume after a suspend calls ``shown_again``.

    _away: bool = False

    def on_screen_suspend(self) -> None:
        self._away = True

    def on_screen_resume(self) -> None:
        if self._away and self.is_mounted:
            self._away = False
            self.shown_again()

    def shown_again(self) -> None:
        """Back from another section or a dialog: load what may have changed meanwhile."""

    def help_text(self) -> str:
        """The F1 help of what is shown now (markdown, in the language in use); a screen of
        panes puts the open pane's in it."""
        return _(self.HELP)

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Commands of this screen for the command palette."""
        return ()

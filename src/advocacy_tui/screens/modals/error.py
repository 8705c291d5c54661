"""Something unexpected happened: say so in words, keep the data safe, keep going."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from advocacy_tui.i18n import N_, _
from advocacy_tui.screens.base import plain


class ErrorDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "close", N_("Close"), id="error.close")]

    def __init__(self, summary: str, log_path: str | None) -> None:
        super().__init__()
        self.summary = summary
        self.log_path = log_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog error-dialog"):
            yield Static(_("Something went wrong"), classes="dialog-title", markup=False)
            yield Static(
                plain(
                    _("The last action did not finish. Everything saved before it is safe; "
                      "an action that failed half-way was not saved at all.") + "\n\n"
                    + _("What happened: {summary}").format(summary=self.summary),
                    single_line=False,
                ),
                classes="dialog-body",
            )
            if self.log_path:
                yield Static(plain(_("Details for a bug report are in {path}").format(path=self.log_path)), classes="dialog-hint")
            yield Button(_("Close"), id="close", variant="primary", compact=True)

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

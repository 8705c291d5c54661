"""A yes/no question before something that cannot be undone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from advocacy_tui.i18n import N_, _
from advocacy_tui.screens.base import plain


class ConfirmDialog(ModalScreen[bool]):
    """Dismisses True when the user confirms, False otherwise."""

    BINDINGS = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, title: str, message: str, *, confirm_label: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.confirm_label = confirm_label or _("Delete")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.title_text), classes="dialog-title")
            yield Static(plain(self.message, single_line=False), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(plain(f"{self.confirm_label} (y)"), variant="error", id="yes", compact=True)
                yield Button(_("Keep (n)"), variant="default", id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

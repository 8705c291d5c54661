"""F1: help for where you are, and the keys that work there."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from advocacy_tui.i18n import N_, _


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", N_("Close help"), id="help.close")]

    def __init__(self, title: str, markdown: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.help_title = title
        self.markdown = markdown
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help-dialog"):
            yield Static(_("Help: {title}").format(title=self.help_title), classes="dialog-title", markup=False)
            with VerticalScroll():
                yield Markdown(self.markdown)
                if self.keys:
                    rows = "\n".join(f"| `{key}` | {description} |" for key, description in self.keys)
                    yield Markdown("## " + _("Keys here") + "\n\n| " + _("Key") + " | " + _("What it does")
                                   + " |\n|---|---|\n" + rows)
            yield Static(_("Esc closes help."), classes="dialog-hint", markup=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)

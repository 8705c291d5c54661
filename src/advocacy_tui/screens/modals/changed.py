"""Saving over a change made elsewhere: the row was saved in another tab or window (or
removed) after this form was opened. The user chooses; nothing is overwritten unseen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from advocacy_tui.data.store import ChangedMeanwhile
from advocacy_tui.i18n import N_, _
from advocacy_tui.screens.base import plain


class ChangedElsewhereDialog(ModalScreen[str | None]):
    """Dismisses "mine" (save over it), "theirs" (drop this edit) or None (back to the form)."""

    BINDINGS = [
        Binding("k", "choose('mine')", N_("Keep mine"), id="changed.mine"),
        Binding("t", "choose('theirs')", N_("Take theirs"), id="changed.theirs"),
        Binding("escape", "choose(None)", N_("Back to the form"), id="changed.back"),
    ]

    def __init__(self, what_happened: str, details: Sequence[str] = ()) -> None:
        super().__init__()
        self.what_happened = what_happened
        self.details = tuple(details)

    def compose(self) -> ComposeResult:
        text = "\n".join([self.what_happened, *self.details,
                          _("Keep mine saves your form over it; take theirs drops your changes; "
                            "Esc goes back to your form.")])
        with Vertical(classes="dialog"):
            yield Static(plain(_("Changed since you opened it")), classes="dialog-title")
            yield Static(plain(text, single_line=False), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Keep mine (k)"), variant="warning", id="mine", compact=True)
                yield Button(_("Take theirs (t)"), id="theirs", compact=True)
                yield Button(_("Back (Esc)"), id="back", compact=True)

    def on_mount(self) -> None:
        self.query_one("#back", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "back" else event.button.id)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


KINDS = {  # whole sentences per kind: Polish declines "this post" differently in each
    "post": (N_("Someone saved this post in another tab or window after you opened the form."),
             N_("This post was removed in another tab or window meanwhile, so your changes were "
                "not saved.")),
    "goal": (N_("Someone saved this goal in another tab or window after you opened the form."),
             N_("This goal was removed in another tab or window meanwhile, so your changes were "
                "not saved.")),
    "task": (N_("Someone saved this task in another tab or window after you opened the form."),
             N_("This task was removed in another tab or window meanwhile, so your changes were "
                "not saved.")),
    "library": (N_("Someone saved this library item in another tab or window after you opened "
                   "the form."),
                N_("This library item was removed in another tab or window meanwhile, so your "
                   "changes were not saved.")),
    "stakeholder": (N_("Someone saved this stakeholder in another tab or window after you opened "
                       "the form."),
                    N_("This stakeholder was removed in another tab or window meanwhile, so your "
                       "changes were not saved.")),
    "campaign": (N_("Someone saved this campaign in another tab or window after you opened the form."),
                 N_("This campaign was removed in another tab or window meanwhile, so your changes "
                    "were not saved.")),
}


def save_or_ask(screen: Screen, kind: str, save: Callable[[bool], None], *,
                saved: Callable[[], None], reopen: Callable[[], None], dropped: Callable[[], None]) -> None:
    """``save(checked)`` the edit of a ``kind`` (see KINDS); if the row changed elsewhere
    meanwhile, ask what to do.

    ``saved`` runs after a save, ``dropped`` when the edit is not saved (theirs kept, or
    the row was removed), ``reopen`` opens the form again with the user's values."""
    changed_text, removed_text = KINDS[kind]
    try:
        save(True)
    except ChangedMeanwhile as changed:
        if changed.current is None:
            screen.notify(_(removed_text), severity="warning", markup=False)
            dropped()
            return

        def chosen(choice: str | None) -> None:
            if choice == "mine":
                save(False)
                saved()
            elif choice == "theirs":
                screen.notify(_("Kept the version saved elsewhere."), markup=False)
                dropped()
            else:
                reopen()

        screen.app.push_screen(ChangedElsewhereDialog(_(changed_text)), chosen)
        return
    saved()

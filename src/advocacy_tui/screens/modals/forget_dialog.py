"""Forget a person (right to erasure): type the email, see what goes, confirm."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from advocacy_tui.data.forget import Erasure, forget, plan_erasure
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ambassadors import check_email
from advocacy_tui.domain.text import printable
from advocacy_tui.screens.modals.forms import Field


class ForgetDialog(ModalScreen[Erasure | None]):
    """Dismisses what was erased, or None when nothing was."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="forget.cancel", tooltip="Close; nothing is erased"),
        Binding("f10", "confirm", "Erase", id="forget.confirm",
                tooltip="Erase the person and what names them, for good"),
    ]

    class Done(Message):
        def __init__(self, erasure: Erasure | None, error: str = "") -> None:
            self.erasure = erasure
            self.error = error
            super().__init__()

    def __init__(self, store: Store, email: str = "") -> None:
        super().__init__()
        self.store = store
        self.initial_email = email
        self.plan: Erasure | None = None
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            yield Static("Forget a person", classes="dialog-title", markup=False)
            yield Field("Email", Input(self.initial_email, placeholder="name@company.com  (Enter checks)",
                                       compact=True, id="forget-email"), name="email")
            yield Static("Erases the person and everything that names them (the right to erasure). "
                         "Type their email and press Enter to see what would go.",
                         id="forget-plan", classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Check", id="check", compact=True)
                yield Button("Erase for good (F10)", id="erase", variant="error", compact=True,
                             disabled=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#forget-email", Input).focus()
        if self.initial_email:
            self.check()

    @on(Input.Changed, "#forget-email")
    def _changed(self, event: Input.Changed) -> None:
        if self.plan is not None and event.value.strip().lower() == self.plan.email.lower():
            return  # the value it was checked with (also the first Changed after mounting)
        self.plan = None
        self.query_one("#erase", Button).disabled = True
        self.query_one("#field-email", Field).show_problem(None)

    @on(Input.Submitted, "#forget-email")
    @on(Button.Pressed, "#check")
    def check(self) -> None:
        email = self.query_one("#forget-email", Input).value.strip()
        field = self.query_one("#field-email", Field)
        problem = check_email(email) if email else "Type the email address of the person to forget."
        if problem is None:
            self.plan = plan_erasure(self.store, email)
            if self.plan is None:
                problem = "No one in the roster has this email address."
        field.show_problem(problem)
        body = self.query_one("#forget-plan", Static)
        if self.plan is None:
            self.query_one("#erase", Button).disabled = True
            return
        lines = ["This would erase:", *("  • " + line for line in self.plan.lines()),
                 "", "The freed space in the file is wiped. Backups (*.bak) and files you exported "
                 "earlier are not changed."]
        body.update(printable("\n".join(lines), single_line=False))
        self.query_one("#erase", Button).disabled = False

    @on(Button.Pressed, "#erase")
    def action_confirm(self) -> None:
        if self.plan is None or self.busy:
            return
        self.busy = True
        self.query_one("#erase", Button).disabled = True
        self.query_one("#forget-plan", Static).update("Erasing and wiping the freed space…")
        self._forget(self.plan.email)

    @work(thread=True, exclusive=True, group="forget")
    def _forget(self, email: str) -> None:
        try:
            with Store.open(self.store.path, clock=self.store.clock) as store:
                erasure = forget(store, email)
        except Exception as error:
            self.post_message(self.Done(None, f"Nothing was erased: {error}."))
            return
        self.post_message(self.Done(erasure))

    @on(Done)
    def _done(self, message: Done) -> None:
        self.busy = False
        if message.error:
            self.query_one("#forget-plan", Static).update(printable(message.error))
            return
        self.dismiss(message.erasure)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.busy:
            self.dismiss(None)

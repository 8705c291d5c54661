"""Forget a person (right to erasure): type the email, see what goes, confirm."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from advocacy_tui.data.files_written import files_to_check
from advocacy_tui.data.forget import (
    WIPE_WAIT_SECONDS,
    Erasure,
    Wipe,
    describe_files,
    finish_wipe,
    forget,
    plan_erasure,
    wipe_pending,
)
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ambassadors import check_email
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import N_, _
from advocacy_tui.screens.modals.forms import Field


class ForgetDialog(ModalScreen[Erasure | None]):
    """Dismisses what was erased, or None when nothing was.

    When the wipe of the freed space could not finish (another program holds old pages,
    the disk is full), or files written earlier may still hold the person, the dialog
    stays open and says so; Esc then closes it. Forgetting the same email again finishes
    an unfinished wipe.
    """

    wait_seconds = WIPE_WAIT_SECONDS  # how long the wipe waits for other programs

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="forget.cancel", tooltip=N_("Close; nothing is erased")),
        Binding("f10", "confirm", N_("Erase"), id="forget.confirm",
                tooltip=N_("Erase the person and what names them, for good")),
    ]

    class Done(Message):
        def __init__(self, erasure: Erasure | None, error: str = "", wipe: Wipe | None = None) -> None:
            self.erasure = erasure
            self.error = error
            self.wipe = wipe  # finishing an earlier wipe
            super().__init__()

    def __init__(self, store: Store, email: str = "") -> None:
        super().__init__()
        self.store = store
        self.initial_email = email
        self.plan: Erasure | None = None
        self.busy = False
        self.finishing = False  # no one has the email, and an earlier wipe did not finish
        self.erased: Erasure | None = None  # erased, the dialog still open to say how it went

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            yield Static(_("Forget a person"), classes="dialog-title", markup=False)
            yield Field(_("Email"), Input(self.initial_email, placeholder=_("name@company.com  (Enter checks)"),
                                       compact=True, id="forget-email"), name="email")
            yield Static(_("Erases the person and everything that names them (the right to erasure). "
                         "Type their email and press Enter to see what would go."),
                         id="forget-plan", classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Check"), id="check", compact=True)
                yield Button(_("Erase for good (F10)"), id="erase", variant="error", compact=True,
                             disabled=True)
                yield Button(_("Cancel (Esc)"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#forget-email", Input).focus()
        if self.initial_email:
            self.check()

    @on(Input.Changed, "#forget-email")
    def _changed(self, event: Input.Changed) -> None:
        if self.plan is not None and event.value.strip().lower() == self.plan.email.lower():
            return  # the value it was checked with (also the first Changed after mounting)
        self.plan = None
        self.finishing = False
        self.query_one("#erase", Button).disabled = True
        self.query_one("#field-email", Field).show_problem(None)

    @on(Input.Submitted, "#forget-email")
    @on(Button.Pressed, "#check")
    def check(self) -> None:
        email = self.query_one("#forget-email", Input).value.strip()
        field = self.query_one("#field-email", Field)
        problem = check_email(email) if email else _("Type the email address of the person to forget.")
        self.finishing = False
        if self.erased is not None:
            return
        if problem is None:
            self.plan = plan_erasure(self.store, email)
            if self.plan is None:
                problem = _("No one in the roster has this email address.")
                self.finishing = wipe_pending(self.store)
        field.show_problem(problem)
        body = self.query_one("#forget-plan", Static)
        if self.finishing:
            body.update(_("The wipe of an earlier erasure did not finish: the erased person's old "
                          "data may still be in the file's unused space. Press F10 to finish it now."))
            self.query_one("#erase", Button).disabled = False
            return
        if self.plan is None:
            self.query_one("#erase", Button).disabled = True
            return
        lines = [_("This would erase:"), *("  • " + line for line in self.plan.lines()), ""]
        files = files_to_check(self.store)
        if not files:
            lines.append(_("The freed space in the file is wiped. Backups (*.bak) and files you "
                           "exported earlier are not changed."))
        else:
            lines += [_("The freed space in the file is wiped."), *describe_files(files)]
        body.update(printable("\n".join(lines), single_line=False))
        self.query_one("#erase", Button).disabled = False

    @on(Button.Pressed, "#erase")
    def action_confirm(self) -> None:
        if self.busy or self.erased is not None or (self.plan is None and not self.finishing):
            return
        self.busy = True
        self.query_one("#erase", Button).disabled = True
        self.query_one("#forget-plan", Static).update(_("Erasing and wiping the freed space…"))
        self._forget(self.plan.email if self.plan else None)

    @work(thread=True, exclusive=True, group="forget")
    def _forget(self, email: str | None) -> None:
        try:
            with Store.open(self.store.path, clock=self.store.clock) as store:
                if email is None:
                    self.post_message(self.Done(None, wipe=finish_wipe(store, wait_seconds=self.wait_seconds)))
                    return
                erasure = forget(store, email, wait_seconds=self.wait_seconds)
        except Exception as error:
            self.post_message(self.Done(None, _("Nothing was erased. {reason}").format(reason=error)))
            return
        self.post_message(self.Done(erasure))

    @on(Done)
    def _done(self, message: Done) -> None:
        self.busy = False
        body = self.query_one("#forget-plan", Static)
        if message.error:
            body.update(printable(message.error, single_line=False))
            return
        if message.erasure is None:  # finishing an earlier wipe
            self.finishing = False
            wipe = message.wipe
            body.update(wipe.message() if wipe and not wipe.complete else
                        _("The wipe of an earlier erasure is now complete: nothing of the erased "
                          "person is left in the file."))
            self.query_one("#cancel", Button).label = _("Close (Esc)")
            return
        erasure = message.erasure
        wipe_done = erasure.wipe is None or erasure.wipe.complete
        if wipe_done and not erasure.files:
            self.dismiss(erasure)
            return
        self.erased = erasure  # stay open to say how it went; Esc closes
        lines = [_("Erased {name} and everything that named them.").format(name=erasure.name)]
        if not wipe_done:
            assert erasure.wipe is not None
            lines += ["", erasure.wipe.message()]
        if erasure.files:
            lines += ["", *erasure.files_lines()]
        body.update(printable("\n".join(lines), single_line=False))
        self.query_one("#erase", Button).display = False
        self.query_one("#check", Button).display = False
        self.query_one("#cancel", Button).label = _("Close (Esc)")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.busy:
            self.dismiss(self.erased)

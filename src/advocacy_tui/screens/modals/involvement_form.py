"""Record one thing a person did for the program (the involvement log)."""

from __future__ import annotations

from datetime import date
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from advocacy_tui.domain.dates import format_date, parse_date
from advocacy_tui.domain.involvement import (
    KIND_LABELS,
    Involvement,
    check_happened_on,
    check_kind,
    check_note,
)
from advocacy_tui.i18n import N_, _
from advocacy_tui.screens.modals.forms import AskBeforeDiscard, Field, FormSelect, Rule


class InvolvementForm(AskBeforeDiscard, ModalScreen[Involvement | None]):
    """Dismisses a new Involvement for ``ambassador_id``, or None on cancel."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="involvement.cancel"),
        Binding("f10", "save", N_("Save"), id="involvement.save"),
    ]

    def __init__(self, ambassador_id: int, person_name: str, today: date) -> None:
        super().__init__()
        self.ambassador_id = ambassador_id
        self.person_name = person_name
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog involvement-dialog"):
            yield Static(_("What did {name} do?").format(name=self.person_name), classes="dialog-title", markup=False)
            yield Field(_("What"), FormSelect([(_(label), key) for key, label in KIND_LABELS.items()],
                        value="post_published", allow_blank=False, compact=True, id="kind"),
                        name="kind")
            yield Field(_("When *"), Input(format_date(self.today), placeholder=_("dd.mm.yyyy"),
                        validators=[Rule(partial(check_happened_on, today=self.today))],
                        compact=True, id="happened_on"), name="happened_on")
            yield Field(_("Note"), Input("", placeholder=_("e.g. post about the new office"),
                        validators=[Rule(check_note)], compact=True, id="note"), name="note")
            yield Static(_("Recorded, not scored. Enter or F10 saves · Esc cancels"),
                         classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), variant="primary", id="save", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#kind", Select).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()  # asks first when something was typed

    def action_save(self) -> None:
        kind = str(self.query_one("#kind", Select).value)
        when = self.query_one("#happened_on", Input).value
        note = self.query_one("#note", Input).value
        problems = {
            "kind": check_kind(kind),
            "happened_on": check_happened_on(when, self.today),
            "note": check_note(note),
        }
        for field in self.query(Field):
            field.show_problem(problems.get(field.field_name))
        first = next((name for name, problem in problems.items() if problem), None)
        if first:
            self.query_one(f"#{first}").focus()
            self.notify(_("Please fix the marked fields first."), severity="warning", markup=False)
            return
        self.dismiss(Involvement(None, self.ambassador_id, kind, parse_date(when), note.strip()))

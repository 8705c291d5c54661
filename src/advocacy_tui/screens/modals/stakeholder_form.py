"""Add or edit one stakeholder of the program. Every field is checked as it is typed."""

from __future__ import annotations

from datetime import date
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static, TextArea

from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.stakeholders import (
    KIND_LABELS,
    STANCE_LABELS,
    Stakeholder,
    StakeholderError,
    build_stakeholder,
    check_kind,
    check_last_talk,
    check_name,
    check_text,
    kind_text,
    stance_text,
)
from advocacy_tui.i18n import N_, _
from advocacy_tui.screens.modals.forms import AskBeforeDiscard, Field, FormSelect, Rule

TEXT_FIELDS = ("name", "kind", "last_talk", "next_step")


class StakeholderForm(AskBeforeDiscard, ModalScreen[Stakeholder | None]):
    """Dismisses the validated Stakeholder (with its id when editing), or None on cancel."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="stakeholder_form.cancel"),
        Binding("f10", "save", N_("Save"), id="stakeholder_form.save"),
    ]

    def __init__(self, today: date, stakeholder: Stakeholder | None = None) -> None:
        super().__init__()
        self.today = today
        self.original = stakeholder

    def compose(self) -> ComposeResult:
        s = self.original
        title = _("Edit stakeholder") if s else _("Add a stakeholder")
        kinds = ", ".join(_(label).lower() for label in KIND_LABELS.values())
        with Vertical(classes="dialog form-dialog"):
            yield Static(title, classes="dialog-title", markup=False)
            with VerticalScroll(classes="form-body"):
                yield Field(_("Name *"), Input(s.name if s else "", placeholder=_("Department, team or person"),
                            validators=[Rule(check_name)], compact=True, id="name"), name="name")
                yield Field(_("Kind *"), Input(kind_text(s.kind if s else "team"),
                            placeholder=_("{kinds} or any team").format(kinds=kinds),
                            validators=[Rule(check_kind)], compact=True, id="kind"), name="kind")
                yield Field(_("Stance"), FormSelect([(stance_text(key), key) for key in STANCE_LABELS],
                            value=s.stance if s else "not_met", allow_blank=False, compact=True,
                            id="stance"), name="stance")
                yield Field(_("Last talk"), Input(format_date(s.last_talk) if s else "",
                            placeholder=_("dd.mm.yyyy"),
                            validators=[Rule(partial(check_last_talk, today=self.today))],
                            compact=True, id="last_talk"), name="last_talk")
                yield Field(_("Next step"), Input(s.next_step if s else "",
                            placeholder=_("e.g. book a 30-minute talk"),
                            validators=[Rule(check_text)], compact=True, id="next_step"),
                            name="next_step")
                yield Field(_("Notes"), TextArea(s.notes if s else "", id="notes", soft_wrap=True,
                            show_line_numbers=False, compact=True), name="notes")
            yield Static(_("Enter or F10 saves · Esc cancels · Tab moves between fields"),
                         classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), variant="primary", id="save", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()  # asks first when something was typed

    def values(self) -> dict[str, str]:
        values = {name: self.query_one(f"#{name}", Input).value for name in TEXT_FIELDS}
        values["stance"] = str(self.query_one("#stance", Select).value)
        values["notes"] = self.query_one("#notes", TextArea).text
        return values

    def action_save(self) -> None:
        try:
            stakeholder = build_stakeholder(self.values(), self.today,
                                            id=self.original.id if self.original else None)
        except StakeholderError as error:
            for field in self.query(Field):
                field.show_problem(error.problems.get(field.field_name))
            self.query_one(f"#{next(iter(error.problems))}").focus()
            self.notify(_("Please fix the marked fields first."), severity="warning", markup=False)
            return
        self.dismiss(stakeholder)

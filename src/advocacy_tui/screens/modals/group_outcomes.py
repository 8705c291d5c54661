"""The goals' counted outcomes per group, one month at a time: each group's totals, never
a figure per person (a group too small to show is named without its figures)."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from advocacy_tui.data.groups import group_outcomes, month_span, outcome_cells, outcome_header
from advocacy_tui.data.store import Store
from advocacy_tui.domain.calendar import add_months
from advocacy_tui.domain.goals import month_of
from advocacy_tui.domain.text import printable
from advocacy_tui.formatting import month_label
from advocacy_tui.i18n import N_, _


class GroupOutcomesDialog(ModalScreen[None]):
    """A table of groups for one month; [ and ] change the month."""

    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="group_outcomes.close"),
        Binding("left_square_bracket,pageup", "month(-1)", N_("Previous month"), id="group_outcomes.previous"),
        Binding("right_square_bracket,pagedown", "month(1)", N_("Next month"), id="group_outcomes.next"),
    ]

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.month = month_of(today)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog group-outcomes-dialog"):
            yield Static("", id="group-outcomes-title", classes="dialog-title", markup=False)
            yield Static(_("Each group's own totals; a person may be in several groups. No group "
                           "or person is ranked."), classes="dialog-note", markup=False)
            yield DataTable(id="group-outcomes", cursor_type="none", zebra_stripes=True)
            yield Static(_("[ and ] change the month · Esc closes"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*outcome_header())
        self.show()

    def show(self) -> None:
        first, last = month_span(self.month, self.today)
        self.query_one("#group-outcomes-title", Static).update(
            _("Outcomes by group, {month}").format(month=month_label(first, wide=True)))
        table = self.query_one(DataTable)
        table.clear()
        rows = group_outcomes(self.store, first, last)
        for row in rows:
            cells = outcome_cells(row)
            table.add_row(*(Text(printable(cell)) for cell in cells))  # a name is text, never markup
        if not rows:
            table.add_row(Text(_("No groups yet: make them on the roster (g, G).")), *[""] * 6)

    def action_month(self, step: int) -> None:
        moved = month_of(add_months(date.fromisoformat(self.month + "-01"), step))
        if moved > month_of(self.today):
            return
        self.month = moved
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)

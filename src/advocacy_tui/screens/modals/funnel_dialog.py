"""The recruitment funnel: the people at each stage, the active share against the usual
share of employees, how many candidates someone recommended, and the invitation waves."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from advocacy_tui.data.funnel import funnel
from advocacy_tui.data.store import Store
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.funnel import Funnel
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, ngettext
from advocacy_tui.widgets.funnel_chart import FunnelChart


def waves_table(result: Funnel) -> Table | Text:
    """Each invitation day with how many were invited and how many of them are active now."""
    if not result.waves:
        return Text(_("No invitations recorded yet: a person's invitation day is set when their "
                      "status becomes Invited (or typed on their form)."))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    for wave in result.waves:
        grid.add_row(Text(format_date(wave.day)), Text(wave.words()))
    if result.older_waves:
        grid.add_row(Text("…"), Text(ngettext("and {n} earlier wave", "and {n} earlier waves",
                                              result.older_waves).format(n=format_number(result.older_waves))))
    return grid


class FunnelDialog(ModalScreen[None]):
    """Counts only: no person and no recommender is ranked."""

    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="funnel.close"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog funnel-dialog"):
            yield Static(_("Recruitment funnel"), classes="dialog-title", markup=False)
            with VerticalScroll(id="funnel-body"):
                yield FunnelChart(id="funnel-chart")
                yield Static("", id="funnel-share", classes="funnel-line", markup=False)
                yield Static("", id="funnel-recommended", classes="funnel-line", markup=False)
                yield Static(_("Invitation waves"), classes="funnel-heading", markup=False)
                yield Static("", id="funnel-waves")
            yield Static(_("↑ ↓ scroll · Esc closes"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        result = funnel(self.store)
        self.query_one(FunnelChart).show(result)
        share = result.share_words()
        if usual := result.usual_words():
            share += " " + usual
        self.query_one("#funnel-share", Static).update(share)
        self.query_one("#funnel-recommended", Static).update(result.recommended_words())
        self.query_one("#funnel-waves", Static).update(waves_table(result))
        self.query_one("#funnel-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)

"""The recruitment funnel as bars: one line per stage with its name, a bar (Rich's Bar,
scaled to the largest stage) and the count in digits, so it never depends on colour."""

from __future__ import annotations

from rich.bar import Bar
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from advocacy_tui.domain.ambassadors import STATUS_LABELS
from advocacy_tui.domain.funnel import STAGES, Funnel
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import _


class FunnelChart(Static):
    """Candidates -> invited -> onboarding -> active, with counts."""

    DEFAULT_CSS = """
    FunnelChart { height: auto; }
    """

    def show(self, funnel: Funnel) -> None:
        self.funnel = funnel
        self.update(self._table(funnel))

    def _table(self, funnel: Funnel) -> Table:
        labels = [_(STATUS_LABELS[stage]) for stage in STAGES]
        counts = [format_number(funnel.count(stage)) for stage in STAGES]
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=max(len(label) for label in labels), no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_column(justify="right", width=max(len(count) for count in counts), no_wrap=True)
        color = self._colour()
        top = max(funnel.largest, 1)
        for stage, label, count in zip(STAGES, labels, counts, strict=True):
            grid.add_row(Text(label), Bar(top, 0, funnel.count(stage), color=color), Text(count))
        return grid

    def _colour(self) -> str:
        theme = self.app.current_theme if self.is_attached else None
        return (theme.primary if theme is not None else None) or "blue"

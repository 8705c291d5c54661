"""A week's planned minutes against the owner's capacity, as a bar with numbers and words."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from advocacy_tui.domain.tasks import Load
from advocacy_tui.i18n import _

BAR_WIDTH = 10


def load_bar(load: Load, width: int = BAR_WIDTH) -> str:
    """``[██████████░░░░░░░░░░]``; past capacity the bar is full and is full."""
    filled = min(width, round(load.ratio() * width))
    return "[" + "█" * filled + "░" * (width - filled) + "]"


def load_line(label: str, load: Load, width: int = BAR_WIDTH, label_width: int = 10) -> Content:
    mark = "⚠" if load.is_over else "✓"
    style = "$text-error" if load.is_over else "$text-success"
    return Content.assemble(label.ljust(label_width), (load_bar(load, width), style), (mark, style), " ", load.words())


class LoadMeter(Static):
    """Two lines: this week and next week."""

    DEFAULT_CSS = """
    LoadMeter { height: auto; padding: 0 1; background: $panel; }
    """

    def show(self, this_week: Load, next_week: Load) -> None:
        labels = (_("This week"), _("Next week"))
        wide = max(10, *(len(label) + 1 for label in labels))
        self.update(Content("\n").join([load_line(labels[0], this_week, label_width=wide),
                                        load_line(labels[1], next_week, label_width=wide)]))

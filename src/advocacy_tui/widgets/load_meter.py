"""A week's planned minutes against the owner's capacity, as a bar with numbers and words."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from advocacy_tui.domain.tasks import Load

BAR_WIDTH = 10


def load_bar(load: Load, width: int = BAR_WIDTH) -> str:
    """``[██████████░░░░░░░░░░]``; past capacity the bar is full and is full."""
    filled = min(width, round(load.ratio() * width))
    return "[" + "█" * filled + "░" * (width - filled) + "]"


def load_line(label: str, load: Load, width: int = BAR_WIDTH) -> Content:
    mark = "⚠" if load.is_over else "✓"
    style = "$text-error" if load.is_over else "$text-success"
    return Content.assemble(f"{label:<10}", (load_bar(load, width), style), (mark, style), " ", load.words())


class LoadMeter(Static):
    """Two lines: this week and next week."""

    DEFAULT_CSS = """
    LoadMeter { height: auto; padding: 0 1; background: $panel; }
    """

    def show(self, this_week: Load, next_week: Load) -> None:
        self.update(Content("\n").join([load_line("This week", this_week), load_line("Next week", next_week)]))

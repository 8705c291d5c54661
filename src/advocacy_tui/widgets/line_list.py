"""A short list of one-line items with a cursor, drawn with the line API.

Unlike OptionList it never changes its size when the items change, so replacing
the items (every time the roster's cursor moves) repaints only this widget and
never triggers a layout of the whole screen. A few heading lines can stand above
the items (they do not scroll and the cursor never lands on them), which saves the
screen a container and a Static per heading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import N_


@dataclass(frozen=True)
class Item:
    key: str | None
    text: str
    enabled: bool = True


class LineList(Widget, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1)", N_("Up"), show=False, id="list.up"),
        Binding("down", "move(1)", N_("Down"), show=False, id="list.down"),
        Binding("home", "first", N_("First"), show=False, id="list.first"),
        Binding("end", "last", N_("Last"), show=False, id="list.last"),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, id="list.page_up"),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, id="list.page_down"),
        Binding("enter", "choose", N_("Choose"), show=False, id="list.choose"),
    ]

    COMPONENT_CLASSES = {"line-list--cursor", "line-list--disabled", "line-list--title",
                         "line-list--note"}

    DEFAULT_CSS = """
    LineList {
        background: $surface;
    }
    LineList > .line-list--cursor {
        background: $primary 25%;
    }
    LineList:focus > .line-list--cursor {
        background: $primary 70%;
        color: $text;
        text-style: bold;
    }
    LineList > .line-list--disabled {
        color: $text-muted;
        text-style: italic;
    }
    LineList > .line-list--title {
        color: $text-muted;
        text-style: bold;
    }
    LineList > .line-list--note {
        color: $text-muted;
    }
    """

    class Chosen(Message):
        def __init__(self, lines: LineList, key: str) -> None:
            self.lines = lines
            self.key = key
            super().__init__()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[Item] = []
        self.headings: list[tuple[str, str]] = []  # (text, "title" or "note")
        self.cursor = 0
        self.top = 0

    # -- items -----------------------------------------------------------------------

    def set_items(self, items: Sequence[Item], *, keep_cursor: bool = True) -> None:
        self.items = list(items)
        if not keep_cursor:
            self.cursor = self.top = 0
        self.cursor = max(0, min(self.cursor, len(self.items) - 1))
        self._scroll_to_cursor()
        self.refresh()

    def set_headings(self, headings: Sequence[tuple[str, str]]) -> None:
        """Lines above the items: (text, "title") in bold or (text, "note") plain, both muted."""
        self.headings = list(headings)
        self._scroll_to_cursor()
        self.refresh()

    @property
    def item_rows(self) -> int:
        return max(1, self.size.height - len(self.headings))

    @property
    def current(self) -> Item | None:
        return self.items[self.cursor] if 0 <= self.cursor < len(self.items) else None

    # -- drawing ---------------------------------------------------------------------

    def render_lines(self, crop):
        # Styles are looked up once per paint, not once per line (they are not cheap).
        base = self.rich_style
        self._paint_styles = (
            base,
            base + self.get_component_rich_style("line-list--cursor"),
            base + self.get_component_rich_style("line-list--disabled"),
        )
        self._heading_styles = {
            kind: base + self.get_component_rich_style(f"line-list--{kind}")
            for kind in ("title", "note")
        }
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base, cursor_style, disabled_style = getattr(self, "_paint_styles", None) or (
            self.rich_style, self.rich_style, self.rich_style)
        if y < len(self.headings):
            text, kind = self.headings[y]
            style = getattr(self, "_heading_styles", {}).get(kind, base)
            return self._line(text, width, style)
        index = self.top + y - len(self.headings)
        if not 0 <= index < len(self.items):
            return Strip.blank(width, base)
        item = self.items[index]
        style = base
        if not item.enabled:
            style = disabled_style
        if index == self.cursor and item.enabled:
            style = cursor_style
        return self._line(item.text, width, style)

    @staticmethod
    def _line(text: str, width: int, style) -> Strip:
        text = printable(text)
        if cell_len(text) > width and width > 1:
            text = set_cell_size(text, width - 1) + "…"
        return Strip([Segment(set_cell_size(text, width), style)])

    def on_resize(self, event: events.Resize) -> None:
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- cursor ----------------------------------------------------------------------

    def _scroll_to_cursor(self) -> None:
        height = self.item_rows
        if self.cursor < self.top:
            self.top = self.cursor
        elif self.cursor >= self.top + height:
            self.top = self.cursor - height + 1
        self.top = max(0, min(self.top, max(0, len(self.items) - height)))

    def move_to(self, index: int) -> None:
        enabled = [i for i, item in enumerate(self.items) if item.enabled]
        if not enabled:
            return
        index = max(enabled[0], min(index, enabled[-1]))
        if not self.items[index].enabled:  # skip disabled lines in the direction of travel
            later = [i for i in enabled if i >= index]
            index = later[0] if later and index >= self.cursor else max(i for i in enabled if i <= index)
        self.cursor = index
        self._scroll_to_cursor()
        self.refresh()

    def action_move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.items) - 1)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(1, self.item_rows - 1))

    def action_choose(self) -> None:
        item = self.current
        if item is not None and item.enabled and item.key is not None:
            self.post_message(self.Chosen(self, item.key))

    def on_click(self, event: events.Click) -> None:
        if event.y < len(self.headings):
            return
        index = self.top + event.y - len(self.headings)
        if 0 <= index < len(self.items) and self.items[index].enabled:
            self.cursor = index
            self.refresh()
            if event.chain >= 2:
                self.action_choose()

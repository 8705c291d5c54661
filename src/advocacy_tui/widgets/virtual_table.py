"""A table that only ever holds the rows it shows.

Rows come from a data source in blocks (SQL LIMIT/OFFSET behind it), are cached a
few blocks at a time, and are drawn with Textual's line API, so a table of 100,000
rows opens and scrolls as fast as a table of 40.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import N_, _

BLOCK = 128
MAX_BLOCKS = 16


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int | None = None  # None: shares the space left over
    min_width: int = 8
    sortable: bool = True


class TableSource(Protocol):
    """Where the rows come from. Row keys are ints (database ids)."""

    def count(self) -> int: ...

    def fetch(self, offset: int, limit: int) -> list[tuple[int, Sequence[str]]]: ...


class VirtualTable(ScrollView, can_focus=True):
    """A scrolling table over a :class:`TableSource`, with a cursor row and a fixed header."""

    BINDINGS = [
        Binding("up", "cursor(-1)", N_("Up"), show=False, id="table.up"),
        Binding("down", "cursor(1)", N_("Down"), show=False, id="table.down"),
        Binding("pageup", "page(-1)", N_("Page up"), show=False, id="table.page_up"),
        Binding("pagedown", "page(1)", N_("Page down"), show=False, id="table.page_down"),
        Binding("home", "first", N_("First row"), show=False, id="table.first"),
        Binding("end", "last", N_("Last row"), show=False, id="table.last"),
        Binding("enter", "select", N_("Open"), show=False, id="table.select"),
    ]

    COMPONENT_CLASSES = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--empty",
    }

    DEFAULT_CSS = """
    VirtualTable {
        background: $surface;
        scrollbar-gutter: stable;
        overflow-x: hidden;  /* columns shrink to fit: it never scrolls sideways */
    }
    VirtualTable > .virtual-table--header {
        text-style: bold;
        background: $panel;
        color: $foreground;
    }
    VirtualTable > .virtual-table--cursor {
        background: $primary 35%;
    }
    VirtualTable:focus > .virtual-table--cursor {
        background: $primary 70%;
        color: $text;
        text-style: bold;
    }
    VirtualTable > .virtual-table--empty {
        color: $text-muted;
        text-style: italic;
    }
    """

    cursor: reactive[int] = reactive(0, repaint=False)

    class RowHighlighted(Message):
        def __init__(self, table: VirtualTable, key: int | None) -> None:
            self.table = table
            self.key = key
            super().__init__()

    class RowSelected(Message):
        def __init__(self, table: VirtualTable, key: int) -> None:
            self.table = table
            self.key = key
            super().__init__()

    class HeaderClicked(Message):
        def __init__(self, table: VirtualTable, column: str) -> None:
            self.table = table
            self.column = column
            super().__init__()

    def __init__(
        self,
        columns: Sequence[Column],
        source: TableSource,
        *,
        empty_message: str = N_("Nothing to show."),
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self.source = source
        self.empty_message = empty_message
        self.sort_column: str | None = None
        self.sort_descending = False
        self._count = 0
        self._blocks: OrderedDict[int, list[tuple[int, Sequence[str]]]] = OrderedDict()
        self._last_key: int | None = None

    # -- data ------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return self._count

    def reload(self, *, keep_key: int | None = None, cursor: int | None = None) -> None:
        """Forget cached rows and ask the source again (after a change or a new filter)."""
        self._blocks.clear()
        self._count = self.source.count()
        self.virtual_size = Size(self.size.width, self._count + 1)
        target = self.cursor if cursor is None else cursor
        self.cursor = max(0, min(target, self._count - 1)) if self._count else 0
        self._scroll_to_cursor()
        self.refresh()
        self._announce()

    def row(self, index: int) -> tuple[int, Sequence[str]] | None:
        if not 0 <= index < self._count:
            return None
        block_no = index // BLOCK
        block = self._blocks.get(block_no)
        if block is None:
            block = self.source.fetch(block_no * BLOCK, BLOCK)
            self._blocks[block_no] = block
            while len(self._blocks) > MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block_no)
        offset = index - block_no * BLOCK
        return block[offset] if offset < len(block) else None

    @property
    def cursor_key(self) -> int | None:
        row = self.row(self.cursor)
        return row[0] if row else None

    # -- drawing ---------------------------------------------------------------------

    def _widths(self, total: int) -> list[int]:
        fixed = sum(c.width or 0 for c in self.columns)
        flexible = [c for c in self.columns if c.width is None]
        gaps = len(self.columns) + 1
        spare = max(0, total - fixed - gaps)
        widths = []
        for column in self.columns:
            if column.width is not None:
                widths.append(column.width)
            else:
                widths.append(max(column.min_width, spare // max(1, len(flexible))))
        return widths

    def _line(self, cells: Sequence[str], widths: list[int], style) -> Strip:
        segments = [Segment(" ", style)]
        for text, width in zip(cells, widths, strict=False):
            shown = printable(text)
            if width > 1 and cell_len(shown) > width:  # cut text says so
                shown = set_cell_size(shown, width - 1) + "…"
            segments.append(Segment(set_cell_size(shown, width), style))
            segments.append(Segment(" ", style))
        return Strip(segments)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        widths = self._widths(width)
        base = self.rich_style
        if y == 0:
            style = self.get_component_rich_style("virtual-table--header")
            labels = []
            for column in self.columns:
                mark = ""
                if column.key == self.sort_column:
                    mark = " ▼" if self.sort_descending else " ▲"
                labels.append((_(column.label) if column.label else "") + mark)  # N_ titles, shown translated
            return self._line(labels, widths, style).adjust_cell_length(width, style)
        index = int(self.scroll_offset.y) + y - 1
        if self._count == 0:
            if y == 2:
                style = self.get_component_rich_style("virtual-table--empty")
                return Strip([Segment("  " + printable(_(self.empty_message)), style)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        row = self.row(index)
        if row is None:
            return Strip.blank(width, base)
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("virtual-table--cursor")
        return self._line(row[1], widths, style).adjust_cell_length(width, style)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, self._count + 1)
        self._scroll_to_cursor()

    # -- cursor ----------------------------------------------------------------------

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self._announce()

    def _announce(self) -> None:
        key = self.cursor_key
        if key != self._last_key:
            self._last_key = key
            self.post_message(self.RowHighlighted(self, key))

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def move_cursor(self, index: int) -> None:
        if self._count:
            self.cursor = max(0, min(index, self._count - 1))

    def action_cursor(self, delta: int) -> None:
        self.move_cursor(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor + direction * self._page)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self._count - 1)

    def action_select(self) -> None:
        key = self.cursor_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            column = self._column_at(offset.x)
            if column is not None and column.sortable:
                self.post_message(self.HeaderClicked(self, column.key))
            return
        index = int(self.scroll_offset.y) + offset.y - 1
        if 0 <= index < self._count:
            self.cursor = index
            if event.chain >= 2:
                self.action_select()

    def _column_at(self, x: int) -> Column | None:
        position = 1
        for column, width in zip(self.columns, self._widths(self.scrollable_content_region.width), strict=False):
            if position <= x < position + width + 1:
                return column
            position += width + 1
        return None

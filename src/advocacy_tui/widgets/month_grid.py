"""A month of days as a grid: each day shows how many posts it holds and their states.

Drawn with the line API from a cache of strips that is rebuilt only when the data,
the cursor or the size changes, so moving the cursor costs one small rebuild and
scrolling or repainting costs nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from advocacy_tui.data.posts import DaySummary
from advocacy_tui.domain.calendar import DAYS_PER_WEEK, GRID_WEEKS, month_grid
from advocacy_tui.domain.posts import LEADER_SYMBOL, STATE_SYMBOLS, STATES
from advocacy_tui.domain.text import printable
from advocacy_tui.formatting import weekday_names
from advocacy_tui.i18n import N_, _, ngettext


def day_counts_text(counts: Mapping[str, int], width: int) -> str:
    """``2 ✎ 1 ✓`` (or ``2✎ 1✓`` when narrow): how many posts in which state."""
    ordered = [s for s in STATES if counts.get(s)] + [s for s in counts if s not in STATES and counts[s]]
    parts = [(counts[s], STATE_SYMBOLS.get(s, "?")) for s in ordered]
    total = sum(counts.values())
    spaced = " ".join(f"{n} {sym}" for n, sym in parts)
    if cell_len(spaced) <= width:
        return spaced
    compact = " ".join(f"{n}{sym}" for n, sym in parts)
    if cell_len(compact) <= width:
        return compact
    posts = ngettext("{n} post", "{n} posts", total).format(n=total)
    return posts if cell_len(posts) <= width else str(total)


def header_names(first_weekday: int, width: int) -> list[str]:
    """The weekdays over the columns, from ``first_weekday`` on, in the language in use:
    the full names when the columns are wide enough for every one, else the abbreviations."""
    names = weekday_names(short=False)
    if width < 12 or any(cell_len(name) + 1 > width for name in names):
        names = weekday_names(short=True)
    return [(name[:1].upper() + name[1:]) for name in
            (names[(first_weekday + n) % DAYS_PER_WEEK] for n in range(DAYS_PER_WEEK))]


def _wrap(text: str, width: int, rows: int) -> list[str]:
    """``text`` in at most ``rows`` lines of ``width`` cells, words kept whole where they
    can be; a cut is marked with an ellipsis."""
    if width <= 1 or rows <= 0:
        return [text[:max(0, width)]][:max(rows, 0)] or []
    lines: list[str] = []
    rest = text
    while rest and len(lines) < rows:
        if cell_len(rest) <= width:
            lines.append(rest)
            rest = ""
            break
        if len(lines) == rows - 1:  # the last line: cut with an ellipsis
            lines.append(set_cell_size(rest, width - 1).rstrip() + "…")
            rest = ""
            break
        head = set_cell_size(rest, width)
        cut = head.rfind(" ")
        if cut <= 0:
            cut = len(head)
        lines.append(rest[:cut].rstrip())
        rest = "  " + rest[cut:].lstrip()  # continuation lines are indented under the title
    return lines


class MonthGrid(Widget, can_focus=True):
    """Six weeks around a month. The screen gives it posts per day; it reports the cursor."""

    BINDINGS = [
        Binding("left", "move(-1)", N_("Previous day"), show=False, id="month.left"),
        Binding("right", "move(1)", N_("Next day"), show=False, id="month.right"),
        Binding("up", "move(-7)", N_("Week up"), show=False, id="month.up"),
        Binding("down", "move(7)", N_("Week down"), show=False, id="month.down"),
        Binding("home", "week_edge(0)", N_("Week start"), show=False, id="month.home"),
        Binding("end", "week_edge(6)", N_("Week end"), show=False, id="month.end"),
        Binding("enter", "select", N_("Open day"), show=False, id="month.select"),
    ]

    COMPONENT_CLASSES = {
        "month-grid--header", "month-grid--cursor", "month-grid--today", "month-grid--outside",
        "month-grid--weekend",
    }

    DEFAULT_CSS = """
    MonthGrid { height: 1fr; min-height: 8; }
    MonthGrid > .month-grid--header { color: $text-muted; text-style: bold; }
    MonthGrid > .month-grid--cursor { background: $primary 40%; text-style: bold; }
    MonthGrid:focus > .month-grid--cursor { background: $primary; color: $text; }
    MonthGrid > .month-grid--today { text-style: bold underline; color: $accent; }
    MonthGrid > .month-grid--outside { color: $text-muted 60%; }
    MonthGrid > .month-grid--weekend { background: $boost; }
    """

    class CursorMoved(Message):
        def __init__(self, grid: MonthGrid, day: date) -> None:
            super().__init__()
            self.grid = grid
            self.day = day

    class DaySelected(Message):
        def __init__(self, grid: MonthGrid, day: date) -> None:
            super().__init__()
            self.grid = grid
            self.day = day

    def __init__(self, cursor: date, today: date, first_weekday: int = 0, **kwargs) -> None:
        super().__init__(**kwargs)
        self.cursor = cursor
        self.today = today
        self.first_weekday = first_weekday
        self.days_data: Mapping[date, DaySummary] = {}
        self._strips: list[Strip] | None = None
        self._cache_key: tuple | None = None

    # -- data ---------------------------------------------------------------------------

    def set_days(self, days: Mapping[date, DaySummary]) -> None:
        """What each day holds (days without posts are simply missing)."""
        self.days_data = days
        self._invalidate()

    def set_cursor(self, day: date, *, notify: bool = True) -> None:
        if day == self.cursor:
            return
        self.cursor = day
        self._invalidate()
        if notify:
            self.post_message(self.CursorMoved(self, day))

    def _invalidate(self) -> None:
        self._strips = None
        self.refresh()

    @property
    def days(self) -> list[list[date]]:
        return month_grid(self.cursor, self.first_weekday)

    # -- keys and mouse -----------------------------------------------------------------

    def action_move(self, days: int) -> None:
        self.set_cursor(self.cursor + timedelta(days=days))

    def action_week_edge(self, index: int) -> None:
        start = self.cursor - timedelta(days=(self.cursor.weekday() - self.first_weekday) % 7)
        self.set_cursor(start + timedelta(days=index))

    def action_select(self) -> None:
        self.post_message(self.DaySelected(self, self.cursor))

    def _row_heights(self) -> list[int]:
        """Every week the same height (the rows left over stay blank below the grid)."""
        base = max(GRID_WEEKS, self.size.height - 1) // GRID_WEEKS
        return [base] * GRID_WEEKS

    def _day_at(self, x: int, y: int) -> date | None:
        row = y - 1
        for week, height in enumerate(self._row_heights()):
            if 0 <= row < height:
                column = next((n for n, edge in enumerate(self._edges()) if x < edge), 6)
                return self.days[week][column]
            row -= height
        return None

    def _edges(self) -> list[int]:
        edges, total = [], 0
        for width in self._widths(self.size.width):
            total += width
            edges.append(total)
        return edges

    async def _on_click(self, event: events.Click) -> None:
        day = self._day_at(event.x, event.y)
        if day is None:
            return
        if day == self.cursor or event.chain > 1:
            self.post_message(self.DaySelected(self, day))
        else:
            self.set_cursor(day)

    # -- drawing ------------------------------------------------------------------------

    def _widths(self, total: int) -> list[int]:
        base, extra = divmod(max(total, 7 * 4), 7)
        return [base + (1 if n < extra else 0) for n in range(7)]

    def _build(self) -> list[Strip]:
        width, height = self.size.width, self.size.height
        widths = self._widths(width)
        base = self.rich_style
        header_style = base + self.get_component_rich_style("month-grid--header")
        cursor_style = self.get_component_rich_style("month-grid--cursor")
        today_style = self.get_component_rich_style("month-grid--today")
        outside_style = self.get_component_rich_style("month-grid--outside")
        weekend_style = self.get_component_rich_style("month-grid--weekend")
        names = header_names(self.first_weekday, min(widths))
        header = [Segment(set_cell_size(" " + name, w), header_style) for name, w in zip(names, widths, strict=True)]
        strips = [Strip(header, width)]
        month = self.cursor.month
        for week, cell_h in zip(self.days, self._row_heights(), strict=True):
            lines: list[list[Segment]] = [[] for _ in range(cell_h)]
            for day, w in zip(week, widths, strict=True):
                style = base
                if day.weekday() >= 5:
                    style = style + weekend_style
                if day.month != month:
                    style = style + outside_style
                if day == self.cursor:
                    style = style + cursor_style
                texts = self._cell_lines(day, w - 1, cell_h)
                for n, text in enumerate(texts):
                    if n == 0 and day == self.today:
                        mark = "▸" if day == self.cursor else " "
                        number = f"{day.day:>2}"
                        rest = text[1 + len(number):]
                        lines[n].append(Segment(mark, style))
                        lines[n].append(Segment(number, style + today_style))
                        lines[n].append(Segment(set_cell_size(rest, w - 1 - 1 - len(number)), style))
                    else:
                        lines[n].append(Segment(set_cell_size(text, w - 1), style))
                    lines[n].append(Segment("│" if w > 1 else "", header_style))
            strips.extend(Strip(line, width).crop_extend(0, width, base) for line in lines)
        while len(strips) < height:
            strips.append(Strip.blank(width, base))
        return strips[:height] if height else strips

    def _cell_lines(self, day: date, width: int, height: int) -> list[str]:
        """The day's lines: its number, then its titles using the whole cell (wrapped when
        there is room); the counts by state only when not every title fits."""
        summary = self.days_data.get(day)
        mark = "▸" if day == self.cursor else " "
        leader = f" {LEADER_SYMBOL}" if summary and summary.leader else ""
        first = f"{mark}{day.day:>2}"
        if day == self.today:
            today = _("today")
            first += f" {today}" if width >= len(first) + 1 + cell_len(today) else " •"
        total = summary.total if summary else 0
        titles = list(summary.titles) if summary else []
        room = height - 1
        fits = total > 0 and total <= room and len(titles) == total
        if total and not fits:  # the counts say what the cell cannot list
            assert summary is not None  # total > 0 means there is a summary
            counts = day_counts_text(summary.counts, max(1, width - cell_len(first) - 1 - len(leader))) + leader
            first = f"{first} {counts}"
        if height == 1:
            return [first]
        lines = [first]
        if fits:
            spare = room - total
            for state, title, by_leader in titles:
                symbol = STATE_SYMBOLS.get(state, "?") + (LEADER_SYMBOL if by_leader else "")
                wrapped = _wrap(f"{symbol} {printable(title)}", width, 1 + spare)
                spare -= len(wrapped) - 1
                lines.extend(wrapped)
        elif total:
            shown = titles[:room] if total <= room or room <= 1 else titles[: room - 1]
            for state, title, by_leader in shown:
                symbol = STATE_SYMBOLS.get(state, "?") + (LEADER_SYMBOL if by_leader else "")
                lines.extend(_wrap(f"{symbol} {printable(title)}", width, 1))
            if total > len(shown) and len(lines) < height:
                more = total - len(shown)
                lines.append(ngettext("… {n} more", "… {n} more", more).format(n=more))
        while len(lines) < height:
            lines.append("")
        return lines[:height]

    def render_line(self, y: int) -> Strip:
        key = (self.size, self.cursor, self.today, self.first_weekday, self.has_focus,
               self.app.theme)
        if self._strips is None or key != self._cache_key:
            self._strips = self._build()
            self._cache_key = key
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.rich_style)

    def _on_focus(self, event: events.Focus) -> None:
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self.refresh()

    def _on_resize(self, event: events.Resize) -> None:
        self._strips = None



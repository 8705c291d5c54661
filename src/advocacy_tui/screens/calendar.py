"""The content calendar (month grid and week agenda) and the content library."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import (
    Input,
    OptionList,
    Static,
)
from textual.widgets.option_list import Option

from advocacy_tui.data.posts import CalendarRow, LibraryRepo, PostFilter, PostRepo
from advocacy_tui.domain.calendar import (
    add_months,
    content_mix,
    grid_range,
    mix_warning,
    month_first,
    month_last,
    month_title,
    percent,
    season_hint,
    week_days,
    weekly_pieces_hint,
)
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.posts import (
    LEADER_SYMBOL,
    LIBRARY_KIND_LABELS,
    STATE_LABELS,
    STATE_SYMBOLS,
    LibraryItem,
    Post,
    draft_from_library,
)
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import N_, _, ngettext
from advocacy_tui.screens.base import SectionScreen, plain, typing_in
from advocacy_tui.widgets.key_bar import KeyBar
from advocacy_tui.widgets.month_grid import MonthGrid
from advocacy_tui.widgets.tab_strip import TabStrip
from advocacy_tui.widgets.title_bar import TitleBar
from advocacy_tui.widgets.virtual_table import Column, VirtualTable

CALENDAR_ACTIONS = {"add", "edit", "copy", "move", "delete", "filter", "toggle_view", "today",
                    "month", "go_to"}
LIBRARY_ACTIONS = {"add", "edit", "delete", "use_draft", "open_item", "search"}

LIBRARY_COLUMNS = [
    Column("kind", "Kind", 12, sortable=False),
    Column("title", "Title", None, min_width=20, sortable=False),
    Column("language", "Lang", 5, sortable=False),
    Column("tags", "Tags", 26, sortable=False),
]

STATE_WITH_ARTICLE = {"idea": N_("an idea"), "draft": N_("a draft"), "ready": N_("a ready post"),
                      "published": N_("a published post"), "dropped": N_("a dropped post")}
LEGEND = ("  ".join(f"{STATE_SYMBOLS[s]} {STATE_LABELS[s].lower()}" for s in STATE_LABELS)
          + f"  {LEADER_SYMBOL} by an owner or manager")


class LibrarySource:
    def __init__(self, repo: LibraryRepo) -> None:
        self.repo = repo
        self.text = ""

    def count(self) -> int:
        return self.repo.count(self.text)

    def fetch(self, offset: int, limit: int) -> list[tuple[int, Sequence[str]]]:
        return [
            (row.id, (LIBRARY_KIND_LABELS.get(row.kind, row.kind), row.title, row.language, row.tags))
            for row in self.repo.page(self.text, offset, limit)
        ]


class CalendarScreen(SectionScreen):
    STYLESHEET = "calendar"
    HELP = """\
# Calendar and library

Plan who posts what and when, and keep the mix **personal**: people follow people,
not company billboards.

**Month and week.** Arrows move through the days, `t` jumps to today, `[` and `]`
(or PageUp/PageDown) change the month (the week, in the week view), `g` goes to a date,
`v` switches between the month grid and the week agenda. Each day shows how many posts
it holds in each state: ○ idea, ✎ draft, ● ready, ✓ published, ✗ dropped; ★ marks a post
by an owner or a manager.

**Whose post it is.** A post belongs to its author and is agreed with them: ○ *idea* is a
topic they may take up or leave, ✎ *draft* is being written in their own words, ● *ready*
means ready for its author to publish on the planned day. A text you write for someone is a
suggestion they change as they like; no state is an approval step.

**Posts.** `a` plans a post on the selected day, `e` or Enter edits (a day with several
posts asks which), `c` copies, `m` moves (pick the new day with the arrows and Enter, or
type it with `g`), `d` deletes after asking. In the form, F4 opens the text in your own
editor (`$EDITOR`). Publishing a post (state *published* with its address) records it in
the author's involvement.

**Filters.** `f` shows only one author, state or voice. The mix below the grid always
counts the whole program (dropped posts left out), whatever the filter.

**The mix.** Under the grid: the share of each voice this month and in the last 30 days.
When company and employer-brand posts pass the limit (a third by default, `company_share_limit`
in config.toml; the voices themselves are the `[voices]` table), the calendar says so and
suggests what to plan instead. The owners and managers should be the first to post.

**Numbers from the field.** About 3.5 new pieces of content per 100 active ambassadors a week
is a sound expectation (DSMN8's rule of thumb). Activity is highest in January, September
and October and lowest in July, August and the holidays (Dynamic Signal).

**Library** (`l` switches tabs): guidelines, sample posts, ideas, inspiration, graphics and
training. `/` searches (diacritics do not matter), `a` adds, `e` edits, `d` deletes, `u` uses
the item as a draft on the selected calendar day, `o` opens a graphic's file or address.
"""

    BINDINGS = [
        Binding("a", "add", "Add", id="calendar.add", tooltip="Plan a post (or add a library item)"),
        Binding("e", "edit", "Edit", id="calendar.edit", tooltip="Edit a post of the selected day"),
        Binding("c", "copy", "Copy", show=False, id="calendar.copy", tooltip="Duplicate a post of the selected day"),
        Binding("m", "move", "Move", id="calendar.move", tooltip="Move a post to another day"),
        Binding("d,delete", "delete", "Delete", show=False, id="calendar.delete", tooltip="Delete (asks first)"),
        Binding("f", "filter", "Filter", id="calendar.filter", tooltip="Show one author, state or voice"),
        Binding("v", "toggle_view", "Month/week", id="calendar.view", tooltip="Month grid or week agenda"),
        Binding("t", "today", "Today", id="calendar.today", tooltip="Jump to today"),
        Binding("left_square_bracket,pageup", "month(-1)", "Previous", show=False, id="calendar.previous",
                tooltip="Previous month (or week)"),
        Binding("right_square_bracket,pagedown", "month(1)", "Next", show=False, id="calendar.next",
                tooltip="Next month (or week)"),
        Binding("g", "go_to", "Go to date", show=False, id="calendar.go_to",
                tooltip="Type a date to jump to"),
        Binding("l", "switch_tab", "Calendar/library", id="calendar.tab",
                tooltip="Switch between the calendar and the library"),
        Binding("u", "use_draft", "Use as draft", id="library.use", tooltip="Plan a post from this item"),
        Binding("o", "open_item", "Open file", id="library.open", tooltip="Open the graphic's file or URL"),
        Binding("slash", "search", "Search", id="library.search", priority=True,
                tooltip="Search the library"),
        Binding("escape", "escape", "Cancel", show=False, id="calendar.escape"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = PostFilter()
        self.view = "month"
        self.moving: int | None = None
        self.rows: list[CalendarRow] = []
        self.by_day: dict[date, list[CalendarRow]] = {}
        self.loaded_range: tuple[date, date] | None = None

    # -- set-up ---------------------------------------------------------------------------

    @property
    def posts(self) -> PostRepo:
        if not hasattr(self, "_posts"):
            self._posts = PostRepo(self.advocacy.store)
        return self._posts

    @property
    def library(self) -> LibraryRepo:
        return LibraryRepo(self.advocacy.store)

    @property
    def settings(self):
        return self.advocacy.settings

    @property
    def today(self) -> date:
        return self.advocacy.clock.today()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        # A tab strip over panes that are shown and hidden (not TabbedContent), and the month
        # grid and week list shown and hidden (not a ContentSwitcher): far fewer widgets to
        # build, lay out and paint when the calendar opens.
        yield TabStrip(("tab-calendar", "Calendar"), ("tab-library", "Library"), id="cal-tabs")
        with Vertical(id="cal-pane"):
            yield MonthGrid(self.today, self.today, self.settings.week_start_index, id="month")
            yield OptionList(id="week")
            yield Static("", id="cal-day", markup=False)
            yield Static("", id="cal-mix")
            yield Static(LEGEND, id="cal-legend", markup=False)
        yield Vertical(id="lib-pane")  # filled the first time the tab opens
        yield KeyBar()

    def _mount_library(self):
        """The library's widgets are built on first use: opening the calendar stays quick."""
        self.library_source = LibrarySource(self.library)
        return self.query_one("#lib-pane", Vertical).mount(
            Input(placeholder="Search the library: title, text, tags  (/)", id="lib-search",
                  compact=True),
            VirtualTable(LIBRARY_COLUMNS, self.library_source, id="lib-table",
                         empty_message="The library is empty. Press a to add a guideline or a sample post."),
            Static("", id="lib-preview"),
            Static("", id="lib-status", markup=False),
        )

    @property
    def grid(self) -> MonthGrid:
        return self.query_one("#month", MonthGrid)

    @property
    def week(self) -> OptionList:
        return self.query_one("#week", OptionList)

    @property
    def lib_table(self) -> VirtualTable:
        return self.query_one("#lib-table", VirtualTable)

    @property
    def on_library(self) -> bool:
        return self.query_one("#cal-tabs", TabStrip).active == "tab-library"

    @property
    def cursor(self) -> date:
        return self.grid.cursor

    def on_mount(self) -> None:
        self.reload()
        self.grid.focus()

    def shown_again(self) -> None:
        self.reload()

    # -- loading --------------------------------------------------------------------------

    def view_range(self) -> tuple[date, date]:
        if self.view == "week":
            days = week_days(self.cursor, self.settings.week_start_index)
            return days[0], days[-1]
        return grid_range(self.cursor, self.settings.week_start_index)

    def reload(self, *, keep_week_post: int | None = None) -> None:
        """Read the posts of the visible range only, then redraw everything that shows them."""
        first, last = self.view_range()
        self.loaded_range = (first, last)
        if self.view == "week":
            self.rows = self.posts.in_range(first, last, self.filter)
            self.by_day = defaultdict(list)
            for row in self.rows:
                self.by_day[row.planned_on].append(row)
            self._fill_week(keep_week_post)
        else:
            # The grid gets counts and a few titles a day; full rows only for the chosen day.
            self.grid.set_days(self.posts.month_summary(first, last, self.filter))
            self._load_cursor_day()
        self._show_mix()
        self._show_day()
        self._show_title()

    def _load_cursor_day(self) -> None:
        if self.view == "month":
            self.rows = self.posts.in_range(self.cursor, self.cursor, self.filter)
            self.by_day = {self.cursor: self.rows}

    def _ensure_loaded(self) -> None:
        first, last = self.view_range()
        if self.loaded_range != (first, last):
            self.reload()
        else:
            self._load_cursor_day()
            self._show_day()
            self._show_title()

    def _show_title(self) -> None:
        parts = ["Calendar", month_title(self.cursor)]
        if self.view == "week":
            days = week_days(self.cursor, self.settings.week_start_index)
            parts[1] = f"week {format_date(days[0])[:5]}–{format_date(days[-1])}"
        if self.filter.active:
            parts.append("only " + self._filter_words())
        if self.on_library:
            parts = ["Library"]
        self.sub_title = " · ".join(parts)

    def _filter_words(self) -> str:
        words = []
        if self.filter.author_id is not None:
            words.append(self.filter.author_name or "one author")
        if self.filter.state:
            words.append(STATE_LABELS[self.filter.state].lower())
        if self.filter.voice:
            words.append(self.settings.voice_labels.get(self.filter.voice, self.filter.voice).lower())
        return ", ".join(words)

    def _show_day(self) -> None:
        rows = self.by_day.get(self.cursor, [])
        day = f"{self.cursor.strftime('%a')} {format_date(self.cursor)}"
        if self.moving is not None:
            post = self.posts.get(self.moving)
            text = (f"Moving “{post.title if post else '?'}”: choose the day with the arrows and "
                    "press Enter (g types a date, Esc cancels).")
        else:
            hidden = (self.posts.count_between(self.cursor, self.cursor) - len(rows)
                      if self.filter.active else 0)
            hidden_text = ngettext("{n} hidden by the filter", "{n} hidden by the filter", hidden).format(n=hidden)
            if not rows and hidden:
                text = f"{day}: " + hidden_text + " " + _("(f changes it, Esc clears it).")
            elif not rows:
                text = f"{day}: nothing planned. Press a to plan a post."
            else:
                text = f"{day}: " + " │ ".join(r.describe() for r in rows)
                if hidden:
                    text = f"{day} ({hidden_text}): " + " │ ".join(r.describe() for r in rows)
        self.query_one("#cal-day", Static).update(plain(text))
        self._show_legend()

    def _show_legend(self) -> None:
        """The legend line, or the active filter when there is one (on screen, not only in the title)."""
        if self.filter.active:
            text = _("Only {filter} · f changes the filter · Esc clears it").format(filter=self._filter_words())
        else:
            text = LEGEND
        self.query_one("#cal-legend", Static).update(plain(text))

    def _mix(self, first: date, last: date):
        labels = self.settings.voice_labels
        counts = self.posts.voice_counts(first, last)
        return content_mix(counts, list(labels), self.settings.company_share_limit)

    def _shares(self, mix) -> str:
        labels = self.settings.voice_labels
        return " · ".join(f"{labels.get(v, v).split()[0].lower()} {percent(n / mix.total)}"
                          for v, n in mix.counts if n)

    def _show_mix(self) -> None:
        from textual.content import Content

        wide = self.size.width >= 110
        month_name = month_title(self.cursor).split()[0]
        month_mix = self._mix(month_first(self.cursor), month_last(self.cursor))
        recent_mix = self._mix(self.today - timedelta(days=29), self.today)
        limit = self.settings.company_share_limit
        # the base is said: planned posts (all but dropped), not Today's published ones
        if month_mix.total:
            month_line = (_("{month}: {shares} ({n} planned this month)") if wide else
                          _("{month}: {shares} ({n} planned)")).format(
                month=month_name if wide else month_name[:3], shares=self._shares(month_mix), n=month_mix.total)
        else:
            month_line = f"{month_name}: nothing planned yet"
        if wide and recent_mix.total:
            recent = _("Last 30 days: {shares} ({n} planned in 30 days)").format(
                shares=self._shares(recent_mix), n=recent_mix.total)
        elif recent_mix.total:
            recent = _("30 days: company {share} of {n} planned").format(
                share=percent(recent_mix.company_share), n=recent_mix.total)
        else:
            recent = "Last 30 days: nothing planned"
        planned, published = self.posts.leader_posts(month_first(self.cursor), month_last(self.cursor))
        if planned:
            leaders = (f"{LEADER_SYMBOL} leaders: {planned} post{'s' if planned != 1 else ''}, "
                       f"{published} published")
        else:
            leaders = f"⚠ {LEADER_SYMBOL} no posts by owners or managers this month: leaders post first"
        lines = [Content(month_line)]
        if wide:
            lines += [Content(recent), Content(leaders.replace("leaders", "Leaders (owners and managers)"))]
        else:
            lines.append(Content(f"{recent} · {leaders}"))
        for which, mix in (("This month", month_mix), ("Last 30 days", recent_mix)):
            warning = mix_warning(mix, limit, self.settings.voice_labels, short=not wide)
            if warning:
                text = f"⚠ {which}: {warning}" if wide else f"⚠ {warning}"
                lines.append(Content.styled(text, "$text-warning"))
                break
        hint = season_hint(self.cursor)
        if hint and wide:
            lines.append(Content(f"{month_title(self.cursor)}: {hint}."))  # the source is in F1 help
        self.query_one("#cal-mix", Static).update(Content("\n").join(lines))

    def on_resize(self) -> None:
        if self.is_mounted:
            self._show_mix()

    # -- week agenda ----------------------------------------------------------------------

    def _fill_week(self, keep_post: int | None = None) -> None:
        days = week_days(self.cursor, self.settings.week_start_index)
        options: list[Option] = []
        active = self.posts.active_ambassadors()
        expected = weekly_pieces_hint(active)
        count = f"{len(self.rows)} post{'' if len(self.rows) == 1 else 's'} this week"
        # the plain fact; its source is in F1 help
        options.append(Option(plain(
            count + " · " + _("{active} active ambassadors usually make about {expected:.1f} new posts "
                              "a week").format(active=active, expected=expected)),
            disabled=True))
        highlight = None
        for day in days:
            marker = " · today" if day == self.today else ""
            options.append(Option(plain(f"{day.strftime('%A')} {format_date(day)}{marker}"),
                                  disabled=True))
            rows = self.by_day.get(day, [])
            if not rows:
                options.append(Option(plain("   nothing planned (a adds)"), id=f"d{day.isoformat()}"))
                if day == self.cursor and highlight is None:
                    highlight = len(options) - 1
            for row in rows:
                options.append(Option(plain("   " + self._agenda_line(row)), id=f"p{row.id}"))
                if keep_post == row.id or (keep_post is None and day == self.cursor and highlight is None):
                    highlight = len(options) - 1
        week = self.week
        week.clear_options()
        week.add_options(options)
        if highlight is not None:
            week.highlighted = highlight

    def _agenda_line(self, row: CalendarRow) -> str:
        """A post in the week agenda: state, time, title, author, its voice and channel."""
        voice = self.settings.voice_labels.get(row.voice, row.voice)
        channel = f" · {row.channel}" if row.channel else ""
        return f"{row.describe()} · {voice}{channel}"

    def _week_option_day(self, option_id: str | None) -> date | None:
        if not option_id:
            return None
        if option_id.startswith("d"):
            return date.fromisoformat(option_id[1:])
        post_id = int(option_id[1:])
        for row in self.rows:
            if row.id == post_id:
                return row.planned_on
        return None

    @on(OptionList.OptionHighlighted, "#week")
    def _week_moved(self, event: OptionList.OptionHighlighted) -> None:
        day = self._week_option_day(event.option.id)
        if day is not None and day != self.cursor:
            self.grid.set_cursor(day, notify=False)
            self._show_day()

    @on(OptionList.OptionSelected, "#week")
    def _week_selected(self, event: OptionList.OptionSelected) -> None:
        if self.moving is not None:
            self._finish_move(self.cursor)
            return
        option_id = event.option.id or ""
        if option_id.startswith("p"):
            self.edit_post(int(option_id[1:]))
        else:
            self.action_add()

    def _week_post(self) -> int | None:
        if self.view != "week":
            return None
        option = self.week.highlighted_option
        if option is not None and option.id and option.id.startswith("p"):
            return int(option.id[1:])
        return None

    # -- grid events ----------------------------------------------------------------------

    @on(MonthGrid.CursorMoved)
    def _cursor_moved(self, event: MonthGrid.CursorMoved) -> None:
        self._ensure_loaded()

    @on(MonthGrid.DaySelected)
    def _day_selected(self, event: MonthGrid.DaySelected) -> None:
        if self.moving is not None:
            self._finish_move(event.day)
            return
        if self.by_day.get(event.day):
            self.action_edit()
        else:
            self.action_add()

    @on(TabStrip.Activated, "#cal-tabs")
    async def _tab_changed(self, event: TabStrip.Activated) -> None:
        self.query_one("#cal-pane").display = not self.on_library
        self.query_one("#lib-pane").display = self.on_library
        if self.on_library:
            if not self.query("#lib-table"):
                await self._mount_library()
            self._library_ready()
        elif self.is_mounted and self.focused is not self.grid:
            self._focus_view()
        self._show_title()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if action == "search" and typing_in(self.focused):
            return False
        library = self.on_library
        if action in CALENDAR_ACTIONS and action not in LIBRARY_ACTIONS:
            return not library
        if action in LIBRARY_ACTIONS and action not in CALENDAR_ACTIONS:
            return library
        return True

    def _focus_view(self) -> None:
        (self.week if self.view == "week" else self.grid).focus()

    # -- navigation -----------------------------------------------------------------------

    def go_to(self, day: date) -> None:
        self.grid.set_cursor(day, notify=False)
        if self.view == "week":
            self.reload()
        else:
            self._ensure_loaded()

    def action_today(self) -> None:
        self.go_to(self.today)

    def action_month(self, step: int) -> None:
        if self.view == "week":
            self.go_to(self.cursor + timedelta(days=7 * step))
        else:
            self.go_to(add_months(self.cursor, step))

    def action_go_to(self) -> None:
        from advocacy_tui.screens.modals.calendar_dialogs import DateDialog

        def chosen(day: date | None) -> None:
            if day is not None:
                self.go_to(day)

        title = "Move to which day?" if self.moving is not None else "Go to which day?"
        self.app.push_screen(DateDialog(title, self.cursor), chosen)

    def action_toggle_view(self) -> None:
        self.view = "week" if self.view == "month" else "month"
        self.grid.display = self.view == "month"
        self.week.display = self.view == "week"
        self.reload()
        self._focus_view()

    def action_switch_tab(self) -> None:
        tabs = self.query_one("#cal-tabs", TabStrip)
        tabs.active = "tab-calendar" if self.on_library else "tab-library"

    def action_escape(self) -> None:
        if self.moving is not None:
            self.moving = None
            self._show_day()
            self.notify("Move cancelled.", markup=False)
        elif self.on_library and self.query("#lib-search") and self.query_one("#lib-search", Input).value:
            self.query_one("#lib-search", Input).value = ""
            self.lib_table.focus()
        elif not self.on_library and self.filter.active:
            self.filter = PostFilter()
            self.reload()
            self.notify(_("Filter cleared: every post shows again."), markup=False)

    # -- posts ----------------------------------------------------------------------------

    def _with_post(self, verb: str, then) -> None:
        """Run ``then(post_id)`` on the highlighted post (week) or the day's post (asking)."""
        from advocacy_tui.screens.modals.calendar_dialogs import PickPostDialog

        chosen = self._week_post()
        if chosen is not None:
            then(chosen)
            return
        rows = self.by_day.get(self.cursor, [])
        if not rows:
            self.notify(f"There is no post on {format_date(self.cursor)} to {verb}. "
                        "Press a to plan one.", markup=False)
            return
        if len(rows) == 1:
            then(rows[0].id)
            return

        def picked(post_id: int | None) -> None:
            if post_id is not None:
                then(post_id)

        self.app.push_screen(PickPostDialog(self.cursor, rows, verb), picked)

    def _form(self, post: Post, title: str | None = None):
        from advocacy_tui.screens.modals.post_form import PostForm

        return PostForm(self.posts, post, self.settings.voices, title=title)

    def action_add(self) -> None:
        if self.on_library:
            self.add_library_item()
            return
        voices = [key for key, _ in self.settings.voices]
        self.plan(Post(id=None, title="", planned_on=self.cursor, voice=voices[0]))

    def plan(self, post: Post, title: str | None = None) -> None:
        def saved(result: Post | None) -> None:
            if result is None:
                return
            new_id = self.posts.add(result)
            self.go_to(result.planned_on or self.cursor)
            self.reload(keep_week_post=new_id)
            self.notify(f"Planned “{result.title}” on {format_date(result.planned_on)}.",
                        markup=False)

        self.app.push_screen(self._form(post, title), saved)

    def action_edit(self) -> None:
        if self.on_library:
            self.edit_library_item()
            return
        self._with_post("edit", self.edit_post)

    def edit_post(self, post_id: int, draft: Post | None = None) -> None:
        from advocacy_tui.screens.modals.changed import save_or_ask

        current = self.posts.get(post_id)
        if current is None:
            self.reload()
            return

        def saved(result: Post | None) -> None:
            if result is None:
                return

            def write(checked: bool) -> None:
                self.posts.update(result, expected=current if checked else None)

            def done() -> None:
                message = f"Saved “{result.title}”."
                if result.state == "published" and current.state != "published" and result.author_id:
                    message += " Its author's involvement now shows this post."
                if result.planned_on and result.planned_on != self.cursor:
                    self.go_to(result.planned_on)
                self.reload(keep_week_post=post_id)
                self.notify(message, markup=False)

            save_or_ask(self, "post", write, saved=done,
                        reopen=lambda: self.edit_post(post_id, result),
                        dropped=lambda: self.reload(keep_week_post=post_id))

        self.app.push_screen(self._form(draft or current), saved)

    def action_copy(self) -> None:
        from advocacy_tui.screens.modals.calendar_dialogs import DateDialog

        def copy(post_id: int) -> None:
            def to_day(day: date | None) -> None:
                if day is None:
                    return
                new_id = self.posts.duplicate(post_id, day)
                post = self.posts.get(new_id) if new_id else None
                if post is None:
                    self.reload()
                    return
                self.go_to(day)
                self.reload(keep_week_post=new_id)
                self.notify(_("Copied “{title}” to {day} as {state}.").format(
                    title=post.title, day=format_date(day), state=_(STATE_WITH_ARTICLE.get(post.state, post.state))),
                    markup=False)

            self.app.push_screen(DateDialog(_("Copy to which day?"), self.cursor), to_day)

        self._with_post("copy", copy)

    def action_move(self) -> None:
        def start(post_id: int) -> None:
            self.moving = post_id
            self._show_day()
            self._focus_view()

        self._with_post("move", start)

    def _finish_move(self, day: date) -> None:
        post_id, self.moving = self.moving, None
        post = self.posts.get(post_id) if post_id is not None else None
        if post is None:
            self.reload()
            return
        self.posts.move(post_id, day)
        self.go_to(day)
        self.reload(keep_week_post=post_id)
        self.notify(f"Moved “{post.title}” to {format_date(day)}.", markup=False)

    def action_delete(self) -> None:
        if self.on_library:
            self.delete_library_item()
            return
        from advocacy_tui.screens.modals.confirm import ConfirmDialog

        def ask(post_id: int) -> None:
            post = self.posts.get(post_id)
            if post is None:
                return

            def answered(yes: bool | None) -> None:
                if yes:
                    self.posts.delete(post_id)
                    self.reload()
                    self.notify(f"Deleted “{post.title}”.", markup=False)

            self.app.push_screen(ConfirmDialog(
                "Delete this post?",
                f"“{post.title}” planned on {format_date(post.planned_on)} will be removed for good."),
                answered)

        self._with_post("delete", ask)

    def action_filter(self) -> None:
        from advocacy_tui.screens.modals.calendar_dialogs import FilterDialog

        def chosen(result: PostFilter | None) -> None:
            if result is None:
                return
            self.filter = result
            self.reload()
            if result.active:
                self.notify(f"Showing only {self._filter_words()}. f changes the filter.",
                            markup=False)

        self.app.push_screen(FilterDialog(self.posts, self.filter, self.settings.voices), chosen)

    # -- library --------------------------------------------------------------------------

    def _library_ready(self) -> None:
        self.refresh_library()
        self.lib_table.focus()

    def refresh_library(self, keep: int | None = None) -> None:
        text = self.query_one("#lib-search", Input).value
        self.library_source.text = text
        position = self.library.position(text, keep) if keep is not None else None
        table = self.lib_table
        table.empty_message = (f"Nothing in the library matches “{text.strip()}”. Esc clears the search."
                               if text.strip() else
                               "The library is empty. Press a to add a guideline or a sample post.")
        table.reload(cursor=position)
        self._show_preview(table.cursor_key)
        total = self.library.total()
        shown = table.row_count
        status = f" {total} item(s)" if shown == total else f" {shown} of {total} items match"
        self.query_one("#lib-status", Static).update(
            status + " · a add · e edit · u use as a draft · o open file · / search")

    @on(Input.Changed, "#lib-search")
    def _search_changed(self) -> None:
        self.refresh_library()

    @on(Input.Submitted, "#lib-search")
    def _search_done(self) -> None:
        self.lib_table.focus()

    @on(VirtualTable.RowHighlighted)
    def _library_preview(self, event: VirtualTable.RowHighlighted) -> None:
        self._show_preview(event.key)

    def _show_preview(self, key: int | None) -> None:
        from textual.content import Content

        item = self.library.get(key) if key is not None else None
        preview = self.query_one("#lib-preview", Static)
        if item is None:
            preview.update("")
            return
        lines = [Content.styled(printable(item.title), "bold")]
        if item.location:
            lines.append(Content("File or address: " + printable(item.location)))
        if item.body.strip():
            lines.append(Content(printable(item.body.strip(), single_line=False)))
        preview.update(Content("\n").join(lines))

    @on(VirtualTable.RowSelected)
    def _library_open(self, event: VirtualTable.RowSelected) -> None:
        self.edit_library_item(event.key)

    def action_search(self) -> None:
        self.set_focus(self.query_one("#lib-search", Input))

    def _current_item(self) -> LibraryItem | None:
        key = self.lib_table.cursor_key
        item = self.library.get(key) if key is not None else None
        if item is None:
            self.notify("Choose an item of the library first (or press a to add one).",
                        markup=False)
        return item

    def add_library_item(self) -> None:
        from advocacy_tui.screens.modals.library_form import LibraryForm

        def saved(item: LibraryItem | None) -> None:
            if item is not None:
                new_id = self.library.add(item)
                self.refresh_library(keep=new_id)
                self.notify(f"Added “{item.title}” to the library.", markup=False)

        self.app.push_screen(LibraryForm(), saved)

    def edit_library_item(self, key: int | None = None) -> None:
        from advocacy_tui.screens.modals.library_form import LibraryForm

        item = self.library.get(key) if key is not None else self._current_item()
        if item is None:
            return

        def saved(result: LibraryItem | None) -> None:
            if result is not None:
                self.library.update(result)
                self.refresh_library(keep=result.id)
                self.notify(f"Saved “{result.title}”.", markup=False)

        self.app.push_screen(LibraryForm(item), saved)

    def delete_library_item(self) -> None:
        from advocacy_tui.screens.modals.confirm import ConfirmDialog

        item = self._current_item()
        if item is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.library.delete(item.id)
                self.refresh_library()
                self.notify(f"Deleted “{item.title}” from the library.", markup=False)

        self.app.push_screen(ConfirmDialog(
            "Delete this library item?",
            f"“{item.title}” will be removed. Posts made from it stay, without the link."),
            answered)

    def action_use_draft(self) -> None:
        item = self._current_item()
        if item is None:
            return
        post = draft_from_library(item, self.cursor)
        voices = [key for key, _ in self.settings.voices]
        if post.voice not in voices:
            post = replace(post, voice=voices[0])
        self.query_one("#cal-tabs", TabStrip).active = "tab-calendar"
        self.plan(post, title=f"Plan a post from “{item.title}”")

    def action_open_item(self) -> None:
        item = self._current_item()
        if item is None:
            return
        where = item.location.strip()
        if not where:
            self.notify(f"“{item.title}” has no file or address to open. Press e to add one.",
                        markup=False)
            return
        target = where if "://" in where else str(Path(where).expanduser())
        if "://" not in where and not Path(target).exists():
            self.notify(f"The file {target} does not exist (moved or renamed?). Press e to "
                        "change the path.", severity="warning", timeout=10, markup=False)
            return
        if sys.platform == "darwin":
            opener = shutil.which("open")
        elif os.name == "nt":
            opener = None
        else:
            opener = shutil.which("xdg-open")
        if os.name == "nt" and hasattr(os, "startfile"):
            try:
                os.startfile(target)  # type: ignore[attr-defined]
                return
            except OSError:
                opener = None
        if opener is None:
            self.notify(f"No program to open files was found. The item is at: {target}",
                        timeout=12, markup=False)
            return
        try:
            subprocess.Popen([opener, target], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
        except OSError as error:
            self.notify(f"Could not open {target} ({error.strerror}).", severity="warning",
                        markup=False)
            return
        self.notify(f"Opening {target}", markup=False)

    # -- palette --------------------------------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Calendar: plan a post", "On the selected day (a)", self.action_add)
        yield SystemCommand("Calendar: go to today", "Jump to today (t)", self.action_today)
        yield SystemCommand("Calendar: go to a date", "Type a date (g)", self.action_go_to)
        yield SystemCommand("Calendar: month or week view", "Switch views (v)", self.action_toggle_view)
        yield SystemCommand("Calendar: filter posts", "One author, state or voice (f)", self.action_filter)
        yield SystemCommand("Calendar: show all posts", "Clear the filter",
                            lambda: (setattr(self, "filter", PostFilter()), self.reload()))
        yield SystemCommand("Library: open the content library", "Guidelines, samples, ideas (l)",
                            lambda: setattr(self.query_one("#cal-tabs", TabStrip), "active",
                                            "tab-library"))

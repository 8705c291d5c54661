"""The calendar section: a title, a tab strip and two panes, the content calendar
(screens/calendar_pane.py) and the content library (screens/library_pane.py). Each pane owns
its keys, its help and its palette commands; the screen only switches between them."""

from __future__ import annotations

import shutil  # noqa: F401  (the library pane opens files through shutil.which; tests patch it here)
from collections.abc import Iterable
from datetime import date

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.widgets import OptionList

from advocacy_tui.config import Settings
from advocacy_tui.data.posts import CalendarRow, LibraryRepo, PostFilter, PostRepo
from advocacy_tui.i18n import _
from advocacy_tui.screens.base import SectionScreen
from advocacy_tui.screens.calendar_pane import CalendarPane
from advocacy_tui.screens.library_pane import LibraryPane
from advocacy_tui.widgets.key_bar import KeyBar
from advocacy_tui.widgets.month_grid import MonthGrid
from advocacy_tui.widgets.tab_strip import TabStrip
from advocacy_tui.widgets.title_bar import TitleBar
from advocacy_tui.widgets.virtual_table import VirtualTable


class CalendarScreen(SectionScreen):
    STYLESHEET = "calendar"

    def compose(self) -> ComposeResult:
        yield TitleBar()
        # A tab strip over panes that are shown and hidden (not TabbedContent): far fewer
        # widgets to build, lay out and paint when the calendar opens.
        yield TabStrip(("tab-calendar", _("Calendar")), ("tab-library", _("Library")), id="cal-tabs")
        app = self.advocacy
        yield CalendarPane(PostRepo(app.store), app.settings, app.clock.today(), id="cal-pane")
        yield LibraryPane(LibraryRepo(app.store), id="lib-pane")  # filled when the tab first opens
        yield KeyBar()

    @property
    def calendar(self) -> CalendarPane:
        return self.query_one("#cal-pane", CalendarPane)

    @property
    def library(self) -> LibraryPane:
        return self.query_one("#lib-pane", LibraryPane)

    @property
    def on_library(self) -> bool:
        return self.query_one("#cal-tabs", TabStrip).active == "tab-library"

    @property
    def pane(self) -> CalendarPane | LibraryPane:
        return self.library if self.on_library else self.calendar

    # what the calendar pane shows, read by tests and by the library's "use as draft"
    @property
    def grid(self) -> MonthGrid:
        return self.calendar.grid

    @property
    def week(self) -> OptionList:
        return self.calendar.week

    @property
    def cursor(self) -> date:
        return self.calendar.cursor

    @property
    def rows(self) -> list[CalendarRow]:
        return self.calendar.rows

    @property
    def moving(self) -> int | None:
        return self.calendar.moving

    @property
    def loaded_range(self) -> tuple[date, date] | None:
        return self.calendar.loaded_range

    @property
    def lib_table(self) -> VirtualTable:
        return self.library.table

    @property
    def settings(self) -> Settings:
        return self.calendar.settings

    @property
    def filter(self) -> PostFilter:
        return self.calendar.filter

    @filter.setter
    def filter(self, chosen: PostFilter) -> None:
        self.calendar.filter = chosen

    def go_to(self, day: date) -> None:
        self.calendar.go_to(day)

    def reload(self) -> None:
        self.calendar.reload()

    def edit_post(self, post_id: int) -> None:
        self.calendar.records.edit(post_id)

    def on_mount(self) -> None:
        self.calendar.reload()
        self.grid.focus()

    def shown_again(self) -> None:
        self.calendar.reload()

    def help_text(self) -> str:
        return _(self.pane.HELP)

    def show_tab(self, tab: str) -> None:
        self.query_one("#cal-tabs", TabStrip).active = tab

    def action_switch_tab(self) -> None:
        self.show_tab("tab-calendar" if self.on_library else "tab-library")

    @on(TabStrip.Activated, "#cal-tabs")
    async def _tab_changed(self, event: TabStrip.Activated) -> None:
        library = self.on_library
        self.calendar.display = not library
        self.library.display = library
        if library:
            await self.library.build()
            self.sub_title = _("Library")
        else:
            if self.is_mounted and self.focused is not self.grid:
                self.calendar.focus_view()
            self.calendar.show_title()
        self.refresh_bindings()

    def palette_commands(self) -> Iterable[SystemCommand]:
        return self.pane.palette_commands()

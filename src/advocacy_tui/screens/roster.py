"""The roster: every ambassador, owner and manager of the program."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery, RosterRow
from advocacy_tui.data.involvement import InvolvementRepo
from advocacy_tui.data.onboarding import OnboardingRepo
from advocacy_tui.data.store import ChangedMeanwhile
from advocacy_tui.data.today import TodayRepo
from advocacy_tui.data.users import history
from advocacy_tui.domain.ambassadors import ROLE_LABELS, STATUS_LABELS, Ambassador
from advocacy_tui.domain.involvement import QUIET_DAYS, Involvement, is_quiet, last_active_text
from advocacy_tui.domain.onboarding import STUCK_DAYS, days_stuck, progress_text, stuck_text
from advocacy_tui.i18n import _
from advocacy_tui.screens.base import SectionScreen, typing_in
from advocacy_tui.screens.roster_detail import (
    Checklist,
    InvolvementLog,
    PersonDetail,
)
from advocacy_tui.widgets.key_bar import KeyBar
from advocacy_tui.widgets.tab_strip import TabStrip
from advocacy_tui.widgets.title_bar import TitleBar
from advocacy_tui.widgets.virtual_table import Column, VirtualTable

if TYPE_CHECKING:
    from advocacy_tui.screens.stakeholders import StakeholderView

ALL_COLUMNS = [
    Column("name", "Name", None, min_width=14),
    Column("role", "Role", 10),
    Column("department", "Department", None, min_width=10),
    Column("status", "Status", 10),
    Column("steps", "Steps", 5, sortable=False),
    Column("stuck", "Stuck", 11, sortable=False),
    Column("last_active", "Last active", 11, sortable=False),
]
COLUMNS = ALL_COLUMNS
NARROW_COLUMNS = [column for column in ALL_COLUMNS if column.key != "department"]
WIDE_TABLE = 96  # below this many cells the department moves to the detail pane
SIDE_PANE = 150  # from this terminal width the detail pane sits beside the table
SORT_ORDER = ["name", "role", "department", "status"]
LOG_IN_PANE = 50


def row_cells(row: RosterRow, today: date) -> dict[str, str]:
    """The cells of one fetched row (computed for the visible page only)."""
    last = row.last_active_on
    return {
        "name": row.name,
        "role": ROLE_LABELS.get(row.role, row.role),
        "department": row.department,
        "status": STATUS_LABELS.get(row.status, row.status),
        "steps": "" if row.status == "candidate" and not row.onboarding_done
        else progress_text(row.onboarding_done),
        "stuck": stuck_text(days_stuck(row.onboarding, today)),
        "last_active": last_active_text(last, today, quiet=is_quiet(row.status, last, today, row.since),
                                        ago=False),
    }


class RosterSource:
    """Feeds the virtual table from the ambassadors table, one block at a time."""

    def __init__(self, repo: AmbassadorRepo, query: RosterQuery) -> None:
        self.repo = repo
        self.query = query
        self.keys = [column.key for column in ALL_COLUMNS]

    def count(self) -> int:
        return self.repo.count(self.query)

    def fetch(self, offset: int, limit: int) -> list[tuple[int, Sequence[str]]]:
        today = self.query.today or date.today()
        result = []
        for row in self.repo.page(self.query, offset, limit):
            cells = row_cells(row, today)
            result.append((row.id, [cells[key] for key in self.keys]))
        return result


class RosterScreen(SectionScreen):
    STYLESHEET = "roster"
    AUTO_FOCUS = "#roster-table"
    HELP = f"""\
# Roster

Everyone in the program: ambassadors, and also the **owners** and **managers**, who
should be the first to take part (a program whose leaders stay silent looks staged).
Two tabs: **People** and the **Stakeholder map** (`t` switches).

## People

* Type in the search box (`/`) to find people by name, email or department. Diacritics
  do not matter: `lukasz` finds *Łukasz*.
* `f` opens the filters: role, status, department, *stuck in onboarding* and *quiet*.
  Active filters are written above the table; Esc clears the search, then the filters.
* Click a column title or press `s` to sort; press `s` again to reverse.
* `a` adds a person, `e` or Enter edits the highlighted one, `d` deletes (their
  checklist and log go with them).

## Onboarding and involvement (the pane below the table)

* **Steps** shows the onboarding checklist done, e.g. `4/6`: profile ready, topics and
  content library shown, platform training, language and hate-response rules, time
  expectations agreed, first post published.
* `o` moves to the checklist: Space or Enter ticks a step (it stores today's date) or
  unticks it. Esc goes back to the table.
* **Stuck** (`⚠ 3 weeks`): the person's status is *Onboarding*, not every step is
  done, and no step was ticked for **{STUCK_DAYS} days** or more (counted from the latest
  step, or from joining when none is done yet).
* `i` records what the highlighted person did (a post, co-created content, feedback,
  helping a colleague, a meeting, a question) with a date and a note. `l` moves to their
  log, where `d` deletes an entry.
* **Last active** is the date of the newest log entry. **Quiet** (`☾`): status
  *Onboarding* or *Active* and nothing in the log for **{QUIET_DAYS} days** or more.
* Involvement is recorded, never scored: no points, no leaderboard. Rewarding single
  actions wears people out; being part of the whole process keeps them.

## Stakeholder map

The "pilgrimage" through the company: marketing, PR, communications, management, the
board and every team the program needs. Each has a stance (`✓` supportive, `–` neutral,
`?` sceptical, `✗` against, `○` not met yet), the last talk and the next step.
`a` adds, `e` or Enter edits, `d` deletes, `/` searches, `f` shows one stance at a time.
`n` gives the next step a date and makes it one of your tasks. Today shows who is against,
not met yet, or not talked to for more than `stale_talk_days` days (60 by default).

Email addresses are optional but unique; LinkedIn must be a profile address;
dates can be written as 31.12.2026 or 2026-12-31. Everything is saved in the
program's database file as soon as you confirm.
"""

    BINDINGS = [
        Binding("a", "add", "Add", id="roster.add", tooltip="Add a person to the roster"),
        Binding("e", "edit", "Edit", id="roster.edit", tooltip="Edit the highlighted person"),
        # not in the key bar (F1 help and the palette list it): x Export fits at 120 columns
        Binding("d,delete", "delete", "Delete", id="roster.delete", show=False,
                tooltip="Remove the highlighted person (asks first)"),
        # priority: handled where it arrives, so "/kowal" typed in one burst all goes to the box
        Binding("slash", "focus_filter", "Search", id="roster.filter", priority=True,
                tooltip="Type to find people by name, email or department"),
        Binding("f", "filters", "Filters", id="roster.filters",
                tooltip="Show only some people: role, status, department, stuck, quiet"),
        Binding("o", "checklist", "Onboarding", id="roster.onboarding",
                tooltip="Move to the highlighted person's onboarding checklist"),
        Binding("i", "add_involvement", "Log", id="roster.involvement",
                tooltip="Record something the highlighted person did"),
        Binding("l", "focus_log", "Show log", show=False, id="roster.log",
                tooltip="Move to the highlighted person's involvement log"),
        Binding("t", "switch_tab", "Other tab", id="roster.tab",
                tooltip="Switch between people and the stakeholder map"),
        Binding("s", "sort", "Sort", show=False, id="roster.sort", tooltip="Sort by the next column"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="roster.clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = RosterQuery()
        self._shown_person: int | None = None
        self._pinned: int | None = None  # changed out of the filter, kept in the detail pane
        self._pane = "people"

    @property
    def repo(self) -> AmbassadorRepo:
        return AmbassadorRepo(self.advocacy.store)

    @property
    def today(self) -> date:
        return self.advocacy.clock.today()

    def compose(self) -> ComposeResult:
        self.query_state = replace(self.query_state, today=self.today)
        # the layout classes before anything is styled, so mounting does not restyle it all
        self._layout_classes(self.app.size.width, self.app.size.height, update=False)
        yield TitleBar()
        # A tab strip over panes that are shown and hidden, not TabbedContent: far fewer
        # widgets to build, lay out and paint, and the stakeholder map is built when first opened.
        yield TabStrip(("people", "People"), ("stakeholders", "Stakeholder map"), id="roster-tabs")
        with Vertical(id="people-pane"):
            yield Input(placeholder="Search: type a name, email or department  (/)",
                        id="filter", compact=True)
            yield Static("", id="roster-filters", markup=False)
            with Horizontal(id="roster-body"):
                self.source = RosterSource(self.repo, self.query_state)
                table = VirtualTable(COLUMNS, self.source, id="roster-table",
                                     empty_message="No one here yet. Press a to add the first person.")
                table.sort_column = "name"
                yield table
                yield PersonDetail(id="person-detail")
            yield Static("", id="roster-status", markup=False)
        yield KeyBar()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#roster-table", VirtualTable)

    @property
    def detail(self) -> PersonDetail:
        return self.query_one("#person-detail", PersonDetail)

    @property
    def stakeholders(self) -> StakeholderView:
        """The stakeholder map, which exists once its tab has been opened."""
        return self.query_one("#stakeholder-view")  # type: ignore[return-value]

    @property
    def on_people(self) -> bool:
        return self._pane == "people"

    def on_mount(self) -> None:
        self.sub_title = "Roster"
        self._fit_layout(self.size.width)
        self.refresh_rows()
        self.table.focus()

    def on_resize(self, event) -> None:
        self._fit_layout(event.size.width)

    def _fit_layout(self, width: int) -> None:
        """Detail pane beside the table on very wide terminals, below it otherwise;
        the department column only where there is room for it."""
        side = self._layout_classes(width, self.size.height)
        table_width = width - (50 if side else 0)
        columns = ALL_COLUMNS if table_width >= WIDE_TABLE else NARROW_COLUMNS
        table = self.table
        if [c.key for c in table.columns] != [c.key for c in columns]:
            table.columns = list(columns)
            self.source.keys = [c.key for c in columns]
            table.reload()

    def _layout_classes(self, width: int, height: int, *, update: bool = True) -> bool:
        side = width >= SIDE_PANE
        self.update_classes({"-side": side, "-tall": height >= 34}, update=update)
        return side

    PEOPLE_ONLY = frozenset({"checklist", "add_involvement", "focus_log"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_filter" and typing_in(self.focused):
            return False
        if action in self.PEOPLE_ONLY and self.is_mounted:
            try:
                return self.on_people
            except Exception:
                return True
        return True

    @on(TabStrip.Activated, "#roster-tabs")
    async def _tab_changed(self, event: TabStrip.Activated) -> None:
        people = event.tab == "people"
        if not people and not self.query("#stakeholder-view"):
            from advocacy_tui.data.stakeholders import StakeholderRepo
            from advocacy_tui.screens.stakeholders import StakeholderView

            view = StakeholderView(StakeholderRepo(self.advocacy.store), id="stakeholder-view")
            await self.mount(view, before=self.query_one(KeyBar))
        self.query_one("#people-pane").display = people
        if self.query("#stakeholder-view"):
            self.stakeholders.display = not people
        self._pane = event.tab
        self.refresh_bindings()
        if people:
            self.table.focus()
            self.sub_title = "Roster"
        else:
            self.stakeholders.table.focus()
            self.sub_title = "Roster · stakeholder map"

    def shown_again(self) -> None:
        self.refresh_rows(keep_key=self.table.cursor_key)

    # -- rows ------------------------------------------------------------------------

    def refresh_rows(self, *, keep_key: int | None = None) -> None:
        self.source.query = self.query_state
        table = self.table
        table.sort_column = self.query_state.sort
        table.sort_descending = self.query_state.descending
        position = None
        if keep_key is not None:
            position = self.repo.position(self.query_state, keep_key)
        if self.query_state.text.strip():
            table.empty_message = f"No one matches “{self.query_state.text.strip()}”. Esc clears the search."
        elif self.query_state.has_filters:
            table.empty_message = "No one matches these filters. f changes them, Esc clears them."
        else:
            table.empty_message = _("No one yet. Press I to import the HR file (CSV), a to add one.")
        table.reload(cursor=position)
        self._show_status()
        self.show_detail(table.cursor_key)

    def _show_status(self) -> None:
        filters = self.query_state.describe_filters()
        line = self.query_one("#roster-filters", Static)
        line.update(f" Only {filters} · f changes · Esc clears" if filters else "", layout=False)
        if line.display != bool(filters):
            line.display = bool(filters)
        shown = self.table.row_count
        narrowed = self.query_state.text.strip() or self.query_state.has_filters
        total = self.repo.total() if narrowed else shown
        order = f"sorted by {self.query_state.sort}" + (" (reversed)" if self.query_state.descending else "")
        people = "person" if total == 1 else "people"
        text = f"{total:,} {people}" if shown == total else f"{shown:,} of {total:,} {people} match"
        hint = "" if filters else " · f filters"
        self.query_one("#roster-status", Static).update(f" {text} · {order}{hint}", layout=False)

    # -- detail pane -----------------------------------------------------------------

    @on(VirtualTable.RowHighlighted)
    def _highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        if self._pinned is not None and self.focused is not self.table:
            return  # the person just changed stays until the user moves in the list
        self._pinned = None
        self.show_detail(event.key)

    def show_detail(self, key: int | None) -> None:
        """Fill the detail pane for one person: a few small indexed queries."""
        detail = self.detail
        row = self.repo.row(key) if key is not None else None
        if row is None:
            detail.show_nobody()
            return
        store = self.advocacy.store
        log = InvolvementRepo(store)
        entries = log.for_person(row.id, LOG_IN_PANE)
        total = log.count_for(row.id) if len(entries) == LOG_IN_PANE else len(entries)
        detail.show_person(row, row.email, OnboardingRepo(store).steps(row.id), entries, total,
                           self.today, changes=history(store, "ambassadors", row.id, 3),
                           mix=TodayRepo(store).person_mix(row.id))

    def _after_person_change(self) -> None:
        """Re-read the visible rows (cursor stays put) and the detail pane.

        A person who no longer matches the filter after the change stays in the detail pane
        until the user moves in the table: the next key never lands on someone else."""
        key = self.detail.person_id
        self.table.reload()
        self._show_status()
        if key is not None and self.repo.position(self.query_state, key) is None:
            self._pinned = key
            self.show_detail(key)
            row = self.repo.row(key)
            if row is not None:
                self.notify(_("{name} no longer matches the filter: shown below until you move "
                              "in the list.").format(name=row.name), markup=False)
            return
        self.show_detail(self.table.cursor_key)

    @on(Checklist.Toggled)
    def _toggle_step(self, event: Checklist.Toggled) -> None:
        key = self.detail.person_id
        if key is None or not event.step:
            return
        repo = OnboardingRepo(self.advocacy.store)
        if event.step in repo.steps(key):
            repo.untick(key, event.step)
        else:
            repo.tick(key, event.step, self.today)
        self._after_person_change()

    @on(InvolvementLog.AddRequested)
    def _log_add(self) -> None:
        self.action_add_involvement()

    @on(InvolvementLog.DeleteRequested)
    def _log_delete(self, event: InvolvementLog.DeleteRequested) -> None:
        from advocacy_tui.domain.dates import format_date
        from advocacy_tui.domain.involvement import KIND_LABELS
        from advocacy_tui.screens.modals.confirm import ConfirmDialog

        log = InvolvementRepo(self.advocacy.store)
        entry = log.get(event.entry_id)
        if entry is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                log.delete(entry.id)
                self._after_person_change()
                self.notify("Removed the entry from the log.", markup=False)

        what = f"{format_date(entry.happened_on)} · {KIND_LABELS[entry.kind]}"
        if entry.note:
            what += f": {entry.note}"
        self.app.push_screen(ConfirmDialog("Delete this log entry?", what), answered)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_state = self.query_state.with_text(event.value)
        self.refresh_rows()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.table.focus()

    def on_key(self, event) -> None:
        if event.key == "down" and self.focused is self.query_one("#filter", Input):
            self.table.focus()
            event.stop()

    @on(VirtualTable.RowSelected)
    def _open(self, event: VirtualTable.RowSelected) -> None:
        self.edit(event.key)

    @on(VirtualTable.HeaderClicked)
    def _sort_by(self, event: VirtualTable.HeaderClicked) -> None:
        self.sort_by(event.column)

    def sort_by(self, column: str) -> None:
        if column not in SORT_ORDER:
            return
        descending = not self.query_state.descending if column == self.query_state.sort else False
        self.query_state = replace(self.query_state, sort=column, descending=descending)
        self.refresh_rows(keep_key=self.table.cursor_key)

    # -- actions ---------------------------------------------------------------------

    def action_focus_filter(self) -> None:
        if not self.on_people:
            self.stakeholders.action_focus_filter()
            return
        # Focus now, not after the queued keys: "/harry" typed fast must land in the box.
        self.set_focus(self.query_one("#filter", Input))

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
        elif self.query_state.has_filters:
            self.set_filters(self.query_state.without_filters())
        self.table.focus()

    def set_filters(self, query: RosterQuery) -> None:
        self.query_state = replace(query, text=self.query_state.text, today=self.today)
        self.refresh_rows()

    def action_filters(self) -> None:
        from advocacy_tui.screens.modals.roster_filter import RosterFilterDialog

        if not self.on_people:
            self.stakeholders.action_stance_filter()
            return

        def chosen(query: RosterQuery | None) -> None:
            if query is not None:
                self.set_filters(query)
                self.table.focus()

        self.app.push_screen(RosterFilterDialog(self.query_state, self.repo.departments()), chosen)

    def action_checklist(self) -> None:
        if self.on_people and self.detail.person_id is not None:
            self.query_one(Checklist).focus()

    def action_focus_log(self) -> None:
        if self.on_people and self.detail.person_id is not None:
            self.query_one(InvolvementLog).focus()

    def action_add_involvement(self) -> None:
        from advocacy_tui.screens.modals.involvement_form import InvolvementForm

        key = self.detail.person_id if self.on_people else None
        person = self.repo.get(key) if key is not None else None
        if person is None:
            self.notify("Highlight a person first.", markup=False)
            return

        def saved(entry: Involvement | None) -> None:
            if entry is None:
                return
            InvolvementRepo(self.advocacy.store).add(entry)
            self._after_person_change()
            self.notify(f"Recorded for {person.name}.", markup=False)

        self.app.push_screen(InvolvementForm(person.id, person.name, self.today), saved)

    def show_tab(self, tab: str) -> None:
        """Open a tab by name ("people" or "stakeholders"), as Today's indicators do."""
        self.query_one("#roster-tabs", TabStrip).active = tab

    def action_switch_tab(self) -> None:
        tabs = self.query_one("#roster-tabs", TabStrip)
        tabs.active = "stakeholders" if tabs.active == "people" else "people"

    def action_sort(self) -> None:
        if not self.on_people:
            self.stakeholders.action_sort()
            return
        current = self.query_state.sort
        if not self.query_state.descending:
            self.sort_by(current)
        else:
            self.sort_by(SORT_ORDER[(SORT_ORDER.index(current) + 1) % len(SORT_ORDER)])

    def action_add(self) -> None:
        from advocacy_tui.screens.modals.ambassador_form import AmbassadorForm

        if not self.on_people:
            self.stakeholders.action_add()
            return

        def saved(ambassador: Ambassador | None) -> None:
            if ambassador is None:
                return
            new_id = self.repo.add(ambassador)
            self.refresh_rows(keep_key=new_id)
            self.notify(f"Added {ambassador.name} to the roster.", markup=False)

        self.app.push_screen(AmbassadorForm(self.repo), saved)

    def action_edit(self) -> None:
        if not self.on_people:
            self.stakeholders.action_edit()
            return
        key = self.table.cursor_key
        if key is None:
            self.notify("There is no one to edit yet: press a to add a person.", markup=False)
            return
        self.edit(key)

    def edit(self, key: int) -> None:
        from advocacy_tui.screens.modals.ambassador_form import AmbassadorForm

        current = self.repo.get(key)
        if current is None:
            self.refresh_rows()
            return

        form = AmbassadorForm(self.repo, current)

        def saved(ambassador: Ambassador | None) -> None:
            if ambassador is None:
                if form.dropped == "theirs":
                    self.refresh_rows(keep_key=key)
                    self.notify(_("Kept the version saved elsewhere; your changes were not "
                                  "saved."), markup=False)
                elif form.dropped == "removed":
                    self.refresh_rows()
                    self.notify(_("This person was removed in another tab or window; nothing "
                                  "was saved."), severity="warning", markup=False)
                return
            try:
                self.repo.update(ambassador, expected=form.base)
            except ChangedMeanwhile:
                self.refresh_rows(keep_key=key)
                self.notify(_("This person was changed again elsewhere while you chose; "
                              "nothing was saved. Open them again to see the latest."),
                            severity="warning", markup=False)
                return
            self.refresh_rows(keep_key=key)
            self.notify(f"Saved {ambassador.name}.", markup=False)

        self.app.push_screen(form, saved)

    def action_delete(self) -> None:
        from advocacy_tui.screens.modals.confirm import ConfirmDialog

        if not self.on_people:
            self.stakeholders.action_delete()
            return
        key = self.table.cursor_key
        person = self.repo.get(key) if key is not None else None
        if person is None:
            self.notify("There is no one to delete.", markup=False)
            return
        cursor = self.table.cursor

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.repo.delete(person.id)
            self.refresh_rows()
            self.table.move_cursor(cursor)
            self.notify(f"Removed {person.name} from the roster.", markup=False)

        self.app.push_screen(
            ConfirmDialog(
                "Delete this person?",
                f"{person.name} will be removed from the roster for good, with their "
                "onboarding checklist and involvement log.",
            ),
            answered,
        )

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Roster: add a person", "Open the form for a new ambassador", self.action_add)
        yield SystemCommand("Roster: edit the highlighted person", "Open the form for the selected row",
                            self.action_edit)
        yield SystemCommand("Roster: delete the highlighted person", "Asks before removing",
                            self.action_delete)
        for column in SORT_ORDER:
            yield SystemCommand(f"Roster: sort by {column}", f"Order the roster by {column}",
                                lambda column=column: self.sort_by(column))
        yield SystemCommand("Roster: filter people", "Role, status, department, stuck, quiet (f)",
                            self.action_filters)
        yield SystemCommand("Roster: show who is stuck in onboarding",
                            f"No onboarding step for {STUCK_DAYS}+ days",
                            lambda: self._quick_filter(stuck=True))
        yield SystemCommand("Roster: show who has gone quiet",
                            f"Nothing in the involvement log for {QUIET_DAYS}+ days",
                            lambda: self._quick_filter(quiet=True))
        yield SystemCommand("Roster: clear the filters", "Show everyone again",
                            lambda: self.set_filters(self.query_state.without_filters()))
        yield SystemCommand("Roster: record involvement of the highlighted person",
                            "A post, feedback, a meeting, … (i)", self.action_add_involvement)
        yield SystemCommand("Roster: stakeholder map", "Switch between people and stakeholders (t)",
                            self.action_switch_tab)

    def show_only(self, **values: object) -> None:
        """Show exactly the people these filters name (Today's Enter): other filters and the
        search are cleared, the filter line says what is shown, Esc clears it."""
        if not self.on_people:
            self.action_switch_tab()
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
        self.query_state = replace(self.query_state.without_filters(), text="")
        self.set_filters(replace(self.query_state, **values))
        self.table.focus()

    def _quick_filter(self, **flags: bool) -> None:
        query = self.query_state
        if not self.on_people:
            self.action_switch_tab()
        self.set_filters(replace(query, **flags))

    # -- files: import from CSV, export, forget a person (roster-csv) -----------------

    BINDINGS = [
        *BINDINGS,
        Binding("I", "import_file", "Import CSV", id="roster.import",
                tooltip="Import people from a CSV file (preview first)"),
        Binding("x", "export_file", "Export", id="roster.export",
                tooltip="Export the roster or the stakeholder map to CSV or JSON"),
    ]
    HELP = HELP + """
## Files

* `I` (capital i) imports people from a CSV file (from an HR system or Excel, in English or Polish):
  you see a preview and every problem before anything is written.
* `x` exports the roster or the stakeholder map to CSV or JSON, readable by you only.
* "Forget a person" in the command palette (`Ctrl+P`) erases someone and everything that
  names them (the right to erasure), after showing what would go.
"""

    def action_import_file(self) -> None:
        from advocacy_tui.screens.modals.import_dialog import ImportDialog

        def done(summary) -> None:
            if summary is None:
                return
            self.refresh_rows(keep_key=self.table.cursor_key)
            self.notify(f"Imported: {summary}.", title="Import", markup=False)

        self.app.push_screen(ImportDialog(self.advocacy.store), done)

    def action_export_file(self) -> None:
        from advocacy_tui.screens.modals.export_dialog import ExportDialog

        def done(message: str | None) -> None:
            if message:
                self.notify(message, title="Export", markup=False)

        self.app.push_screen(ExportDialog(self.advocacy.store), done)

    def action_forget_person(self) -> None:
        from advocacy_tui.screens.modals.forget_dialog import ForgetDialog

        key = self.table.cursor_key
        person = self.repo.get(key) if key is not None else None

        def done(erasure) -> None:
            if erasure is None:
                return
            self.refresh_rows()
            self.notify(f"Erased {erasure.name} and everything that named them.", title="Forget",
                        markup=False)

        self.app.push_screen(ForgetDialog(self.advocacy.store, (person.email or "") if person else ""), done)

    _palette_before_files = palette_commands

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield from self._palette_before_files()
        yield SystemCommand("Roster: import from CSV", "Add or update people from a CSV file (key I)",
                            self.action_import_file)
        yield SystemCommand("Roster: export", "Write the roster or stakeholders to CSV or JSON (key x)",
                            self.action_export_file)
        yield SystemCommand("Forget a person", "Erase someone and everything that names them",
                            self.action_forget_person)

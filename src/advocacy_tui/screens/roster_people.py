"""The people tab of the roster: the table of everyone, the search box, the filters and the
detail pane (onboarding checklist, involvement log), with its own keys, help and commands."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery, RosterRow
from advocacy_tui.data.groups import GroupRepo
from advocacy_tui.data.ideas import ideas_for
from advocacy_tui.data.involvement import InvolvementRepo
from advocacy_tui.data.onboarding import OnboardingRepo
from advocacy_tui.data.post_figures import person_totals
from advocacy_tui.data.store import ChangedMeanwhile
from advocacy_tui.data.today import TodayRepo
from advocacy_tui.data.users import history
from advocacy_tui.domain.ambassadors import ROLE_LABELS, STATUS_LABELS, Ambassador
from advocacy_tui.domain.involvement import QUIET_DAYS, is_quiet, last_active_text
from advocacy_tui.domain.onboarding import STUCK_DAYS, days_stuck, progress_text, stuck_text
from advocacy_tui.domain.today import usual_active
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, ngettext
from advocacy_tui.screens.base import plain, typing_in
from advocacy_tui.screens.crud import Records
from advocacy_tui.screens.roster_detail import Checklist, InvolvementLog, PersonDetail
from advocacy_tui.widgets.virtual_table import Column, VirtualTable

if TYPE_CHECKING:
    from advocacy_tui.app import AdvocacyApp

ALL_COLUMNS = [
    Column("name", N_("Name"), None, min_width=14),
    Column("role", N_("Role"), 10),
    Column("department", N_("Department"), None, min_width=10),
    Column("status", N_("Status"), 10),
    Column("steps", N_("Steps"), 5, sortable=False),
    Column("stuck", N_("Stuck"), 11, sortable=False),
    Column("last_active", N_("Last active"), 11, sortable=False),
]
COLUMNS = ALL_COLUMNS
NARROW_COLUMNS = [column for column in ALL_COLUMNS if column.key != "department"]
WIDE_TABLE = 96  # below this many cells the department moves to the detail pane
SIDE_PANE = 150  # from this terminal width the detail pane sits beside the table
SORT_ORDER = ["name", "role", "department", "status"]
SORT_NAMES = {"name": N_("name"), "role": N_("role"), "department": N_("department"),
              "status": N_("status")}
LOG_IN_PANE = 50



FUNNEL_HELP = N_("""\
## Recruitment funnel

* `r` shows how many people are candidates, invited, in onboarding and active, against
  the {usual} of employees who become active in most companies (event poll, 2015). Set the
  number of employees in the program settings (`Ctrl+P`, "Program settings").
* It counts how many candidates someone recommended (the person's *Recommended by*), never
  who recommended most, and lists the invitation waves: each day people were invited, how
  many, and how many of them are active now. The day is set when a status becomes
  *Invited*, or typed on the person's form.
""")

PEOPLE_HELP = N_("""\
## People

* Type in the search box (`/`) to find people by name, email or department. Diacritics
  do not matter: `lukasz` finds *Łukasz*.
* `f` opens the filters: role, status, department, group, language, when they joined (from and
  to: a cohort), *stuck in onboarding* and *quiet*.
  Active filters are written above the table; Esc clears the search, then the filters.
* Groups (a cohort, a team, "sales ambassadors", a language): `g` puts the highlighted
  person in a group (chosen from the list, or typed as a new name) or takes them out; `G`
  lists every group: Enter shows its members, `a` adds, `r` renames, `d` deletes, and `n`
  makes a group of everyone the roster shows now (search and filters). Groups filter the
  roster (`f`) and sum the program's outcomes; they never rank anyone.
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
  done, and no step was ticked for **{stuck_days} days** or more (counted from the latest
  step, or from joining when none is done yet).
* `i` records what the highlighted person did (a post, co-created content, feedback,
  helping a colleague, a meeting, a question) with a date and a note. `l` moves to their
  log, where `d` deletes an entry.
* **Last active** is the date of the newest log entry. **Quiet** (`☾`): status
  *Onboarding* or *Active* and nothing in the log for **{quiet_days} days** or more.
* **Topics**, formats and languages say what a person can write about, and how; the
  form completes a topic from the ones already used (→ takes it). `n` shows the ideas
  that fit them: library items and open post ideas on their topics, in a format and
  language they take, that they have not used yet. Enter plans one as their draft. For
  someone quiet it also writes a short nudge with two ideas (`c` copies it).
* Involvement is recorded, never scored: no points, no leaderboard. Rewarding single
  actions wears people out; being part of the whole process keeps them.
""")

def columns_for(table_width: int) -> list[Column]:
    """The department column only where there is room for it, titled in the language in use."""
    columns = ALL_COLUMNS if table_width >= WIDE_TABLE else NARROW_COLUMNS
    return [replace(column, label=_(column.label)) for column in columns]


def row_cells(row: RosterRow, today: date) -> dict[str, str]:
    """The cells of one fetched row (computed for the visible page only)."""
    last = row.last_active_on
    return {
        "name": row.name,
        "role": _(ROLE_LABELS.get(row.role, row.role)),
        "department": row.department,
        "status": _(STATUS_LABELS.get(row.status, row.status)),
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
        result: list[tuple[int, Sequence[str]]] = []
        for row in self.repo.page(self.query, offset, limit):
            cells = row_cells(row, today)
            result.append((row.id, [cells[key] for key in self.keys]))
        return result


def status_words(query: RosterQuery, shown: int, total: int) -> str:
    """The line under the roster: " 12 of 41 people match · sorted by name · f filters"."""
    column = _(SORT_NAMES.get(query.sort, query.sort))
    order = (_("sorted by {column} (reversed)") if query.descending else _("sorted by {column}")).format(column=column)
    if shown == total:
        text = ngettext("{n} person", "{n} people", total).format(n=format_number(total))
    else:
        text = ngettext("{shown} of {n} person match", "{shown} of {n} people match", total).format(
            shown=format_number(shown), n=format_number(total))
    hint = "" if query.describe_filters() else _(" · f filters")
    return f" {text} · {order}{hint}"


class PeoplePane(Vertical):
    """Everyone in the program, searched, filtered and sorted in SQL, one page at a time."""

    HELP: ClassVar[str] = PEOPLE_HELP

    BINDINGS = [
        Binding("a", "add", N_("Add"), id="roster.add", tooltip=N_("Add a person to the roster")),
        Binding("e", "edit", N_("Edit"), id="roster.edit", tooltip=N_("Edit the highlighted person")),
        # not in the key bar (F1 help and the palette list it): x Export fits at 120 columns
        Binding("d,delete", "delete", N_("Delete"), id="roster.delete", show=False,
                tooltip=N_("Remove the highlighted person (asks first)")),
        # priority: handled where it arrives, so "/kowal" typed in one burst all goes to the box
        Binding("slash", "focus_filter", N_("Search"), id="roster.filter", priority=True,
                tooltip=N_("Type to find people by name, email or department")),
        # not in the key bar (F1 help and the palette list them): it would push o and i out at 80 columns
        Binding("g", "groups_of_person", N_("Groups"), show=False, id="roster.groups",
                tooltip=N_("Put the highlighted person in a group, or take them out")),
        Binding("G", "groups", N_("All groups"), show=False, id="roster.all_groups",
                tooltip=N_("Every group: add, rename, delete, show one, make one of the people shown")),
        Binding("f", "filters", N_("Filters"), id="roster.filters",
                tooltip=N_("Show only some people: role, status, department, stuck, quiet")),
        Binding("o", "checklist", N_("Onboarding"), id="roster.onboarding",
                tooltip=N_("Move to the highlighted person's onboarding checklist")),
        Binding("i", "add_involvement", N_("Log"), id="roster.involvement",
                tooltip=N_("Record something the highlighted person did")),
        Binding("n", "ideas", N_("Ideas"), show=False, id="roster.ideas",
                tooltip=N_("Ideas that fit the highlighted person, and a nudge when they are quiet")),
        Binding("l", "focus_log", N_("Show log"), show=False, id="roster.log",
                tooltip=N_("Move to the highlighted person's involvement log")),
        Binding("r", "funnel", N_("Funnel"), show=False, id="roster.funnel",
                tooltip=N_("The recruitment funnel: candidates, invited, onboarding, active; the invitation waves")),
        Binding("s", "sort", N_("Sort"), show=False, id="roster.sort",
                tooltip=N_("Sort by the next column")),
        Binding("escape", "clear_filter", N_("Clear filter"), show=False, id="roster.clear"),
    ]

    def __init__(self, repo: AmbassadorRepo, today: date, width: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.repo = repo
        self.query_state = RosterQuery(today=today)
        self.source = RosterSource(repo, self.query_state)
        self._width = width
        self._pinned: int | None = None  # changed out of the filter, kept in the detail pane

    @property
    def advocacy(self) -> AdvocacyApp:
        return cast("AdvocacyApp", self.app)

    @property
    def today(self) -> date:
        return self.advocacy.clock.today()

    def help_text(self) -> str:
        return "\n".join([_(self.HELP).format(stuck_days=STUCK_DAYS, quiet_days=QUIET_DAYS),
                          _(FUNNEL_HELP).format(usual=usual_active())])

    def action_funnel(self) -> None:
        from advocacy_tui.screens.modals.funnel_dialog import FunnelDialog

        self.app.push_screen(FunnelDialog(self.repo.store))

    def compose(self) -> ComposeResult:
        yield Input(placeholder=_("Search: type a name, email or department  (/)"),
                    id="filter", compact=True)
        yield Static("", id="roster-filters", markup=False)
        with Horizontal(id="roster-body"):
            # the columns that fit now, so the first load is the only one
            columns = columns_for(self._width)
            self.source.keys = [column.key for column in columns]
            table = VirtualTable(columns, self.source, id="roster-table",
                                 empty_message=_("No one here yet. Press a to add the first person."))
            table.sort_column = "name"
            yield table
            yield PersonDetail(id="person-detail")
        yield Static("", id="roster-status", markup=False)

    def on_mount(self) -> None:
        self.refresh_rows()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#roster-table", VirtualTable)

    @property
    def detail(self) -> PersonDetail:
        return self.query_one("#person-detail", PersonDetail)

    def fit_columns(self, table_width: int) -> None:
        columns = columns_for(table_width)
        table = self.table
        if [c.key for c in table.columns] != [c.key for c in columns]:
            table.columns = list(columns)
            self.source.keys = [c.key for c in columns]
            table.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "focus_filter" and typing_in(self.screen.focused))

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
            table.empty_message = _("No one matches “{text}”. Esc clears the search.").format(
                text=self.query_state.text.strip())
        elif self.query_state.has_filters:
            table.empty_message = _("No one matches these filters. f changes them, Esc clears them.")
        else:
            table.empty_message = _("No one yet. Press I to import the HR file (CSV), a to add one.")
        table.reload(cursor=position)
        self._show_status()
        self.show_detail(table.cursor_key)

    def _show_status(self) -> None:
        filters = self.query_state.describe_filters()
        line = self.query_one("#roster-filters", Static)
        line.update(_(" Only {filters} · f changes · Esc clears").format(filters=filters) if filters else "",
                    layout=False)
        if line.display != bool(filters):
            line.display = bool(filters)
        shown = self.table.row_count
        narrowed = self.query_state.text.strip() or self.query_state.has_filters
        total = self.repo.total() if narrowed else shown
        self.query_one("#roster-status", Static).update(plain(status_words(self.query_state, shown, total)),
                                                        layout=False)

    # -- detail pane -----------------------------------------------------------------

    @on(VirtualTable.RowHighlighted)
    def _highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        if self._pinned is not None and self.screen.focused is not self.table:
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
        person = self.repo.get(row.id)
        detail.show_person(row, row.email, OnboardingRepo(store).steps(row.id), entries, total,
                           self.today, changes=history(store, "ambassadors", row.id, 3),
                           mix=TodayRepo(store).person_mix(row.id),
                           figures=person_totals(store, row.id), person=person,
                           ideas=len(ideas_for(store, row.id)) if person and person.topics else 0,
                           groups=[group.name for group in GroupRepo(store).groups_of(row.id)])

    def after_person_change(self) -> None:
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

    @on(PersonDetail.Changed)
    def _person_changed(self) -> None:
        self.after_person_change()

    # -- search box and table --------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_state = self.query_state.with_text(event.value)
        self.refresh_rows()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.table.focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.screen.focused is self.query_one("#filter", Input):
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
        # Focus now, not after the queued keys: "/harry" typed fast must land in the box.
        self.screen.set_focus(self.query_one("#filter", Input))

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

        def chosen(query: RosterQuery | None) -> None:
            if query is not None:
                self.set_filters(query)
                self.table.focus()

        self.app.push_screen(RosterFilterDialog(self.query_state, self.repo.departments(),
                                                GroupRepo(self.advocacy.store).groups()), chosen)

    def action_groups_of_person(self) -> None:
        from advocacy_tui.screens.roster_actions import person_groups

        person_groups(self)

    def action_groups(self) -> None:
        from advocacy_tui.screens.roster_actions import list_groups

        list_groups(self)

    def action_group_from_filter(self) -> None:
        from advocacy_tui.screens.roster_actions import group_from_filter

        group_from_filter(self)

    def show_only(self, **values: object) -> None:
        """Show exactly the people these filters name: other filters and the search are
        cleared, the filter line says what is shown, Esc clears it."""
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
        self.query_state = replace(self.query_state.without_filters(), text="")
        self.set_filters(replace(self.query_state, **values))  # type: ignore[arg-type]
        self.table.focus()

    def quick_filter(self, **flags: bool) -> None:
        self.set_filters(replace(self.query_state, **flags))  # type: ignore[arg-type]

    def action_checklist(self) -> None:
        if self.detail.person_id is not None:
            self.query_one(Checklist).focus()

    def action_focus_log(self) -> None:
        if self.detail.person_id is not None:
            self.query_one(InvolvementLog).focus()

    def action_add_involvement(self) -> None:
        self.detail.add_involvement()

    def action_ideas(self) -> None:
        from advocacy_tui.screens.roster_actions import ideas

        ideas(self)

    def action_sort(self) -> None:
        current = self.query_state.sort
        if not self.query_state.descending:
            self.sort_by(current)
        else:
            self.sort_by(SORT_ORDER[(SORT_ORDER.index(current) + 1) % len(SORT_ORDER)])

    @property
    def records(self) -> Records[Ambassador]:
        from advocacy_tui.screens.modals.ambassador_form import AmbassadorForm

        return Records(
            self, "person", load=self.repo.get,
            form=lambda person: AmbassadorForm(self.repo, person),
            insert=self.repo.add,
            update=lambda person, expected: self.repo.update(person, expected=expected),
            remove=self.repo.delete, refresh=self._refresh,
            added_text=lambda p: _("Added {name} to the roster.").format(name=p.name),
            saved_text=lambda p: _("Saved {name}.").format(name=p.name),
            removed_text=lambda p: _("Removed {name} from the roster.").format(name=p.name))

    def _refresh(self, key: int | None) -> None:
        """The list again, the cursor on ``key`` or, without one, on the same line."""
        if key is not None:
            self.refresh_rows(keep_key=key)
            return
        cursor = self.table.cursor
        self.refresh_rows()
        self.table.move_cursor(cursor)

    def action_add(self) -> None:
        self.records.add()

    def action_edit(self) -> None:
        key = self.table.cursor_key
        if key is None:
            self.notify(_("There is no one to edit yet: press a to add a person."), markup=False)
            return
        self.edit(key)

    def edit(self, key: int) -> None:
        """The person's form. It checks for a change made elsewhere itself (field by field,
        before it closes), so the edit is saved here rather than through ``Records.edit``."""
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
            self.notify(_("Saved {name}.").format(name=ambassador.name), markup=False)

        self.app.push_screen(form, saved)

    def action_delete(self) -> None:
        key = self.table.cursor_key
        person = self.repo.get(key) if key is not None else None
        if key is None or person is None:
            self.notify(_("There is no one to delete."), markup=False)
            return
        self.records.delete(key, _("Delete this person?"),
                            _("{name} will be removed from the roster for good, with their "
                              "onboarding checklist and involvement log.").format(name=person.name))

    def palette_commands(self) -> Iterable[SystemCommand]:
        from advocacy_tui.screens.roster_actions import people_commands

        yield from people_commands(self)

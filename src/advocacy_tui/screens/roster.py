"""The roster: every ambassador, owner and manager of the program."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import Footer, Header, Input, Static

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
from advocacy_tui.domain.ambassadors import ROLE_LABELS, STATUS_LABELS, Ambassador
from advocacy_tui.screens.base import SectionScreen
from advocacy_tui.widgets.virtual_table import Column, VirtualTable

COLUMNS = [
    Column("name", "Name", None, min_width=16),
    Column("role", "Role", 11),
    Column("department", "Department", None, min_width=10),
    Column("status", "Status", 11),
]
SORT_ORDER = [column.key for column in COLUMNS]


class RosterSource:
    """Feeds the virtual table from the ambassadors table, one block at a time."""

    def __init__(self, repo: AmbassadorRepo, query: RosterQuery) -> None:
        self.repo = repo
        self.query = query

    def count(self) -> int:
        return self.repo.count(self.query)

    def fetch(self, offset: int, limit: int) -> list[tuple[int, Sequence[str]]]:
        return [
            (row.id, (row.name, ROLE_LABELS[row.role], row.department, STATUS_LABELS[row.status]))
            for row in self.repo.page(self.query, offset, limit)
        ]


class RosterScreen(SectionScreen):
    HELP = """\
# Roster

Everyone in the program: ambassadors, and also the **owners** and **managers**, who
should be the first to take part (a program whose leaders stay silent looks staged).

* Type in the filter box to find people by name, email or department. Diacritics
  do not matter: `lukasz` finds *Łukasz*.
* Click a column title or press `s` to sort; press `s` again to reverse.
* `a` adds a person, `e` or Enter edits the highlighted one, `d` deletes.
* Email addresses are optional but unique; LinkedIn must be a profile address;
  dates can be written as 31.12.2026 or 2026-12-31.

Everything is saved in the program's database file as soon as you confirm.
"""

    BINDINGS = [
        Binding("a", "add", "Add", id="roster.add", tooltip="Add a person to the roster"),
        Binding("e", "edit", "Edit", id="roster.edit", tooltip="Edit the highlighted person"),
        Binding("d,delete", "delete", "Delete", id="roster.delete",
                tooltip="Remove the highlighted person (asks first)"),
        Binding("slash", "focus_filter", "Filter", id="roster.filter",
                tooltip="Type to filter by name, email or department"),
        Binding("s", "sort", "Sort", id="roster.sort", tooltip="Sort by the next column"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="roster.clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = RosterQuery()

    @property
    def repo(self) -> AmbassadorRepo:
        return AmbassadorRepo(self.advocacy.store)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter: type a name, email or department  (/)", id="filter",
                    compact=True)
        self.source = RosterSource(self.repo, self.query_state)
        table = VirtualTable(COLUMNS, self.source, id="roster-table",
                             empty_message="No one here yet. Press a to add the first person.")
        table.sort_column = "name"
        yield table
        yield Static("", id="roster-status", markup=False)
        yield Footer()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#roster-table", VirtualTable)

    def on_mount(self) -> None:
        self.sub_title = "Roster"
        self.refresh_rows()
        self.table.focus()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
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
            table.empty_message = f"No one matches “{self.query_state.text.strip()}”. Esc clears the filter."
        else:
            table.empty_message = "No one here yet. Press a to add the first person."
        table.reload(cursor=position)
        self._show_status()

    def _show_status(self) -> None:
        shown = self.table.row_count
        total = self.repo.total() if self.query_state.text.strip() else shown
        order = f"sorted by {self.query_state.sort}" + (" (reversed)" if self.query_state.descending else "")
        people = "person" if total == 1 else "people"
        text = f"{total:,} {people}" if shown == total else f"{shown:,} of {total:,} {people} match"
        self.query_one("#roster-status", Static).update(f" {text} · {order}")

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
        from dataclasses import replace

        descending = not self.query_state.descending if column == self.query_state.sort else False
        self.query_state = replace(self.query_state, sort=column, descending=descending)
        self.refresh_rows(keep_key=self.table.cursor_key)

    # -- actions ---------------------------------------------------------------------

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
        self.table.focus()

    def action_sort(self) -> None:
        current = self.query_state.sort
        if not self.query_state.descending:
            self.sort_by(current)
        else:
            self.sort_by(SORT_ORDER[(SORT_ORDER.index(current) + 1) % len(SORT_ORDER)])

    def action_add(self) -> None:
        from advocacy_tui.screens.modals.ambassador_form import AmbassadorForm

        def saved(ambassador: Ambassador | None) -> None:
            if ambassador is None:
                return
            new_id = self.repo.add(ambassador)
            self.refresh_rows(keep_key=new_id)
            self.notify(f"Added {ambassador.name} to the roster.", markup=False)

        self.app.push_screen(AmbassadorForm(self.repo), saved)

    def action_edit(self) -> None:
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

        def saved(ambassador: Ambassador | None) -> None:
            if ambassador is None:
                return
            self.repo.update(ambassador)
            self.refresh_rows(keep_key=key)
            self.notify(f"Saved {ambassador.name}.", markup=False)

        self.app.push_screen(AmbassadorForm(self.repo, current), saved)

    def action_delete(self) -> None:
        from advocacy_tui.screens.modals.confirm import ConfirmDialog

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
                f"{person.name} will be removed from the roster for good.",
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

    # -- files: import from CSV, export, forget a person (roster-csv) -----------------

    BINDINGS = [
        *BINDINGS,
        Binding("i", "import_file", "Import", id="roster.import",
                tooltip="Import people from a CSV file (preview first)"),
        Binding("x", "export_file", "Export", id="roster.export",
                tooltip="Export the roster or the stakeholder map to CSV or JSON"),
    ]
    HELP = HELP + """
## Files

* `i` imports people from a CSV file (from an HR system or Excel, in English or Polish):
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
        yield SystemCommand("Roster: import from CSV", "Add or update people from a CSV file (key i)",
                            self.action_import_file)
        yield SystemCommand("Roster: export", "Write the roster or stakeholders to CSV or JSON (key x)",
                            self.action_export_file)
        yield SystemCommand("Forget a person", "Erase someone and everything that names them",
                            self.action_forget_person)

"""The roster section: a title bar, a tab strip and two panes, the people
(:class:`~advocacy_tui.screens.roster_people.PeoplePane`) and the stakeholder map
(:class:`~advocacy_tui.screens.stakeholders.StakeholderPane`).

Each pane owns its keys, its help and its palette commands, as frogmouth's panes do: the
keys of the open pane are active because the focus is inside it, and F1 and the palette show
the open pane's. The screen keeps what belongs to the whole section: switching tabs and the
files (import, export, forget a person).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _
from advocacy_tui.screens.base import SectionScreen
from advocacy_tui.screens.roster_detail import PersonDetail
from advocacy_tui.screens.roster_people import (  # noqa: F401  (the names other modules use)
    ALL_COLUMNS,
    COLUMNS,
    NARROW_COLUMNS,
    SIDE_PANE,
    SORT_ORDER,
    WIDE_TABLE,
    PeoplePane,
    RosterSource,
    row_cells,
)
from advocacy_tui.widgets.key_bar import KeyBar
from advocacy_tui.widgets.tab_strip import TabStrip
from advocacy_tui.widgets.title_bar import TitleBar
from advocacy_tui.widgets.virtual_table import VirtualTable

if TYPE_CHECKING:
    from advocacy_tui.data.csv_io import ImportSummary
    from advocacy_tui.data.forget import Erasure
    from advocacy_tui.screens.stakeholders import StakeholderPane

DETAIL_BESIDE = 50  # cells the detail pane takes beside the table on wide terminals


class RosterScreen(SectionScreen):
    STYLESHEET = "roster"
    AUTO_FOCUS = "#roster-table"
    HELP: ClassVar[str] = N_("""\
# Roster

Everyone in the program: ambassadors, and also the **owners** and **managers**, who
should be the first to take part (a program whose leaders stay silent looks staged).
Two tabs: **People** and the **Stakeholder map** (`t` switches).
""")
    FILES_HELP: ClassVar[str] = N_("""\
Email addresses are optional but unique; LinkedIn must be a profile address;
dates can be written as 31.12.2026 or 2026-12-31. Everything is saved in the
program's database file as soon as you confirm.

## Files

* `I` (capital i) imports people from a CSV file (from an HR system or Excel, in English or Polish):
  you see a preview and every problem before anything is written.
* `x` exports the roster or the stakeholder map to CSV or JSON, readable by you only.
* "Forget a person" in the command palette (`Ctrl+P`) erases someone and everything that
  names them (the right to erasure), after showing what would go.
""")

    # the section's own keys; each pane brings its own (PeoplePane, StakeholderPane)
    BINDINGS = [
        Binding("t", "switch_tab", N_("Other tab"), id="roster.tab",
                tooltip=N_("Switch between people and the stakeholder map")),
        Binding("I", "import_file", N_("Import CSV"), id="roster.import",
                tooltip=N_("Import people from a CSV file (preview first)")),
        Binding("x", "export_file", N_("Export"), id="roster.export",
                tooltip=N_("Export the roster or the stakeholder map to CSV or JSON")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._pane = "people"

    @property
    def repo(self) -> AmbassadorRepo:
        return AmbassadorRepo(self.advocacy.store)

    def compose(self) -> ComposeResult:
        width, height = self.app.size
        # the layout classes before anything is styled, so mounting does not restyle it all
        side = self._layout_classes(width, height, update=False)
        yield TitleBar()
        # A tab strip over panes that are shown and hidden, not TabbedContent: far fewer
        # widgets to build, lay out and paint, and the stakeholder map is built when first opened.
        yield TabStrip(("people", _("People")), ("stakeholders", _("Stakeholder map")), id="roster-tabs")
        yield PeoplePane(self.repo, self.advocacy.clock.today(), width - (DETAIL_BESIDE if side else 0),
                         id="people-pane")
        yield KeyBar()

    # -- the panes, and what other sections and tests reach through the screen --------

    @property
    def people(self) -> PeoplePane:
        return self.query_one("#people-pane", PeoplePane)

    @property
    def stakeholders(self) -> StakeholderPane:
        """The stakeholder map, which exists once its tab has been opened."""
        from advocacy_tui.screens.stakeholders import StakeholderPane

        return self.query_one("#stakeholder-view", StakeholderPane)

    @property
    def on_people(self) -> bool:
        return self._pane == "people"

    @property
    def active_pane(self) -> PeoplePane | StakeholderPane:
        return self.people if self.on_people else self.stakeholders

    @property
    def table(self) -> VirtualTable:
        return self.people.table

    @property
    def detail(self) -> PersonDetail:
        return self.people.detail

    @property
    def query_state(self) -> RosterQuery:
        """What the people tab shows (search, filters, order)."""
        return self.people.query_state

    def edit(self, key: int) -> None:
        self.people.edit(key)

    def _quick_filter(self, **flags: bool) -> None:
        """One filter added to the people shown, opening their tab if needed."""
        if not self.on_people:
            self.action_switch_tab()
        self.people.quick_filter(**flags)

    def refresh_rows(self, *, keep_key: int | None = None) -> None:
        self.people.refresh_rows(keep_key=keep_key)

    # -- layout ----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.sub_title = _("Roster")
        self._fit_layout(self.size.width)
        self.table.focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_layout(event.size.width)

    def _fit_layout(self, width: int) -> None:
        """Detail pane beside the table on very wide terminals, below it otherwise;
        the department column only where there is room for it."""
        side = self._layout_classes(width, self.size.height)
        self.people.fit_columns(width - (DETAIL_BESIDE if side else 0))

    def _layout_classes(self, width: int, height: int, *, update: bool = True) -> bool:
        side = width >= SIDE_PANE
        self.update_classes({"-side": side, "-tall": height >= 34}, update=update)
        return side

    def shown_again(self) -> None:
        self.refresh_rows(keep_key=self.table.cursor_key)

    # -- tabs ------------------------------------------------------------------------

    @on(TabStrip.Activated, "#roster-tabs")
    async def _tab_changed(self, event: TabStrip.Activated) -> None:
        people = event.tab == "people"
        if not people and not self.query("#stakeholder-view"):
            from advocacy_tui.data.stakeholders import StakeholderRepo
            from advocacy_tui.screens.stakeholders import StakeholderPane

            view = StakeholderPane(StakeholderRepo(self.advocacy.store), id="stakeholder-view")
            await self.mount(view, before=self.query_one(KeyBar))
        self.people.display = people
        if self.query("#stakeholder-view"):
            self.stakeholders.display = not people
        self._pane = event.tab
        self.refresh_bindings()
        if people:
            self.table.focus()
            self.sub_title = _("Roster")
        else:
            self.stakeholders.table.focus()
            self.sub_title = _("Roster · stakeholder map")

    def show_tab(self, tab: str) -> None:
        """Open a tab by name ("people" or "stakeholders"), as Today's indicators do."""
        self.query_one("#roster-tabs", TabStrip).active = tab

    def action_switch_tab(self) -> None:
        tabs = self.query_one("#roster-tabs", TabStrip)
        tabs.active = "stakeholders" if tabs.active == "people" else "people"

    def show_only(self, **values: object) -> None:
        """Show exactly the people these filters name (Today's Enter)."""
        if not self.on_people:
            self.action_switch_tab()
        self.people.show_only(**values)

    # -- help and palette: the section's, around the open pane's ----------------------

    def help_text(self) -> str:
        """The section's help with the open pane's first, then the other tab's (the
        stakeholder pane's help is a class text: the pane need not be built to show it)."""
        from advocacy_tui.screens.stakeholders import StakeholderPane

        people = self.people.help_text()
        stakeholders = StakeholderPane.help_text_of()
        panes = [people, stakeholders] if self.on_people else [stakeholders, people]
        return "\n".join([_(self.HELP), *panes, _(self.FILES_HELP)])

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield from self.active_pane.palette_commands()
        if self.on_people:
            yield SystemCommand(_("Roster: stakeholder map"),
                                _("Switch between people and stakeholders (t)"), self.action_switch_tab)
        else:
            yield SystemCommand(_("Roster: people"), _("Switch between people and stakeholders (t)"),
                                self.action_switch_tab)
        yield SystemCommand(_("Roster: import from CSV"), _("Add or update people from a CSV file (key I)"),
                            self.action_import_file)
        yield SystemCommand(_("Roster: export"), _("Write the roster or stakeholders to CSV or JSON (key x)"),
                            self.action_export_file)
        yield SystemCommand(_("Forget a person"), _("Erase someone and everything that names them"),
                            self.action_forget_person)
        from advocacy_tui.screens.task_rows import program_settings_command

        yield from program_settings_command(self)

    # -- files: import from CSV, export, forget a person -------------------------------

    def action_import_file(self) -> None:
        from advocacy_tui.screens.modals.import_dialog import ImportDialog

        def done(summary: ImportSummary | None) -> None:
            if summary is None:
                return
            self.refresh_rows(keep_key=self.table.cursor_key)
            text = _("Imported: {added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped.")
            self.notify(text.format(added=format_number(summary.added), updated=format_number(summary.updated),
                                    unchanged=format_number(summary.unchanged),
                                    skipped=format_number(summary.skipped)),
                        title=_("Import"), markup=False)

        self.app.push_screen(ImportDialog(self.advocacy.store), done)

    def action_export_file(self) -> None:
        from advocacy_tui.screens.modals.export_dialog import ExportDialog

        def done(message: str | None) -> None:
            if message:
                self.notify(message, title=_("Export"), markup=False)

        self.app.push_screen(ExportDialog(self.advocacy.store), done)

    def action_forget_person(self) -> None:
        from advocacy_tui.screens.modals.forget_dialog import ForgetDialog

        key = self.table.cursor_key
        person = self.repo.get(key) if key is not None else None

        def done(erasure: Erasure | None) -> None:
            if erasure is None:
                return
            self.refresh_rows()
            self.notify(_("Erased {name} and everything that named them.").format(name=erasure.name),
                        title=_("Forget"), markup=False)

        self.app.push_screen(ForgetDialog(self.advocacy.store, (person.email or "") if person else ""), done)

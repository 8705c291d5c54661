"""The stakeholder map: the second tab of the roster section, a pane with its own keys, help
and palette commands."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from advocacy_tui.data.stakeholders import StakeholderQuery, StakeholderRepo
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.stakeholders import STANCE_LABELS, Stakeholder, kind_text, stance_text
from advocacy_tui.domain.text import printable
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, ngettext, pgettext
from advocacy_tui.screens.base import typing_in
from advocacy_tui.screens.crud import Records
from advocacy_tui.widgets.virtual_table import Column, VirtualTable

COLUMNS = [
    Column("name", N_("Name"), 22),
    Column("kind", N_("Kind"), 14),
    Column("stance", N_("Stance"), 13),
    Column("last_talk", N_("Last talk"), 10),
    Column("next_step", N_("Next step"), None, min_width=10, sortable=False),
]
SORT_ORDER = [column.key for column in COLUMNS if column.sortable]
SORT_NAMES = {"name": N_("name"), "kind": N_("kind"), "stance": N_("stance"), "last_talk": N_("last talk")}


def sort_name(column: str) -> str:
    """A column's name in "sorted by …", in the language in use (a stakeholder's name is not a person's)."""
    if column == "name":
        return pgettext("stakeholder sort", "name")
    return _(SORT_NAMES.get(column, column.replace("_", " ")))


def shown_columns() -> list[Column]:
    """The columns titled in the language in use; a stakeholder's name is not a person's, and
    the next step's title has to fit the narrow column of an 80-column terminal."""
    titles = {"name": pgettext("stakeholder column", "Name"),
              "next_step": pgettext("stakeholder column", "Next step")}
    return [replace(column, label=titles.get(column.key) or _(column.label)) for column in COLUMNS]


class StakeholderSource:
    def __init__(self, repo: StakeholderRepo, query: StakeholderQuery) -> None:
        self.repo = repo
        self.query = query

    def count(self) -> int:
        return self.repo.count(self.query)

    def fetch(self, offset: int, limit: int) -> list[tuple[int, Sequence[str]]]:
        return [
            (s.id, (s.name, kind_text(s.kind), stance_text(s.stance),
                    format_date(s.last_talk) or "—", s.next_step))
            for s in self.repo.page(self.query, offset, limit)
            if s.id is not None
        ]


class StakeholderPane(Vertical):
    """Table, filter box and status line of the stakeholder map, with its own keys."""

    HELP: ClassVar[str] = N_("""\
## Stakeholder map

The "pilgrimage" through the company: marketing, PR, communications, management, the
board and every team the program needs. Each has a stance (`✓` supportive, `–` neutral,
`?` sceptical, `✗` against, `○` not met yet), the last talk and the next step.
`a` adds, `e` or Enter edits, `d` deletes, `/` searches, `f` shows one stance at a time.
`n` gives the next step a date and makes it one of your tasks. Today shows who is against,
not met yet, or not talked to for more than `stale_talk_days` days (60 by default).
""")

    BINDINGS = [
        Binding("a", "add", N_("Add"), id="stakeholders.add", tooltip=N_("Add a stakeholder")),
        Binding("e", "edit", N_("Edit"), id="stakeholders.edit",
                tooltip=N_("Edit the highlighted stakeholder")),
        Binding("d,delete", "delete", N_("Delete"), id="stakeholders.delete",
                tooltip=N_("Remove the highlighted stakeholder (asks first)")),
        Binding("slash", "focus_filter", N_("Search"), id="stakeholders.search", priority=True,
                tooltip=N_("Type to search names, kinds, next steps and notes")),
        Binding("f", "stance_filter", N_("Stance"), id="stakeholders.stance",
                tooltip=N_("Show one stance only; press again for the next one")),
        Binding("s", "sort", N_("Sort"), id="stakeholders.sort", tooltip=N_("Sort by the next column")),
        # not in the key bar (it is full at 120 columns): F1 help names it
        Binding("n", "step_task", N_("Step → task"), id="stakeholders.task", show=False,
                tooltip=N_("Give the next step a date: it becomes one of your tasks")),
        Binding("escape", "clear_filter", N_("Clear"), show=False, id="stakeholders.clear"),
    ]

    def __init__(self, repo: StakeholderRepo, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.repo = repo
        self.query_state = StakeholderQuery()
        self.source = StakeholderSource(repo, self.query_state)

    def compose(self) -> ComposeResult:
        yield Input(placeholder=_("Search stakeholders: name, kind, next step or notes  (/)"),
                    id="stakeholder-filter", compact=True)
        table = VirtualTable(shown_columns(), self.source, id="stakeholder-table",
                             empty_message=_("No stakeholders yet. Press a to add the first one."))
        table.sort_column = "name"
        yield table
        yield Static("", id="stakeholder-notes", markup=False)
        yield Static("", id="stakeholder-status", markup=False)

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#stakeholder-table", VirtualTable)

    def on_mount(self) -> None:
        self.refresh_rows()

    def refresh_rows(self, *, keep_key: int | None = None) -> None:
        self.source.query = self.query_state
        table = self.table
        table.sort_column = self.query_state.sort
        table.sort_descending = self.query_state.descending
        position = self.repo.position(self.query_state, keep_key) if keep_key is not None else None
        if self.query_state.text.strip() or self.query_state.stances:
            table.empty_message = _("No stakeholder matches. Esc clears the search and the stance.")
        else:
            table.empty_message = _("No stakeholders yet. Press a to add the first one.")
        table.reload(cursor=position)
        self.show_notes(table.cursor_key)
        shown, total = table.row_count, self.repo.total()
        if shown == total:
            text = ngettext("{n} stakeholder", "{n} stakeholders", total).format(n=format_number(total))
        else:
            text = ngettext("{shown} of {n} stakeholder", "{shown} of {n} stakeholders", total).format(
                shown=format_number(shown), n=format_number(total))
        filters = self.query_state.describe_filters()
        column = sort_name(self.query_state.sort)
        order = (_("sorted by {column} (reversed)") if self.query_state.descending
                 else _("sorted by {column}")).format(column=column)
        line = f" {text} · {order}"
        line += (_(" · showing {filters} (f next, Esc all)").format(filters=filters) if filters
                 else _(" · f: stance filter"))
        self.query_one("#stakeholder-status", Static).update(line, layout=False)

    @on(Input.Changed, "#stakeholder-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_state = self.query_state.with_text(event.value)
        self.refresh_rows()

    @on(Input.Submitted, "#stakeholder-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.table.focus()

    # The table's messages are handled here and go no further (the people tab has its own).

    def on_virtual_table_row_selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        self.edit(event.key)

    def on_virtual_table_header_clicked(self, event: VirtualTable.HeaderClicked) -> None:
        event.stop()
        self.sort_by(event.column)

    def on_virtual_table_row_highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        event.stop()
        self.show_notes(event.key)

    def show_notes(self, key: int | None) -> None:
        """One line about the highlighted stakeholder: the notes the table has no room for."""
        current = self.repo.get(key) if key is not None else None
        text = ""
        if current is not None:
            text = (f"{current.name}: {current.notes}" if current.notes
                    else _("{name}: no notes").format(name=current.name))
        self.query_one("#stakeholder-notes", Static).update(printable(text), layout=False)

    def sort_by(self, column: str) -> None:
        descending = not self.query_state.descending if column == self.query_state.sort else False
        self.query_state = replace(self.query_state, sort=column, descending=descending)
        self.refresh_rows(keep_key=self.table.cursor_key)

    # -- actions ---------------------------------------------------------------------

    @property
    def today(self) -> date:
        return self.app.clock.today()  # type: ignore[attr-defined]

    @classmethod
    def help_text_of(cls) -> str:
        return _(cls.HELP)

    def help_text(self) -> str:
        return self.help_text_of()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "focus_filter" and typing_in(self.screen.focused))

    def action_focus_filter(self) -> None:
        # Focus now, not after the queued keys, so fast typing lands in the box.
        self.screen.set_focus(self.query_one("#stakeholder-filter", Input))

    def action_clear_filter(self) -> None:
        box = self.query_one("#stakeholder-filter", Input)
        if box.value:
            box.value = ""
        elif self.query_state.stances:
            self.query_state = replace(self.query_state, stances=())
            self.refresh_rows()
        self.table.focus()

    def action_stance_filter(self) -> None:
        """Cycle: all stances, then each stance on its own, then all again."""
        stances = list(STANCE_LABELS)
        current = self.query_state.stances
        if not current:
            chosen: tuple[str, ...] = (stances[0],)
        else:
            index = stances.index(current[0]) + 1
            chosen = (stances[index],) if index < len(stances) else ()
        self.query_state = replace(self.query_state, stances=chosen)
        self.refresh_rows()

    def action_sort(self) -> None:
        current = self.query_state.sort
        if not self.query_state.descending:
            self.sort_by(current)
        else:
            self.sort_by(SORT_ORDER[(SORT_ORDER.index(current) + 1) % len(SORT_ORDER)])

    @property
    def records(self) -> Records[Stakeholder]:
        from advocacy_tui.screens.modals.stakeholder_form import StakeholderForm

        return Records(
            self, "stakeholder", load=self.repo.get,
            form=lambda stakeholder: StakeholderForm(self.today, stakeholder),
            insert=self.repo.add,
            update=lambda stakeholder, expected: self.repo.update(stakeholder, expected=expected),
            remove=self.repo.delete, refresh=self._refresh,
            added_text=lambda s: _("Added {name} to the stakeholder map.").format(name=s.name),
            saved_text=lambda s: _("Saved {name}.").format(name=s.name),
            removed_text=lambda s: _("Removed {name} from the stakeholder map.").format(name=s.name))

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
            self.notify(_("There is no stakeholder to edit yet: press a to add one."), markup=False)
            return
        self.edit(key)

    def edit(self, key: int) -> None:
        self.records.edit(key)

    def action_step_task(self) -> None:
        """The highlighted stakeholder's next step, with a date, becomes one of the owner's tasks."""
        from datetime import timedelta

        from advocacy_tui.data.stakeholders import next_step_task
        from advocacy_tui.screens.modals.calendar_dialogs import DateDialog

        key = self.table.cursor_key
        current = self.repo.get(key) if key is not None else None
        if current is None:
            self.notify(_("There is no stakeholder yet: press a to add one."), markup=False)
            return
        if not current.next_step.strip():
            self.notify(_("{name} has no next step yet: press e and write one first.").format(
                name=current.name), markup=False)
            return

        def chosen(day: date | None) -> None:
            if day is None:
                return
            if next_step_task(self.repo.store, current, day):
                self.notify(_("Added to your tasks for {day}: {step}").format(
                    day=format_date(day), step=current.next_step), title=_("Tasks"), markup=False)
            else:
                self.notify(_("That step is already one of your open tasks."), markup=False)

        self.app.push_screen(DateDialog(_("When is the next step with {name}?").format(name=current.name),
                                        self.today + timedelta(days=7)), chosen)

    def action_delete(self) -> None:
        key = self.table.cursor_key
        current = self.repo.get(key) if key is not None else None
        if key is None or current is None:
            self.notify(_("There is no stakeholder to delete."), markup=False)
            return
        self.records.delete(key, _("Delete this stakeholder?"),
                            _("{name} and the notes about them will be removed for good.").format(
                                name=current.name))

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Stakeholders: add a stakeholder"), _("Open the form for a new stakeholder (a)"),
                            self.action_add)
        yield SystemCommand(_("Stakeholders: edit the highlighted one"), _("Open the form for the selected row"),
                            self.action_edit)
        yield SystemCommand(_("Stakeholders: delete the highlighted one"), _("Asks before removing"),
                            self.action_delete)
        yield SystemCommand(_("Stakeholders: show one stance"), _("Each press shows the next stance (f)"),
                            self.action_stance_filter)
        for column in SORT_ORDER:
            name = sort_name(column)
            yield SystemCommand(_("Stakeholders: sort by {column}").format(column=name),
                                _("Order the stakeholder map by {column}").format(column=name),
                                lambda column=column: self.sort_by(column))
        yield SystemCommand(_("Stakeholders: next step as a task"),
                            _("Give the next step a date: it becomes one of your tasks (n)"),
                            self.action_step_task)


StakeholderView = StakeholderPane  # the name it had before it became a pane

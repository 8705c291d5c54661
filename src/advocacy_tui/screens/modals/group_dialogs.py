"""Dialogs for groups of people: one person's groups (put them in or take them out, or
into a new group typed here), the list of every group (add, rename, delete, show in the
roster, make one from the people shown), and typing a group's name."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from advocacy_tui.data.groups import GroupError, GroupRepo
from advocacy_tui.domain.groups import check_group_name
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, ngettext, pgettext
from advocacy_tui.screens.base import plain
from advocacy_tui.screens.modals.forms import Field, Rule

IN_GROUP, NOT_IN_GROUP = "[✓]", "[ ]"


def members_text(count: int) -> str:
    return ngettext("{n} person", "{n} people", count).format(n=format_number(count))


class NameDialog(ModalScreen[str | None]):
    """Type a group's name; dismisses it (checked as typed), or None."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="group_name.cancel")]

    def __init__(self, title: str, initial: str = "", hint: str = "",
                 check: Callable[[str], str | None] = check_group_name) -> None:
        super().__init__()
        self.title_text = title
        self.initial = initial
        self.hint = hint
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog date-dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            if self.hint:
                yield Static(self.hint, classes="dialog-note", markup=False)
            yield Field(pgettext("group", "Name"), Input(self.initial, validators=[Rule(self.check)], compact=True,
                                         id="name"), name="name")
            yield Static(_("Enter confirms · Esc cancels"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        problem = self.check(event.value)
        if problem:
            self.query_one("#field-name", Field).show_problem(problem)
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PersonGroupsDialog(ModalScreen[bool]):
    """The groups of one person: Enter puts them in a group or takes them out; a name typed
    in the box puts them in that group (made when there is none). Each change is saved at
    once, one action each. Dismisses whether anything changed."""

    BINDINGS = [Binding("escape", "close", N_("Close"), id="person_groups.close")]

    def __init__(self, repo: GroupRepo, person_id: int, name: str) -> None:
        super().__init__()
        self.repo = repo
        self.person_id = person_id
        self.person_name = name
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog"):
            yield Static(_("Groups of {name}").format(name=self.person_name), classes="dialog-title",
                         markup=False)
            yield Input(placeholder=_("A new group: type its name, Enter puts them in it"),
                        validators=[Rule(check_group_name)], valid_empty=True, compact=True, id="new-group")
            yield OptionList(id="group-list")
            yield Static(_("↑↓ choose · Enter puts in or takes out · Esc closes"), classes="dialog-hint",
                         markup=False)

    def on_mount(self) -> None:
        self.show_groups()
        groups = self.query_one(OptionList)
        (groups if groups.option_count and groups.get_option_at_index(0).id else
         self.query_one("#new-group", Input)).focus()

    def show_groups(self, keep: int | None = None) -> None:
        mine = {group.id for group in self.repo.groups_of(self.person_id)}
        listing = self.query_one(OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        groups = self.repo.groups()
        if not groups:
            listing.add_option(Option(_("No groups yet: type a name above to make the first."), disabled=True))
            return
        for group in groups:
            mark = IN_GROUP if group.id in mine else NOT_IN_GROUP
            listing.add_option(Option(plain(f"{mark} {group.name} · {members_text(group.members)}"),
                                      id=str(group.id)))
        if keep is not None:
            listing.highlighted = next(i for i, g in enumerate(groups) if g.id == keep)
        else:
            listing.highlighted = min(highlighted or 0, len(groups) - 1)

    @on(OptionList.OptionSelected)
    def _toggle(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        group_id = int(event.option.id)
        group = self.repo.get(group_id)
        if group is None:
            self.show_groups()
            return
        if any(g.id == group_id for g in self.repo.groups_of(self.person_id)):
            self.repo.remove_member(group_id, self.person_id)
            message = _("Took {name} out of {group}.")
        else:
            self.repo.add_member(group_id, self.person_id)
            message = _("Put {name} in {group}.")
        self.changed = True
        self.show_groups(keep=group_id)
        self.notify(message.format(name=self.person_name, group=group.name), markup=False)

    @on(Input.Submitted, "#new-group")
    def _new_group(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        try:
            group_id, made, _added = self.repo.add_member_to(event.value, self.person_id)
        except GroupError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        group = self.repo.get(group_id)
        name = group.name if group else event.value.strip()
        self.changed = True
        event.input.value = ""
        self.show_groups(keep=group_id)
        self.query_one(OptionList).focus()
        self.notify((_("Made the group {group} and put {name} in it.") if made
                     else _("Put {name} in {group}.")).format(name=self.person_name, group=name),
                    markup=False)

    def action_close(self) -> None:
        self.dismiss(self.changed)


class GroupsDialog(ModalScreen[int | None]):
    """Every group with its number of members. Enter shows the group in the roster
    (dismisses its id); a adds, r renames, d deletes, n makes a group of the people the
    roster shows now (``from_filter`` says who that is)."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Close"), id="groups.close"),
        Binding("a", "add", N_("Add"), id="groups.add", tooltip=N_("Add an empty group")),
        Binding("n", "from_filter", N_("From the people shown"), id="groups.from_filter",
                tooltip=N_("A new group of everyone the roster shows now")),
        Binding("r", "rename", N_("Rename"), id="groups.rename"),
        Binding("d,delete", "delete", N_("Delete"), id="groups.delete", tooltip=N_("Asks first")),
    ]

    def __init__(self, repo: GroupRepo, shown: str, make_from_filter: Callable[[str], tuple[int, int]],
                 current: int | None = None) -> None:
        super().__init__()
        self.current = current  # the group the roster shows now, highlighted first
        self.repo = repo
        self.shown = shown  # "1,204 people: department Sales" (what n would put in a group)
        self.make_from_filter = make_from_filter

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog groups-dialog"):
            yield Static(_("Groups"), classes="dialog-title", markup=False)
            yield Static(_("Groups filter the roster and sum the program's outcomes; they never "
                           "rank anyone."), classes="dialog-note", markup=False)
            yield OptionList(id="group-list")
            yield Static(_("Enter shows it in the roster · a adds · n from the people shown · "
                           "r renames · d deletes · Esc closes"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.show_groups(self.current)
        self.query_one(OptionList).focus()

    def show_groups(self, keep: int | None = None) -> None:
        listing = self.query_one(OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        groups = self.repo.groups()
        if not groups:
            listing.add_option(Option(_("No groups yet: a adds one, n makes one of the people shown."),
                                      disabled=True))
            return
        for group in groups:
            listing.add_option(Option(plain(f"{group.name} · {members_text(group.members)}"), id=str(group.id)))
        if keep is not None and any(g.id == keep for g in groups):
            listing.highlighted = next(i for i, g in enumerate(groups) if g.id == keep)
        else:
            listing.highlighted = min(highlighted or 0, len(groups) - 1)

    def _current(self) -> int | None:
        option = self.query_one(OptionList).highlighted_option
        return int(option.id) if option is not None and option.id else None

    @on(OptionList.OptionSelected)
    def _show(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(int(event.option.id))

    def action_add(self) -> None:
        def named(name: str | None) -> None:
            if name is None:
                return
            try:
                group_id = self.repo.add(name)
            except GroupError as error:
                self.notify(str(error), severity="warning", markup=False)
                return
            self.show_groups(keep=group_id)
            self.notify(_("Added the group {group}.").format(group=name.strip()), markup=False)

        self.app.push_screen(NameDialog(_("New group")), named)

    def action_from_filter(self) -> None:
        def named(name: str | None) -> None:
            if name is None:
                return
            try:
                group_id, count = self.make_from_filter(name)
            except GroupError as error:
                self.notify(str(error), severity="warning", markup=False)
                return
            self.show_groups(keep=group_id)
            self.notify(ngettext("Made the group {group} with {n} person.",
                                 "Made the group {group} with {n} people.", count).format(
                group=name.strip(), n=format_number(count)), markup=False)

        self.app.push_screen(NameDialog(_("A group of the people shown"),
                                        hint=_("It will hold {shown}.").format(shown=self.shown)), named)

    def action_rename(self) -> None:
        group = self.repo.get(self._current() or 0)
        if group is None or group.id is None:
            return
        group_id = group.id

        def named(name: str | None) -> None:
            if name is None:
                return
            try:
                self.repo.rename(group_id, name)
            except GroupError as error:
                self.notify(str(error), severity="warning", markup=False)
                return
            self.show_groups(keep=group_id)
            self.notify(_("Renamed the group to {group}.").format(group=name.strip()), markup=False)

        self.app.push_screen(NameDialog(_("Rename the group"), group.name), named)

    def action_delete(self) -> None:
        from advocacy_tui.screens.modals.confirm import ConfirmDialog

        group = self.repo.get(self._current() or 0)
        if group is None or group.id is None:
            return
        group_id, name = group.id, group.name

        def answered(yes: bool | None) -> None:
            if yes:
                self.repo.delete(group_id)
                self.show_groups()
                self.notify(_("Deleted the group {group}.").format(group=name), markup=False)

        self.app.push_screen(ConfirmDialog(
            _("Delete this group?"),
            _("{group} ({members}) goes; the people stay on the roster.").format(
                group=name, members=members_text(group.members)), confirm_label=_("Delete")), answered)

    def action_cancel(self) -> None:
        self.dismiss(None)

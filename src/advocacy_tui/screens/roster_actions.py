"""What some of the people pane's keys do (groups, a person's ideas) and its palette
commands: functions of a ``PeoplePane`` (screens/roster_people.py), whose actions call them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from advocacy_tui.data.groups import GroupRepo
from advocacy_tui.domain.involvement import is_quiet
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import _, ngettext

if TYPE_CHECKING:
    from advocacy_tui.screens.roster_people import PeoplePane


def person_groups(pane: PeoplePane) -> None:
    """The highlighted person's groups: put them in one (or a new one) or take them out."""
    from advocacy_tui.screens.modals.group_dialogs import PersonGroupsDialog

    key = pane.table.cursor_key  # as e does: the detail pane follows the cursor a moment later
    row = pane.repo.row(key) if key is not None else None
    if row is None:
        pane.notify(_("Highlight a person first."), markup=False)
        return

    def closed(changed: bool | None) -> None:
        if changed:
            pane.after_person_change()

    pane.app.push_screen(PersonGroupsDialog(GroupRepo(pane.advocacy.store), row.id, row.name), closed)


def shown_words(pane: PeoplePane) -> str:
    """Who the roster shows now, in words: "1,204 people: department Sales"."""
    count = pane.table.row_count
    people = ngettext("{n} person", "{n} people", count).format(n=format_number(count))
    what = [part for part in (pane.query_state.describe_filters(),) if part]
    if pane.query_state.text.strip():
        what.insert(0, _("matching “{text}”").format(text=pane.query_state.text.strip()))
    return people + (": " + ", ".join(what) if what else _(": everyone on the roster"))


def make_group_from_filter(pane: PeoplePane, name: str) -> tuple[int, int]:
    """A new group of everyone the roster shows now (one statement, one transaction)."""
    result = GroupRepo(pane.advocacy.store).from_query(name, pane.query_state)
    pane.after_person_change()
    return result


def list_groups(pane: PeoplePane) -> None:
    """Every group; Enter on one shows its members in the roster."""
    from advocacy_tui.screens.modals.group_dialogs import GroupsDialog

    repo = GroupRepo(pane.advocacy.store)

    def chosen(group_id: int | None) -> None:
        group = repo.get(group_id) if group_id is not None else None
        if group is not None:
            pane.show_only(group_id=group.id, group_name=group.name)
        else:
            pane.after_person_change()  # a group renamed or deleted: the filter line and pane

    pane.app.push_screen(GroupsDialog(repo, shown_words(pane), lambda name: make_group_from_filter(pane, name),
                                      pane.query_state.group_id), chosen)


def group_from_filter(pane: PeoplePane) -> None:
    """Straight to naming a new group of the people shown (palette)."""
    from advocacy_tui.screens.modals.group_dialogs import NameDialog

    def named(name: str | None) -> None:
        if name is None:
            return
        from advocacy_tui.data.groups import GroupError

        try:
            _group_id, count = make_group_from_filter(pane, name)
        except GroupError as error:
            pane.notify(str(error), severity="warning", markup=False)
            return
        pane.notify(ngettext("Made the group {group} with {n} person.",
                             "Made the group {group} with {n} people.", count).format(
            group=name.strip(), n=format_number(count)), markup=False)

    pane.app.push_screen(NameDialog(_("A group of the people shown"),
                                    hint=_("It will hold {shown}.").format(shown=shown_words(pane))),
                         named)


def ideas(pane: PeoplePane) -> None:
    """Ideas for the person shown below the table (and a nudge when they are quiet)."""
    from advocacy_tui.screens.modals.ideas_dialog import IdeasDialog

    key = pane.detail.person_id
    row = pane.repo.row(key) if key is not None else None
    if row is None:
        pane.notify(_("Highlight a person first."), markup=False)
        return
    quiet = is_quiet(row.status, row.last_active_on, pane.today, row.since)

    def closed(planned: bool | None) -> None:
        if planned:
            pane.after_person_change()

    pane.app.push_screen(IdeasDialog(pane.advocacy.store, row.id, row.name, pane.today, quiet=quiet),
                         closed)


def people_commands(pane: PeoplePane) -> Iterable[SystemCommand]:
    """The people pane's commands in the palette (Ctrl+P)."""
    from advocacy_tui.domain.involvement import QUIET_DAYS
    from advocacy_tui.domain.onboarding import STUCK_DAYS
    from advocacy_tui.screens.roster_people import SORT_NAMES, SORT_ORDER

    yield SystemCommand(_("Roster: add a person"), _("Open the form for a new ambassador"),
                        pane.action_add)
    yield SystemCommand(_("Roster: edit the highlighted person"),
                        _("Open the form for the selected row"), pane.action_edit)
    yield SystemCommand(_("Roster: delete the highlighted person"), _("Asks before removing"),
                        pane.action_delete)
    for column in SORT_ORDER:
        name = _(SORT_NAMES[column])
        yield SystemCommand(_("Roster: sort by {column}").format(column=name),
                            _("Order the roster by {column}").format(column=name),
                            lambda column=column: pane.sort_by(column))
    yield SystemCommand(_("Roster: recruitment funnel"),
                        _("Candidates, invited, onboarding, active against the employees; invitation waves (r)"),
                        pane.action_funnel)
    yield SystemCommand(_("Roster: filter people"), _("Role, status, department, stuck, quiet (f)"),
                        pane.action_filters)
    yield SystemCommand(_("Roster: show who is stuck in onboarding"),
                        _("No onboarding step for {days}+ days").format(days=STUCK_DAYS),
                        lambda: pane.quick_filter(stuck=True))
    yield SystemCommand(_("Roster: show who has gone quiet"),
                        _("Nothing in the involvement log for {days}+ days").format(days=QUIET_DAYS),
                        lambda: pane.quick_filter(quiet=True))
    yield SystemCommand(_("Roster: clear the filters"), _("Show everyone again"),
                        lambda: pane.set_filters(pane.query_state.without_filters()))
    yield SystemCommand(_("Roster: groups of the highlighted person"),
                        _("Put them in a group or take them out (g)"), pane.action_groups_of_person)
    yield SystemCommand(_("Roster: all groups"), _("Add, rename, delete, show one (G)"), pane.action_groups)
    yield SystemCommand(_("Roster: make a group of the people shown"),
                        _("Everyone the search and filters show now"), pane.action_group_from_filter)
    yield SystemCommand(_("Roster: record involvement of the highlighted person"),
                        _("A post, feedback, a meeting, … (i)"), pane.action_add_involvement)
    yield SystemCommand(_("Roster: ideas for the highlighted person"),
                        _("What fits their topics; plan one as their draft; a nudge when quiet (n)"),
                        pane.action_ideas)

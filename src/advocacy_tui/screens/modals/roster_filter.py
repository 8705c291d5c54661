"""Choose which people the roster shows: role, status, department, group, language, when
they joined (a cohort), stuck, quiet."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static

from advocacy_tui.data.ambassadors import RosterQuery
from advocacy_tui.domain.ambassadors import ROLE_LABELS, STATUS_LABELS
from advocacy_tui.domain.dates import DateError, format_date, parse_date
from advocacy_tui.domain.groups import Group
from advocacy_tui.domain.involvement import QUIET_DAYS
from advocacy_tui.domain.onboarding import STUCK_DAYS
from advocacy_tui.domain.topics import LANGUAGE_LABELS
from advocacy_tui.i18n import N_, _
from advocacy_tui.screens.base import plain
from advocacy_tui.screens.modals.forms import Field, Rule

ANY = "any"


def _check_day(value: str) -> str | None:
    """Nothing (no limit) or a day as dd.mm.yyyy."""
    if not value.strip():
        return None
    try:
        parse_date(value)
    except DateError as error:
        return str(error)
    return None


class TickBox(Checkbox):
    """A checkbox that shows its state as a mark, not by colour alone."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802
        return "✓" if self.value else " "


class RosterFilterDialog(ModalScreen[RosterQuery | None]):
    """Dismisses the query with the chosen filters (search text and sort kept), or None."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="roster_filter.cancel"),
        Binding("f10", "apply", N_("Apply"), id="roster_filter.apply"),
        Binding("ctrl+r", "clear", N_("Clear all"), id="roster_filter.clear",
                tooltip=N_("Show everyone again")),
    ]

    def __init__(self, query: RosterQuery, departments: list[str], groups: list[Group] | None = None) -> None:
        super().__init__()
        self.original = query
        self.departments = departments
        self.groups = groups or []

    def compose(self) -> ComposeResult:
        q = self.original
        with Vertical(classes="dialog form-dialog filter-dialog"):
            yield Static(_("Show only…"), classes="dialog-title", markup=False)
            yield Field(_("Role"), Select([(_("Any role"), ANY), *((_(v), k) for k, v in ROLE_LABELS.items())],
                        value=q.roles[0] if q.roles else ANY, allow_blank=False, compact=True,
                        id="role"), name="role")
            yield Field(_("Status"), Select([(_("Any status"), ANY),
                                          *((_(v), k) for k, v in STATUS_LABELS.items())],
                        value=q.statuses[0] if q.statuses else ANY, allow_blank=False,
                        compact=True, id="status"), name="status")
            departments = list(self.departments)
            for chosen in q.departments:
                if chosen not in departments:
                    departments.append(chosen)
            yield Field(_("Department"), Select([(_("Any department"), ANY), *((d, d) for d in departments)],
                        value=q.departments[0] if q.departments else ANY, allow_blank=False,
                        compact=True, id="department"), name="department")
            if self.groups or q.group_id is not None:
                known = {group.id for group in self.groups}
                options = [(plain(group.name), str(group.id)) for group in self.groups]
                if q.group_id is not None and q.group_id not in known:
                    options.append((plain(q.group_name), str(q.group_id)))
                yield Field(_("Group"), Select([(_("Any group"), ANY), *options],
                            value=str(q.group_id) if q.group_id is not None else ANY, allow_blank=False,
                            compact=True, id="group"), name="group")
            yield Field(_("Language"), Select([(_("Any language"), ANY), *((_(v), k) for k, v in LANGUAGE_LABELS.source.items())],
                        value=q.language or ANY, allow_blank=False, compact=True, id="language"), name="language")
            with Horizontal(classes="filter-joined"):
                yield Field(_("Joined from"), Input(format_date(q.joined_from) if q.joined_from else "",
                            placeholder=_("dd.mm.yyyy"), validators=[Rule(_check_day)], compact=True,
                            id="joined-from"), name="joined_from")
                yield Field(_("to"), Input(format_date(q.joined_to) if q.joined_to else "",
                            placeholder=_("dd.mm.yyyy"), validators=[Rule(_check_day)], compact=True,
                            id="joined-to"), name="joined_to")
            yield TickBox(_("Stuck in onboarding (no step for {days}+ days)").format(days=STUCK_DAYS), q.stuck,
                           id="stuck", compact=True)
            yield TickBox(_("Quiet: nothing in the involvement log for {days}+ days").format(days=QUIET_DAYS), q.quiet,
                           id="quiet", compact=True)
            yield Static(_("Space ticks a box · F10 applies · Ctrl+R clears all · Esc cancels"),
                         classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Apply"), variant="primary", id="apply", compact=True)
                yield Button(_("Clear all"), id="clear", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#role", Select).focus()

    def _day(self, widget_id: str) -> date | None:
        text = self.query_one(f"#{widget_id}", Input).value
        return parse_date(text) if text.strip() and _check_day(text) is None else None

    def chosen(self) -> RosterQuery:
        def pick(widget_id: str) -> tuple[str, ...]:
            value = self.query_one(f"#{widget_id}", Select).value
            return () if value in (ANY, Select.BLANK) else (str(value),)

        group_id, group_name = None, ""
        if self.query("#group"):
            value = self.query_one("#group", Select).value
            if value not in (ANY, Select.BLANK):
                group_id = int(str(value))
                group_name = next((g.name for g in self.groups if g.id == group_id), self.original.group_name)
        return replace(
            self.original,
            group_id=group_id,
            group_name=group_name,
            roles=pick("role"),
            statuses=pick("status"),
            departments=pick("department"),
            language=(pick("language") or ("",))[0],
            joined_from=self._day("joined-from"),
            joined_to=self._day("joined-to"),
            stuck=self.query_one("#stuck", Checkbox).value,
            quiet=self.query_one("#quiet", Checkbox).value,
        )

    @on(Input.Submitted)
    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        problems = {name: problem for name, widget in (("joined_from", "joined-from"), ("joined_to", "joined-to"))
                    if (problem := _check_day(self.query_one(f"#{widget}", Input).value))}
        for name in ("joined_from", "joined_to"):
            self.query_one(f"#field-{name}", Field).show_problem(problems.get(name))
        if not problems:
            self.dismiss(self.chosen())

    @on(Button.Pressed, "#clear")
    def action_clear(self) -> None:
        self.dismiss(self.original.without_filters())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

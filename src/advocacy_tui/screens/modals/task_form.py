"""The full task form, and the small dialogs of the tasks section."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from advocacy_tui.data.tasks import Task, TaskRepo
from advocacy_tui.domain.dates import DateError, format_date, parse_optional_date
from advocacy_tui.domain.funnel import check_employees, parse_employees
from advocacy_tui.domain.tasks import (
    CATEGORIES,
    ONCE,
    RECOMMENDED_ROUTINE,
    RoutineItem,
    check_estimate,
    check_hours,
    check_recurrence,
    format_minutes,
    parse_recurrence,
    read_estimate,
    routine_minutes,
)
from advocacy_tui.domain.text import printable
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, ngettext
from advocacy_tui.screens.base import plain
from advocacy_tui.screens.history import history_line
from advocacy_tui.screens.modals.forms import AskBeforeDiscard, Field, FormSelect, Rule, TickBox


def check_due(text: str) -> str | None:
    try:
        parse_optional_date(text)
    except DateError as error:
        return str(error)
    return None


def check_time(text: str) -> str | None:
    value = text.strip()
    if not value:
        return None
    try:
        time.fromisoformat(value if len(value) > 4 else "0" + value)
    except ValueError:
        return _("Write a time as hh:mm, e.g. 14:30.")
    return None


def check_title(text: str) -> str | None:
    return None if text.strip() else _("Say what to do: the title is required.")


class _Dialog(ModalScreen):
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="taskform.cancel"),
        Binding("f10", "save", N_("Save"), id="taskform.save"),
    ]

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:  # pragma: no cover - subclasses
        raise NotImplementedError

    def buttons(self, hint: str | None = None) -> ComposeResult:
        """The hint line (in the language in use) and the Save and Cancel buttons."""
        yield Static(hint or _("F10 saves · Esc cancels · Tab moves between fields"), classes="dialog-hint",
                     markup=False)
        with Horizontal(classes="dialog-buttons"):
            yield Button(_("Save"), variant="primary", id="save", compact=True)
            yield Button(_("Cancel"), id="cancel", compact=True)

    def problems_first(self, problems: dict[str, str]) -> bool:
        for field in self.query(Field):
            field.show_problem(problems.get(field.field_name))
        if problems:
            self.query_one(f"#{next(iter(problems))}").focus()
            self.notify(_("Please fix the marked fields first."), severity="warning", markup=False)
            return True
        return False


class TaskForm(AskBeforeDiscard, _Dialog):
    """Add or edit a task. Dismisses the Task (with its id when editing) or None."""

    def __init__(self, repo: TaskRepo, task: Task | None = None) -> None:
        super().__init__()
        self.repo = repo
        self.original = task

    def compose(self) -> ComposeResult:
        t = self.original
        with Vertical(classes="dialog form-dialog"):
            yield Static(_("Edit task") if t and t.id else _("Add a task"), classes="dialog-title", markup=False)
            with VerticalScroll(classes="form-body"):
                yield Field(_("Title *"), Input(t.title if t else "", placeholder=_("What to do"),
                            validators=[Rule(check_title)], compact=True, id="title"), name="title")
                yield Field(_("Category"), FormSelect([(label, key) for key, label in CATEGORIES.items()],
                            value=t.category if t else "other", allow_blank=False, compact=True,
                            id="category"), name="category")
                yield Field(_("Due"), Input(format_date(t.due) if t else "", placeholder=_("dd.mm.yyyy"),
                            validators=[Rule(check_due)], compact=True, id="due"), name="due")
                yield Field(_("Time"), Input(t.due_time.strftime("%H:%M") if t and t.due_time else "",
                            placeholder=_("hh:mm (optional)"), validators=[Rule(check_time)], compact=True,
                            id="time"), name="time")
                yield Field(_("Estimate"), Input(str(t.estimate) if t and t.estimate else "",
                            placeholder=_("minutes, e.g. 45 or 1h30m"), validators=[Rule(check_estimate)],
                            compact=True, id="estimate"), name="estimate")
                yield Field(_("Repeats"), Input(t.recurrence.typed() if t else ONCE.typed(),
                            placeholder=_("none, daily, weekdays, weekly:mon,thu, monthly:31"),
                            validators=[Rule(check_recurrence)], compact=True, id="repeats"),
                            name="repeats")
                yield Field(_("Asked by"), Input(self.repo.person_name(t.ambassador_id) if t else "",
                            placeholder=_("Q&A: name or email of who asked"), validators=[Rule(self._person)],
                            compact=True, id="person"), name="person")
                yield Field(_("Question"), TextArea(t.question if t else "", id="question", soft_wrap=True,
                            show_line_numbers=False, compact=True), name="question")
                yield Field(_("Answer"), TextArea(t.answer if t else "", id="answer", soft_wrap=True,
                            show_line_numbers=False, compact=True), name="answer")
                yield Field(_("Notes"), TextArea(t.notes if t else "", id="notes", soft_wrap=True,
                            show_line_numbers=False, compact=True), name="notes")
            yield from history_line(self.repo.store, "tasks", t.id if t else None)
            yield from self.buttons(_("F10 or Enter saves · Esc cancels · Tab moves between fields"))

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def _person(self, text: str) -> str | None:
        if not text.strip():
            return None
        matches = self.repo.find_people(text, limit=2)
        exact = [m for m in matches if m[2].lower() == text.strip().lower() or m[1] == text.strip()]
        if len(exact) == 1 or len(matches) == 1:
            return None
        if not matches:
            return _("No one in the roster matches; leave it empty or type a name or email.")
        return _("Several people match: type more of the name, or the email.")

    def _person_id(self, text: str) -> int | None:
        if not text.strip():
            return None
        matches = self.repo.find_people(text, limit=2)
        exact = [m for m in matches if m[2].lower() == text.strip().lower() or m[1] == text.strip()]
        return (exact or matches)[0][0]

    def action_save(self) -> None:
        value = {name: self.query_one(f"#{name}", Input).value
                 for name in ("title", "due", "time", "estimate", "repeats", "person")}
        checks = {"title": check_title, "due": check_due, "time": check_time, "estimate": check_estimate,
                  "repeats": check_recurrence, "person": self._person}
        problems = {name: message for name, check in checks.items() if (message := check(value[name]))}
        rule = None if "repeats" in problems else parse_recurrence(value["repeats"])
        due = None if "due" in problems else parse_optional_date(value["due"])
        if rule is not None and rule.repeats and due is None:
            problems["due"] = _("A repeating task needs a first due date.")
        if self.problems_first(problems):
            return
        assert rule is not None  # a rule that does not parse is one of the problems above
        when = value["time"].strip()
        base = self.original or Task(None, "")
        task = replace(
            base,
            title=value["title"].strip(),
            category=str(self.query_one("#category", Select).value),
            due=due,
            due_time=time.fromisoformat(when if len(when) > 4 else "0" + when) if when else None,
            estimate=read_estimate(value["estimate"]),
            recurrence=rule,
            ambassador_id=self._person_id(value["person"]),
            question=self.query_one("#question", TextArea).text,
            answer=self.query_one("#answer", TextArea).text,
            notes=self.query_one("#notes", TextArea).text,
        )
        self.dismiss(task)


class AnswerDialog(_Dialog):
    """Record the answer to a Q&A task before ticking it. Dismisses the text or None."""

    def __init__(self, question: str, asked_by: str) -> None:
        super().__init__()
        self.question = question
        self.asked_by = asked_by

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            title = (_("Answer the question ({asked_by})").format(asked_by=self.asked_by) if self.asked_by
                     else _("Answer the question"))
            yield Static(plain(title), classes="dialog-title")
            yield Static(plain(self.question, single_line=False), classes="dialog-body")
            yield TextArea("", id="answer", soft_wrap=True, show_line_numbers=False, compact=True,
                           classes="answer-box")
            yield from self.buttons(_("F10 saves and ticks off · Esc goes back without ticking"))

    def on_mount(self) -> None:
        self.query_one("#answer", TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one("#answer", TextArea).text)


class SettingsDialog(_Dialog):
    """Program name, the owner's hours per week, the launch day and the number of employees.
    Dismisses (name, hours text, launch day or None, employees text) or None."""

    def __init__(self, name: str, hours: float | None, launch: date | None = None,
                 employees: int | None = None) -> None:
        super().__init__()
        self.program_name = name
        self.hours = hours
        self.launch = launch
        self.employees = employees

    def compose(self) -> ComposeResult:
        hours = "" if self.hours is None else format_number(self.hours)
        with Vertical(classes="dialog form-dialog"):
            yield Static(_("Program settings"), classes="dialog-title", markup=False)
            yield Field(_("Program name"), Input(self.program_name, placeholder=_("e.g. Northwind Voices"),
                        compact=True, id="program"), name="program")
            yield Field(_("Hours a week"), Input(hours, placeholder=_("your hours for the program, e.g. 6"),
                        validators=[Rule(check_hours)], compact=True, id="hours"), name="hours")
            yield Field(_("Launched on"), Input(format_date(self.launch) if self.launch else "",
                        placeholder=_("dd.mm.yyyy (empty: not yet)"), validators=[Rule(check_due)],
                        compact=True, id="launch"), name="launch")
            yield Field(_("Employees"), Input("" if self.employees is None else str(self.employees),
                        placeholder=_("people in the company, e.g. 240 (empty: not set)"),
                        validators=[Rule(check_employees)], compact=True, id="employees"), name="employees")
            yield Static(
                _("Be honest about the hours: the tasks section compares every week's planned "
                  "work with this number and warns when a week is over. The goals are reviewed "
                  "6 and 9 months after the launch. The recruitment funnel compares the active "
                  "people with the employees."),
                classes="dialog-body", markup=False,
            )
            yield from self.buttons(_("Enter or F10 saves · Esc cancels"))

    def on_mount(self) -> None:
        self.query_one("#program", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        hours = self.query_one("#hours", Input).value
        launch = self.query_one("#launch", Input).value
        employees = self.query_one("#employees", Input).value
        problems = {name: problem for name, problem in (("hours", check_hours(hours)), ("launch", check_due(launch)),
                                                        ("employees", check_employees(employees)))
                    if problem}
        if self.problems_first(problems):
            return
        count = parse_employees(employees)
        self.dismiss((self.query_one("#program", Input).value.strip(), hours.strip().replace(",", "."),
                      parse_optional_date(launch), "" if count is None else str(count)))


class RoutineDialog(_Dialog):
    """The recommended weekly routine, editable. Dismisses the chosen items or None."""

    def __init__(self, capacity_minutes: int, existing: frozenset[str] | set[str] = frozenset()) -> None:
        super().__init__()
        self.capacity = capacity_minutes
        self.existing = frozenset(existing)  # titles of the repeating tasks running now

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog routine-dialog"):
            yield Static(_("Plan a routine"), classes="dialog-title", markup=False)
            yield Static(_("The owner's weekly work from the brief. Untick what you do not need, change "
                           "minutes and days, then save: each line becomes a recurring task.")
                         + self._existing_words(),
                         classes="dialog-body", markup=False)
            head = _("Task").ljust(44) + _("Minutes").ljust(8) + _("Repeats")
            yield Static(head, classes="routine-head", markup=False)
            with VerticalScroll(classes="form-body"):
                for index, item in enumerate(RECOMMENDED_ROUTINE):
                    with Horizontal(classes="routine-row"):
                        yield TickBox(_(item.title), not self._repeating(item), id=f"use-{index}",
                                      compact=True)
                        yield Input(str(item.estimate), validators=[Rule(check_estimate)], compact=True,
                                    id=f"estimate-{index}", classes="routine-estimate",
                                    tooltip=_("Minutes each time"))
                        yield Input(parse_recurrence(item.recurrence).typed(), validators=[Rule(check_recurrence)], compact=True,
                                    id=f"repeats-{index}", classes="routine-repeats",
                                    tooltip=_("daily, weekdays, weekly:mon,thu or monthly:15"))
            yield Static("", id="routine-total", markup=False)
            yield from self.buttons(_("Space ticks a line · F10 saves · Esc cancels"))

    def _repeating(self, item: RoutineItem) -> bool:
        """Does a repeating task of this line's title (in either language) run already?"""
        return item.title in self.existing or _(item.title) in self.existing

    def _existing_words(self) -> str:
        there = [item.title for item in RECOMMENDED_ROUTINE if self._repeating(item)]
        if not there:
            return ""
        return " " + ngettext("{n} line already repeats in your tasks and is left unticked; it is never "
                              "added twice.",
                              "{n} lines already repeat in your tasks and are left unticked; they are never "
                              "added twice.", len(there)).format(n=len(there))

    def on_mount(self) -> None:
        self.query_one("#use-0", Checkbox).focus()
        self._total()

    @on(Input.Changed)
    @on(Checkbox.Changed)
    def _total(self) -> None:
        items = self.items()
        total = routine_minutes(items) if items is not None else None
        if total is None:
            text = _("Fix the marked values to see the total.")
        elif self.capacity:
            text = _("This routine takes {total} a week of your {capacity}.").format(
                total=format_minutes(total), capacity=format_minutes(self.capacity))
        else:
            text = _("This routine takes {total} a week (set your hours in Program settings to "
                     "compare).").format(total=format_minutes(total))
        if total is not None and self.capacity and total > self.capacity:
            text += " ⚠ " + _("{over} over before any other task.").format(
                over=format_minutes(total - self.capacity))
        self.query_one("#routine-total", Static).update(text)

    def items(self) -> list[RoutineItem] | None:
        chosen = []
        for index, item in enumerate(RECOMMENDED_ROUTINE):
            estimate = self.query_one(f"#estimate-{index}", Input).value
            repeats = self.query_one(f"#repeats-{index}", Input).value
            if check_estimate(estimate) or check_recurrence(repeats):
                return None
            if self.query_one(f"#use-{index}", Checkbox).value:
                rule = parse_recurrence(repeats)
                chosen.append(replace(item, title=_(item.title), estimate=read_estimate(estimate),
                                      recurrence=rule.text()))
        return chosen

    def action_save(self) -> None:
        items = self.items()
        if items is None:
            self.notify(_("Some minutes or repeat rules cannot be read: fix the marked lines."),
                        severity="warning", markup=False)
            return
        self.dismiss(items)


MAX_ATTENDEES = 500  # a group's members added at once


class AttendeesDialog(_Dialog):
    """Pick who attended a meeting by searching the roster. Dismisses ids or None."""

    BINDINGS = [
        Binding("delete", "remove", N_("Remove"), id="attendees.remove", tooltip=N_("Remove the highlighted attendee")),
    ]

    def __init__(self, repo: TaskRepo, title: str, chosen: list[tuple[int, str, str]]) -> None:
        super().__init__()
        self.repo = repo
        self.meeting = title
        self.chosen: dict[int, tuple[str, str]] = {pid: (name, email) for pid, name, email in chosen}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            yield Static(plain(_("Who attended: {meeting}").format(meeting=self.meeting)), classes="dialog-title")
            yield Input(placeholder=_("Type a name, email or group, ↓ to the matches, Enter adds"), compact=True,
                        id="search")
            yield OptionList(id="matches", classes="attendee-list")
            yield Static("", id="chosen-title", markup=False)
            yield OptionList(id="chosen", classes="attendee-list")
            yield from self.buttons(_("Enter adds · Delete removes · F10 saves · Esc cancels"))

    def on_mount(self) -> None:
        self.query_one("#search", Input).focus()
        self._show_chosen()

    def _show_chosen(self) -> None:
        chosen = self.query_one("#chosen", OptionList)
        chosen.clear_options()
        for pid, (name, email) in sorted(self.chosen.items(), key=lambda item: item[1][0]):
            chosen.add_option(Option(plain(f"✓ {name}  {email}"), id=str(pid)))
        count = len(self.chosen)
        self.query_one("#chosen-title", Static).update(
            ngettext("Attended ({n}) · completing the meeting adds a 'meeting' entry for each",
                     "Attended ({n}) · completing the meeting adds a 'meeting' entry for each", count).format(
                n=count) if count else _("No one chosen yet.")
        )

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        from advocacy_tui.data.groups import GroupRepo
        from advocacy_tui.domain.text import fold

        matches = self.query_one("#matches", OptionList)
        matches.clear_options()
        needle = fold(event.value.strip())
        if needle:  # a group brings all its members at once: a meeting for a cohort or a team
            for group in GroupRepo(self.repo.store).groups():
                if needle in fold(group.name):
                    matches.add_option(Option(plain(ngettext(
                        "+ the group {name} ({n} person)", "+ the group {name} ({n} people)", group.members).format(
                        name=group.name, n=group.members)), id=f"group-{group.id}"))
        for pid, name, email in self.repo.find_people(event.value, limit=6):
            mark = "✓" if pid in self.chosen else "+"
            matches.add_option(Option(plain(f"{mark} {name}  {printable(email)}"), id=str(pid)))
        if matches.option_count:
            matches.highlighted = 0

    @on(Input.Submitted, "#search")
    def _add_first(self) -> None:
        matches = self.query_one("#matches", OptionList)
        if matches.option_count:
            self._add(matches.get_option_at_index(matches.highlighted or 0).id)

    def on_key(self, event) -> None:
        if event.key == "down" and self.focused is self.query_one("#search", Input):
            self.query_one("#matches", OptionList).focus()
            event.stop()

    @on(OptionList.OptionSelected, "#matches")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self._add(event.option.id)

    def _add(self, option_id: str | None) -> None:
        if option_id is None:
            return
        if option_id.startswith("group-"):
            from advocacy_tui.data.groups import GroupRepo

            for pid, name, email in GroupRepo(self.repo.store).members(int(option_id[6:]), limit=MAX_ATTENDEES):
                self.chosen[pid] = (name, email or "")
        else:
            pid = int(option_id)
            for found, name, email in self.repo.find_people(self.query_one("#search", Input).value, limit=50):
                if found == pid:
                    self.chosen[pid] = (name, email)
        self._show_chosen()
        search = self.query_one("#search", Input)
        search.value = ""
        search.focus()

    def action_remove(self) -> None:
        chosen = self.query_one("#chosen", OptionList)
        if chosen.has_focus and chosen.highlighted is not None:
            option = chosen.get_option_at_index(chosen.highlighted)
            self.chosen.pop(int(option.id or 0), None)
            self._show_chosen()

    def action_save(self) -> None:
        self.dismiss(list(self.chosen))

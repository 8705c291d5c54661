"""The owner's task checklist: views, quick add, ticking, undo, skip, load and routine."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import timedelta

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import Input, Static

from advocacy_tui.data.settings import SettingsRepo
from advocacy_tui.data.tasks import VIEW_LABELS, VIEWS, Task, TaskQuery, TaskRepo
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.tasks import (
    CATEGORIES,
    QUICK_ADD_HELP,
    QuickAddError,
    RoutineItem,
    first_on_or_after,
    format_minutes,
    parse_quick_add,
    parse_recurrence,
    week_start,
)
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, ngettext
from advocacy_tui.screens.base import SectionScreen, plain
from advocacy_tui.screens.task_rows import (
    TaskActions,
    due_text,
    program_settings_command,
    state_mark,
)
from advocacy_tui.widgets.key_bar import KeyBar
from advocacy_tui.widgets.load_meter import LoadMeter
from advocacy_tui.widgets.tab_strip import TabStrip
from advocacy_tui.widgets.title_bar import TitleBar
from advocacy_tui.widgets.virtual_table import Column, VirtualTable

COLUMNS = [
    Column("state", "", 2, min_width=2, sortable=False),
    Column("due", N_("Due"), 11, sortable=False),
    Column("title", N_("Task"), None, min_width=20, sortable=False),
    Column("category", N_("Category"), 12, sortable=False),
    Column("estimate", N_("Time"), 10, sortable=False),
    Column("repeats", N_("Repeats"), 11, sortable=False),
]
CATEGORY_KEYS = list(CATEGORIES)


class TaskSource:
    def __init__(self, repo: TaskRepo, query: TaskQuery) -> None:
        self.repo = repo
        self.query = query

    def count(self) -> int:
        return self.repo.count(self.query)

    def fetch(self, offset: int, limit: int) -> list[tuple[int, Sequence[str]]]:
        today = self.repo.store.clock.today()
        rows: list[tuple[int, Sequence[str]]] = []
        for task in self.repo.page(self.query, offset, limit):
            assert task.id is not None  # read from the database
            due = due_text(task, today)
            if not task.is_open:
                done = (task.done_at or "")[8:10] + "." + (task.done_at or "")[5:7]
                due = _("skipped") if task.skipped else _("done {day}").format(day=done)
            rows.append((task.id, (
                state_mark(task, today), due, task.title, CATEGORIES.get(task.category, task.category),
                format_minutes(task.estimate) if task.estimate else "", task.recurrence.short(),
            )))
        return rows


TASKS_HELP = N_("""\
# Tasks

The owner's checklist: the daily work that keeps a program warm (writing sample posts,
preparing graphics, answering questions, looking for inspiration, running the content hub,
holding meetings).

## Views
`←` `→` (or click a tab) switch between **Overdue + today**, **This week** (everything open
until Sunday), **Upcoming**, **Done** and **By category** (`c` picks the next category).

## Keys
* `n` puts the cursor in the quick-add line, for example
  `Write 2 sample posts #sample_posts fri 45m every week` or `Answer Ola's question #qa 28.11 20m`.
  Recognised: `#category` (sample_posts, graphics, qa, meetings, inspiration, content_hub,
  other), a day (`today`, `tomorrow`, `mon`…`sun`, `28.11`, `28.11.2026`), a time (`14:00`),
  an estimate (`45m`, `1h30m`, `1.5h`) and a repeat (`every day`, `every weekday`,
  `every week`, `every mon,thu`, `every month`). The rest is the title.
* `a` opens the full form; `e` or Enter edits; `d` deletes.
* `space` or `x` ticks off; `u` undoes the last tick (and removes the next occurrence it
  created); `s` skips one occurrence of a repeating task.
* Q&A tasks hold the question; ticking one asks for the answer. `f` saves an answered
  question to the content library as an FAQ entry.
* `m` records who attended a meeting (type a name, or a group's name to add all its
  members); ticking the meeting adds a *meeting* entry to each attendee's involvement.
* `r` plans a routine: the recommended weekly work, editable before it is created.

## Repeating tasks
* A repeating task has one open occurrence at a time.
* Ticking or skipping an occurrence due on day D, done on day T, creates the next one on the
  first matching day **after the later of D and T**. Ticked early, the next one keeps its
  normal day; ticked late, it comes after today, so **missed occurrences do not pile up**:
  a daily task left for a week is one overdue line, not seven.
* Monthly on the 29th, 30th or 31st falls on the month's last day in shorter months.
* Weeks start on Monday.

## Load
The bar at the top compares the planned minutes of this week and next week with the hours
a week you set in **Program settings** (command palette). A week's plan is: tasks due that
week (done or open; skipped ones do not count), the future occurrences of repeating tasks,
and for this week the open tasks carried over from earlier weeks. No vendor publishes how
much time an owner needs, so this is your own number against your own plan.
""")


class TasksScreen(TaskActions, SectionScreen):
    STYLESHEET = "tasks"
    AUTO_FOCUS = "#tasks-table"  # not the quick-add line above it, even for the first frame
    HELP = TASKS_HELP

    BINDINGS = [
        Binding("space,x", "tick", N_("Tick off"), id="tasks.tick", tooltip=N_("Mark the highlighted task done")),
        Binding("u", "undo", N_("Undo"), id="tasks.undo", tooltip=N_("Take back the last tick or skip")),
        Binding("s", "skip", N_("Skip"), id="tasks.skip", tooltip=N_("Skip one occurrence of a repeating task")),
        Binding("n", "quick_add", N_("Quick add"), id="tasks.quick_add",
                tooltip=N_("Type a task in one line: title #category day time estimate repeat")),
        Binding("a", "add", N_("Add"), id="tasks.add", tooltip=N_("Open the full task form")),
        Binding("e", "edit", N_("Edit"), show=False, id="tasks.edit", tooltip=N_("Edit the highlighted task")),
        Binding("d,delete", "delete", N_("Delete"), show=False, id="tasks.delete",
                tooltip=N_("Delete the highlighted task (asks first)")),
        Binding("left", "view(-1)", N_("View"), show=False, id="tasks.prev_view", tooltip=N_("Previous view")),
        Binding("right", "view(1)", N_("View"), id="tasks.next_view", tooltip=N_("Next view")),
        Binding("c", "next_category", N_("Category"), show=False, id="tasks.category",
                tooltip=N_("By category: show the next category")),
        Binding("f", "faq", N_("Save FAQ"), id="tasks.faq",
                tooltip=N_("Save an answered question to the content library")),
        Binding("m", "attendees", N_("Attendees"), id="tasks.attendees",
                tooltip=N_("Record who attended a meeting")),
        Binding("r", "routine", N_("Plan routine"), id="tasks.routine",
                tooltip=N_("Add the recommended weekly routine (editable first)")),
        Binding("escape", "leave_quick_add", N_("Back to list"), id="tasks.leave_quick_add",
                tooltip=N_("Leave the quick-add line")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.query_state = TaskQuery()

    @property
    def repo(self) -> TaskRepo:
        return TaskRepo(self.advocacy.store)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield LoadMeter(id="tasks-load")
        yield TabStrip(*((f"view-{view}", VIEW_LABELS[view]) for view in VIEWS), id="tasks-views")
        yield Input(placeholder=_("n: quick add, e.g. Write 2 sample posts #sample_posts fri 45m every week"),
                    id="quick-add", compact=True)
        self.source = TaskSource(self.repo, self.query_state)
        yield VirtualTable(COLUMNS, self.source, id="tasks-table", empty_message="")
        yield Static("", id="tasks-status", markup=False)
        yield KeyBar()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#tasks-table", VirtualTable)

    def on_mount(self) -> None:
        self.sub_title = _("Tasks")
        self.refresh_all()
        self.table.focus()

    def shown_again(self) -> None:
        self.refresh_all(keep_key=self.table.cursor_key)

    # -- showing -----------------------------------------------------------------------

    def refresh_all(self, *, keep_key: int | None = None, top: bool = False) -> None:
        self.source.query = self.query_state
        position = self.repo.position(self.query_state, keep_key) if keep_key is not None else None
        if top:
            position = 0
        self.table.empty_message = self._empty_message()
        self.table.reload(cursor=position)
        self._show_load()
        self._show_status()

    def _empty_message(self) -> str:
        view = self.query_state.view
        if view == "today":
            return _("Nothing overdue or due today. Press n to add a task, → for the week ahead.")
        if view == "done":
            return _("Nothing ticked off yet.")
        if view == "category":
            return _("No open {category} tasks. c shows the next category.").format(
                category=CATEGORIES[self.query_state.category])
        return _("No tasks here. Press n to add one, or r to plan a routine.")

    def _show_load(self) -> None:
        monday = week_start(self.advocacy.store.clock.today())
        repo = self.repo
        self.query_one(LoadMeter).show(repo.load(monday), repo.load(monday + timedelta(days=7)))

    def _show_status(self) -> None:
        view = self.query_state.view
        label = VIEW_LABELS[view]
        if view == "category":
            label = _("{view}: {category} (c for the next)").format(
                view=label, category=CATEGORIES[self.query_state.category])
        count = self.table.row_count
        overdue, due_today = self.repo.due_counts()
        shown = ngettext("{n} shown", "{n} shown", count).format(n=format_number(count))
        self.query_one("#tasks-status", Static).update(plain(
            " " + _("{view} · {shown} · {overdue} overdue, {due} due today · F1 explains repeats").format(
                view=label, shown=shown, overdue=overdue, due=due_today)))

    def set_view(self, view: str) -> None:
        self.query_state = replace(self.query_state, view=view)
        tabs = self.query_one(TabStrip)
        if tabs.active != f"view-{view}":
            tabs.active = f"view-{view}"
        self.refresh_all(top=True)

    @on(TabStrip.Activated, "#tasks-views")
    def _tab(self, event: TabStrip.Activated) -> None:
        view = event.tab.removeprefix("view-")
        if view != self.query_state.view:
            self.query_state = replace(self.query_state, view=view)
            self.refresh_all(top=True)

    # -- quick add ---------------------------------------------------------------------

    def action_quick_add(self) -> None:
        self.query_one("#quick-add", Input).focus()

    def action_leave_quick_add(self) -> None:
        box = self.query_one("#quick-add", Input)
        if box.has_focus:
            box.value = ""
            self.table.focus()

    @on(Input.Submitted, "#quick-add")
    def _quick_added(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.table.focus()
            return
        try:
            draft = parse_quick_add(event.value, self.advocacy.store.clock.today())
        except QuickAddError as error:
            self.notify(str(error), severity="warning", markup=False, timeout=8)
            return
        new_id = self.repo.add(Task.from_draft(draft))
        event.input.value = ""
        when = format_date(draft.due) if draft.due else _("no date")
        repeat = f", {draft.recurrence.describe()}" if draft.recurrence.repeats else ""
        # The box keeps the focus, so several tasks can be typed in a row; say how to leave it.
        self.notify(_("Added “{title}” ({details}). Type the next one, or press Esc to go back to the "
                      "list.").format(title=draft.title,
                                      details=f"{CATEGORIES[draft.category]}, {when}{repeat}"), markup=False)
        self.refresh_all(keep_key=new_id)

    def on_key(self, event) -> None:
        box = self.query_one("#quick-add", Input)
        if event.key == "down" and self.focused is box:
            self.table.focus()
            event.stop()

    # -- actions -----------------------------------------------------------------------

    @on(VirtualTable.RowHighlighted)
    def _highlighted(self, event: VirtualTable.RowHighlighted) -> None:
        self._current = self.repo.get(event.key) if event.key is not None else None
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        current = getattr(self, "_current", None)
        # the footer offers these only where they apply
        if action == "faq" and not (current and current.category == "qa" and current.answer.strip()):
            return False
        if action == "attendees" and not (current and current.category == "meetings"):
            return False
        if action == "leave_quick_add":  # shown (and needed) only while typing a task
            return isinstance(self.focused, Input)
        if action in ("tick", "undo", "skip", "view", "next_category", "faq", "attendees", "add",
                      "edit", "delete", "quick_add", "routine") and isinstance(self.focused, Input):
            return False
        return True

    def action_view(self, step: int) -> None:
        index = VIEWS.index(self.query_state.view)
        self.set_view(VIEWS[(index + step) % len(VIEWS)])

    def action_next_category(self) -> None:
        current = CATEGORY_KEYS.index(self.query_state.category)
        category = CATEGORY_KEYS[(current + 1) % len(CATEGORY_KEYS)] if self.query_state.view == "category" \
            else self.query_state.category
        self.query_state = replace(self.query_state, category=category)
        self.set_view("category")

    def action_tick(self) -> None:
        cursor = self.table.cursor
        self.tick_task(self.table.cursor_key, lambda result: self._after_change(cursor))

    def _after_change(self, cursor: int) -> None:
        self.refresh_all()
        self.table.move_cursor(cursor)

    def action_undo(self) -> None:
        self.undo_tick(lambda result: self.refresh_all(keep_key=result.task_id if result else None))

    def action_skip(self) -> None:
        key = self.table.cursor_key
        task = self.repo.get(key) if key is not None else None
        if task is None or not task.is_open:
            self.notify(_("Highlight an open task to skip it."), markup=False)
            return
        if not task.recurrence.repeats:
            self.notify(_("Only repeating tasks can skip an occurrence; delete a one-off task with d."),
                        markup=False)
            return
        cursor = self.table.cursor
        result = self.repo.tick(task.id, skip=True)  # type: ignore[arg-type]
        if result:
            self.advocacy.task_ticks.append(result)
            follow = self.repo.get(result.next_id) if result.next_id else None
            text = _("Skipped this time: {title}.").format(title=task.title)
            if follow and follow.due:
                text += " " + _("Next: {day}.").format(day=format_date(follow.due))
            self.notify(text + " " + _("u undoes."), markup=False)
        self._after_change(cursor)

    def action_add(self) -> None:
        from advocacy_tui.screens.modals.task_form import TaskForm

        def saved(task: Task | None) -> None:
            if task is None:
                return
            new_id = self.repo.add(task)
            self.refresh_all(keep_key=new_id)
            self.notify(_("Added “{title}”.").format(title=task.title), markup=False)

        self.app.push_screen(TaskForm(self.repo), saved)

    @on(VirtualTable.RowSelected)
    def _open(self, event: VirtualTable.RowSelected) -> None:
        self.edit(event.key)

    def action_edit(self) -> None:
        key = self.table.cursor_key
        if key is None:
            self.notify(_("There is no task to edit here."), markup=False)
            return
        self.edit(key)

    def edit(self, key: int, draft: Task | None = None) -> None:
        from advocacy_tui.screens.modals.changed import save_or_ask
        from advocacy_tui.screens.modals.task_form import TaskForm

        current = self.repo.get(key)
        if current is None:
            self.refresh_all()
            return

        def saved(task: Task | None) -> None:
            if task is None:
                return

            def write(checked: bool) -> None:
                self.repo.update(task, expected=current if checked else None)

            def done() -> None:
                self.refresh_all(keep_key=key)
                self.notify(_("Saved “{title}”.").format(title=task.title), markup=False)

            save_or_ask(self, "task", write, saved=done, reopen=lambda: self.edit(key, task),
                        dropped=lambda: self.refresh_all(keep_key=key))

        self.app.push_screen(TaskForm(self.repo, draft or current), saved)

    def action_delete(self) -> None:
        from advocacy_tui.screens.modals.confirm import ConfirmDialog

        key = self.table.cursor_key
        task = self.repo.get(key) if key is not None else None
        if task is None:
            self.notify(_("There is no task to delete."), markup=False)
            return
        cursor = self.table.cursor

        def answered(yes: bool | None) -> None:
            if yes:
                self.repo.delete(task.id)  # type: ignore[arg-type]
                self._after_change(cursor)
                self.notify(_("Deleted “{title}”.").format(title=task.title), markup=False)

        text = (_("“{title}” will be removed. Only this occurrence goes; the rule stops with it.")
                if task.recurrence.repeats else _("“{title}” will be removed.")).format(title=task.title)
        self.app.push_screen(ConfirmDialog(_("Delete this task?"), text), answered)

    def action_faq(self) -> None:
        key = self.table.cursor_key
        task = self.repo.get(key) if key is not None else None
        if task is None or task.category != "qa" or not task.question.strip():
            self.notify(_("Highlight a Q&A task with a question to save it as an FAQ entry."), markup=False)
            return
        if not task.answer.strip():
            self.notify(_("Answer the question first (tick it off, or edit it with e)."), markup=False)
            return
        self.repo.save_as_faq(task)
        self.notify(_("Saved to the content library as an FAQ entry."), markup=False)

    def action_attendees(self) -> None:
        from advocacy_tui.screens.modals.task_form import AttendeesDialog

        key = self.table.cursor_key
        task = self.repo.get(key) if key is not None else None
        if task is None or task.category != "meetings":
            self.notify(_("Highlight a meeting task to record who attended."), markup=False)
            return

        def saved(people: list[int] | None) -> None:
            if people is None:
                return
            self.repo.set_attendees(task.id, people)  # type: ignore[arg-type]
            self.notify(ngettext("{n} attendee recorded for “{title}”. Tick it off when it is over.",
                                 "{n} attendees recorded for “{title}”. Tick it off when it is over.",
                                 len(people)).format(n=len(people), title=task.title), markup=False)

        self.app.push_screen(AttendeesDialog(self.repo, task.title, self.repo.attendees(task.id)), saved)  # type: ignore[arg-type]

    def action_routine(self) -> None:
        from advocacy_tui.screens.modals.task_form import RoutineDialog

        store = self.advocacy.store

        def chosen(items: list[RoutineItem] | None) -> None:
            if not items:
                return
            today = store.clock.today()
            tasks = []
            for item in items:
                rule = parse_recurrence(item.recurrence)
                tasks.append(Task(None, item.title, item.category, first_on_or_after(rule, today), None,
                                  item.estimate, rule))
            added = self.repo.add_routine(tasks)  # never a second task of a title already repeating
            self.refresh_all()
            left_out = len(tasks) - len(added.task_ids)
            if not added.task_ids:
                self.notify(_("Nothing added: every chosen line already repeats in your tasks."), markup=False)
                return
            self.advocacy.task_ticks.append(added)
            text = ngettext("Added {n} repeating task to your routine.",
                            "Added {n} repeating tasks to your routine.", len(added.task_ids)).format(
                n=len(added.task_ids))
            if left_out:
                text += " " + ngettext("{n} was already there and was not added again.",
                                       "{n} were already there and were not added again.", left_out).format(
                    n=left_out)
            self.notify(text + " " + _("u undoes."), markup=False)

        existing = self.repo.open_series_titles()
        self.app.push_screen(RoutineDialog(SettingsRepo(store).capacity_minutes(), existing), chosen)

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Tasks: quick add"), _(QUICK_ADD_HELP), self.action_quick_add)
        yield SystemCommand(_("Tasks: add with the full form"), _("Title, category, due, estimate, repeat, Q&A"),
                            self.action_add)
        yield SystemCommand(_("Tasks: plan a routine"), _("Add the recommended weekly routine, editable first"),
                            self.action_routine)
        yield SystemCommand(_("Tasks: undo the last tick"), _("Reopen the task, remove the next occurrence"),
                            self.action_undo)
        yield SystemCommand(_("Tasks: save answered question as FAQ"), _("Into the content library"),
                            self.action_faq)
        yield SystemCommand(_("Tasks: record meeting attendees"), _("Search the roster by name or email"),
                            self.action_attendees)
        for view in VIEWS:
            yield SystemCommand(_("Tasks: show {view}").format(view=VIEW_LABELS[view].lower()), _("Switch the task view"),
                                lambda view=view: self.set_view(view))
        yield from program_settings_command(self)

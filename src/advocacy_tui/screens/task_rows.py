"""What the Tasks and Today screens share: a task's due and state words, ticking with undo,
and the Program settings command."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from textual.app import SystemCommand

from advocacy_tui.data.settings import SETTING_EMPLOYEES, SETTING_HOURS, SETTING_NAME, SettingsRepo
from advocacy_tui.data.tasks import RoutineAdded, Task, TaskRepo
from advocacy_tui.domain.dates import format_date
from advocacy_tui.formatting import weekday_names
from advocacy_tui.i18n import _, ngettext
from advocacy_tui.screens.base import SectionScreen


def due_text(task: Task, today) -> str:
    if task.due is None:
        return "—"
    if task.due == today:
        text = _("today")
    elif task.due == today + timedelta(days=1):
        text = _("tomorrow")
    elif task.due < today:
        days = (today - task.due).days
        text = ngettext("{n} d late", "{n} d late", days).format(n=days)
    else:
        text = f"{weekday_names()[task.due.weekday()]} {task.due:%d.%m}"
    if task.due_time and task.due == today:
        text += task.due_time.strftime(" %H:%M")
    return text


def state_mark(task: Task, today) -> str:
    if task.skipped:
        return "↷"
    if not task.is_open:
        return "✓"
    if task.due and task.due < today:
        return "!"
    return "○"


class TaskActions:
    """Ticking with Q&A answers, shared by the Tasks and Today screens."""

    def tick_task(self: SectionScreen, task_id: int | None, after) -> None:  # type: ignore[misc]
        from advocacy_tui.screens.modals.task_form import AnswerDialog

        if task_id is None:
            self.notify(_("There is no task to tick off here."), markup=False)
            return
        repo = TaskRepo(self.advocacy.store)
        task = repo.get(task_id)
        if task is None or not task.is_open:
            self.notify(_("This task is already done."), markup=False)
            return

        def finish() -> None:
            result = repo.tick(task_id)
            if result is None:
                return
            self.advocacy.task_ticks.append(result)
            extra = ""
            if result.next_id:
                follow = repo.get(result.next_id)
                extra = (" " + _("Next: {day}.").format(day=format_date(follow.due))
                         if follow and follow.due else "")
            if result.involvement_ids:
                count = len(result.involvement_ids)
                extra += " " + ngettext("{n} attendee got a meeting entry.",
                                        "{n} attendees got a meeting entry.", count).format(n=count)
            self.notify(_("Done: {title}.").format(title=task.title) + extra + " " + _("u undoes."),
                        markup=False)
            after(result)

        if task.category == "qa" and task.question.strip() and not task.answer.strip():
            def answered(text: str | None) -> None:
                if text is None:
                    return
                if text.strip():
                    repo.save_answer(task_id, text)
                finish()

            self.app.push_screen(AnswerDialog(task.question, repo.person_name(task.ambassador_id)), answered)
            return
        finish()

    def undo_tick(self: SectionScreen, after) -> None:  # type: ignore[misc]
        history = self.advocacy.task_ticks
        if not history:
            self.notify(_("Nothing to undo: no task was ticked off in this session."), markup=False)
            return
        result = history.pop()
        if isinstance(result, RoutineAdded):
            removed = TaskRepo(self.advocacy.store).remove_routine(result)
            self.notify(ngettext("Undid the routine: {n} repeating task removed.",
                                 "Undid the routine: {n} repeating tasks removed.", removed).format(n=removed),
                        markup=False)
            after(None)
            return
        if TaskRepo(self.advocacy.store).undo(result):
            undone = (_("Undid the skip: {title} is open again.") if result.skipped
                      else _("Undid the tick: {title} is open again."))
            self.notify(undone.format(title=result.title), markup=False)
        after(result)


def program_settings_command(screen: SectionScreen) -> Iterable[SystemCommand]:
    def open_settings() -> None:
        from advocacy_tui.screens.modals.task_form import SettingsDialog

        settings = SettingsRepo(screen.advocacy.store)

        def saved(values: tuple[str, str, date | None, str] | None) -> None:
            if values is None:
                return
            name, hours, launch, employees = values
            with store.write():  # one action, one transaction
                settings.set_many({SETTING_NAME: name, SETTING_HOURS: hours, SETTING_EMPLOYEES: employees})
                goals.set_launch_date(launch)
            screen.notify(_("Program settings saved."), markup=False)
            refresh = getattr(screen, "refresh_all", None)
            if refresh:
                refresh()

        from advocacy_tui.data.goals import GoalRepo

        store = screen.advocacy.store
        goals = GoalRepo(store)
        screen.app.push_screen(SettingsDialog(settings.program_name, settings.hours_per_week(), goals.launch_date(),
                                              settings.employees()), saved)

    yield SystemCommand(_("Program settings"),
                        _("Program name, your hours a week, the launch day and the number of employees"),
                        open_settings)

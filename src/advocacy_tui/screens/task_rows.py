"""What the Tasks and Today screens share: a task's due and state words, ticking with undo,
and the Program settings command."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from textual.app import SystemCommand

from advocacy_tui.data.settings import SETTING_HOURS, SETTING_NAME, SettingsRepo
from advocacy_tui.data.tasks import RoutineAdded, Task, TaskRepo
from advocacy_tui.domain.dates import format_date
from advocacy_tui.i18n import ngettext
from advocacy_tui.screens.base import SectionScreen


def due_text(task: Task, today) -> str:
    if task.due is None:
        return "—"
    if task.due == today:
        text = "today"
    elif task.due == today + timedelta(days=1):
        text = "tomorrow"
    elif task.due < today:
        days = (today - task.due).days
        text = f"{days} d late"
    else:
        text = task.due.strftime("%a %d.%m")
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
            self.notify("There is no task to tick off here.", markup=False)
            return
        repo = TaskRepo(self.advocacy.store)
        task = repo.get(task_id)
        if task is None or not task.is_open:
            self.notify("This task is already done.", markup=False)
            return

        def finish() -> None:
            result = repo.tick(task_id)
            if result is None:
                return
            self.advocacy.task_ticks.append(result)
            extra = ""
            if result.next_id:
                follow = repo.get(result.next_id)
                extra = f" Next: {format_date(follow.due)}." if follow and follow.due else ""
            if result.involvement_ids:
                extra += f" {len(result.involvement_ids)} attendees got a meeting entry."
            self.notify(f"Done: {task.title}.{extra} u undoes.", markup=False)
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
            self.notify("Nothing to undo: no task was ticked off in this session.", markup=False)
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
            what = "skip" if result.skipped else "tick"
            self.notify(f"Undid the {what}: {result.title} is open again.", markup=False)
        after(result)


def program_settings_command(screen: SectionScreen) -> Iterable[SystemCommand]:
    def open_settings() -> None:
        from advocacy_tui.screens.modals.task_form import SettingsDialog

        settings = SettingsRepo(screen.advocacy.store)

        def saved(values: tuple[str, str] | None) -> None:
            if values is None:
                return
            name, hours = values
            settings.set_many({SETTING_NAME: name, SETTING_HOURS: hours})
            screen.notify("Program settings saved.", markup=False)
            refresh = getattr(screen, "refresh_all", None)
            if refresh:
                refresh()

        screen.app.push_screen(SettingsDialog(settings.program_name, settings.hours_per_week()), saved)

    yield SystemCommand("Program settings", "Program name and your hours a week for the program",
                        open_settings)

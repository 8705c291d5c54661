"""Reading and writing ``tasks``, ``task_attendees`` and the program ``settings``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from functools import lru_cache

from advocacy_tui.data.settings import SETTING_HOURS, SETTING_NAME, SettingsRepo  # noqa: F401  (also read from here by screens)
from advocacy_tui.data.store import ChangedMeanwhile, Store, inserted_id
from advocacy_tui.domain.tasks import (
    CATEGORIES,
    ONCE,
    Load,
    OpenSeries,
    Recurrence,
    RecurrenceError,
    TaskDraft,
    expanded_minutes,
    next_occurrence,
    parse_recurrence,
    week_start,
)
from advocacy_tui.domain.text import fold
from advocacy_tui.i18n import N_, Labels, _

VIEWS = ("today", "week", "upcoming", "done", "category")
VIEW_LABELS = Labels({
    "today": N_("Overdue + today"),
    "week": N_("This week"),
    "upcoming": N_("Upcoming"),
    "done": N_("Done"),
    "category": N_("By category"),
})

TASK_COLUMNS = (
    "id, title, category, due_on, due_time, estimate_minutes, recurrence, done_at, skipped, "
    "series_id, ambassador_id, post_id, question, answer, notes"
)


@dataclass(frozen=True)
class Task:
    id: int | None
    title: str
    category: str = "other"
    due: date | None = None
    due_time: time | None = None
    estimate: int = 0
    recurrence: Recurrence = ONCE
    done_at: str | None = None
    skipped: bool = False
    series_id: int | None = None
    ambassador_id: int | None = None
    post_id: int | None = None
    question: str = ""
    answer: str = ""
    notes: str = ""

    @property
    def is_open(self) -> bool:
        return self.done_at is None

    @classmethod
    def from_draft(cls, draft: TaskDraft) -> Task:
        return cls(None, draft.title, draft.category, draft.due, draft.due_time, draft.estimate,
                   draft.recurrence)


@lru_cache(maxsize=256)
def _rule(text: str) -> Recurrence:
    """The stored rule (a frozen value, so one parse per distinct text is shared)."""
    try:
        return parse_recurrence(text)
    except RecurrenceError:  # a hand-edited file: treat as one-off rather than fail
        return ONCE


def _task(row: tuple) -> Task:
    (id_, title, category, due_on, due_time, estimate, recurrence, done_at, skipped, series_id,
     ambassador_id, post_id, question, answer, notes) = row
    return Task(
        id=id_, title=title, category=category,
        due=date.fromisoformat(due_on) if due_on else None,
        due_time=time.fromisoformat(due_time) if due_time else None,
        estimate=estimate, recurrence=_rule(recurrence), done_at=done_at, skipped=bool(skipped),
        series_id=series_id, ambassador_id=ambassador_id, post_id=post_id,
        question=question, answer=answer, notes=notes,
    )


@dataclass(frozen=True)
class TaskQuery:
    view: str = "today"
    category: str = "sample_posts"

    def where(self, today: date) -> tuple[str, list[object], str]:
        """(WHERE clause, params, ORDER BY) for the view."""
        open_order = " ORDER BY due_on IS NULL, due_on, due_time IS NULL, due_time, id"
        sunday = week_start(today) + timedelta(days=6)
        if self.view == "today":
            return " WHERE done_at IS NULL AND due_on <= ?", [today.isoformat()], open_order
        if self.view == "week":
            return " WHERE done_at IS NULL AND due_on <= ?", [sunday.isoformat()], open_order
        if self.view == "upcoming":
            return (" WHERE done_at IS NULL AND (due_on > ? OR due_on IS NULL)", [sunday.isoformat()],
                    open_order)
        if self.view == "done":
            return " WHERE done_at IS NOT NULL", [], " ORDER BY done_at DESC, id DESC"
        return " WHERE done_at IS NULL AND category = ?", [self.category], open_order


@dataclass
class TickResult:
    """What one tick (or skip) changed, so that undo can take it back."""

    task_id: int
    next_id: int | None = None
    involvement_ids: list[int] = field(default_factory=list)
    skipped: bool = False
    title: str = ""


@dataclass
class RoutineAdded:
    """The repeating tasks one "Plan a routine" added, so that undo can remove them again."""

    task_ids: list[int] = field(default_factory=list)
    title: str = ""


class TaskRepo:
    def __init__(self, store: Store):
        self.store = store
        self.conn = store.db.conn

    # -- single tasks ------------------------------------------------------------------

    def _values(self, task: Task) -> dict[str, object]:
        if task.category not in CATEGORIES:
            raise ValueError(_("Unknown task category: {category}.").format(category=repr(task.category)))
        return {
            "title": task.title.strip(),
            "category": task.category,
            "due_on": task.due.isoformat() if task.due else None,
            "due_time": task.due_time.strftime("%H:%M") if task.due_time else None,
            "estimate_minutes": int(task.estimate),
            "recurrence": task.recurrence.text(),
            "ambassador_id": task.ambassador_id,
            "post_id": task.post_id,
            "question": task.question,
            "answer": task.answer,
            "notes": task.notes,
        }

    def add(self, task: Task, *, done_at: str | None = None, skipped: bool = False) -> int:
        values = self._values(task)
        now = self.store.now_text()
        values |= {"created_at": now, "updated_at": now, "done_at": done_at, "skipped": int(skipped),
                   "series_id": task.series_id}
        columns = ", ".join(values)
        marks = ", ".join(f":{key}" for key in values)
        with self.store.write():
            cursor = self.conn.execute(f"INSERT INTO tasks ({columns}) VALUES ({marks})", values)
            new_id = inserted_id(cursor)
            if task.recurrence.repeats and task.series_id is None:
                self.conn.execute("UPDATE tasks SET series_id = id WHERE id = ?", (new_id,))
        return new_id

    def update(self, task: Task, expected: Task | None = None) -> None:
        """Save ``task``. With ``expected`` (the version the edit started from), refuse with
        ``ChangedMeanwhile`` when the row now differs from it or is gone: checked and written
        in one transaction, so another window's save is never overwritten unseen."""
        if task.id is None:
            raise ValueError("update needs a task with an id")
        values = self._values(task)
        values["updated_at"] = self.store.now_text()
        assignments = ", ".join(f"{key} = :{key}" for key in values)
        values["id"] = task.id
        with self.store.write():
            if expected is not None and (current := self.get(task.id)) != expected:
                raise ChangedMeanwhile(current)
            self.conn.execute(f"UPDATE tasks SET {assignments} WHERE id = :id", values)
            if task.recurrence.repeats:
                self.conn.execute("UPDATE tasks SET series_id = id WHERE id = ? AND series_id IS NULL",
                                  (task.id,))

    def delete(self, task_id: int) -> None:
        with self.store.write():
            self.conn.execute("DELETE FROM tasks WHERE id = ?", (task_id,))

    def get(self, task_id: int) -> Task | None:
        row = self.conn.execute(f"SELECT {TASK_COLUMNS} FROM tasks WHERE id = ?", (task_id,)).fetchone()
        return _task(row) if row else None

    # -- ticking -----------------------------------------------------------------------

    def tick(self, task_id: int, *, skip: bool = False) -> TickResult | None:
        """Mark done (or skipped); a recurring task gets its next occurrence; a meeting's
        attendees get an involvement entry. One transaction."""
        today = self.store.clock.today()
        now = self.store.now_text()
        with self.store.write():
            task = self.get(task_id)
            if task is None or not task.is_open:
                return None
            result = TickResult(task_id, skipped=skip, title=task.title)
            self.conn.execute(
                "UPDATE tasks SET done_at = ?, skipped = ?, updated_at = ? WHERE id = ?",
                (now, int(skip), now, task_id),
            )
            if task.recurrence.repeats:
                due = next_occurrence(task.recurrence, task.due or today, today)
                follow = Task(
                    None, task.title, task.category, due, task.due_time, task.estimate,
                    task.recurrence, series_id=task.series_id or task.id, notes=task.notes,
                )
                result.next_id = self.add(follow)  # attendees belong to one meeting only
            if not skip and task.category == "meetings":
                for (ambassador_id,) in self.conn.execute(
                    "SELECT ambassador_id FROM task_attendees WHERE task_id = ?", (task_id,)
                ).fetchall():
                    cursor = self.conn.execute(
                        "INSERT INTO involvement (ambassador_id, kind, happened_on, note, created_at) "
                        "VALUES (?, 'meeting', ?, ?, ?)",
                        (ambassador_id, today.isoformat(), task.title, now),
                    )
                    result.involvement_ids.append(inserted_id(cursor))
        return result

    def undo(self, result: TickResult) -> bool:
        """Take back a tick: reopen the task, remove the occurrence and entries it created."""
        with self.store.write():
            row = self.conn.execute("SELECT done_at FROM tasks WHERE id = ?", (result.task_id,)).fetchone()
            if row is None or row[0] is None:
                return False
            self.conn.execute(
                "UPDATE tasks SET done_at = NULL, skipped = 0, updated_at = ? WHERE id = ?",
                (self.store.now_text(), result.task_id),
            )
            if result.next_id is not None:
                self.conn.execute("DELETE FROM tasks WHERE id = ? AND done_at IS NULL", (result.next_id,))
            for involvement_id in result.involvement_ids:
                self.conn.execute("DELETE FROM involvement WHERE id = ?", (involvement_id,))
        return True

    # -- Q&A and meetings --------------------------------------------------------------

    def save_answer(self, task_id: int, answer: str) -> None:
        with self.store.write():
            self.conn.execute("UPDATE tasks SET answer = ?, updated_at = ? WHERE id = ?",
                              (answer, self.store.now_text(), task_id))

    def save_as_faq(self, task: Task) -> int:
        """An answered question becomes a library item of kind 'faq'."""
        if not task.question.strip() or not task.answer.strip():
            raise ValueError(_("Only an answered question can become an FAQ entry."))
        now = self.store.now_text()
        title = task.question.strip().splitlines()[0][:120]
        with self.store.write():
            cursor = self.conn.execute(
                "INSERT INTO library_items (kind, title, body, tags, created_at, updated_at) "
                "VALUES ('faq', ?, ?, 'faq', ?, ?)",
                (title, _("Q: {question}\n\nA: {answer}").format(question=task.question.strip(),
                                                               answer=task.answer.strip()), now, now),
            )
        return inserted_id(cursor)

    def attendees(self, task_id: int) -> list[tuple[int, str, str]]:
        return self.conn.execute(
            "SELECT a.id, a.name, coalesce(a.email, '') FROM task_attendees t "
            "JOIN ambassadors a ON a.id = t.ambassador_id WHERE t.task_id = ? ORDER BY a.sort_key",
            (task_id,),
        ).fetchall()

    def set_attendees(self, task_id: int, ambassador_ids: list[int]) -> None:
        with self.store.write():
            self.conn.execute("DELETE FROM task_attendees WHERE task_id = ?", (task_id,))
            self.conn.executemany(
                "INSERT OR IGNORE INTO task_attendees (task_id, ambassador_id) VALUES (?, ?)",
                [(task_id, person) for person in ambassador_ids],
            )

    def find_people(self, text: str, limit: int = 8) -> list[tuple[int, str, str]]:
        """People whose name, email or department contains ``text`` (diacritics ignored)."""
        needle = fold(text.strip())
        if not needle:
            return []
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return self.conn.execute(
            "SELECT id, name, coalesce(email, '') FROM ambassadors WHERE search_text LIKE ? ESCAPE '\\' "
            "ORDER BY sort_key, id LIMIT ?",
            (f"%{escaped}%", limit),
        ).fetchall()

    def person_name(self, ambassador_id: int | None) -> str:
        if ambassador_id is None:
            return ""
        row = self.conn.execute("SELECT name FROM ambassadors WHERE id = ?", (ambassador_id,)).fetchone()
        return row[0] if row else ""

    # -- lists -------------------------------------------------------------------------

    def count(self, query: TaskQuery) -> int:
        where, params, _ = query.where(self.store.clock.today())
        return self.conn.execute(f"SELECT count(*) FROM tasks{where}", params).fetchone()[0]

    def page(self, query: TaskQuery, offset: int, limit: int) -> list[Task]:
        where, params, order = query.where(self.store.clock.today())
        rows = self.conn.execute(
            f"SELECT {TASK_COLUMNS} FROM tasks{where}{order} LIMIT ? OFFSET ?", [*params, limit, offset]
        ).fetchall()
        return [_task(row) for row in rows]

    def position(self, query: TaskQuery, task_id: int) -> int | None:
        where, params, order = query.where(self.store.clock.today())
        row = self.conn.execute(
            f"SELECT pos FROM (SELECT id, row_number() OVER ({order[1:]}) - 1 AS pos FROM tasks{where}) "
            "WHERE id = ?",
            [*params, task_id],
        ).fetchone()
        return row[0] if row else None

    def open_series_titles(self) -> set[str]:
        """The titles of the repeating tasks running now (exact text)."""
        return {row[0] for row in self.conn.execute(
            "SELECT DISTINCT title FROM tasks WHERE done_at IS NULL AND recurrence != 'none'").fetchall()}

    def add_routine(self, tasks: Sequence[Task]) -> RoutineAdded:
        """Add a routine's tasks in one transaction, leaving out any title already repeating."""
        added = RoutineAdded()
        with self.store.write():
            running = self.open_series_titles()
            for task in tasks:
                if task.title in running:
                    continue
                running.add(task.title)
                added.task_ids.append(self.add(task))
        return added

    def remove_routine(self, added: RoutineAdded) -> int:
        """Undo a routine: remove its tasks not yet ticked off. Returns how many went."""
        with self.store.write():
            removed = 0
            for task_id in added.task_ids:
                removed += self.conn.execute("DELETE FROM tasks WHERE id = ? AND done_at IS NULL",
                                             (task_id,)).rowcount
        return removed

    def open_series_count(self) -> int:
        """How many repeating tasks are running (one open occurrence each)."""
        return self.conn.execute(
            "SELECT count(*) FROM tasks WHERE done_at IS NULL AND recurrence != 'none'"
        ).fetchone()[0]

    def due_counts(self) -> tuple[int, int]:
        """(overdue, due today) open tasks."""
        today = self.store.clock.today().isoformat()
        row = self.conn.execute(
            "SELECT count(*) FILTER (WHERE due_on < ?), count(*) FILTER (WHERE due_on = ?) "
            "FROM tasks WHERE done_at IS NULL AND due_on <= ?",
            (today, today, today),
        ).fetchone()
        return row[0], row[1]

    # -- load --------------------------------------------------------------------------

    def planned_minutes(self, monday: date) -> int:
        """Planned minutes of the week starting ``monday``: tasks due that week (done or open,
        not skipped), future occurrences of recurring tasks, and, for the current week,
        open tasks carried over from earlier weeks."""
        today = self.store.clock.today()
        sunday = monday + timedelta(days=6)
        in_week = self.conn.execute(
            "SELECT coalesce(sum(estimate_minutes), 0) FROM tasks WHERE skipped = 0 "
            "AND due_on >= ? AND due_on <= ?",
            (monday.isoformat(), sunday.isoformat()),
        ).fetchone()[0]
        carried = 0
        if week_start(today) == monday:
            carried = self.conn.execute(
                "SELECT coalesce(sum(estimate_minutes), 0) FROM tasks INDEXED BY tasks_open_load "
                "WHERE done_at IS NULL AND due_on < ?",
                (monday.isoformat(),),
            ).fetchone()[0]
        series = [
            OpenSeries(date.fromisoformat(due_on), estimate, rule)
            for due_on, estimate, text in self.conn.execute(
                "SELECT due_on, estimate_minutes, recurrence FROM tasks INDEXED BY tasks_open_load "
                "WHERE done_at IS NULL AND recurrence != 'none' AND due_on <= ? AND estimate_minutes > 0",
                (sunday.isoformat(),),
            ).fetchall()
            if (rule := _rule(text)).repeats
        ]
        return int(in_week) + int(carried) + expanded_minutes(series, today, monday, sunday)

    def load(self, monday: date) -> Load:
        return Load(self.planned_minutes(monday), SettingsRepo(self.store).capacity_minutes())

"""Demo data for the task checklist and the Today screen (content/demo_tasks.toml)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import tomli

from advocacy_tui.data.demo_content import demo_text
from advocacy_tui.data.settings import SETTING_EMPLOYEES, SETTING_HOURS, SETTING_NAME, SettingsRepo
from advocacy_tui.data.store import Store
from advocacy_tui.data.tasks import Task, TaskRepo
from advocacy_tui.domain.tasks import first_on_or_after, parse_recurrence


def demo_tasks_content(language: str | None = None) -> dict:
    return tomli.loads(demo_text("demo_tasks", language))


def _moment(day: date, store: Store) -> str:
    now = store.clock.now()
    return datetime.combine(day, time(16, 0), tzinfo=now.tzinfo).isoformat(timespec="seconds")


def fill_tasks(store: Store, language: str | None = None) -> None:
    """Tasks and program settings; one transaction. (Onboarding, involvement and posts of
    the demo come from the roster and calendar demo content.)"""
    content = demo_tasks_content(language)
    today = store.clock.today()
    conn = store.db.conn
    people = dict(conn.execute("SELECT email, id FROM ambassadors WHERE email IS NOT NULL").fetchall())
    tasks = TaskRepo(store)
    with store.write():
        SettingsRepo(store).set_many({
            SETTING_NAME: content["settings"]["program_name"],
            SETTING_HOURS: content["settings"]["owner_hours_per_week"],
            SETTING_EMPLOYEES: content["settings"]["employees"],
        })
        for item in content["tasks"]:
            rule = parse_recurrence(item.get("recurrence", "none"))
            if "due_in_days" in item:
                due = today + timedelta(days=item["due_in_days"])
            else:
                due = first_on_or_after(rule, today)
            task = Task(
                None, item["title"], item["category"], due,
                time.fromisoformat(item["due_time"]) if "due_time" in item else None,
                item.get("estimate", 0), rule,
                ambassador_id=people.get(item.get("person", "")),
                question=item.get("question", ""), answer=item.get("answer", ""),
            )
            done_at = None
            if "done_days_ago" in item:
                done_at = _moment(today - timedelta(days=item["done_days_ago"]), store)
            task_id = tasks.add(task, done_at=done_at)
            attendees = [people[email] for email in item.get("attendees", []) if email in people]
            if attendees:
                tasks.set_attendees(task_id, attendees)

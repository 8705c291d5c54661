"""The tasks, settings and Today queries over a real SQLite file with a fixed clock."""

from datetime import date, timedelta

from advocacy_tui.config import Settings
from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.settings import SettingsRepo
from advocacy_tui.data.tasks import Task, TaskQuery, TaskRepo
from advocacy_tui.data.today import TodayRepo
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.domain.calendar import content_mix
from advocacy_tui.domain.involvement import is_quiet
from advocacy_tui.domain.onboarding import is_stuck
from advocacy_tui.domain.tasks import parse_recurrence

FRIDAY = date(2026, 11, 27)


def add(repo, title="Task", **fields):
    return repo.add(Task(None, title, **fields))


def test_tick_a_recurring_task_late_creates_one_next_occurrence(store):
    repo = TaskRepo(store)
    task_id = add(repo, "Answer questions", category="qa", due=FRIDAY - timedelta(days=5),
                  estimate=15, recurrence=parse_recurrence("daily"))
    result = repo.tick(task_id)
    assert result is not None and result.next_id is not None
    done, follow = repo.get(task_id), repo.get(result.next_id)
    assert done.done_at is not None and not done.is_open
    assert follow.due == FRIDAY + timedelta(days=1)
    assert follow.series_id == done.series_id == task_id
    assert repo.count(TaskQuery("today")) == 0  # nothing piles up


def test_undo_reopens_and_removes_the_next_occurrence(store):
    repo = TaskRepo(store)
    task_id = add(repo, due=FRIDAY, recurrence=parse_recurrence("weekly:fri"))
    result = repo.tick(task_id)
    assert repo.undo(result)
    assert repo.get(task_id).is_open
    assert repo.get(result.next_id) is None
    assert store.db.conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 1
    assert repo.undo(result) is False  # twice is harmless


def test_skip_closes_the_occurrence_without_counting_it(store):
    repo = TaskRepo(store)
    SettingsRepo(store).set_many({"owner_hours_per_week": "1"})
    task_id = add(repo, due=FRIDAY, estimate=30, recurrence=parse_recurrence("weekly:fri"))
    monday = date(2026, 11, 23)
    assert repo.planned_minutes(monday) == 30
    result = repo.tick(task_id, skip=True)
    skipped = repo.get(task_id)
    assert skipped.skipped and not skipped.is_open
    assert repo.get(result.next_id).due == date(2026, 12, 4)
    assert repo.planned_minutes(monday) == 0
    assert repo.load(monday).capacity == 60


def test_meeting_attendees_get_involvement_in_the_same_tick(store):
    people = AmbassadorRepo(store)
    ids = [people.add(build_ambassador({"name": name})) for name in ("Ola", "Jan")]
    repo = TaskRepo(store)
    task_id = add(repo, "Kick-off", category="meetings", due=FRIDAY)
    repo.set_attendees(task_id, ids)
    assert [name for _, name, _ in repo.attendees(task_id)] == ["Jan", "Ola"]
    result = repo.tick(task_id)
    rows = store.db.conn.execute("SELECT ambassador_id, kind, happened_on FROM involvement").fetchall()
    assert sorted(rows) == sorted((i, "meeting", FRIDAY.isoformat()) for i in ids)
    repo.undo(result)
    assert store.db.conn.execute("SELECT count(*) FROM involvement").fetchone()[0] == 0


def test_answered_question_becomes_an_faq_entry(store):
    repo = TaskRepo(store)
    task_id = add(repo, "Answer Ola", category="qa", question="Can I tag clients?")
    repo.save_answer(task_id, "Only with their consent.")
    item_id = repo.save_as_faq(repo.get(task_id))
    kind, title, body = store.db.conn.execute(
        "SELECT kind, title, body FROM library_items WHERE id = ?", (item_id,)).fetchone()
    assert (kind, title) == ("faq", "Can I tag clients?")
    assert "Only with their consent." in body


def test_views(store):
    repo = TaskRepo(store)
    overdue = add(repo, "late", due=FRIDAY - timedelta(days=2))
    today = add(repo, "today", due=FRIDAY)
    sunday = add(repo, "sunday", due=date(2026, 11, 29))
    later = add(repo, "later", due=date(2026, 12, 10), category="graphics")
    undated = add(repo, "someday")
    done = add(repo, "done", due=FRIDAY)
    repo.tick(done)

    def ids(query):
        return [task.id for task in repo.page(query, 0, 100)]

    assert ids(TaskQuery("today")) == [overdue, today]
    assert ids(TaskQuery("week")) == [overdue, today, sunday]
    assert ids(TaskQuery("upcoming")) == [later, undated]
    assert ids(TaskQuery("done")) == [done]
    assert ids(TaskQuery("category", "graphics")) == [later]
    assert repo.position(TaskQuery("week"), sunday) == 2
    assert repo.due_counts() == (1, 1)


def test_week_load_expands_recurring_tasks(store):
    repo = TaskRepo(store)
    add(repo, "daily", due=FRIDAY, estimate=10, recurrence=parse_recurrence("daily"))
    add(repo, "carried over", due=FRIDAY - timedelta(days=10), estimate=20)
    add(repo, "next week", due=date(2026, 12, 1), estimate=30)
    this_monday, next_monday = date(2026, 11, 23), date(2026, 11, 30)
    assert repo.planned_minutes(this_monday) == 10 * 3 + 20  # Fri row + Sat, Sun; carried over
    assert repo.planned_minutes(next_monday) == 10 * 7 + 30


def test_settings_round_trip(store):
    settings = SettingsRepo(store)
    assert settings.hours_per_week() is None and settings.capacity_minutes() == 0
    settings.set_many({"program_name": "Voices", "owner_hours_per_week": "4.5"})
    settings.set_many({"owner_hours_per_week": "6"})
    assert settings.program_name == "Voices"
    assert settings.capacity_minutes() == 360


def test_today_uses_the_rosters_rules(demo_store):
    from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery

    today = demo_store.clock.today()
    everyone = AmbassadorRepo(demo_store).page(RosterQuery(), 0, 1000)
    stuck = sorted(r.name for r in everyone if is_stuck(r.onboarding, today))
    quiet = sorted(r.name for r in everyone if is_quiet(r.status, r.last_active_on, today))
    repo = TodayRepo(demo_store)
    assert repo.stuck().count == len(stuck) > 0
    assert repo.quiet().count == len(quiet) > 0
    assert set(repo.quiet().names) <= set(quiet) and len(repo.quiet().names) == min(3, len(quiet))
    assert set(repo.stuck().names) <= set(stuck)


def test_today_indicators_on_the_demo(demo_store):
    repo = TodayRepo(demo_store)
    settings = Settings()  # the calendar's limit and voices
    mix = content_mix(repo.content_mix().counts, list(settings.voice_labels), settings.company_share_limit)
    assert mix.over_limit
    assert repo.silent_leaders().count == 3
    assert repo.planned_posts() == (2, 1)
    weeks = repo.published_per_week()
    assert len(weeks) == 12 and weeks[-1][0] == date(2026, 11, 23)
    assert sum(count for _, count in weeks) == 21  # the demo's published posts of 12 weeks
    share = repo.active_share()
    assert 0 < share.active <= share.people


def test_today_on_an_empty_program(store):
    repo = TodayRepo(store)
    assert repo.stuck().count == 0 and repo.quiet().count == 0
    assert repo.content_mix().total == 0
    assert repo.active_share().people == 0
    assert not repo.any_posts()


def test_deleting_a_person_unlinks_their_tasks(store):
    people = AmbassadorRepo(store)
    ola = people.add(build_ambassador({"name": "Ola"}))
    repo = TaskRepo(store)
    task_id = add(repo, "Answer Ola", category="qa", ambassador_id=ola)
    repo.set_attendees(task_id, [ola])
    people.delete(ola)
    assert repo.get(task_id).ambassador_id is None
    assert repo.attendees(task_id) == []


def test_active_share_counts_each_recent_person_once_and_never_those_who_left(store):
    people = AmbassadorRepo(store)
    today = store.clock.today()
    ids = {name: people.add(build_ambassador({"name": name, "status": status}))
           for name, status in (("Logged", "active"), ("Posted", "active"), ("Both", "active"),
                                ("Gone", "left"), ("Idle", "active"))}
    for name in ("Logged", "Both", "Gone"):
        store.conn.execute(
            "INSERT INTO involvement (ambassador_id, kind, happened_on, note, created_at) "
            "VALUES (?, 'feedback', ?, '', ?)", [ids[name], today.isoformat(), store.now_text()])
    for name in ("Posted", "Both", "Gone"):
        store.conn.execute(
            "INSERT INTO posts (uid, title, author_id, planned_on, state, voice, published_on, created_at, "
            "updated_at) VALUES (?, 't', ?, ?, 'published', 'personal', ?, ?, ?)",
            [f"u{name}", ids[name], today.isoformat(), today.isoformat(), store.now_text(), store.now_text()])
    share = TodayRepo(store).active_share()
    assert (share.active, share.people) == (3, 4)

"""Drive Tasks and Today like a user: tick, undo, skip, quick add, follow an indicator."""

from datetime import date

from advocacy_tui.data.settings import SettingsRepo
from advocacy_tui.data.tasks import TaskQuery, TaskRepo
from advocacy_tui.screens.modals.task_form import (
    AnswerDialog,
    AttendeesDialog,
    RoutineDialog,
    SettingsDialog,
    TaskForm,
)
from advocacy_tui.screens.roster import RosterScreen
from advocacy_tui.screens.tasks import TasksScreen
from advocacy_tui.screens.today import Indicator, TodayScreen
from tests.screen import screen_text

FRIDAY = date(2026, 11, 27)


async def settle(app, pilot):
    """Let Today's counting worker finish and the screen repaint."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def open_titles(store, view="today"):
    return [task.title for task in TaskRepo(store).page(TaskQuery(view), 0, 100)]


async def test_today_is_the_default_section(demo_store, make_app):
    app = make_app(demo_store, start_mode=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        assert "Northwind Voices" in text
        assert "Stuck in onboarding" in text
        assert "4 people have done no onboarding step for 14 days" in text


async def test_tick_undo_and_skip_in_tasks(demo_store, make_app):
    repo = TaskRepo(demo_store)
    app = make_app(demo_store, start_mode="tasks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TasksScreen)
        first = open_titles(demo_store)[0]
        assert first == "Send the graphics pack for the December campaign"
        await pilot.press("space")
        await pilot.pause()
        assert first not in open_titles(demo_store)
        await pilot.press("u")
        await pilot.pause()
        assert open_titles(demo_store)[0] == first
        # the second row repeats every weekday: skip it, the next one appears on Monday
        await pilot.press("down", "s")
        await pilot.pause()
        assert "Answer ambassadors' questions" not in open_titles(demo_store)
        nxt = [t for t in repo.page(TaskQuery("upcoming"), 0, 50) if t.title == "Answer ambassadors' questions"]
        assert [t.due for t in nxt] == [date(2026, 11, 30)]
        await pilot.press("u")
        await pilot.pause()
        assert "Answer ambassadors' questions" in open_titles(demo_store)
        assert not [t for t in repo.page(TaskQuery("upcoming"), 0, 50) if t.title == "Answer ambassadors' questions"]


async def test_quick_add_and_views(store, make_app):
    app = make_app(store, start_mode="tasks")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Write 2 sample posts #sample_posts fri 45m every week", "enter")
        await pilot.pause()
        [task] = TaskRepo(store).page(TaskQuery("today"), 0, 10)
        assert (task.title, task.category, task.due, task.estimate, task.recurrence.text()) == (
            "Write 2 sample posts", "sample_posts", FRIDAY, 45, "weekly:fri")
        assert "Write 2 sample posts" in screen_text(app)
        await pilot.press("n", *"Oops #nope", "enter")
        await pilot.pause()
        assert TaskRepo(store).count(TaskQuery("done")) == 0
        assert TaskRepo(store).count(TaskQuery("upcoming")) == 0
        await pilot.press("escape", "right", "right", "right")
        await pilot.pause()
        assert "Done" in screen_text(app) and "Nothing ticked off yet" in screen_text(app)


async def test_ticking_a_question_asks_for_the_answer_then_saves_faq(demo_store, make_app):
    faq_before = demo_store.conn.execute(
        "SELECT count(*) FROM library_items WHERE kind = 'faq'").fetchone()[0]
    app = make_app(demo_store, start_mode="tasks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = open_titles(demo_store)
        row = titles.index("Answer Marta's question about posting in work hours")
        await pilot.press(*["down"] * row, "space")
        await pilot.pause()
        assert isinstance(app.screen, AnswerDialog)
        await pilot.press(*"During work hours, up to 15 minutes a day.", "f10")
        await pilot.pause()
        assert isinstance(app.screen, TasksScreen)
        done = TaskRepo(demo_store).page(TaskQuery("done"), 0, 1)[0]
        assert done.answer == "During work hours, up to 15 minutes a day."
        await pilot.press("right", "right", "right")  # Done view, newest first
        await pilot.press("f")
        await pilot.pause()
    count = demo_store.db.conn.execute("SELECT count(*) FROM library_items WHERE kind = 'faq'").fetchone()[0]
    assert count == faq_before + 1


async def test_meeting_attendees_by_search(demo_store, make_app):
    repo = TaskRepo(demo_store)
    app = make_app(demo_store, start_mode="tasks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right", "right")  # upcoming
        titles = [t.title for t in repo.page(TaskQuery("upcoming"), 0, 50)]
        row = titles.index("Ambassador office hours")
        await pilot.press(*["down"] * row, "m")
        await pilot.pause()
        assert isinstance(app.screen, AttendeesDialog)
        await pilot.press(*"lukasz", "enter")
        await pilot.press(*"zofia", "enter")
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
    task = [t for t in repo.page(TaskQuery("upcoming"), 0, 50) if t.title == "Ambassador office hours"][0]
    assert [name for _, name, _ in repo.attendees(task.id)] == ["Łukasz Dąbrowski", "Zofia Kamińska"]


async def test_a_meeting_for_a_whole_group(demo_store, make_app):
    from advocacy_tui.data.groups import GroupRepo

    sales = GroupRepo(demo_store).by_name("Sales ambassadors")
    members = [name for _, name, _ in GroupRepo(demo_store).members(sales.id)]
    repo = TaskRepo(demo_store)
    app = make_app(demo_store, start_mode="tasks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right", "right")  # upcoming
        titles = [t.title for t in repo.page(TaskQuery("upcoming"), 0, 50)]
        await pilot.press(*["down"] * titles.index("Ambassador office hours"), "m")
        await pilot.pause()
        await pilot.press(*"sales")
        await pilot.pause()
        assert f"+ the group Sales ambassadors ({len(members)} people)" in screen_text(app)
        await pilot.press("enter", "f10")
        await pilot.pause()
    task = [t for t in repo.page(TaskQuery("upcoming"), 0, 50) if t.title == "Ambassador office hours"][0]
    assert sorted(name for _, name, _ in repo.attendees(task.id)) == sorted(members)


async def test_plan_a_routine_and_program_settings(store, make_app):
    app = make_app(store, start_mode="tasks")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RoutineDialog)
        await pilot.press("space")  # untick the first line (sample posts)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, TasksScreen)
        rows = store.db.conn.execute("SELECT category, recurrence FROM tasks ORDER BY id").fetchall()
        assert len(rows) == 5 and "sample_posts" not in {c for c, _ in rows}
        assert all(recurrence != "none" for _, recurrence in rows)
        app.screen.palette_commands()  # the settings command is there
        [command] = [c for c in app.screen.palette_commands() if c.title == "Program settings"]
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, SettingsDialog)
        await pilot.press(*"Voices", "tab", *"2", "tab", *"31.02.2026", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsDialog)  # no such day: nothing saved yet
        app.screen.query_one("#launch").value = ""
        await pilot.press(*"01.03.2026", "enter")
        await pilot.pause()
        assert SettingsRepo(store).capacity_minutes() == 120
        from advocacy_tui.data.goals import GoalRepo
        assert GoalRepo(store).launch_date() == date(2026, 3, 1)
        assert "over" in screen_text(app)


async def test_full_form_adds_a_task(store, make_app):
    app = make_app(store, start_mode="tasks")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, TaskForm)
        await pilot.press(*"Team meeting", "tab", "tab", *"30.11.2026", "tab", *"10:00", "tab", *"1h",
                          "tab", *"weekly:mon", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TasksScreen)
    [task] = TaskRepo(store).page(TaskQuery("upcoming"), 0, 10)
    assert (task.title, task.due, task.estimate, task.recurrence.text()) == (
        "Team meeting", date(2026, 11, 30), 60, "weekly:mon")


async def test_tick_on_today_and_follow_an_indicator(demo_store, make_app):
    app = make_app(demo_store, start_mode="today")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        before = len(open_titles(demo_store))
        await pilot.press("space")
        await settle(app, pilot)
        assert len(open_titles(demo_store)) == before - 1
        assert "2 overdue and 2 due today" in screen_text(app)
        await pilot.press("u")
        await settle(app, pilot)
        assert len(open_titles(demo_store)) == before
        app.screen.query_one("#ind-stuck", Indicator).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RosterScreen)
        await pilot.press("1")
        await settle(app, pilot)
        assert isinstance(app.screen, TodayScreen)
        indicator = app.screen.query_one("#ind-tasks", Indicator)
        indicator.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, TasksScreen)


async def test_today_on_an_empty_program_says_what_is_missing(store, make_app):
    app = make_app(store, start_mode="today")
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert "No posts are planned yet" in text
        assert "No one is in onboarding now" in text
        assert "your hours a week are not set" in text
        # the posts indicator leads to the calendar, where posts are planned
        assert app.screen.query_one("#ind-posts", Indicator).reading.target == "calendar"

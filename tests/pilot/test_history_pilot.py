"""The roster shows who changed a person, and when, when named users work on the program."""

from dataclasses import replace

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.users import record_changes_as
from advocacy_tui.domain.ambassadors import build_ambassador
from tests.screen import screen_text


async def test_the_detail_pane_shows_the_latest_changes(store, make_app):
    record_changes_as(store, "[b]Anna[/b]")
    repo = AmbassadorRepo(store)
    person_id = repo.add(build_ambassador({"name": "Ewa Nowak"}))
    repo.update(replace(repo.get(person_id), department="Sales"))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)):
        shown = screen_text(app)
    # newest first, the user's name as typed (never markup)
    assert "History: changed 27.11.2026 09:30 by [b]Anna[/b] · added 27.11.2026 09:30" in shown


async def test_no_history_line_without_named_users(store, make_app):
    AmbassadorRepo(store).add(build_ambassador({"name": "Ewa Nowak"}))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)):
        assert "History:" not in screen_text(app)


async def test_the_task_and_post_forms_show_their_history(store, make_app):
    from advocacy_tui.data.posts import PostRepo
    from advocacy_tui.data.tasks import TaskRepo
    from advocacy_tui.screens.modals.post_form import PostForm
    from advocacy_tui.screens.modals.task_form import TaskForm

    record_changes_as(store, "Piotr")
    with store.write():
        store.conn.execute("INSERT INTO tasks (title, created_at, updated_at) VALUES ('Q&A', 'x', 'x')")
        store.conn.execute("INSERT INTO posts (uid, title, planned_on, created_at, updated_at) "
                           "VALUES ('u1', 'Hello', '2026-11-30', 'x', 'x')")
    tasks, posts = TaskRepo(store), PostRepo(store)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(TaskForm(tasks, tasks.get(1)))
        await pilot.pause()
        assert "History: added 27.11.2026 09:30 by Piotr" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(PostForm(posts, posts.get(1), (("personal", "Personal"),)))
        await pilot.pause()
        assert "History: added 27.11.2026 09:30 by Piotr" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(TaskForm(tasks))  # a new task has no history
        await pilot.pause()
        assert "History:" not in screen_text(app)

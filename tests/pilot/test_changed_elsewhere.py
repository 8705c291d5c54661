"""Two tabs (or windows) edit the same post, task or stakeholder: the second save asks
(keep mine / take theirs / back to the form) and never overwrites the other in silence.
The other tab is a second connection to the same file, as a served tab is."""

from dataclasses import replace
from datetime import date

import pytest
from textual.widgets import Input

from advocacy_tui.data.posts import PostRepo
from advocacy_tui.data.stakeholders import StakeholderRepo
from advocacy_tui.data.store import Store
from advocacy_tui.data.tasks import Task, TaskRepo
from advocacy_tui.domain.posts import Post
from advocacy_tui.domain.stakeholders import Stakeholder
from advocacy_tui.screens.modals.changed import ChangedElsewhereDialog


def _post(store):
    return PostRepo(store).add(Post(None, "Mine", planned_on=date(2026, 11, 27)))


def _task(store):
    return TaskRepo(store).add(Task(None, "Mine", due=date(2026, 11, 27)))


def _stakeholder(store):
    return StakeholderRepo(store).add(Stakeholder(None, "Mine"))


def _open(app, kind, key):
    if kind == "post":
        app.screen.edit_post(key)
    elif kind == "task":
        app.screen.edit(key)
    else:
        app.screen.stakeholders.edit(key)


KINDS = {  # kind: (make, repo, start mode, the field holding the title, keys to reach it)
    "post": (_post, PostRepo, "calendar", "title", "title"),
    "task": (_task, TaskRepo, "tasks", "title", "title"),
    "stakeholder": (_stakeholder, StakeholderRepo, "roster", "name", "name"),
}


async def _edit_while_another_tab_saves(app, pilot, store, kind, key, value):
    _make, repo_type, _mode, field, box = KINDS[kind]
    if kind == "stakeholder":
        await pilot.press("t")  # the stakeholder map tab
        await pilot.pause()
    _open(app, kind, key)
    await pilot.pause()
    app.screen.query_one(f"#{box}", Input).value = value
    other = Store.open(store.path)
    try:
        other_repo = repo_type(other)
        other_repo.update(replace(other_repo.get(key), **{field: "Theirs"}))
    finally:
        other.close()
    await pilot.press("f10")
    await pilot.pause()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("choice", "kept"), [("k", "Mine, edited"), ("t", "Theirs")])
async def test_the_second_save_asks_and_does_what_was_chosen(store, make_app, kind, choice, kept):
    make, repo_type, mode, field, _box = KINDS[kind]
    key = make(store)
    app = make_app(store, start_mode=mode)
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_while_another_tab_saves(app, pilot, store, kind, key, "Mine, edited")
        assert isinstance(app.screen, ChangedElsewhereDialog)
        assert getattr(repo_type(store).get(key), field) == "Theirs"  # nothing written yet
        await pilot.press(choice)
        await pilot.pause()
        assert not isinstance(app.screen, ChangedElsewhereDialog)
    assert getattr(repo_type(store).get(key), field) == kept


@pytest.mark.parametrize("kind", KINDS)
async def test_back_to_the_form_keeps_what_was_typed(store, make_app, kind):
    make, repo_type, mode, field, box = KINDS[kind]
    key = make(store)
    app = make_app(store, start_mode=mode)
    async with app.run_test(size=(120, 40)) as pilot:
        await _edit_while_another_tab_saves(app, pilot, store, kind, key, "Mine, edited")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(f"#{box}", Input).value == "Mine, edited"
        await pilot.press("f10")  # saved over the version now shown as the base
        await pilot.pause()
    assert getattr(repo_type(store).get(key), field) == "Mine, edited"

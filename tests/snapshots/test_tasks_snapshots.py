"""Snapshots of Today, the task views and their dialogs, at 80x24 and 120x40, fixed clock."""

import pytest

SIZES = [(80, 24), (120, 40)]
ids = lambda s: f"{s[0]}x{s[1]}"  # noqa: E731


async def counted(pilot):
    """Wait for Today's counting worker, so the snapshot shows the numbers."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_today(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="today"), terminal_size=size, run_before=counted)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_today_indicators_focused(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="today"), terminal_size=size,
                        press=["tab", "tab", "tab"], run_before=counted)


def test_today_empty_program(snap_compare, store, make_app):
    assert snap_compare(make_app(store, start_mode="today"), terminal_size=(120, 40), run_before=counted)


@pytest.mark.parametrize("size", SIZES, ids=ids)
@pytest.mark.parametrize("view", [0, 1, 2, 3, 4], ids=["today", "week", "upcoming", "done", "category"])
def test_task_views(snap_compare, demo_store, make_app, size, view):
    assert snap_compare(make_app(demo_store, start_mode="tasks"), terminal_size=size, press=["right"] * view)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_task_form(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="tasks"), terminal_size=size, press=["e"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_plan_routine(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="tasks"), terminal_size=size, press=["r"])


def test_answer_dialog(snap_compare, demo_store, make_app):
    assert snap_compare(make_app(demo_store, start_mode="tasks"), terminal_size=(80, 24),
                        press=["down", "down", "down", "down", "space"])


def test_attendees_dialog(snap_compare, demo_store, make_app):
    assert snap_compare(make_app(demo_store, start_mode="tasks"), terminal_size=(80, 24),
                        press=["right", "right", "down", "m", *"ka"])


def test_tasks_help(snap_compare, demo_store, make_app):
    assert snap_compare(make_app(demo_store, start_mode="tasks"), terminal_size=(80, 24), press=["f1"])

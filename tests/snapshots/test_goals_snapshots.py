"""Snapshots of the goals section (demo and empty) and its forms, at 80x24 and 120x40, fixed clock."""

import pytest

SIZES = [(80, 24), (120, 40)]
ids = lambda s: f"{s[0]}x{s[1]}"  # noqa: E731


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_goals(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="goals"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_goals_in_polish(snap_compare, polish_store, make_app, size):
    assert snap_compare(make_app(polish_store, start_mode="goals"), terminal_size=size)


def test_goals_empty(snap_compare, store, make_app):
    assert snap_compare(make_app(store, start_mode="goals"), terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_goal_form(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="goals"), terminal_size=size, press=["e"])


def test_value_form(snap_compare, demo_store, make_app):
    assert snap_compare(make_app(demo_store, start_mode="goals"), terminal_size=(80, 24), press=["v"])

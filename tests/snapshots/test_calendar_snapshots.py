"""Snapshots of the calendar (month, week), the library and the post form, fixed clock."""

import pytest

SIZES = [(80, 24), (120, 40)]


def _ids(size):
    return f"{size[0]}x{size[1]}"


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_month(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="calendar"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_week(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="calendar"), terminal_size=size, press=["v"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_library(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="calendar"), terminal_size=size, press=["l"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_post_form(snap_compare, demo_store, make_app, size):
    # Friday 27.11 holds two posts: e asks which one, Enter takes the first.
    assert snap_compare(make_app(demo_store, start_mode="calendar"), terminal_size=size,
                        press=["e", "enter"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_new_post_form_with_problems(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="calendar"), terminal_size=size,
                        press=["right", "a", "f10"])


def test_empty_calendar(snap_compare, store, make_app):
    assert snap_compare(make_app(store, start_mode="calendar"), terminal_size=(80, 24))

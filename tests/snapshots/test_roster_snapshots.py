"""Snapshots of the roster and its dialogs, at 80x24 and 120x40, with a fixed clock."""

import pytest

from advocacy_tui.data.ambassadors import AmbassadorRepo

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_roster(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_roster_filtered(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size, press=["slash", *"eng"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_add_form_with_problems(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["a", "tab", *"not-an-email", "enter"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_edit_form(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size, press=["e"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_delete_confirmation(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size, press=["d"])


def test_empty_roster(snap_compare, store, make_app):
    assert snap_compare(make_app(store, start_mode="roster"), terminal_size=(80, 24))


def test_help(snap_compare, demo_store, make_app):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=(80, 24), press=["f1"])


def test_light_theme(snap_compare, demo_store, make_app):
    from advocacy_tui.config import Settings

    assert AmbassadorRepo(demo_store).total() > 30
    assert snap_compare(make_app(demo_store, Settings(theme="advocacy-light"), start_mode="roster"), terminal_size=(120, 40))

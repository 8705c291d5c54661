"""Snapshots of the roster's detail pane, filters, involvement form and stakeholder map."""

import pytest

SIZES = [(80, 24), (120, 40)]
ids = lambda s: f"{s[0]}x{s[1]}"  # noqa: E731


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_detail_pane_of_someone_stuck(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["slash", *"harry", "enter", "o"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_filtered_to_stuck_and_quiet(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["f", *["tab"] * 7, "space", "tab", "space", "f10"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_filter_dialog(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["f", *["tab"] * 7, "space"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_involvement_form(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["i", "tab", "ctrl+u", *"1.1.2027", "tab", *"Asked about [b]hashtags[/b]"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_stakeholder_map(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size, press=["t"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_stakeholder_form(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["t", "down", "e"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_stakeholder_delete_confirmation(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["t", "d"])


def test_detail_pane_beside_the_table_when_very_wide(snap_compare, demo_store, make_app):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=(160, 40),
                        press=["down", "down", "down"])

"""Snapshots of the groups and campaigns views (demo program, fixed clock), at 80x24 and 120x40."""

import pytest

SIZES = [(80, 24), (120, 40)]


def _ids(size):
    return f"{size[0]}x{size[1]}"


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_groups_of_a_person(snap_compare, demo_store, make_app, size):
    # the fourth person (Bartosz Nowakowski) is in the cohort and in sales
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["down", "down", "down", "g"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_all_groups(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size, press=["G"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_roster_filtered_by_group(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["G", "down", "enter"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_campaigns(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="calendar"), terminal_size=size, press=["C"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_calendar_filtered_by_campaign(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="calendar"), terminal_size=size,
                        press=["C", "enter"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_campaign_form(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="calendar"), terminal_size=size, press=["C", "e"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_outcomes_by_group(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="goals"), terminal_size=size, press=["b"])

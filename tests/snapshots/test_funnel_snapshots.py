"""Snapshots of the recruitment funnel (r on the roster) and of the person's form with the
issue 21 fields filled in, at 80x24 and 120x40, with a fixed clock."""

import pytest

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_funnel(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size, press=["r"])


def test_funnel_without_employees_in_polish(snap_compare, polish_store, make_app):
    from advocacy_tui.data.settings import SETTING_EMPLOYEES, SettingsRepo

    SettingsRepo(polish_store).set_many({SETTING_EMPLOYEES: ""})
    assert snap_compare(make_app(polish_store, start_mode="roster"), terminal_size=(80, 24), press=["r"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_form_of_a_recommended_candidate(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["slash", *"hannah", "enter", "e"])

"""The pure rules behind Today's indicators."""

from datetime import date, timedelta

from advocacy_tui.domain.today import (
    ActiveShare,
    ContentMix,
    bar_row,
    chart_weeks,
    since,
)

FRIDAY = date(2026, 11, 27)


def test_windows_include_today():
    assert since(FRIDAY, 30) == FRIDAY - timedelta(days=29)
    weeks = chart_weeks(FRIDAY)
    assert len(weeks) == 12 and weeks[-1] == date(2026, 11, 23) and weeks[0] == date(2026, 9, 7)
    assert all(w.weekday() == 0 for w in weeks)


def test_content_mix_warns_over_a_third_company():
    assert not ContentMix({"personal": 2, "company": 1}).company_dominates  # exactly a third is fine
    mix = ContentMix({"personal": 1, "company": 1})
    assert mix.company_dominates
    assert mix.words() == "2 published: personal 50 %, company 50 %"
    assert ContentMix({}).words().startswith("No posts")


def test_active_share_compares_with_the_field_figure():
    assert "normal" in ActiveShare(20, 100).words()
    assert "Below the usual 15–25 %" in ActiveShare(5, 100).words()
    assert "Above" in ActiveShare(40, 100).words()
    assert "No one" in ActiveShare(0, 0).words()


def test_bar_row():
    assert bar_row([0, 4, 8]) == "▁▄█"
    assert bar_row([0, 0]) == "▁▁"
    assert bar_row([]) == ""

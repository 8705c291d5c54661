"""Calendar arithmetic: month edges, leap days, week starts, DST, times."""

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_tui.domain.calendar import (
    add_months,
    content_mix,
    grid_range,
    mix_warning,
    month_grid,
    month_last,
    parse_time,
    planned_moment,
    season_hint,
    week_days,
    week_start,
    weekday_names,
    weekly_pieces_hint,
)

WARSAW = ZoneInfo("Europe/Warsaw")


def test_week_starts_on_monday_or_sunday():
    friday = date(2026, 11, 27)
    assert week_start(friday, 0) == date(2026, 11, 23)
    assert week_start(friday, 6) == date(2026, 11, 22)
    assert week_start(date(2026, 11, 23), 0) == date(2026, 11, 23)
    assert [d.day for d in week_days(friday, 0)] == [23, 24, 25, 26, 27, 28, 29]
    assert weekday_names(6)[:2] == ["Sun", "Mon"]


def test_week_crossing_year_end():
    assert week_days(date(2026, 12, 31), 0)[-1] == date(2027, 1, 3)


@pytest.mark.parametrize("first", range(7))
def test_month_grid_covers_the_month_in_six_weeks(first):
    grid = month_grid(date(2026, 2, 14), first)
    days = [d for week in grid for d in week]
    assert len(days) == 42
    assert days[0].weekday() == first
    assert date(2026, 2, 1) in days and date(2026, 2, 28) in days
    assert all(b - a == timedelta(days=1) for a, b in zip(days, days[1:], strict=False))
    assert grid_range(date(2026, 2, 14), first) == (days[0], days[-1])


def test_month_edges_and_leap_days():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 15)
    assert month_last(date(2024, 2, 3)) == date(2024, 2, 29)
    assert month_last(date(2100, 2, 3)) == date(2100, 2, 28)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.integers(-240, 240))
def test_add_months_stays_in_the_target_month(day, months):
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day <= day.day


def test_planned_time_in_warsaw_across_dst():
    # Before and after the spring change (29 March 2026) and the autumn one (25 October 2026).
    assert planned_moment(date(2026, 3, 28), time(9, 0), WARSAW).utcoffset() == timedelta(hours=1)
    assert planned_moment(date(2026, 3, 29), time(9, 0), WARSAW).utcoffset() == timedelta(hours=2)
    assert planned_moment(date(2026, 10, 25), time(9, 0), WARSAW).utcoffset() == timedelta(hours=1)
    # 02:30 does not exist on 29 March: it becomes 03:30 summer time.
    skipped = planned_moment(date(2026, 3, 29), time(2, 30), WARSAW)
    assert (skipped.hour, skipped.minute, skipped.utcoffset()) == (3, 30, timedelta(hours=2))
    # 02:30 happens twice on 25 October: the first one (summer time) is meant.
    twice = planned_moment(date(2026, 10, 25), time(2, 30), WARSAW)
    assert (twice.hour, twice.utcoffset()) == (2, timedelta(hours=2))
    assert planned_moment(date(2026, 3, 29), None, WARSAW) is None


def test_parse_time():
    assert parse_time("9:05") == time(9, 5)
    assert parse_time(" 09.30 ") == time(9, 30)
    for bad in ("25:00", "9", "ab:cd", "12:5", "12:60"):
        with pytest.raises(ValueError):
            parse_time(bad)


@given(st.text(max_size=12))
def test_parse_time_never_crashes(text):
    try:
        parse_time(text)
    except ValueError as error:
        assert str(error)


def test_content_mix_and_warning():
    labels = {"personal": "Personal expertise", "team": "Team and culture",
              "company": "Company and employer brand", "industry": "Industry news"}
    voices = list(labels)
    fine = content_mix({"personal": 4, "company": 2}, voices, 1 / 3)
    assert fine.total == 6 and not fine.over_limit and fine.share("personal") == pytest.approx(2 / 3)
    assert mix_warning(fine, 1 / 3, labels) == ""
    over = content_mix({"personal": 3, "company": 2, "old": 1}, voices, 1 / 3)
    assert over.counts[-1] == ("old", 1) and over.total == 6 and not over.over_limit
    over = content_mix({"personal": 2, "company": 2}, voices, 1 / 3)
    assert over.over_limit
    text = mix_warning(over, 1 / 3, labels)
    assert "50%" in text and "33%" in text and "plan personal expertise or team and culture" in text
    assert "about 2 more" in text
    assert not content_mix({}, voices, 1 / 3).over_limit


def test_hints():
    assert "busy" in season_hint(date(2026, 9, 1))
    assert "low" in season_hint(date(2026, 7, 1))
    assert season_hint(date(2026, 11, 1)) == ""
    assert weekly_pieces_hint(200) == pytest.approx(7)

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
    assert mix.words() == "2 published in the last 30 days: personal 50 %, company 50 %"
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


# -- failure 1, timing: the last readiness check's "check again" date and its age -----------

from advocacy_tui.domain.readiness import recheck_for  # noqa: E402
from advocacy_tui.domain.today import STALE_READINESS_DAYS, readiness_reminder  # noqa: E402


def test_no_readiness_check_yet():
    assert readiness_reminder(None, None, FRIDAY).state == "none"


def test_before_the_check_again_window_the_reminder_is_quiet():
    finished = FRIDAY - timedelta(days=10)
    reminder = readiness_reminder(finished, "prepare", FRIDAY)
    assert reminder.state == "later"
    assert (reminder.earliest, reminder.latest) == (recheck_for("prepare", finished).earliest,
                                                    recheck_for("prepare", finished).latest)


def test_the_check_again_window_has_come_and_passed():
    finished = FRIDAY - timedelta(weeks=5)
    assert readiness_reminder(finished, "prepare", FRIDAY).state == "due"
    assert readiness_reminder(FRIDAY - timedelta(weeks=7), "prepare", FRIDAY).state == "overdue"
    assert readiness_reminder(FRIDAY - timedelta(days=91), "wait", FRIDAY).state == "due"


def test_a_verdict_older_than_six_months_says_so():
    # the demo's run: 400 days old, "check again between 25.11 and 09.12" a year ago
    finished = FRIDAY - timedelta(days=400)
    reminder = readiness_reminder(finished, "prepare", FRIDAY)
    assert reminder.state == "stale" and reminder.months_old == 13
    go = FRIDAY - timedelta(days=STALE_READINESS_DAYS + 1)
    assert readiness_reminder(go, "go", FRIDAY).state == "stale"
    assert readiness_reminder(FRIDAY - timedelta(days=STALE_READINESS_DAYS), "go", FRIDAY).state == "due"

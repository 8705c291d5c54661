"""The pure rules behind Today's indicators."""

from datetime import date, timedelta

from advocacy_tui.config import DEFAULT_COMPANY_SHARE_LIMIT, DEFAULT_VOICES
from advocacy_tui.domain.calendar import content_mix
from advocacy_tui.domain.today import (
    ActiveShare,
    bar_row,
    chart_weeks,
    mix_words,
    since,
)

FRIDAY = date(2026, 11, 27)


def test_windows_include_today():
    assert since(FRIDAY, 30) == FRIDAY - timedelta(days=29)
    weeks = chart_weeks(FRIDAY)
    assert len(weeks) == 12 and weeks[-1] == date(2026, 11, 23) and weeks[0] == date(2026, 9, 7)
    assert all(w.weekday() == 0 for w in weeks)


def test_content_mix_warns_over_the_default_third_company():
    voices, labels = [key for key, _ in DEFAULT_VOICES], dict(DEFAULT_VOICES)
    # exactly a third is fine
    assert not content_mix({"personal": 2, "company": 1}, voices, DEFAULT_COMPANY_SHARE_LIMIT).over_limit
    mix = content_mix({"company": 1, "personal": 1}, voices, DEFAULT_COMPANY_SHARE_LIMIT)
    assert mix.over_limit
    assert mix_words(mix, labels) == "2 published in the last 30 days: personal 50%, company 50%"
    assert mix_words(content_mix({}, voices, DEFAULT_COMPANY_SHARE_LIMIT), labels).startswith("No posts")


def test_active_share_compares_with_the_field_figure():
    assert "normal" in ActiveShare(20, 100).words()
    assert "Below the usual 15–25%" in ActiveShare(5, 100).words()
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

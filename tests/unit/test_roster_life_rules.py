"""Onboarding progress, stuck, quiet and the stakeholder rules, with a fixed "today"."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_tui.domain.involvement import (
    QUIET_DAYS,
    active_within,
    check_happened_on,
    is_quiet,
    last_active_text,
    quiet_cutoff,
)
from advocacy_tui.domain.onboarding import (
    STEPS,
    STUCK_DAYS,
    OnboardingState,
    days_stuck,
    describe_days,
    is_stuck,
    progress_text,
    stuck_cutoff,
    stuck_text,
)
from advocacy_tui.domain.stakeholders import (
    StakeholderError,
    build_stakeholder,
    normalise_kind,
    stance_text,
)

TODAY = date(2026, 11, 27)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def test_progress_is_steps_done_out_of_six():
    assert len(STEPS) == 6
    assert progress_text(0) == "0/6"
    assert progress_text(4) == "4/6"
    assert progress_text(6) == "6/6"
    assert progress_text(9) == "6/6"


def test_stuck_counts_from_the_latest_step():
    state = OnboardingState("onboarding", 3, last_step_on=ago(STUCK_DAYS), joined=ago(60))
    assert days_stuck(state, TODAY) == STUCK_DAYS
    assert is_stuck(state, TODAY)
    fresh = OnboardingState("onboarding", 3, last_step_on=ago(STUCK_DAYS - 1), joined=ago(60))
    assert days_stuck(fresh, TODAY) is None


def test_stuck_counts_from_joining_when_no_step_is_done():
    state = OnboardingState("onboarding", 0, last_step_on=None, joined=ago(40))
    assert days_stuck(state, TODAY) == 40
    assert days_stuck(OnboardingState("onboarding", 0, None, None, created_on=ago(20)), TODAY) == 20
    assert days_stuck(OnboardingState("onboarding", 0, None, None), TODAY) is None


@pytest.mark.parametrize("status", ["candidate", "invited", "active", "paused", "left"])
def test_only_people_onboarding_can_be_stuck(status):
    assert days_stuck(OnboardingState(status, 1, ago(100), ago(200)), TODAY) is None


def test_a_complete_checklist_is_never_stuck():
    assert days_stuck(OnboardingState("onboarding", 6, ago(100), ago(200)), TODAY) is None


@given(st.integers(min_value=0, max_value=2000), st.integers(min_value=0, max_value=5))
def test_stuck_agrees_with_the_cutoff_used_by_queries(days, done):
    state = OnboardingState("onboarding", done, ago(days), None)
    assert is_stuck(state, TODAY) == (ago(days) <= stuck_cutoff(TODAY))


@given(st.one_of(st.none(), st.integers(min_value=-3, max_value=2000)))
def test_quiet_agrees_with_the_cutoff_used_by_queries(days):
    last = ago(days) if days is not None else None
    in_sql = last is None or last < quiet_cutoff(TODAY)
    assert is_quiet("active", last, TODAY) == in_sql


def test_quiet_means_thirty_days_without_an_entry():
    assert QUIET_DAYS == 30
    assert not is_quiet("active", ago(29), TODAY)
    assert is_quiet("active", ago(30), TODAY)
    assert is_quiet("onboarding", None, TODAY)
    assert active_within(ago(0), TODAY)
    assert not active_within(None, TODAY)


@pytest.mark.parametrize("status", ["candidate", "invited", "paused", "left"])
def test_people_not_expected_to_take_part_are_not_quiet(status):
    assert not is_quiet(status, None, TODAY)
    assert not is_quiet(status, ago(400), TODAY)


def test_spans_and_cells_read_as_words():
    assert describe_days(1) == "1 day"
    assert describe_days(9) == "9 days"
    assert describe_days(22) == "3 weeks"
    assert describe_days(45) == "1 month"
    assert describe_days(95) == "3 months"
    assert describe_days(800) == "2 years"
    assert stuck_text(None) == ""
    assert stuck_text(20) == "⚠ 20 days"
    assert last_active_text(None, TODAY) == "never"
    assert last_active_text(TODAY, TODAY) == "today"
    assert last_active_text(ago(1), TODAY) == "yesterday"
    assert last_active_text(ago(5), TODAY) == "5 days ago"
    assert last_active_text(ago(45), TODAY, quiet=True, ago=False) == "☾ 1 month"


def test_involvement_dates_cannot_be_in_the_future():
    assert check_happened_on("27.11.2026", TODAY) is None
    assert check_happened_on("2026-11-01", TODAY) is None
    assert "future" in check_happened_on("28.11.2026", TODAY)
    assert "required" in check_happened_on(" ", TODAY)
    assert "not a date" in check_happened_on("soon", TODAY)


def test_stakeholder_kinds_and_stances():
    assert normalise_kind("PR") == "pr"
    assert normalise_kind("  board ") == "board"
    assert normalise_kind("Legal  team") == "Legal team"
    assert stance_text("supportive") == "✓ Supportive"
    assert stance_text("against") == "✗ Against"
    s = build_stakeholder({"name": " PR team ", "kind": "Pr", "stance": "sceptical",
                           "last_talk": "01.11.2026"}, TODAY)
    assert (s.name, s.kind, s.stance, s.last_talk) == ("PR team", "pr", "sceptical", date(2026, 11, 1))


def test_stakeholder_problems_are_listed_by_field():
    with pytest.raises(StakeholderError) as error:
        build_stakeholder({"name": "", "kind": "", "stance": "hostile", "last_talk": "31.12.2026"},
                          TODAY)
    assert set(error.value.problems) == {"name", "kind", "stance", "last_talk"}

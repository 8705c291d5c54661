"""Recurrence, quick add and load: the pure rules of the task checklist."""

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_tui.domain.tasks import (
    RECOMMENDED_ROUTINE,
    WEEKDAYS,
    Load,
    OpenSeries,
    QuickAddError,
    Recurrence,
    RecurrenceError,
    TaskDraft,
    check_estimate,
    check_hours,
    expanded_minutes,
    first_on_or_after,
    format_minutes,
    next_after,
    next_occurrence,
    occurrences_between,
    parse_quick_add,
    parse_recurrence,
    quick_add_text,
    read_estimate,
    routine_minutes,
    week_start,
)

FRIDAY = date(2026, 11, 27)  # the tests' fixed "today"


# -- the recurrence format -------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("none", Recurrence()),
        ("", Recurrence()),
        ("daily", Recurrence("daily")),
        ("Weekdays", Recurrence("weekdays")),
        ("weekly:thu,mon", Recurrence("weekly", (0, 3))),
        ("weekly:monday, thursday", Recurrence("weekly", (0, 3))),
        ("monthly:31", Recurrence("monthly", (), 31)),
    ],
)
def test_parse_recurrence(text, expected):
    assert parse_recurrence(text) == expected


@pytest.mark.parametrize("text", ["weekly:", "weekly:xyz", "monthly:0", "monthly:32", "monthly:x",
                                  "yearly", "weekly:mo,tux", "every day"])
def test_bad_recurrence_explains(text):
    with pytest.raises(RecurrenceError) as error:
        parse_recurrence(text)
    assert str(error.value).endswith(".")


rules = st.one_of(
    st.just(Recurrence()),
    st.just(Recurrence("daily")),
    st.just(Recurrence("weekdays")),
    st.sets(st.integers(0, 6), min_size=1).map(lambda days: Recurrence("weekly", tuple(sorted(days)))),
    st.integers(1, 31).map(lambda day: Recurrence("monthly", (), day)),
)


@given(rules)
def test_recurrence_text_round_trips(rule):
    assert parse_recurrence(rule.text()) == rule
    assert rule.describe()


@given(st.text(max_size=40))
def test_parse_recurrence_never_crashes(text):
    try:
        rule = parse_recurrence(text)
    except RecurrenceError as error:
        assert str(error)
    else:
        assert parse_recurrence(rule.text()) == rule


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@given(rules.filter(lambda r: r.repeats), days)
def test_next_after_is_the_first_matching_day_after(rule, day):
    found = next_after(rule, day)
    assert found is not None and found > day
    assert first_on_or_after(rule, found) == found
    probe = day + timedelta(days=1)
    while probe < found:  # nothing matching was jumped over
        assert first_on_or_after(rule, probe) == found
        probe += timedelta(days=1)
    assert (found - day).days <= 31


# -- month ends, weekdays, week starts --------------------------------------------------

def test_monthly_31_falls_on_the_last_day_of_short_months():
    rule = parse_recurrence("monthly:31")
    assert next_after(rule, date(2026, 1, 31)) == date(2026, 2, 28)
    assert next_after(rule, date(2028, 1, 31)) == date(2028, 2, 29)  # leap year
    assert next_after(rule, date(2026, 2, 28)) == date(2026, 3, 31)
    assert next_after(rule, date(2026, 11, 27)) == date(2026, 11, 30)
    assert next_after(rule, date(2026, 12, 31)) == date(2027, 1, 31)


def test_monthly_30_keeps_the_30th_after_february():
    rule = parse_recurrence("monthly:30")
    assert next_after(rule, date(2026, 1, 30)) == date(2026, 2, 28)
    assert next_after(rule, date(2026, 2, 28)) == date(2026, 3, 30)


def test_weekdays_skip_the_weekend():
    rule = parse_recurrence("weekdays")
    assert next_after(rule, FRIDAY) == date(2026, 11, 30)  # Monday
    assert next_after(rule, date(2026, 11, 28)) == date(2026, 11, 30)  # Saturday -> Monday
    assert next_after(rule, date(2026, 11, 30)) == date(2026, 12, 1)


def test_weekly_on_several_days():
    rule = parse_recurrence("weekly:mon,thu")
    assert next_after(rule, date(2026, 11, 23)) == date(2026, 11, 26)
    assert next_after(rule, date(2026, 11, 26)) == date(2026, 11, 30)


def test_weeks_start_on_monday():
    assert week_start(FRIDAY) == date(2026, 11, 23)
    assert week_start(date(2026, 11, 23)) == date(2026, 11, 23)
    assert week_start(date(2026, 11, 29)) == date(2026, 11, 23)  # Sunday belongs to the week before
    assert week_start(date(2027, 1, 1)) == date(2026, 12, 28)  # across the year


# -- completing late and early ----------------------------------------------------------

def test_completing_early_keeps_the_normal_rhythm():
    rule = parse_recurrence("weekly:fri")
    # due next Friday, done today (a week early): the next one is the Friday after
    assert next_occurrence(rule, date(2026, 12, 4), FRIDAY) == date(2026, 12, 11)


def test_completing_on_time():
    assert next_occurrence(parse_recurrence("daily"), FRIDAY, FRIDAY) == date(2026, 11, 28)


def test_completing_late_does_not_pile_up():
    daily = parse_recurrence("daily")
    # due a week ago, done today: one next occurrence, tomorrow; not six more overdue ones
    assert next_occurrence(daily, FRIDAY - timedelta(days=7), FRIDAY) == FRIDAY + timedelta(days=1)
    monthly = parse_recurrence("monthly:15")
    assert next_occurrence(monthly, date(2026, 8, 15), FRIDAY) == date(2026, 12, 15)


def test_one_off_tasks_have_no_next():
    assert next_occurrence(Recurrence(), FRIDAY, FRIDAY) is None


# -- load --------------------------------------------------------------------------------

def test_occurrences_between():
    rule = parse_recurrence("weekdays")
    monday = date(2026, 11, 30)
    assert occurrences_between(rule, monday, monday, monday + timedelta(days=6)) == [
        monday + timedelta(days=i) for i in range(1, 5)
    ]


def test_expanded_minutes_counts_future_occurrences_only():
    monday = date(2026, 11, 30)
    sunday = monday + timedelta(days=6)
    daily = OpenSeries(date(2026, 11, 25), 15, parse_recurrence("weekdays"))  # overdue
    weekly = OpenSeries(date(2026, 12, 1), 60, parse_recurrence("weekly:tue"))  # its row is in the week
    # next week: the overdue daily one comes back Mon..Fri (5), the weekly one only as its row
    assert expanded_minutes([daily, weekly], FRIDAY, monday, sunday) == 5 * 15
    # this week (Mon 23 – Sun 29): after today (Friday) no weekday is left
    assert expanded_minutes([daily], FRIDAY, date(2026, 11, 23), date(2026, 11, 29)) == 0


def test_load_words():
    assert Load(450, 360).words() == "7 h 30 min planned of 6 h available: 1 h 30 min over"
    assert Load(300, 360).words() == "5 h planned of 6 h available: 1 h free"
    assert Load(300, 360).is_over is False
    assert "not set" in Load(30, 0).words() or "no hours" in Load(30, 0).words()


@pytest.mark.parametrize("minutes, text", [(0, "0 min"), (45, "45 min"), (60, "1 h"), (450, "7 h 30 min")])
def test_format_minutes(minutes, text):
    assert format_minutes(minutes) == text


def test_recommended_routine_covers_the_owner_work():
    assert {item.category for item in RECOMMENDED_ROUTINE} == {
        "sample_posts", "graphics", "qa", "inspiration", "content_hub", "meetings"}
    assert routine_minutes(list(RECOMMENDED_ROUTINE)) == 60 + 45 + 5 * 15 + 30 + 30 + 60


# -- quick add ---------------------------------------------------------------------------

def test_quick_add_example_from_the_issue():
    draft = parse_quick_add("Write 2 sample posts #sample_posts fri 45m every week", FRIDAY)
    assert draft == TaskDraft("Write 2 sample posts", "sample_posts", FRIDAY, None, 45,
                              parse_recurrence("weekly:fri"))


def test_quick_add_question_with_date():
    draft = parse_quick_add("Answer Ola's question #qa 28.11 20m", FRIDAY)
    assert (draft.title, draft.category, draft.due, draft.estimate) == (
        "Answer Ola's question", "qa", date(2026, 11, 28), 20)
    assert not draft.recurrence.repeats


def test_quick_add_time_hours_and_aliases():
    draft = parse_quick_add("Office hours #meeting tomorrow 15:00 1h30m every mon,thu", FRIDAY)
    assert draft.category == "meetings"
    assert draft.due_time == time(15, 0)
    assert draft.estimate == 90
    assert draft.recurrence == parse_recurrence("weekly:mon,thu")
    assert draft.due == date(2026, 11, 30)  # first Monday/Thursday from tomorrow


def test_quick_add_repeat_without_day_starts_at_the_first_occurrence():
    draft = parse_quick_add("Answer questions every weekday 15m", date(2026, 11, 28))  # Saturday
    assert draft.due == date(2026, 11, 30)
    assert draft.category == "other"


def test_quick_add_keeps_a_second_date_in_the_title():
    draft = parse_quick_add("Move mon to tue #other", FRIDAY)
    assert (draft.title, draft.due) == ("Move to tue", date(2026, 11, 30))


def test_quick_add_short_date_in_january_means_next_year():
    assert parse_quick_add("Plan 2027 15.01", FRIDAY).due == date(2027, 1, 15)


@pytest.mark.parametrize("line", ["", "   ", "#qa 20m", "Task #nonsense", "Task 31.02", "Task 30h"])
def test_quick_add_explains_problems(line):
    with pytest.raises(QuickAddError) as error:
        parse_quick_add(line, FRIDAY)
    assert str(error.value)


@given(st.text(max_size=60))
def test_quick_add_never_crashes(line):
    try:
        draft = parse_quick_add(line, FRIDAY)
    except QuickAddError:
        return
    assert draft.title.strip()
    assert 0 <= draft.estimate <= 24 * 60


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzążł'", min_size=3, max_size=10).filter(
    lambda w: w not in {"today", "tomorrow", "tmr", "daily", "weekly", "monthly", "weekdays", "every"}
    and w[:3] not in WEEKDAYS
)


@given(
    st.lists(words, min_size=1, max_size=4),
    st.sampled_from(["sample_posts", "graphics", "qa", "meetings", "inspiration", "content_hub", "other"]),
    st.one_of(st.none(), st.dates(min_value=date(2026, 6, 1), max_value=date(2028, 1, 1))),
    st.integers(0, 600),
    st.sampled_from(["none", "daily", "weekdays", "weekly:mon,thu", "weekly:sun"]),
)
def test_quick_add_text_reads_back(title_words, category, due, estimate, repeats):
    rule = parse_recurrence(repeats)
    if rule.repeats:
        due = first_on_or_after(rule, due or FRIDAY)
    draft = TaskDraft(" ".join(title_words), category, due, None, estimate, rule)
    assert parse_quick_add(quick_add_text(draft), FRIDAY) == draft


def test_estimate_and_hours_checks():
    assert check_estimate("45") is None and read_estimate("45") == 45
    assert read_estimate("1h30m") == 90 and read_estimate("1.5h") == 90
    assert check_estimate("soon")
    assert check_estimate("2000")
    assert check_hours("6") is None and check_hours("4,5") is None
    assert check_hours("lots") and check_hours("200")

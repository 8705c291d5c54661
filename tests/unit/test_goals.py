"""Goals, metrics and outcomes: the rules, the store, and the figures counted from posts."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_tui.data.goals import GoalError, GoalRepo, Outcome
from advocacy_tui.domain.ambassadors import ValidationError
from advocacy_tui.domain.goals import (
    BEHIND,
    BUILTIN_METRICS,
    MAX_GOALS,
    NO_DATA,
    ON_TRACK,
    REACHED,
    Goal,
    add_months,
    build_goal,
    parse_month,
    parse_period,
    parse_value,
    period_end,
    period_order,
    period_start,
    read_goal,
    reading_line,
    review_due,
    week_of,
)
from advocacy_tui.i18n import set_language

REACH = next(m for m in BUILTIN_METRICS if m.key == "reach")


def goal(**fields) -> dict[str, str]:
    return {"metric": "reach", "title": "", "baseline": "1000", "baseline_on": "01.03.2026",
            "target": "1500", "target_on": "30.09.2026", **fields}


def test_a_goal_is_built_from_text_and_every_problem_is_named():
    built = build_goal(goal(baseline="1 000"), ["reach"])
    assert (built.baseline, built.target, built.baseline_on) == (1000, 1500, date(2026, 3, 1))
    with pytest.raises(ValidationError) as error:
        build_goal(goal(metric="fame", baseline="lots", target_on="01.01.2026"), ["reach"])
    assert set(error.value.problems) == {"metric", "baseline", "target_on"}
    with pytest.raises(ValidationError) as error:
        build_goal(goal(target="1000"), ["reach"])
    assert set(error.value.problems) == {"target"}


@pytest.mark.parametrize(("text", "value"), [("1200", 1200), ("1 200", 1200), ("1,200", 1200),
                                             ("1200,5", 1200.5), ("38 %", 38), ("-4.5", -4.5)])
def test_values_as_people_type_them(text, value):
    assert parse_value(text) == value


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: round(x, 2)))
def test_a_written_number_reads_back(number):
    assert parse_value(repr(number)) == number
    assert parse_value(f"{number:,.2f}") == pytest.approx(number)


@given(st.text(max_size=12))
def test_any_text_is_a_number_or_a_plain_refusal(text):
    try:
        parse_value(text)
    except ValueError as error:
        assert "\x1b" not in str(error)


@given(st.integers(2000, 2100), st.integers(1, 12))
def test_months_in_either_spelling(year, month):
    assert parse_month(f"{year}-{month:02d}") == parse_month(f"{month:02d}.{year}") == f"{year}-{month:02d}"


@pytest.mark.parametrize("text", ["2026-13", "03-2026", "march", "", "2026-3-1"])
def test_what_is_not_a_month(text):
    with pytest.raises(ValueError):
        parse_month(text)


@given(st.dates(date(2000, 1, 3), date(2100, 12, 27)))
def test_a_week_in_any_spelling_is_the_iso_week_of_its_days(day):
    year, week, _weekday = day.isocalendar()
    code = f"{year}-W{week:02d}"
    for text in (code, f"W{week} {year}", f"{year}w{week}", f" {year}-W{week} ", f"w{week:02d}/{year}"):
        assert parse_period(text) == code
    assert period_start(code) <= day <= period_end(code)
    assert (period_end(code) - period_start(code)).days == 6 and period_start(code).weekday() == 0
    assert week_of(day) == code


@given(st.integers(2000, 2100), st.integers(1, 12))
def test_a_month_is_a_period_too(year, month):
    code = f"{year}-{month:02d}"
    assert parse_period(f"{month:02d}.{year}") == parse_period(code) == code
    assert period_start(code) == date(year, month, 1)
    assert period_end(code).month == month and (period_end(code) + timedelta(days=1)).day == 1


@pytest.mark.parametrize("text", ["2026-W54", "2026-W00", "2025-W53", "W", "2026-13", "W14", "2026-W1-2"])
def test_what_is_neither_a_month_nor_a_week(text):
    with pytest.raises(ValueError, match="2026-W14"):
        parse_period(text)


@given(st.text(max_size=12))
def test_any_text_is_a_period_or_a_plain_refusal(text):
    try:
        code = parse_period(text)
    except ValueError as error:
        assert "\x1b" not in str(error)
    else:
        assert period_start(code) <= period_end(code)


def test_weekly_values_count_from_the_week_of_the_baseline():
    g = build_goal(goal(), ["reach"])  # baseline on Sunday 1 March 2026, the last day of 2026-W09
    june = date(2026, 6, 15)
    assert read_goal(g, [("2026-W08", 1600)], june).state == NO_DATA
    assert read_goal(g, [("2026-W09", 1600)], june).state == REACHED
    # months and weeks together: the latest is the one that ends last
    mixed = read_goal(g, [("2026-05", 1100), ("2026-W23", 1400)], june)
    assert mixed.latest == ("2026-W23", 1400) and mixed.state == ON_TRACK
    assert sorted(["2026-06", "2026-W23", "2026-W27", "2026-W26", "2026-05"], key=period_order) == [
        "2026-05", "2026-W23", "2026-W26", "2026-06", "2026-W27"]


def test_reading_compares_the_way_covered_with_the_time_gone():
    g = build_goal(goal(), ["reach"])
    june = date(2026, 6, 15)  # about half the time gone
    assert read_goal(g, [], june).state == NO_DATA
    assert read_goal(g, [("2026-05", 1300)], june).state == ON_TRACK
    assert read_goal(g, [("2026-05", 1100)], june).state == BEHIND
    assert read_goal(g, [("2026-05", 1600)], june).state == REACHED
    # values from before the baseline do not count
    assert read_goal(g, [("2026-01", 1600)], june).state == NO_DATA
    falling = build_goal(goal(baseline="40", target="20"), ["reach"])
    assert read_goal(falling, [("2026-06", 28)], june).state == ON_TRACK


def test_the_one_line_reading_in_both_languages():
    g = build_goal(goal(), ["reach"])
    reading = read_goal(g, [("2026-05", 1380)], date(2026, 6, 15))
    assert reading_line(g, REACH, reading) == (
        "Reach of ambassadors' posts: +38% since March 2026; target +50% by September 2026; on track.")
    set_language("pl")
    try:
        line = reading_line(g, REACH, reading)
    finally:
        set_language("en")
    assert "+38\u00a0%" in line and "od marca 2026" in line and "zgodnie z planem" in line


def test_reviews_come_six_and_nine_months_after_the_launch():
    launch = date(2026, 3, 31)
    assert add_months(launch, 6) == date(2026, 9, 30)
    assert review_due(launch, date(2026, 9, 29)) is None
    assert review_due(launch, date(2026, 10, 1)) == (6, date(2026, 9, 30))
    assert review_due(launch, date(2027, 1, 1)) == (9, date(2026, 12, 31))
    assert review_due(None, date(2027, 1, 1)) is None


def test_goals_are_kept_changed_and_limited_to_five(store):
    repo = GoalRepo(store)
    first = repo.add(build_goal(goal(), ["reach"]))
    for _ in range(MAX_GOALS - 1):
        repo.add(build_goal(goal(), ["reach"]))
    with pytest.raises(GoalError):
        repo.add(build_goal(goal(), ["reach"]))
    old = repo.get(first)
    repo.update(Goal(first, "comments", "More talk", 10, date(2026, 1, 1), 30, date(2026, 12, 1)), old)
    assert repo.get(first).title == "More talk"
    from advocacy_tui.data.store import ChangedMeanwhile
    with pytest.raises(ChangedMeanwhile):
        repo.update(old, old)  # the version it started from is gone
    repo.delete(first)
    assert repo.get(first) is None and len(repo.goals()) == MAX_GOALS - 1


def test_own_metrics_and_typed_values(store):
    repo = GoalRepo(store)
    own = repo.add_metric("Zgłoszenia z poleceń")
    assert own.key == "own_1" and repo.find_metric("zgłoszenia z poleceń") == own
    with pytest.raises(GoalError):
        repo.add_metric("zgłoszenia z poleceń")
    with pytest.raises(GoalError):
        repo.add_metric("\x1b[31m")
    assert repo.add_outcome(Outcome(own.key, "2026-10", 4, "od rekrutacji", "ATS")) is False
    assert repo.add_outcome(Outcome(own.key, "2026-10", 5)) is True  # the same month again
    assert repo.series(own, "2026-01") == [("2026-10", 5)]
    with pytest.raises(GoalError):
        repo.add_outcome(Outcome("posts_per_week", "2026-10", 3))  # counted, not typed
    with pytest.raises(GoalError):
        repo.add_outcome(Outcome("fame", "2026-10", 3))


def test_counted_metrics_follow_the_published_posts(demo_store):
    repo = GoalRepo(demo_store)
    conn = demo_store.db.conn
    expected = conn.execute(
        "SELECT count(*), count(DISTINCT author_id), sum(voice = 'personal') FROM posts "
        "WHERE state = 'published' AND published_on LIKE '2026-10-%'").fetchone()
    by_key = {m.key: m for m in repo.metrics()}
    assert dict(repo.series(by_key["active_ambassadors"], "2026-10", "2026-10")) == {"2026-10": expected[1]}
    assert dict(repo.series(by_key["posts_per_week"], "2026-10", "2026-10")) == {
        "2026-10": round(expected[0] / (31 / 7), 1)}
    share = dict(repo.series(by_key["personal_share"], "2026-10", "2026-10"))
    assert share == ({"2026-10": round(100 * expected[2] / expected[0], 1)} if expected[0] else {})
    # no month after today
    assert all(month <= "2026-11" for month, _ in repo.series(by_key["active_ambassadors"], "2026-01", "2027-05"))


def test_reach_comes_from_the_members_analytics_where_nothing_was_typed(store):
    from advocacy_tui.data.ambassadors import AmbassadorRepo
    from advocacy_tui.domain.ambassadors import build_ambassador

    person = AmbassadorRepo(store).add(build_ambassador({"name": "Ola", "email": "ola@firma.pl"}))
    conn = store.db.conn
    for url, day, impressions, source, who in (
            ("u1", "2026-09-03", 300, "member", person), ("u2", "2026-09-20", 200, "member", person),
            ("u3", "2026-10-02", 700, "member", person), ("u4", "2026-10-05", 9999, "company", None)):
        conn.execute("INSERT INTO post_analytics (post_url, ambassador_id, source, published_on, impressions, "
                     "imported_at) VALUES (?, ?, ?, ?, ?, 'x')", (url, who, source, day, impressions))
    repo = GoalRepo(store)
    repo.add_outcome(Outcome("reach", "2026-10", 650, source="typed by hand"))
    reach = repo.metric("reach")
    # September from the exports, October as typed; the company page's figures are not the ambassadors'
    assert repo.series(reach, "2026-01", "2026-11") == [("2026-09", 500.0), ("2026-10", 650.0)]


def test_a_value_for_a_week_beside_the_months(store):
    repo = GoalRepo(store)
    reach = repo.metric("reach")
    repo.add_outcome(Outcome("reach", "2026-04", 1000, source="LinkedIn export"))
    assert repo.add_outcome(Outcome("reach", "2026-W14", 300, note="open day")) is False
    assert repo.add_outcome(Outcome("reach", "2026-W14", 320)) is True  # the same week again
    assert repo.add_outcome(Outcome("reach", "2025-W52", 10)) is False
    # in time order (week 14 ends on 5 April); a week before ``first`` is left out
    assert repo.series(reach, "2026-01", "2026-12") == [("2026-W14", 320.0), ("2026-04", 1000.0)]
    assert [o.period for o in repo.outcomes("reach")] == ["2025-W52", "2026-W14", "2026-04"]
    with pytest.raises(ValueError):
        repo.add_outcome(Outcome("reach", "2026-W60", 1))


def test_a_file_from_before_weekly_values_keeps_its_months(tmp_path, clock):
    import sqlite3

    import sqlite_utils

    from advocacy_tui.data.migrations import MIGRATIONS, m014_post_analytics
    from advocacy_tui.data.store import APPLICATION_ID, Store

    path = tmp_path / "old.db"
    db = sqlite_utils.Database(sqlite3.connect(path))
    before = MIGRATIONS.index(m014_post_analytics) + 1
    for migrate in MIGRATIONS[:before]:
        migrate(db)
    db.execute("INSERT INTO outcomes (metric, month, value, note, source, created_at, updated_at) "
               "VALUES ('reach', '2026-05', 900, 'maj', 'eksport', 'x', 'x')")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {before}")
    db.conn.commit()
    db.close()
    with Store.open(path, clock=clock) as store:
        repo = GoalRepo(store)
        assert repo.outcomes() == [Outcome("reach", "2026-05", 900, "maj", "eksport")]
        repo.add_outcome(Outcome("reach", "2026-W21", 250))
        assert repo.series(repo.metric("reach"), "2026-01") == [("2026-W21", 250.0), ("2026-05", 900.0)]


def test_a_goal_starts_from_the_readiness_notes():
    from advocacy_tui.domain.goals import seed_goal

    keys = [metric.key for metric in BUILTIN_METRICS]
    notes = {"goals.defined": "Więcej kandydatów z poleceń. Potem zasięg postów.",
             "goals.patience": "Reach in one quarter, says the board."}
    seeded = seed_goal(notes, keys, date(2026, 12, 4), None)
    assert seeded == {"metric": "candidates", "title": "Więcej kandydatów z poleceń",
                      "baseline_on": date(2026, 12, 4), "target_on": date(2027, 9, 4)}
    # how to measure it names the metric too; a launch still to come starts the clock
    seeded = seed_goal({"goals.measures": "Impressions from the LinkedIn export"}, keys, date(2026, 12, 4),
                       date(2027, 1, 15))
    assert seeded == {"metric": "reach", "baseline_on": date(2026, 12, 4), "target_on": date(2027, 10, 15)}
    # launched in May: the 6-month review has passed, the 9-month one is to come; after both, half a year on
    assert seed_goal({}, keys, date(2026, 12, 4), date(2026, 5, 1))["target_on"] == date(2027, 2, 1)
    assert seed_goal({}, keys, date(2027, 3, 1), date(2026, 5, 1))["target_on"] == date(2027, 9, 1)
    assert "metric" not in seed_goal({"goals.defined": "Be known"}, keys, date(2026, 12, 4), None)
    long = seed_goal({"goals.defined": "x" * 300}, keys, date(2026, 12, 4), None)["title"]
    assert len(long) == 120 and long.endswith("…")

"""Today watches failure 1 (timing): the last readiness check's "check again" date and its age."""

from __future__ import annotations

from datetime import date, timedelta

from advocacy_tui.data.readiness import ReadinessRepo, builtin_bank
from advocacy_tui.data.today import TodayRepo
from advocacy_tui.domain.readiness import Answer
from advocacy_tui.screens.today import OK, WARN, readiness_reading

FRIDAY = date(2026, 11, 27)  # the fixed clock's day


def finish_run(store, days_ago: int, verdict: str) -> None:
    repo = ReadinessRepo(store)
    bank = builtin_bank("readiness-quick", "en")
    run = repo.start(bank)
    repo.save_answer(run.id, Answer(bank.questions[0].id, "no"))
    repo.finish(run.id, verdict)
    day = (FRIDAY - timedelta(days=days_ago)).isoformat()
    store.db.conn.execute("UPDATE readiness_runs SET finished_at = ? WHERE id = ?", (f"{day}T10:00:00+01:00", run.id))


def test_the_demo_run_of_a_year_ago_is_called_old_with_its_check_again_dates(demo_store):
    reminder = TodayRepo(demo_store).readiness()
    assert reminder.state == "stale" and reminder.months_old == 13
    reading = readiness_reading(reminder, "readiness")
    assert reading.mark == WARN and reading.target == "readiness"
    assert "check again between 20.11.2025 and 04.12.2025" in reading.text
    assert "13 months old" in reading.text


def test_no_check_yet_is_information_only(store):
    reading = readiness_reading(TodayRepo(store).readiness(), "readiness")
    assert reading.mark not in (WARN, OK) and "No readiness check" in reading.text


def test_a_check_again_date_that_has_come_shows_as_a_warning(store):
    finish_run(store, 91, "wait")
    reading = readiness_reading(TodayRepo(store).readiness(), "readiness")
    assert reading.mark == WARN
    assert f"check again on {FRIDAY.strftime('%d.%m.%Y')}" in reading.text
    assert "has come" in reading.advice


def test_a_recent_check_is_fine_until_its_window(store):
    finish_run(store, 7, "prepare")
    reading = readiness_reading(TodayRepo(store).readiness(), "readiness")
    assert reading.mark == OK and "between" in reading.text


def test_the_latest_finished_run_counts(store):
    finish_run(store, 300, "go")
    finish_run(store, 7, "prepare")
    assert TodayRepo(store).readiness().state == "later"


async def test_today_offers_the_readiness_hours_when_no_capacity_is_set(store, make_app):
    from advocacy_tui.screens.today import Indicator
    from tests.screen import screen_text

    repo = ReadinessRepo(store)
    run = repo.start(builtin_bank("readiness-quick", "en"))
    repo.save_answer(run.id, Answer("resources.owner_hours", "3"))
    repo.finish(run.id, "prepare")
    app = make_app(store, start_mode="today")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        reading = app.screen.query_one("#ind-load", Indicator).reading
        assert "Your last readiness check said 3 hours a week" in reading.text
        assert reading.target == "readiness"
        assert "3 hours a week" in " ".join(screen_text(app).split())

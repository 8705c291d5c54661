"""Today watches failure 5 (the pilgrimage): stakeholders against or not met yet, and talks
older than a configurable number of days, with Enter to the stakeholder map."""

from __future__ import annotations

from datetime import date

import pytest

from advocacy_tui.config import ConfigError, load_settings
from advocacy_tui.data.today import TodayRepo
from advocacy_tui.domain.today import DEFAULT_STALE_TALK_DAYS, talk_is_old
from advocacy_tui.screens.today import OK, WARN, pilgrimage_reading

FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize(("last_talk", "old"), [
    (None, False), (date(2026, 9, 28), False), (date(2026, 9, 27), True), (date(2026, 11, 20), False)])
def test_a_talk_is_old_after_the_configured_days(last_talk, old):
    assert talk_is_old(last_talk, FRIDAY, 60) is old


def test_the_demo_map_shows_who_is_against_not_met_and_gone_cold(demo_store):
    found = TodayRepo(demo_store).pilgrimage(60)
    assert found.against.names == ["Legal and Compliance"]
    assert found.not_met.names == ["Customer Success"]
    assert found.old_talks.names == ["Engineering managers"]
    reading = pilgrimage_reading(found, 60, "roster")
    assert reading.mark == WARN and reading.target == "roster" and reading.tab == "stakeholders"
    for name in ("Legal and Compliance", "Customer Success", "Engineering managers"):
        assert name in reading.text
    assert "60 days" in reading.text
    assert TodayRepo(demo_store).pilgrimage(365).old_talks.count == 0


def test_an_empty_map_asks_for_the_tour(store):
    reading = pilgrimage_reading(TodayRepo(store).pilgrimage(60), 60, "roster")
    assert reading.mark == WARN and "No stakeholders" in reading.text


def test_a_map_where_everyone_is_on_board_is_fine(store):
    from advocacy_tui.data.stakeholders import StakeholderRepo
    from advocacy_tui.domain.stakeholders import Stakeholder

    StakeholderRepo(store).add(Stakeholder(None, "Marketing", "marketing", "supportive", date(2026, 11, 1)))
    assert pilgrimage_reading(TodayRepo(store).pilgrimage(60), 60, "roster").mark == OK


def test_the_number_of_days_comes_from_the_config(tmp_path):
    path = tmp_path / "config.toml"
    assert load_settings(path).stale_talk_days == DEFAULT_STALE_TALK_DAYS
    path.write_text("stale_talk_days = 45\n", encoding="utf-8")
    assert load_settings(path).stale_talk_days == 45
    path.write_text("stale_talk_days = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="stale_talk_days"):
        load_settings(path)


async def test_enter_on_the_indicator_opens_the_stakeholder_map(demo_store, make_app):
    from advocacy_tui.screens.today import Indicator

    app = make_app(demo_store, start_mode="today")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.screen.query_one("#ind-pilgrimage", Indicator).focus()
        await pilot.press("enter")
        for _ in range(5):
            await pilot.pause()
        assert app.screen.sub_title == "Roster · stakeholder map"


# -- a stakeholder's next step, given a date, becomes a task --------------------------------


def test_a_next_step_with_a_date_becomes_one_task(demo_store):
    from advocacy_tui.data.stakeholders import StakeholderRepo, next_step_task
    from advocacy_tui.data.tasks import TaskQuery, TaskRepo

    repo = StakeholderRepo(demo_store)
    legal = next(s for s in repo.page(repo_query(), 0, 100) if s.name == "Legal and Compliance")
    due = date(2026, 12, 3)
    assert next_step_task(demo_store, legal, due) is True
    assert next_step_task(demo_store, legal, due) is False  # already open: not added twice
    tasks = [t for t in TaskRepo(demo_store).page(TaskQuery("upcoming"), 0, 500)
             if t.title.startswith("Legal and Compliance")]
    assert len(tasks) == 1
    assert tasks[0].title == "Legal and Compliance: Send the draft policy; offer a 30-minute review."
    assert tasks[0].due == due and tasks[0].category == "meetings"


def repo_query():
    from advocacy_tui.data.stakeholders import StakeholderQuery

    return StakeholderQuery()


async def test_n_on_the_map_asks_for_a_date_and_adds_the_task(demo_store, make_app):
    from advocacy_tui.data.tasks import TaskQuery, TaskRepo
    from advocacy_tui.screens.modals.calendar_dialogs import DateDialog

    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")  # the stakeholder map
        for _ in range(3):
            await pilot.pause()
        await pilot.press("slash", *"legal", "enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DateDialog)
        field = app.screen.query_one("#date")
        field.value = "03.12.2026"
        await pilot.press("enter")
        await pilot.pause()
    titles = [t.title for t in TaskRepo(demo_store).page(TaskQuery("upcoming"), 0, 500)]
    assert "Legal and Compliance: Send the draft policy; offer a 30-minute review." in titles

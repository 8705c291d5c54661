"""Today's content mix and the calendar's read one rule from the same settings: the company
share limit and the voices of config.toml (issue 14: one rule per fact)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from advocacy_tui.config import Settings
from advocacy_tui.data.posts import PostRepo
from advocacy_tui.domain.posts import Post
from advocacy_tui.screens.today import OK, WARN, TodayScreen


def _publish(store, voices: list[str]) -> None:
    day = store.clock.today() - timedelta(days=3)
    repo = PostRepo(store)
    for number, voice in enumerate(voices):
        repo.add(Post(id=None, title=f"Post {number}", planned_on=day, state="published",
                      voice=voice, published_on=day, published_url=f"https://www.linkedin.com/posts/{number}"))


async def _mix_reading(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        return next(r for r in screen.readings() if r.key == "mix")


@pytest.mark.parametrize(("limit", "mark"), [(0.2, WARN), (1 / 3, OK)])
async def test_the_configured_company_share_limit_decides_todays_warning(store, make_app, limit, mark):
    _publish(store, ["company", "personal", "personal", "team"])  # company: 25 %
    reading = await _mix_reading(make_app(store, Settings(company_share_limit=limit), start_mode="today"))
    assert reading.mark == mark
    if mark == WARN:
        assert "20%" in reading.advice


async def test_the_configured_voices_name_the_mix(store, make_app):
    _publish(store, ["company", "expert", "expert", "expert"])
    settings = Settings(voices=(("expert", "Expertise of my own"), ("company", "Company news")))
    reading = await _mix_reading(make_app(store, settings, start_mode="today"))
    assert "expertise 75%" in reading.text and "company 25%" in reading.text


async def test_todays_help_says_the_configured_limit_and_voices(store, make_app):
    from advocacy_tui.screens.modals.help import HelpScreen

    settings = Settings(company_share_limit=0.2, stale_talk_days=45,
                        voices=(("expert", "Expertise of my own"), ("company", "Company news")))
    app = make_app(store, settings, start_mode="today")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.markdown
    assert "more than 20%" in text and "expertise and company posts" in text and "45 days" in text
    assert "a third" not in text and "{" not in text

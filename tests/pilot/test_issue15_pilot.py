"""Issue 15: every figure agrees and every key does what it says (driven like a user)."""

from __future__ import annotations

from advocacy_tui.data.today import TodayRepo
from tests.screen import screen_text


async def test_today_and_calendar_say_the_base_of_their_mix(demo_store, make_app):
    mix = TodayRepo(demo_store).content_mix()
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"{mix.total} published in the last 30 days" in screen_text(app)
        await pilot.press("3")  # the calendar
        await pilot.pause()
        text = screen_text(app)
        assert "planned this month" in text

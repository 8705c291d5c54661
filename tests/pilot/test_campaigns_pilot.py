"""Campaigns, driven by keys: add and edit one in the list (C on the calendar), assign a post
on its form, the calendar filtered by the campaign, the campaign's own mix check, its
library items, delete."""

from __future__ import annotations

from datetime import date

from advocacy_tui.data.groups import CampaignRepo
from advocacy_tui.data.posts import LibraryRepo, PostRepo
from advocacy_tui.domain.groups import Campaign
from advocacy_tui.domain.posts import LibraryItem, Post
from advocacy_tui.screens.modals.campaign_dialogs import (
    CampaignForm,
    CampaignItemsDialog,
    CampaignsDialog,
)
from advocacy_tui.screens.modals.post_form import PostForm
from tests.screen import screen_text

TODAY = date(2026, 11, 27)


async def _type(pilot, text: str) -> None:
    for char in text:
        await pilot.press(char if char != " " else "space")


async def test_a_campaign_is_added_and_edited_in_the_list(store, make_app):
    app = make_app(store, start_mode="calendar")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("C")
        assert isinstance(app.screen, CampaignsDialog)
        assert "No campaigns yet" in screen_text(app)
        await pilot.press("a")
        assert isinstance(app.screen, CampaignForm)
        await _type(pilot, "Open day")
        await pilot.press("tab")
        await pilot.press(*["backspace"] * 12)
        await _type(pilot, "01.12.2026")
        await pilot.press("tab")
        await pilot.press(*["backspace"] * 12)
        await _type(pilot, "30.11.2026")
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, CampaignForm)  # ends before it starts: refused
        assert "cannot end before it starts" in screen_text(app)
        await pilot.press(*["backspace"] * 12)
        await _type(pilot, "10.12.2026")
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, CampaignsDialog)
        campaign = CampaignRepo(store).by_name("open day")
        assert campaign.starts_on == date(2026, 12, 1) and campaign.ends_on == date(2026, 12, 10)
        assert "Open day · 01.12.2026 – 10.12.2026 · 0 posts" in screen_text(app)
        await pilot.press("e")
        assert isinstance(app.screen, CampaignForm)
        await pilot.press("end")
        await _type(pilot, " 2026")
        await pilot.press("enter")
        await pilot.pause()
        assert CampaignRepo(store).get(campaign.id).name == "Open day 2026"
        await pilot.press("d", "y")
        await pilot.pause()
        assert CampaignRepo(store).campaigns() == []


async def test_a_post_joins_a_campaign_on_its_form_and_the_calendar_shows_only_it(store, make_app):
    campaigns = CampaignRepo(store)
    drive = campaigns.add(Campaign(None, "Recruitment drive", TODAY, date(2026, 12, 11)))
    posts = PostRepo(store)
    other = posts.add(Post(id=None, title="Not in it", planned_on=TODAY, voice="personal"))
    app = make_app(store, start_mode="calendar")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        assert isinstance(app.screen, PostForm)
        await _type(pilot, "Join our team")
        app.screen.query_one("#campaign").value = str(drive)
        app.screen.query_one("#voice").value = "company"
        await pilot.press("f10")
        await pilot.pause()
        joined = [p for p in (posts.get(i) for i in range(1, 4)) if p and p.title == "Join our team"][0]
        assert joined.campaign_id == drive and posts.get(other).campaign_id is None
        await pilot.press("C")
        await pilot.pause()
        assert "Recruitment drive · 27.11.2026 – 11.12.2026 · 1 post" in screen_text(app)
        text = screen_text(app)
        assert "Campaign mix: company 100" in text and "⚠" in text  # its own mix, over the limit
        await pilot.press("enter")  # its posts on the calendar
        await pilot.pause()
        text = screen_text(app)
        assert "Only campaign Recruitment drive" in text
        assert "Join our team" in text and "Not in it" not in text
        assert "Campaign mix: company 100" in text
        await pilot.press("escape")
        await pilot.pause()
        assert "Not in it" in screen_text(app)


async def test_the_calendar_filter_dialog_chooses_a_campaign(store, make_app):
    campaigns = CampaignRepo(store)
    day = campaigns.add(Campaign(None, "Open day", TODAY, TODAY))
    posts = PostRepo(store)
    posts.add(Post(id=None, title="Doors open", planned_on=TODAY, voice="personal", campaign_id=day))
    posts.add(Post(id=None, title="Something else", planned_on=TODAY, voice="personal"))
    app = make_app(store, start_mode="calendar")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        app.screen.query_one("#campaign").value = str(day)
        await pilot.press("f10")
        await pilot.pause()
        pane = app.screen.query_one("CalendarPane")
        assert pane.filter.campaign_id == day
        assert [row.title for row in pane.rows] == ["Doors open"]
        assert "Campaign mix: personal 100" in screen_text(app)


async def test_a_campaign_bundles_library_items(store, make_app):
    drive = CampaignRepo(store).add(Campaign(None, "Drive", TODAY, TODAY))
    library = LibraryRepo(store)
    poster = library.add(LibraryItem(id=None, title="Poster", kind="graphic", location="~/poster.png"))
    library.add(LibraryItem(id=None, title="Guide", kind="guideline"))
    app = make_app(store, start_mode="calendar")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("C", "i")
        await pilot.pause()
        assert isinstance(app.screen, CampaignItemsDialog)
        assert "Graphic: Poster · ~/poster.png" in screen_text(app)
        app.screen.query_one("#items").select(poster)
        await pilot.press("f10")
        await pilot.pause()
        assert CampaignRepo(store).item_ids(drive) == {poster}
        assert "Library: Poster" in screen_text(app)

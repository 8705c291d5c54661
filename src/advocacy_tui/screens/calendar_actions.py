"""What some of the calendar's keys do: the filter (f), the campaigns (C), copying a post (c).

Functions of a ``CalendarPane`` (screens/calendar_pane.py), which holds the posts, the
filter and the settings they read; its actions call them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from advocacy_tui.data.groups import CampaignRepo
from advocacy_tui.data.posts import LibraryRepo, PostFilter
from advocacy_tui.domain.dates import format_date
from advocacy_tui.i18n import N_, _

if TYPE_CHECKING:
    from advocacy_tui.screens.calendar_pane import CalendarPane

STATE_WITH_ARTICLE = {"idea": N_("an idea"), "draft": N_("a draft"), "ready": N_("a ready post"),
                      "published": N_("a published post"), "dropped": N_("a dropped post")}


def choose_filter(pane: CalendarPane) -> None:
    """f: one author, state, voice or campaign."""
    from advocacy_tui.screens.calendar_pane import filter_words
    from advocacy_tui.screens.modals.calendar_dialogs import FilterDialog

    def chosen(result: PostFilter | None) -> None:
        if result is None:
            return
        pane.filter = result
        pane.reload()
        if result.active:
            pane.notify(_("Showing only {filter}. f changes the filter.").format(
                filter=filter_words(pane.filter, pane.settings)), markup=False)

    pane.app.push_screen(FilterDialog(pane.posts, pane.filter, pane.settings.voices), chosen)


def list_campaigns(pane: CalendarPane) -> None:
    """C: the list of campaigns; Enter on one shows its posts (the calendar filtered by it)."""
    from advocacy_tui.screens.modals.campaign_dialogs import CampaignsDialog

    repo = CampaignRepo(pane.posts.store)

    def chosen(campaign_id: int | None) -> None:
        campaign = repo.get(campaign_id) if campaign_id is not None else None
        if campaign is None:
            pane.reload()  # a campaign renamed or deleted: the filter line and the mix
            return
        show_campaign(pane, campaign.id, campaign.name, campaign.starts_on)

    pane.app.push_screen(CampaignsDialog(repo, LibraryRepo(pane.posts.store), pane.settings, pane.today), chosen)


def show_campaign(pane: CalendarPane, campaign_id: int | None, name: str, starts_on: date) -> None:
    from advocacy_tui.screens.calendar_pane import filter_words

    pane.filter = PostFilter(campaign_id=campaign_id, campaign_name=name)
    pane.go_to(starts_on)
    pane.reload()
    pane.focus_view()
    pane.notify(_("Showing only {filter}. Esc shows every post again.").format(
        filter=filter_words(pane.filter, pane.settings)), markup=False)


def copy_to_day(pane: CalendarPane, post_id: int) -> None:
    """c: a copy of the post on the day asked for, as an idea or a draft."""
    from advocacy_tui.screens.modals.calendar_dialogs import DateDialog

    def to_day(day: date | None) -> None:
        if day is None:
            return
        new_id = pane.posts.duplicate(post_id, day)
        post = pane.posts.get(new_id) if new_id else None
        if post is None:
            pane.reload()
            return
        pane.go_to(day)
        pane.reload(keep_week_post=new_id)
        pane.notify(_("Copied “{title}” to {day} as {state}.").format(
            title=post.title, day=format_date(day), state=_(STATE_WITH_ARTICLE.get(post.state, post.state))),
            markup=False)

    pane.app.push_screen(DateDialog(_("Copy to which day?"), pane.cursor), to_day)

"""Campaigns: the list (with the highlighted campaign's posts, people, library items and
its own personal/company mix), the form for one campaign, and choosing its library items."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option

from advocacy_tui.config import Settings
from advocacy_tui.data.groups import CampaignRepo
from advocacy_tui.data.posts import LibraryRepo
from advocacy_tui.domain.ambassadors import ValidationError
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.groups import Campaign, build_campaign, check_campaign_name, check_day
from advocacy_tui.domain.posts import LIBRARY_KIND_LABELS
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, ngettext, pgettext
from advocacy_tui.screens.base import plain
from advocacy_tui.screens.crud import Records
from advocacy_tui.screens.modals.forms import AskBeforeDiscard, Field, Rule
from advocacy_tui.screens.modals.task_form import _Dialog

PEOPLE_SHOWN = 8
ITEMS_LISTED = 500


def dates_text(campaign: Campaign) -> str:
    return f"{format_date(campaign.starts_on)} – {format_date(campaign.ends_on)}"


class CampaignForm(AskBeforeDiscard, _Dialog):
    """Dismisses the checked campaign (with its id when editing), or None."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="campaign_form.cancel"),
        Binding("f10", "save", N_("Save"), id="campaign_form.save"),
    ]

    def __init__(self, repo: CampaignRepo, campaign: Campaign | None, today: date) -> None:
        super().__init__()
        self.repo = repo
        self.original = campaign
        self.today = today

    def _name_free(self, value: str) -> str | None:
        problem = check_campaign_name(value)
        if problem:
            return problem
        other = self.repo.by_name(value)
        if other is not None and (self.original is None or other.id != self.original.id):
            return _("There already is a campaign called “{name}”.").format(name=other.name)
        return None

    def compose(self) -> ComposeResult:
        c = self.original
        starts = c.starts_on if c else self.today
        ends = c.ends_on if c else self.today + timedelta(days=13)
        with Vertical(classes="dialog form-dialog"):
            yield Static(_("Edit campaign") if c else _("New campaign"), classes="dialog-title", markup=False)
            with VerticalScroll(classes="form-body"):
                yield Field(pgettext("campaign", "Name *"), Input(c.name if c else "", placeholder=_("e.g. Open day, Recruitment drive"),
                            validators=[Rule(self._name_free)], compact=True, id="name"), name="name")
                yield Field(_("Starts *"), Input(format_date(starts), placeholder=_("dd.mm.yyyy"),
                            validators=[Rule(check_day)], compact=True, id="starts_on"), name="starts_on")
                yield Field(_("Ends *"), Input(format_date(ends), placeholder=_("dd.mm.yyyy"),
                            validators=[Rule(check_day)], compact=True, id="ends_on"), name="ends_on")
                yield Field(_("Notes"), TextArea(c.notes if c else "", id="notes", soft_wrap=True,
                            show_line_numbers=False, compact=True), name="notes")
            yield from self.buttons(_("Enter or F10 saves · Esc cancels · Tab moves"))

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        values = {name: self.query_one(f"#{name}", Input).value for name in ("name", "starts_on", "ends_on")}
        values["notes"] = self.query_one("#notes", TextArea).text
        problems: dict[str, str] = {}
        campaign = None
        try:
            campaign = build_campaign(values, id=self.original.id if self.original else None)
        except ValidationError as error:
            problems = dict(error.problems)
        taken = self._name_free(values["name"])
        if taken:
            problems.setdefault("name", taken)
        if self.problems_first(problems) or campaign is None:
            return
        self.dismiss(campaign)


class CampaignItemsDialog(ModalScreen[set[int] | None]):
    """Tick the library items (graphics, sample posts, guidelines) a campaign bundles."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="campaign_items.cancel"),
        Binding("f10", "save", N_("Save"), id="campaign_items.save"),
    ]

    def __init__(self, title: str, library: LibraryRepo, chosen: set[int]) -> None:
        super().__init__()
        self.title_text = title
        self.library = library
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        rows = self.library.page("", 0, ITEMS_LISTED)
        with Vertical(classes="dialog pick-dialog campaigns-dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            if not rows:
                yield Static(_("The library is empty: add items there first (l on the calendar)."),
                             classes="dialog-note", markup=False)
            yield SelectionList[int](*[
                (plain(f"{_(LIBRARY_KIND_LABELS.get(row.kind, row.kind))}: {row.title}"
                       + (f" · {row.location}" if row.location else "")), row.id, row.id in self.chosen)
                for row in rows], id="items")
            yield Static(_("Space ticks · F10 saves · Esc cancels"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_save(self) -> None:
        self.dismiss(set(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)


class CampaignsDialog(ModalScreen[int | None]):
    """Every campaign, the latest first; under the list the highlighted one's dates, posts,
    people taking part, library items and own mix. Enter shows its posts on the calendar
    (dismisses its id); a adds, e edits, d deletes, i chooses its library items."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Close"), id="campaigns.close"),
        Binding("a", "add", N_("Add"), id="campaigns.add", tooltip=N_("A new campaign")),
        Binding("e", "edit", N_("Edit"), id="campaigns.edit"),
        Binding("i", "items", N_("Library items"), id="campaigns.items",
                tooltip=N_("Choose the library items and graphics of the campaign")),
        Binding("d,delete", "delete", N_("Delete"), id="campaigns.delete", tooltip=N_("Asks first")),
    ]

    def __init__(self, repo: CampaignRepo, library: LibraryRepo, settings: Settings, today: date) -> None:
        super().__init__()
        self.repo = repo
        self.library = library
        self.settings = settings
        self.today = today
        self.records: Records[Campaign] = Records(
            self, "campaign", load=repo.get, form=lambda c: CampaignForm(repo, c, today),
            insert=repo.add, update=lambda c, expected: repo.update(c, expected=expected),
            remove=repo.delete, refresh=self.show_campaigns,
            added_text=lambda c: _("Added the campaign {name}.").format(name=c.name),
            saved_text=lambda c: _("Saved the campaign {name}.").format(name=c.name),
            removed_text=lambda c: _("Deleted the campaign {name}; its posts stay on the calendar.").format(
                name=c.name))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog campaigns-dialog"):
            yield Static(_("Campaigns"), classes="dialog-title", markup=False)
            yield OptionList(id="campaign-list")
            yield Static("", id="campaign-detail", classes="campaign-detail")
            yield Static(_("Enter shows its posts · a adds · e edits · i library items · d deletes · "
                           "Esc closes"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.show_campaigns(None)
        self.query_one(OptionList).focus()

    def show_campaigns(self, keep: int | None) -> None:
        listing = self.query_one(OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        campaigns = self.repo.campaigns()
        if not campaigns:
            listing.add_option(Option(_("No campaigns yet: a adds one (an open day, a recruitment drive)."),
                                      disabled=True))
            self._show_detail()
            return
        for campaign in campaigns:
            posts = self.repo.post_count(campaign.id or 0)
            count = ngettext("{n} post", "{n} posts", posts).format(n=format_number(posts))
            listing.add_option(Option(plain(f"{campaign.name} · {dates_text(campaign)} · {count}"),
                                      id=str(campaign.id)))
        if keep is not None and any(c.id == keep for c in campaigns):
            listing.highlighted = next(i for i, c in enumerate(campaigns) if c.id == keep)
        else:
            listing.highlighted = min(highlighted or 0, len(campaigns) - 1)
        self._show_detail()

    def _current(self) -> int | None:
        option = self.query_one(OptionList).highlighted_option
        return int(option.id) if option is not None and option.id else None

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        from advocacy_tui.screens.calendar_pane import campaign_mix

        detail = self.query_one("#campaign-detail", Static)
        key = self._current()
        campaign = self.repo.get(key) if key is not None else None
        if campaign is None or campaign.id is None:
            detail.update("")
            return
        lines: list[Content] = []
        people = self.repo.people(campaign.id)
        if people:
            names = ", ".join(name for _id, name in people[:PEOPLE_SHOWN])
            more = len(people) - PEOPLE_SHOWN
            if more > 0:
                names += " " + _("and {n} more").format(n=format_number(more))
            lines.append(plain(_("Taking part: {names}").format(names=names)))
        else:
            lines.append(Content(_("Taking part: nobody yet (the authors of its posts take part).")))
        items = self.repo.items(campaign.id)
        if items:
            lines.append(plain(_("Library: {items}").format(items=", ".join(title for _i, _k, title, _l in items))))
        else:
            lines.append(Content(_("Library: no items yet (i chooses them).")))
        wide = self.app.size.width >= 110
        lines += campaign_mix(self.repo, campaign.id, self.settings, wide)
        if campaign.notes:
            lines.append(plain(campaign.notes))
        detail.update(Content("\n").join(lines))

    @on(OptionList.OptionSelected)
    def _show(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(int(event.option.id))

    def action_add(self) -> None:
        self.records.add()

    def action_edit(self) -> None:
        key = self._current()
        if key is not None:
            self.records.edit(key)

    def action_delete(self) -> None:
        key = self._current()
        campaign = self.repo.get(key) if key is not None else None
        if campaign is None or key is None:
            return
        self.records.delete(key, _("Delete this campaign?"),
                            _("{name} ({dates}) goes; its posts and library items stay.").format(
                                name=campaign.name, dates=dates_text(campaign)))

    def action_items(self) -> None:
        key = self._current()
        campaign = self.repo.get(key) if key is not None else None
        if campaign is None or campaign.id is None:
            return
        campaign_id = campaign.id

        def chosen(items: set[int] | None) -> None:
            if items is None:
                return
            self.repo.set_items(campaign_id, items)
            self.show_campaigns(campaign_id)
            self.notify(ngettext("{name} now bundles {n} library item.", "{name} now bundles {n} library items.",
                                 len(items)).format(name=campaign.name, n=len(items)), markup=False)

        self.app.push_screen(CampaignItemsDialog(_("Library items of {name}").format(name=campaign.name),
                                                 self.library, self.repo.item_ids(campaign_id)), chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Small dialogs of the calendar: filters, picking one post of a day, typing a date."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from advocacy_tui.data.groups import CampaignRepo
from advocacy_tui.data.posts import CalendarRow, PostFilter, PostRepo
from advocacy_tui.domain.dates import DateError, format_date, parse_date
from advocacy_tui.i18n import N_, _
from advocacy_tui.screens.base import plain
from advocacy_tui.screens.modals.forms import Field, FormSelect, Rule
from advocacy_tui.screens.modals.post_form import AuthorSuggester, state_options


class FilterDialog(ModalScreen[PostFilter | None]):
    """Dismisses the new filter (an empty one clears it), or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="filter.cancel"),
        Binding("f10", "apply", N_("Apply"), id="filter.apply"),
    ]

    def __init__(self, repo: PostRepo, current: PostFilter, voices: tuple[tuple[str, str], ...]):
        super().__init__()
        self.repo = repo
        self.current = current
        self.voices = voices

    def _author_known(self, value: str) -> str | None:
        return self.repo.find_author(value)[1]

    def compose(self) -> ComposeResult:
        c = self.current
        with Vertical(classes="dialog form-dialog"):
            yield Static(_("Show only"), classes="dialog-title", markup=False)
            yield Field(_("Author"), Input(self.repo.author_label(c.author_id), compact=True,
                        placeholder=_("Name or email (empty: everyone)"),
                        suggester=AuthorSuggester(self.repo), validators=[Rule(self._author_known)],
                        id="author"), name="author")
            yield Field(_("State"), FormSelect(state_options(), value=c.state or Select.NULL,
                        prompt=_("any state"), compact=True, id="state"), name="state")
            yield Field(_("Voice"), FormSelect([(label, key) for key, label in self.voices], value=c.voice or Select.NULL,
                        prompt=_("any voice"), compact=True, id="voice"), name="voice")
            campaigns = CampaignRepo(self.repo.store).campaigns()
            if campaigns:
                yield Field(_("Campaign"), FormSelect(
                    [(plain(campaign.name), str(campaign.id)) for campaign in campaigns],
                    value=str(c.campaign_id) if any(x.id == c.campaign_id for x in campaigns) else Select.NULL,
                    prompt=_("any campaign"), compact=True, id="campaign"), name="campaign")
            yield Static(_("Enter or F10 applies · Esc cancels"), classes="dialog-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Apply"), variant="primary", id="apply", compact=True)
                yield Button(_("Show all"), id="clear", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#author", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        text = self.query_one("#author", Input).value
        author_id, problem = self.repo.find_author(text)
        if problem:
            self.query_one("#field-author", Field).show_problem(problem)
            return
        state = self.query_one("#state", Select).value
        voice = self.query_one("#voice", Select).value
        campaign_id, campaign_name = None, ""
        if self.query("#campaign"):
            chosen = self.query_one("#campaign", Select).value
            if chosen is not Select.NULL:
                campaign = CampaignRepo(self.repo.store).get(int(str(chosen)))
                if campaign is not None:
                    campaign_id, campaign_name = campaign.id, campaign.name
        self.dismiss(PostFilter(
            author_id=author_id, author_name=text.split("<")[0].strip() if author_id else "",
            state=None if state is Select.NULL else str(state),
            voice=None if voice is Select.NULL else str(voice),
            campaign_id=campaign_id, campaign_name=campaign_name))

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self.dismiss(PostFilter())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


PICK_TITLES = {  # whole sentences: Polish says each verb differently
    "edit": N_("Which post to edit? ({day})"),
    "copy": N_("Which post to copy? ({day})"),
    "move": N_("Which post to move? ({day})"),
    "delete": N_("Which post to delete? ({day})"),
}


def post_line(row: CalendarRow) -> str:
    return row.describe()


class PickPostDialog(ModalScreen[int | None]):
    """Several posts on one day: choose the one to work on."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="pick.cancel")]

    def __init__(self, day: date, rows: list[CalendarRow], verb: str) -> None:
        super().__init__()
        self.day = day
        self.rows = rows
        self.verb = verb

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog"):
            yield Static(_(PICK_TITLES[self.verb]).format(day=format_date(self.day)),
                         classes="dialog-title", markup=False)
            yield OptionList(*[Option(plain(post_line(row)), id=str(row.id)) for row in self.rows],
                             id="pick-list")
            yield Static(_("↑↓ choose · Enter picks · Esc cancels"), classes="dialog-hint",
                         markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:  # every option here is a post, its id the post's
            self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _check_date(value: str) -> str | None:
    try:
        parse_date(value)
    except DateError as error:
        return str(error)
    return None


class DateDialog(ModalScreen[date | None]):
    """Type a date (dd.mm.yyyy or ISO)."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="date.cancel")]

    def __init__(self, title: str, initial: date) -> None:
        super().__init__()
        self.title_text = title
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog date-dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Field(_("Date"), Input(format_date(self.initial), placeholder=_("dd.mm.yyyy"),
                        validators=[Rule(_check_date)], compact=True, id="date"), name="date")
            yield Static(_("Enter confirms · Esc cancels"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#date", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        problem = _check_date(event.value)
        if problem:
            self.query_one("#field-date", Field).show_problem(problem)
            return
        self.dismiss(parse_date(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)

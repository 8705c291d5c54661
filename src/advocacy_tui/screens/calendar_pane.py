"""The content calendar (month grid and week agenda): the first tab of the calendar section,
a pane with its own keys."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from advocacy_tui.config import DEFAULT_VOICES, Settings
from advocacy_tui.data.groups import CampaignRepo
from advocacy_tui.data.posts import CalendarRow, PostFilter, PostRepo
from advocacy_tui.domain.calendar import (
    Mix,
    add_months,
    content_mix,
    grid_range,
    mix_warning,
    month_first,
    month_last,
    percent,
    season_hint,
    week_days,
    weekly_pieces_hint,
)
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.posts import LEADER_SYMBOL, STATE_LABELS, STATE_SYMBOLS, Post
from advocacy_tui.formatting import format_number, weekday_names
from advocacy_tui.formatting import month_title as month_heading
from advocacy_tui.i18n import N_, _, ngettext
from advocacy_tui.screens.base import plain
from advocacy_tui.screens.crud import Records
from advocacy_tui.widgets.month_grid import MonthGrid

if TYPE_CHECKING:
    from advocacy_tui.screens.calendar import CalendarScreen

NO_POST = {  # whole sentences: Polish says each verb differently
    "edit": N_("There is no post on {day} to edit. Press a to plan one."),
    "copy": N_("There is no post on {day} to copy. Press a to plan one."),
    "move": N_("There is no post on {day} to move. Press a to plan one."),
    "delete": N_("There is no post on {day} to delete. Press a to plan one."),
}


def legend() -> str:
    """The states' symbols and the leader's star, in the language in use."""
    return ("  ".join(f"{STATE_SYMBOLS[s]} {STATE_LABELS[s].lower()}" for s in STATE_LABELS)
            + "  " + _("{star} by an owner or manager").format(star=LEADER_SYMBOL))


def month_title(day: date) -> str:
    return month_heading(day.year, day.month)


def day_name(day: date, short: bool = True) -> str:
    """"Fri", "Friday" ("pt.", "Piątek"): from Babel, for the language in use."""
    name = weekday_names(short)[day.weekday()]
    return name if short else name[:1].upper() + name[1:]


# A built-in voice in one word, for the mix line ("personal 40 %"); a voice of the user's
# own config gives the first word of its label.
SHORT_VOICES = {"personal": N_("personal"), "team": N_("team"), "company": N_("company"),
                "industry": N_("industry")}


def short_voice(voice: str, labels: Mapping[str, str]) -> str:
    label = labels.get(voice, voice)
    default = dict(DEFAULT_VOICES).get(voice)
    if voice in SHORT_VOICES and default is not None and label == default:
        return _(SHORT_VOICES[voice])
    return (label.split() or [voice])[0].lower()


def _shares(mix: Mix, labels: Mapping[str, str]) -> str:
    return " · ".join(f"{short_voice(v, labels)} {percent(n / mix.total)}"
                      for v, n in mix.counts if n)


def mix_lines(posts: PostRepo, settings: Settings, cursor: date, today: date, wide: bool) -> Content:
    """The lines under the grid: the voices' shares this month and in the last 30 days, the
    leaders' posts, a warning when company posts pass the limit, the season's hint."""
    labels = settings.voice_labels

    def mix(first: date, last: date) -> Mix:
        return content_mix(posts.voice_counts(first, last), list(labels), settings.company_share_limit)

    month_name = month_title(cursor).split()[0]
    month_mix = mix(month_first(cursor), month_last(cursor))
    recent_mix = mix(today - timedelta(days=29), today)
    limit = settings.company_share_limit
    # the base is said: planned posts (all but dropped), not Today's published ones
    if month_mix.total:
        month_line = (_("{month}: {shares} ({n} planned this month)") if wide else
                      _("{month}: {shares} ({n} planned)")).format(
            month=month_name if wide else month_name[:3], shares=_shares(month_mix, labels),
            n=month_mix.total)
    else:
        month_line = _("{month}: nothing planned yet").format(month=month_name)
    if wide and recent_mix.total:
        recent = _("Last 30 days: {shares} ({n} planned in 30 days)").format(
            shares=_shares(recent_mix, labels), n=recent_mix.total)
    elif recent_mix.total:
        recent = _("30 days: company {share} of {n} planned").format(
            share=percent(recent_mix.company_share), n=recent_mix.total)
    else:
        recent = _("Last 30 days: nothing planned")
    planned, published = posts.leader_posts(month_first(cursor), month_last(cursor))
    if planned:
        posts_text = ngettext("{n} post", "{n} posts", planned).format(n=planned)
        leaders = _("{star} leaders: {posts}, {published} published").format(
            star=LEADER_SYMBOL, posts=posts_text, published=published)
        leaders_wide = _("{star} Leaders (owners and managers): {posts}, {published} published").format(
            star=LEADER_SYMBOL, posts=posts_text, published=published)
    else:
        leaders = leaders_wide = _("⚠ {star} no posts by owners or managers this month: leaders "
                                   "post first").format(star=LEADER_SYMBOL)
    lines = [Content(month_line)]
    if wide:
        lines += [Content(recent), Content(leaders_wide)]
    else:
        lines.append(Content(f"{recent} · {leaders}"))
    for which, one in ((_("This month"), month_mix), (_("Last 30 days"), recent_mix)):
        warning = mix_warning(one, limit, labels, short=not wide)
        if warning:
            text = f"⚠ {which}: {warning}" if wide else f"⚠ {warning}"
            lines.append(Content.styled(text, "$text-warning"))
            break
    hint = season_hint(cursor)
    if hint and wide:
        lines.append(Content(f"{month_title(cursor)}: {hint}."))  # the source is in F1 help
    return Content("\n").join(lines)


def campaign_mix(campaigns: CampaignRepo, campaign_id: int, settings: Settings, wide: bool) -> list[Content]:
    """A campaign's own personal/company mix (its posts, dropped ones left out), with the
    calendar's warning when company posts pass the same limit (domain.calendar's rule)."""
    labels = settings.voice_labels
    limit = settings.company_share_limit
    mix = content_mix(campaigns.voice_counts(campaign_id), list(labels), limit)
    if not mix.total:
        return [Content(_("Campaign mix: no posts in it yet (assign posts on their form)."))]
    lines = [Content(ngettext("Campaign mix: {shares} ({n} post)", "Campaign mix: {shares} ({n} posts)",
                              mix.total).format(shares=_shares(mix, labels), n=mix.total))]
    warning = mix_warning(mix, limit, labels, short=not wide)
    if warning:
        lines.append(Content.styled(f"⚠ {warning}", "$text-warning"))
    return lines


def filter_words(chosen: PostFilter, settings: Settings) -> str:
    """What a filter shows, in words: "Anna Nowak, draft"."""
    words = []
    if chosen.campaign_id is not None:
        words.append(_("campaign {name}").format(name=chosen.campaign_name or "?"))
    if chosen.author_id is not None:
        words.append(chosen.author_name or _("one author"))
    if chosen.state:
        words.append(STATE_LABELS[chosen.state].lower())
    if chosen.voice:
        words.append(settings.voice_labels.get(chosen.voice, chosen.voice).lower())
    return ", ".join(words)


def agenda_line(row: CalendarRow, settings: Settings) -> str:
    """A post in the week agenda: state, time, title, author, its voice and channel."""
    voice = settings.voice_labels.get(row.voice, row.voice)
    channel = f" · {row.channel}" if row.channel else ""
    return f"{row.describe()} · {voice}{channel}"


CALENDAR_HELP = N_("""\
# Calendar and library

Plan who posts what and when, and keep the mix **personal**: people follow people,
not company billboards.

**Month and week.** Arrows move through the days, `t` jumps to today, `[` and `]`
(or PageUp/PageDown) change the month (the week, in the week view), `g` goes to a date,
`v` switches between the month grid and the week agenda. Each day shows how many posts
it holds in each state: ○ idea, ✎ draft, ● ready, ✓ published, ✗ dropped; ★ marks a post
by an owner or a manager.

**Whose post it is.** A post belongs to its author and is agreed with them: ○ *idea* is a
topic they may take up or leave, ✎ *draft* is being written in their own words, ● *ready*
means ready for its author to publish on the planned day. A text you write for someone is a
suggestion they change as they like; no state is an approval step.

**Posts.** `a` plans a post on the selected day, `e` or Enter edits (a day with several
posts asks which), `c` copies, `m` moves (pick the new day with the arrows and Enter, or
type it with `g`), `d` deletes after asking. In the form, F4 opens the text in your own
editor (`$EDITOR`). Publishing a post (state *published* with its address) records it in
the author's involvement.

**Filters.** `f` shows only one author, state, voice or campaign. The mix below the grid
always counts the whole program (dropped posts left out), whatever the filter; a campaign
filter adds the campaign's own mix above it, checked against the same limit.

**Campaigns** (`C`): an open day or a recruitment drive, with its dates, its posts (a post
joins a campaign on its form), its library items and graphics (`i` in the list), and the
people taking part (the authors of its posts). Enter shows its posts on the calendar.

**The mix.** Under the grid: the share of each voice this month and in the last 30 days.
When company and employer-brand posts pass the limit (a third by default, `company_share_limit`
in config.toml; the voices themselves are the `[voices]` table), the calendar says so and
suggests what to plan instead. The owners and managers should be the first to post.

**Numbers from the field.** About 3.5 new pieces of content per 100 active ambassadors a week
is a sound expectation (DSMN8's rule of thumb). Activity is highest in January, September
and October and lowest in July, August and the holidays (Dynamic Signal).

**Library** (`l` switches tabs): guidelines, sample posts, ideas, inspiration, graphics and
training. `/` searches (diacritics do not matter), `a` adds, `e` edits, `d` deletes, `u` uses
the item as a draft on the selected calendar day, `o` opens a graphic's file or address.
""")


class WeekAgenda(OptionList):
    """The week as a list: a heading line per day, a line per post (ids ``p<post id>``) or,
    on an empty day, one to plan a post on it (``d<iso date>``)."""

    def show(self, days: list[date], by_day: dict[date, list[CalendarRow]], cursor: date,
             today: date, active: int, settings: Settings, keep_post: int | None) -> None:
        total = sum(len(by_day.get(day, [])) for day in days)
        count = ngettext("{n} post this week", "{n} posts this week", total).format(n=total)
        # the plain fact; its source is in F1 help
        options: list[Option] = [Option(plain(
            count + " · " + ngettext(
                "{active} active ambassador usually makes about {expected} new posts a week",
                "{active} active ambassadors usually make about {expected} new posts a week",
                active).format(active=active, expected=format_number(weekly_pieces_hint(active), 1))),
            disabled=True)]
        highlight = None
        for day in days:
            marker = " · " + _("today") if day == today else ""
            options.append(Option(plain(f"{day_name(day, short=False)} {format_date(day)}{marker}"),
                                  disabled=True))
            rows = by_day.get(day, [])
            if not rows:
                options.append(Option(plain("   " + _("nothing planned (a adds)")), id=f"d{day.isoformat()}"))
                if day == cursor and highlight is None:
                    highlight = len(options) - 1
            for row in rows:
                options.append(Option(plain("   " + agenda_line(row, settings)), id=f"p{row.id}"))
                if keep_post == row.id or (keep_post is None and day == cursor and highlight is None):
                    highlight = len(options) - 1
        self.clear_options()
        self.add_options(options)
        if highlight is not None:
            self.highlighted = highlight

    @staticmethod
    def day_of(option_id: str | None, rows: list[CalendarRow]) -> date | None:
        """The day of a line: its own, or its post's (looked up in ``rows``)."""
        if not option_id:
            return None
        if option_id.startswith("d"):
            return date.fromisoformat(option_id[1:])
        post_id = int(option_id[1:])
        for row in rows:
            if row.id == post_id:
                return row.planned_on
        return None

    def highlighted_post(self) -> int | None:
        option = self.highlighted_option
        if option is not None and option.id and option.id.startswith("p"):
            return int(option.id[1:])
        return None


class CalendarPane(Vertical):
    """The month grid (or week agenda), the selected day, the mix and the legend."""

    HELP = CALENDAR_HELP

    BINDINGS = [
        Binding("a", "add", N_("Add"), id="calendar.add", tooltip=N_("Plan a post (or add a library item)")),
        Binding("e", "edit", N_("Edit"), id="calendar.edit", tooltip=N_("Edit a post of the selected day")),
        Binding("c", "copy", N_("Copy"), show=False, id="calendar.copy", tooltip=N_("Duplicate a post of the selected day")),
        Binding("m", "move", N_("Move"), id="calendar.move", tooltip=N_("Move a post to another day")),
        Binding("d,delete", "delete", N_("Delete"), show=False, id="calendar.delete", tooltip=N_("Delete (asks first)")),
        Binding("f", "filter", N_("Filter"), id="calendar.filter",
                tooltip=N_("Show one author, state, voice or campaign")),
        Binding("C", "campaigns", N_("Campaigns"), show=False, id="calendar.campaigns",
                tooltip=N_("Campaigns: their dates, posts, library items, people and mix")),
        Binding("v", "toggle_view", N_("Month/week"), id="calendar.view", tooltip=N_("Month grid or week agenda")),
        Binding("t", "today", N_("Today"), id="calendar.today", tooltip=N_("Jump to today")),
        Binding("left_square_bracket,pageup", "month(-1)", N_("Previous"), show=False, id="calendar.previous",
                tooltip=N_("Previous month (or week)")),
        Binding("right_square_bracket,pagedown", "month(1)", N_("Next"), show=False, id="calendar.next",
                tooltip=N_("Next month (or week)")),
        Binding("g", "go_to", N_("Go to date"), show=False, id="calendar.go_to",
                tooltip=N_("Type a date to jump to")),
        Binding("l", "screen.switch_tab", N_("Calendar/library"), id="calendar.tab",
                tooltip=N_("Switch between the calendar and the library")),
        Binding("escape", "escape", N_("Cancel"), show=False, id="calendar.escape"),
    ]

    def __init__(self, posts: PostRepo, settings: Settings, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.posts = posts
        self.settings = settings
        self.today = today
        self.filter = PostFilter()
        self.view = "month"
        self.moving: int | None = None
        self.rows: list[CalendarRow] = []
        self.by_day: dict[date, list[CalendarRow]] = {}
        self.loaded_range: tuple[date, date] | None = None
        self._state_before: str | None = None
        self.records: Records[Post] = Records(
            self, "post", load=self.posts.get, form=self._form, insert=self.posts.add,
            update=lambda post, expected: self.posts.update(post, expected=expected),
            remove=self.posts.delete, refresh=self._refresh_to,
            added_text=lambda post: _("Planned “{title}” on {day}.").format(
                title=post.title, day=format_date(post.planned_on)),
            saved_text=self._saved_text,
            removed_text=lambda post: _("Deleted “{title}”.").format(title=post.title))

    def compose(self) -> ComposeResult:
        # grid and week shown and hidden, not a ContentSwitcher: fewer widgets to build and paint
        yield MonthGrid(self.today, self.today, self.settings.week_start_index, id="month")
        yield WeekAgenda(id="week")
        yield Static("", id="cal-day", markup=False)
        yield Static("", id="cal-mix")
        yield Static(legend(), id="cal-legend", markup=False)

    @property
    def calendar_screen(self) -> CalendarScreen:
        return self.screen  # type: ignore[return-value]

    @property
    def grid(self) -> MonthGrid:
        return self.query_one("#month", MonthGrid)

    @property
    def week(self) -> WeekAgenda:
        return self.query_one("#week", WeekAgenda)

    @property
    def cursor(self) -> date:
        return self.grid.cursor

    # -- loading --------------------------------------------------------------------------

    def view_range(self) -> tuple[date, date]:
        if self.view == "week":
            days = week_days(self.cursor, self.settings.week_start_index)
            return days[0], days[-1]
        return grid_range(self.cursor, self.settings.week_start_index)

    def reload(self, *, keep_week_post: int | None = None) -> None:
        """Read the posts of the visible range only, then redraw everything that shows them."""
        first, last = self.view_range()
        self.loaded_range = (first, last)
        if self.view == "week":
            self.rows = self.posts.in_range(first, last, self.filter)
            self.by_day = defaultdict(list)
            for row in self.rows:
                self.by_day[row.planned_on].append(row)
            self._fill_week(keep_week_post)
        else:
            # The grid gets counts and a few titles a day; full rows only for the chosen day.
            self.grid.set_days(self.posts.month_summary(first, last, self.filter))
            self._load_cursor_day()
        self._show_mix()
        self._show_day()
        self.show_title()

    def _load_cursor_day(self) -> None:
        if self.view == "month":
            self.rows = self.posts.in_range(self.cursor, self.cursor, self.filter)
            self.by_day = {self.cursor: self.rows}

    def _ensure_loaded(self) -> None:
        first, last = self.view_range()
        if self.loaded_range != (first, last):
            self.reload()
        else:
            self._load_cursor_day()
            self._show_day()
            self.show_title()

    def show_title(self) -> None:
        if not self.display:  # the library is showing: its title stays
            return
        parts = [_("Calendar"), month_title(self.cursor)]
        if self.view == "week":
            days = week_days(self.cursor, self.settings.week_start_index)
            parts[1] = _("week {first}–{last}").format(first=format_date(days[0])[:5],
                                                       last=format_date(days[-1]))
        if self.filter.active:
            parts.append(_("only {filter}").format(filter=filter_words(self.filter, self.settings)))
        self.screen.sub_title = " · ".join(parts)

    def _show_day(self) -> None:
        rows = self.by_day.get(self.cursor, [])
        day = f"{day_name(self.cursor)} {format_date(self.cursor)}"
        if self.moving is not None:
            post = self.posts.get(self.moving)
            text = _("Moving “{title}”: choose the day with the arrows and press Enter (g types "
                     "a date, Esc cancels).").format(title=post.title if post else "?")
        else:
            hidden = (self.posts.count_between(self.cursor, self.cursor) - len(rows)
                      if self.filter.active else 0)
            hidden_text = ngettext("{n} hidden by the filter", "{n} hidden by the filter", hidden).format(n=hidden)
            if not rows and hidden:
                text = f"{day}: " + hidden_text + " " + _("(f changes it, Esc clears it).")
            elif not rows:
                text = _("{day}: nothing planned. Press a to plan a post.").format(day=day)
            else:
                text = f"{day}: " + " │ ".join(r.describe() for r in rows)
                if hidden:
                    text = f"{day} ({hidden_text}): " + " │ ".join(r.describe() for r in rows)
        self.query_one("#cal-day", Static).update(plain(text))
        # the legend line, or the active filter when there is one (on screen, not only in the title)
        if self.filter.active:
            line = _("Only {filter} · f changes the filter · Esc clears it").format(
                filter=filter_words(self.filter, self.settings))
        else:
            line = legend()
        self.query_one("#cal-legend", Static).update(plain(line))

    def _show_mix(self) -> None:
        wide = self.screen.size.width >= 110
        lines = mix_lines(self.posts, self.settings, self.cursor, self.today, wide)
        if self.filter.campaign_id is not None:  # the campaign's own mix first, then the program's
            lines = Content("\n").join([*campaign_mix(CampaignRepo(self.posts.store), self.filter.campaign_id,
                                                       self.settings, wide), lines])
        self.query_one("#cal-mix", Static).update(lines)

    def on_resize(self) -> None:
        if self.is_mounted:
            self._show_mix()

    # -- week agenda ----------------------------------------------------------------------

    def _fill_week(self, keep_post: int | None = None) -> None:
        self.week.show(week_days(self.cursor, self.settings.week_start_index), self.by_day,
                       self.cursor, self.today, self.posts.active_ambassadors(), self.settings,
                       keep_post)

    @on(OptionList.OptionHighlighted, "#week")
    def _week_moved(self, event: OptionList.OptionHighlighted) -> None:
        day = self.week.day_of(event.option.id, self.rows)
        if day is not None and day != self.cursor:
            self.grid.set_cursor(day, notify=False)
            self._show_day()

    @on(OptionList.OptionSelected, "#week")
    def _week_selected(self, event: OptionList.OptionSelected) -> None:
        if self.moving is not None:
            self._finish_move(self.cursor)
            return
        option_id = event.option.id or ""
        if option_id.startswith("p"):
            self.records.edit(int(option_id[1:]))
        else:
            self.action_add()

    def _week_post(self) -> int | None:
        return self.week.highlighted_post() if self.view == "week" else None

    # -- grid events ----------------------------------------------------------------------

    @on(MonthGrid.CursorMoved)
    def _cursor_moved(self, event: MonthGrid.CursorMoved) -> None:
        self._ensure_loaded()

    @on(MonthGrid.DaySelected)
    def _day_selected(self, event: MonthGrid.DaySelected) -> None:
        if self.moving is not None:
            self._finish_move(event.day)
            return
        if self.by_day.get(event.day):
            self.action_edit()
        else:
            self.action_add()

    def focus_view(self) -> None:
        (self.week if self.view == "week" else self.grid).focus()

    # -- navigation -----------------------------------------------------------------------

    def go_to(self, day: date) -> None:
        self.grid.set_cursor(day, notify=False)
        if self.view == "week":
            self.reload()
        else:
            self._ensure_loaded()

    def action_today(self) -> None:
        self.go_to(self.today)

    def action_month(self, step: int) -> None:
        if self.view == "week":
            self.go_to(self.cursor + timedelta(days=7 * step))
        else:
            self.go_to(add_months(self.cursor, step))

    def action_go_to(self) -> None:
        from advocacy_tui.screens.modals.calendar_dialogs import DateDialog

        def chosen(day: date | None) -> None:
            if day is not None:
                self.go_to(day)

        title = _("Move to which day?") if self.moving is not None else _("Go to which day?")
        self.app.push_screen(DateDialog(title, self.cursor), chosen)

    def action_toggle_view(self) -> None:
        self.view = "week" if self.view == "month" else "month"
        self.grid.display = self.view == "month"
        self.week.display = self.view == "week"
        self.reload()
        self.focus_view()

    def action_escape(self) -> None:
        if self.moving is not None:
            self.moving = None
            self._show_day()
            self.notify(_("Move cancelled."), markup=False)
        elif self.filter.active:
            self.filter = PostFilter()
            self.reload()
            self.notify(_("Filter cleared: every post shows again."), markup=False)

    # -- posts ----------------------------------------------------------------------------

    def _with_post(self, verb: str, then) -> None:
        """Run ``then(post_id)`` on the highlighted post (week) or the day's post (asking)."""
        from advocacy_tui.screens.modals.calendar_dialogs import PickPostDialog

        chosen = self._week_post()
        if chosen is not None:
            then(chosen)
            return
        rows = self.by_day.get(self.cursor, [])
        if not rows:
            self.notify(_(NO_POST[verb]).format(day=format_date(self.cursor)), markup=False)
            return
        if len(rows) == 1:
            then(rows[0].id)
            return

        def picked(post_id: int | None) -> None:
            if post_id is not None:
                then(post_id)

        self.app.push_screen(PickPostDialog(self.cursor, rows, verb), picked)

    def _form(self, post: Post | None, title: str | None = None):
        from advocacy_tui.screens.modals.post_form import PostForm

        assert post is not None  # a new post is a draft on the selected day (see action_add)
        before = self.posts.get(post.id) if post.id is not None else None
        self._state_before = before.state if before else None
        return PostForm(self.posts, post, self.settings.voices, title=title)

    def _saved_text(self, post: Post) -> str:
        message = _("Saved “{title}”.").format(title=post.title)
        if post.state == "published" and self._state_before != "published" and post.author_id:
            message += " " + _("Its author's involvement now shows this post.")
        return message

    def _refresh_to(self, key: int | None) -> None:
        """Show the post ``key`` (on its day, highlighted in the week); None: reload in place."""
        post = self.posts.get(key) if key is not None else None
        if post is not None and post.planned_on and post.planned_on != self.cursor:
            self.go_to(post.planned_on)
        self.reload(keep_week_post=key)

    def action_add(self) -> None:
        voices = [key for key, _label in self.settings.voices]
        self.plan(Post(id=None, title="", planned_on=self.cursor, voice=voices[0]))

    def plan(self, post: Post, title: str | None = None) -> None:
        if title is None:
            self.records.add(post)
            return
        form = self.records.form
        self.records.form = lambda draft: self._form(draft, title)
        try:
            self.records.add(post)
        finally:
            self.records.form = form

    def action_edit(self) -> None:
        self._with_post("edit", self.records.edit)

    def action_copy(self) -> None:
        from advocacy_tui.screens.calendar_actions import copy_to_day

        self._with_post("copy", lambda post_id: copy_to_day(self, post_id))

    def action_move(self) -> None:
        def start(post_id: int) -> None:
            self.moving = post_id
            self._show_day()
            self.focus_view()

        self._with_post("move", start)

    def _finish_move(self, day: date) -> None:
        post_id, self.moving = self.moving, None
        post = self.posts.get(post_id) if post_id is not None else None
        if post is None or post_id is None:
            self.reload()
            return
        self.posts.move(post_id, day)
        self.go_to(day)
        self.reload(keep_week_post=post_id)
        self.notify(_("Moved “{title}” to {day}.").format(title=post.title, day=format_date(day)),
                    markup=False)

    def action_delete(self) -> None:
        def ask(post_id: int) -> None:
            post = self.posts.get(post_id)
            if post is None:
                return
            self.records.delete(
                post_id, _("Delete this post?"),
                _("“{title}” planned on {day} will be removed for good.").format(
                    title=post.title, day=format_date(post.planned_on)))

        self._with_post("delete", ask)

    def action_filter(self) -> None:
        from advocacy_tui.screens.calendar_actions import choose_filter

        choose_filter(self)

    def action_campaigns(self) -> None:
        from advocacy_tui.screens.calendar_actions import list_campaigns

        list_campaigns(self)

    def show_all(self) -> None:
        self.filter = PostFilter()
        self.reload()

    # -- palette --------------------------------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Calendar: plan a post"), _("On the selected day (a)"), self.action_add)
        yield SystemCommand(_("Calendar: go to today"), _("Jump to today (t)"), self.action_today)
        yield SystemCommand(_("Calendar: go to a date"), _("Type a date (g)"), self.action_go_to)
        yield SystemCommand(_("Calendar: month or week view"), _("Switch views (v)"),
                            self.action_toggle_view)
        yield SystemCommand(_("Calendar: filter posts"), _("One author, state or voice (f)"),
                            self.action_filter)
        yield SystemCommand(_("Calendar: show all posts"), _("Clear the filter"), self.show_all)
        yield SystemCommand(_("Calendar: campaigns"), _("Dates, posts, library items, people, mix (C)"),
                            self.action_campaigns)
        yield SystemCommand(_("Library: open the content library"), _("Guidelines, samples, ideas (l)"),
                            lambda: self.calendar_screen.show_tab("tab-library"))

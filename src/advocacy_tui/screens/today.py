"""Today: what needs the owner now, each indicator with what it means and what to do."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from advocacy_tui import formatting
from advocacy_tui.config import COMPANY_VOICE, Settings
from advocacy_tui.data.settings import SettingsRepo
from advocacy_tui.data.tasks import TaskQuery, TaskRepo
from advocacy_tui.data.today import Found, LeadersPosting, Pilgrimage, TodayRepo
from advocacy_tui.domain.ambassadors import STATUS_LABELS, STATUSES
from advocacy_tui.domain.calendar import content_mix, percent
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.involvement import QUIET_DAYS
from advocacy_tui.domain.onboarding import STUCK_DAYS
from advocacy_tui.domain.tasks import CATEGORIES, format_minutes, week_start
from advocacy_tui.domain.today import (
    ACTIVE_DAYS,
    CHART_WEEKS,
    DEFAULT_STALE_TALK_DAYS,
    FIELD_ACTIVE_HIGH,
    FIELD_ACTIVE_LOW,
    MIX_DAYS,
    SILENT_LEADER_DAYS,
    STALE_READINESS_DAYS,
    ReadinessReminder,
    bar_row,
    mix_words,
    voice_word,
)
from advocacy_tui.formatting import format_number, format_percent
from advocacy_tui.i18n import N_, _, current_language, ngettext
from advocacy_tui.screens.base import SectionScreen, plain
from advocacy_tui.screens.task_rows import (
    TaskActions,
    due_text,
    program_settings_command,
    state_mark,
)
from advocacy_tui.widgets.key_bar import KeyBar
from advocacy_tui.widgets.load_meter import load_bar
from advocacy_tui.widgets.title_bar import TitleBar
from advocacy_tui.widgets.virtual_table import Column, VirtualTable

TASK_COLUMNS = [
    Column("state", "", 2, min_width=2, sortable=False),
    Column("due", N_("Due"), 11, sortable=False),
    Column("title", N_("Overdue and today's tasks"), None, min_width=20, sortable=False),
    Column("category", N_("Category"), 12, sortable=False),
]

OK, WARN, INFO = "✓", "⚠", "·"

# an indicator's title before it is counted ({days} and {weeks}: the windows of domain/today)
INDICATORS = {
    "tasks": N_("Tasks"),
    "posts": N_("Posts planned"),
    "stuck": N_("Stuck in onboarding"),
    "quiet": N_("Gone quiet"),
    "leaders": N_("Owners and managers"),
    "mix": N_("Content mix"),
    "load": N_("This week's load"),
    "active": N_("Active in the last {days} days"),
    "chart": N_("Posts per week ({weeks} weeks)"),
    "readiness": N_("Readiness check"),
    "pilgrimage": N_("Stakeholder map"),
    "goals": N_("Goals"),
}


def indicator_title(key: str) -> str:
    return _(INDICATORS[key]).format(days=ACTIVE_DAYS, weeks=CHART_WEEKS)

COLUMNS = (("tasks", "posts", "load", "mix", "readiness", "goals"),
           ("stuck", "quiet", "leaders", "pilgrimage", "active", "chart"))
TAB_LABELS = {"stakeholders": N_("the stakeholder map")}
POTENTIAL_SHARE = 0.3  # who could become active (PostBeyond, 2018), as the help says
WIDE = 110  # from this terminal width the indicators stand in two columns


@dataclass(frozen=True)
class Reading:
    """One indicator: a status mark, a title, what it says, and what to do."""

    key: str
    mark: str
    title: str
    text: str
    advice: str
    target: str | None
    tab: str | None = None  # a tab of the target section to open (the stakeholder map)
    only: tuple[tuple[str, object], ...] = ()  # the filter the target opens with: exactly these people


class _Stopped(Exception):
    """The counting worker was cancelled (the app is closing)."""


class _Readings(list):
    """A list that also hands each new reading to a callback."""

    def __init__(self, on_reading: Callable[[Reading], None] | None) -> None:
        super().__init__()
        self.on_reading = on_reading

    def append(self, reading: Reading) -> None:
        super().append(reading)
        if self.on_reading is not None:
            self.on_reading(reading)


class TodayTaskSource:
    def __init__(self, repo: TaskRepo) -> None:
        self.repo = repo
        self.query = TaskQuery("today")

    def count(self) -> int:
        return self.repo.count(self.query)

    def fetch(self, offset: int, limit: int) -> list[tuple[int, Sequence[str]]]:
        today = self.repo.store.clock.today()
        return [
            (task.id, (state_mark(task, today), due_text(task, today), task.title,
                       CATEGORIES.get(task.category, task.category)))
            for task in self.repo.page(self.query, offset, limit)
            if task.id is not None  # always: read from the database
        ]


class Indicator(Static, can_focus=True):
    """A focusable indicator; Enter leads to the section where it can be fixed."""

    DEFAULT_CSS = """
    Indicator { height: auto; padding: 0 1; margin-bottom: 1; }
    Indicator:focus { background: $primary 30%; }
    Indicator.-warn { border-left: thick $warning; }
    Indicator.-ok { border-left: thick $success; }
    Indicator.-info { border-left: thick $panel; }
    """

    BINDINGS = [Binding("enter", "follow", N_("Go there"), id="today.follow",
                        tooltip=N_("Open the section where this can be fixed"))]

    def __init__(self, reading: Reading) -> None:
        super().__init__(id=f"ind-{reading.key}", classes=self._mark_class(reading))
        self.reading = reading

    @staticmethod
    def _mark_class(reading: Reading) -> str:
        return {WARN: "-warn", OK: "-ok"}.get(reading.mark, "-info")

    def on_mount(self) -> None:
        self.show(self.reading)

    def show(self, reading: Reading) -> None:
        self.reading = reading
        jump = ""
        if reading.target:
            # the section's own name (the app's N_ titles: Roster, Calendar, Tasks, Readiness)
            jump = _("· Enter opens {place}").format(place=_(reading.target.capitalize()))
            if reading.tab in TAB_LABELS:
                jump = _("· Enter opens {place}").format(place=_(TAB_LABELS[reading.tab]))
        style = "bold $text-warning" if reading.mark == WARN else "bold"
        self.update(Content.assemble(
            (f"{reading.mark} {reading.title}", style), "   ", (jump, "$text-muted"), "\n",
            reading.text, "\n", (reading.advice, "italic $text-muted"),
        ))
        mark = self._mark_class(reading)
        self.update_classes({name: name == mark for name in ("-warn", "-ok", "-info")})

    def action_follow(self) -> None:
        if self.reading.target:
            self.app.switch_mode(self.reading.target)
            if self.reading.tab:
                self._open_tab(self.reading.target, self.reading.tab, tries=10)
            elif self.reading.only:
                self._open_filtered(self.reading.target, dict(self.reading.only), tries=10)
        else:
            self.notify(_("Nothing to open for this one: the section that shows it is not in this "
                          "version yet."), markup=False)

    def _open_tab(self, mode: str, tab: str, tries: int) -> None:
        """Open a tab of the section just switched to, once its screen is ready."""
        screen = self.app.screen
        show = getattr(screen, "show_tab", None)
        if self.app.current_mode == mode and show is not None and screen.is_mounted:
            show(tab)
        elif tries > 0:
            self.app.call_after_refresh(self._open_tab, mode, tab, tries - 1)

    def _open_filtered(self, mode: str, only: dict, tries: int) -> None:
        """Filter the section just switched to down to exactly the people this indicator names."""
        screen = self.app.screen
        show = getattr(screen, "show_only", None)
        if self.app.current_mode == mode and show is not None and screen.is_mounted:
            show(**only)
        elif tries > 0:
            self.app.call_after_refresh(self._open_filtered, mode, only, tries - 1)

    def on_click(self) -> None:
        self.focus()


def readiness_reading(reminder: ReadinessReminder, target: str | None) -> Reading:
    """Failure 1 (timing): the last check's "check again" window, or that its verdict is old."""
    title = _("Readiness check")
    if reminder.state == "none":
        return Reading("readiness", INFO, title, _("No readiness check has been finished yet."),
                       _("Run it before the launch: about 30 minutes, or 10 for the quick check."), target)
    assert reminder.finished_on and reminder.earliest and reminder.latest
    from advocacy_tui.domain.readiness_texts import verdict_label  # in the counting thread

    verdict = verdict_label(current_language(), reminder.verdict)
    done = format_date(reminder.finished_on)
    if reminder.earliest == reminder.latest:
        window = _("on {day}").format(day=format_date(reminder.earliest))
    else:
        window = _("between {first} and {last}").format(first=format_date(reminder.earliest),
                                                        last=format_date(reminder.latest))
    said = _("The last check ({day}, verdict: {verdict}) said to check again {window}.").format(
        day=done, verdict=verdict, window=window)
    if reminder.state == "stale":
        months = ngettext("{n} month", "{n} months", reminder.months_old).format(n=reminder.months_old)
        return Reading("readiness", WARN, title,
                       said + " " + _("That verdict is {months} old.").format(months=months),
                       _("Half a year changes the moment and the mood: run the check again."), target)
    if reminder.state in ("due", "overdue"):
        return Reading("readiness", WARN, title, said,
                       _("That time has come: run the check again and compare it with the last one.")
                       if reminder.state == "due" else
                       _("That time has passed: run the check again and compare it with the last one."),
                       target)
    return Reading("readiness", OK, title, said, _("Nothing to do until then."), target)


def pilgrimage_reading(map_: Pilgrimage, stale_days: int, target: str | None) -> Reading:
    """Failure 5 (trust and the pilgrimage): who is against, not met yet, or not talked to for long."""
    title = _("Stakeholder map")
    if map_.total == 0:
        return Reading("pilgrimage", WARN, title, _("No stakeholders on the map yet."),
                       _("The tour of the company comes first: add marketing, PR, communications, "
                         "management, the board and the teams that benefit."), target, "stakeholders")
    parts = []
    if map_.against.count:
        parts.append(_("Against: {names}.").format(names=_names(map_.against)))
    if map_.not_met.count:
        parts.append(_("Not met yet: {names}.").format(names=_names(map_.not_met)))
    if map_.old_talks.count:
        parts.append(ngettext("Last talk over {days} days ago: {names}.",
                              "Last talk over {days} days ago: {names}.", map_.old_talks.count).format(
            days=stale_days, names=_names(map_.old_talks)))
    if not parts:
        return Reading("pilgrimage", OK, title,
                       ngettext("{n} stakeholder: met, not against, talked to in the last {days} days.",
                                "{n} stakeholders: all met, none against, talked to in the last {days} days.",
                                map_.total).format(n=map_.total, days=stale_days),
                       _("Keep the conversations going."), target, "stakeholders")
    advice = (_("Talk to those against first: ask what worries them and what would help.")
              if map_.against.count else
              _("Plan the next conversations: a program without them looks like control, not trust."))
    return Reading("pilgrimage", WARN, title, "\n".join(parts), advice, target, "stakeholders")


def leaders_reading(leaders: LeadersPosting, target: str | None) -> Reading:
    """Failure 3 (owners first): the owner's own silence first, then the managers'.

    Only leaders taking part count; the invited, paused and candidates are listed apart.
    """
    parts = []
    if leaders.owners == 0:
        parts.append(_("Owners: no owner is taking part yet."))
    elif leaders.silent_owners.count:
        parts.append(_("Owners: {names} published nothing in the last {days} days.").format(
            names=_names(leaders.silent_owners), days=SILENT_LEADER_DAYS))
    else:
        parts.append(ngettext("Owners: the owner posted in the last {days} days.",
                              "Owners: {n} of {n} posted in the last {days} days.", leaders.owners).format(
            n=leaders.owners, days=SILENT_LEADER_DAYS))
    if leaders.managers == 0:
        parts.append(_("Managers: none taking part yet."))
    elif leaders.silent_managers.count:
        parts.append(ngettext("Managers: {count} of {n} taking part published nothing in the last {days} days: {names}.",
                              "Managers: {count} of {n} taking part published nothing in the last {days} days: {names}.",
                              leaders.managers).format(count=leaders.silent_managers.count, n=leaders.managers,
                                                       names=_names(leaders.silent_managers),
                                                       days=SILENT_LEADER_DAYS))
    else:
        parts.append(ngettext("Managers: the one taking part posted in the last {days} days.",
                              "Managers: {n} of {n} taking part posted in the last {days} days.",
                              leaders.managers).format(n=leaders.managers, days=SILENT_LEADER_DAYS))
    if leaders.not_counted_total:
        listed = ", ".join(f"{name} ({STATUS_LABELS.get(status, status).lower()})"
                           for name, status in leaders.not_counted)
        more = leaders.not_counted_total - len(leaders.not_counted)
        if more > 0:
            listed += " " + _("and {n} more").format(n=more)
        parts.append(_("Not counted, not taking part now: {listed}.").format(listed=listed))
    owner_silent = leaders.owners == 0 or leaders.silent_owners.count > 0
    if owner_silent:
        advice = _("You go first: plan your own post this week. When the owner is silent, the "
                   "program looks staged.")
    elif leaders.silent_managers.count:
        advice = _("Plan a post with each silent manager: when leaders stay quiet, people wonder "
                   "whether speaking up is really welcome.")
    else:
        advice = _("Leaders are posting: keep it up.")
    mark = WARN if owner_silent or leaders.silent_managers.count else OK
    return Reading("leaders", mark, _("Owners and managers"), "\n".join(parts), advice, target)


def mix_reading(counts: Mapping[str, int], billboards: Found, settings: Settings, target: str | None) -> Reading:
    """Failure 4 (personal brand first): the published mix against the limit the calendar uses,
    and the people whose own posts are mostly company ones."""
    labels = settings.voice_labels
    limit = settings.company_share_limit
    mix = content_mix(counts, list(labels), limit, COMPANY_VOICE)
    # failure 4: people, not only the program, can turn into billboards for company news
    people_line = ("\n" + ngettext(
        "{count} person plans mostly company posts (a billboard, not their own voice): {names}.",
        "{count} people plan mostly company posts (billboards, not their own voice): {names}.",
        billboards.count).format(count=billboards.count, names=_names(billboards))
        if billboards.count else "")
    people_advice = (" " + _("Plan their next posts around their own expertise; the roster shows "
                             "each person's mix.") if billboards.count else "")
    if mix.total == 0:
        return Reading("mix", WARN if billboards.count else INFO, _("Content mix"),
                       _("No posts were published in the last {days} days, so there is no mix yet.").format(
                           days=MIX_DAYS) + people_line,
                       _("Record published posts on the calendar.") + people_advice, target)
    over = mix.over_limit
    advice = (_("Company posts are over {limit}: plan more personal expertise.").format(limit=percent(limit))
              if over else _("Personal expertise leads, as it should."))
    return Reading("mix", WARN if over or billboards.count else OK,
                   _("Content mix ({days} days)").format(days=MIX_DAYS),
                   mix_words(mix, labels) + "." + people_line, advice + people_advice, target)


def goals_reading(store, target: str | None) -> Reading:
    """One line per goal (where it stands against its target), and a review that is due."""
    from advocacy_tui.data.goals import GoalRepo
    from advocacy_tui.domain.goals import (
        BEHIND,
        Metric,
        month_of,
        read_goal,
        reading_line,
        review_due,
    )

    repo = GoalRepo(store)
    goals = repo.goals()
    title = _("Goals")
    if not goals:
        return Reading("goals", INFO, title, _("No goals set yet."),
                       _("Set one to five in Goals (6): what the program should change, and by when."), target)
    today = store.clock.today()
    metrics = {metric.key: metric for metric in repo.metrics()}
    lines, behind = [], False
    for goal in goals:
        metric = metrics.get(goal.metric) or Metric(goal.metric, goal.metric, builtin=False)
        reading = read_goal(goal, repo.series(metric, month_of(goal.baseline_on)), today)
        behind = behind or reading.state == BEHIND
        lines.append(reading_line(goal, metric, reading))
    due = review_due(repo.launch_date(), today)
    if due is not None:
        advice = _("The {months}-month review is due: show the board where each goal stands "
                   "(advocacy-tui report program).").format(months=due[0])
    elif behind:
        advice = _("A goal is behind: look at what the posts behind it need.")
    else:
        advice = _("Record this month's values in Goals (v).")
    return Reading("goals", WARN if behind or due else OK, title, "\n".join(lines), advice, target)


def _names(found: Found) -> str:
    more = found.count - len(found.names)
    text = ", ".join(found.names)
    return text + (" " + _("and {n} more").format(n=format_number(more)) if more > 0 else "")


class TodayScreen(TaskActions, SectionScreen):
    STYLESHEET = "today"
    # {placeholders}: the windows and limits of domain/ and config.toml (help_text fills them)
    HELP = N_("""\
# Today

The first screen of the day: what needs you now. Every indicator says what it means and
what to do; `Enter` on it opens the section where you can act. `Tab` / `↓` moves between
indicators.

* **Tasks**: overdue and due today. `space` ticks the highlighted one off right here,
  `u` undoes.
* `d` writes the **digest** for the ambassadors (what is new, ideas, what is coming up,
  answers and thanks), to copy into an email or a chat, save, and keep as sent.
* **Posts planned**: today and the rest of this week (from the calendar).
* **Stuck in onboarding**: status *onboarding* and no onboarding step done for {stuck_days} days.
* **Gone quiet**: status *active* and no involvement of any kind for {quiet_days} days.
* **Owners and managers**: no published post in the last {leader_days} days, the owners apart from the
  managers. A program whose leaders stay silent looks staged: they should be the first
  ambassadors. Only leaders taking part count (onboarding, active); the invited, paused
  and candidates are listed with their status.
* **Stakeholder map**: stakeholders against, not met yet, or not talked to for more than
  {stale_days} days (`stale_talk_days` in config.toml, {stale_default} by default). `Enter` opens the map.
* **Content mix**: the share of {voices} posts published in the
  last {mix_days} days. A warning appears when company posts are more than {limit}
  (`company_share_limit` in config.toml, the calendar's limit too): advocacy is
  about people's own expertise, not company ads. It also names the people whose own posts
  are mostly company ones (billboards); the roster shows each person's mix.
* **Load**: this week's planned task time against your hours (Program settings, or the
  hours from the readiness check once you agree).
* **Readiness check**: when the last check said to check again, and whether its verdict
  is more than {stale_months} months old.
* **Active share**: people with any involvement or published post in the last {active_days} days. In
  most companies {usual} become active (event poll, 2015); about {potential} have the potential
  (PostBeyond, 2018). Expecting everyone is planning for disappointment.
* **Posts per week**: published posts in each of the last {weeks} weeks, oldest first.
""")

    def help_text(self) -> str:
        """HELP in the language in use, with the numbers the indicators really use."""
        settings = self.advocacy.settings
        labels = settings.voice_labels
        words = [voice_word(labels, voice) for voice in labels]
        voices = ", ".join(words[:-1]) + " " + _("and") + " " + words[-1] if len(words) > 1 else words[0]
        return _(self.HELP).format(
            stuck_days=STUCK_DAYS, quiet_days=QUIET_DAYS, leader_days=SILENT_LEADER_DAYS,
            stale_days=settings.stale_talk_days, stale_default=DEFAULT_STALE_TALK_DAYS, voices=voices,
            mix_days=MIX_DAYS, limit=format_percent(settings.company_share_limit),
            stale_months=round(STALE_READINESS_DAYS / 30.4), active_days=ACTIVE_DAYS,
            usual=f"{format_number(round(FIELD_ACTIVE_LOW * 100))}–{format_percent(FIELD_ACTIVE_HIGH)}",
            potential=format_percent(POTENTIAL_SHARE), weeks=CHART_WEEKS)

    BINDINGS = [
        Binding("space,x", "tick", N_("Tick off"), id="today.tick", tooltip=N_("Mark the highlighted task done")),
        Binding("u", "undo", N_("Undo"), id="today.undo", tooltip=N_("Take back the last tick")),
        Binding("d", "digest", N_("Digest"), id="today.digest",
                tooltip=N_("Write the digest for the ambassadors: copy it, save it, keep it as sent")),
        Binding("r", "refresh", N_("Refresh"), show=False, id="today.refresh", tooltip=N_("Count everything again")),
        Binding("down", "focus_next", N_("Next"), show=False, id="today.next"),
        Binding("up", "focus_previous", N_("Previous"), show=False, id="today.previous"),
    ]

    def compose(self) -> ComposeResult:
        self.set_class(self.app.size.width >= WIDE, "-wide", update=False)
        yield TitleBar()
        yield Static("", id="today-title", markup=False)
        self.task_source = TodayTaskSource(TaskRepo(self.advocacy.store))
        with VerticalScroll(id="today-body"):
            yield Static("", id="today-first", markup=False)
            yield VirtualTable(TASK_COLUMNS, self.task_source, id="today-tasks",
                               empty_message=_("Nothing overdue or due today."))
            # two columns when wide (the day's work | the program's health), one when narrow
            with Horizontal(id="today-indicators"):
                for column in COLUMNS:
                    with Vertical(classes="today-column"):
                        for key in column:
                            yield Indicator(Reading(key, INFO, indicator_title(key), _("Counting…"), "", None))
        yield KeyBar()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#today-tasks", VirtualTable)

    def on_mount(self) -> None:
        self.sub_title = _("Today")
        self._title()
        self.table.reload()
        self._size_table()
        self.table.focus()
        # paint first, then count: the numbers arrive a moment after the screen appears
        self.call_after_refresh(self.count_indicators)

    def on_resize(self, event) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")

    def shown_again(self) -> None:
        self.action_refresh()

    def _first_steps(self) -> None:
        """A new program: the owner's first steps, until all are done."""
        steps = TodayRepo(self.advocacy.store).first_steps()
        box = self.query_one("#today-first", Static)
        box.display = bool(steps)
        if steps:
            lines = [_("First steps in a new program")]
            lines += [f"{'✓' if step.done else '○'} {number}. {step.text}"
                      for number, step in enumerate(steps, start=1)]
            box.update(plain("\n".join(lines), single_line=False))

    def _title(self) -> None:
        self._first_steps()
        store = self.advocacy.store
        name = SettingsRepo(store).program_name or _("Your program")
        today = store.clock.today()
        self.query_one("#today-title", Static).update(
            plain(f" {name} · {formatting.format_date(today, 'weekday').capitalize()} {format_date(today)}"))

    def _size_table(self) -> None:
        self.table.styles.height = min(8, self.table.row_count + 2) if self.table.row_count else 3

    def action_refresh(self) -> None:
        key = self.table.cursor_key
        self._title()
        self.table.reload()
        if key is not None:
            position = TaskRepo(self.advocacy.store).position(self.task_source.query, key)
            if position is not None:
                self.table.move_cursor(position)
        self._size_table()
        self.count_indicators()

    @work(thread=True, exclusive=True, group="today")
    def count_indicators(self) -> None:
        """The aggregates run in a thread, so the screen paints at once and stays responsive;
        closing the app stops the counting between two queries."""
        worker = get_current_worker()

        def check(reading: Reading) -> None:
            if worker.is_cancelled:
                raise _Stopped

        try:
            readings = self.readings(check)
        except _Stopped:
            return
        self.post_message(self.Counted(readings))  # thread-safe, does not wait; one repaint

    class Counted(Message):
        """The worker has counted every indicator."""

        def __init__(self, readings: list[Reading]) -> None:
            super().__init__()
            self.readings = readings

    def on_today_screen_counted(self, message: Counted) -> None:
        if not self.is_attached:
            return
        with self.app.batch_update():
            for reading in message.readings:
                self.query_one(f"#ind-{reading.key}", Indicator).show(reading)

    # -- the indicators ----------------------------------------------------------------

    def readings(self, on_reading: Callable[[Reading], None] | None = None) -> list[Reading]:
        """Every indicator, in screen order. ``on_reading`` sees each one as soon as it is
        counted (and may raise to stop early)."""
        store = self.advocacy.store
        data = TodayRepo(store)
        tasks = TaskRepo(store)
        modes = self.app.MODES
        has = lambda mode: mode if mode in modes else None  # noqa: E731
        roster = has("roster")
        readings = _Readings(on_reading)

        overdue, due_today = tasks.due_counts()
        if overdue or due_today:
            readings.append(Reading(
                "tasks", WARN if overdue else INFO, _("Tasks"),
                _("{overdue} overdue and {due} due today.").format(overdue=overdue, due=due_today),
                _("Tick them off in the list above (space), or move what cannot be done today."),
                has("tasks")))
        else:
            readings.append(Reading("tasks", OK, _("Tasks"), _("Nothing overdue or due today."),
                                    _("Look at the week ahead in Tasks."), has("tasks")))

        if not data.any_posts():
            readings.append(Reading("posts", INFO, _("Posts planned"), _("No posts are planned yet."),
                                    _("Plan posts on the calendar to see them here."), has("calendar")))
        else:
            today_posts, later = data.planned_posts()
            readings.append(Reading(
                "posts", INFO if today_posts or later else WARN, _("Posts planned"),
                _("{today} planned for today, {later} more later this week.").format(today=today_posts, later=later),
                _("Check that their authors are ready.") if today_posts or later
                else _("Nothing is planned this week: plan a few posts with your ambassadors."),
                has("calendar")))

        if data.onboarding() == 0:
            readings.append(Reading("stuck", INFO, _("Stuck in onboarding"), _("No one is in onboarding now."),
                                    _("Invite people and move them to onboarding in the roster."), roster))
        else:
            stuck = data.stuck()
            readings.append(Reading(
                "stuck", WARN if stuck.count else OK, _("Stuck in onboarding"),
                ngettext("{n} person has done no onboarding step for {days} days",
                         "{n} people have done no onboarding step for {days} days", stuck.count).format(
                    n=format_number(stuck.count), days=STUCK_DAYS)
                + (f": {_names(stuck)}." if stuck.count else "."),
                _("Ask what is in the way: a profile, the platform, fear of mistakes or no time?")
                if stuck.count else _("Everyone in onboarding is moving."), roster,
                only=(("stuck", True),) if stuck.count else ()))

        if data.actives() == 0:
            readings.append(Reading("quiet", INFO, _("Gone quiet"), _("No one is active yet."),
                                    _("Once people are active, the ones who go quiet show here."), roster))
        else:
            quiet = data.quiet()
            readings.append(Reading(
                "quiet", WARN if quiet.count else OK, _("Gone quiet"),
                ngettext("{n} active person has had no involvement for {days} days",
                         "{n} active people have had no involvement for {days} days", quiet.count).format(
                    n=format_number(quiet.count), days=QUIET_DAYS)
                + (f": {_names(quiet)}." if quiet.count else "."),
                _("Talk to them: “no time” is the usual reason. Offer a sample post or a short meeting.")
                if quiet.count else _("Everyone active took part recently."), roster,
                only=(("quiet", True),) if quiet.count else ()))

        if data.leaders() == 0:
            readings.append(Reading("leaders", WARN, _("Owners and managers"),
                                    _("There are no owners or managers in the roster."),
                                    _("Add them with their role: they should be the first ambassadors."), roster))
        else:
            # Enter opens the roster with exactly the owners and managers (those who left apart)
            readings.append(replace(leaders_reading(data.leaders_posting(), roster), only=(
                ("roles", ("owner", "manager")), ("statuses", tuple(s for s in STATUSES if s != "left")))))

        stale_days = self.advocacy.settings.stale_talk_days
        readings.append(pilgrimage_reading(data.pilgrimage(stale_days), stale_days, roster))

        readings.append(mix_reading(data.content_mix().counts, data.billboards(), self.advocacy.settings,
                                    has("calendar")))

        monday = week_start(store.clock.today())
        load = tasks.load(monday)
        load_title = _("This week's load")
        if load.capacity <= 0:
            # imported in the counting thread, not at start
            from advocacy_tui.data.readiness import ReadinessRepo

            answered = ReadinessRepo(store).latest_owner_hours()
            if answered is not None:
                # failure 7: the readiness answer is the owner's own number; it counts once agreed
                readings.append(Reading(
                    "load", INFO, load_title,
                    _("{planned} planned; your hours a week are not set. Your last readiness check "
                      "said {hours:g} hours a week.").format(planned=format_minutes(load.planned), hours=answered),
                    _("Use that number with h in the check's summary, or set your hours in Program "
                      "settings (Ctrl+P)."), has("readiness") or has("tasks")))
            else:
                readings.append(Reading("load", INFO, load_title,
                                        _("{planned} planned; your hours a week are not set.").format(
                                            planned=format_minutes(load.planned)),
                                        _("Set them in Program settings (Ctrl+P) to see if the week fits."),
                                        has("tasks")))
        else:
            next_load = tasks.load(monday + timedelta(days=7))
            if next_load.is_over:
                readings.append(Reading(
                    "load", WARN, load_title,
                    f"{load_bar(load)} {load.words()}.\n"
                    + _("Next week: {load}.").format(load=next_load.words()),
                    _("Next week is over your hours: move or drop tasks now."), has("tasks")))
            else:
                readings.append(Reading(
                    "load", WARN if load.is_over else OK, load_title,
                    f"{load_bar(load)} {load.words()}.",
                    _("Move or drop tasks, or plan fewer next week.") if load.is_over
                    else _("The week fits your hours."), has("tasks")))

        share = data.active_share()
        readings.append(Reading(
            "active", INFO, indicator_title("active"), share.words(),
            _("Count on a committed core, not on everyone."), roster))

        weeks = data.published_per_week()
        counts = [count for _day, count in weeks]
        if not any(counts):
            readings.append(Reading("chart", INFO, indicator_title("chart"),
                                    _("No published posts in the last {weeks} weeks yet.").format(weeks=CHART_WEEKS),
                                    _("Published posts on the calendar show here."), has("calendar")))
        else:
            numbers = " ".join(format_number(count) for count in counts)
            total = sum(counts)
            readings.append(Reading(
                "chart", INFO, _("Posts per week ({weeks} weeks, oldest first)").format(weeks=CHART_WEEKS),
                f"{bar_row(counts)}   {numbers}",
                ngettext("{n} in {weeks} weeks, {average} a week; this week so far {now}.",
                         "{n} in {weeks} weeks, {average} a week; this week so far {now}.", total).format(
                    n=format_number(total), weeks=CHART_WEEKS, average=format_number(total / len(counts), 1),
                    now=format_number(counts[-1])),
                has("calendar")))

        readings.append(readiness_reading(data.readiness(), has("readiness")))
        readings.append(goals_reading(store, has("goals")))
        return list(readings)

    # -- actions -----------------------------------------------------------------------

    def action_tick(self) -> None:
        if self.focused is not self.table:
            self.table.focus()
            self.notify(_("Ticking works on the task list at the top: pick a task and press space."),
                        markup=False)
            return
        self.tick_task(self.table.cursor_key, lambda result: self.action_refresh())

    def action_undo(self) -> None:
        self.undo_tick(lambda result: self.action_refresh())

    @on(VirtualTable.RowSelected)
    def _open_tasks(self) -> None:
        if "tasks" in self.app.MODES:
            self.app.switch_mode("tasks")

    def action_digest(self) -> None:
        from advocacy_tui.screens.modals.digest_dialog import DigestDialog

        def done(sentence: str | None) -> None:
            if sentence:
                self.notify(sentence, markup=False)

        self.app.push_screen(DigestDialog(self.advocacy.store), done)

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Today: refresh"), _("Count everything again"), self.action_refresh)
        yield SystemCommand(_("Today: digest for the ambassadors"),
                            _("What is new, ideas, what is coming up, answers and thanks (d)"), self.action_digest)
        yield from program_settings_command(self)

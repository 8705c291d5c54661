"""The goals section: what the program is for, and whether it is getting there.

Up to five goals in a list; the highlighted one as a line over time with its baseline and
target, beside its values month by month. The launch day and the reviews it brings are on
the top line. Figures are for the whole program: no person is named or ranked here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Static
from textual_plotext import PlotextPlot

from advocacy_tui.data.goals import GoalError, GoalRepo, Outcome, months_between
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.goals import (
    MAX_GOALS,
    STATE_WORDS,
    Goal,
    Metric,
    change_text,
    month_of,
    month_start,
    period_start,
    read_goal,
    reading_line,
    review_due,
    reviews,
    value_text,
)
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import N_, _, pgettext
from advocacy_tui.screens.base import SectionScreen, plain
from advocacy_tui.widgets.key_bar import KeyBar
from advocacy_tui.widgets.title_bar import TitleBar

GOALS_HELP = N_("""\
# Goals

What the program is for, and whether it is getting there: the figures to show the board
and management to keep the program alive.

## Goals
* Up to five goals. Each follows one **metric** from a **baseline** (the value on a day)
  to a **target** (a value by a day). `a` adds one, `e` or Enter edits, `d` deletes.
* The built-in metrics: reach of ambassadors' posts, comments, candidates who mention the
  posts, sales conversations started (you type these in) and active ambassadors, posts
  published per week and the share of personal posts (counted from the calendar's
  published posts every month). `m` adds a metric of your own.
* `r` starts a goal from what the last readiness check noted on goals: the title from the
  note on what the program should achieve, the metric its words point to, the baseline
  measured today and the target due at the 9-month review (half a year on once it has
  passed). Change anything before saving.
* **On track** means the way covered from the baseline to the target is at least the share
  of the time gone between their days; **reached** means the latest value is at or past the
  target.

## Values
* `v` records the highlighted goal's value for a month (this month unless you change it)
  or a week (type it as 2026-W14: weeks are numbered as in ISO calendars, Monday to
  Sunday), with where it comes from (the LinkedIn export, the recruiting team) and a note.
  A month or week that has a value gets the new one.
* An active ambassador, for the counted metric, is someone with at least one published post
  that month.

## Reviews
Management usually sees first effects after about six months. `l` sets the launch day;
the 6- and 9-month reviews follow from it, and the top line says when one is due.

## By group

`b` shows the counted outcomes per group (made on the roster: `g`, `G`) for a month: members
who published, posts a week, the share of personal posts and the LinkedIn figures of their
posts; `[` and `]` change the month. These are each group's totals; a group of fewer than
three people is named without figures, as they would be one person's.

Nothing here ranks people: the figures are the whole program's, or a group's.
""")

class GoalsScreen(SectionScreen):
    STYLESHEET = "goals"
    AUTO_FOCUS = "#goals-table"
    HELP = GOALS_HELP

    BINDINGS = [
        Binding("a", "add", N_("Add goal"), id="goals.add", tooltip=N_("Add a goal (up to five)")),
        Binding("e", "edit", N_("Edit"), show=False, id="goals.edit", tooltip=N_("Edit the highlighted goal")),
        Binding("v", "value", N_("Add value"), id="goals.value",
                tooltip=N_("Record the highlighted goal's value for a month")),
        Binding("d,delete", "delete", N_("Delete"), show=False, id="goals.delete",
                tooltip=N_("Delete the highlighted goal (asks first; its values stay)")),
        Binding("l", "launch", N_("Launch day"), id="goals.launch",
                tooltip=N_("Set the launch day the 6- and 9-month reviews follow")),
        Binding("m", "metric", N_("New metric"), id="goals.metric", tooltip=N_("Add a metric of your own")),
        Binding("r", "seed", N_("From readiness"), id="goals.seed",
                tooltip=N_("Start a goal from what the last readiness check noted on goals")),
        Binding("b", "by_group", N_("By group"), show=False, id="goals.by_group",
                tooltip=N_("The counted outcomes per group, month by month: totals, never per person")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.goals: list[Goal] = []

    @property
    def repo(self) -> GoalRepo:
        return GoalRepo(self.advocacy.store)

    @property
    def today(self) -> date:
        return self.advocacy.store.clock.today()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="goals-launch", markup=False)
        yield Static("", id="goals-readiness", markup=False)
        table: DataTable[str | Text] = DataTable(id="goals-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="goals-empty", markup=False)
        yield Static("", id="goal-reading", markup=False)
        with Horizontal(id="goal-detail"):
            yield PlotextPlot(id="goal-plot")
            values: DataTable[str | Text] = DataTable(id="goal-values", cursor_type="none", zebra_stripes=True)
            yield values
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = _("Goals")
        self.query_one("#goals-table", DataTable).add_columns(
            pgettext("goals column", "Goal"), pgettext("goals column", "Baseline"),
            pgettext("goals column", "Latest"), pgettext("goals column", "Target"),
            pgettext("goals column", "Change"), pgettext("goals column", "State"))
        self.query_one("#goal-values", DataTable).add_columns(
            pgettext("goal values column", "Period"), pgettext("goal values column", "Value"),
            pgettext("goal values column", "Source"), pgettext("goal values column", "Note"))
        self.refresh_all()

    def shown_again(self) -> None:
        self.refresh_all()

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_goal)  # month labels for the plot's new width

    # -- showing -----------------------------------------------------------------------

    def refresh_all(self, keep: int | None = None) -> None:
        repo = self.repo
        table = self.query_one("#goals-table", DataTable)
        row = table.cursor_row
        self.goals = repo.goals()
        self.metrics = {metric.key: metric for metric in repo.metrics()}
        table.clear()
        for goal in self.goals:
            metric = self._metric(goal)
            reading = read_goal(goal, repo.series(metric, month_of(goal.baseline_on)), self.today)
            latest = reading.latest
            table.add_row(
                Text(_clip(goal.title or metric.title(), 26 if self.app.size.width < 100 else 44)),
                value_text(goal.baseline, metric.unit),
                value_text(latest[1], metric.unit) if latest else "–",
                value_text(goal.target, metric.unit),
                change_text(latest[1], goal.baseline, metric.unit) if latest else "–",
                _(STATE_WORDS[reading.state]),
                key=str(goal.id))
        if keep is not None:
            row = next((i for i, goal in enumerate(self.goals) if goal.id == keep), row)
        if self.goals:
            table.move_cursor(row=max(0, min(row, len(self.goals) - 1)))
        empty = not self.goals
        for selector in ("#goals-table", "#goal-reading", "#goal-detail"):
            self.query_one(selector).display = not empty
        note = self.query_one("#goals-empty", Static)
        note.display = empty
        note.update(_("No goals yet. Press a to add the first: one metric, where it starts and "
                      "where it should be by when. One to five goals are enough to show the board."))
        self._show_launch()
        self._show_readiness_notes()
        self._show_goal()

    def _metric(self, goal: Goal) -> Metric:
        # a metric of the owner's own that is gone still shows its goal, under its key
        return self.metrics.get(goal.metric) or Metric(goal.metric, goal.metric, builtin=False)

    def _show_launch(self) -> None:
        launch = self.repo.launch_date()
        line = self.query_one("#goals-launch", Static)
        if launch is None:
            line.update(" " + _("No launch day set: press l to set it, and the 6- and 9-month reviews follow."))
            return
        parts = [_("Launched {day}").format(day=format_date(launch))]
        due = review_due(launch, self.today)
        for months, day in zip((6, 9), reviews(launch), strict=True):
            if due and due[0] == months:
                parts.append(_("{months}-month review due since {day}").format(months=months, day=format_date(day)))
            elif day > self.today:
                parts.append(_("{months}-month review on {day}").format(months=months, day=format_date(day)))
        line.update(" " + " · ".join(parts))

    def _readiness_notes(self) -> tuple[str, dict[str, str]] | None:
        from advocacy_tui.data.readiness import ReadinessRepo

        return ReadinessRepo(self.advocacy.store).latest_goal_notes()

    def _notes_line(self, found: tuple[str, dict[str, str]]) -> str:
        day, notes = found
        return _("From the readiness check of {day}: {notes}").format(
            day=format_date(date.fromisoformat(day)),
            notes=" ".join(_("“{note}”").format(note=note) for note in notes.values()))

    def _show_readiness_notes(self) -> None:
        """What the last readiness check noted on goals, to start the goals from (r)."""
        found = self._readiness_notes()
        line = self.query_one("#goals-readiness", Static)
        line.display = found is not None
        if found is not None:
            line.update(plain(" " + self._notes_line(found) + " " + _("(r starts a goal from them)")))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "seed":
            return self.query_one("#goals-readiness", Static).display
        return True

    def highlighted(self) -> Goal | None:
        table = self.query_one("#goals-table", DataTable)
        if not self.goals or not 0 <= table.cursor_row < len(self.goals):
            return None
        return self.goals[table.cursor_row]

    @on(DataTable.RowHighlighted, "#goals-table")
    def _highlighted(self) -> None:
        self._show_goal()

    @on(DataTable.RowSelected, "#goals-table")
    def _selected(self) -> None:
        self.action_edit()

    def _show_goal(self) -> None:
        goal = self.highlighted()
        if goal is None:
            return
        metric = self._metric(goal)
        repo = self.repo
        series = repo.series(metric, month_of(goal.baseline_on))
        reading = read_goal(goal, series, self.today)
        self.query_one("#goal-reading", Static).update(plain(" " + reading_line(goal, metric, reading)))
        values = self.query_one("#goal-values", DataTable)
        values.clear()
        typed = {o.period: o for o in repo.outcomes(metric.key)}
        for period, value in reversed(series):
            outcome = typed.get(period)
            source = _("counted from the posts") if metric.auto else (
                outcome.source if outcome else _("LinkedIn analytics import"))
            values.add_row(period, value_text(value, metric.unit), Text(_clip(source, 18)),
                           Text(_clip(outcome.note if outcome else "", 16)))
        self._draw(goal, metric, series)

    def _draw(self, goal: Goal, metric: Metric, series: list[tuple[str, float]]) -> None:
        from advocacy_tui.formatting import format_date as babel_date

        plot = self.query_one("#goal-plot", PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        first = month_of(goal.baseline_on)
        last = max(month_of(goal.target_on), month_of(self.today))
        months = months_between(first, last)
        index = {month: i for i, month in enumerate(months)}
        plt.hline(goal.baseline, "gray")
        plt.hline(goal.target, "green")
        points = [(x, value) for period, value in series if (x := _position(period, index)) is not None]
        if points:
            plt.plot([x for x, _ in points], [y for _, y in points], marker="braille", color="cyan")
            plt.scatter([x for x, _ in points], [y for _, y in points], marker="●", color="cyan")
        # labels that never overlap (plotext drops overlapping ones, not always the same):
        # one for every 12 columns of the plot, or of the 40 it has at least
        room = max(2, max(plot.size.width - 6, 34) // 12)
        step = max(1, -(-len(months) // room))
        ticks = [float(i) for i in range(0, len(months), step)]
        plt.xticks(ticks, [babel_date(month_start(months[i]), "short")[-8:] for i in range(0, len(months), step)])
        plt.xlim(-0.5, len(months) - 0.5)
        low = min([goal.baseline, goal.target, *(y for _, y in points)])
        high = max([goal.baseline, goal.target, *(y for _, y in points)])
        margin = (high - low) * 0.1 or 1
        plt.ylim(low - margin, high + margin)
        plt.title(_("baseline (grey) · target (green) · values"))
        plot.refresh()

    # -- actions -----------------------------------------------------------------------

    def action_add(self, seed: dict[str, str | date] | None = None, seed_from: str = "") -> None:
        from advocacy_tui.screens.modals.goal_form import GoalForm

        if len(self.goals) >= MAX_GOALS:
            self.notify(_("A program has at most {n} goals: a few clear ones are easier to show and "
                          "to keep. Delete or change one first.").format(n=MAX_GOALS), markup=False)
            return

        def saved(goal: Goal | None) -> None:
            if goal is None:
                return
            try:
                new_id = self.repo.add(goal)
            except GoalError as error:
                self.notify(str(error), severity="warning", markup=False)
                return
            self.refresh_all(keep=new_id)
            self.notify(_("Added the goal “{name}”.").format(name=goal.title or self._metric(goal).title()),
                        markup=False)

        self.app.push_screen(GoalForm(list(self.metrics.values()), today=self.today, seed=seed,
                                      seed_from=seed_from), saved)

    def action_seed(self) -> None:
        """A new goal that starts from the last readiness check's notes on goals."""
        from advocacy_tui.domain.goals import seed_goal

        found = self._readiness_notes()
        if found is None:
            return
        metrics = list(self.metrics.values())
        seed = seed_goal(found[1], [m.key for m in metrics], self.today, self.repo.launch_date())
        self.action_add(seed=seed, seed_from=self._notes_line(found))

    def action_edit(self, draft: Goal | None = None) -> None:
        from advocacy_tui.screens.modals.changed import save_or_ask
        from advocacy_tui.screens.modals.goal_form import GoalForm

        current = self.highlighted()
        if current is None:
            self.notify(_("There is no goal to edit yet: press a to add one."), markup=False)
            return
        assert current.id is not None

        def saved(goal: Goal | None) -> None:
            if goal is None:
                return

            def write(checked: bool) -> None:
                self.repo.update(goal, expected=current if checked else None)

            def done() -> None:
                self.refresh_all(keep=goal.id)
                self.notify(_("Saved the goal “{name}”.").format(name=goal.title or self._metric(goal).title()),
                            markup=False)

            save_or_ask(self, "goal", write, saved=done, reopen=lambda: self._reopen(goal),
                        dropped=lambda: self.refresh_all(keep=current.id))

        self.app.push_screen(GoalForm(list(self.metrics.values()), draft or current, today=self.today), saved)

    def _reopen(self, draft: Goal) -> None:
        self.refresh_all(keep=draft.id)
        self.action_edit(draft)

    def action_delete(self) -> None:
        from advocacy_tui.screens.modals.confirm import ConfirmDialog

        goal = self.highlighted()
        if goal is None:
            self.notify(_("There is no goal to delete."), markup=False)
            return
        name = goal.title or self._metric(goal).title()

        def answered(yes: bool | None) -> None:
            if yes:
                self.repo.delete(goal.id)  # type: ignore[arg-type]
                self.refresh_all()
                self.notify(_("Deleted the goal “{name}”.").format(name=name), markup=False)

        self.app.push_screen(ConfirmDialog(_("Delete this goal?"), _(
            "“{name}” will be removed. The metric's values stay, for another goal or the report.").format(
                name=name)), answered)

    def action_value(self) -> None:
        from advocacy_tui.screens.modals.goal_form import OutcomeForm

        goal = self.highlighted()
        if goal is None:
            self.notify(_("Add a goal first (a): values are recorded for a goal's metric."), markup=False)
            return
        metric = self._metric(goal)
        if metric.auto:
            self.notify(_("“{name}” is counted from the calendar's published posts every month: "
                          "there is nothing to type in.").format(name=metric.title()), markup=False)
            return
        month = month_of(self.today)
        known = next((o for o in self.repo.outcomes(metric.key) if o.period == month), None)

        def saved(outcome: Outcome | None) -> None:
            if outcome is None:
                return
            try:
                replaced = self.repo.add_outcome(outcome)
            except GoalError as error:
                self.notify(str(error), severity="warning", markup=False)
                return
            self.refresh_all(keep=goal.id)
            text = _("Replaced the value for {month}.") if replaced else _("Recorded the value for {month}.")
            self.notify(text.format(month=outcome.period), markup=False)

        self.app.push_screen(OutcomeForm(metric, month, known), saved)

    def action_launch(self) -> None:
        from advocacy_tui.screens.modals.goal_form import LaunchDialog

        def saved(result: tuple[date | None] | None) -> None:
            if result is None:
                return
            self.repo.set_launch_date(result[0])
            self.refresh_all()
            self.notify(_("Launch day saved.") if result[0] else _("Launch day cleared."), markup=False)

        self.app.push_screen(LaunchDialog(self.repo.launch_date()), saved)

    def action_metric(self) -> None:
        from advocacy_tui.screens.modals.goal_form import MetricDialog

        def saved(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            try:
                metric = self.repo.add_metric(*result)
            except GoalError as error:
                self.notify(str(error), severity="warning", markup=False)
                return
            self.refresh_all()
            self.notify(_("Added the metric “{name}”: choose it in a goal's form.").format(name=metric.label),
                        markup=False)

        self.app.push_screen(MetricDialog(), saved)

    def action_by_group(self) -> None:
        from advocacy_tui.screens.modals.group_outcomes import GroupOutcomesDialog

        self.app.push_screen(GroupOutcomesDialog(self.advocacy.store, self.today))

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Goals: outcomes by group"), _("Each group's totals, month by month (b)"),
                            self.action_by_group)
        yield SystemCommand(_("Goals: add a goal"), _("A metric, its baseline and its target"), self.action_add)
        yield SystemCommand(_("Goals: record a value"), _("The highlighted goal's value for a month"),
                            self.action_value)
        yield SystemCommand(_("Goals: set the launch day"), _("The 6- and 9-month reviews follow from it"),
                            self.action_launch)
        yield SystemCommand(_("Goals: add a metric of your own"), _("e.g. referrals from posts"),
                            self.action_metric)
        from advocacy_tui.screens.task_rows import program_settings_command

        yield from program_settings_command(self)


def _position(period: str, index: dict[str, int]) -> float | None:
    """Where a value sits on the plot's month axis: a month at its first day, a week at the
    middle of its days (a fraction of the way through that month); None outside the axis."""
    import calendar

    if period in index:
        return float(index[period])
    middle = period_start(period) + timedelta(days=3)
    month = month_of(middle)
    if month not in index:
        return None
    return index[month] + (middle.day - 1) / calendar.monthrange(middle.year, middle.month)[1]


def _clip(text: str, width: int) -> str:
    text = printable(text)
    return text if len(text) <= width else text[:width - 1] + "…"

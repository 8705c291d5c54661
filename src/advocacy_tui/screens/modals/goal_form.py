"""The goals section's dialogs: a goal, a month's value, the launch day, a metric of one's own."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Select, Static

from advocacy_tui.data.goals import Outcome
from advocacy_tui.domain.ambassadors import ValidationError
from advocacy_tui.domain.dates import DateError, format_date, parse_date
from advocacy_tui.domain.goals import (
    NOTE_MAX,
    Goal,
    Metric,
    build_goal,
    check_metric_label,
    parse_period,
    parse_value,
)
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import _
from advocacy_tui.screens.base import plain
from advocacy_tui.screens.modals.forms import AskBeforeDiscard, Field, FormSelect, Rule
from advocacy_tui.screens.modals.task_form import _Dialog


def _check(parse) -> Rule:
    def check(text: str) -> str | None:
        if not text.strip():
            return None  # required fields say so on save
        try:
            parse(text)
        except (ValueError, DateError) as error:
            return str(error)
        return None
    return Rule(check)


def _number(value: float) -> str:
    return format_number(value, 0 if float(value).is_integer() else None)


class GoalForm(AskBeforeDiscard, _Dialog):
    """Add or edit a goal. Dismisses the Goal (with its id when editing) or None."""

    def __init__(self, metrics: list[Metric], goal: Goal | None = None, today: date | None = None,
                 seed: dict[str, str | date] | None = None, seed_from: str = "") -> None:
        """``seed``: what a new goal starts from (domain.goals.seed_goal), ``seed_from`` the
        words it came from, shown above the fields."""
        super().__init__()
        self.metrics = metrics
        self.original = goal
        self.today = today or date.today()
        self.seed = seed or {}
        self.seed_from = seed_from

    def _seeded(self, name: str) -> str:
        value = self.seed.get(name, "")
        return format_date(value) if isinstance(value, date) else value

    def compose(self) -> ComposeResult:
        g = self.original
        keys = [m.key for m in self.metrics]
        metric = g.metric if g else (self._seeded("metric") if self._seeded("metric") in keys else keys[0])
        with Vertical(classes="dialog form-dialog"):
            yield Static(_("Edit goal") if g else _("Add a goal"), classes="dialog-title", markup=False)
            if self.seed_from:
                yield Static(plain(self.seed_from), classes="dialog-body", id="seed-from")
            with VerticalScroll(classes="form-body"):
                yield Field(_("Metric *"), FormSelect([(m.title(), m.key) for m in self.metrics],
                            value=metric, allow_blank=False, compact=True,
                            id="metric"), name="metric")
                yield Field(_("Title"), Input(g.title if g else self._seeded("title"),
                            placeholder=_("optional: the metric's name"), compact=True, id="title"), name="title")
                yield Field(_("Baseline *"), Input(_number(g.baseline) if g else "",
                            placeholder=_("the value now, e.g. 4200"), validators=[_check(parse_value)],
                            compact=True, id="baseline"), name="baseline")
                yield Field(_("Measured on *"), Input(format_date(g.baseline_on) if g else
                            self._seeded("baseline_on") or format_date(self.today),
                            placeholder=_("dd.mm.yyyy"), validators=[_check(parse_date)], compact=True,
                            id="baseline_on"), name="baseline_on")
                yield Field(_("Target *"), Input(_number(g.target) if g else "",
                            placeholder=_("the value to reach, e.g. 6300"), validators=[_check(parse_value)],
                            compact=True, id="target"), name="target")
                yield Field(_("By *"), Input(format_date(g.target_on) if g else self._seeded("target_on"),
                            placeholder=_("dd.mm.yyyy"), validators=[_check(parse_date)], compact=True,
                            id="target_on"), name="target_on")
            yield Static(_("Management usually sees first effects after about six months; set a "
                           "target you can show at the 6- or 9-month review."), classes="dialog-body",
                         markup=False)
            yield from self.buttons(_("F10 or Enter saves · Esc cancels · Tab moves between fields"))

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#metric", Select).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        fields = {name: self.query_one(f"#{name}", Input).value
                  for name in ("title", "baseline", "baseline_on", "target", "target_on")}
        fields["metric"] = str(self.query_one("#metric", Select).value)
        try:
            goal = build_goal(fields, [m.key for m in self.metrics],
                              id=self.original.id if self.original else None)
        except ValidationError as error:
            self.problems_first(error.problems)
            return
        self.problems_first({})
        self.dismiss(goal)


class OutcomeForm(AskBeforeDiscard, _Dialog):
    """A metric's value for a month or a week, with a note and its source. Dismisses the
    Outcome or None."""

    def __init__(self, metric: Metric, month: str, known: Outcome | None = None) -> None:
        super().__init__()
        self.metric = metric
        self.month = month
        self.known = known

    def compose(self) -> ComposeResult:
        known = self.known
        with Vertical(classes="dialog form-dialog"):
            yield Static(plain(_("A value for “{metric}”").format(metric=self.metric.title())),
                         classes="dialog-title")
            with VerticalScroll(classes="form-body"):
                yield Field(_("Month or week *"), Input(self.month, placeholder=_("yyyy-mm, or yyyy-Www for a week"),
                            validators=[_check(parse_period)], compact=True, id="month"), name="month")
                yield Field(_("Value *"), Input(_number(known.value) if known else "",
                            placeholder=_("e.g. 5100"), validators=[_check(parse_value)], compact=True,
                            id="value"), name="value")
                yield Field(_("Source"), Input(known.source if known else "",
                            placeholder=_("e.g. LinkedIn export, recruiting team"), max_length=NOTE_MAX,
                            compact=True, id="source"), name="source")
                yield Field(_("Note"), Input(known.note if known else "",
                            placeholder=_("optional: what happened that month"), max_length=NOTE_MAX,
                            compact=True, id="note"), name="note")
            yield Static(_("A month or week that already has a value gets the new one. Weeks run "
                           "Monday to Sunday and are numbered as in ISO calendars: 2026-W14."),
                         classes="dialog-body", markup=False)
            yield from self.buttons(_("F10 or Enter saves · Esc cancels · Tab moves between fields"))

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#value", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        problems: dict[str, str] = {}
        month = value = None
        try:
            month = parse_period(self.query_one("#month", Input).value)
        except ValueError as error:
            problems["month"] = str(error)
        text = self.query_one("#value", Input).value
        try:
            value = parse_value(text) if text.strip() else None
            if value is None:
                problems["value"] = _("A value is required.")
        except ValueError as error:
            problems["value"] = str(error)
        if self.problems_first(problems):
            return
        assert month is not None and value is not None
        self.dismiss(Outcome(self.metric.key, month, value, self.query_one("#note", Input).value.strip(),
                             self.query_one("#source", Input).value.strip()))


class LaunchDialog(_Dialog):
    """The program's launch day (empty: not launched yet). Dismisses (date or None,) or None."""

    def __init__(self, launch: date | None) -> None:
        super().__init__()
        self.launch = launch

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            yield Static(_("Launch day"), classes="dialog-title", markup=False)
            yield Field(_("Launched on"), Input(format_date(self.launch) if self.launch else "",
                        placeholder=_("dd.mm.yyyy (empty: not yet)"), validators=[_check(parse_date)],
                        compact=True, id="launch"), name="launch")
            yield Static(_("The program is reviewed 6 and 9 months after its launch: the goals "
                           "section and the report say when a review is due."), classes="dialog-body",
                         markup=False)
            yield from self.buttons(_("Enter or F10 saves · Esc cancels"))

    def on_mount(self) -> None:
        self.query_one("#launch", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        text = self.query_one("#launch", Input).value
        try:
            day = parse_date(text) if text.strip() else None
        except DateError as error:
            self.problems_first({"launch": str(error)})
            return
        self.dismiss((day,))


class MetricDialog(_Dialog):
    """A metric of the owner's own. Dismisses (name, unit) or None."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            yield Static(_("A metric of your own"), classes="dialog-title", markup=False)
            yield Field(_("Name *"), Input("", placeholder=_("e.g. Referrals from posts"),
                        validators=[Rule(lambda text: check_metric_label(text) if text.strip() else None)],
                        compact=True, id="label"), name="label")
            yield Field(_("Counts"), FormSelect([(_("a number"), ""), (_("a share in %"), "%")], value="",
                        allow_blank=False, compact=True, id="unit"), name="unit")
            yield from self.buttons(_("Enter or F10 saves · Esc cancels"))

    def on_mount(self) -> None:
        self.query_one("#label", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        label = self.query_one("#label", Input).value
        problem = check_metric_label(label)
        if self.problems_first({"label": problem} if problem else {}):
            return
        self.dismiss((label.strip(), str(self.query_one("#unit", Select).value)))


"""Goals and outcomes: what the program is for, and whether it is getting there.

A program has one to five goals. Each follows one metric from a baseline (a value on a day)
to a target (a value by a day). Values come month by month or week by week (a period is
``YYYY-MM`` or an ISO week ``YYYY-Www``): typed in by the owner (reach from the LinkedIn
export, candidates from the recruiting team) or, for what the app already knows, counted
from its own data month by month. Management is told to expect first effects after about
six months, so the program is reviewed 6 and 9 months after its launch.

Figures are for the program as a whole: nothing here ranks people.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from advocacy_tui.domain.ambassadors import ValidationError
from advocacy_tui.domain.dates import DateError, parse_date
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import N_, _

MAX_GOALS = 5
TITLE_MAX = 120
NOTE_MAX = 500
REVIEW_MONTHS = (6, 9)


@dataclass(frozen=True)
class Metric:
    """What a goal measures. ``auto``: counted from the program's own data every month."""

    key: str
    label: str  # N_-marked for the built-in ones; as typed for the owner's own
    unit: str = ""  # "%" for shares, "" for counts
    auto: bool = False
    builtin: bool = True

    def title(self) -> str:
        return _(self.label) if self.builtin else self.label


BUILTIN_METRICS: tuple[Metric, ...] = (
    Metric("reach", N_("Reach of ambassadors' posts")),
    Metric("comments", N_("Comments on ambassadors' posts")),
    Metric("candidates", N_("Candidates who mention the posts")),
    Metric("sales_talks", N_("Sales conversations started")),
    Metric("active_ambassadors", N_("Active ambassadors"), auto=True),
    Metric("posts_per_week", N_("Posts published per week"), auto=True),
    Metric("personal_share", N_("Share of personal posts"), unit="%", auto=True),
)
BUILTIN_KEYS = {metric.key for metric in BUILTIN_METRICS}

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
#: a week as people write it: 2026-W14, 2026W14, 2026 w14, W14 2026, W14/2026
_WEEK_FORMS = ((re.compile(r"^(\d{4})\s*-?\s*[Ww]\s*(\d{1,2})$"), "yw"),
               (re.compile(r"^[Ww]\s*(\d{1,2})(?:\s+|\s*[./-]\s*)(\d{4})$"), "wy"))


def check_metric_label(label: str) -> str | None:
    text = label.strip()
    if not text:
        return _("A metric needs a name.")
    if len(text) > 60:
        return _("Keep the metric's name under 60 characters.")
    if printable(text) != text:
        return _("The metric's name holds characters that cannot be shown.")
    if not re.search(r"\w", text):
        return _("The metric's name needs at least one letter or digit.")
    return None


def parse_month(text: str) -> str:
    """``YYYY-MM`` (also ``MM.YYYY`` and ``MM/YYYY``, as Polish spreadsheets write months)."""
    value = text.strip()
    for pattern, order in ((r"^(\d{4})-(\d{1,2})$", "ym"), (r"^(\d{1,2})[./](\d{4})$", "my")):
        found = re.match(pattern, value)
        if found:
            first, second = int(found.group(1)), int(found.group(2))
            year, month = (first, second) if order == "ym" else (second, first)
            if 1 <= month <= 12 and 2000 <= year <= 2100:
                return f"{year:04d}-{month:02d}"
    raise ValueError(_("“{value}” is not a month: write it as 2026-03 (or 03.2026).").format(
        value=printable(value[:20])))


def parse_period(text: str) -> str:
    """A month (``YYYY-MM``, see parse_month) or an ISO week (``YYYY-Www``: 2026-W14, W14 2026)."""
    value = text.strip()
    for pattern, order in _WEEK_FORMS:
        found = pattern.match(value)
        if found:
            first, second = int(found.group(1)), int(found.group(2))
            year, week = (first, second) if order == "yw" else (second, first)
            if 2000 <= year <= 2100 and 1 <= week <= date(year, 12, 28).isocalendar()[1]:
                return f"{year:04d}-W{week:02d}"
            break
    else:
        try:
            return parse_month(value)
        except ValueError:
            pass
    raise ValueError(_("“{value}” is neither a month nor a week: write a month as 2026-03 (or 03.2026) "
                       "and a week as 2026-W14.").format(value=printable(value[:20])))


def is_week(period: str) -> bool:
    return _WEEK.match(period) is not None


def period_start(period: str) -> date:
    """The first day of a month or of an ISO week (its Monday)."""
    found = _WEEK.match(period)
    if found:
        return date.fromisocalendar(int(found.group(1)), int(found.group(2)), 1)
    return month_start(period)


def period_end(period: str) -> date:
    """The last day of a month or of an ISO week (its Sunday)."""
    import calendar

    if _WEEK.match(period):
        return period_start(period) + timedelta(days=6)
    start = month_start(period)
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def period_order(period: str) -> tuple[date, bool]:
    """Periods in time order: by their last day, so that the latest value is the one known
    last; a month after the weeks that end with it."""
    return period_end(period), not is_week(period)


def period_label(period: str, *, wide: bool = False) -> str:
    """A period in a sentence or a table: "November 2026" (``wide``) or "Nov 2026" for a
    month, "week 14, 2026" for a week."""
    from advocacy_tui.formatting import month_label

    found = _WEEK.match(period)
    if found:
        return _("week {week}, {year}").format(week=int(found.group(2)), year=found.group(1))
    return month_label(month_start(period), wide=wide)


def week_of(day: date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def parse_value(text: str) -> float:
    """A figure as typed: 1200, 1 200, 1,200 (English) or 1200,5 (Polish), 38 %, 38%."""
    value = text.strip().replace("\u00a0", " ").rstrip("%").strip()
    cleaned = value.replace(" ", "")
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    elif re.fullmatch(r"-?\d+,\d+", cleaned):
        cleaned = cleaned.replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError(_("“{value}” is not a number.").format(value=printable(text.strip()[:30]))) from None
    if not math.isfinite(number) or abs(number) >= 1e12:
        raise ValueError(_("“{value}” is not a number this program can keep.").format(
            value=printable(text.strip()[:30])))
    return number


def month_start(month: str) -> date:
    found = _MONTH.match(month)
    if not found:
        raise ValueError(month)
    return date(int(found.group(1)), int(found.group(2)), 1)


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day where it is shorter)."""
    import calendar

    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Goal:
    id: int | None
    metric: str
    title: str
    baseline: float
    baseline_on: date
    target: float
    target_on: date
    created_at: str = ""
    updated_at: str = ""

    def version(self) -> tuple:
        return (self.metric, self.title, self.baseline, self.baseline_on, self.target, self.target_on)


def build_goal(fields: dict[str, str], metrics: Sequence[str], *, id: int | None = None) -> Goal:
    """A goal from text as typed in its form or on the command line; ValidationError lists
    every problem by field."""
    problems: dict[str, str] = {}
    metric = (fields.get("metric") or "").strip()
    if metric not in metrics:
        problems["metric"] = _("Choose a metric from the list, or add your own first.")
    title = (fields.get("title") or "").strip()
    if len(title) > TITLE_MAX:
        problems["title"] = _("Keep the title under {n} characters.").format(n=TITLE_MAX)
    elif printable(title) != title:
        problems["title"] = _("The title holds characters that cannot be shown.")
    numbers: dict[str, float] = {}
    days: dict[str, date] = {}
    for name in ("baseline", "target"):
        text = fields.get(name) or ""
        if not text.strip():
            problems[name] = _("A value is required.")
            continue
        try:
            numbers[name] = parse_value(text)
        except ValueError as error:
            problems[name] = str(error)
    for name in ("baseline_on", "target_on"):
        text = fields.get(name) or ""
        if not text.strip():
            problems[name] = _("A date is required.")
            continue
        try:
            days[name] = parse_date(text)
        except DateError as error:
            problems[name] = str(error)
    if "baseline" in numbers and "target" in numbers and numbers["baseline"] == numbers["target"]:
        problems["target"] = _("The target must differ from the baseline.")
    if "baseline_on" in days and "target_on" in days and days["target_on"] <= days["baseline_on"]:
        problems["target_on"] = _("The target's date must come after the baseline's.")
    if problems:
        raise ValidationError(problems)
    return Goal(id, metric, title, numbers["baseline"], days["baseline_on"], numbers["target"],
                days["target_on"])


# -- a goal from the readiness check --------------------------------------------------------

#: words in the readiness notes on goals that point to a built-in metric (English and Polish
#: stems, lower case); the earliest found in the notes wins
SEED_WORDS: dict[str, tuple[str, ...]] = {
    "reach": ("reach", "impression", "visib", "zasięg", "wyświetl", "widoczn"),
    "candidates": ("candidate", "hire", "hiring", "recruit", "applica", "kandydat", "rekrut", "zatrudn", "aplikac"),
    "sales_talks": ("sales", "lead", "client", "customer", "sprzeda", "klient", "handlow"),
    "comments": ("comment", "komentarz"),
    "active_ambassadors": ("active ambassador", "aktywn"),
    "posts_per_week": ("posts a week", "posts per week", "postów w tygodniu", "postów tygodniowo"),
}
SEED_QUESTIONS = ("goals.defined", "goals.measures")  # what to achieve, and how to measure it


def seed_goal(notes: dict[str, str], metrics: Sequence[str], today: date,
              launch: date | None) -> dict[str, str | date]:
    """What the goal form starts from after a readiness check: the title from the note on
    what the program should achieve (its first sentence), the metric its words point to, the
    baseline measured today and the target due at the last review still to come (9 months
    after the launch: management was told to expect effects after six to nine months)."""
    text = " ".join(notes.get(question, "") for question in SEED_QUESTIONS)
    folded = text.lower()
    found = sorted((position, key) for key, words in SEED_WORDS.items() if key in metrics
                   for word in words if (position := folded.find(word)) >= 0)
    seeded: dict[str, str | date] = {}
    if found:
        seeded["metric"] = found[0][1]
    first = notes.get(SEED_QUESTIONS[0], "").strip()
    if first:
        sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0].rstrip(".")
        seeded["title"] = sentence if len(sentence) <= TITLE_MAX else sentence[:TITLE_MAX - 1].rstrip() + "…"
    seeded["baseline_on"] = today
    if launch is None:
        seeded["target_on"] = add_months(today, REVIEW_MONTHS[-1])
    else:  # the last review still to come; after both, half a year on
        coming = [day for day in reviews(launch) if day > today]
        seeded["target_on"] = coming[-1] if coming else add_months(today, REVIEW_MONTHS[0])
    return seeded


# -- reading a goal ------------------------------------------------------------------------

ON_TRACK, BEHIND, REACHED, NO_DATA = "on_track", "behind", "reached", "no_data"
STATE_WORDS = {ON_TRACK: N_("on track"), BEHIND: N_("behind"), REACHED: N_("reached"),
               NO_DATA: N_("no values yet")}


@dataclass(frozen=True)
class Reading:
    """Where a goal stands: its latest value (period, value), the share of the way from
    baseline to target covered, the share of the time gone, and the verdict."""

    state: str
    latest: tuple[str, float] | None
    progress: float | None  # 0 at the baseline, 1 at the target (may pass either end)
    time_gone: float


def read_goal(goal: Goal, series: Sequence[tuple[str, float]], today: date) -> Reading:
    """``series``: (period, value) in time order (months and weeks, see period_order). Values
    of periods that end before the baseline's day do not count. On track when the way covered
    is at least the time gone between the baseline's day and the target's (a straight line),
    reached when the latest value is at or past the target."""
    span = (goal.target_on - goal.baseline_on).days
    gone = min(max((today - goal.baseline_on).days / span, 0.0), 1.0) if span > 0 else 1.0
    since = [(period, value) for period, value in series if period_end(period) >= goal.baseline_on]
    if not since:
        return Reading(NO_DATA, None, None, gone)
    latest = since[-1]
    progress = (latest[1] - goal.baseline) / (goal.target - goal.baseline)
    if progress >= 1 - 1e-9:
        state = REACHED
    elif progress + 1e-9 >= gone:
        state = ON_TRACK
    else:
        state = BEHIND
    return Reading(state, latest, progress, gone)


def change_text(value: float, baseline: float, unit: str) -> str:
    """+38 % (a change relative to the baseline), or +4 points for a share, or +12 from 0."""
    from advocacy_tui.formatting import format_number, format_percent

    if unit == "%":
        points = value - baseline
        return _("{sign}{n} pp").format(sign="+" if points >= 0 else "−", n=format_number(abs(points), 0))
    if baseline == 0:
        return ("+" if value >= 0 else "−") + format_number(abs(value), 0)
    share = (value - baseline) / abs(baseline)
    return ("+" if share >= 0 else "−") + format_percent(abs(share))


def value_text(value: float, unit: str) -> str:
    from advocacy_tui.formatting import format_number

    decimals = 0 if float(value).is_integer() else 1
    text = format_number(value, decimals)
    if unit == "%":
        return text + ("\u00a0%" if _is_polish() else "%")  # as Babel writes percentages
    return text


def _is_polish() -> bool:
    from advocacy_tui.i18n import current_language

    return current_language() == "pl"


def reading_line(goal: Goal, metric: Metric, reading: Reading) -> str:
    """One line for Today and the report: "Reach of ambassadors' posts: +38% since March 2026;
    target +50% by September 2026; on track."""
    from advocacy_tui.formatting import month_in_text

    name = goal.title or metric.title()
    since, by = month_in_text(goal.baseline_on), month_in_text(goal.target_on)
    target = change_text(goal.target, goal.baseline, metric.unit)
    if reading.latest is None:
        return _("{name}: no values yet since {since}; target {target} by {by}.").format(
            name=name, since=since, target=target, by=by)
    now = change_text(reading.latest[1], goal.baseline, metric.unit)
    return _("{name}: {change} since {since}; target {target} by {by}; {state}.").format(
        name=name, change=now, since=since, target=target, by=by, state=_(STATE_WORDS[reading.state]))


# -- reviews ---------------------------------------------------------------------------------


def reviews(launch: date | None) -> list[date]:
    """The days of the 6- and 9-month reviews after the launch (none without a launch day)."""
    if launch is None:
        return []
    return [add_months(launch, months) for months in REVIEW_MONTHS]


def review_due(launch: date | None, today: date) -> tuple[int, date] | None:
    """The latest review whose day has come (months after launch, its day), if any."""
    due = None
    for months, day in zip(REVIEW_MONTHS, reviews(launch), strict=False):
        if day <= today:
            due = (months, day)
    return due

"""Goals, the owner's own metrics, and outcomes month by month or week by week (tables of
migrations m013 and m018).

The metrics the app knows from its own data (``Metric.auto``) are counted from the posts
each time they are read, never stored: a post published or moved later changes them.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from advocacy_tui.data.settings import SettingsRepo
from advocacy_tui.data.store import ChangedMeanwhile, Store
from advocacy_tui.domain.goals import (
    BUILTIN_METRICS,
    MAX_GOALS,
    NOTE_MAX,
    Goal,
    Metric,
    check_metric_label,
    month_of,
    month_start,
    period_end,
    period_order,
    period_start,
)
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import _

SETTING_LAUNCH = "launch_date"
GOAL_COLUMNS = "id, metric, title, baseline, baseline_on, target, target_on, created_at, updated_at"


class GoalError(ValueError):
    """A goal, metric or outcome that cannot be saved, in plain words."""


@dataclass(frozen=True)
class Outcome:
    metric: str
    period: str  # YYYY-MM or YYYY-Www
    value: float
    note: str = ""
    source: str = ""


def _goal(row: tuple) -> Goal:
    id_, metric, title, baseline, baseline_on, target, target_on, created, updated = row
    return Goal(id_, metric, title, baseline, date.fromisoformat(baseline_on), target,
                date.fromisoformat(target_on), created, updated)


def _figure(value: float) -> float | int:
    """12.0 as 12 in an export; 12.5 stays."""
    return int(value) if float(value).is_integer() else value


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (YYYY-MM), both included."""
    months: list[str] = []
    year, month = int(first[:4]), int(first[5:7])
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class GoalRepo:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    # -- metrics -------------------------------------------------------------------------

    def metrics(self) -> list[Metric]:
        own = [Metric(key, label, unit, auto=False, builtin=False) for key, label, unit in
               self.conn.execute("SELECT key, label, unit FROM metrics ORDER BY label COLLATE NOCASE")]
        return [*BUILTIN_METRICS, *own]

    def metric(self, key: str) -> Metric | None:
        return next((m for m in self.metrics() if m.key == key), None)

    def find_metric(self, text: str) -> Metric | None:
        """A metric by its key or its name as shown (either language), ignoring case."""
        wanted = text.strip().casefold()
        for metric in self.metrics():
            if wanted in (metric.key.casefold(), metric.title().casefold(), metric.label.casefold()):
                return metric
        return None

    def add_metric(self, label: str, unit: str = "") -> Metric:
        problem = check_metric_label(label)
        if problem:
            raise GoalError(problem)
        if unit not in ("", "%"):
            raise GoalError(_("A metric is a count (no unit) or a share in per cent (%)."))
        if self.find_metric(label):
            raise GoalError(_("There already is a metric called “{name}”.").format(name=label.strip()))
        with self.store.write():
            # a key of its own, not made from the name: a name may name someone (forget)
            number = self.conn.execute("SELECT count(*) FROM metrics").fetchone()[0] + 1
            key = f"own_{number}"
            while self.metric(key) is not None:
                number += 1
                key = f"own_{number}"
            self.conn.execute("INSERT INTO metrics (key, label, unit, created_at) VALUES (?, ?, ?, ?)",
                              (key, label.strip(), unit, self.store.now_text()))
        return Metric(key, label.strip(), unit, builtin=False)

    # -- goals ---------------------------------------------------------------------------

    def goals(self) -> list[Goal]:
        return [_goal(row) for row in self.conn.execute(f"SELECT {GOAL_COLUMNS} FROM goals ORDER BY id")]

    def get(self, goal_id: int) -> Goal | None:
        row = self.conn.execute(f"SELECT {GOAL_COLUMNS} FROM goals WHERE id = ?", (goal_id,)).fetchone()
        return _goal(row) if row else None

    def add(self, goal: Goal) -> int:
        now = self.store.now_text()
        with self.store.write():
            count = self.conn.execute("SELECT count(*) FROM goals").fetchone()[0]
            if count >= MAX_GOALS:
                raise GoalError(_("A program has at most {n} goals: a few clear ones are easier to "
                                  "show and to keep. Delete or change one first.").format(n=MAX_GOALS))
            cursor = self.conn.execute(
                "INSERT INTO goals (metric, title, baseline, baseline_on, target, target_on, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (goal.metric, goal.title, goal.baseline, goal.baseline_on.isoformat(), goal.target,
                 goal.target_on.isoformat(), now, now))
        return int(cursor.lastrowid or 0)

    def update(self, goal: Goal, expected: Goal | None = None) -> None:
        """Save ``goal``; with ``expected`` (the version its edit started from) refuse with
        ``ChangedMeanwhile`` when it was changed or deleted elsewhere meanwhile."""
        if goal.id is None:
            raise ValueError("update needs a goal with an id")
        with self.store.write():
            current = self.get(goal.id)
            if expected is not None and (current is None or current.version() != expected.version()):
                raise ChangedMeanwhile(current)
            self.conn.execute(
                "UPDATE goals SET metric = ?, title = ?, baseline = ?, baseline_on = ?, target = ?, "
                "target_on = ?, updated_at = ? WHERE id = ?",
                (goal.metric, goal.title, goal.baseline, goal.baseline_on.isoformat(), goal.target,
                 goal.target_on.isoformat(), self.store.now_text(), goal.id))

    def delete(self, goal_id: int) -> None:
        """The goal goes; the metric's values stay (another goal may follow them)."""
        with self.store.write():
            self.conn.execute("DELETE FROM goals WHERE id = ?", (goal_id,))

    # -- launch and reviews --------------------------------------------------------------

    def launch_date(self) -> date | None:
        text = SettingsRepo(self.store).get(SETTING_LAUNCH)
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            return None

    def set_launch_date(self, day: date | None) -> None:
        SettingsRepo(self.store).set_many({SETTING_LAUNCH: day.isoformat() if day else ""})

    # -- outcomes ------------------------------------------------------------------------

    def add_outcome(self, outcome: Outcome) -> bool:
        """Record a metric's value for a month or a week (replacing one typed before). True
        when a value was there already."""
        metric = self.metric(outcome.metric)
        if metric is None:
            raise GoalError(_("There is no metric called “{name}”.").format(name=printable(outcome.metric)))
        if metric.auto:
            raise GoalError(_("“{name}” is counted from the program's own data; it cannot be typed in.").format(
                name=metric.title()))
        period_start(outcome.period)  # checked by the caller (parse_period); a wrong one is a bug
        for text in (outcome.note, outcome.source):
            if len(text) > NOTE_MAX:
                raise GoalError(_("Keep notes and sources under {n} characters.").format(n=NOTE_MAX))
        now = self.store.now_text()
        with self.store.write():
            before = self.conn.execute("SELECT 1 FROM outcomes WHERE metric = ? AND period = ?",
                                       (outcome.metric, outcome.period)).fetchone()
            self.conn.execute(
                "INSERT INTO outcomes (metric, period, value, note, source, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (metric, period) DO UPDATE SET "
                "value = excluded.value, note = excluded.note, source = excluded.source, "
                "updated_at = excluded.updated_at",
                (outcome.metric, outcome.period, outcome.value, outcome.note, outcome.source, now, now))
        return before is not None

    def outcomes(self, metric: str | None = None) -> list[Outcome]:
        """Values typed in, by metric and in time order."""
        where, params = ("WHERE metric = ?", (metric,)) if metric else ("", ())
        found = [Outcome(*row) for row in self.conn.execute(
            f"SELECT metric, period, value, note, source FROM outcomes {where}", params)]
        return sorted(found, key=lambda outcome: (outcome.metric, period_order(outcome.period)))

    def series(self, metric: Metric, first: str, last: str | None = None) -> list[tuple[str, float]]:
        """(period, value) in time order for the months ``first`` to ``last`` (default: this
        month): typed-in values (months and weeks that overlap them) where there are some,
        counted ones month by month for the metrics the app knows."""
        last = last or month_of(self.store.clock.today())
        if metric.auto:
            return self._counted(metric.key, first, last)
        begin, end = month_start(first), period_end(last)
        typed = {period: value for period, value in self.conn.execute(
            "SELECT period, value FROM outcomes WHERE metric = ?", (metric.key,))
            if period_end(period) >= begin and period_start(period) <= end}
        imported = self.imported(metric.key, first, last)
        merged = {**imported, **typed}  # a value typed for a month wins
        return sorted(merged.items(), key=lambda item: period_order(item[0]))

    def imported(self, key: str, first: str, last: str) -> dict[str, float]:
        """Months of a metric the LinkedIn analytics imports give: the reach of ambassadors'
        posts is the impressions in the exports they handed over (``import analytics``)."""
        if key != "reach":
            return {}
        return {month: float(total) for month, total in self.conn.execute(
            "SELECT substr(published_on, 1, 7), sum(impressions) FROM post_analytics "
            "WHERE source = 'member' AND impressions IS NOT NULL AND published_on >= ? "
            "AND published_on < ? GROUP BY 1", (f"{first}-01", f"{last}-32"))}

    def _counted(self, key: str, first: str, last: str) -> list[tuple[str, float]]:
        today = self.store.clock.today()
        rows = {month: (posts, people, personal) for month, posts, people, personal in self.conn.execute(
            "SELECT substr(published_on, 1, 7), count(*), count(DISTINCT author_id), "
            "sum(voice = 'personal') FROM posts WHERE state = 'published' AND published_on >= ? "
            "AND published_on < ? GROUP BY 1", (f"{first}-01", f"{last}-32"))}
        values: list[tuple[str, float]] = []
        for month in months_between(first, last):
            posts, people, personal = rows.get(month, (0, 0, 0))
            start = month_start(month)
            if start > today:
                break
            if key == "active_ambassadors":
                values.append((month, float(people)))
            elif key == "posts_per_week":
                days = calendar.monthrange(start.year, start.month)[1]
                if month == month_of(today):
                    days = today.day  # this month so far
                values.append((month, round(posts / (days / 7), 1)))
            elif key == "personal_share":
                if posts:
                    values.append((month, round(100 * personal / posts, 1)))
        return values

    # -- export --------------------------------------------------------------------------

    OUTCOME_COLUMNS = ["metric", "metric_name", "period", "value", "counted", "note", "source"]

    def outcome_rows(self) -> list[tuple]:
        """Every value typed in, and the counted metrics month by month since the earliest
        goal's baseline (or the last twelve months without goals)."""
        metrics = {metric.key: metric for metric in self.metrics()}
        rows: list[tuple] = []
        for outcome in self.outcomes():
            metric = metrics.get(outcome.metric)
            rows.append((outcome.metric, metric.title() if metric else outcome.metric, outcome.period,
                         _figure(outcome.value), False, outcome.note, outcome.source))
        today = self.store.clock.today()
        first = min((month_of(goal.baseline_on) for goal in self.goals()),
                    default=month_of(date(today.year - 1, today.month, 1)))
        for metric in metrics.values():
            if metric.auto:
                rows += [(metric.key, metric.title(), month, _figure(value), True, "", "")
                         for month, value in self.series(metric, first)]
        return rows

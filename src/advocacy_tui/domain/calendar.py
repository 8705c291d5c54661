"""Calendar arithmetic and the content mix: pure functions, "today" always passed in."""

from __future__ import annotations

import calendar as _calendar
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from advocacy_tui.formatting import format_percent
from advocacy_tui.i18n import _

DAYS_PER_WEEK = 7
GRID_WEEKS = 6  # a month grid always shows six weeks, so it never jumps in height

# Published figures used as hints (see the calendar's help for the sources).
PIECES_PER_100_ACTIVE_PER_WEEK = 3.5  # DSMN8's rule of thumb
BUSY_MONTHS = (1, 9, 10)  # Dynamic Signal: activity is highest in January, September, October
QUIET_MONTHS = (7, 8, 12)  # ... and lowest in July, August and the holidays


def week_start(day: date, first_weekday: int) -> date:
    """The first day of the week holding ``day`` (first_weekday: 0 Monday .. 6 Sunday)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % DAYS_PER_WEEK)


def week_days(day: date, first_weekday: int) -> list[date]:
    start = week_start(day, first_weekday)
    return [start + timedelta(days=n) for n in range(DAYS_PER_WEEK)]


def month_first(day: date) -> date:
    return day.replace(day=1)


def month_last(day: date) -> date:
    return day.replace(day=_calendar.monthrange(day.year, day.month)[1])


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the month's last day.

    31 January + 1 month is 28 (or 29) February, never 3 March.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = _calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def month_grid(day: date, first_weekday: int) -> list[list[date]]:
    """Six weeks of dates covering the month of ``day``, weeks starting on first_weekday."""
    start = week_start(month_first(day), first_weekday)
    return [
        [start + timedelta(days=week * DAYS_PER_WEEK + n) for n in range(DAYS_PER_WEEK)]
        for week in range(GRID_WEEKS)
    ]


def grid_range(day: date, first_weekday: int) -> tuple[date, date]:
    """First and last date the month grid of ``day`` shows (inclusive)."""
    grid = month_grid(day, first_weekday)
    return grid[0][0], grid[-1][-1]


def weekday_names(first_weekday: int, width: int = 3) -> list[str]:
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    return [names[(first_weekday + n) % 7][:width] for n in range(DAYS_PER_WEEK)]


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def month_title(day: date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def planned_moment(day: date, at: time | None, zone: tzinfo) -> datetime | None:
    """The wall-clock moment a post is planned for, in ``zone``; None when it has no time.

    A time that does not exist (skipped by a spring DST change) moves forward by the gap;
    an ambiguous one (autumn) means the first occurrence, as people expect.
    """
    if at is None:
        return None
    # fold=0 reads a skipped time with the offset before the change; the round trip
    # through UTC then shows it as the real wall time after the change.
    moment = datetime.combine(day, at, tzinfo=zone)
    return moment.astimezone(UTC).astimezone(zone)


def parse_time(text: str) -> time:
    """Read ``9:05``, ``09:05`` or ``9.05``; raises ValueError with a sentence."""
    value = text.strip().replace(".", ":")
    parts = value.split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or not 1 <= len(parts[0]) <= 2 \
            or len(parts[1]) != 2:
        raise ValueError(_("“{value}” is not a time: write it as hh:mm, like 09:30.").format(value=text.strip()[:20]))
    hour, minute = int(parts[0]), int(parts[1])
    if hour > 23 or minute > 59:
        raise ValueError(_("{hour:02d}:{minute:02d} is not a time of day (00:00 to 23:59).").format(hour=hour, minute=minute))
    return time(hour, minute)


def season_hint(day: date) -> str:
    if day.month in BUSY_MONTHS:
        return _("usually a busy month for advocacy")
    if day.month in QUIET_MONTHS:
        return _("activity is usually low this month")
    return ""


def weekly_pieces_hint(active_ambassadors: int) -> float:
    """New pieces of content a program of this size can expect a week (DSMN8)."""
    return active_ambassadors * PIECES_PER_100_ACTIVE_PER_WEEK / 100


# -- the content mix ---------------------------------------------------------------


@dataclass(frozen=True)
class Mix:
    """Share of each voice among counted posts (dropped posts are not counted)."""

    counts: tuple[tuple[str, int], ...]
    total: int
    company_share: float
    over_limit: bool

    def share(self, voice: str) -> float:
        return dict(self.counts).get(voice, 0) / self.total if self.total else 0.0


def content_mix(counts: Mapping[str, int], voices: list[str] | tuple[str, ...], limit: float,
                company: str = "company") -> Mix:
    """The mix of ``counts`` (voice -> posts), in the order of ``voices``.

    Voices not in the list (renamed in the config since) are kept at the end.
    """
    ordered = [(voice, int(counts.get(voice, 0))) for voice in voices]
    ordered += [(voice, int(n)) for voice, n in counts.items() if voice not in voices and n]
    total = sum(n for _, n in ordered)
    share = (dict(ordered).get(company, 0) / total) if total else 0.0
    return Mix(tuple(ordered), total, share, total > 0 and share > limit + 1e-9)


def percent(share: float) -> str:
    """A share as the language writes it: "42%", "42 %" (Babel's format, in one place)."""
    return format_percent(share)


def mix_warning(mix: Mix, limit: float, labels: Mapping[str, str], company: str = "company",
                *, short: bool = False) -> str:
    """Words for an over-limit mix, with what to plan instead; empty when the mix is fine."""
    if not mix.over_limit:
        return ""
    others = [labels.get(v, v).lower() for v, _ in mix.counts if v != company and v in labels]
    if short:
        first = others[0] if others else _("personal expertise")
        return (_("Company brand is {share}, over {limit}: plan {first} posts instead.").format(
            share=percent(mix.company_share), limit=percent(limit), first=first))
    instead = _(" or ").join(others[:2]) if others else _("personal expertise")
    company_posts = dict(mix.counts).get(company, 0)
    # How many other-voice posts would bring the share back to the limit.
    needed = max(0, math.ceil(company_posts / limit - 1e-9) - mix.total) if limit else 0
    extra = _(" (about {needed} more would bring it back to {limit})").format(
        needed=needed, limit=percent(limit)) if needed else ""
    return (_("Company and employer-brand posts are {share} of the plan, over the {limit} limit. "
              "People follow people, not billboards: plan {instead} posts instead{extra}.").format(
        share=percent(mix.company_share), limit=percent(limit), instead=instead, extra=extra))

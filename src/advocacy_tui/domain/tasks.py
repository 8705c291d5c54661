"""The owner's tasks: categories, recurrence, the one-line quick add, and weekly load.

Pure rules: "today" is always a parameter.

Recurrence rules (also in the tasks help):

* A recurring task has exactly one open occurrence at a time.
* Ticking off (or skipping) an occurrence due on D, on day T, records it and creates the
  next occurrence on the first matching day *after* max(D, T).
  - Early (T < D): the next one comes after D, so nothing is lost.
  - Late (T > D): the next one comes after today, so missed occurrences do not pile up:
    a daily task left for a week is one overdue row, not seven.
* Undo removes the tick and the next occurrence that the tick created.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from advocacy_tui.i18n import N_, Labels, _, current_language, ngettext, pgettext

# each label read in the language in use (i18n.Labels)
CATEGORIES = Labels({
    "sample_posts": N_("Sample posts"),
    "graphics": N_("Graphics"),
    "qa": N_("Q&A"),
    "meetings": N_("Meetings"),
    "inspiration": N_("Inspiration"),
    "content_hub": N_("Content hub"),
    "other": N_("Other"),
})

CATEGORY_ALIASES: dict[str, str] = {
    "sample_posts": "sample_posts", "samples": "sample_posts", "sample": "sample_posts",
    "posts": "sample_posts", "post": "sample_posts",
    "graphics": "graphics", "graphic": "graphics", "gfx": "graphics",
    "qa": "qa", "q&a": "qa", "question": "qa", "questions": "qa",
    "meetings": "meetings", "meeting": "meetings",
    "inspiration": "inspiration", "ideas": "inspiration",
    "content_hub": "content_hub", "hub": "content_hub", "library": "content_hub",
    "other": "other",
    # the Polish tags (POLISH_TAGS), read in any language: a tag starts with "#", never a title word
    "posty": "sample_posts", "przykłady": "sample_posts",
    "grafiki": "graphics", "grafika": "graphics",
    "pytania": "qa", "pytanie": "qa",
    "spotkania": "meetings", "spotkanie": "meetings",
    "inspiracje": "inspiration", "inspiracja": "inspiration", "pomysły": "inspiration",
    "baza": "content_hub", "biblioteka": "content_hub",
    "inne": "other",
}
# the tag of each category a Polish owner types in the quick-add line (#posty fri → #posty pt)
POLISH_TAGS = {"sample_posts": "posty", "graphics": "grafiki", "qa": "pytania", "meetings": "spotkania",
               "inspiration": "inspiracje", "content_hub": "baza", "other": "inne"}


def category_tags() -> list[str]:
    """``#sample_posts``… or, in Polish, ``#posty``…: the tags to offer in the language in use."""
    if current_language() == "pl":
        return ["#" + POLISH_TAGS[key] for key in CATEGORIES]
    return ["#" + key for key in CATEGORIES]

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The repeat rule as a person types it in the task form. The stored form (Recurrence.text)
# is the English one; the Polish words are read too, whatever the language in use.
POLISH_DAYS = ("pn", "wt", "śr", "czw", "pt", "sob", "nd")
POLISH_KINDS = {"none": "brak", "daily": "codziennie", "weekdays": "robocze", "weekly": "tygodniowo",
                "monthly": "miesięcznie"}
_KIND_WORDS = {
    "none": "none", "brak": "none", "nie": "none", "jednorazowo": "none", "raz": "none",
    "daily": "daily", "codziennie": "daily",
    "weekdays": "weekdays", "robocze": "weekdays",
    "weekly": "weekly", "tygodniowo": "weekly", "co tydzień": "weekly", "co tydzien": "weekly",
    "monthly": "monthly", "miesięcznie": "monthly", "miesiecznie": "monthly", "co miesiąc": "monthly",
    "co miesiac": "monthly",
}
_POLISH_DAY_WORDS = {
    "pn": 0, "pon": 0, "poniedziałek": 0, "poniedzialek": 0, "poniedziałki": 0, "poniedzialki": 0,
    "wt": 1, "wto": 1, "wtorek": 1, "wtorki": 1,
    "śr": 2, "sr": 2, "środa": 2, "sroda": 2, "środy": 2, "srody": 2,
    "cz": 3, "czw": 3, "czwartek": 3, "czwartki": 3,
    "pt": 4, "pią": 4, "pia": 4, "piątek": 4, "piatek": 4, "piątki": 4, "piatki": 4,
    "sb": 5, "sob": 5, "sobota": 5, "soboty": 5,
    "nd": 6, "ndz": 6, "niedz": 6, "niedziela": 6, "niedziele": 6,
}


def _weekday(name: str) -> int | None:
    """0..6 for an English (mon, monday, thurs) or Polish (pn, śr, czwartek) day name."""
    if name in _POLISH_DAY_WORDS:
        return _POLISH_DAY_WORDS[name]
    if len(name) >= 3 and name[:3] in WEEKDAYS:
        index = WEEKDAYS.index(name[:3])
        if WEEKDAY_NAMES[index].lower().startswith(name):
            return index
    return None
MAX_ESTIMATE = 24 * 60


class RecurrenceError(ValueError):
    """A recurrence text that cannot be read; the message is for the user."""


@dataclass(frozen=True)
class Recurrence:
    """none | daily | weekdays | weekly (days: 0=Mon..6=Sun) | monthly (day 1..31)."""

    kind: str = "none"
    days: tuple[int, ...] = ()
    day_of_month: int = 0

    @property
    def repeats(self) -> bool:
        return self.kind != "none"

    def text(self) -> str:
        """The stored form, e.g. ``weekly:mon,thu``; parse_recurrence(r.text()) == r."""
        if self.kind == "weekly":
            return "weekly:" + ",".join(WEEKDAYS[d] for d in self.days)
        if self.kind == "monthly":
            return f"monthly:{self.day_of_month}"
        return self.kind

    def typed(self) -> str:
        """The rule as it is typed in the language in use (``tygodniowo:pn,czw`` in Polish);
        parse_recurrence reads it back into the same rule."""
        if current_language() != "pl":
            return self.text()
        if self.kind == "weekly":
            return POLISH_KINDS["weekly"] + ":" + ",".join(POLISH_DAYS[d] for d in self.days)
        if self.kind == "monthly":
            return f"{POLISH_KINDS['monthly']}:{self.day_of_month}"
        return POLISH_KINDS[self.kind]

    def describe(self) -> str:
        """In words, in the language in use: ``every Monday and Thursday``."""
        if self.kind == "none":
            return _("once")
        if self.kind == "daily":
            return _("every day")
        if self.kind == "weekdays":
            return _("every weekday")
        if self.kind == "weekly":
            names = [_every_day(d, first=index == 0) for index, d in enumerate(self.days)]
            if len(names) == 1:
                return names[0]
            return pgettext("repeats on", "{days} and {last}").format(days=", ".join(names[:-1]), last=names[-1])
        if self.day_of_month == 31:
            return _("monthly on the last day")
        if self.day_of_month > 28:
            return _("monthly on the {nth} (or the month's last day)").format(nth=_ordinal(self.day_of_month))
        return _("monthly on the {nth}").format(nth=_ordinal(self.day_of_month))

    def short(self) -> str:
        """A compact label for table cells, in the language in use."""
        if self.kind == "weekly":
            names = [_short_day(d) for d in self.days]
            if len(self.days) == 1:
                return _("weekly {day}").format(day=names[0])
            if len(self.days) > 3:
                return ngettext("{n}× a week", "{n}× a week", len(self.days)).format(n=len(self.days))
            return ",".join(names)
        if self.kind == "monthly":
            return _("monthly {day}.").format(day=self.day_of_month)
        if self.kind == "daily":
            return _("daily")
        if self.kind == "weekdays":
            return _("weekdays")
        return ""


ONCE = Recurrence()


def _every_day(day: int, first: bool) -> str:
    """A day in "every Monday and Thursday", in the language in use: the first with the
    "every" (Polish "w poniedziałki", "we wtorki"), the others alone ("czwartki")."""
    if first:
        return (pgettext("repeats on", "every Monday"), pgettext("repeats on", "every Tuesday"),
                pgettext("repeats on", "every Wednesday"), pgettext("repeats on", "every Thursday"),
                pgettext("repeats on", "every Friday"), pgettext("repeats on", "every Saturday"),
                pgettext("repeats on", "every Sunday"))[day]
    return (pgettext("repeats on", "Monday"), pgettext("repeats on", "Tuesday"),
            pgettext("repeats on", "Wednesday"), pgettext("repeats on", "Thursday"),
            pgettext("repeats on", "Friday"), pgettext("repeats on", "Saturday"),
            pgettext("repeats on", "Sunday"))[day]


def _short_day(day: int) -> str:
    """Mon … Sun (Polish: pn … nd, as typed in a repeat rule), for narrow table cells."""
    return (pgettext("weekday, short", "Mon"), pgettext("weekday, short", "Tue"),
            pgettext("weekday, short", "Wed"), pgettext("weekday, short", "Thu"),
            pgettext("weekday, short", "Fri"), pgettext("weekday, short", "Sat"),
            pgettext("weekday, short", "Sun"))[day]


def _ordinal(n: int) -> str:
    if current_language() == "pl":
        return f"{n}."
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def parse_recurrence(text: str) -> Recurrence:
    """Read a repeat rule: the stored form (``weekly:mon,thu``) or the Polish one typed in the
    form (``tygodniowo:pn,czw``). Raises RecurrenceError with a sentence."""
    value = " ".join((text or "").strip().lower().split())
    if value == "":
        return ONCE
    word, _colon, rest = value.partition(":")
    kind = _KIND_WORDS.get(word.strip())
    if kind in ("none", "daily", "weekdays") and not rest.strip():
        return ONCE if kind == "none" else Recurrence(kind)
    if kind == "weekly":
        names = [part.strip() for part in rest.split(",") if part.strip()]
        if not names:
            raise RecurrenceError(_("Weekly needs at least one day, e.g. weekly:mon,thu."))
        days = set()
        for name in names:
            day = _weekday(name)
            if day is None:
                raise RecurrenceError(_("“{name}” is not a day: use mon, tue, wed, thu, fri, sat, sun.").format(
                    name=name[:20]))
            days.add(day)
        return Recurrence("weekly", tuple(sorted(days)))
    if kind == "monthly":
        if not rest.strip().isdigit() or not 1 <= int(rest) <= 31:
            raise RecurrenceError(_("Monthly needs a day from 1 to 31, e.g. monthly:15 (31 = the last day)."))
        return Recurrence("monthly", (), int(rest))
    raise RecurrenceError(
        _("“{text}” is not a repeat rule: use none, daily, weekdays, weekly:mon,thu or monthly:15.").format(
            text=value[:30])
    )


def check_recurrence(text: str) -> str | None:
    try:
        parse_recurrence(text)
    except RecurrenceError as error:
        return str(error)
    return None


def _month_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def occurs_on(rule: Recurrence, day: date) -> bool:
    if rule.kind == "daily":
        return True
    if rule.kind == "weekdays":
        return day.weekday() < 5
    if rule.kind == "weekly":
        return day.weekday() in rule.days
    if rule.kind == "monthly":
        return day == _month_day(day.year, day.month, rule.day_of_month)
    return False


def next_after(rule: Recurrence, day: date) -> date | None:
    """The first day strictly after ``day`` on which the rule occurs (None for one-off tasks)."""
    if not rule.repeats:
        return None
    if rule.kind == "monthly":
        candidate = _month_day(day.year, day.month, rule.day_of_month)
        if candidate > day:
            return candidate
        year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
        return _month_day(year, month, rule.day_of_month)
    candidate = day + timedelta(days=1)
    while not occurs_on(rule, candidate):
        candidate += timedelta(days=1)
    return candidate


def first_on_or_after(rule: Recurrence, day: date) -> date:
    """The first occurrence on ``day`` or later (``day`` itself for one-off tasks)."""
    if not rule.repeats or occurs_on(rule, day):
        return day
    found = next_after(rule, day)
    assert found is not None
    return found


def next_occurrence(rule: Recurrence, due: date, done_on: date) -> date | None:
    """Where the next occurrence goes when the one due on ``due`` is ticked or skipped on ``done_on``."""
    return next_after(rule, max(due, done_on))


def occurrences_between(rule: Recurrence, after: date, start: date, end: date) -> list[date]:
    """Occurrences strictly after ``after`` that fall in [start, end]."""
    found: list[date] = []
    day = next_after(rule, max(after, start - timedelta(days=1)))
    while day is not None and day <= end:
        found.append(day)
        day = next_after(rule, day)
    return found


def week_start(day: date) -> date:
    """Weeks start on Monday (the seed's audience is Polish)."""
    return day - timedelta(days=day.weekday())


# -- load ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenSeries:
    """The open occurrence of a recurring task, as load needs it."""

    due: date
    estimate: int
    rule: Recurrence


def expanded_minutes(series: list[OpenSeries], today: date, start: date, end: date) -> int:
    """Minutes of the occurrences that do not exist yet as rows, inside [start, end].

    Future occurrences follow the open one: the next row appears after max(due, today),
    so only those are counted (the open row itself is counted by its own due date).
    """
    total = 0
    for item in series:
        total += item.estimate * len(occurrences_between(item.rule, max(item.due, today), start, end))
    return total


@dataclass(frozen=True)
class Load:
    planned: int  # minutes
    capacity: int  # minutes

    @property
    def over(self) -> int:
        return max(0, self.planned - self.capacity)

    @property
    def is_over(self) -> bool:
        return self.planned > self.capacity

    def words(self) -> str:
        planned, capacity = format_minutes(self.planned), format_minutes(self.capacity)
        if self.capacity <= 0:
            return _("{planned} planned; no hours available are set (Program settings).").format(planned=planned)
        if self.is_over:
            return _("{planned} planned of {capacity} available: {over} over").format(
                planned=planned, capacity=capacity, over=format_minutes(self.over))
        left = self.capacity - self.planned
        return _("{planned} planned of {capacity} available: {left} free").format(
            planned=planned, capacity=capacity, left=format_minutes(left))

    def ratio(self) -> float:
        return self.planned / self.capacity if self.capacity > 0 else (1.0 if self.planned else 0.0)


def format_minutes(minutes: int) -> str:
    """``450`` -> ``7 h 30 min``; ``360`` -> ``6 h``; ``0`` -> ``0 min``."""
    hours, rest = divmod(max(0, int(minutes)), 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    if hours:
        return f"{hours} h"
    return f"{rest} min"


# -- quick add -------------------------------------------------------------------------


class QuickAddError(ValueError):
    """A quick-add line that cannot become a task; the message is for the user."""


@dataclass(frozen=True)
class TaskDraft:
    title: str
    category: str = "other"
    due: date | None = None
    due_time: time | None = None
    estimate: int = 0
    recurrence: Recurrence = field(default=ONCE)


_ESTIMATE = re.compile(r"^(?:(\d{1,2})h)?(?:(\d{1,4})m(?:in)?)?$")
_DECIMAL_HOURS = re.compile(r"^(\d{1,2})[.,](\d)h$")
_SHORT_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?(\d{4})?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_DAY_NAMES = {name: index for index, name in enumerate(WEEKDAYS)} | {
    WEEKDAY_NAMES[index].lower(): index for index in range(7)
}

QUICK_ADD_HELP = N_(
    "Title, then any of: #category, a day (today, tomorrow, fri, 28.11), a time (14:00), "
    "an estimate (45m, 1h30m) and a repeat (every day, every weekday, every week, "
    "every mon,thu, every month)."
)


def _estimate(token: str) -> int | None:
    match = _DECIMAL_HOURS.match(token)
    if match:
        return int(match.group(1)) * 60 + int(match.group(2)) * 6
    match = _ESTIMATE.match(token)
    if match and (match.group(1) or match.group(2)):
        return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
    return None


_POLISH_DAYS_AHEAD = {"dziś": 0, "dzis": 0, "dzisiaj": 0, "jutro": 1, "pojutrze": 2}


def _day(token: str, today: date) -> date | None:
    if token == "today":
        return today
    if token in ("tomorrow", "tmr"):
        return today + timedelta(days=1)
    if token in _DAY_NAMES:
        return today + timedelta(days=(_DAY_NAMES[token] - today.weekday()) % 7)
    if current_language() == "pl":  # Polish words only for a Polish owner: "pt" may be a title word
        if token in _POLISH_DAYS_AHEAD:
            return today + timedelta(days=_POLISH_DAYS_AHEAD[token])
        if token in _POLISH_DAY_WORDS:
            return today + timedelta(days=(_POLISH_DAY_WORDS[token] - today.weekday()) % 7)
    match = _ISO_DATE.match(token)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise QuickAddError(_("{day} does not exist in the calendar.").format(day=token)) from None
    match = _SHORT_DATE.match(token)
    if match:
        day, month = int(match.group(1)), int(match.group(2))
        year = int(match.group(3)) if match.group(3) else today.year
        try:
            found = date(year, month, day)
        except ValueError:
            raise QuickAddError(_("{day} is not a date: write it as dd.mm or dd.mm.yyyy.").format(day=token)) from None
        if not match.group(3) and found < today - timedelta(days=180):
            found = date(year + 1, month, day) if not (month == 2 and day == 29) else found
        return found
    return None


def _repeat(words: list[str], index: int) -> tuple[str, int] | None:
    """Read a repeat phrase at ``words[index]``; returns (kind spec, words used)."""
    word = words[index]
    if word in ("daily", "weekdays", "weekly", "monthly"):
        return word, 1
    if current_language() == "pl":
        found = _polish_repeat(words, index)
        if found:
            return found
    if word != "every" or index + 1 >= len(words):
        return None
    nxt = words[index + 1]
    if nxt == "day":
        return "daily", 2
    if nxt in ("weekday", "workday", "weekdays"):
        return "weekdays", 2
    if nxt == "week":
        return "weekly", 2
    if nxt == "month":
        return "monthly", 2
    names = [part for part in nxt.split(",") if part]
    if names and all(part in _DAY_NAMES for part in names):
        days = sorted({_DAY_NAMES[part] for part in names})
        return "weekly:" + ",".join(WEEKDAYS[d] for d in days), 2
    return None


_POLISH_REPEAT_WORDS = {"codziennie": "daily", "tygodniowo": "weekly", "miesięcznie": "monthly",
                        "miesiecznie": "monthly"}
_POLISH_EVERY = {"dzień": "daily", "dzien": "daily", "tydzień": "weekly", "tydzien": "weekly",
                 "miesiąc": "monthly", "miesiac": "monthly"}


def _polish_repeat(words: list[str], index: int) -> tuple[str, int] | None:
    """codziennie, co dzień, w dni robocze, co tydzień, co pn,czw, co miesiąc (as _repeat)."""
    word = words[index]
    if word in _POLISH_REPEAT_WORDS:
        return _POLISH_REPEAT_WORDS[word], 1
    if words[index:index + 3] == ["w", "dni", "robocze"]:
        return "weekdays", 3
    if word != "co" or index + 1 >= len(words):
        return None
    nxt = words[index + 1]
    if nxt in ("dzień", "dzien") and index + 2 < len(words) and words[index + 2] in ("roboczy", "powszedni"):
        return "weekdays", 3
    if nxt in _POLISH_EVERY:
        return _POLISH_EVERY[nxt], 2
    names = [part for part in nxt.split(",") if part]
    if names and all(part in _POLISH_DAY_WORDS for part in names):
        days = sorted({_POLISH_DAY_WORDS[part] for part in names})
        return "weekly:" + ",".join(WEEKDAYS[d] for d in days), 2
    return None


def parse_quick_add(line: str, today: date) -> TaskDraft:
    """Read one line like ``Write 2 sample posts #sample_posts fri 45m every week``.

    Recognised words are taken out (the first of each kind); what is left is the title.
    A repeating task without a day starts on its first occurrence from today.
    """
    words = (line or "").split()
    title: list[str] = []
    category: str | None = None
    due: date | None = None
    due_time: time | None = None
    estimate: int | None = None
    repeat: str | None = None
    index = 0
    while index < len(words):
        word = words[index]
        low = word.lower()
        if category is None and low.startswith("#") and len(low) > 1:
            name = low[1:]
            if name not in CATEGORY_ALIASES:
                raise QuickAddError(_("#{name} is not a category: use {categories}.").format(
                    name=name[:20], categories=", ".join(category_tags())))
            category = CATEGORY_ALIASES[name]
            index += 1
            continue
        if repeat is None:
            found = _repeat([w.lower() for w in words], index)
            if found:
                repeat, used = found
                index += used
                continue
        if due is None:
            day = _day(low, today)
            if day is not None:
                due = day
                index += 1
                continue
        if due_time is None:
            match = _TIME.match(low)
            if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
                due_time = time(int(match.group(1)), int(match.group(2)))
                index += 1
                continue
        if estimate is None:
            minutes = _estimate(low)
            if minutes is not None:
                if minutes > MAX_ESTIMATE:
                    raise QuickAddError(_("An estimate over 24 hours is a project, not a task: split it up."))
                estimate = minutes
                index += 1
                continue
        title.append(word)
        index += 1
    text = " ".join(title).strip()
    if not text:
        raise QuickAddError(_("Write what to do first, e.g. “Answer Ola's question #qa tomorrow 20m”."))
    rule = ONCE
    if repeat is not None:
        anchor = due or today
        if repeat == "weekly":
            repeat = f"weekly:{WEEKDAYS[anchor.weekday()]}"
        elif repeat == "monthly":
            repeat = f"monthly:{anchor.day}"
        rule = parse_recurrence(repeat)
        due = first_on_or_after(rule, anchor)
    return TaskDraft(text, category or "other", due, due_time, estimate or 0, rule)


def quick_add_text(draft: TaskDraft) -> str:
    """The line that parse_quick_add reads back into the same draft (dates as dd.mm.yyyy)."""
    parts = [draft.title, f"#{draft.category}"]
    if draft.due:
        parts.append(draft.due.strftime("%d.%m.%Y"))
    if draft.due_time:
        parts.append(draft.due_time.strftime("%H:%M"))
    if draft.estimate:
        parts.append(f"{draft.estimate}m")
    rule = draft.recurrence
    if rule.kind == "daily":
        parts.append("every day")
    elif rule.kind == "weekdays":
        parts.append("every weekday")
    elif rule.kind == "weekly":
        parts.append("every " + ",".join(WEEKDAYS[d] for d in rule.days))
    elif rule.kind == "monthly":
        parts.append("monthly")
    return " ".join(parts)


def check_estimate(text: str) -> str | None:
    value = text.strip().lower()
    if not value:
        return None
    if value.isdigit():
        return None if int(value) <= MAX_ESTIMATE else _("At most 24 hours (1440 minutes).")
    minutes = _estimate(value)
    if minutes is None:
        return _("Write minutes (45) or hours and minutes (1h30m).")
    return None if minutes <= MAX_ESTIMATE else _("At most 24 hours (1440 minutes).")


def read_estimate(text: str) -> int:
    value = text.strip().lower()
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    minutes = _estimate(value)
    if minutes is None:
        raise QuickAddError(_("Write minutes (45) or hours and minutes (1h30m)."))
    return minutes


def check_hours(text: str) -> str | None:
    value = text.strip().replace(",", ".")
    try:
        hours = float(value)
    except ValueError:
        return _("Write a number of hours, e.g. 6 or 4.5.")
    if not 0 <= hours <= 80:
        return _("Between 0 and 80 hours a week.")
    return None


# -- routine ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RoutineItem:
    title: str  # the recommended ones are marked N_(): _(item.title) is the title to show and save
    category: str
    estimate: int
    recurrence: str


RECOMMENDED_ROUTINE: tuple[RoutineItem, ...] = (
    RoutineItem(N_("Write sample posts for ambassadors"), "sample_posts", 60, "weekly:tue"),
    RoutineItem(N_("Prepare a set of graphics"), "graphics", 45, "weekly:wed"),
    RoutineItem(N_("Answer ambassadors' questions"), "qa", 15, "weekdays"),
    RoutineItem(N_("Look for inspiration and ideas"), "inspiration", 30, "weekly:mon"),
    RoutineItem(N_("Tidy and refresh the content hub"), "content_hub", 30, "weekly:fri"),
    RoutineItem(N_("Ambassador meeting or office hours"), "meetings", 60, "weekly:thu"),
)


def routine_minutes(items: list[RoutineItem]) -> int:
    """Minutes a routine takes in a full week."""
    monday = date(2024, 1, 1)  # any Monday
    total = 0
    for item in items:
        rule = parse_recurrence(item.recurrence)
        days = sum(occurs_on(rule, monday + timedelta(days=i)) for i in range(7)) if rule.repeats else 1
        total += item.estimate * days
    return total

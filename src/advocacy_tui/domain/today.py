"""Rules behind the Today screen's indicators. Pure: "today" is a parameter.

The data layer turns these rules into SQL aggregates (so 100,000 people stay fast); the
tests check that both give the same answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from advocacy_tui.domain.calendar import Mix, percent
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import _, ngettext

SILENT_LEADER_DAYS = 30
MIX_DAYS = 30
ACTIVE_DAYS = 30
CHART_WEEKS = 12
FIELD_ACTIVE_LOW, FIELD_ACTIVE_HIGH = 0.15, 0.25
# A "billboard": someone whose own posts (planned or published in the last 90 days, and all
# planned ahead; dropped ones left out) are mostly company voice, with enough posts to say so.
PERSON_MIX_DAYS = 90
BILLBOARD_MIN_POSTS = 3
BILLBOARD_SHARE = 0.5
# The pilgrimage: a talk with a stakeholder older than this (config: stale_talk_days) shows on Today
DEFAULT_STALE_TALK_DAYS = 60
# Owners and managers who take part: invited, paused and candidate leaders are not "silent"
LEADER_STATUSES = ("onboarding", "active")
STALE_READINESS_DAYS = 182  # a verdict older than six months no longer describes the moment

# The roster's short words for the default voices (Today and the calendar read config.toml's voices)
VOICE_LABELS = {"personal": "personal", "team": "team", "company": "company", "industry": "industry"}
BARS = " ▁▂▃▄▅▆▇█"


def is_billboard(counts: dict[str, int]) -> bool:
    """Mostly company posts: more than half of at least three of the person's own posts."""
    total = sum(counts.values())
    return total >= BILLBOARD_MIN_POSTS and counts.get("company", 0) > total * BILLBOARD_SHARE


def talk_is_old(last_talk: date | None, today: date, days: int) -> bool:
    """The last conversation was more than ``days`` days ago (no date: not counted here)."""
    return last_talk is not None and (today - last_talk).days > days


def counts_as_leader(status: str) -> bool:
    """An owner or manager who takes part now, so their silence shows on Today."""
    return status in LEADER_STATUSES


def since(today: date, days: int) -> date:
    """The first day of the window "the last N days" (today included)."""
    return today - timedelta(days=days - 1)


@dataclass(frozen=True)
class ContentMix:
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, voice: str) -> float:
        return self.counts.get(voice, 0) / self.total if self.total else 0.0


def voice_word(labels: Mapping[str, str], voice: str) -> str:
    """A voice in one word, as the calendar's mix line says it: "Personal expertise" -> "personal"."""
    label = labels.get(voice, voice)
    return (label.split() or [voice])[0].lower()


def mix_words(mix: Mix, labels: Mapping[str, str]) -> str:
    """Today's mix line: the published posts and each voice's share, in the configured order."""
    if not mix.total:
        return _("No posts were published in the last {days} days.").format(days=MIX_DAYS)
    shares = ", ".join(f"{voice_word(labels, voice)} {percent(count / mix.total)}"
                       for voice, count in mix.counts if count)
    return ngettext("{n} published in the last {days} days: {shares}",
                    "{n} published in the last {days} days: {shares}", mix.total).format(
        n=mix.total, days=MIX_DAYS, shares=shares)


def usual_active() -> str:
    """The usual share of employees who become active, as words show it: "15–25%"."""
    return f"{round(FIELD_ACTIVE_LOW * 100)}–{percent(FIELD_ACTIVE_HIGH)}"


@dataclass(frozen=True)
class ActiveShare:
    active: int
    people: int

    @property
    def share(self) -> float:
        return self.active / self.people if self.people else 0.0

    def words(self) -> str:
        if not self.people:
            return _("No one is in the roster yet.")
        usual = usual_active()
        base = ngettext("{active} of {people} person ({percent}) was active in the last {days} days.",
                        "{active} of {people} people ({percent}) were active in the last {days} days.",
                        self.people).format(active=format_number(self.active), people=format_number(self.people),
                                            percent=percent(self.share), days=ACTIVE_DAYS)
        if self.share < FIELD_ACTIVE_LOW:
            return base + " " + _("Below the usual {usual}: ask the quiet ones what would help.").format(usual=usual)
        if self.share <= FIELD_ACTIVE_HIGH:
            return base + " " + _("That is normal: {usual} become active in most companies.").format(usual=usual)
        return base + " " + _("Above the usual {usual}: keep doing what works.").format(usual=usual)


def chart_weeks(today: date, weeks: int = CHART_WEEKS) -> list[date]:
    """Mondays of the last ``weeks`` weeks, oldest first, this week last."""
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]


def bar_row(values: list[int]) -> str:
    """One block character per value, scaled to the largest."""
    top = max(values, default=0)
    if top <= 0:
        return BARS[1] * len(values)
    return "".join(BARS[max(1, round(v / top * 8))] if v else BARS[1] for v in values)


@dataclass(frozen=True)
class ReadinessReminder:
    """Failure 1 (timing) on Today: when the last readiness check said to check again.

    ``state``: "none" (no finished check), "later" (before the check-again window),
    "due" (inside it), "overdue" (after it) or "stale" (the verdict is over six months old).
    """

    state: str
    finished_on: date | None = None
    verdict: str | None = None
    earliest: date | None = None
    latest: date | None = None
    months_old: int = 0


def readiness_reminder(finished_on: date | None, verdict: str | None, today: date) -> ReadinessReminder:
    """The reminder for the latest finished check (its day and the verdict it gave)."""
    # imported here: config reads this module's defaults at every start, the readiness rules not
    from advocacy_tui.domain.readiness import VERDICTS, recheck_for

    if finished_on is None or verdict not in VERDICTS:
        return ReadinessReminder("none")
    recheck = recheck_for(verdict, finished_on)
    age = (today - finished_on).days
    if age > STALE_READINESS_DAYS:
        state = "stale"
    elif today > recheck.latest:
        state = "overdue"
    elif today >= recheck.earliest:
        state = "due"
    else:
        state = "later"
    return ReadinessReminder(state, finished_on, verdict, recheck.earliest, recheck.latest, max(age, 0) // 30)


@dataclass(frozen=True)
class FirstStep:
    done: bool
    text: str


def first_steps(has_people: bool, readiness_done: bool, hours_set: bool) -> list[FirstStep]:
    """An owner's first steps in a new program; empty once all are done (then Today stops
    showing them)."""
    steps = [
        FirstStep(has_people, _("Import the HR file: press 2 (Roster), then I; or a adds people one by one.")),
        FirstStep(readiness_done, _("Run the readiness check: press 5 (Readiness); the quick one takes "
                                    "about 10 minutes.")),
        FirstStep(hours_set, _("Set your hours a week: Ctrl+P, Program settings; then Today says "
                               "whether the week fits.")),
    ]
    return [] if all(step.done for step in steps) else steps

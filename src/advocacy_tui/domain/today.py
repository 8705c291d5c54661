"""Rules behind the Today screen's indicators. Pure: "today" is a parameter.

The data layer turns these rules into SQL aggregates (so 100,000 people stay fast); the
tests check that both give the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from advocacy_tui.i18n import _

SILENT_LEADER_DAYS = 30
MIX_DAYS = 30
ACTIVE_DAYS = 30
CHART_WEEKS = 12
COMPANY_SHARE_LIMIT = 1 / 3
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

VOICES = ("personal", "team", "company", "industry")
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

    @property
    def company_dominates(self) -> bool:
        return self.total > 0 and self.share("company") > COMPANY_SHARE_LIMIT

    def words(self) -> str:
        if not self.total:
            return "No posts were published in the last 30 days."
        parts = []
        for voice in (*VOICES, *sorted(set(self.counts) - set(VOICES))):
            if self.counts.get(voice):
                parts.append(f"{VOICE_LABELS.get(voice, voice)} {round(self.share(voice) * 100)} %")
        return f"{self.total} published in the last 30 days: " + ", ".join(parts)


@dataclass(frozen=True)
class ActiveShare:
    active: int
    people: int

    @property
    def share(self) -> float:
        return self.active / self.people if self.people else 0.0

    def words(self) -> str:
        if not self.people:
            return "No one is in the roster yet."
        percent = round(self.share * 100)
        base = f"{self.active:,} of {self.people:,} people ({percent} %) were active in the last 30 days."
        if self.share < FIELD_ACTIVE_LOW:
            return base + " Below the usual 15–25 %: ask the quiet ones what would help."
        if self.share <= FIELD_ACTIVE_HIGH:
            return base + " That is normal: 15–25 % become active in most companies."
        return base + " Above the usual 15–25 %: keep doing what works."


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

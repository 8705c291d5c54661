"""Onboarding: the six steps every ambassador goes through, progress and "stuck".

The steps answer the four causes of low engagement named in the brief (not knowing
what to write about, not knowing the platform, fear of judgement, no time) plus a
ready profile and the first post.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from advocacy_tui.i18n import N_, Labels, _, ngettext

STEPS: tuple[str, ...] = ("profile", "library", "platform", "rules", "time", "first_post")

STEP_LABELS: Labels = Labels({
    "profile": N_("Profile ready"),
    "library": N_("Topics and content library shown"),
    "platform": N_("Platform training"),
    "rules": N_("Language and hate-response rules"),
    "time": N_("Time expectations agreed"),
    "first_post": N_("First post published"),
})

STUCK_DAYS = 14
"""Someone onboarding is *stuck* when no step was done for this many days or more
(counted from their latest step, or from when they joined if they have done none)."""

STUCK_MARK = "⚠"


@dataclass(frozen=True)
class OnboardingState:
    """What the roster knows about one person's onboarding, without loading the steps."""

    status: str
    done: int
    last_step_on: date | None
    joined: date | None
    created_on: date | None = None

    @property
    def since(self) -> date | None:
        """The day progress was last made: the latest step, else joining, else creation."""
        return self.last_step_on or self.joined or self.created_on


def progress_text(done: int) -> str:
    """``4/6``: how many of the six steps are done."""
    return f"{max(0, min(done, len(STEPS)))}/{len(STEPS)}"


def is_complete(done: int) -> bool:
    return done >= len(STEPS)


def days_stuck(state: OnboardingState, today: date) -> int | None:
    """How many days someone has been stuck in onboarding, or None when they are not.

    Stuck means: status is *onboarding*, not every step is done, and the last progress
    (latest step, or joining when no step is done yet) was STUCK_DAYS or more days ago.
    """
    if state.status != "onboarding" or is_complete(state.done):
        return None
    since = state.since
    if since is None:
        return None
    days = (today - since).days
    return days if days >= STUCK_DAYS else None


def is_stuck(state: OnboardingState, today: date) -> bool:
    return days_stuck(state, today) is not None


def stuck_cutoff(today: date) -> date:
    """Progress on or before this day means stuck (for queries over many people)."""
    from datetime import timedelta

    return today - timedelta(days=STUCK_DAYS)


def describe_days(days: int) -> str:
    """A span in words a person reads at a glance: ``9 days``, ``3 weeks``, ``4 months``."""
    if days < 0:
        return _("in the future")
    if days < 21:
        return ngettext("{n} day", "{n} days", days).format(n=days)
    if days < 28:
        return ngettext("{n} week", "{n} weeks", days // 7).format(n=days // 7)
    if days < 365:
        months = max(1, round(days / 30.4))
        return ngettext("{n} month", "{n} months", months).format(n=months)
    years = days // 365
    return ngettext("{n} year", "{n} years", years).format(n=years)


def stuck_text(days: int | None) -> str:
    """The roster's stuck cell: ``⚠ 3 weeks`` or empty."""
    return f"{STUCK_MARK} {describe_days(days)}" if days is not None else ""

"""The recruitment funnel: candidates -> invited -> onboarding -> active, against the share
of employees who usually become active (FIELD_ACTIVE_LOW-FIELD_ACTIVE_HIGH, domain.today),
who recommended the candidates (counted, never ranked) and the invitation waves. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from advocacy_tui.domain.calendar import percent
from advocacy_tui.domain.today import FIELD_ACTIVE_HIGH, FIELD_ACTIVE_LOW, usual_active
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import _, ngettext

#: the statuses of the funnel, in its order (paused and left are not part of it)
STAGES: tuple[str, ...] = ("candidate", "invited", "onboarding", "active")
EMPLOYEES_MAX = 10_000_000
_WHOLE = re.compile(r"[0-9]{1,12}")  # ASCII digits only ("²" is a digit to str.isdigit)


def _digits(text: str | None) -> int | None:
    value = (text or "").strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    return int(value) if _WHOLE.fullmatch(value) else None


def check_employees(text: str) -> str | None:
    """The number of employees as typed in the program settings (empty: not set)."""
    if not text.strip():
        return None
    value = _digits(text)
    if value is None or value < 1:
        return _("Give the number of employees as a whole number, like 240 (empty: not set).")
    if value > EMPLOYEES_MAX:
        return _("That is more employees than any company has: check the number.")
    return None


def parse_employees(text: str | None) -> int | None:
    """The stored or typed number of employees, or None when it is not set (or not a number)."""
    value = _digits(text)
    return value if value is not None and value >= 1 else None


@dataclass(frozen=True)
class Wave:
    """The people invited on one day, and how many of them are active now."""

    day: date
    invited: int
    active_now: int

    def words(self) -> str:
        return ngettext("{invited} invited, {active} active now", "{invited} invited, {active} active now",
                        self.invited).format(invited=format_number(self.invited),
                                             active=format_number(self.active_now))


@dataclass(frozen=True)
class Funnel:
    counts: dict[str, int]  # status -> people with it now, for the STAGES
    employees: int | None  # from the program settings; None: not set
    candidates_recommended: int = 0  # candidates whose "recommended by" is filled in
    waves: tuple[Wave, ...] = ()  # newest first
    older_waves: int = 0  # waves beyond those listed

    def count(self, stage: str) -> int:
        return self.counts.get(stage, 0)

    @property
    def largest(self) -> int:
        return max((self.count(stage) for stage in STAGES), default=0)

    @property
    def active_share(self) -> float | None:
        """Active people as a share of the employees (None when that number is not set)."""
        if not self.employees:
            return None
        return self.count("active") / self.employees

    def share_words(self) -> str:
        """The active people against the usual 15-25 % of the employees, or why it cannot say."""
        usual = usual_active()
        share = self.active_share
        if share is None or self.employees is None:
            return _("The number of employees is not set, so the active share cannot be worked out: "
                     "set it in the program settings (Ctrl+P, “Program settings”). Usually {usual} of "
                     "the employees become active.").format(usual=usual)
        active = self.count("active")
        base = ngettext("{active} active of {employees} employee ({percent}).",
                        "{active} active of {employees} employees ({percent}).",
                        self.employees).format(active=format_number(active),
                                               employees=format_number(self.employees),
                                               percent=percent(share))
        if share < FIELD_ACTIVE_LOW:
            return base + " " + _("Below the usual {usual}: the next invitation wave can help.").format(usual=usual)
        if share <= FIELD_ACTIVE_HIGH:
            return base + " " + _("Within the usual {usual}.").format(usual=usual)
        return base + " " + _("Above the usual {usual}: a rare result, keep it warm.").format(usual=usual)

    def usual_range(self) -> tuple[int, int] | None:
        """How many active people the usual 15-25 % of the employees would be."""
        if not self.employees:
            return None
        return round(self.employees * FIELD_ACTIVE_LOW), round(self.employees * FIELD_ACTIVE_HIGH)

    def usual_words(self) -> str:
        span = self.usual_range()
        if span is None:
            return ""
        return _("Usually {low}–{high} people of this company become active.").format(
            low=format_number(span[0]), high=format_number(span[1]))

    def recommended_words(self) -> str:
        candidates = self.count("candidate")
        return ngettext("Recommended by someone: {n} of {m} candidate.",
                        "Recommended by someone: {n} of {m} candidates.", candidates).format(
            n=format_number(self.candidates_recommended), m=format_number(candidates))

"""Involvement: what people did for the program, recorded and never scored.

There are no points, no counts-as-score and no leaderboard, by design (the brief's
sixth failure): the log answers "is this person still with us?", not "who is best?".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from advocacy_tui.domain.dates import DateError, parse_date
from advocacy_tui.domain.onboarding import describe_days
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, Labels, _

KINDS: tuple[str, ...] = (
    "post_published",
    "content_cocreated",
    "feedback",
    "helped_colleague",
    "meeting",
    "question",
)

KIND_LABELS: Labels = Labels({
    "post_published": N_("Published a post"),
    "content_cocreated": N_("Co-created content"),
    "feedback": N_("Gave feedback"),
    "helped_colleague": N_("Helped a colleague"),
    "meeting": N_("Attended a meeting"),
    "question": N_("Asked a question"),
})

QUIET_DAYS = 30
"""Someone expected to take part (status onboarding or active) is *quiet* when their
log has no entry in the last QUIET_DAYS days."""

EXPECTED_STATUSES: tuple[str, ...] = ("onboarding", "active")
"""The statuses of people who are expected to take part (others are not "quiet")."""

QUIET_MARK = "☾"
NOTE_MAX = 2_000


@dataclass(frozen=True)
class Involvement:
    id: int | None
    ambassador_id: int
    kind: str
    happened_on: date
    note: str = ""
    created_at: str = ""


def active_within(last_active: date | None, today: date, days: int = QUIET_DAYS) -> bool:
    """True when the latest entry is within the last ``days`` days (today included)."""
    return last_active is not None and (today - last_active).days < days


def is_quiet(status: str, last_active: date | None, today: date, since: date | None = None) -> bool:
    """Expected to take part, but nothing in the log for QUIET_DAYS days or more.

    ``since`` is the day the person joined (or was added): a newcomer is not quiet before
    QUIET_DAYS have passed since then, with or without an entry."""
    return status in EXPECTED_STATUSES and not active_within(last_active or since, today)


def quiet_cutoff(today: date) -> date:
    """An entry before this day no longer counts as "recent" (for queries)."""
    return today - timedelta(days=QUIET_DAYS - 1)


def last_active_text(
    last_active: date | None, today: date, *, quiet: bool = False, ago: bool = True
) -> str:
    """"Last active" in words: ``today``, ``5 days ago``, ``never``; ☾ first when quiet."""
    if last_active is None:
        text = _("never")
    else:
        days = (today - last_active).days
        if days <= 0:
            text = _("today") if days == 0 else _("planned")
        elif days == 1:
            text = _("yesterday")
        else:
            text = (_("{span} ago").format(span=describe_days(days)) if ago
                    else describe_days(days))
    return f"{QUIET_MARK} {text}" if quiet else text


def check_kind(value: str) -> str | None:
    if value not in KINDS:
        return _("Choose what the person did from the list.")
    return None


def check_happened_on(value: str, today: date) -> str | None:
    if not value.strip():
        return _("A date is required (dd.mm.yyyy).")
    try:
        when = parse_date(value)
    except DateError as error:
        return str(error)
    if when > today:
        return _("The log records what happened: the date cannot be in the future.")
    return None


def check_note(value: str) -> str | None:
    if len(value) > NOTE_MAX:
        return _("A note can be at most {note_max} characters long.").format(note_max=format_number(NOTE_MAX))
    return None

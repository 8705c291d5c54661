"""Ambassadors: who they are, and the rules a valid record follows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from advocacy_tui.domain.dates import DateError, parse_optional_date
from advocacy_tui.domain.topics import (
    check_formats,
    check_languages,
    check_topics,
    parse_formats,
    parse_languages,
    parse_topics,
)
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, Labels, _

ROLES: tuple[str, ...] = ("owner", "manager", "ambassador")
STATUSES: tuple[str, ...] = ("candidate", "invited", "onboarding", "active", "paused", "left")

ROLE_LABELS = Labels({"owner": N_("Owner"), "manager": N_("Manager"), "ambassador": N_("Ambassador")})
STATUS_LABELS = Labels({
    "candidate": N_("Candidate"),
    "invited": N_("Invited"),
    "onboarding": N_("Onboarding"),
    "active": N_("Active"),
    "paused": N_("Paused"),
    "left": N_("Left"),
})

NAME_MAX = 200
FIELD_MAX = 500
NOTES_MAX = 100_000

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


@dataclass(frozen=True)
class Ambassador:
    id: int | None
    name: str
    email: str | None = None
    department: str = ""
    role: str = "ambassador"
    status: str = "candidate"
    linkedin: str = ""
    joined: date | None = None
    notes: str = ""
    created_at: str = ""
    updated_at: str = ""
    #: what they can write about (as typed), the formats and languages they prefer (keys)
    topics: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    #: they agreed to be thanked by name in the digest (without it they are only counted)
    thanks_by_name: bool = False
    #: who recommended them for the program (a name, as typed); never ranked
    recommended_by: str = ""
    #: the day they were invited (their invitation wave)
    invited_on: date | None = None


#: what a person's form edits: a change to one of these by someone else is a conflict
EDITABLE_FIELDS = ("name", "email", "department", "role", "status", "linkedin", "joined", "notes",
                   "topics", "formats", "languages", "thanks_by_name", "recommended_by", "invited_on")


def changed_fields(before: Ambassador, after: Ambassador) -> tuple[str, ...]:
    """The editable fields whose values differ between two versions of one person."""
    return tuple(name for name in EDITABLE_FIELDS if getattr(before, name) != getattr(after, name))


class ValidationError(ValueError):
    """A record that breaks a rule. ``problems`` maps field name to a sentence."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))


def check_name(value: str) -> str | None:
    if not value.strip():
        return _("A name is required.")
    if len(value) > NAME_MAX:
        return _("A name can be at most {name_max} characters long.").format(name_max=NAME_MAX)
    return None


def check_email(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if len(value) > 254:
        return _("An email address can be at most 254 characters long.")
    if not _EMAIL.match(value):
        return _("This does not look like an email address (expected name@company.com).")
    return None


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: https://www.linkedin.com/in/name (or without the scheme, or pl.linkedin.com): plainly a profile
_USUAL_PROFILE = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/[A-Za-z0-9%_.~-]+/?\Z")


def check_linkedin(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if len(value) > FIELD_MAX:
        return _("This address is too long for a LinkedIn profile.")
    if _CONTROL.search(value):  # urlsplit would silently drop a CR/LF and keep it stored
        return _("A web address cannot hold a line break, a tab or another control character: "
                 "keep the address on one line.")
    if _USUAL_PROFILE.match(value):  # most of a file's addresses: no need to take it apart
        return None
    candidate = value if "://" in value else "https://" + value
    try:
        parts = urlsplit(candidate)
        host = (parts.hostname or "").lower()
    except ValueError:  # e.g. a stray "[" reads as a broken IPv6 address
        return _("Give a LinkedIn profile address, like https://www.linkedin.com/in/name.")
    if parts.scheme not in ("http", "https") or not (
        host == "linkedin.com" or host.endswith(".linkedin.com")
    ):
        return _("Give a LinkedIn profile address, like https://www.linkedin.com/in/name.")
    if not re.match(r"^/(in|pub)/[^/]+/?$", parts.path or ""):
        return _("That is a LinkedIn address but not a profile; profiles look like linkedin.com/in/name.")
    return None


def check_date(value: str) -> str | None:
    try:
        parse_optional_date(value)
    except DateError as error:
        return str(error)
    return None


def check_choice(value: str, choices: tuple[str, ...], what: str) -> str | None:
    if value not in choices:
        if what == "role":
            text = _("Unknown role “{value}”: choose one of {choices}.")
        elif what == "status":
            text = _("Unknown status “{value}”: choose one of {choices}.")
        else:
            text = _("Unknown {what} “{value}”: choose one of {choices}.")
        return text.format(what=what, value=value[:40], choices=", ".join(choices))
    return None


def check_text(value: str, limit: int = FIELD_MAX) -> str | None:
    if len(value) > limit:
        return _("This is too long: at most {limit} characters.").format(limit=format_number(limit))
    return None


def invitation_day(status: str, invited_on: date | None, previous_status: str | None,
                   today: date) -> date | None:
    """The day of a person's invitation: the one given, else today when their status becomes
    "invited" now (a new person, or another status before). An invitation already recorded
    without a day stays without one: the app does not guess when it was."""
    if invited_on is not None or status != "invited" or previous_status == "invited":
        return invited_on
    return today


def check_recommender(value: str) -> str | None:
    """Who recommended a person: a name, at most as long as a name."""
    return check_text(value, NAME_MAX)


def normalise_email(value: str | None) -> str | None:
    """Emails are kept as typed (trimmed); matching ignores case."""
    value = (value or "").strip()
    return value or None


def normalise_linkedin(value: str | None) -> str:
    value = (value or "").strip()
    if value and "://" not in value:
        value = "https://" + value
    return value


def build_ambassador(fields: dict[str, str], *, id: int | None = None) -> Ambassador:
    """Validate text fields as typed in a form or a file and build an Ambassador.

    Raises ValidationError listing every problem, field by field.
    """
    name = fields.get("name") or ""
    email = fields.get("email") or ""
    department = fields.get("department") or ""
    linkedin = fields.get("linkedin") or ""
    notes = fields.get("notes") or ""
    role = (fields.get("role") or "").strip().lower() or "ambassador"
    status = (fields.get("status") or "").strip().lower() or "candidate"
    # the lists are often absent (most HR files have no topics): nothing to read then
    topics, formats, languages = ((fields.get(key) or "").strip() for key in ("topics", "formats", "languages"))
    recommended_by = fields.get("recommended_by") or ""
    joined: date | None = None
    try:
        joined = parse_optional_date(fields.get("joined") or "")
        date_problem = None
    except DateError as error:
        date_problem = str(error)
    invited_on: date | None = None
    try:
        invited_on = parse_optional_date(fields.get("invited_on") or "")
        invited_problem = None
    except DateError as error:
        invited_problem = str(error)
    checks = {
        "name": check_name(name),
        "email": check_email(email),
        "department": check_text(department),
        "role": check_choice(role, ROLES, "role"),
        "status": check_choice(status, STATUSES, "status"),
        "linkedin": check_linkedin(linkedin),
        "joined": date_problem,
        "recommended_by": check_recommender(recommended_by),
        "invited_on": invited_problem,
        "notes": check_text(notes, NOTES_MAX),
        "topics": check_topics(topics) if topics else None,
        "formats": check_formats(formats) if formats else None,
        "languages": check_languages(languages) if languages else None,
    }
    problems = {key: message for key, message in checks.items() if message}
    if problems:
        raise ValidationError(problems)
    return Ambassador(
        id=id,
        name=name.strip(),
        email=normalise_email(email),
        department=department.strip(),
        role=role,
        status=status,
        linkedin=normalise_linkedin(linkedin),
        joined=joined,
        notes=notes,
        topics=parse_topics(topics) if topics else (),
        formats=parse_formats(formats) if formats else (),
        languages=parse_languages(languages) if languages else (),
        thanks_by_name=(fields.get("thanks_by_name") or "").strip().lower() in ("1", "true"),
        recommended_by=" ".join(recommended_by.split()),
        invited_on=invited_on,
    )

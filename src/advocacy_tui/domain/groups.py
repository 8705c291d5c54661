"""Groups of people and campaigns: what they are and the rules for their names and dates.

A group (a cohort by onboarding date, a team, "sales ambassadors", a language) filters the
roster and sums the program's outcomes; it never ranks anyone. A campaign (an open day, a
recruitment drive) bundles posts and library items over a date range."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from advocacy_tui.domain.ambassadors import ValidationError
from advocacy_tui.domain.dates import DateError, parse_date
from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import _

NAME_MAX = 100
NOTES_MAX = 5_000
#: Below this many members a group's figures would come close to one person's: they are not
#: shown per group (the program never shows a figure per person beside others').
MIN_GROUP_FOR_FIGURES = 3


@dataclass(frozen=True)
class Group:
    id: int | None
    name: str
    members: int = 0
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class Campaign:
    id: int | None
    name: str
    starts_on: date
    ends_on: date
    notes: str = ""
    created_at: str = ""
    updated_at: str = ""

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def clean_name(value: str) -> str:
    """A group's or campaign's name as stored: one line, spaces at the ends dropped."""
    return printable(value).strip()


def check_group_name(value: str) -> str | None:
    name = clean_name(value)
    if name != value.strip():
        return _("A name cannot hold control characters or line breaks: type it on one line, as plain text.")
    if "," in name or ";" in name:
        return _("A group's name cannot hold a comma or a semicolon: they separate groups in a roster file.")
    if not name:
        return _("A group needs a name, e.g. “Sales ambassadors” or “Spring 2026 cohort”.")
    if len(name) > NAME_MAX:
        return _("A name can be at most {name_max} characters long.").format(name_max=NAME_MAX)
    return None


def parse_group_list(text: str) -> tuple[str, ...]:
    """The groups of a roster file's cell ("Sales ambassadors; Autumn 2026 cohort"), each once
    whatever its case, in the order written."""
    seen: set[str] = set()
    names: list[str] = []
    for piece in re.split(r"[,;]", text or ""):
        name = piece.strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return tuple(names)


def check_group_list(text: str) -> str | None:
    """A sentence saying what is wrong with a cell of groups, or None."""
    for name in parse_group_list(text):
        problem = check_group_name(name)
        if problem:
            return _("“{name}”: {problem}").format(name=printable(name[:40]), problem=problem)
    return None


def check_campaign_name(value: str) -> str | None:
    name = clean_name(value)
    if name != value.strip():
        return _("A name cannot hold control characters or line breaks: type it on one line, as plain text.")
    if not name:
        return _("A campaign needs a name, e.g. “Open day” or “Recruitment drive”.")
    if len(name) > NAME_MAX:
        return _("A name can be at most {name_max} characters long.").format(name_max=NAME_MAX)
    return None


def check_day(value: str) -> str | None:
    if not value.strip():
        return _("A date is required (dd.mm.yyyy).")
    try:
        parse_date(value)
    except DateError as error:
        return str(error)
    return None


def build_campaign(values: dict[str, str], *, id: int | None = None) -> Campaign:
    """A campaign from a form's texts, or ValidationError naming each wrong field."""
    problems: dict[str, str] = {}
    for field, check in (("name", check_campaign_name), ("starts_on", check_day), ("ends_on", check_day)):
        problem = check(values.get(field, ""))
        if problem:
            problems[field] = problem
    notes = values.get("notes", "")
    if len(notes) > NOTES_MAX:
        problems["notes"] = _("Keep the notes under {n} characters.").format(n=NOTES_MAX)
    if not problems:
        starts, ends = parse_date(values["starts_on"]), parse_date(values["ends_on"])
        if ends < starts:
            problems["ends_on"] = _("The campaign cannot end before it starts.")
    if problems:
        raise ValidationError(problems)
    return Campaign(id, clean_name(values["name"]), parse_date(values["starts_on"]),
                    parse_date(values["ends_on"]), notes.strip())

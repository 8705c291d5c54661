"""Reading and writing the dates people type: dd.mm.yyyy (Polish habit) or ISO."""

from __future__ import annotations

import re
from datetime import date

from advocacy_tui.i18n import _

_DOTTED = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


class DateError(ValueError):
    """A date that could not be read; the message is for the user."""


def parse_date(text: str) -> date:
    """Read ``31.12.2026``, ``31/12/2026``, ``31-12-2026`` or ``2026-12-31``.

    Raises DateError with a sentence saying what is wrong.
    """
    match = _ISO.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = _DOTTED.match(text)
        if not match:
            raise DateError(
                _("“{value}” is not a date: write it as dd.mm.yyyy (31.12.2026) or yyyy-mm-dd (2026-12-31).").format(value=text.strip()[:40])
            )
        day, month, year = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise DateError(_("There is no month {month}: months go from 1 to 12.").format(month=month))
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(_("{day:02d}.{month:02d}.{year} does not exist in the calendar.").format(day=day, month=month, year=year)) from None


def parse_optional_date(text: str | None) -> date | None:
    if text is None or not text.strip():
        return None
    return parse_date(text)


def format_date(value: date | None) -> str:
    """Show a date the way the app's users write it: dd.mm.yyyy."""
    return value.strftime("%d.%m.%Y") if value else ""

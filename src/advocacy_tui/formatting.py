"""Dates, numbers and percentages written the way the reader's language writes them.

One place for every number and date a user sees, through Babel's formatters (CLDR data):

=================  ================  ================
                   Polish (pl)       English (en)
=================  ================  ================
format_date        02.12.2026        02.12.2026
format_date short  2 gru 2026        2 Dec 2026
format_date day    śr. 2 gru         Wed 2 Dec
month_title        Grudzień 2026     December 2026
month_label        kwi 2026          Apr 2026
format_number      12 345,5          12,345.5
format_percent     42 %              42%
=================  ================  ================

The numeric date stays dd.mm.yyyy in both languages: it is how the app's users type dates
(``domain.dates.parse_date`` reads it back). The language is the one in use
(``i18n.current_language()``) unless one is given. No Textual, no Rich.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from advocacy_tui.i18n import current_language

# Polish typography puts a (non-breaking) space before the percent sign; CLDR's Polish pattern
# has none, so the pattern is given here.
_PERCENT_PATTERNS = {"pl": "#,##0\u00a0%", "en": "#,##0%"}
_DATE_PATTERNS = {"short": "d MMM y", "day": "EEE d MMM", "long": "d MMMM y", "weekday": "EEEE"}


def _language(language: str | None) -> str:
    return language or current_language()


def format_date(value: date | datetime | None, style: str = "numeric", language: str | None = None) -> str:
    """A date as text; "" for no date.

    ``style``: "numeric" (02.12.2026), "short" (2 gru 2026), "day" (śr. 2 gru), "long"
    (2 grudnia 2026) or "weekday" (środa).
    """
    from babel import dates as babel_dates  # Babel only where a date or number is written
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if style == "numeric":
        return value.strftime("%d.%m.%Y")
    if style not in _DATE_PATTERNS:
        raise ValueError(f"unknown date style {style!r}")
    return babel_dates.format_date(value, _DATE_PATTERNS[style], locale=_language(language))


def format_time(value: datetime, language: str | None = None) -> str:
    """The time of day, 24-hour in Polish (14:05), as English readers expect it in English."""
    from babel import dates as babel_dates  # Babel only where a date or number is written
    return babel_dates.format_time(value, "HH:mm" if _language(language) == "pl" else "h:mm a",
                                   locale=_language(language))


def month_title(year: int, month: int, language: str | None = None) -> str:
    """A month as a heading: "Grudzień 2026", "December 2026" (the nominative in Polish)."""
    from babel import dates as babel_dates  # Babel only where a date or number is written
    text = babel_dates.format_date(date(year, month, 1), "LLLL y", locale=_language(language))
    return text[:1].upper() + text[1:]


def month_in_text(value: date, language: str | None = None) -> str:
    """A month inside a sentence: "March 2026"; in Polish the form that follows "od" and
    "do" ("od marca 2026", "do września 2026")."""
    from babel import dates as babel_dates  # Babel only where a date or number is written
    return babel_dates.format_date(value, "MMMM y", locale=_language(language))


def month_label(value: date, with_year: bool = True, wide: bool = False, language: str | None = None) -> str:
    """A month in a table cell or under a chart's axis: "kwi 2026" / "Apr 2026", "maj" /
    "May" without the year; ``wide``: "listopad 2026" / "November 2026" (the nominative,
    lower case in Polish as in a sentence)."""
    from babel import dates as babel_dates  # Babel only where a date or number is written
    pattern = ("LLLL" if wide else "LLL") + (" y" if with_year else "")
    return babel_dates.format_date(value, pattern, locale=_language(language))


def weekday_names(short: bool = True, language: str | None = None) -> list[str]:
    """Monday first: ["pon.", "wt.", ...] or ["Mon", "Tue", ...]."""
    from babel import dates as babel_dates  # Babel only where a date or number is written
    width: Literal["abbreviated", "wide"] = "abbreviated" if short else "wide"
    names = babel_dates.get_day_names(width, context="format", locale=_language(language))
    return [names[day] for day in range(7)]


def format_number(value: float, decimals: int | None = None, language: str | None = None) -> str:
    """12 345,5 in Polish, 12,345.5 in English; ``decimals`` fixes the digits after the point."""
    from babel import numbers as babel_numbers  # Babel only where a date or number is written
    if decimals is None:
        return babel_numbers.format_decimal(value, locale=_language(language))
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return babel_numbers.format_decimal(value, pattern, locale=_language(language))


def format_percent(share: float, decimals: int = 0, language: str | None = None) -> str:
    """A share (0.42) as a percentage: "42 %" in Polish, "42%" in English."""
    from babel import numbers as babel_numbers  # Babel only where a date or number is written
    language = _language(language)
    pattern = _PERCENT_PATTERNS.get(language, _PERCENT_PATTERNS["en"])
    if decimals > 0:
        pattern = pattern.replace("#,##0", "#,##0." + "0" * decimals)
    return babel_numbers.format_percent(share, pattern, locale=language)

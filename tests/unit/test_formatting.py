"""Dates, numbers and percentages in the reader's language (advocacy_tui.formatting)."""

from datetime import date, datetime

import pytest

from advocacy_tui import i18n
from advocacy_tui.formatting import (
    format_date,
    format_number,
    format_percent,
    format_time,
    month_title,
    weekday_names,
)

DAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    i18n.set_language("en")


def test_numeric_date_is_dd_mm_yyyy_in_both_languages():
    assert format_date(DAY, language="pl") == "02.12.2026"
    assert format_date(DAY, language="en") == "02.12.2026"
    assert format_date(None) == ""
    assert format_date(datetime(2026, 12, 2, 14, 5)) == "02.12.2026"


def test_named_dates_use_polish_month_and_weekday_names():
    assert format_date(DAY, "short", language="pl") == "2 gru 2026"
    assert format_date(DAY, "day", language="pl") == "śr. 2 gru"
    assert format_date(DAY, "long", language="pl") == "2 grudnia 2026"
    assert format_date(DAY, "weekday", language="pl") == "środa"
    assert format_date(DAY, "short", language="en") == "2 Dec 2026"


def test_unknown_style_is_refused():
    with pytest.raises(ValueError):
        format_date(DAY, "fancy")


def test_month_title_is_capitalised_nominative():
    assert month_title(2026, 12, language="pl") == "Grudzień 2026"
    assert month_title(2026, 5, language="pl") == "Maj 2026"
    assert month_title(2026, 12, language="en") == "December 2026"


def test_weeks_start_on_monday():
    assert weekday_names(language="pl")[0] == "pon."
    assert weekday_names(short=False, language="pl")[6] == "niedziela"
    assert weekday_names(language="en")[:2] == ["Mon", "Tue"]


def test_polish_numbers_have_a_decimal_comma_and_spaced_thousands():
    assert format_number(12345.5, language="pl").replace("\u00a0", " ") == "12 345,5"
    assert format_number(3.5, decimals=1, language="pl") == "3,5"
    assert format_number(6, decimals=1, language="pl") == "6,0"
    assert format_number(12345.5, language="en") == "12,345.5"
    assert format_number(7, decimals=0, language="en") == "7"


def test_percent_has_a_space_before_the_sign_in_polish():
    assert format_percent(0.42, language="pl").replace("\u00a0", " ") == "42 %"
    assert format_percent(0.425, decimals=1, language="pl").replace("\u00a0", " ") == "42,5 %"
    assert format_percent(0.42, language="en") == "42%"


def test_time_of_day():
    assert format_time(datetime(2026, 12, 2, 14, 5), language="pl") == "14:05"


def test_the_language_in_use_is_the_default():
    i18n.set_language("pl")
    assert format_number(1.5) == "1,5"
    assert month_title(2026, 1) == "Styczeń 2026"
    i18n.set_language("en")
    assert format_number(1.5) == "1.5"

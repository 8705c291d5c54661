from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_tui.domain.dates import DateError, format_date, parse_date, parse_optional_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31.12.2026", date(2026, 12, 31)),
        ("1.2.2026", date(2026, 2, 1)),
        ("29.02.2028", date(2028, 2, 29)),
        ("2026-12-31", date(2026, 12, 31)),
        (" 05/06/2026 ", date(2026, 6, 5)),
    ],
)
def test_reads_polish_and_iso_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["29.02.2026", "31.04.2026", "2026-13-01", "yesterday", "12.2026", ""])
def test_refuses_dates_that_do_not_exist_with_words(text):
    with pytest.raises(DateError) as error:
        parse_date(text)
    assert len(str(error.value)) > 15


def test_empty_optional_date_is_none():
    assert parse_optional_date("  ") is None


@given(st.dates(min_value=date(1000, 1, 1)))
def test_formatted_dates_read_back(value):
    assert parse_date(format_date(value)) == value
    assert parse_date(value.isoformat()) == value


@given(st.text(max_size=30))
def test_any_text_either_parses_or_says_why(text):
    try:
        parse_date(text)
    except DateError as error:
        assert str(error)

"""The month grid's words in the language in use: weekday headers from Babel (issue 17)."""

import pytest

from advocacy_tui import i18n
from advocacy_tui.widgets.month_grid import day_counts_text, header_names


@pytest.fixture
def polish():
    i18n.set_language("pl")
    yield
    i18n.set_language("en")


def test_english_headers_as_before():
    assert header_names(0, 11)[:3] == ["Mon", "Tue", "Wed"]
    assert header_names(0, 12)[2] == "Wednesday"
    assert header_names(6, 11)[:2] == ["Sun", "Mon"]


def test_polish_headers_start_on_the_given_day(polish):
    assert header_names(0, 11) == ["Pon.", "Wt.", "Śr.", "Czw.", "Pt.", "Sob.", "Niedz."]
    assert header_names(0, 17)[0] == "Poniedziałek"


def test_polish_full_names_only_when_every_one_fits(polish):
    # "Poniedziałek" needs 13 cells with its leading space: at 12 all are abbreviated
    assert header_names(0, 12)[0] == "Pon."
    assert header_names(0, 12)[4] == "Pt."


def test_polish_count_of_posts_when_symbols_do_not_fit(polish):
    assert day_counts_text({"idea": 1, "draft": 1, "ready": 1, "published": 2}, 8) == "5 postów"
    assert day_counts_text({"idea": 1, "draft": 1, "ready": 1}, 7) == "3 posty"

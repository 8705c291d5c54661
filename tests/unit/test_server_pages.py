"""The pages the server answers with instead of the app count people in real plurals."""

import pytest

from advocacy_tui import i18n
from advocacy_tui.web.server import full_page


@pytest.fixture
def polish():
    i18n.set_language("pl")
    yield
    i18n.set_language("en")


def test_full_page_counts_one_person_in_the_singular():
    assert "1 person is already working" in full_page(1).text
    assert "3 people are already working" in full_page(3).text


@pytest.mark.parametrize(("limit", "words"), [(1, "pracuje już 1 osoba"), (3, "pracują już 3 osoby"),
                                               (5, "pracuje już 5 osób"), (22, "pracują już 22 osoby")])
def test_full_page_in_polish_uses_the_three_plural_forms(polish, limit, words):
    assert words in full_page(limit).text

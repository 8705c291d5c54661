"""A readiness run keeps its own language: its words come from the catalogue of the run's
language, whatever language the app speaks."""

import pytest

from advocacy_tui import i18n
from advocacy_tui.data.readiness import builtin_bank
from advocacy_tui.domain.readiness_texts import answer_label, verdict_label, words


@pytest.fixture
def app_language():
    yield i18n.set_language
    i18n.set_language("en")


def test_a_polish_run_speaks_polish_in_an_english_app(app_language):
    app_language("en")
    assert verdict_label("pl", "prepare") == "Najpierw przygotowanie"
    assert words("pl").gettext("Why it matters") == "Dlaczego to ważne"
    assert i18n._("Why it matters") == "Why it matters"


def test_an_english_run_speaks_english_in_a_polish_app(app_language):
    app_language("pl")
    assert verdict_label("en", "wait") == "Wait"
    assert words("en").gettext("Why it matters") == "Why it matters"
    assert i18n._("Why it matters") == "Dlaczego to ważne"


def test_counts_and_numbers_follow_the_run_language(app_language):
    app_language("en")
    polish = words("pl")
    answered = ("{answered} of {total} question answered", "{answered} of {total} questions answered")
    assert polish.ngettext(*answered, 15).format(answered=8, total=15) == "Odpowiedzi: 8 z 15"
    hours = builtin_bank("readiness-quick", "pl").question("resources.owner_hours")
    assert answer_label("pl", hours, "3.5") == "3,5 godz. tygodniowo"
    assert answer_label("en", builtin_bank("readiness-quick", "en").question("resources.owner_hours"),
                        "3.5") == "3.5 hours a week"

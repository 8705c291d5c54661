"""The task rules' words in Polish (issue 17): recurrence in a table cell, in a sentence and as
typed in the form; the weekly load; the quick-add line and its errors read Polish words."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advocacy_tui import i18n
from advocacy_tui.domain.tasks import (
    Load,
    QuickAddError,
    Recurrence,
    RecurrenceError,
    check_estimate,
    check_hours,
    parse_quick_add,
    parse_recurrence,
)

FRIDAY = date(2026, 11, 27)


@pytest.fixture
def polish():
    i18n.set_language("pl")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("stored, short, words, typed", [
    ("daily", "codziennie", "codziennie", "codziennie"),
    ("weekdays", "pn–pt", "w dni robocze", "robocze"),
    ("weekly:tue", "co wt", "we wtorki", "tygodniowo:wt"),
    ("weekly:mon,thu", "pn,czw", "w poniedziałki i czwartki", "tygodniowo:pn,czw"),
    ("weekly:mon,wed,fri,sun", "4× w tyg.", "w poniedziałki, środy, piątki i niedziele",
     "tygodniowo:pn,śr,pt,nd"),
    ("monthly:15", "co mies. 15", "co miesiąc, 15. dnia", "miesięcznie:15"),
    ("monthly:30", "co mies. 30", "co miesiąc, 30. dnia (lub ostatniego dnia miesiąca)", "miesięcznie:30"),
    ("monthly:31", "co mies. 31", "co miesiąc, ostatniego dnia", "miesięcznie:31"),
    ("none", "", "jednorazowo", "brak"),
])
def test_recurrence_words_in_polish(polish, stored, short, words, typed):
    rule = parse_recurrence(stored)
    assert (rule.short(), rule.describe(), rule.typed()) == (short, words, typed)
    assert rule.text() == stored  # the stored form stays the same in every language
    assert parse_recurrence(typed) == rule


def test_recurrence_words_in_english_are_unchanged():
    rule = parse_recurrence("weekly:mon,thu")
    assert (rule.short(), rule.describe(), rule.typed()) == ("Mon,Thu", "every Monday and Thursday",
                                                             "weekly:mon,thu")


@given(kind=st.sampled_from(["daily", "weekdays", "weekly", "monthly", "none"]),
       days=st.sets(st.integers(0, 6), min_size=1), day=st.integers(1, 31))
def test_the_polish_typed_rule_reads_back_in_either_language(kind, days, day):
    rule = Recurrence(kind, tuple(sorted(days)) if kind == "weekly" else (), day if kind == "monthly" else 0)
    try:
        i18n.set_language("pl")
        typed = rule.typed()
    finally:
        i18n.set_language("en")
    assert parse_recurrence(typed) == rule


def test_polish_words_in_a_repeat_rule(polish):
    assert parse_recurrence("co tydzień: śr, piątek") == Recurrence("weekly", (2, 4))
    with pytest.raises(RecurrenceError, match="„xx” to nie dzień: użyj pn, wt"):
        parse_recurrence("tygodniowo:xx")
    with pytest.raises(RecurrenceError, match="to nie reguła powtarzania"):
        parse_recurrence("co rok")


def test_load_words_in_polish(polish):
    assert Load(400, 360).words() == "zaplanowano 6 h 40 min z 6 h: 40 min ponad"
    assert Load(100, 360).words() == "zaplanowano 1 h 40 min z 6 h: 4 h 20 min wolne"
    assert "Ustawienia programu" in Load(100, 0).words()


def test_quick_add_reads_polish_words(polish):
    draft = parse_quick_add("Napisać posty #posty pt 45m co tydzień", FRIDAY)
    assert (draft.title, draft.category, draft.due, draft.estimate, draft.recurrence.text()) == (
        "Napisać posty", "sample_posts", FRIDAY, 45, "weekly:fri")
    draft = parse_quick_add("Odpowiedzieć Oli #pytania jutro w dni robocze", FRIDAY)
    assert (draft.title, draft.category, draft.recurrence.text()) == ("Odpowiedzieć Oli", "qa", "weekdays")
    assert draft.due == date(2026, 11, 30)  # tomorrow is Saturday: the first weekday after it
    assert parse_quick_add("Dyżur co pn,czw", FRIDAY).recurrence.text() == "weekly:mon,thu"


def test_quick_add_keeps_polish_day_words_in_an_english_title():
    draft = parse_quick_add("Prepare PT slides", FRIDAY)
    assert (draft.title, draft.due) == ("Prepare PT slides", None)


def test_quick_add_and_estimate_errors_in_polish(polish):
    with pytest.raises(QuickAddError, match="#xyz to nie kategoria: użyj #posty, #grafiki"):
        parse_quick_add("Coś #xyz", FRIDAY)
    with pytest.raises(QuickAddError, match="Najpierw napisz, co zrobić"):
        parse_quick_add("jutro 20m", FRIDAY)
    assert check_estimate("abc") == "Wpisz minuty (45) albo godziny i minuty (1h30m)."
    assert check_hours("dużo") == "Wpisz liczbę godzin, np. 6 albo 4,5."

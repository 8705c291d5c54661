"""The .ics files speak the program's language: the calendar's name and each event's
description words (issue 17)."""

from datetime import date

import pytest
from icalendar import Calendar

from advocacy_tui import i18n
from advocacy_tui.data.calendar_export import build_ics, build_tasks_ics
from advocacy_tui.data.posts import PostRepo
from advocacy_tui.domain.posts import Post


@pytest.fixture
def polish():
    i18n.set_language("pl")
    yield
    i18n.set_language("en")


def _post(store):
    PostRepo(store).add(Post(None, "Rok w zespole", planned_on=date(2026, 11, 27), state="draft",
                             notes="Zapytać o zdjęcie"))


def test_calendar_file_in_polish(store, polish):
    _post(store)
    calendar = Calendar.from_ical(build_ics(store, voice_labels={"personal": "Marka ekspercka"}))
    assert str(calendar["x-wr-calname"]) == "Kalendarz treści ambasadorów"
    description = str(next(c for c in calendar.walk() if c.name == "VEVENT")["description"])
    assert "Stan: Szkic" in description and "Kanał: LinkedIn" in description
    assert "Notatki: Zapytać o zdjęcie" in description
    assert "State:" not in description and "Notes:" not in description


def test_calendar_file_in_english_by_default(store):
    _post(store)
    calendar = Calendar.from_ical(build_ics(store))
    assert str(calendar["x-wr-calname"]) == "Advocacy content calendar"
    description = str(next(c for c in calendar.walk() if c.name == "VEVENT")["description"])
    assert "State: Draft" in description


def test_tasks_file_named_in_polish(store, polish):
    assert str(Calendar.from_ical(build_tasks_ics(store))["x-wr-calname"]) == \
        "Zadania programu ambasadorskiego"

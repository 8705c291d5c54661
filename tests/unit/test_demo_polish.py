"""The Polish demo program: a Polish company, chosen by the language, shaped like the English one."""

import pytest

from advocacy_tui import i18n
from advocacy_tui.data.demo import open_demo

SHAPE = {
    "people by role and status": "SELECT role, status, count(*) FROM ambassadors GROUP BY 1, 2",
    "posts by state and voice": "SELECT state, voice, count(*) FROM posts GROUP BY 1, 2",
    "posts by day": "SELECT planned_on, count(*) FROM posts GROUP BY 1",
    "tasks": "SELECT category, recurrence, due_on, done_at IS NULL, count(*) FROM tasks GROUP BY 1, 2, 3, 4",
    "stakeholders": "SELECT kind, stance, count(*) FROM stakeholders GROUP BY 1, 2",
    "involvement": "SELECT kind, count(*) FROM involvement GROUP BY 1",
    "onboarding": "SELECT step, count(*) FROM onboarding_steps GROUP BY 1",
}


@pytest.fixture
def demos(tmp_path, clock):
    (tmp_path / "en").mkdir()
    (tmp_path / "pl").mkdir()
    english = open_demo(clock, tmp_path / "en", language="en")
    polish = open_demo(clock, tmp_path / "pl", language="pl")
    yield english, polish
    english.close()
    polish.close()


def column(store, sql):
    return [row[0] for row in store.db.conn.execute(sql).fetchall()]


def test_polish_demo_is_a_polish_company(demos):
    _english, polish = demos
    names = column(polish, "SELECT name FROM ambassadors")
    departments = set(column(polish, "SELECT department FROM ambassadors"))
    assert {"Sprzedaż", "Kadry", "Logistyka", "Księgowość"} <= departments
    assert not {"Sales", "HR", "Logistics", "Finance", "Engineering"} & departments
    for english_name in ("Sarah", "James", "Emily", "Oliver", "Grace", "Harry", "Sophie", "Ryan"):
        assert not any(name.startswith(english_name) for name in names)
    assert all(email.endswith("@kormoran.example") for email in column(polish, "SELECT email FROM ambassadors"))
    assert column(polish, "SELECT value FROM settings WHERE key = 'program_name'") == ["Głosy Kormorana"]
    assert "Dział prawny i compliance" in column(polish, "SELECT name FROM stakeholders")
    assert column(polish, "SELECT DISTINCT language FROM readiness_runs") == ["pl"]
    assert set(column(polish, "SELECT language FROM library_items")) == {"pl"}


def test_polish_demo_has_the_polish_season(demos):
    _english, polish = demos
    texts = " ".join(column(polish, "SELECT title || ' ' || body FROM library_items")
                     + column(polish, "SELECT title || ' ' || body FROM posts")
                     + column(polish, "SELECT title FROM tasks"))
    for word in ("majówk", "Wszystkich Świętych", "Dzień Otwarty", "Dnia Otwartego"):
        assert word in texts, word


def test_polish_demo_has_the_shape_of_the_english_one(demos):
    english, polish = demos
    for what, sql in SHAPE.items():
        assert sorted(english.db.conn.execute(sql).fetchall()) == sorted(polish.db.conn.execute(sql).fetchall()), what


def test_demo_follows_the_language_in_use(tmp_path, clock):
    try:
        i18n.set_language("pl")
        store = open_demo(clock, tmp_path)
        assert "Sprzedaż" in column(store, "SELECT department FROM ambassadors")
        store.close()
    finally:
        i18n.set_language("en")
    (tmp_path / "again").mkdir()
    store = open_demo(clock, tmp_path / "again")
    assert "Sales" in column(store, "SELECT department FROM ambassadors")
    store.close()


def test_graces_draft_does_not_thank_herself(demo_store):
    body = column(demo_store, "SELECT body FROM posts WHERE title = 'My onboarding buddy, one year on'")[0]
    assert "Grace showed me" not in body

"""Issue 15: the program report says what the app says (load, labels, program name)."""

from __future__ import annotations

from advocacy_tui.data.reports import program_report
from advocacy_tui.data.settings import SettingsRepo
from advocacy_tui.data.tasks import TaskRepo
from advocacy_tui.data.today import TodayRepo
from advocacy_tui.domain.tasks import week_start


def test_report_load_is_todays_load(demo_store):
    tasks = TaskRepo(demo_store)
    load = tasks.load(week_start(demo_store.clock.today()))
    text = program_report(demo_store, "md")
    assert load.words() in text
    assert "about" not in text.split("## This week's load")[1].split("##")[0]


def test_report_uses_the_apps_labels_and_the_program_name(demo_store):
    text = program_report(demo_store, "md")
    assert "| Owner |" in text and "| owner |" not in text
    assert "| Candidate |" in text or "| Active |" in text
    assert "| candidate |" not in text and "| active |" not in text
    assert "Topics and content library shown" in text and "Ideas and library shown" not in text
    assert demo_store.path.name not in text
    name = SettingsRepo(demo_store).program_name
    assert name and name in text.splitlines()[2]


def test_report_mix_is_todays_mix_with_its_base(demo_store):
    mix = TodayRepo(demo_store).content_mix()
    text = program_report(demo_store, "md")
    assert f"{mix.total} published in the last 30 days" in text


def test_empty_program_never_says_zero_point_zero_hours(store):
    text = program_report(store, "md")
    assert "0.0" not in text

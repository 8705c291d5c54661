"""Calendars for real clients: times in a named zone with its VTIMEZONE, times the spring
change skips, METHOD:PUBLISH, and deleted posts written as cancelled for a while.
Every file is read back with icalendar and with vobject."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar

from advocacy_tui.config import ConfigError, parse_settings
from advocacy_tui.data.calendar_export import build_ics, system_zone_name
from advocacy_tui.data.posts import PostRepo
from advocacy_tui.data.store import Store
from advocacy_tui.domain.clock import FixedClock
from advocacy_tui.domain.posts import Post
from tests.cli.helpers import run_cli

WARSAW = ZoneInfo("Europe/Warsaw")
UTC = ZoneInfo("UTC")


def events(data: bytes):
    return [c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT"]


def test_events_are_written_in_the_named_zone_with_its_vtimezone(store):
    PostRepo(store).add(Post(None, "Południe", planned_on=date(2026, 11, 27), planned_time=time(12, 0)))
    data = build_ics(store, zone=WARSAW)
    text = data.decode("utf-8")
    assert "METHOD:PUBLISH\r\n" in text
    assert "DTSTART;TZID=Europe/Warsaw:20261127T120000\r\n" in text
    assert "DTEND;TZID=Europe/Warsaw:20261127T123000\r\n" in text
    assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")
    calendar = Calendar.from_ical(data)
    assert [c["TZID"] for c in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    (event,) = events(data)
    assert event.decoded("dtstart") == datetime(2026, 11, 27, 11, 0, tzinfo=UTC)
    parsed = vobject.readOne(text)
    assert parsed.vevent.dtstart.value.astimezone(UTC) == datetime(2026, 11, 27, 11, 0, tzinfo=UTC)
    assert parsed.vevent.dtstart.value.utcoffset().total_seconds() == 3600


def test_a_time_the_spring_change_skips_is_written_as_rfc_5545_reads_it(store):
    # 02:30 does not exist in Warsaw on 28 March 2027: RFC 5545 reads it with the offset before
    # the gap (+01:00), i.e. 01:30 UTC, which is 03:30 on the clock after the change.
    PostRepo(store).add(Post(None, "Skok", planned_on=date(2027, 3, 28), planned_time=time(2, 30)))
    data = build_ics(store, zone=WARSAW)
    assert b"DTSTART;TZID=Europe/Warsaw:20270328T033000\r\n" in data
    (event,) = events(data)
    assert event.decoded("dtstart") == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    parsed = vobject.readOne(data.decode("utf-8"))
    assert parsed.vevent.dtstart.value.astimezone(UTC) == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)


def test_a_zone_without_a_name_is_written_in_utc(store):
    from datetime import timedelta, timezone

    PostRepo(store).add(Post(None, "X", planned_on=date(2026, 11, 27), planned_time=time(12, 0)))
    data = build_ics(store, zone=timezone(timedelta(hours=2)))
    assert b"DTSTART:20261127T100000Z\r\n" in data and b"VTIMEZONE" not in data


def test_deleted_post_is_cancelled_with_a_higher_sequence_then_forgotten(tmp_path):
    clock = FixedClock.at("2026-11-20T09:00:00+01:00")
    store = Store.open(tmp_path / "c.db", clock=clock)
    repo = PostRepo(store)
    post_id = repo.add(Post(None, "Znika", planned_on=date(2026, 11, 27), planned_time=time(9, 0)))
    uid = repo.get(post_id).uid
    (before,) = events(build_ics(store, zone=WARSAW))
    store.close()
    store = Store.open(tmp_path / "c.db", clock=FixedClock.at("2026-11-21T10:00:00+01:00"))
    PostRepo(store).delete(post_id)
    data = build_ics(store, zone=WARSAW, cancelled_days=30)
    (after,) = events(data)
    assert str(after["uid"]) == uid
    assert str(after["status"]) == "CANCELLED"
    assert int(after["sequence"]) > int(before["sequence"])
    assert after.decoded("dtstart") == before.decoded("dtstart")
    assert "Znika" not in data.decode("utf-8")  # a tombstone keeps no text
    parsed = vobject.readOne(data.decode("utf-8"))
    assert parsed.vevent.status.value == "CANCELLED"
    # outside the --from/--to window it is not written
    assert events(build_ics(store, date(2026, 12, 1), None, zone=WARSAW, cancelled_days=30)) == []
    store.close()
    store = Store.open(tmp_path / "c.db", clock=FixedClock.at("2026-12-22T10:00:00+01:00"))
    assert events(build_ics(store, zone=WARSAW, cancelled_days=30)) == []
    store.close()


def test_timezone_and_cancelled_days_settings(tmp_path):
    settings = parse_settings({"timezone": "Europe/Warsaw", "calendar_cancelled_days": 45},
                              tmp_path / "c.toml")
    assert settings.timezone == "Europe/Warsaw" and settings.calendar_cancelled_days == 45
    with pytest.raises(ConfigError, match="timezone"):
        parse_settings({"timezone": "Mars/Olympus"}, tmp_path / "c.toml")
    with pytest.raises(ConfigError, match="calendar_cancelled_days"):
        parse_settings({"calendar_cancelled_days": 0}, tmp_path / "c.toml")
    assert parse_settings({}, tmp_path / "c.toml").timezone is None
    assert parse_settings({}, tmp_path / "c.toml").page_size == "A4"
    assert parse_settings({"page_size": "Letter"}, tmp_path / "c.toml").page_size == "letter"
    with pytest.raises(ConfigError, match="page_size"):
        parse_settings({"page_size": "A4; }"}, tmp_path / "c.toml")


def test_system_zone_name_reads_tz(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Warsaw")
    assert system_zone_name() == "Europe/Warsaw"


def test_cli_export_on_a_utc_machine_writes_the_configured_zone(tmp_path):
    db = tmp_path / "c.db"
    with Store.open(db) as store:
        PostRepo(store).add(Post(None, "Południe", planned_on=date(2026, 11, 27), planned_time=time(12, 0)))
    out = tmp_path / "plan.ics"
    result = run_cli("export", "calendar", "-o", str(out), "--db", str(db), env={"TZ": "Europe/Warsaw"})
    assert result.returncode == 0, result.stderr
    assert b"DTSTART;TZID=Europe/Warsaw:20261127T120000" in out.read_bytes()


def test_tasks_calendar_with_reminders_and_the_readiness_recheck(demo_store, tmp_path):
    from advocacy_tui.data.calendar_export import build_tasks_ics
    from advocacy_tui.data.tasks import Task, TaskRepo

    repo = TaskRepo(demo_store)
    timed = repo.add(Task(None, "Spotkanie ambasadorów", category="meetings", due=date(2027, 3, 28),
                          due_time=time(2, 30), estimate=45))
    repo.add(Task(None, "Pominięte", due=date(2026, 12, 3)), skipped=True)
    data = build_tasks_ics(demo_store, zone=WARSAW)
    calendar = Calendar.from_ical(data)
    found = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    meeting = found["Spotkanie ambasadorów"]
    assert meeting.decoded("dtstart") == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    assert meeting.decoded("dtend") - meeting.decoded("dtstart") == timedelta(minutes=45)
    assert [a["ACTION"] for a in meeting.walk("VALARM")] == ["DISPLAY"]
    assert str(found["Pominięte"]["status"]) == "CANCELLED"
    assert "Check the program's readiness again" in found  # the demo has a finished check
    again = {str(e["uid"]) for e in Calendar.from_ical(build_tasks_ics(demo_store, zone=WARSAW)).walk("VEVENT")}
    assert {str(e["uid"]) for e in found.values()} == again  # stable UIDs: a newer file updates
    parsed = vobject.readOne(data.decode("utf-8"))
    assert len(parsed.vevent_list) == len(found) and timed


def test_cli_export_tasks_ics(demo_store, tmp_path):
    path = demo_store.path
    demo_store.close()
    out = tmp_path / "tasks.ics"
    result = run_cli("export", "tasks", "--format", "ics", "-o", str(out), "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert b"METHOD:PUBLISH" in out.read_bytes() and Calendar.from_ical(out.read_bytes())


def test_post_moved_out_of_the_window_is_cancelled_there(tmp_path):
    store = Store.open(tmp_path / "m.db", clock=FixedClock.at("2026-11-20T09:00:00+01:00"))
    repo = PostRepo(store)
    post_id = repo.add(Post(None, "Wędrowny", planned_on=date(2026, 11, 27), planned_time=time(9, 0)))
    november = (date(2026, 11, 1), date(2026, 11, 30))
    (before,) = events(build_ics(store, *november, zone=WARSAW))
    store.close()
    store = Store.open(tmp_path / "m.db", clock=FixedClock.at("2026-11-21T10:00:00+01:00"))
    repo = PostRepo(store)
    post = repo.get(post_id)
    from dataclasses import replace

    repo.update(replace(post, planned_on=date(2026, 12, 5)))
    (cancel,) = events(build_ics(store, *november, zone=WARSAW))
    assert str(cancel["uid"]) == post.uid and str(cancel["status"]) == "CANCELLED"
    assert int(cancel["sequence"]) > int(before["sequence"])
    assert cancel.decoded("dtstart") == before.decoded("dtstart")
    for window in ((date(2026, 12, 1), date(2026, 12, 31)), (None, None)):
        (moved,) = events(build_ics(store, *window, zone=WARSAW))
        assert str(moved["status"]) != "CANCELLED" and moved.decoded("dtstart").day == 5
    store.close()

"""``export calendar`` (parsed back with icalendar) and ``export posts|library``."""

import csv
import io
import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from advocacy_tui.data.calendar_export import build_ics
from advocacy_tui.data.posts import PostRepo
from advocacy_tui.domain.posts import Post
from tests.cli.helpers import assert_one_line_error, run_cli


def _events(data: bytes):
    return [c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT"]


def test_ics_parses_back_with_stable_uids_and_all_day_events(store):
    repo = PostRepo(store)
    timed = repo.add(Post(None, "Timed =evil", planned_on=date(2026, 3, 29),
                          planned_time=datetime.strptime("09:00", "%H:%M").time(),
                          body="Line one\nLine two", state="ready"))
    repo.add(Post(None, "All day", planned_on=date(2026, 11, 27), state="dropped"))
    repo.add(Post(None, "Out of range", planned_on=date(2027, 6, 1)))
    data = build_ics(store, date(2026, 1, 1), date(2026, 12, 31), zone=ZoneInfo("Europe/Warsaw"))
    events = _events(data)
    assert len(events) == 2
    first, second = events
    assert str(first["uid"]) == repo.get(timed).uid
    # 09:00 in Warsaw on the day summer time starts is 07:00 UTC.
    assert first.decoded("dtstart") == datetime(2026, 3, 29, 7, 0, tzinfo=ZoneInfo("UTC"))
    assert first.decoded("dtend") - first.decoded("dtstart") == timedelta(minutes=30)
    assert "Line two" in str(first["description"])
    assert second.decoded("dtstart") == date(2026, 11, 27)
    assert str(second["status"]) == "CANCELLED"
    for event in events:
        assert "dtstamp" in event and "last-modified" in event and "sequence" in event


def test_reexport_keeps_uid_and_raises_sequence(tmp_path, clock):
    from advocacy_tui.data.store import Store
    from advocacy_tui.domain.clock import FixedClock

    store = Store.open(tmp_path / "p.db", clock=clock)
    repo = PostRepo(store)
    post_id = repo.add(Post(None, "First title", planned_on=date(2026, 11, 27)))
    before = _events(build_ics(store))[0]
    store.clock = FixedClock(clock.now() + timedelta(hours=2))
    from dataclasses import replace

    repo.update(replace(repo.get(post_id), title="Second title"))
    after = _events(build_ics(store))[0]
    store.close()
    assert str(before["uid"]) == str(after["uid"])
    assert int(after["sequence"]) > int(before["sequence"])
    assert after.decoded("last-modified") > before.decoded("last-modified")


def test_cli_export_calendar_to_file(demo_store, tmp_path):
    path = demo_store.path
    demo_store.close()
    out = tmp_path / "plan.ics"
    result = run_cli("export", "calendar", "--format", "ics", "-o", str(out), "--db", str(path),
                     "--from", "01.11.2026", "--to", "2026-11-30")
    assert result.returncode == 0, result.stderr
    events = _events(out.read_bytes())
    assert events
    assert all(date(2026, 11, 1) <= _day(e) <= date(2026, 11, 30) for e in events)


def _day(event):
    value = event.decoded("dtstart")
    return value.date() if isinstance(value, datetime) else value


def test_cli_export_calendar_bad_dates(tmp_path):
    db = str(tmp_path / "x.db")
    assert_one_line_error(run_cli("export", "calendar", "--db", db, "--from", "31.02.2026"),
                          "--from", "does not exist")
    assert_one_line_error(run_cli("export", "calendar", "--db", db, "--from", "2026-12-01",
                                  "--to", "2026-11-01"), "--to is before --from")


def test_cli_export_posts_csv_is_spreadsheet_safe(store, tmp_path):
    PostRepo(store).add(Post(None, "=HYPERLINK(\"x\")", planned_on=date(2026, 11, 27),
                             notes="@home", body="Zażółć"))
    store.close()
    result = run_cli("export", "posts", "--format", "csv", "--db", str(store.path))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0]["title"] == "'=HYPERLINK(\"x\")"
    assert rows[0]["notes"] == "'@home"
    assert rows[0]["body"] == "Zażółć"


def test_cli_export_library_json(demo_store, tmp_path):
    path = demo_store.path
    demo_store.close()
    out = tmp_path / "library.json"
    result = run_cli("export", "library", "--format", "json", "-o", str(out), "--db", str(path))
    assert result.returncode == 0, result.stderr
    items = json.loads(out.read_text(encoding="utf-8"))
    assert {"guideline", "graphic", "training"} <= {item["kind"] for item in items}
    assert any(item["language"] == "pl" for item in items)

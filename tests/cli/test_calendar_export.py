"""``export calendar`` (parsed back with icalendar) and ``export posts|library``."""

import csv
import io
import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from advocacy_tui.data.calendar_export import build_ics
from advocacy_tui.data.posts import PostRepo
from advocacy_tui.domain.posts import Post
from tests.cli.helpers import assert_one_line_error, parse_cli


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
    result = parse_cli("export", "calendar", "--format", "ics", "-o", str(out), "--db", str(path),
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
    assert_one_line_error(parse_cli("export", "calendar", "--db", db, "--from", "31.02.2026"),
                          "--from", "does not exist")
    assert_one_line_error(parse_cli("export", "calendar", "--db", db, "--from", "2026-12-01",
                                  "--to", "2026-11-01"), "--to is before --from")


def test_cli_export_posts_csv_is_spreadsheet_safe(store, tmp_path):
    PostRepo(store).add(Post(None, "=HYPERLINK(\"x\")", planned_on=date(2026, 11, 27),
                             notes="@home", body="Zażółć"))
    store.close()
    result = parse_cli("export", "posts", "--format", "csv", "--db", str(store.path))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0]["title"] == "'=HYPERLINK(\"x\")"
    assert rows[0]["notes"] == "'@home"
    assert rows[0]["body"] == "Zażółć"


def test_cli_export_library_json(demo_store, tmp_path):
    path = demo_store.path
    demo_store.close()
    out = tmp_path / "library.json"
    result = parse_cli("export", "library", "--format", "json", "-o", str(out), "--db", str(path))
    assert result.returncode == 0, result.stderr
    items = json.loads(out.read_text(encoding="utf-8"))
    assert {"guideline", "graphic", "training"} <= {item["kind"] for item in items}
    assert any(item["language"] == "pl" for item in items)


# Text a user typed: commas, semicolons, backslashes, line breaks, Polish letters, emoji,
# and long lines that must be folded without cutting a letter in two.
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(
    [",", ";", "\\", "\n", ":", "ł", "Ż", "😀", "é"]), max_size=120)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_TEXT.filter(lambda t: t.strip()), body=_TEXT, notes=_TEXT, name=_TEXT.filter(lambda t: t.strip()))
def test_ics_keeps_every_text_exactly_for_icalendar_and_vobject(store, title, body, notes, name):
    import vobject

    from advocacy_tui.data.ambassadors import AmbassadorRepo
    from advocacy_tui.domain.ambassadors import Ambassador

    store.conn.execute("DELETE FROM posts")
    store.conn.execute("DELETE FROM ambassadors")
    author = AmbassadorRepo(store).add(Ambassador(None, name.strip(), email="a@b.pl"))
    PostRepo(store).add(Post(None, title, author_id=author, planned_on=date(2026, 11, 27),
                             planned_time=datetime.strptime("09:30", "%H:%M").time(),
                             body=body, notes=notes, state="ready"))
    data = build_ics(store, zone=ZoneInfo("Europe/Warsaw"))
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    (event,) = _events(data)
    assert not getattr(event, "errors", [])
    assert str(event["summary"]) == f"{title} ({name.strip()})"
    description = str(event["description"])
    if body.strip():
        assert body.strip() in description
    if notes.strip():
        assert f"Notes: {notes.strip()}" in description
    assert event.decoded("dtstart") == datetime(2026, 11, 27, 8, 30, tzinfo=ZoneInfo("UTC"))
    parsed = vobject.readOne(data.decode("utf-8"))
    assert parsed.vevent.summary.value == f"{title} ({name.strip()})"
    assert parsed.vevent.description.value == description


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n")
               | st.sampled_from(["\\", "^", "ł", "😀", "é"]), max_size=400))
def test_folding_is_byte_for_byte_what_icalendar_writes(line):
    from icalendar.parser import Contentline

    from advocacy_tui.data.calendar_export import fold_line

    assert fold_line(line) == Contentline(line).to_ical() + b"\r\n"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.characters(blacklist_categories=("Cs",))
                | st.sampled_from(["\\", "\\N", ";", ",", "\r\n", "\n", "\r", "ł", "😀"]),
                max_size=80).map("".join))
def test_text_escaping_is_what_icalendar_writes(value):
    from icalendar.prop import vCategory, vText

    from advocacy_tui.data.calendar_export import escape_text

    assert escape_text(value).encode("utf-8") == vText(value).to_ical()
    assert escape_text(value).encode("utf-8") == vCategory([value]).to_ical()  # one category


def test_cli_export_posts_with_a_semicolon_separator(store, tmp_path):
    PostRepo(store).add(Post(None, "Jeden; dwa", planned_on=date(2026, 11, 27)))
    store.close()
    result = parse_cli("export", "posts", "--separator", "semicolon", "--db", str(store.path))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
    assert rows[0]["title"] == "Jeden; dwa"


def test_cli_export_posts_and_library_as_workbooks(demo_store, tmp_path):
    import openpyxl

    PostRepo(demo_store).add(Post(None, "=1+1", planned_on=date(2026, 11, 27)))
    path = demo_store.path
    demo_store.close()
    out = tmp_path / "posts.xlsx"
    result = parse_cli("export", "posts", "--format", "xlsx", "-o", str(out), "--db", str(path))
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    assert all(c.data_type != "f" for row in rows for c in row)
    titled = [row for row in rows if row[header.index("title")].value == "=1+1"]
    assert titled and titled[0][header.index("planned_on")].is_date
    out = tmp_path / "library.xlsx"
    assert parse_cli("export", "library", "--format", "xlsx", "-o", str(out), "--db", str(path)).returncode == 0
    assert openpyxl.load_workbook(out).worksheets[0].max_row > 1
    assert_one_line_error(parse_cli("export", "posts", "--format", "xlsx", "--db", str(path)),
                          "cannot be shown on the screen")

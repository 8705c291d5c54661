"""Calendar files (RFC 5545, via icalendar) and spreadsheet-safe CSV/JSON of posts and library."""

from __future__ import annotations

import csv
import functools
import io
import json
import os
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

from advocacy_tui.data.store import Store
from advocacy_tui.domain.calendar import planned_moment
from advocacy_tui.domain.posts import STATE_LABELS, safe_cell

POST_FIELDS = ["id", "uid", "title", "author", "author_email", "channel", "planned_on",
               "planned_time", "state", "voice", "library_item_id", "published_url",
               "published_on", "notes", "body", "created_at", "updated_at"]
LIBRARY_FIELDS = ["id", "kind", "title", "language", "tags", "location", "body", "created_at",
                  "updated_at"]
EVENT_MINUTES = 30
DEFAULT_CANCELLED_DAYS = 90  # as config.DEFAULT_CANCELLED_DAYS


def _posts_sql(first: date | None, last: date | None) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if first:
        clauses.append("p.planned_on >= ?")
        params.append(first.isoformat())
    if last:
        clauses.append("p.planned_on <= ?")
        params.append(last.isoformat())
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return (
        "SELECT p.id, p.uid, p.title, a.name, a.email, p.channel, p.planned_on, p.planned_time, "
        "p.state, p.voice, p.library_item_id, p.published_url, p.published_on, p.notes, p.body, "
        "p.created_at, p.updated_at FROM posts p LEFT JOIN ambassadors a ON a.id = p.author_id"
        f"{where} ORDER BY p.planned_on, p.planned_time, p.id",
        params,
    )


def _instant(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _sequence(created: str, updated: str) -> int:
    """Grows with every saved change, so calendar apps take the newer event."""
    return max(0, int((_instant(updated) - _instant(created)).total_seconds()))


def fold_line(line: str) -> bytes:
    """One content line folded as RFC 5545 asks, byte for byte what icalendar's
    ``Contentline.to_ical()`` writes (tested against it), followed by CRLF.

    icalendar folds one character at a time, which is most of the cost of a large export;
    this cuts the UTF-8 bytes in runs instead: at most 74 octets a line, never inside a
    character, and never right after a backslash or caret (so an escape stays whole).
    """
    raw = line.encode("utf-8")
    if len(raw) < 75:
        return raw + b"\r\n"
    parts, start = [], 0
    while len(raw) - start >= 75:
        cut = start + 74
        while raw[cut] & 0xC0 == 0x80:  # inside a character: cut before it
            cut -= 1
        if cut - start > 1 and raw[cut - 1] in b"\\^":
            cut -= 1
        parts.append(raw[start:cut])
        start = cut
    parts.append(raw[start:])
    return b"\r\n ".join(parts) + b"\r\n"


def escape_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 asks, character for character what icalendar's
    ``vText(value).to_ical()`` writes (tested against it), without building a vText and its
    parameters for each of the 300,000 values of a large export."""
    return (value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;")
            .replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


_UTC_NAMES = {"UTC", "ETC/UTC", "GMT", "ETC/GMT", "UNIVERSAL", "ETC/UNIVERSAL", "ZULU", "ETC/ZULU"}


def system_zone_name() -> str | None:
    """This computer's time zone as an IANA name (``Europe/Warsaw``), or None when it has none:
    the ``TZ`` variable, then /etc/timezone, then where /etc/localtime points."""
    from zoneinfo import ZoneInfo

    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        pass
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if not name or name.startswith("/") or ".." in name:
            continue
        try:
            ZoneInfo(name)
        except (ValueError, OSError, KeyError):
            continue
        return name
    return None


def zone_named(name: str | None) -> tzinfo | None:
    """The zone of a configured or system name; None (this computer's rules) without one."""
    from zoneinfo import ZoneInfo

    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ValueError, OSError, KeyError):
        return None


def _zone_id(zone: tzinfo | None) -> str | None:
    """The TZID events are written in: a named zone's name; None for UTC, a fixed offset or none."""
    key = getattr(zone, "key", None)
    if not isinstance(key, str) or key.upper() in _UTC_NAMES:
        return None
    return key


def build_ics(store: Store, first: date | None = None, last: date | None = None,
              zone: tzinfo | None = None, voice_labels: dict[str, str] | None = None,
              progress: Callable[[int, int], None] | None = None,
              cancelled_days: int = DEFAULT_CANCELLED_DAYS) -> bytes:
    """One VEVENT per post with a planned date; timed posts last 30 minutes.

    Planned times are wall-clock times in ``zone`` (default: this computer's time zone).
    In a named zone (``Europe/Warsaw``) events carry its TZID and the file its VTIMEZONE;
    otherwise they are written in UTC. A post deleted in the last ``cancelled_days`` days
    is written as cancelled, with a higher SEQUENCE, so that clients drop its event.
    """
    return b"".join(iter_ics(store, first, last, zone, voice_labels, progress,
                             cancelled_days=cancelled_days))


def _span(store: Store, first: date | None, last: date | None) -> tuple[date, date] | None:
    """The first and last day with a timed event (post or tombstone) in the window."""
    clauses, params = ["planned_on IS NOT NULL", "planned_time IS NOT NULL"], []
    if first:
        clauses.append("planned_on >= ?")
        params.append(first.isoformat())
    if last:
        clauses.append("planned_on <= ?")
        params.append(last.isoformat())
    where = " AND ".join(clauses)
    low, high = store.db.conn.execute(
        f"SELECT min(d), max(d) FROM (SELECT planned_on AS d FROM posts WHERE {where} "
        f"UNION ALL SELECT planned_on FROM post_tombstones WHERE {where})", params * 2).fetchone()
    if low is None:
        return None
    return date.fromisoformat(low), date.fromisoformat(high)


def iter_ics(store: Store, first: date | None = None, last: date | None = None,
             zone: tzinfo | None = None, voice_labels: dict[str, str] | None = None,
             progress: Callable[[int, int], None] | None = None, *,
             cancelled_days: int = DEFAULT_CANCELLED_DAYS) -> Iterator[bytes]:
    """The calendar file event by event (RFC 5545), so 100,000 posts never sit in memory.

    Text values are escaped and lines folded exactly as icalendar's ``vText`` and
    ``Contentline`` do (:func:`escape_text`, :func:`fold_line`, both tested against it);
    the fixed parts (dates in UTC, status) are written directly, which is what makes a
    large file cheap: building an icalendar ``Event`` per post costs more
    than the rest of the export together.
    """
    from advocacy_tui.i18n import _

    def lines(*content: str) -> bytes:
        return b"".join(fold_line(line) for line in content)

    @functools.lru_cache(maxsize=4096)  # 100,000 posts share a few thousand day-and-time pairs
    def timed(day_text: str, time_text: str) -> list[str]:
        return _timed_lines(day_text, time_text, zone, EVENT_MINUTES)

    zone_id = _zone_id(zone)
    voice_labels = voice_labels or {}
    now = store.clock.now()
    stamp = _utc_text(now)
    yield lines("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//advocacy-tui//content calendar//EN",
                "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + escape_text(_("Advocacy content calendar")))
    if zone_id is not None and zone is not None:
        span = _span(store, first, last)
        if span is not None:
            from icalendar import Timezone

            yield Timezone.from_tzinfo(zone, tzid=zone_id, first_date=span[0] - timedelta(days=366),
                                       last_date=span[1] + timedelta(days=366)).to_ical()
    # the description's words in the language in use, looked up once for the whole file
    words = {"state": _("State: {state}"), "channel": _("Channel: {channel}"),
             "voice": _("Voice: {voice}"), "author": _("Author: {author}"),
             "published": _("Published: {url}"), "notes": _("Notes: {notes}")}
    sql, params = _posts_sql(first, last)
    total = done = 0
    if progress is not None:
        total = store.db.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    for row in store.db.conn.execute(sql, params):
        done += 1
        if progress is not None and done % 1000 == 0:
            progress(done, total)
        (_, uid, title, author, _email, channel, planned_on, planned_time, state, voice, _lib,
         url, _pub, notes, body, created, updated) = row
        if not planned_on:
            continue
        voice_label = voice_labels.get(voice, voice)
        event = ["BEGIN:VEVENT", f"SUMMARY:{escape_text(f'{title} ({author})' if author else title)}"]
        if planned_time:
            event += timed(planned_on, planned_time)
        else:
            day = date.fromisoformat(planned_on)
            event += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                      f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}", "TRANSP:TRANSPARENT"]
        event += [f"DTSTAMP:{stamp}", f"UID:{escape_text(uid)}", f"CREATED:{_utc_text(_instant(created))}",
                  f"LAST-MODIFIED:{_utc_text(_instant(updated))}",
                  f"SEQUENCE:{_sequence(created, updated)}"]
        described = [words["state"].format(state=STATE_LABELS.get(state, state)),
                     words["channel"].format(channel=channel), words["voice"].format(voice=voice_label)]
        if author:
            described.append(words["author"].format(author=author))
        if url:
            described.append(words["published"].format(url=url))
            if url.isprintable() and " " not in url:  # a URI value is not escaped: never a line break
                event.append(f"URL:{url}")
        if body.strip():
            described += ["", body.strip()]
        if notes.strip():
            described += ["", words["notes"].format(notes=notes.strip())]
        event.append(f"DESCRIPTION:{escape_text(chr(10).join(described))}")
        status = ("CANCELLED" if state == "dropped" else
                  "CONFIRMED" if state in ("ready", "published") else "TENTATIVE")
        event += [f"STATUS:{status}", f"CATEGORIES:{escape_text(voice_label)}",
                  "END:VEVENT"]
        yield lines(*event)
    yield from _tombstones(store, first, last, now, cancelled_days, stamp, timed, lines)
    yield lines("END:VCALENDAR")


def _tombstones(store: Store, first: date | None, last: date | None, now: datetime, days: int,
                stamp: str, timed: Callable[[str, str], list[str]],
                lines: Callable[..., bytes]) -> Iterator[bytes]:
    """Posts deleted in the last ``days`` days, and posts moved in that time out of the window
    (or off the calendar) from a day inside it, as cancelled events with a higher SEQUENCE."""
    from advocacy_tui.i18n import _

    clauses, params = ["1"], []
    if first:
        clauses.append("t.planned_on >= ?")
        params.append(first.isoformat())
    if last:
        clauses.append("t.planned_on <= ?")
        params.append(last.isoformat())
    cutoff = now.astimezone(UTC) - timedelta(days=days)
    rows = store.db.conn.execute(
        "SELECT t.uid, t.planned_on, t.planned_time, t.created_at, t.deleted_at, p.planned_on, "
        "p.updated_at, p.id FROM post_tombstones t LEFT JOIN posts p ON p.uid = t.uid WHERE "
        + " AND ".join(clauses) + " ORDER BY t.planned_on, t.planned_time, t.uid", params)
    for uid, planned_on, planned_time, created, gone, now_on, updated, post_id in rows:
        if not planned_on or _instant(gone) < cutoff:
            continue
        if post_id is not None:
            inside = now_on is not None and (first is None or now_on >= first.isoformat()) and (
                last is None or now_on <= last.isoformat())
            if inside:
                continue  # the post itself is in this file, on its new day
            sequence = _sequence(created, updated)  # as the post's own event has it now
        else:
            sequence = _sequence(created, gone) + 1  # later than the post's last change
        summary = _("Moved post") if post_id is not None else _("Deleted post")
        event = ["BEGIN:VEVENT", f"SUMMARY:{summary}"]
        if planned_time:
            event += timed(planned_on, planned_time)
        else:
            day = date.fromisoformat(planned_on)
            event += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                      f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}", "TRANSP:TRANSPARENT"]
        event += [f"DTSTAMP:{stamp}", f"UID:{escape_text(uid)}", f"CREATED:{_utc_text(_instant(created))}",
                  f"LAST-MODIFIED:{_utc_text(_instant(gone))}",
                  f"SEQUENCE:{sequence}", "STATUS:CANCELLED", "END:VEVENT"]
        yield lines(*event)


def post_records(store: Store) -> list[dict[str, object]]:
    sql, params = _posts_sql(None, None)
    return [dict(zip(POST_FIELDS, row, strict=True)) for row in store.db.conn.execute(sql, params)]


def library_records(store: Store) -> list[dict[str, object]]:
    rows = store.db.conn.execute(
        f"SELECT {', '.join(LIBRARY_FIELDS)} FROM library_items ORDER BY kind, title, id")
    return [dict(zip(LIBRARY_FIELDS, row, strict=True)) for row in rows]


def to_csv(records: list[dict[str, object]], fields: list[str], *, delimiter: str = ",",
           headers: list[str] | None = None) -> str:
    """CSV a spreadsheet opens safely: no cell can start a formula. ``headers``: the header
    row's words, when not the field names."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(fields if headers is None else headers)
    for record in records:
        writer.writerow([safe_cell(record[name]) for name in fields])
    return out.getvalue()


def to_json(records: list[dict[str, object]]) -> str:
    """JSON keeps the values as they are (no quote prefix): it is read by programs."""
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


# -- the owner's tasks ------------------------------------------------------------------------

TASK_MINUTES_MIN = 15
REMINDER_MINUTES = 15


def _timed_lines(day_text: str, time_text: str, zone: tzinfo | None, minutes: int) -> list[str]:
    """DTSTART and DTEND of a timed event in ``zone`` (TZID for a named zone, else UTC)."""
    day = date.fromisoformat(day_text)
    at = datetime.strptime(time_text, "%H:%M").time()
    # Without a zone, the computer's own rules (with DST) read the wall time.
    moment = planned_moment(day, at, zone) if zone is not None else datetime.combine(day, at).astimezone()
    assert moment is not None  # planned_moment gives None only for a post without a time
    start = moment
    end = start.astimezone(UTC) + timedelta(minutes=minutes)
    zone_id = _zone_id(zone)
    if zone_id is None or zone is None:
        return [f"DTSTART:{_utc_text(start)}", f"DTEND:{_utc_text(end)}"]
    # A time the spring change skips (02:30) is read with the offset before the gap, as
    # RFC 5545 (3.3.5) says, and written as the clock then shows it (03:30), which every
    # client reads the same way. An end that falls in the autumn's repeated hour cannot
    # be told apart in local time: it is written in UTC.
    local_end = end.astimezone(zone)
    same = local_end.replace(tzinfo=zone, fold=0).astimezone(UTC) == end
    return [f"DTSTART;TZID={zone_id}:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID={zone_id}:{local_end:%Y%m%dT%H%M%S}" if same else f"DTEND:{_utc_text(end)}"]


def _all_day(day_text: str) -> list[str]:
    day = date.fromisoformat(day_text)
    return [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}"]


def _stable_uid(kind: str, key: object, created: str) -> str:
    """A UID that stays the same for one task across exports and differs between databases."""
    import hashlib

    digest = hashlib.sha256(f"{kind}:{key}:{created}".encode()).hexdigest()[:16]
    return f"{kind}-{key}-{digest}@advocacy-tui"


def _alarm(description: str, minutes: int) -> list[str]:
    return ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{escape_text(description)}",
            f"TRIGGER:-PT{minutes}M", "END:VALARM"]


def build_tasks_ics(store: Store, first: date | None = None, last: date | None = None,
                    zone: tzinfo | None = None) -> bytes:
    """The owner's tasks with a due day as events with a reminder, and the readiness
    check's "check again" day as an all-day event with a reminder the morning before.

    Done tasks keep their event, marked done in the title; skipped ones are cancelled.
    """
    from advocacy_tui.domain.today import readiness_reminder
    from advocacy_tui.i18n import _

    def lines(*content: str) -> bytes:
        return b"".join(fold_line(line) for line in content)

    now = store.clock.now()
    stamp = _utc_text(now)
    out = [lines("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//advocacy-tui//tasks//EN",
                 "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                 "X-WR-CALNAME:" + escape_text(_("Advocacy tasks")))]
    clauses, params = ["due_on IS NOT NULL"], []
    if first:
        clauses.append("due_on >= ?")
        params.append(first.isoformat())
    if last:
        clauses.append("due_on <= ?")
        params.append(last.isoformat())
    rows = store.db.conn.execute(
        "SELECT id, title, category, due_on, due_time, estimate_minutes, done_at, skipped, notes, "
        "created_at, updated_at FROM tasks WHERE " + " AND ".join(clauses)
        + " ORDER BY due_on, due_time, id", params).fetchall()
    zone_id = _zone_id(zone)
    if zone_id is not None and zone is not None and any(row[4] for row in rows):
        from icalendar import Timezone

        days = [date.fromisoformat(row[3]) for row in rows if row[4]]
        out.append(Timezone.from_tzinfo(zone, tzid=zone_id, first_date=min(days) - timedelta(days=366),
                                        last_date=max(days) + timedelta(days=366)).to_ical())
    for (id_, title, category, due_on, due_time, minutes, done_at, skipped, notes,
         created, updated) in rows:
        summary = _("Done: {title}").format(title=title) if done_at else title
        event = ["BEGIN:VEVENT", f"SUMMARY:{escape_text(summary)}"]
        if due_time:
            event += _timed_lines(due_on, due_time, zone, max(minutes or 0, TASK_MINUTES_MIN))
        else:
            event += [*_all_day(due_on), "TRANSP:TRANSPARENT"]
        event += [f"DTSTAMP:{stamp}", f"UID:{_stable_uid('task', id_, created)}",
                  f"CREATED:{_utc_text(_instant(created))}",
                  f"LAST-MODIFIED:{_utc_text(_instant(updated))}",
                  f"SEQUENCE:{_sequence(created, updated)}",
                  f"CATEGORIES:{escape_text(category)}"]
        if notes.strip():
            event.append(f"DESCRIPTION:{escape_text(notes.strip())}")
        event.append("STATUS:CANCELLED" if skipped else "STATUS:CONFIRMED")
        if not done_at and not skipped:
            event += _alarm(title, REMINDER_MINUTES if due_time else 60 * 15)  # the afternoon before
        event.append("END:VEVENT")
        out.append(lines(*event))
    run = store.db.conn.execute(
        "SELECT id, finished_at, verdict FROM readiness_runs WHERE finished_at IS NOT NULL "
        "ORDER BY finished_at DESC, id DESC LIMIT 1").fetchone()
    if run is not None:
        try:
            finished = date.fromisoformat(run[1][:10])
        except (TypeError, ValueError):
            finished = None
        reminder = readiness_reminder(finished, run[2], now.date())
        day = reminder.earliest
        if day is not None and (first is None or day >= first) and (last is None or day <= last):
            title = _("Check the program's readiness again")
            out.append(lines(
                "BEGIN:VEVENT", f"SUMMARY:{escape_text(title)}", *_all_day(day.isoformat()), "TRANSP:TRANSPARENT",
                f"DTSTAMP:{stamp}", f"UID:{_stable_uid('readiness', run[0], run[1])}",
                "DESCRIPTION:" + escape_text(_("advocacy-tui: run the readiness wizard again (advocacy-tui wizard).")),
                "STATUS:CONFIRMED", *_alarm(title, 60 * 15), "END:VEVENT"))
    out.append(lines("END:VCALENDAR"))
    return b"".join(out)

"""Calendar files (RFC 5545, via icalendar) and spreadsheet-safe CSV/JSON of posts and library."""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo

from advocacy_tui.data.store import Store
from advocacy_tui.domain.calendar import planned_moment
from advocacy_tui.domain.posts import STATE_LABELS, safe_cell

POST_FIELDS = ["id", "uid", "title", "author", "author_email", "channel", "planned_on",
               "planned_time", "state", "voice", "library_item_id", "published_url",
               "published_on", "notes", "body", "created_at", "updated_at"]
LIBRARY_FIELDS = ["id", "kind", "title", "language", "tags", "location", "body", "created_at",
                  "updated_at"]
EVENT_MINUTES = 30


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


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def build_ics(store: Store, first: date | None = None, last: date | None = None,
              zone: tzinfo | None = None, voice_labels: dict[str, str] | None = None,
              progress: Callable[[int, int], None] | None = None) -> bytes:
    """One VEVENT per post with a planned date; timed posts last 30 minutes.

    Planned times are wall-clock times in ``zone`` (default: this computer's time zone);
    they are written in UTC so every calendar app places them right.
    """
    return b"".join(iter_ics(store, first, last, zone, voice_labels, progress))


def iter_ics(store: Store, first: date | None = None, last: date | None = None,
             zone: tzinfo | None = None, voice_labels: dict[str, str] | None = None,
             progress: Callable[[int, int], None] | None = None) -> Iterator[bytes]:
    """The calendar file event by event (RFC 5545), so 100,000 posts never sit in memory.

    Text values are escaped by icalendar's ``vText``/``vCategory`` and every line is folded
    by its ``Contentline``; the fixed parts (dates in UTC, status) are written directly, which
    is what makes a large file cheap: building an icalendar ``Event`` per post costs more
    than the rest of the export together.
    """
    from icalendar.prop import vCategory, vText

    def text(value: str) -> str:
        return vText(value).to_ical().decode("utf-8")

    def lines(*content: str) -> bytes:
        return b"".join(fold_line(line) for line in content)

    @functools.lru_cache(maxsize=4096)
    def start_of(day_text: str, time_text: str) -> datetime:
        day = date.fromisoformat(day_text)
        at = datetime.strptime(time_text, "%H:%M").time()
        # Without a zone, the computer's own rules (with DST) read the wall time.
        moment = planned_moment(day, at, zone) if zone is not None else None  # None only without a time
        return moment if moment is not None else datetime.combine(day, at).astimezone()

    voice_labels = voice_labels or {}
    stamp = _utc_text(store.clock.now())
    yield lines("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//advocacy-tui//content calendar//EN",
                "CALSCALE:GREGORIAN", "X-WR-CALNAME:Advocacy content calendar")
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
        event = ["BEGIN:VEVENT", f"SUMMARY:{text(f'{title} ({author})' if author else title)}"]
        if planned_time:
            start = start_of(planned_on, planned_time)
            event += [f"DTSTART:{_utc_text(start)}",
                      f"DTEND:{_utc_text(start + timedelta(minutes=EVENT_MINUTES))}"]
        else:
            day = date.fromisoformat(planned_on)
            event += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                      f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}", "TRANSP:TRANSPARENT"]
        event += [f"DTSTAMP:{stamp}", f"UID:{text(uid)}", f"CREATED:{_utc_text(_instant(created))}",
                  f"LAST-MODIFIED:{_utc_text(_instant(updated))}",
                  f"SEQUENCE:{_sequence(created, updated)}"]
        described = [f"State: {STATE_LABELS.get(state, state)}", f"Channel: {channel}",
                     f"Voice: {voice_label}"]
        if author:
            described.append(f"Author: {author}")
        if url:
            described.append(f"Published: {url}")
            if url.isprintable() and " " not in url:  # a URI value is not escaped: never a line break
                event.append(f"URL:{url}")
        if body.strip():
            described += ["", body.strip()]
        if notes.strip():
            described += ["", f"Notes: {notes.strip()}"]
        event.append(f"DESCRIPTION:{text(chr(10).join(described))}")
        status = ("CANCELLED" if state == "dropped" else
                  "CONFIRMED" if state in ("ready", "published") else "TENTATIVE")
        event += [f"STATUS:{status}", f"CATEGORIES:{vCategory([voice_label]).to_ical().decode('utf-8')}",
                  "END:VEVENT"]
        yield lines(*event)
    yield lines("END:VCALENDAR")


def post_records(store: Store) -> list[dict[str, object]]:
    sql, params = _posts_sql(None, None)
    return [dict(zip(POST_FIELDS, row, strict=True)) for row in store.db.conn.execute(sql, params)]


def library_records(store: Store) -> list[dict[str, object]]:
    rows = store.db.conn.execute(
        f"SELECT {', '.join(LIBRARY_FIELDS)} FROM library_items ORDER BY kind, title, id")
    return [dict(zip(LIBRARY_FIELDS, row, strict=True)) for row in rows]


def to_csv(records: list[dict[str, object]], fields: list[str]) -> str:
    """CSV a spreadsheet opens safely: no cell can start a formula."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([safe_cell(record[name]) for name in fields])
    return out.getvalue()


def to_json(records: list[dict[str, object]]) -> str:
    """JSON keeps the values as they are (no quote prefix): it is read by programs."""
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"

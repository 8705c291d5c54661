"""Calendar files (RFC 5545, via icalendar) and spreadsheet-safe CSV/JSON of posts and library."""

from __future__ import annotations

import csv
import io
import json
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
    clauses, params = [], []
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


def build_ics(store: Store, first: date | None = None, last: date | None = None,
              zone: tzinfo | None = None, voice_labels: dict[str, str] | None = None) -> bytes:
    """One VEVENT per post with a planned date; timed posts last 30 minutes.

    Planned times are wall-clock times in ``zone`` (default: this computer's time zone);
    they are written in UTC so every calendar app places them right.
    """
    from icalendar import Calendar, Event

    voice_labels = voice_labels or {}
    calendar = Calendar()
    calendar.add("prodid", "-//advocacy-tui//content calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Advocacy content calendar")
    stamp = store.clock.now().astimezone(UTC).replace(microsecond=0)
    sql, params = _posts_sql(first, last)
    for row in store.db.conn.execute(sql, params):
        (_, uid, title, author, _email, channel, planned_on, planned_time, state, voice, _lib,
         url, _pub, notes, body, created, updated) = row
        if not planned_on:
            continue
        day = date.fromisoformat(planned_on)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("created", _instant(created))
        event.add("last-modified", _instant(updated))
        event.add("sequence", _sequence(created, updated))
        event.add("summary", f"{title} ({author})" if author else title)
        if planned_time:
            at = datetime.strptime(planned_time, "%H:%M").time()
            # Without a zone, the computer's own rules (with DST) read the wall time.
            start = (planned_moment(day, at, zone) if zone is not None
                     else datetime.combine(day, at).astimezone())
            event.add("dtstart", start.astimezone(UTC))
            event.add("dtend", (start + timedelta(minutes=EVENT_MINUTES)).astimezone(UTC))
        else:
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        lines = [f"State: {STATE_LABELS.get(state, state)}", f"Channel: {channel}",
                 f"Voice: {voice_labels.get(voice, voice)}"]
        if author:
            lines.append(f"Author: {author}")
        if url:
            lines.append(f"Published: {url}")
            event.add("url", url)
        if body.strip():
            lines += ["", body.strip()]
        if notes.strip():
            lines += ["", f"Notes: {notes.strip()}"]
        event.add("description", "\n".join(lines))
        event.add("status", "CANCELLED" if state == "dropped" else
                  "CONFIRMED" if state in ("ready", "published") else "TENTATIVE")
        event.add("categories", [voice_labels.get(voice, voice)])
        calendar.add_component(event)
    return calendar.to_ical()


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

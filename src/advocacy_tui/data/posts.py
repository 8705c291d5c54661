"""Reading and writing ``posts`` and ``library_items`` (the calendar and the library)."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, time
from typing import NamedTuple

from advocacy_tui.data.store import ChangedMeanwhile, Store, inserted_id
from advocacy_tui.data.topics import prune, set_topics, topics_of
from advocacy_tui.domain.posts import (
    LEADER_ROLES,
    LEADER_SYMBOL,
    STATE_SYMBOLS,
    LibraryItem,
    Post,
    is_publishing,
)
from advocacy_tui.domain.text import fold
from advocacy_tui.i18n import _

POST_COLUMNS = ("id, uid, title, body, author_id, channel, planned_on, planned_time, state, voice, "
                "library_item_id, published_url, published_on, notes, created_at, updated_at, campaign_id")
LIBRARY_COLUMNS = "id, kind, title, body, tags, language, location, created_at, updated_at, format"


def new_uid() -> str:
    """A UID that stays with the post for ever, so calendar re-imports update events."""
    return f"{uuid.uuid4()}@advocacy-tui"


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def _post(row: tuple, topics: tuple[str, ...] = ()) -> Post:
    (id_, uid, title, body, author_id, channel, planned_on, planned_time, state, voice,
     library_item_id, url, published_on, notes, created, updated, campaign_id) = row
    return Post(id=id_, uid=uid, title=title, body=body, author_id=author_id, channel=channel,
                planned_on=_date(planned_on), planned_time=_time(planned_time), state=state,
                voice=voice, library_item_id=library_item_id, published_url=url,
                published_on=_date(published_on), notes=notes, created_at=created,
                updated_at=updated, topics=topics, campaign_id=campaign_id)


@dataclass(frozen=True)
class PostFilter:
    """What the calendar shows: everything, or one author, state, voice or campaign."""

    author_id: int | None = None
    author_name: str = ""
    state: str | None = None
    voice: str | None = None
    campaign_id: int | None = None
    campaign_name: str = ""

    @property
    def active(self) -> bool:
        return (self.author_id is not None or self.state is not None or self.voice is not None
                or self.campaign_id is not None)

    def where(self, prefix: str = "p.") -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if self.author_id is not None:
            clauses.append(f"{prefix}author_id = ?")
            params.append(self.author_id)
        if self.state is not None:
            clauses.append(f"{prefix}state = ?")
            params.append(self.state)
        if self.voice is not None:
            clauses.append(f"{prefix}voice = ?")
            params.append(self.voice)
        if self.campaign_id is not None:
            clauses.append(f"{prefix}campaign_id = ?")
            params.append(self.campaign_id)
        return "".join(f" AND {c}" for c in clauses), params


class CalendarRow(NamedTuple):
    """One post as the calendar draws it."""

    id: int
    planned_on: date
    planned_time: str | None
    state: str
    voice: str
    title: str
    author: str | None
    role: str | None
    channel: str

    @property
    def by_leader(self) -> bool:
        return self.role in LEADER_ROLES

    def describe(self) -> str:
        """One line: state symbol, time, title, author (★ for owners and managers)."""
        time_text = f"{self.planned_time} " if self.planned_time else ""
        leader = f" {LEADER_SYMBOL}" if self.by_leader else ""
        author = f" · {self.author}{leader}" if self.author else _(" · no author yet")
        return f"{STATE_SYMBOLS.get(self.state, '?')} {time_text}{self.title}{author}"


class DaySummary(NamedTuple):
    """What a month grid cell needs: posts per state, whether a leader posts, first titles."""

    counts: dict[str, int]
    leader: bool
    titles: list[tuple[str, str, bool]]  # (state, title, by a leader), in day order

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class PostRepo:
    def __init__(self, store: Store):
        self.store = store

    def _values(self, post: Post) -> dict[str, object]:
        return {
            "title": post.title, "body": post.body, "author_id": post.author_id,
            "channel": post.channel,
            "planned_on": post.planned_on.isoformat() if post.planned_on else None,
            "planned_time": post.planned_time.strftime("%H:%M") if post.planned_time else None,
            "state": post.state, "voice": post.voice, "library_item_id": post.library_item_id,
            "published_url": post.published_url,
            "published_on": post.published_on.isoformat() if post.published_on else None,
            "notes": post.notes, "campaign_id": post.campaign_id,
        }

    def _log_publishing(self, before: str | None, post: Post, post_id: int) -> None:
        if not is_publishing(before, post) or post.author_id is None:
            return
        conn = self.store.db.conn
        exists = conn.execute(
            "SELECT 1 FROM involvement WHERE post_id = ? AND kind = 'post_published'", [post_id]
        ).fetchone()
        if exists:
            return
        happened = (post.published_on or post.planned_on or self.store.clock.today()).isoformat()
        conn.execute(
            "INSERT INTO involvement (ambassador_id, kind, happened_on, note, post_id, created_at) "
            "VALUES (?, 'post_published', ?, ?, ?, ?)",
            [post.author_id, happened, post.title[:300], post_id,
             self.store.now_text()],
        )

    def add(self, post: Post) -> int:
        """Insert a post (and log its author's involvement if it is published): one action."""
        values = self._values(post)
        values["uid"] = post.uid or new_uid()
        values["created_at"] = values["updated_at"] = post.created_at or self.store.now_text()
        names = ", ".join(values)
        with self.store.write():
            cursor = self.store.db.conn.execute(
                f"INSERT INTO posts ({names}) VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            )
            post_id = inserted_id(cursor)
            if post.topics:
                set_topics(self.store.db.conn, "post_topics", post_id, post.topics, str(values["created_at"]))
            self._log_publishing(None, post, post_id)
        return post_id

    def update(self, post: Post, expected: Post | None = None) -> None:
        """Save ``post``. With ``expected`` (the version the edit started from), refuse with
        ``ChangedMeanwhile`` when the row now differs from it or is gone: checked and written
        in one transaction, so another window's save is never overwritten unseen."""
        if post.id is None:
            raise ValueError("update needs a post with an id")
        values = self._values(post)
        values["updated_at"] = self.store.now_text()
        sets = ", ".join(f"{name} = ?" for name in values)
        with self.store.write():
            if expected is not None and (current := self.get(post.id)) != expected:
                raise ChangedMeanwhile(current)
            before = self.store.db.conn.execute(
                "SELECT state FROM posts WHERE id = ?", [post.id]).fetchone()
            # moved to another day (or off the calendar): a calendar file for a window that
            # held the old day cancels the event there (a tombstone of kind "moved")
            self.store.db.conn.execute(
                "INSERT OR REPLACE INTO post_tombstones (uid, kind, planned_on, planned_time, "
                "created_at, deleted_at) SELECT uid, 'moved', planned_on, planned_time, created_at, ? "
                "FROM posts WHERE id = ? AND planned_on IS NOT NULL AND planned_on IS NOT ?",
                [values["updated_at"], post.id, values.get("planned_on")])
            self.store.db.conn.execute(f"UPDATE posts SET {sets} WHERE id = ?",
                                       [*values.values(), post.id])
            set_topics(self.store.db.conn, "post_topics", post.id, post.topics, str(values["updated_at"]))
            if post.id is not None:
                self._log_publishing(before[0] if before else None, post, post.id)

    def delete(self, post_id: int) -> None:
        """Delete a post, leaving a tombstone (its UID and dates, no text) so that the next
        calendar file cancels its event in the calendars that imported it."""
        with self.store.write():
            conn = self.store.db.conn
            conn.execute(
                "INSERT OR REPLACE INTO post_tombstones (uid, kind, planned_on, planned_time, created_at, "
                "deleted_at) SELECT uid, 'deleted', planned_on, planned_time, created_at, ? FROM posts "
                "WHERE id = ? AND planned_on IS NOT NULL", [self.store.now_text(), post_id])
            conn.execute("DELETE FROM posts WHERE id = ?", [post_id])
            prune(conn)

    def get(self, post_id: int) -> Post | None:
        row = self.store.db.conn.execute(f"SELECT {POST_COLUMNS} FROM posts WHERE id = ?",
                                         [post_id]).fetchone()
        return _post(row, topics_of(self.store.db.conn, "post_topics", row[0])) if row else None

    def duplicate(self, post_id: int, day: date | None = None) -> int | None:
        """A copy with a new UID; a published original becomes a fresh draft."""
        post = self.get(post_id)
        if post is None:
            return None
        state = "draft" if post.state in ("published", "dropped") else post.state
        copy = replace(post, id=None, uid="", created_at="", state=state, published_url="",
                       published_on=None, planned_on=day or post.planned_on)
        return self.add(copy)

    def move(self, post_id: int, day: date) -> None:
        with self.store.write():
            self.store.db.conn.execute(
                "UPDATE posts SET planned_on = ?, updated_at = ? WHERE id = ?",
                [day.isoformat(), self.store.now_text(), post_id])

    def total(self) -> int:
        return self.store.db.conn.execute("SELECT count(*) FROM posts").fetchone()[0]

    # -- what the calendar shows --------------------------------------------------------

    def count_between(self, first: date, last: date) -> int:
        """Every post planned from ``first`` to ``last``, whatever a filter shows."""
        return self.store.db.conn.execute(
            "SELECT count(*) FROM posts WHERE planned_on BETWEEN ? AND ?",
            [first.isoformat(), last.isoformat()]).fetchone()[0]

    def in_range(self, first: date, last: date, flt: PostFilter | None = None) -> list[CalendarRow]:
        """Posts planned from ``first`` to ``last`` (inclusive), in day and time order.

        Only this range is read (the posts_by_day index), however many posts exist.
        """
        extra, params = (flt or PostFilter()).where()
        rows = self.store.db.conn.execute(
            "SELECT p.id, p.planned_on, p.planned_time, p.state, p.voice, p.title, a.name, a.role, "
            "p.channel FROM posts p LEFT JOIN ambassadors a ON a.id = p.author_id "
            f"WHERE p.planned_on BETWEEN ? AND ?{extra} ORDER BY p.planned_on, p.planned_time, p.id",
            [first.isoformat(), last.isoformat(), *params],
        ).fetchall()
        return [CalendarRow(r[0], date.fromisoformat(r[1]), *r[2:]) for r in rows]

    def month_summary(self, first: date, last: date, flt: PostFilter | None = None,
                      titles_per_day: int = 4) -> dict[date, DaySummary]:
        """Per day from ``first`` to ``last``: counts by state and the first few titles.

        Counting runs on an index (posts_mix_by_day); only ``titles_per_day`` titles a day
        reach Python, so a busy month costs the same as a quiet one.
        """
        flt = flt or PostFilter()
        extra, params = flt.where()
        inner, _params = flt.where("q.")
        span = [first.isoformat(), last.isoformat(), *params]
        conn = self.store.db.conn
        # Three small queries, each on an index: counts by day and state (posts_mix_by_day),
        # the days with a post by an owner or a manager (the few of them, through
        # posts_by_author), and the first titles of each day (posts_by_day, a few rows a day).
        # One query for all of it joined every post of the range to its author and numbered
        # them with a window function: ten times as long at 100,000 posts.
        leaders = "SELECT id FROM ambassadors WHERE role IN ('owner', 'manager')"
        days: dict[date, DaySummary] = {}
        for day_text, state, count in conn.execute(
            f"SELECT p.planned_on, p.state, count(*) FROM posts p "
            f"WHERE p.planned_on BETWEEN ? AND ?{extra} GROUP BY 1, 2", span,
        ):
            day = date.fromisoformat(day_text)
            summary = days.get(day) or days.setdefault(day, DaySummary({}, False, []))
            summary.counts[state] = count
        for (day_text,) in conn.execute(
            f"SELECT DISTINCT p.planned_on FROM posts p WHERE p.planned_on BETWEEN ? AND ?{extra} "
            f"AND p.author_id IN ({leaders})", span,
        ):
            day = date.fromisoformat(day_text)
            if day in days:
                days[day] = days[day]._replace(leader=True)
        for day_text, state, title, by_leader in conn.execute(
            "WITH RECURSIVE range(day) AS (SELECT ? UNION ALL SELECT date(day, '+1 day') FROM range "
            f"WHERE day < ?) SELECT p.planned_on, p.state, p.title, p.author_id IN ({leaders}) "
            "FROM range JOIN posts p ON p.id IN (SELECT q.id FROM posts q WHERE q.planned_on = range.day"
            f"{inner} ORDER BY q.planned_time, q.id LIMIT ?) ORDER BY p.planned_on, p.planned_time, p.id",
            [*span, titles_per_day],
        ):
            days[date.fromisoformat(day_text)].titles.append((state, title, bool(by_leader)))
        return days

    def voice_counts(self, first: date, last: date) -> Counter[str]:
        """Posts per voice in the range, dropped ones left out (they will not appear)."""
        rows = self.store.db.conn.execute(
            "SELECT voice, count(*) FROM posts WHERE planned_on BETWEEN ? AND ? "
            "AND state != 'dropped' GROUP BY voice",
            [first.isoformat(), last.isoformat()],
        ).fetchall()
        return Counter(dict(rows))

    def leader_posts(self, first: date, last: date) -> tuple[int, int]:
        """(planned, published) posts by owners and managers in the range."""
        row = self.store.db.conn.execute(
            "SELECT count(*), coalesce(sum(p.state = 'published'), 0) FROM posts p "
            "WHERE p.planned_on BETWEEN ? AND ? AND p.state != 'dropped' AND p.author_id IN "
            "(SELECT id FROM ambassadors WHERE role IN ('owner', 'manager'))",
            [first.isoformat(), last.isoformat()],
        ).fetchone()
        return row[0], row[1]

    def active_ambassadors(self) -> int:
        return self.store.db.conn.execute(
            "SELECT count(*) FROM ambassadors WHERE status = 'active'").fetchone()[0]

    # -- authors ---------------------------------------------------------------------

    def author_label(self, author_id: int | None) -> str:
        if author_id is None:
            return ""
        row = self.store.db.conn.execute("SELECT name, email FROM ambassadors WHERE id = ?",
                                         [author_id]).fetchone()
        if row is None:
            return ""
        return f"{row[0]} <{row[1]}>" if row[1] else row[0]

    def find_author(self, text: str) -> tuple[int | None, str | None]:
        """Resolve what was typed (``Name <email>``, an email or a name) to one person.

        Returns (id, None) or (None, a sentence saying what is wrong). Blank is "no author".
        """
        text = text.strip()
        if not text:
            return None, None
        email = text[text.rindex("<") + 1:].rstrip(">").strip() if text.endswith(">") and "<" in text \
            else (text if "@" in text else "")
        conn = self.store.db.conn
        if email:
            row = conn.execute("SELECT id FROM ambassadors WHERE email = ? COLLATE NOCASE",
                               [email]).fetchone()
            if row:
                return row[0], None
            return None, _("No one in the roster has the email {email}.").format(email=email)
        rows = conn.execute("SELECT id FROM ambassadors WHERE sort_key = ? LIMIT 2",
                            [fold(text)]).fetchall()
        if len(rows) == 1:
            return rows[0][0], None
        if rows:
            return None, _("Several people are called {text}: type the email address instead.").format(text=text)
        return None, _("No one called {text} is in the roster: add them there first, or leave this empty.").format(text=text)

    def suggest_author(self, text: str) -> str | None:
        """The first person whose name (or email) starts with ``text``, as ``Name <email>``."""
        needle = fold(text.strip())
        if len(needle) < 2:
            return None
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conn = self.store.db.conn
        row = conn.execute(
            "SELECT name, email FROM ambassadors WHERE sort_key LIKE ? ESCAPE '\\' "
            "ORDER BY sort_key, id LIMIT 1", [escaped + "%"]).fetchone()
        if row is None and "@" not in needle:
            row = conn.execute("SELECT name, email FROM ambassadors WHERE email LIKE ? ESCAPE '\\' "
                               "ORDER BY email LIMIT 1", [escaped + "%"]).fetchone()
        if row is None:
            return None
        suggestion = f"{row[0]} <{row[1]}>" if row[1] else row[0]
        return suggestion if fold(suggestion).startswith(needle) else None


# -- the library ---------------------------------------------------------------------


def _item(row: tuple, topics: tuple[str, ...] = ()) -> LibraryItem:
    id_, kind, title, body, tags, language, location, created, updated, format_ = row
    return LibraryItem(id=id_, kind=kind, title=title, body=body, tags=tags, language=language,
                       location=location, created_at=created, updated_at=updated, topics=topics,
                       format=format_)


def _search_text(item: LibraryItem) -> str:
    """What the library's search reads. Topics are searched through ``item_topics``."""
    return " ".join(fold(part) for part in (item.kind, item.title, item.tags, item.language,
                                            item.body) if part)


class LibraryRow(NamedTuple):
    id: int
    kind: str
    title: str
    language: str
    tags: str
    location: str


class LibraryRepo:
    def __init__(self, store: Store):
        self.store = store

    def _where(self, text: str) -> tuple[str, list[object]]:
        words = fold(text).split()
        if not words:
            return "", []
        clauses: list[str] = []
        params: list[object] = []
        for word in words:
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("search_text LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
        return " WHERE " + " AND ".join(clauses), params

    def add(self, item: LibraryItem) -> int:
        now = item.created_at or self.store.now_text()
        with self.store.write():
            cursor = self.store.db.conn.execute(
                "INSERT INTO library_items (kind, title, body, tags, language, location, "
                "search_text, created_at, updated_at, format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [item.kind, item.title, item.body, item.tags, item.language, item.location,
                 _search_text(item), now, now, item.format])
            item_id = inserted_id(cursor)
            if item.topics:
                set_topics(self.store.db.conn, "item_topics", item_id, item.topics, now)
        return item_id

    def update(self, item: LibraryItem) -> None:
        with self.store.write():
            now = self.store.now_text()
            self.store.db.conn.execute(
                "UPDATE library_items SET kind = ?, title = ?, body = ?, tags = ?, language = ?, "
                "location = ?, search_text = ?, updated_at = ?, format = ? WHERE id = ?",
                [item.kind, item.title, item.body, item.tags, item.language, item.location,
                 _search_text(item), now, item.format, item.id])
            if item.id is not None:
                set_topics(self.store.db.conn, "item_topics", item.id, item.topics, now)

    def delete(self, item_id: int) -> None:
        with self.store.write():
            self.store.db.conn.execute("DELETE FROM library_items WHERE id = ?", [item_id])
            prune(self.store.db.conn)

    def get(self, item_id: int) -> LibraryItem | None:
        row = self.store.db.conn.execute(
            f"SELECT {LIBRARY_COLUMNS} FROM library_items WHERE id = ?", [item_id]).fetchone()
        return _item(row, topics_of(self.store.db.conn, "item_topics", row[0])) if row else None

    def total(self) -> int:
        return self.store.db.conn.execute("SELECT count(*) FROM library_items").fetchone()[0]

    def count(self, text: str = "") -> int:
        where, params = self._where(text)
        return self.store.db.conn.execute(f"SELECT count(*) FROM library_items{where}",
                                          params).fetchone()[0]

    def page(self, text: str, offset: int, limit: int) -> list[LibraryRow]:
        where, params = self._where(text)
        rows = self.store.db.conn.execute(
            f"SELECT id, kind, title, language, tags, location FROM library_items{where} "
            "ORDER BY kind, title COLLATE NOCASE, id LIMIT ? OFFSET ?",
            [*params, limit, offset]).fetchall()
        return [LibraryRow(*row) for row in rows]

    def position(self, text: str, item_id: int) -> int | None:
        ids = [row[0] for row in self.store.db.conn.execute(
            f"SELECT id FROM library_items{self._where(text)[0]} ORDER BY kind, "
            "title COLLATE NOCASE, id", self._where(text)[1]).fetchall()]
        return ids.index(item_id) if item_id in ids else None


# -- the demo program ------------------------------------------------------------------


def fill_calendar(store: Store, language: str | None = None) -> None:
    """The demo's library and three months of posts around today (deterministic)."""
    from datetime import timedelta

    import tomli

    from advocacy_tui.data.demo_content import demo_text
    from advocacy_tui.domain.calendar import parse_time
    from advocacy_tui.domain.topics import parse_topics

    content = tomli.loads(demo_text("demo_calendar", language))
    today = store.clock.today()
    domain = content["email_domain"]
    library = LibraryRepo(store)
    posts = PostRepo(store)
    conn = store.db.conn
    with store.write():
        for entry in content["library"]:
            library.add(LibraryItem(id=None, kind=entry["kind"], title=entry["title"],
                                    body=entry.get("body", "").strip(), tags=entry.get("tags", ""),
                                    language=entry.get("language", "en"),
                                    location=entry.get("location", ""),
                                    topics=parse_topics(entry.get("topics", "")),
                                    format=entry.get("format", "")))
        for number, entry in enumerate(content["posts"]):
            offset = int(entry["day"])
            day = today + timedelta(days=offset)
            row = conn.execute("SELECT id, linkedin FROM ambassadors WHERE email = ?",
                               [f"{entry['author']}@{domain}"]).fetchone()
            state = entry.get("state") or (
                "published" if offset < 0 else "ready" if offset <= 7 else "draft")
            url = ""
            if state == "published":
                profile = (row[1] if row and row[1] else "https://www.linkedin.com").rstrip("/")
                url = f"{profile}/recent-activity/post-{number + 1}"
            posts.add(Post(
                id=None, title=entry["title"], body=entry.get("body", "").strip(),
                author_id=row[0] if row else None, channel=entry.get("channel", "LinkedIn"),
                planned_on=day,
                planned_time=parse_time(entry["time"]) if "time" in entry else None,
                state=state, voice=entry["voice"], published_url=url,
                published_on=day if state == "published" else None,
                notes=entry.get("notes", ""), topics=parse_topics(entry.get("topics", "")),
                uid=str(uuid.uuid5(uuid.NAMESPACE_URL, f"advocacy-tui-demo/post/{number}"))
                + "@advocacy-tui",
            ))

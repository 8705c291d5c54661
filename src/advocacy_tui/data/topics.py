"""Reading and writing ``topics`` and the tables that link them to people, library items
and posts (``person_topics``, ``item_topics``, ``post_topics``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from advocacy_tui.data.store import Store
from advocacy_tui.domain.topics import topic_key

#: link table -> the column naming what the topics belong to
LINKS: dict[str, str] = {"person_topics": "ambassador_id", "item_topics": "library_item_id",
                         "post_topics": "post_id"}
COMPLETION_MAX = 2_000


def topic_ids(conn: sqlite3.Connection, names: Sequence[str], now: str) -> list[int]:
    """The ids of these topics, added first where they are new (a known topic keeps the
    spelling it was first given)."""
    ids: list[int] = []
    for name in names:
        key = topic_key(name)
        conn.execute("INSERT INTO topics (name, key, created_at) VALUES (?, ?, ?) "
                     "ON CONFLICT (key) DO NOTHING", [name, key, now])
        ids.append(conn.execute("SELECT id FROM topics WHERE key = ?", [key]).fetchone()[0])
    return ids


def prune(conn: sqlite3.Connection, ids: Iterable[int] | None = None) -> None:
    """Drop topics nothing links to any more (all of them, or only among ``ids``)."""
    unused = " AND ".join(f"id NOT IN (SELECT topic_id FROM {table})" for table in LINKS)
    if ids is None:
        conn.execute(f"DELETE FROM topics WHERE {unused}")
        return
    ids = list(ids)
    if ids:
        conn.execute(f"DELETE FROM topics WHERE id IN ({', '.join('?' * len(ids))}) AND {unused}", ids)


def set_topics(conn: sqlite3.Connection, table: str, owner_id: int, names: Sequence[str],
               now: str) -> None:
    """Link exactly these topics, in this order, to one person, item or post. The caller
    holds the write transaction (``store.write()``): it lands with the row it belongs to."""
    column = LINKS[table]
    before = [row[0] for row in conn.execute(f"SELECT topic_id FROM {table} WHERE {column} = ?",
                                             [owner_id])]
    conn.execute(f"DELETE FROM {table} WHERE {column} = ?", [owner_id])
    ids = topic_ids(conn, names, now)
    conn.executemany(f"INSERT OR IGNORE INTO {table} ({column}, topic_id, position) VALUES (?, ?, ?)",
                     [(owner_id, topic_id, position) for position, topic_id in enumerate(ids)])
    prune(conn, set(before) - set(ids))


def topics_of(conn: sqlite3.Connection, table: str, owner_id: int) -> tuple[str, ...]:
    column = LINKS[table]
    rows = conn.execute(
        f"SELECT t.name FROM {table} l JOIN topics t ON t.id = l.topic_id WHERE l.{column} = ? "
        "ORDER BY l.position, t.id", [owner_id]).fetchall()
    return tuple(row[0] for row in rows)


def topics_sql(table: str, owner: str) -> str:
    """A correlated subquery giving the topics of ``owner`` (an id expression) as one line,
    in the order typed: for exports and the import's comparison."""
    column = LINKS[table]
    return (f"(SELECT group_concat(name, ', ') FROM (SELECT t.name FROM {table} l "
            f"JOIN topics t ON t.id = l.topic_id WHERE l.{column} = {owner} ORDER BY l.position))")


class TopicRepo:
    """The topics in use, for completion and for showing."""

    def __init__(self, store: Store):
        self.store = store

    def names(self, limit: int = COMPLETION_MAX) -> list[str]:
        """Every topic in use, the most used first (completion offers them in this order)."""
        links = " UNION ALL ".join(f"SELECT topic_id FROM {table}" for table in LINKS)
        rows = self.store.conn.execute(
            f"SELECT t.name FROM topics t LEFT JOIN ({links}) l ON l.topic_id = t.id "
            "GROUP BY t.id ORDER BY count(l.topic_id) DESC, t.key LIMIT ?", [limit]).fetchall()
        return [row[0] for row in rows]

    def of_person(self, ambassador_id: int) -> tuple[str, ...]:
        return topics_of(self.store.conn, "person_topics", ambassador_id)

    def of_item(self, item_id: int) -> tuple[str, ...]:
        return topics_of(self.store.conn, "item_topics", item_id)

    def of_post(self, post_id: int) -> tuple[str, ...]:
        return topics_of(self.store.conn, "post_topics", post_id)

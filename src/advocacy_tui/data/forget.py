"""The right to erasure: remove one person and everything that names them.

What goes is found from the schema itself, so tables added later are covered too:
* rows of any table with a foreign key to ``ambassadors`` ON DELETE CASCADE are
  removed (involvement, onboarding steps, meeting attendance, ...);
* rows with a foreign key ON DELETE SET NULL are kept but unlinked (posts they wrote,
  tasks about them);
* the person's email address, and their full name when it has two words or more,
  are replaced by ``[removed]`` in the free text of every other row (notes, bodies,
  titles); columns that say who a row is (``name``, ``email``) are never rewritten,
  so a namesake keeps their name.

The erasure runs with ``PRAGMA secure_delete`` on, full-text indexes are merged
(``optimize``) so no old segment still holds the person, then the write-ahead log is
checkpointed and the file vacuumed, so the old bytes are not left in free pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from advocacy_tui.data.store import Store

REMOVED = "[removed]"
# Columns that say who a row *is* (a namesake keeps their name), or are keys: never rewritten.
IDENTITY = {"name", "email", "uid", "sort_key", "search_text", "title_key"}


@dataclass
class Erasure:
    """What forgetting one person does, counted per table."""

    person_id: int
    name: str
    email: str
    removed: dict[str, int] = field(default_factory=dict)  # table -> rows deleted
    unlinked: dict[str, int] = field(default_factory=dict)  # table -> rows kept, link cleared
    mentions: dict[str, int] = field(default_factory=dict)  # table -> rows whose text names them

    def lines(self) -> list[str]:
        out = [f"ambassadors: 1 row ({self.name}, {self.email}) removed"]
        out += [f"{table}: {n:,} row{'s' if n != 1 else ''} removed" for table, n in self.removed.items() if n]
        out += [f"{table}: {n:,} row{'s' if n != 1 else ''} kept, link to the person cleared"
                for table, n in self.unlinked.items() if n]
        out += [f"{table}: {n:,} row{'s mention' if n != 1 else ' mentions'} them in free text; "
                f"their name and email there become {REMOVED}" for table, n in self.mentions.items() if n]
        return out


def _links(store: Store) -> list[tuple[str, str, str]]:
    """(table, column, on_delete) of every foreign key that points at ambassadors."""
    conn = store.db.conn
    links = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        for row in conn.execute(f"PRAGMA foreign_key_list({_quote(table)})"):
            # id, seq, table, from, to, on_update, on_delete, match
            if row[2] == "ambassadors":
                links.append((table, row[3], row[6].upper()))
    return links


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _text_columns(store: Store) -> list[tuple[str, list[str]]]:
    """Ordinary tables (not full-text index internals) and their text columns."""
    conn = store.db.conn
    tables = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in tables if (sql or "").upper().startswith("CREATE VIRTUAL")]
    result = []
    for name, _sql in tables:
        if name.startswith("sqlite_") or name in virtual:
            continue
        if any(name.startswith(v + "_") for v in virtual):
            continue
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({_quote(name)})")
                   if ("TEXT" in (row[2] or "").upper() or not row[2]) and row[1] not in IDENTITY]
        if name == "ambassadors":
            columns = [c for c in columns if c == "notes"]  # other people's own details stay theirs
        if columns:
            result.append((name, columns))
    return result


def _patterns(name: str, email: str) -> list[re.Pattern[str]]:
    patterns = [re.compile(re.escape(email), re.IGNORECASE)] if email else []
    if len(name.split()) >= 2:
        patterns.append(re.compile(re.escape(name)))
    return patterns


def _mentions(store: Store, person_id: int, name: str, email: str) -> dict[str, list[tuple[int, dict[str, str]]]]:
    """Per table: (rowid, {column: new text}) for every row whose free text names the person."""
    patterns = _patterns(name, email)
    if not patterns:
        return {}
    conn = store.db.conn
    found: dict[str, list[tuple[int, dict[str, str]]]] = {}
    needles = [email.lower()] if email else []
    if len(name.split()) >= 2:
        needles.append(name.lower())
    for table, columns in _text_columns(store):
        condition = " OR ".join(f"instr(lower({_quote(c)}), ?) > 0" for c in columns for _ in needles)
        params = [needle for _c in columns for needle in needles]
        try:
            rows = conn.execute(
                f"SELECT rowid, {', '.join(_quote(c) for c in columns)} FROM {_quote(table)} WHERE {condition}",
                params,
            ).fetchall()
        except Exception:  # a WITHOUT ROWID table: nothing to rewrite by rowid
            continue
        for rowid, *values in rows:
            if table == "ambassadors" and rowid == person_id:
                continue  # their own row goes whole
            changes = {}
            for column, value in zip(columns, values, strict=True):
                if not isinstance(value, str):
                    continue
                new = value
                for pattern in patterns:
                    new = pattern.sub(REMOVED, new)
                if new != value:
                    changes[column] = new
            if changes:
                found.setdefault(table, []).append((rowid, changes))
    return found


def find_person(store: Store, email: str) -> tuple[int, str, str] | None:
    row = store.db.conn.execute(
        "SELECT id, name, email FROM ambassadors WHERE email = ? COLLATE NOCASE", (email.strip(),)
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def plan_erasure(store: Store, email: str) -> Erasure | None:
    """What forgetting the person with ``email`` would remove; None when no one has it."""
    person = find_person(store, email)
    if person is None:
        return None
    id_, name, stored_email = person
    erasure = Erasure(id_, name, stored_email)
    conn = store.db.conn
    for table, column, on_delete in _links(store):
        count = conn.execute(
            f"SELECT count(*) FROM {_quote(table)} WHERE {_quote(column)} = ?", (id_,)
        ).fetchone()[0]
        target = erasure.removed if on_delete == "CASCADE" else erasure.unlinked
        target[table] = target.get(table, 0) + count
    for table, rows in _mentions(store, id_, name, stored_email).items():
        erasure.mentions[table] = len(rows)
    return erasure


def forget(store: Store, email: str) -> Erasure | None:
    """Erase the person with ``email`` in one transaction, then scrub free pages."""
    conn = store.db.conn
    previous = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    try:
        erasure = plan_erasure(store, email)
        if erasure is None:
            return None
        with store.write():
            for table, rows in _mentions(store, erasure.person_id, erasure.name, erasure.email).items():
                for rowid, changes in rows:
                    assignments = ", ".join(f"{_quote(c)} = ?" for c in changes)
                    conn.execute(f"UPDATE {_quote(table)} SET {assignments} WHERE rowid = ?",
                                 [*changes.values(), rowid])
            conn.execute("DELETE FROM ambassadors WHERE id = ?", (erasure.person_id,))
            # A full-text index keeps deleted entries in old segments until they are merged.
            for (table,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
            ).fetchall():
                conn.execute(f"INSERT INTO {_quote(table)} ({_quote(table)}) VALUES ('optimize')")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(previous)}")
    return erasure

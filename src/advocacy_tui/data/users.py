"""Named users of a served program, and the record of who changed what.

- ``users``: a name and the SHA-256 hash of that person's sign-in token. The token itself
  is shown once, when the user is added, and never stored. (A token is 256 random bits, so a
  plain hash is enough: there is nothing to guess that a slow hash would protect.)
- ``changes``: one row for every person, post or task added, changed or removed by a named
  user, with when and by whom. The app records it through TEMP triggers on its own
  connection (``record_changes_as``), so every write of that app is recorded, whatever
  module made it, and other programs on the file are not affected.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from advocacy_tui.data.store import Store
from advocacy_tui.i18n import _

NAME_MAX = 60
#: the tables whose rows get a history, with the words the history shows
TRACKED_TABLES = ("ambassadors", "posts", "tasks")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def name_problem(name: str) -> str | None:
    name = name.strip()
    if not name:
        return _("A user needs a name.")
    if len(name) > NAME_MAX:
        return _("A user's name may be at most {count} characters long.").format(count=NAME_MAX)
    if not name.isprintable():
        return _("A user's name may not hold control characters.")
    return None


class UserError(ValueError):
    """A sentence for the person who asked."""


@dataclass(frozen=True)
class User:
    name: str
    created_at: str


@dataclass(frozen=True)
class Change:
    changed_at: str
    who: str
    action: str  # added, changed, removed


class UserRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, name: str) -> str:
        """Add a user; returns their new token (the only time it exists outside the browser)."""
        if problem := name_problem(name):
            raise UserError(problem)
        name = name.strip()
        token = secrets.token_urlsafe(32)
        with self.store.write():
            if self.store.conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
                raise UserError(_("There is already a user called “{name}”.").format(name=name))
            self.store.conn.execute(
                "INSERT INTO users (name, token_hash, created_at) VALUES (?, ?, ?)",
                (name, hash_token(token), self.store.now_text()))
        return token

    def remove(self, name: str) -> bool:
        with self.store.write():
            cursor = self.store.conn.execute("DELETE FROM users WHERE name = ?", (name.strip(),))
        return cursor.rowcount > 0

    def all(self) -> list[User]:
        rows = self.store.conn.execute(
            "SELECT name, created_at FROM users ORDER BY name COLLATE NOCASE").fetchall()
        return [User(name, created_at) for name, created_at in rows]

    def token_hashes(self) -> dict[str, str]:
        """name -> token hash, for the server to check sign-ins against."""
        return dict(self.store.conn.execute("SELECT name, token_hash FROM users").fetchall())


def who_has(token_hashes: dict[str, str], token: str | None) -> str | None:
    """The user whose token this is, compared in constant time; None for nobody."""
    if not token:
        return None
    given = hash_token(token).encode()
    found = None
    for name, stored in token_hashes.items():
        if hmac.compare_digest(given, stored.encode()):
            found = name
    return found


def record_changes_as(store: Store, who: str) -> None:
    """From now on, every person, post and task this store adds, changes or removes is
    recorded in ``changes`` under ``who``."""
    conn = store.conn
    conn.create_function("advocacy_who", 0, lambda: who)
    conn.create_function("advocacy_now", 0, store.now_text)
    for table in TRACKED_TABLES:
        for event, action, row in (("INSERT", "added", "NEW"), ("UPDATE", "changed", "NEW"),
                                   ("DELETE", "removed", "OLD")):
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS record_{table}_{action} AFTER {event} "
                f"ON main.{table} BEGIN INSERT INTO changes (changed_at, who, table_name, "
                f"row_id, action) VALUES (advocacy_now(), advocacy_who(), '{table}', "
                f"{row}.id, '{action}'); END")


def history(store: Store, table: str, row_id: int, limit: int = 5) -> list[Change]:
    """The latest changes to one row, newest first."""
    rows = store.conn.execute(
        "SELECT changed_at, who, action FROM changes WHERE table_name = ? AND row_id = ? "
        "ORDER BY id DESC LIMIT ?", (table, row_id, limit)).fetchall()
    return [Change(*row) for row in rows]

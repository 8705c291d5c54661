"""Ordered schema migrations. Version N is ``MIGRATIONS[N - 1]``.

Table and column names are a public interface (people open the file with
sqlite-utils or Datasette): add, never rename.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


def _run(db: sqlite_utils.Database, statements: str) -> None:
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)


def m001_ambassadors(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """
CREATE TABLE ambassadors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    department TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'ambassador'
        CHECK (role IN ('owner', 'manager', 'ambassador')),
    status TEXT NOT NULL DEFAULT 'candidate'
        CHECK (status IN ('candidate', 'invited', 'onboarding', 'active', 'paused', 'left')),
    linkedin TEXT NOT NULL DEFAULT '',
    joined TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sort_key TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX ambassadors_email ON ambassadors (email COLLATE NOCASE)
    WHERE email IS NOT NULL;
CREATE INDEX ambassadors_by_name ON ambassadors (sort_key, id);
CREATE INDEX ambassadors_by_role ON ambassadors (role, sort_key, id);
CREATE INDEX ambassadors_by_status ON ambassadors (status, sort_key, id);
CREATE INDEX ambassadors_by_department ON ambassadors (department COLLATE NOCASE, sort_key, id)
""",
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    m001_ambassadors,
]

SCHEMA_VERSION = len(MIGRATIONS)

"""Files the app wrote with the program's data in them (exports, reports, backups).

They are remembered (path, kind, time) in the ``files_written`` table so that ``forget``
can list the ones that still exist: the database can be wiped, these files are the
owner's to delete. Call :func:`record_file_written` after a file is written completely.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advocacy_tui.data.store import Store

EXPORT = "export"
REPORT = "report"
BACKUP = "backup"


def record_file_written(store: Store, path: str | os.PathLike[str], kind: str) -> None:
    """Remember that ``path`` was written. Never fails the write it records: a read-only
    or busy database just does not remember it."""
    if store.read_only:
        return
    from advocacy_tui.data.store import StoreError

    absolute = str(Path(path).expanduser().absolute())
    try:
        with store.write():
            store.db.conn.execute(
                "INSERT INTO files_written (path, kind, written_at) VALUES (?, ?, ?) "
                "ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, written_at = excluded.written_at",
                (absolute, kind, store.now_text()),
            )
    except (StoreError, sqlite3.Error):
        pass


def files_to_check(store: Store) -> list[Path]:
    """Files the app wrote that still exist: recorded exports, reports and backups, newest
    first, and the copies kept beside the database before upgrades and restores."""
    found: list[Path] = []
    try:
        rows = store.db.conn.execute("SELECT path FROM files_written ORDER BY written_at DESC, id DESC").fetchall()
    except sqlite3.Error:
        rows = []
    for (text,) in rows:
        path = Path(text)
        if path.is_file() and path not in found:
            found.append(path)
    folder = store.path.absolute().parent
    try:
        kept = sorted(folder.glob(f"{_glob_escape(store.path.name)}.before-*.bak"))
    except OSError:
        kept = []
    found += [path for path in kept if path.is_file() and path not in found]
    return found


def _glob_escape(name: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)

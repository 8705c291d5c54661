"""One Store per SQLite file: opening, checking, migrating and writing safely."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advocacy_tui.data.migrations import MIGRATIONS, SCHEMA_VERSION
from advocacy_tui.domain.clock import Clock, SystemClock

# "ADVT": marks a SQLite file as an advocacy-tui database (PRAGMA application_id).
APPLICATION_ID = 0x41445654
BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"


if TYPE_CHECKING:
    import sqlite_utils


class LazyDatabase:
    """``store.db``: the plain sqlite3 connection at once, sqlite-utils on first use.

    Importing sqlite-utils (and click, dateutil and pluggy with it) takes as long as
    importing Textual, so the app's start should not pay for it: ``conn``, ``execute``
    and ``close`` work without it, and anything else (``db["table"]``, ``atomic()``,
    ``table_names()``, ...) builds the real ``sqlite_utils.Database`` on this connection.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._real: sqlite_utils.Database | None = None
        conn.execute("PRAGMA recursive_triggers = on")  # what sqlite_utils.Database sets

    @property
    def real(self) -> sqlite_utils.Database:
        if self._real is None:
            import sqlite_utils

            self._real = sqlite_utils.Database(self.conn)
        return self._real

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters) if parameters is not None else self.conn.execute(sql)

    def close(self) -> None:
        self.conn.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def __getitem__(self, name: str) -> Any:
        return self.real[name]


class StoreError(Exception):
    """A database file that cannot be used; the message is one line for the user."""


def _check_header(path: Path) -> None:
    """Refuse files that are not SQLite or are visibly cut short, before SQLite opens them."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise StoreError(
            f"{path} is not an advocacy-tui database (it is not a SQLite file). "
            "Choose another file with --db, or move this one away."
        )
    if len(header) < 100:
        raise StoreError(f"{path} is damaged: the file is cut short. Restore it from a backup.")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if valid_for == change_counter and page_count and size < page_size * page_count:
        raise StoreError(f"{path} is damaged: the file is cut short. Restore it from a backup.")


def _inspect(path: Path) -> tuple[int, int, int]:
    """Read (application_id, user_version, table count) without changing the file."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(
            f"{path} cannot be read as a database ({error}). Restore it from a backup."
        ) from None
    return app_id, version, tables


class Store:
    """An open advocacy database. Create with :meth:`open`; close when done."""

    def __init__(self, path: Path, db: LazyDatabase, clock: Clock):
        self.path = path
        self.db = db
        self.clock = clock

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, clock: Clock | None = None) -> Store:
        """Open (or create) the database at ``path``, migrating it if it is older.

        Raises StoreError, leaving the file untouched, when it is not an advocacy
        database, is damaged, or was written by a newer version.
        """
        path = Path(path).expanduser()
        clock = clock or SystemClock()
        if path.is_dir():
            raise StoreError(f"{path} is a folder, not a database file. Give a file path with --db.")
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            _check_header(path)
            app_id, version, tables = _inspect(path)
            if app_id != APPLICATION_ID and (app_id != 0 or tables or version):
                raise StoreError(
                    f"{path} is a SQLite database of another program, not advocacy-tui. "
                    "Choose another file with --db."
                )
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{path} was written by a newer version of advocacy-tui (data version "
                    f"{version}, this one knows up to {SCHEMA_VERSION}). Update advocacy-tui."
                )
        else:
            if not path.parent.exists():
                raise StoreError(f"The folder {path.parent} does not exist. Create it or pick another path.")
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
                os.close(fd)
                os.chmod(path, 0o600)
            except OSError as error:
                raise StoreError(f"Cannot create {path}: {error.strerror}.") from None
            version = 0
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"Cannot open {path}: {error}.") from None
        db = LazyDatabase(conn)
        store = cls(path, db, clock)
        try:
            store._configure()
            store._migrate(version, backup=existed and version > 0)
        except sqlite3.DatabaseError as error:
            conn.close()
            raise StoreError(f"Cannot use {path}: {error}.") from None
        except BaseException:
            conn.close()
            raise
        return store

    def _configure(self) -> None:
        conn = self.db.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if self.db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")

    def _migrate(self, version: int, *, backup: bool) -> None:
        if version == SCHEMA_VERSION:
            return
        if backup:
            self.backup_to(self.path.with_name(f"{self.path.name}.before-v{SCHEMA_VERSION}.bak"))
        with self.write():
            for number in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[number - 1](self.db)
            self.db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- using -----------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return self.db.conn.execute("PRAGMA user_version").fetchone()[0]

    @contextlib.contextmanager
    def write(self) -> Iterator[LazyDatabase]:
        """One user action, one transaction: it lands whole or not at all.

        The write lock is taken up front (BEGIN IMMEDIATE), so a busy file makes this
        writer wait for the busy timeout rather than fail half-way. Nested calls
        become savepoints.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def now_text(self) -> str:
        """The clock's current moment as stored in *_at columns (ISO 8601, seconds)."""
        return self.clock.now().isoformat(timespec="seconds")

    def backup_to(self, target: str | os.PathLike[str]) -> Path:
        """A consistent copy of the whole database (SQLite's backup API), owner-only."""
        target = Path(target)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        os.chmod(target, 0o600)
        dest = sqlite3.connect(str(target))
        try:
            self.db.conn.backup(dest)
        finally:
            dest.close()
        return target

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

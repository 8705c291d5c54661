"""One Store per SQLite file: opening, checking, migrating and writing safely."""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advocacy_tui.data.migrations import MIGRATIONS, SCHEMA_VERSION
from advocacy_tui.domain.clock import Clock, SystemClock

if TYPE_CHECKING:
    import sqlite_utils

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


class WriteError(StoreError):
    """A change that could not be saved (read-only, disk full, busy); nothing of it was written."""


def explain_write_error(error: sqlite3.Error, path: Path) -> str:
    """Turn SQLite's words into the user's: what happened, that nothing was saved, what to do."""
    text = str(error).lower()
    if "readonly" in text or "read-only" in text:
        return (f"{path.name} can only be read (the file or its folder is write-protected): "
                "nothing was saved.")
    if "full" in text:
        return "The disk is full: nothing was saved. Free some space and try again."
    if "locked" in text or "busy" in text:
        return ("Another program kept the database busy for too long: nothing was saved. "
                "Try again in a moment.")
    return f"The change could not be saved ({error}); nothing of it was written."


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
    # A process killed in the middle of a checkpoint can leave the header's page count
    # ahead of the file's size; the write-ahead log beside it still holds those pages and
    # SQLite finishes the checkpoint on open. Only without a log is a short file damaged.
    wal = path.with_name(path.name + "-wal")
    has_log = wal.exists() and wal.stat().st_size > 0
    if valid_for == change_counter and page_count and size < page_size * page_count and not has_log:
        raise StoreError(f"{path} is damaged: the file is cut short. Restore it from a backup.")


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Open without any chance of writing. A WAL file in a folder we cannot write has no
    shared-memory index; then the file is read as it stands (immutable)."""
    base = path.resolve().as_uri()
    conn = sqlite3.connect(f"{base}?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path.parent, os.W_OK):
            raise
    return sqlite3.connect(f"{base}?immutable=1", uri=True, check_same_thread=False)


def _inspect(path: Path) -> tuple[int, int, int]:
    """Read (application_id, user_version, table count) without changing the file."""
    try:
        conn = _connect_read_only(path)
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


def _writable(path: Path) -> bool:
    """Can this file and its folder (for the WAL and its index) be written?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def check_database_file(path: Path) -> None:
    """Raise StoreError unless ``path`` is a complete advocacy database this version can read."""
    if not path.is_file():
        raise StoreError(f"{path} is not a file.")
    _check_header(path)
    app_id, version, _ = _inspect(path)
    if app_id != APPLICATION_ID:
        raise StoreError(f"{path} is not an advocacy-tui database.")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path} was written by a newer version of advocacy-tui. Update advocacy-tui.")
    conn = _connect_read_only(path)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is damaged ({error}).") from None
    finally:
        conn.close()
    if result != "ok":
        raise StoreError(f"{path} is damaged ({result}).")


class Store:
    """An open advocacy database. Create with :meth:`open`; close when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, clock: Clock, *, read_only: bool = False):
        self.path = path
        self.conn = conn
        self.clock = clock
        self.read_only = read_only
        # ``store.db``: the same connection as a sqlite-utils Database, built on first use.
        self.db = LazyDatabase(conn)
        self._savepoints = itertools.count()

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
            if not _writable(path):
                return cls._open_read_only(path, clock, version)
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
        store = cls(path, conn, clock)
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

    @classmethod
    def _open_read_only(cls, path: Path, clock: Clock, version: int) -> Store:
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"{path} comes from an older version and must be upgraded, but it cannot be "
                "written. Make the file and its folder writable, then open it again."
            )
        conn = _connect_read_only(path)
        conn.execute("PRAGMA foreign_keys = ON")
        return cls(path, conn, clock, read_only=True)

    def _configure(self) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
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
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- using -----------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    @contextlib.contextmanager
    def write(self) -> Iterator[LazyDatabase]:
        """One user action, one transaction: it lands whole or not at all.

        The write lock is taken up front (BEGIN IMMEDIATE), so a busy file makes this
        writer wait for the busy timeout rather than fail half-way. Nested calls
        become savepoints.
        """
        conn = self.conn
        if self.read_only:
            raise WriteError(explain_write_error(sqlite3.OperationalError("readonly"), self.path))
        if conn.in_transaction:
            name = f"advocacy_{next(self._savepoints)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self.db
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise WriteError(explain_write_error(error, self.path)) from error
        try:
            yield self.db
            conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise WriteError(explain_write_error(error, self.path)) from error
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

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
            self.conn.backup(dest)
        finally:
            dest.close()
        return target

    def restore_from(self, source: str | os.PathLike[str]) -> Path:
        """Replace this database's content with ``source``, keeping the current one as a backup.

        The source is checked first; the copy runs through SQLite's backup API, so other
        programs with the file open see either the old or the new content, never a mix.
        """
        source = Path(source)
        check_database_file(source)
        if self.read_only:
            raise WriteError(explain_write_error(sqlite3.OperationalError("readonly"), self.path))
        stamp = self.clock.now().strftime("%Y%m%d-%H%M%S")
        kept = self.backup_to(self.path.with_name(f"{self.path.name}.before-restore-{stamp}.bak"))
        src = _connect_read_only(source)
        try:
            src.backup(self.conn)
        finally:
            src.close()
        self._configure()
        self._migrate(self.schema_version, backup=False)
        return kept

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

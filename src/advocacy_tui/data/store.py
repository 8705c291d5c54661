"""One Store per SQLite file: opening, checking, migrating and writing safely."""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
import stat
import struct
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advocacy_tui.data.migrations import MIGRATIONS, SCHEMA_VERSION
from advocacy_tui.domain.clock import Clock, SystemClock
from advocacy_tui.i18n import _

if TYPE_CHECKING:
    import sqlite_utils

# "ADVT": marks a SQLite file as an advocacy-tui database (PRAGMA application_id).
APPLICATION_ID = 0x41445654
BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"


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


class ChangedMeanwhile(Exception):
    """The row was changed (``current``) or removed (``current`` is None) by another window
    or tab since the edit began; nothing was written."""

    def __init__(self, current: object | None) -> None:
        super().__init__(_("Changed in another window meanwhile.") if current is not None
                         else _("Removed in another window meanwhile."))
        self.current = current


class WriteError(StoreError):
    """A change that could not be saved (read-only, disk full, busy); nothing of it was written."""


def explain_write_error(error: sqlite3.Error, path: Path) -> str:
    """Turn SQLite's words into the user's: what happened, that nothing was saved, what to do."""
    text = str(error).lower()
    if "readonly" in text or "read-only" in text:
        return (_("{name} can only be read (the file or its folder is write-protected): nothing was saved.").format(name=path.name))
    if "full" in text:
        return _("The disk is full: nothing was saved. Free some space and try again.")
    if "locked" in text or "busy" in text:
        return (_("Another program kept the database busy for too long: nothing was saved. Try again in a moment."))
    return _("The change could not be saved ({error}); nothing of it was written.").format(error=error)


class _HeldFile:
    """Descriptors this process holds on one database file, and how many users hold it."""

    __slots__ = ("fds", "path", "users")

    def __init__(self, fd: int, path: Path) -> None:
        self.fds = [fd]
        self.path = path
        self.users = 1


# Every database file this process has open, by (st_dev, st_ino). On POSIX, closing *any*
# descriptor of a file releases all of the process's fcntl locks on it, SQLite's included
# ("How To Corrupt An SQLite Database File", 2.2): another program closing the file would
# then think itself the last user and delete the write-ahead log under our connection. So
# nothing here opens and closes a database file outside SQLite while a connection may be
# open: the header is read with os.pread through one descriptor per file, which is closed
# only when the last Store (or check) of the file in this process has closed its connection.
_held: dict[tuple[int, int], _HeldFile] = {}
_held_lock = threading.Lock()


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT on this cursor just added."""
    if cursor.lastrowid is None:
        raise StoreError(_("The new row was not saved."))  # only an INSERT's cursor is passed here
    return cursor.lastrowid


def refuse_special_file(path: Path) -> os.stat_result | None:
    """The file's status, or None if it does not exist; StoreError for a device, a FIFO, a
    socket or a folder. Only stat is used: a FIFO is never opened (that would hang)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(_("Cannot use {path}: {reason}.").format(
            path=path, reason=error.strerror or error)) from None
    if stat.S_ISDIR(status.st_mode):
        raise StoreError(_("{path} is a folder, not a database file. Give a file path.").format(path=path))
    if not stat.S_ISREG(status.st_mode):
        raise StoreError(_("{path} is not a regular file (it is a device, a pipe or a socket); "
                           "it was left untouched. Give the path of a database file.").format(path=path))
    return status


def _acquire(path: Path, *, create: bool) -> tuple[tuple[int, int], int, bool]:
    """Hold ``path`` for this process: (key, descriptor, already held by another user)."""
    with _held_lock:
        status = refuse_special_file(path)
        if status is not None:
            key = (status.st_dev, status.st_ino)
            if key in _held:
                entry = _held[key]
                entry.users += 1
                return key, entry.fds[0], True
        # Non-blocking: should a pipe replace the file after the stat, opening it never hangs.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            if status is None and create:
                fd = os.open(path, flags | os.O_CREAT | os.O_EXCL, 0o600)
                with contextlib.suppress(OSError, AttributeError):
                    os.fchmod(fd, 0o600)
            else:
                fd = os.open(path, flags)
        except FileExistsError:  # another program created it just now: use it as it is
            fd = os.open(path, flags)
        except OSError as error:
            if status is None and not create:
                raise StoreError(_("{path} does not exist.").format(path=path)) from None
            raise StoreError(_("Cannot open {path}: {reason}.").format(
                path=path, reason=error.strerror or error)) from None
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):  # replaced between stat and open; nothing is held
            os.close(fd)
            raise StoreError(_("{path} is not a regular file; it was left untouched.").format(path=path))
        key = (opened.st_dev, opened.st_ino)
        if key in _held:  # the file was swapped under us for one we hold: keep this fd too
            entry = _held[key]
            entry.fds.append(fd)
            entry.users += 1
            return key, entry.fds[0], True
        _held[key] = _HeldFile(fd, path.absolute())
        return key, fd, False


def _release(key: tuple[int, int]) -> None:
    """One user of the file is done (its connection is closed already)."""
    with _held_lock:
        entry = _held.get(key)
        if entry is None:
            return
        entry.users -= 1
        if entry.users <= 0:
            del _held[key]
            for fd in entry.fds:
                os.close(fd)


def _check_header(path: Path, fd: int | None = None) -> None:
    """Refuse files that are not SQLite or are visibly cut short, before SQLite opens them.
    Reads through ``fd``, the process's descriptor of the file (see ``_held``)."""
    if fd is None:
        key, fd, _shared = _acquire(path, create=False)
        try:
            return _check_header(path, fd)
        finally:
            _release(key)
    size = os.fstat(fd).st_size
    if hasattr(os, "pread"):
        header = os.pread(fd, 100, 0)
    else:  # no pread (Windows): the descriptor is shared, so seek and read under the lock
        with _held_lock:
            os.lseek(fd, 0, os.SEEK_SET)
            header = os.read(fd, 100)
    if not header.startswith(SQLITE_HEADER):
        raise StoreError(
            _("{path} is not an advocacy-tui database (it is not a SQLite file). Choose another file with --db, or move this one away.").format(path=path)
        )
    if len(header) < 100:
        raise StoreError(_("{path} is damaged: the file is cut short. Restore it from a backup.").format(path=path))
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
        raise StoreError(_("{path} is damaged: the file is cut short. Restore it from a backup.").format(path=path))


def held_paths() -> list[Path]:
    """The database files this process has open (no export may overwrite them)."""
    with _held_lock:
        return [entry.path for entry in _held.values()]


def is_held(path: str | os.PathLike[str]) -> bool:
    """Does this process have ``path`` open as a database right now?"""
    try:
        status = os.stat(path)
    except OSError:
        return False
    with _held_lock:
        return (status.st_dev, status.st_ino) in _held


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


def _inspect(path: Path, conn: sqlite3.Connection | None = None) -> tuple[int, int, int]:
    """Read (application_id, user_version, table count) without changing the file, through
    ``conn`` or else a short-lived read-only connection."""
    try:
        own = conn is None
        conn = _connect_read_only(path) if conn is None else conn
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        finally:
            if own:
                conn.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(
            _("{path} cannot be read as a database ({error}). Restore it from a backup.").format(path=path, error=error)
        ) from None
    return app_id, version, tables


def _writable(path: Path) -> bool:
    """Can this file and its folder (for the WAL and its index) be written?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def check_database_file(path: Path) -> None:
    """Raise StoreError unless ``path`` is a complete advocacy database this version can read."""
    path = Path(path)
    if refuse_special_file(path) is None:
        raise StoreError(_("{path} is not a file.").format(path=path))
    key, fd, _shared = _acquire(path, create=False)
    try:
        _check_header(path, fd)
        # SQLite's own connections may open and close freely: SQLite keeps a descriptor
        # whose file still has locks in this process open until the locks are gone.
        app_id, version, _tables = _inspect(path)
        if app_id != APPLICATION_ID:
            raise StoreError(_("{path} is not an advocacy-tui database.").format(path=path))
        if version > SCHEMA_VERSION:
            raise StoreError(_("{path} was written by a newer version of advocacy-tui. Update advocacy-tui.").format(path=path))
        conn = _connect_read_only(path)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise StoreError(_("{path} is damaged ({error}).").format(path=path, error=error)) from None
        finally:
            conn.close()
    finally:
        _release(key)
    if result != "ok":
        raise StoreError(_("{path} is damaged ({result}).").format(path=path, result=result))


class Store:
    """An open advocacy database. Create with :meth:`open`; close when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, clock: Clock, *, read_only: bool = False,
                 held: tuple[int, int] | None = None):
        self.path = path
        self.conn = conn
        self.clock = clock
        self.read_only = read_only
        # ``store.db``: the same connection as a sqlite-utils Database, built on first use.
        self.db = LazyDatabase(conn)
        self._savepoints = itertools.count()
        self._held = held  # this store's share of the process's hold on the file (see _held)

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, clock: Clock | None = None,
             create: bool = True) -> Store:
        """Open (or, unless ``create`` is false, create) the database at ``path``,
        migrating it if it is older.

        Raises StoreError, leaving the file untouched, when it is not an advocacy
        database, is damaged, was written by a newer version, is not a regular file
        (a device, a pipe, a socket), or does not exist and ``create`` is false.
        """
        path = Path(path).expanduser()
        clock = clock or SystemClock()
        if path.is_dir():
            raise StoreError(_("{path} is a folder, not a database file. Give a file path with --db.").format(path=path))
        if refuse_special_file(path) is None:
            if not create:
                raise StoreError(_("{path} does not exist. Check the path given with --db, "
                                   "or open the app once to create the program.").format(path=path))
            if not path.parent.exists():
                raise StoreError(_("The folder {parent} does not exist. Create it or pick another path.").format(parent=path.parent))
        key, fd, shared = _acquire(path, create=create)
        try:
            return cls._open_held(path, clock, key, fd, shared)
        except BaseException:
            _release(key)  # every connection of this attempt is closed by now
            raise

    @classmethod
    def _open_held(cls, path: Path, clock: Clock, key: tuple[int, int], fd: int,
                   shared: bool) -> Store:
        existed = os.fstat(fd).st_size > 0
        writable = _writable(path)
        version: int | None = None if existed else 0
        if existed:
            _check_header(path, fd)
            if not shared:  # checked before any connection that could write is opened
                version = cls._refuse_foreign(path, *_inspect(path))
            if not writable:
                return cls._open_read_only(path, clock, version, held=key)
        else:
            with contextlib.suppress(OSError, AttributeError):
                os.fchmod(fd, 0o600)
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(_("Cannot open {path}: {error}.").format(path=path, error=error)) from None
        store = cls(path, conn, clock, held=key)
        try:
            if version is None:  # a file this process holds already: checked through this connection
                version = cls._refuse_foreign(path, *_inspect(path, conn))
            store._configure()
            store._migrate(version, backup=existed and version > 0)
        except sqlite3.DatabaseError as error:
            conn.close()
            if isinstance(error, sqlite3.OperationalError) and any(
                    word in str(error).lower() for word in ("locked", "busy")):
                raise WriteError(explain_write_error(error, path)) from None  # "busy, try again"
            raise StoreError(_("Cannot use {path}: {error}.").format(path=path, error=error)) from None
        except BaseException:
            conn.close()
            raise
        return store

    @staticmethod
    def _refuse_foreign(path: Path, app_id: int, version: int, tables: int) -> int:
        """The file's data version, or StoreError for another program's or a newer file."""
        if app_id != APPLICATION_ID and (app_id != 0 or tables or version):
            raise StoreError(
                _("{path} is a SQLite database of another program, not advocacy-tui. Choose another file with --db.").format(path=path)
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                _("{path} was written by a newer version of advocacy-tui (data version {version}, this one knows up to {schema_version}). Update advocacy-tui.").format(path=path, version=version, schema_version=SCHEMA_VERSION)
            )
        return version

    @classmethod
    def _open_read_only(cls, path: Path, clock: Clock, version: int | None,
                        held: tuple[int, int] | None = None) -> Store:
        conn = _connect_read_only(path)
        try:
            if version is None:
                version = cls._refuse_foreign(path, *_inspect(path, conn))
            if version < SCHEMA_VERSION:
                raise StoreError(
                    _("{path} comes from an older version and must be upgraded, but it cannot be written. Make the file and its folder writable, then open it again.").format(path=path)
                )
            conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, clock, read_only=True, held=held)

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
            self.backup_to(self.path.with_name(f"{self.path.name}.before-v{SCHEMA_VERSION}.bak"),
                           unique=True)
        with self.write():
            # Another process may have upgraded (or created) the file since the version was
            # read; under the write lock the version read now is the one to start from.
            version = self.schema_version
            for number in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[number - 1](self.db.real)
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

    def backup_to(self, target: str | os.PathLike[str], *, unique: bool = False,
                  progress: Any = None) -> Path:
        """A consistent copy of the whole database (SQLite's backup API), owner-only.

        The copy is written to a hidden ``.part`` file beside ``target`` and appears under
        its name only when complete, so a killed or failed backup leaves no half file. An
        existing file is never overwritten: FileExistsError, or with ``unique`` the next
        free name (``name-2.bak``, ...).
        """
        from advocacy_tui.data.files import new_part, publish_new

        target = Path(target)
        partial, fd = new_part(target)
        try:
            os.close(fd)  # not a database of ours: closing it drops no lock we need
            dest = sqlite3.connect(str(partial))
            try:
                self.conn.backup(dest, pages=-1 if progress is None else 64,
                                 progress=progress)
            finally:
                dest.close()
            return publish_new(partial, target, unique=unique)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise

    def restore_from(self, source: str | os.PathLike[str]) -> Path:
        """Replace this database's content with ``source``, keeping the current one as a backup.

        The source is checked first; the copy runs through SQLite's backup API, so other
        programs with the file open see either the old or the new content, never a mix.
        """
        source = Path(source)
        with contextlib.suppress(OSError):
            if os.path.samefile(source, self.path):
                raise StoreError(_("{source} is the database itself; choose a backup file.").format(
                    source=source))
        check_database_file(source)
        if self.read_only:
            raise WriteError(explain_write_error(sqlite3.OperationalError("readonly"), self.path))
        stamp = self.clock.now().strftime("%Y%m%d-%H%M%S")
        kept = self.backup_to(self.path.with_name(f"{self.path.name}.before-restore-{stamp}.bak"),
                              unique=True)  # two restores in one second keep both copies
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
        held, self._held = self._held, None
        if held is not None:
            _release(held)  # after the connection: see _held

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

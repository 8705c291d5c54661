"""One check for every file the user names for writing: an export, a report, a backup.

Refused before anything is written: the database (the one given, and every one this
process has open), its write-ahead log, shared-memory index and journal, the config file,
a folder, and anything that is not a regular file (a device, a pipe, a socket). Only
``os.stat`` is used to look: a pipe is never opened, so nothing can hang.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from advocacy_tui import paths
from advocacy_tui.i18n import _

DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


class OutputPathError(OSError):
    """A path that must not be written; the message is one sentence for the user."""


def _same(a: Path, b: Path) -> bool:
    """The same file: the same inode if both exist, else the same resolved path."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def protected_files(databases: Iterable[Path] = ()) -> list[tuple[Path, str]]:
    """(path, what it is) for every file no export may overwrite."""
    from advocacy_tui.data.store import held_paths

    found: list[tuple[Path, str]] = []
    for database in [*databases, *held_paths()]:
        for suffix in DATABASE_COMPANIONS:
            what = _("the program's database") if not suffix else _("a working file of the database")
            found.append((Path(f"{database}{suffix}"), what))
    found.append((paths.config_file(), _("the config file")))
    return found


def check_output_path(path: str | os.PathLike[str], *, databases: Iterable[Path] = ()) -> Path:
    """``path`` (expanded) if it may be written, else OutputPathError saying why."""
    path = Path(path).expanduser()
    try:
        status = os.stat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise OutputPathError(_("Cannot write {path}: {reason}.").format(
            path=path, reason=error.strerror or error)) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise OutputPathError(_("{path} is a folder; give a file name.").format(path=path))
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise OutputPathError(_("{path} is not a regular file (it is a device, a pipe or a socket); "
                                "it was left untouched. Give the name of a file.").format(path=path))
    if not path.parent.is_dir():
        raise OutputPathError(_("The folder {folder} does not exist.").format(folder=path.parent))
    for protected, what in protected_files(databases):
        if _same(path, protected):
            raise OutputPathError(_("{path} is {what}: nothing was written. "
                                    "Give another file name.").format(path=path, what=what))
    return path


def check_input_path(path: str | os.PathLike[str]) -> Path:
    """``path`` if it may be read as a file the user brings, else OutputPathError: not a
    regular file (a pipe would hang, a device never ends), or a database this process has
    open (reading and closing it outside SQLite would drop the process's locks on it)."""
    from advocacy_tui.data.store import is_held

    path = Path(path).expanduser()
    try:
        status = os.stat(path)
    except OSError:
        return path  # the caller says it does not exist or cannot be read
    if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):
        raise OutputPathError(_("{path} is not a regular file (it is a device, a pipe or a socket). "
                                "Give the path of a CSV file.").format(path=path))
    if is_held(path):
        raise OutputPathError(_("{path} is the program's database, not a CSV file. "
                                "Give the path of a CSV file.").format(path=path))
    return path

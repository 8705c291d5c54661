"""Files the app writes for the user (exports, reports, backups): private and all-or-nothing."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from advocacy_tui import paths
from advocacy_tui.i18n import _


class FileWriteError(OSError):
    """A file that could not be written; the message is one sentence for the user."""


# ``.<name>.<pid>.<token>.part``: the process that writes it is in its name, so the next
# run can tell a part file of a killed export (its process is gone) from one being written.
_PART = re.compile(r"^\..+\.(\d+)\.[0-9a-f]{8}\.part(-journal)?$")


def _unfinished_dir() -> Path:
    """Where a marker per part file being written points at it, wherever it is."""
    return paths.state_dir() / "unfinished"


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # on Windows os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no right to ask: leave its files alone
        return True
    return True


def _remove_if_stale(part: Path) -> None:
    match = _PART.match(part.name)
    if match is None or _alive(int(match.group(1))):
        return
    with contextlib.suppress(OSError):
        if part.is_file() and not part.is_symlink():
            part.unlink()


def clean_stale_parts(folders: Iterable[Path] = ()) -> None:
    """Remove the part files of exports and backups whose process was killed: in
    ``folders``, and wherever a marker of an unfinished write points. Never raises."""
    with contextlib.suppress(OSError):
        for marker in list(_unfinished_dir().iterdir()):
            pid = marker.name.split(".", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    target = Path(os.readlink(marker))
                    _remove_if_stale(target)
                    _remove_if_stale(target.with_name(target.name + "-journal"))
                with contextlib.suppress(OSError):
                    marker.unlink()
    for folder in folders:
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                if entry.name.endswith((".part", ".part-journal")) and _PART.match(entry.name):
                    _remove_if_stale(Path(entry.path))


def _marker(part: Path) -> Path:
    match = _PART.match(part.name)
    assert match is not None
    return _unfinished_dir() / f"{match.group(1)}.{part.name.rsplit('.', 2)[-2]}"


def new_part(path: Path) -> tuple[Path, int]:
    """A new hidden part file beside ``path``, owner-only: (its path, an open descriptor).
    Part files left behind by killed runs are cleaned up first."""
    folder = path.parent
    clean_stale_parts([folder])
    with contextlib.suppress(OSError):  # what versions before pid-named part files left
        legacy = folder / f".{path.name}.part"
        if legacy.is_file() and not legacy.is_symlink():
            legacy.unlink()
    partial = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part"
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        os.fchmod(fd, 0o600)
    except OSError as error:
        raise FileWriteError(_("Cannot write {path}: {value}.").format(path=path, value=error.strerror or error)) from None
    with contextlib.suppress(OSError):
        _unfinished_dir().mkdir(parents=True, exist_ok=True, mode=0o700)
        os.symlink(partial.absolute(), _marker(partial))
    return partial, fd


def done_part(partial: Path) -> None:
    """The part file is gone (renamed into place or removed): drop its marker."""
    with contextlib.suppress(OSError):
        _marker(partial).unlink()


def publish_new(partial: Path, target: Path, *, unique: bool = False) -> Path:
    """Give the complete ``partial`` the name ``target`` without ever replacing a file:
    FileExistsError if it exists, or with ``unique`` the next free name."""
    stem, suffix = (target.stem, target.suffix) if target.suffix else (target.name, "")
    for number in range(1, 1000):
        name = target if number == 1 else target.with_name(f"{stem}-{number}{suffix}")
        try:
            os.link(partial, name)  # fails if ``name`` exists: nothing is overwritten
        except FileExistsError:
            if not unique:
                raise
            continue
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            try:  # a file system without hard links: claim the name, then move into it
                os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                if not unique:
                    raise
                continue
            os.replace(partial, name)
            done_part(partial)
            return name
        partial.unlink()
        done_part(partial)
        return name
    raise FileExistsError(errno.EEXIST, "No free file name", str(target))


@contextlib.contextmanager
def private_file(path: str | os.PathLike[str], *, encoding: str | None = "utf-8",
                 newline: str | None = "", databases: Iterable[Path] = ()) -> Iterator[IO]:
    """Open ``path`` for writing, readable by its owner only (0600): these files hold
    personal data. The content goes to a hidden ``.part`` file that replaces ``path`` only
    when complete, so an interrupted write leaves no half file (and a killed one's part
    file is removed on the next run). ``encoding=None`` gives a binary handle. The path is
    checked first (``paths_check``): never the database, its log or the config file.
    """
    from advocacy_tui.data.paths_check import check_output_path

    try:
        path = check_output_path(path, databases=databases)
    except OSError as error:
        raise FileWriteError(str(error)) from None
    partial, fd = new_part(path)
    try:
        if encoding is None:
            with open(fd, "wb") as handle:
                yield handle
        else:
            with open(fd, "w", encoding=encoding, newline=newline) as handle:
                yield handle
        os.replace(partial, path)
        done_part(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        done_part(partial)
        raise


def write_private(path: str | os.PathLike[str], data: bytes, *,
                  databases: Iterable[Path] = ()) -> Path:
    """Write ``data`` to ``path`` privately and all-or-nothing (see :func:`private_file`)."""
    with private_file(path, encoding=None, databases=databases) as handle:
        handle.write(data)
    return Path(path).expanduser()

"""Files the app writes for the user (exports, reports): private and all-or-nothing."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO


class FileWriteError(OSError):
    """A file that could not be written; the message is one sentence for the user."""


@contextlib.contextmanager
def private_file(path: str | os.PathLike[str], *, encoding: str | None = "utf-8",
                 newline: str | None = "") -> Iterator[IO]:
    """Open ``path`` for writing, readable by its owner only (0600): these files hold
    personal data. The content goes to a hidden ``.part`` file that replaces ``path`` only
    when complete, so an interrupted write leaves no half file. ``encoding=None`` gives a
    binary handle.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise FileWriteError(f"{path} is a folder; give a file name.")
    if not path.parent.is_dir():
        raise FileWriteError(f"The folder {path.parent} does not exist.")
    partial = path.with_name(f".{path.name}.part")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)
    except OSError as error:
        raise FileWriteError(f"Cannot write {path}: {error.strerror or error}.") from None
    try:
        if encoding is None:
            with open(fd, "wb") as handle:
                yield handle
        else:
            with open(fd, "w", encoding=encoding, newline=newline) as handle:
                yield handle
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_private(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` privately and all-or-nothing (see :func:`private_file`)."""
    with private_file(path, encoding=None) as handle:
        handle.write(data)
    return Path(path).expanduser()

"""A progress bar for long commands: on a terminal only, on standard error.

Importing, exporting or erasing in a program of 100,000 people takes seconds; a person at
a terminal sees Rich's bar with the share done and the time left. It appears only when the work
lasts longer than half a second, so quick commands print exactly what they always printed,
and into a pipe or a file nothing extra is ever written.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

Update = Callable[[int, int], None]
SHOW_AFTER_SECONDS = 0.5  # ADVOCACY_TUI_PROGRESS_AFTER (seconds) changes it, e.g. for tests


def _nothing(done: int, total: int) -> None:
    return None


class _Bar:
    def __init__(self, description: str) -> None:
        self.description = description
        self.lock = threading.Lock()
        self.progress: Any = None
        self.task: Any = None
        self.done: int | None = None
        self.total: int | None = None
        self.finished = False

    def show(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        with self.lock:
            if self.finished:
                return
            columns = (TextColumn("{task.description}", markup=False), BarColumn(),
                       TaskProgressColumn(), TimeRemainingColumn())
            self.progress = Progress(*columns, console=Console(stderr=True), transient=True)
            self.task = self.progress.add_task(self.description, total=self.total,
                                               completed=self.done or 0)
            self.progress.start()

    def update(self, done: int, total: int) -> None:
        with self.lock:
            self.done, self.total = done, total
            if self.progress is not None:
                self.progress.update(self.task, completed=done, total=total)

    def close(self) -> None:
        with self.lock:
            self.finished = True
            if self.progress is not None:
                self.progress.stop()


@contextlib.contextmanager
def progress_bar(description: str) -> Iterator[Update]:
    """``update(done, total)`` for the body to call; the bar goes away when it ends."""
    if not sys.stderr.isatty():
        yield _nothing
        return
    bar = _Bar(description)
    try:
        after = float(os.environ.get("ADVOCACY_TUI_PROGRESS_AFTER", SHOW_AFTER_SECONDS))
    except ValueError:
        after = SHOW_AFTER_SECONDS
    timer = threading.Timer(after, bar.show)
    timer.daemon = True
    if after <= 0:
        bar.show()
    else:
        timer.start()
    try:
        yield bar.update
    finally:
        timer.cancel()
        bar.close()

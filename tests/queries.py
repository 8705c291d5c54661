"""What a test can learn about the SQL the app runs, measured with sqlite3's trace callback."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def traced(conn: sqlite3.Connection) -> Iterator[list[str]]:
    """Every statement run on ``conn`` inside the block, with its parameters filled in."""
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        conn.set_trace_callback(None)


def ranges_read(statements: list[str], *, full_rows: bool | None = None) -> list[tuple[str, str]]:
    """The (first, last) planned days of each posts query over a range of days.

    ``full_rows=True`` keeps only the queries that read whole calendar rows (the day list),
    ``False`` only the counting and title queries of the month grid.
    """
    found = []
    for sql in statements:
        match = re.search(r"planned_on BETWEEN '([0-9-]+)' AND '([0-9-]+)'", sql)
        if match is None:
            continue
        if full_rows is not None and ("p.channel" in sql) != full_rows:
            continue
        found.append((match[1], match[2]))
    return found

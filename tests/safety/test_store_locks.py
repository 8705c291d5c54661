"""A process that holds the database open keeps its locks, whatever else it does with the file.

On POSIX, closing any descriptor of a file drops all of the process's fcntl locks on it. If
the app's process opened and closed the database outside SQLite while its own connection was
open, the next program to close the file would think itself the last one and delete the
write-ahead log under the app: every later write of the app would vanish from the file.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from advocacy_tui.data.store import Store

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM ambassadors ORDER BY id")]
    finally:
        conn.close()


def _deleted_fds(pid: int) -> list[str]:
    found = []
    for entry in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(entry)
        except OSError:
            continue
        if target.endswith("(deleted)"):
            found.append(target)
    return found


def test_writes_of_a_process_that_reopened_the_file_reach_other_processes(tmp_path):
    path = tmp_path / "p.db"
    Store.open(path).close()
    app = subprocess.Popen([sys.executable, "-m", "tests.safety.workers", "holder", str(path)],
                           cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        assert app.stdout.readline().strip() == "ready", app.stderr.read()
        # Another program reads the file and closes it, as export, report or sqlite3 do.
        reader = subprocess.run([sys.executable, "-m", "advocacy_tui", "export", "ambassadors",
                                 "--db", str(path)], capture_output=True, text=True, timeout=60)
        assert reader.returncode == 0, reader.stderr
        assert "Before" in reader.stdout
        for word in ("After", "Later"):
            app.stdin.write(word + "\n")
            app.stdin.flush()
            assert app.stdout.readline().strip() == "written"
            assert _deleted_fds(app.pid) == []
            assert word in _names(path)  # a third process sees the write
        assert _names(path) == ["Before", "After", "Later"]
    finally:
        app.stdin.write("quit\n")
        app.stdin.close()
        app.wait(30)
    assert app.returncode == 0
    assert _names(path) == ["Before", "After", "Later"]


def test_opening_and_closing_many_times_leaves_no_descriptor_open(tmp_path):
    from advocacy_tui.data.store import check_database_file, is_held

    path = tmp_path / "p.db"
    Store.open(path).close()
    before = len(os.listdir("/proc/self/fd"))
    outer = Store.open(path)
    for _ in range(30):
        Store.open(path).close()
        check_database_file(path)
    assert is_held(path)
    outer.close()
    assert not is_held(path)
    assert len(os.listdir("/proc/self/fd")) == before

"""Nothing half-written under a name the user gave, nothing personal left in part files,
no kept copy ever overwritten, and an error log only its owner can read."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from advocacy_tui import paths
from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ambassadors import build_ambassador
from tests.cli.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]


def _worker(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.safety.workers", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_when_started(proc: subprocess.Popen) -> None:
    line = proc.stdout.readline()
    assert line.strip() == "started", proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def _people(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM ambassadors ORDER BY name")]
    finally:
        conn.close()


def _program(path: Path, count: int = 1, clock=None) -> Path:
    with Store.open(path, clock=clock) as store:
        repo = AmbassadorRepo(store)
        with store.write():
            for n in range(count):
                repo.add(build_ambassador({"name": f"Person {n:05}", "notes": "x" * 400}))
    return path


def test_a_killed_backup_leaves_no_file_under_its_name_and_the_next_run_cleans_up(tmp_path):
    db = _program(tmp_path / "p.db", 3000)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "copy.db"
    _kill_when_started(_worker("slow_backup", str(db), str(target)))
    assert not target.exists()
    left = list(out.iterdir())
    assert left  # the killed backup's part file is there, hidden ...
    assert all(p.name.startswith(".") for p in left)
    result = run_cli("backup", str(out / "again.db"), "--db", str(db))  # ... until the next run
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["again.db"]
    assert len(_people(out / "again.db")) == 3000


def test_a_killed_export_leaves_no_personal_data_after_the_next_run(tmp_path):
    db = _program(tmp_path / "p.db")
    out = tmp_path / "exports"
    out.mkdir()
    _kill_when_started(_worker("slow_export", str(out / "people.csv")))
    assert not (out / "people.csv").exists()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The next export goes to another folder: the part file is found all the same.
    result = run_cli("export", "ambassadors", "-o", str(elsewhere / "other.csv"), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert list(out.iterdir()) == []


def test_any_next_run_removes_the_part_file_of_a_killed_export(tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    _kill_when_started(_worker("slow_export", str(out / "people.csv")))
    assert run_cli("locate", "config").returncode == 0
    assert list(out.iterdir()) == []


def test_two_restores_in_one_second_keep_both_replaced_copies(tmp_path, clock):
    db = _program(tmp_path / "p.db", clock=clock)
    backup = tmp_path / "b.db"
    with Store.open(db, clock=clock) as store:
        store.backup_to(backup)
        AmbassadorRepo(store).add(build_ambassador({"name": "First change"}))
        first = store.restore_from(backup)
        AmbassadorRepo(store).add(build_ambassador({"name": "Second change"}))
        second = store.restore_from(backup)  # the same clock: the same second
    assert first != second
    assert "First change" in _people(first)
    assert "Second change" in _people(second)


def test_a_backup_never_replaces_an_existing_file(tmp_path):
    db = _program(tmp_path / "p.db")
    target = tmp_path / "mine.txt"
    target.write_text("keep me", encoding="utf-8")
    with Store.open(db) as store:
        try:
            store.backup_to(target)
        except FileExistsError:
            pass
        else:
            raise AssertionError("the backup replaced an existing file")
    assert target.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt", "p.db"]


def test_the_error_log_is_owner_only(monkeypatch):
    from advocacy_tui import cli
    from advocacy_tui.commands import locate

    def boom(*args, **kwargs):
        raise RuntimeError("Anna Nowak anna@example.pl")

    monkeypatch.setattr(locate, "load_config", boom)  # where `locate data` looks it up
    monkeypatch.setattr("sys.argv", ["advocacy-tui", "locate", "data"])
    old = os.umask(0o022)
    try:
        try:
            cli.main()
        except SystemExit as done:
            assert done.code == 1
    finally:
        os.umask(old)
    log = paths.log_dir() / "errors.log"
    assert "anna@example.pl" in log.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600

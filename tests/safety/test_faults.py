"""Real processes, real files: killed writers, racing writers, read-only files, a full disk."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.migrations import SCHEMA_VERSION, m001_ambassadors
from advocacy_tui.data.store import APPLICATION_ID, Store, WriteError
from advocacy_tui.domain.ambassadors import build_ambassador

ROOT = Path(__file__).resolve().parents[2]


def worker(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.safety.workers", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def count(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchone()[0]


def test_a_killed_edit_is_wholly_absent(tmp_path):
    path = tmp_path / "p.db"
    Store.open(path).close()
    proc = worker("big_edit", str(path), "20000")
    assert proc.stdout.readline().strip() == "started"
    time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert integrity(path) == "ok"
    assert count(path, "SELECT count(*) FROM ambassadors") == 0
    with Store.open(path) as store:  # and the file is usable again
        AmbassadorRepo(store).add(build_ambassador({"name": "After"}))


def test_a_finished_edit_is_wholly_there(tmp_path):
    path = tmp_path / "p.db"
    Store.open(path).close()
    proc = worker("big_edit", str(path), "500")
    proc.wait(60)
    assert count(path, "SELECT count(*) FROM ambassadors") == 500


def _old_file(path: Path, people: int) -> None:
    """A database as version 1 wrote it."""
    conn = sqlite3.connect(path)
    from sqlite_utils import Database

    db = Database(conn)
    m001_ambassadors(db)
    conn.executemany(
        "INSERT INTO ambassadors (name, created_at, updated_at, sort_key, search_text) "
        "VALUES (?, '2026-01-01', '2026-01-01', ?, ?)",
        [(f"P{n}", f"p{n}", f"p{n}") for n in range(people)],
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.05, 0.1, 0.2])
def test_a_killed_migration_leaves_old_or_new_never_half(tmp_path, delay):
    path = tmp_path / "old.db"
    _old_file(path, 2000)
    proc = worker("open_only", str(path))
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert integrity(path) == "ok"
    version = count(path, "PRAGMA user_version")
    tables = count(path, "SELECT count(*) FROM sqlite_master WHERE name = 'posts'")
    assert (version, tables) in {(1, 0), (SCHEMA_VERSION, 1)}
    assert count(path, "SELECT count(*) FROM ambassadors") == 2000
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "p.db"
    Store.open(path).close()
    procs = [worker("adder", str(path), name, "150") for name in ("left", "right")]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
        assert out.strip() == "failures=0"
    assert count(path, "SELECT count(*) FROM ambassadors") == 300
    assert integrity(path) == "ok"


def test_a_busy_database_makes_the_writer_wait(tmp_path):
    path = tmp_path / "p.db"
    Store.open(path).close()
    blocker = sqlite3.connect(path)
    blocker.execute("BEGIN IMMEDIATE")
    proc = worker("adder", str(path), "waiting", "1")
    time.sleep(1.0)
    assert proc.poll() is None  # still waiting, not failed
    blocker.rollback()
    blocker.close()
    out, err = proc.communicate(timeout=60)
    assert out.strip() == "failures=0", err
    assert count(path, "SELECT count(*) FROM ambassadors") == 1


def _as_nobody() -> list[str] | None:
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return None
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_a_read_only_file_opens_read_only_and_refuses_changes():
    import tempfile

    prefix = _as_nobody()
    folder = Path(tempfile.mkdtemp(prefix="advocacy-ro-"))
    path = folder / "p.db"
    with Store.open(path) as store:
        AmbassadorRepo(store).add(build_ambassador({"name": "Anna"}))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.chmod(path, 0o644)
    os.chmod(folder, 0o755)  # others may read, only the owner may write
    before = path.read_bytes()
    code = (
        "from advocacy_tui.data.store import Store, WriteError\n"
        "from advocacy_tui.data.ambassadors import AmbassadorRepo\n"
        "from advocacy_tui.domain.ambassadors import build_ambassador\n"
        f"s = Store.open({str(path)!r})\n"
        "print('read_only', s.read_only, AmbassadorRepo(s).total())\n"
        "try:\n"
        "    AmbassadorRepo(s).add(build_ambassador({'name': 'Bob'}))\n"
        "except WriteError as e:\n"
        "    print('refused', e)\n"
    )
    if prefix is None:
        pytest.skip("needs root to run a process as another user")
    # The other user may not be able to enter this checkout or its virtualenv: give them a
    # readable copy of the package and the plain interpreter (the code used is stdlib only).
    readable = folder / "code"
    shutil.copytree(ROOT / "src" / "advocacy_tui", readable / "advocacy_tui")
    for place in [readable, *readable.rglob("*")]:
        os.chmod(place, 0o755 if place.is_dir() else 0o644)
    python = os.path.realpath(getattr(sys, "_base_executable", sys.executable))
    result = subprocess.run([*prefix, python, "-I", "-c", f"import sys; sys.path.insert(0, {str(readable)!r})\n" + code],
                            capture_output=True, text=True, cwd=folder)
    assert "Traceback" not in result.stderr, result.stderr
    assert "read_only True 1" in result.stdout
    assert "refused" in result.stdout and "nothing was saved" in result.stdout
    assert path.read_bytes() == before
    shutil.rmtree(folder)


@pytest.fixture
def tiny_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    # room for a new program (its schema's write-ahead log alone is about 340 kB) and little more
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)],
                            capture_output=True)
    if result.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_saves_nothing_and_says_so(tiny_disk, clock):
    path = tiny_disk / "p.db"
    with Store.open(path, clock=clock) as store:
        repo = AmbassadorRepo(store)
        repo.add(build_ambassador({"name": "Before"}))
        with pytest.raises(WriteError, match="disk is full"), store.write():
            for n in range(5000):
                repo.add(build_ambassador({"name": f"Filler {n}", "notes": "x" * 2000}))
        assert repo.total() == 1
    assert integrity(path) == "ok"
    assert count(path, "SELECT count(*) FROM ambassadors") == 1


def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "advocacy_tui", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("delay", [0.8, 1.6])
def test_a_killed_import_is_wholly_absent(tmp_path, delay):
    from bench.generate import write_polish_csv

    source = write_polish_csv(tmp_path / "people.csv", 20_000)
    path = tmp_path / "p.db"
    Store.open(path).close()
    proc = _cli("import", "ambassadors", str(source), "--db", str(path))
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert integrity(path) == "ok"
    assert count(path, "SELECT count(*) FROM ambassadors") in (0, 20_000)
    with Store.open(path) as store:  # the file is usable, and a new import goes through whole
        assert store.schema_version == SCHEMA_VERSION
    again = _cli("import", "ambassadors", str(source), "--db", str(path))
    assert again.wait(120) == 0, again.stderr.read()
    assert count(path, "SELECT count(*) FROM ambassadors") == 20_000


@pytest.mark.parametrize("delay", [0.6, 1.2])
def test_a_killed_export_leaves_no_half_file(tmp_path, delay):
    from bench.generate import fill_store

    path = tmp_path / "p.db"
    with Store.open(path) as store:
        fill_store(store, 30_000)
    target = tmp_path / "out.csv"
    proc = _cli("export", "ambassadors", "--format", "csv", "-o", str(target), "--db", str(path))
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if target.exists():  # it finished before the kill: then it is complete
        assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 30_001
    assert integrity(path) == "ok"

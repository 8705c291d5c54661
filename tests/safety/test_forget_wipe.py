"""``forget`` leaves nothing of the person in the file and says plainly when it cannot:
another program holding old pages, a full disk; and it names the files it wrote earlier."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.forget import COLUMNS, SCRUB, forget
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.domain.text import fold

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "advocacy_tui", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def raw_bytes(path: Path) -> bytes:
    """The database file and its write-ahead log and index, as they are on disk."""
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


def needles(name: str, email: str) -> list[bytes]:
    texts = {email, email.upper(), email.lower(), name, name.upper(), name.lower(), fold(name),
             unicodedata.normalize("NFD", name), email.split("@")[0] + "@"}
    return sorted(t.encode("utf-8") for t in texts)


def leftovers(path: Path, name: str, email: str) -> dict[bytes, int]:
    data = raw_bytes(path)
    lowered = data.lower()
    return {n: data.count(n) + lowered.count(n.lower()) for n in needles(name, email)
            if data.count(n) or lowered.count(n.lower())}


def _schema_text_columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    tables = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = {n for n, sql in tables if sql.upper().startswith("CREATE VIRTUAL")}
    out = {}
    for table, _sql in tables:
        if table.startswith("sqlite_") or table in virtual or any(table.startswith(v + "_") for v in virtual):
            continue
        out[table] = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')
                      if not r[2] or "TEXT" in r[2].upper()]
    return out


def mention_everywhere(path: Path, name: str, email: str) -> int:
    """A program where the person has a row in every table that can link to them, and
    their name and email are in every free-text column of every table. Returns their id."""
    Store.open(path).close()
    text = f"About {name} <{email}>; also {name.upper()}, {name.lower()}, {email.upper()}."
    conn = sqlite3.connect(path)
    now = "2026-11-27T09:30:00+01:00"
    c = conn.execute
    c("INSERT INTO ambassadors (name, email, linkedin, notes, created_at, updated_at, sort_key, search_text) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (name, email, f"https://linkedin.com/in/{email}", text, now, now,
                                         fold(name), f"{fold(name)} {fold(email)}"))
    person = c("SELECT id FROM ambassadors WHERE email = ?", (email,)).fetchone()[0]
    c("INSERT INTO ambassadors (name, email, created_at, updated_at, sort_key, search_text) "
      "VALUES ('Ben Lee', 'ben@firma.pl', ?, ?, 'ben lee', 'ben lee ben@firma.pl')", (now, now))
    ben = c("SELECT id FROM ambassadors WHERE email = 'ben@firma.pl'").fetchone()[0]
    c("INSERT INTO settings (key, value) VALUES ('program_name', 'x')")
    for who in (person, ben):
        c("INSERT INTO onboarding_steps VALUES (?, 'profile', '2026-01-01')", (who,))
        c("INSERT INTO involvement (ambassador_id, kind, happened_on, created_at) "
          "VALUES (?, 'feedback', '2026-01-02', ?)", (who, now))
        c("INSERT INTO posts (uid, title, author_id, created_at, updated_at) VALUES (?, 't', ?, ?, ?)",
          (f"p{who}", who, now, now))
        c("INSERT INTO tasks (title, ambassador_id, created_at, updated_at) VALUES ('t', ?, ?, ?)", (who, now, now))
    c("INSERT INTO task_attendees VALUES (1, ?)", (person,))
    c("INSERT INTO task_attendees VALUES (2, ?)", (ben,))
    c("INSERT INTO stakeholders (name, created_at, updated_at) VALUES ('x', ?, ?)", (now, now))
    c("INSERT INTO library_items (title, created_at, updated_at) VALUES ('x', ?, ?)", (now, now))
    c("INSERT INTO readiness_runs (bank, language, started_at) VALUES ('readiness', 'en', ?)", (now,))
    c("INSERT INTO readiness_answers (run_id, question_id, answered_at) VALUES (1, 'q1', ?)", (now,))
    c("INSERT INTO files_written (path, kind, written_at) VALUES ('/nowhere/x.csv', 'export', ?)", (now,))
    c("INSERT INTO users (name, token_hash, created_at) VALUES ('x', 'h', ?)", (now,))
    c("INSERT INTO post_tombstones (uid, created_at, deleted_at) VALUES ('gone@advocacy-tui', ?, ?)",
      (now, now))
    c("INSERT INTO changes (changed_at, who, table_name, row_id, action) VALUES (?, 'x', 'posts', 1, 'added')",
      (now,))
    c("INSERT INTO metrics (key, label, created_at) VALUES ('own_1', 'x', ?)", (now,))
    c("INSERT INTO goals (metric, baseline, baseline_on, target, target_on, created_at, updated_at) "
      "VALUES ('own_1', 1, '2026-01-01', 2, '2026-12-01', ?, ?)", (now, now))
    c("INSERT INTO outcomes (metric, period, value, created_at, updated_at) VALUES ('own_1', '2026-05', 3, ?, ?)",
      (now, now))
    c("INSERT INTO digests (since, until, format, body, sent_at) VALUES ('2026-05-01', '2026-05-14', 'md', 'x', ?)",
      (now,))
    for who in (person, ben):  # a member export of each, and a company one
        c("INSERT INTO post_analytics (post_url, ambassador_id, source, published_on, impressions, imported_at) "
          "VALUES (?, ?, 'member', '2026-05-02', 10, ?)", (f"https://www.linkedin.com/feed/update/{who}", who, now))
    c("INSERT INTO post_analytics (post_url, source, published_on, imported_at) "
      "VALUES ('https://www.linkedin.com/feed/update/9', 'company', '2026-05-02', ?)", (now,))
    # a topic of each (one also on a library item, one on Ben's post): scrubbed, the two
    # topics read the same, and forget makes them one
    c("INSERT INTO topics (name, key, created_at) VALUES ('t1', 't1', ?), ('t2', 't2', ?)", (now, now))
    c("INSERT INTO person_topics (ambassador_id, topic_id) VALUES (?, 1), (?, 2)", (person, ben))
    c("INSERT INTO item_topics (library_item_id, topic_id) VALUES (1, 1)")
    c("INSERT INTO post_topics (post_id, topic_id) VALUES (2, 2)")
    c("INSERT INTO groups (name, created_at, updated_at) VALUES ('x', ?, ?)", (now, now))
    for who in (person, ben):
        c("INSERT INTO group_members (group_id, ambassador_id, added_at) VALUES (1, ?, ?)", (who, now))
    c("INSERT INTO campaigns (name, starts_on, ends_on, created_at, updated_at) "
      "VALUES ('x', '2026-12-01', '2026-12-10', ?, ?)", (now, now))
    c("INSERT INTO campaign_items (campaign_id, library_item_id) VALUES (1, 1)")
    columns = _schema_text_columns(conn)
    for table, names in columns.items():
        assert c(f'SELECT count(*) FROM "{table}"').fetchone()[0] > 0, f"add a row to {table} in this test"
        free = [n for n in names if COLUMNS.get((table, n), SCRUB) == SCRUB]
        if free:
            c(f'UPDATE "{table}" SET {", ".join(f"{n} = ?" for n in free)}', [text] * len(free))
    # derived columns hold what they were derived from (Ben's department names them)
    c("UPDATE ambassadors SET search_text = search_text || ' ' || ? WHERE id = ?", (fold(text), ben))
    c("UPDATE library_items SET search_text = ?", (fold(text),))
    c("UPDATE topics SET key = ? WHERE id = 1", (" ".join(text.casefold().split()),))
    conn.commit()
    conn.close()
    return person


PEOPLE = [("Anna Nowak", "anna.nowak@firma.pl"), ("Łucja Wąs-Żak", "łucja.wąs@firma.pl")]


@pytest.mark.parametrize(("name", "email"), PEOPLE)
def test_nothing_of_them_is_left_in_the_file(tmp_path, name, email):
    path = tmp_path / "p.db"
    mention_everywhere(path, name, email)
    assert leftovers(path, name, email)  # the test data really holds them
    done = cli("forget", email, "--yes", "--db", str(path))
    assert done.returncode == 0, done.stderr
    assert "Erased" in done.stdout and "Traceback" not in done.stderr
    assert leftovers(path, name, email) == {}
    with sqlite3.connect(path) as conn:  # and the rest is still there and sound
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT name FROM ambassadors").fetchall() == [("Ben Lee",)]
        assert conn.execute("SELECT count(*) FROM posts").fetchone()[0] == 2


def _holding_a_snapshot(path: Path, release: threading.Event, started: threading.Event) -> None:
    reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM ambassadors").fetchone()
    started.set()
    release.wait(60)
    reader.execute("COMMIT")
    reader.close()


def _person(path: Path, name: str = "Anna Nowak", email: str = "anna@firma.pl") -> None:
    with Store.open(path) as store:
        repo = AmbassadorRepo(store)
        repo.add(build_ambassador({"name": name, "email": email, "notes": f"{name} " * 50}))
        repo.add(build_ambassador({"name": "Ben Lee", "email": "ben@firma.pl", "notes": f"met {name}"}))


def test_forget_waits_for_a_reader_to_let_go_and_then_wipes(tmp_path):
    path = tmp_path / "p.db"
    _person(path)
    release, started = threading.Event(), threading.Event()
    reader = threading.Thread(target=_holding_a_snapshot, args=(path, release, started))
    reader.start()
    started.wait(10)
    threading.Timer(0.5, release.set).start()
    with Store.open(path) as store:
        erasure = forget(store, "anna@firma.pl", wait_seconds=30)
    reader.join()
    assert erasure is not None and erasure.wipe is not None and erasure.wipe.complete
    assert leftovers(path, "Anna Nowak", "anna@firma.pl") == {}


def test_a_reader_that_never_lets_go_is_reported_and_forget_again_finishes(tmp_path):
    path = tmp_path / "p.db"
    _person(path)
    release, started = threading.Event(), threading.Event()
    reader = threading.Thread(target=_holding_a_snapshot, args=(path, release, started))
    reader.start()
    started.wait(10)
    try:
        first = cli("forget", "anna@firma.pl", "--yes", "--db", str(path))
    finally:
        release.set()
        reader.join()
    assert first.returncode != 0
    assert "Traceback" not in first.stderr
    assert "Erased" in first.stdout  # the erasure itself is committed ...
    assert "another program" in first.stderr and "old data may still be" in first.stderr
    assert "forget the same email address again" in first.stderr
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM ambassadors WHERE email = 'anna@firma.pl'").fetchone()[0] == 0
    second = cli("forget", "anna@firma.pl", "--yes", "--db", str(path))
    assert second.returncode == 0, second.stderr
    assert "wipe" in second.stdout and "complete" in second.stdout
    assert leftovers(path, "Anna Nowak", "anna@firma.pl") == {}
    third = cli("forget", "anna@firma.pl", "--yes", "--db", str(path))  # nothing left to finish
    assert third.returncode == 1 and "No one in the roster has the email address" in third.stderr


@pytest.fixture
def tiny_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                            capture_output=True)
    if result.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _nearly_full(tiny_disk: Path, tmp_path: Path, room: int) -> Path:
    """A program on a small disk with ``room`` bytes left free."""
    built = tmp_path / "built.db"
    with Store.open(built) as store:
        repo = AmbassadorRepo(store)
        with store.write():
            repo.add(build_ambassador({"name": "Anna Nowak", "email": "anna@firma.pl"}))
            for n in range(70):
                repo.add(build_ambassador({"name": f"Person {n}", "email": f"p{n}@firma.pl",
                                           "notes": (f"with Anna Nowak {n} " if n < 3 else "") + "x" * 1200}))
    path = tiny_disk / "p.db"
    path.write_bytes(built.read_bytes())
    stats = os.statvfs(tiny_disk)
    free = stats.f_bavail * stats.f_frsize
    assert path.stat().st_size > 200_000
    (tiny_disk / "filler").write_bytes(b"\0" * max(0, free - room))
    return path


def test_forget_on_a_full_disk_erases_nothing_and_says_so(tiny_disk, tmp_path):
    path = _nearly_full(tiny_disk, tmp_path, 60_000)  # not even room to erase
    result = cli("forget", "anna@firma.pl", "--yes", "--db", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
    assert "Nothing was erased" in result.stderr and "disk is full" in result.stderr
    (tiny_disk / "filler").unlink()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM ambassadors").fetchone()[0] == 71


def test_forget_on_a_nearly_full_disk_says_the_wipe_did_not_finish(tiny_disk, tmp_path):
    path = _nearly_full(tiny_disk, tmp_path, 200_000)  # room to erase, not to vacuum
    result = cli("forget", "anna@firma.pl", "--yes", "--db", str(path))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr
    assert "disk is too full" in result.stderr and "Free some space" in result.stderr
    assert "Erased" in result.stdout
    (tiny_disk / "filler").unlink()
    again = cli("forget", "anna@firma.pl", "--yes", "--db", str(path))
    assert again.returncode == 0, again.stderr
    assert leftovers(path, "Anna Nowak", "anna@firma.pl") == {}
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM ambassadors").fetchone()[0] == 70


def test_forget_names_the_exports_and_backups_written_earlier(tmp_path):
    path = tmp_path / "p.db"
    _person(path)
    people, backup, report = tmp_path / "people.csv", tmp_path / "copy.db", tmp_path / "program.md"
    posts = tmp_path / "posts.json"
    assert cli("export", "ambassadors", "-o", str(people), "--db", str(path)).returncode == 0
    assert cli("export", "posts", "--format", "json", "-o", str(posts), "--db", str(path)).returncode == 0
    assert cli("report", "program", "-o", str(report), "--db", str(path)).returncode == 0
    assert cli("backup", str(backup), "--db", str(path)).returncode == 0
    posts.unlink()  # the owner deleted this one already
    dry = cli("forget", "anna@firma.pl", "--db", str(path))
    done = cli("forget", "anna@firma.pl", "--yes", "--db", str(path))
    assert done.returncode == 0, done.stderr
    for output in (dry.stdout, done.stdout):
        assert "Files written earlier" in output
        for kept in (people, backup, report):
            assert str(kept) in output
        assert str(posts) not in output

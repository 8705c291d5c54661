import os
import sqlite3
import stat

import pytest

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
from advocacy_tui.data.migrations import SCHEMA_VERSION
from advocacy_tui.data.store import APPLICATION_ID, Store, StoreError
from advocacy_tui.domain.ambassadors import build_ambassador


def test_new_database_is_owner_only_and_versioned(tmp_path, clock):
    path = tmp_path / "p.db"
    with Store.open(path, clock=clock) as store:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert store.schema_version == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert "ambassadors" in store.db.table_names()


def _bytes(path):
    return path.read_bytes()


def test_refuses_a_text_file_and_leaves_it_alone(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("hello")
    with pytest.raises(StoreError, match="not a SQLite file"):
        Store.open(path)
    assert path.read_text() == "hello"


def test_refuses_another_programs_database_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (a)")
    conn.commit()
    conn.close()
    before = _bytes(path)
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)
    assert _bytes(path) == before
    assert not (tmp_path / "other.db-wal").exists()


def test_refuses_a_folder(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        Store.open(tmp_path)


def test_refuses_a_truncated_file(tmp_path, clock):
    path = tmp_path / "p.db"
    with Store.open(path, clock=clock) as store:
        repo = AmbassadorRepo(store)
        for n in range(300):
            repo.add(build_ambassador({"name": f"Person {n}", "notes": "x" * 500}))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = _bytes(path)
    cut = tmp_path / "cut.db"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(StoreError, match="damaged"):
        Store.open(cut)
    assert len(_bytes(cut)) == len(data) // 2


def test_a_short_file_with_its_log_beside_it_is_not_called_damaged(tmp_path, clock):
    """A checkpoint killed half-way leaves the header's page count ahead of the file, with
    the pages still in the write-ahead log: that is SQLite's to finish, not damage."""
    from advocacy_tui.data.store import _check_header

    path = tmp_path / "p.db"
    with Store.open(path, clock=clock) as store:
        repo = AmbassadorRepo(store)
        for n in range(300):
            repo.add(build_ambassador({"name": f"Person {n}", "notes": "x" * 500}))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = _bytes(path)
    short = tmp_path / "short.db"
    short.write_bytes(data[: len(data) // 2])
    with pytest.raises(StoreError, match="cut short"):
        _check_header(short)
    (tmp_path / "short.db-wal").write_bytes(b"\0" * 4096)
    _check_header(short)  # no error: the log may hold the rest


def test_refuses_a_newer_version_untouched(tmp_path, clock):
    path = tmp_path / "p.db"
    Store.open(path, clock=clock).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = _bytes(path)
    with pytest.raises(StoreError, match="newer version"):
        Store.open(path)
    assert _bytes(path) == before


def test_missing_folder_is_explained(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "nope" / "p.db")


def test_migrating_an_older_file_makes_a_backup_first(tmp_path, clock, monkeypatch):
    import advocacy_tui.data.store as store_module

    path = tmp_path / "p.db"
    with Store.open(path, clock=clock) as store:
        AmbassadorRepo(store).add(build_ambassador({"name": "Anna"}))

    def m_extra(db):
        db.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)")

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, m_extra])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Store.open(path, clock=clock) as store:
        assert store.schema_version == SCHEMA_VERSION + 1
        assert "extra" in store.db.table_names()
    backup = tmp_path / f"p.db.before-v{SCHEMA_VERSION + 1}.bak"
    assert backup.exists()
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT name FROM ambassadors").fetchone()[0] == "Anna"


def test_failed_migration_leaves_the_old_version(tmp_path, clock, monkeypatch):
    import advocacy_tui.data.store as store_module

    path = tmp_path / "p.db"
    Store.open(path, clock=clock).close()

    def broken(db):
        db.execute("CREATE TABLE half (id INTEGER)")
        raise RuntimeError("boom")

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, broken])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError):
        Store.open(path, clock=clock)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='half'").fetchone()[0] == 0


def test_application_id_marks_our_files(store):
    assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_write_is_all_or_nothing(store):
    repo = AmbassadorRepo(store)
    with pytest.raises(RuntimeError), store.write():
        repo.add(build_ambassador({"name": "First"}))
        raise RuntimeError("interrupted")
    assert repo.total() == 0


def test_roster_queries(store):
    repo = AmbassadorRepo(store)
    for name, dept, role in [("Łukasz", "IT", "owner"), ("anna", "Sales", "manager"), ("Zoe", "it", "ambassador")]:
        repo.add(build_ambassador({"name": name, "department": dept, "role": role,
                                   "email": f"{name.lower()}@x.pl"}))
    names = lambda q: [r.name for r in repo.page(q, 0, 10)]  # noqa: E731
    assert names(RosterQuery()) == ["anna", "Łukasz", "Zoe"]
    assert names(RosterQuery(descending=True)) == ["Zoe", "Łukasz", "anna"]
    assert names(RosterQuery("lukasz")) == ["Łukasz"]
    assert names(RosterQuery("IT", sort="department")) == ["Łukasz", "Zoe"]
    assert names(RosterQuery("%")) == []
    assert names(RosterQuery(roles=("manager",))) == ["anna"]
    assert repo.count(RosterQuery("x.pl")) == 3
    zoe = repo.page(RosterQuery("zoe"), 0, 1)[0]
    assert repo.position(RosterQuery(), zoe.id) == 2


def test_email_is_unique_ignoring_case(store):
    repo = AmbassadorRepo(store)
    first = repo.add(build_ambassador({"name": "A", "email": "Anna@X.pl"}))
    assert repo.email_taken("anna@x.pl")
    assert not repo.email_taken("anna@x.pl", exclude_id=first)
    with pytest.raises(sqlite3.IntegrityError):
        repo.add(build_ambassador({"name": "B", "email": "ANNA@x.pl"}))
    repo.add(build_ambassador({"name": "C"}))
    repo.add(build_ambassador({"name": "D"}))  # many people without email are fine
    assert repo.total() == 3


def test_update_and_delete(store, clock):
    repo = AmbassadorRepo(store)
    key = repo.add(build_ambassador({"name": "Anna"}))
    person = repo.get(key)
    assert person.created_at == clock.now().isoformat(timespec="seconds")
    repo.update(build_ambassador({"name": "Anna Nowak", "status": "active"}, id=key))
    assert repo.get(key).name == "Anna Nowak"
    assert repo.get(key).status == "active"
    repo.delete(key)
    assert repo.get(key) is None

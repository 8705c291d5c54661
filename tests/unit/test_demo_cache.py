"""The demo program is built once into the cache folder and copied at each start."""

import hashlib
from datetime import timedelta

from advocacy_tui.data.demo import open_demo
from advocacy_tui.domain.clock import FixedClock
from advocacy_tui.paths import cache_dir, config_file

TABLES = ("ambassadors", "posts", "tasks", "stakeholders", "involvement", "onboarding_steps")


def dump(store) -> dict[str, list]:
    return {table: store.db.conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in TABLES}


def cached_files():
    return sorted((cache_dir() / "demo").glob("demo-*.db"))


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_cached_demo_is_the_demo_built_afresh(tmp_path, clock):
    (tmp_path / "built").mkdir()
    built = open_demo(clock, tmp_path / "built", cached=False)
    assert cached_files() == []
    first = open_demo(clock, cached=True)  # builds the cached file, then copies it
    second = open_demo(clock, cached=True)  # copies it
    try:
        assert len(cached_files()) == 1
        assert dump(first) == dump(built) == dump(second)
        assert first.path != second.path and cached_files()[0] not in (first.path, second.path)
    finally:
        for store in (built, first, second):
            store.close()


def test_what_is_done_in_a_demo_never_reaches_the_next_one(clock):
    first = open_demo(clock, cached=True)
    [cached] = cached_files()
    before = digest(cached)
    people = first.db.conn.execute("SELECT count(*) FROM ambassadors").fetchone()[0]
    with first.write():
        first.db.conn.execute("DELETE FROM tasks")
        first.db.conn.execute("DELETE FROM ambassadors WHERE id = 1")
    first.close()
    second = open_demo(clock, cached=True)
    try:
        assert second.db.conn.execute("SELECT count(*) FROM ambassadors").fetchone()[0] == people
        assert second.db.conn.execute("SELECT count(*) FROM tasks").fetchone()[0] > 0
        assert digest(cached) == before
    finally:
        second.close()
    assert not config_file().exists()  # the demo never writes the config


def test_a_new_day_or_language_builds_its_own_and_drops_the_old(clock):
    open_demo(clock, cached=True).close()
    [today] = cached_files()
    tomorrow = FixedClock(clock.now() + timedelta(days=1))
    store = open_demo(tomorrow, cached=True)
    try:
        assert store.db.conn.execute("SELECT count(*) FROM ambassadors").fetchone()[0] > 0
    finally:
        store.close()
    assert cached_files() != [today] and len(cached_files()) == 1
    [english] = cached_files()
    open_demo(tomorrow, language="pl", cached=True).close()
    assert len(cached_files()) == 2 and english in cached_files()
    store = open_demo(tomorrow, language="pl", cached=True)
    try:
        departments = {row[0] for row in store.db.conn.execute("SELECT department FROM ambassadors")}
        assert "Sprzedaż" in departments
    finally:
        store.close()
    assert len(cached_files()) == 2


def test_a_broken_cached_file_is_built_again(clock):
    open_demo(clock, cached=True).close()
    [cached] = cached_files()
    cached.write_bytes(b"not a database at all" * 100)
    store = open_demo(clock, cached=True)
    try:
        assert store.db.conn.execute("SELECT count(*) FROM ambassadors").fetchone()[0] > 0
    finally:
        store.close()

"""The app on a file it cannot write, and the backup and restore commands."""

import os
import sqlite3
import stat

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.migrations import SCHEMA_VERSION
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ambassadors import build_ambassador
from tests.cli.helpers import assert_one_line_error, run_cli


async def test_read_only_app_keeps_running_and_says_nothing_was_saved(tmp_path, clock, make_app):
    path = tmp_path / "p.db"
    with Store.open(path, clock=clock) as store:
        AmbassadorRepo(store).add(build_ambassador({"name": "Anna"}))
    store = Store._open_read_only(path, clock, SCHEMA_VERSION)
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        assert any(n.title == "Read-only" for n in app._notifications)
        await pilot.press("a", *"Bob", "enter")
        await pilot.pause()
        assert app.is_running
        assert any("nothing was saved" in n.message for n in app._notifications)
    store.close()
    with Store.open(path, clock=clock) as again:
        assert AmbassadorRepo(again).total() == 1


def _people(path):
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM ambassadors ORDER BY name")]


def test_backup_while_open_and_restore(tmp_path, clock):
    path = tmp_path / "p.db"
    store = Store.open(path, clock=clock)
    AmbassadorRepo(store).add(build_ambassador({"name": "Kept"}))
    copy = tmp_path / "copy.db"
    result = run_cli("backup", str(copy), "--db", str(path))  # the store above is still open
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    assert _people(copy) == ["Kept"]
    AmbassadorRepo(store).add(build_ambassador({"name": "Later"}))
    store.close()
    result = run_cli("restore", str(copy), "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert _people(path) == ["Kept"]
    kept = list(tmp_path.glob("p.db.before-restore-*.bak"))
    assert len(kept) == 1 and _people(kept[0]) == ["Kept", "Later"]


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    path = tmp_path / "p.db"
    Store.open(path).close()
    before = path.read_bytes()
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    assert_one_line_error(run_cli("restore", str(junk), "--db", str(path)), "Nothing was restored")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (a)")
    assert_one_line_error(run_cli("restore", str(other), "--db", str(path)), "not an advocacy-tui")
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


def test_backup_refuses_to_overwrite(tmp_path):
    path = tmp_path / "p.db"
    Store.open(path).close()
    existing = tmp_path / "exists.db"
    existing.write_text("mine")
    assert_one_line_error(run_cli("backup", str(existing), "--db", str(path)), "already exists")
    assert existing.read_text() == "mine"


def test_reports_and_exports_are_private_and_whole(tmp_path, demo_store):
    from advocacy_tui.data.files import FileWriteError, private_file, write_private

    target = write_private(tmp_path / "r.md", b"report")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    try:
        with private_file(tmp_path / "half.csv") as handle:
            handle.write("first rows")
            raise RuntimeError("interrupted")
    except RuntimeError:
        pass
    assert not (tmp_path / "half.csv").exists()
    assert not list(tmp_path.glob(".*.part"))
    import pytest

    with pytest.raises(FileWriteError, match="does not exist"):
        write_private(tmp_path / "missing" / "x.md", b"x")


def test_cli_exports_and_reports_are_owner_only(tmp_path):
    from advocacy_tui.data.demo import open_demo

    store = open_demo(folder=tmp_path)
    store.close()
    db = str(tmp_path / "demo.db")
    for args, name in [(["export", "calendar", "--format", "ics"], "c.ics"),
                       (["export", "posts", "--format", "csv"], "p.csv"),
                       (["export", "ambassadors", "--format", "json"], "a.json"),
                       (["report", "program", "--format", "html"], "r.html")]:
        out = tmp_path / name
        result = run_cli(*args, "-o", str(out), "--db", db)
        assert result.returncode == 0, result.stderr
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600, name

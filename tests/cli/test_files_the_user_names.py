"""Files the user points at: the database, its log, the config, devices, pipes, sockets,
paths that do not exist, and the demo."""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
import types
from pathlib import Path

import pytest

from advocacy_tui import paths
from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ambassadors import build_ambassador
from tests.cli.helpers import assert_one_line_error, parse_cli, run_cli

OUTPUT_COMMANDS = [
    ("export", "ambassadors", "-o"),
    ("export", "stakeholders", "-o"),
    ("export", "posts", "-o"),
    ("export", "library", "-o"),
    ("export", "calendar", "-o"),
    ("report", "program", "-o"),
    ("backup",),
]


def _program(tmp_path: Path) -> Path:
    db = tmp_path / "p.db"
    with Store.open(db) as store:
        AmbassadorRepo(store).add(build_ambassador({"name": "Anna Nowak", "email": "anna@x.pl"}))
    return db


def _sound(db: Path) -> bool:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok" and conn.execute(
            "SELECT count(*) FROM ambassadors").fetchone()[0] == 1
    finally:
        conn.close()


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("which", ["database", "log", "shared-memory", "config"])
def test_an_output_naming_the_database_its_log_or_the_config_is_refused(tmp_path, command, which):
    db = _program(tmp_path)
    config = paths.config_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('theme = "textual-dark"\n', encoding="utf-8")
    holder = Store.open(db)  # the app is open on it, so its -wal and -shm exist
    try:
        target = {"database": db, "log": Path(f"{db}-wal"), "shared-memory": Path(f"{db}-shm"),
                  "config": config}[which]
        before = target.read_bytes()
        result = parse_cli(*command, str(target), "--db", str(db))
        assert_one_line_error(result)
        assert "Traceback" not in result.stderr
        if which != "log" and which != "shared-memory":
            assert target.read_bytes() == before
    finally:
        holder.close()
    assert _sound(db)
    assert config.read_text(encoding="utf-8") == 'theme = "textual-dark"\n'


def _specials(tmp_path: Path):
    """A FIFO, a socket, and (as root) device nodes like /dev/null and /dev/zero made in
    the test's own folder: a failing test must never damage the machine's real ones."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    sock_path = tmp_path / "sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    found = {"fifo": fifo, "socket": sock_path}
    if os.geteuid() == 0:
        for name, minor in (("null", 3), ("zero", 5)):
            os.mknod(tmp_path / name, stat.S_IFCHR | 0o666, os.makedev(1, minor))
            found[f"/dev/{name}"] = tmp_path / name
    return sock, found


def _special(specials: dict, kind: str) -> Path:
    if kind not in specials:
        pytest.skip("device nodes can be made only as root")
    return specials[kind]


@pytest.mark.parametrize("kind", ["/dev/null", "/dev/zero", "fifo", "socket"])
@pytest.mark.parametrize("command", [("export", "ambassadors"), ("import", "ambassadors", "x.csv"),
                                     ("report", "program"), ("forget", "a@x.pl", "--yes"), ()],
                         ids=lambda c: " ".join(c[:2]) or "app")
def test_a_database_that_is_not_a_regular_file_is_refused_untouched(tmp_path, kind, command):
    sock, specials = _specials(tmp_path)
    try:
        path = _special(specials, kind)
        before = os.stat(path)
        if command[:1] == ("import",):
            (tmp_path / "x.csv").write_text("name\nAnna\n", encoding="utf-8")
            command = ("import", "ambassadors", str(tmp_path / "x.csv"))
        result = parse_cli(*command, "--db", str(path)) if command else run_cli("--db", str(path))  # the app: its own process
        assert_one_line_error(result, "not a regular file")
        after = os.stat(path)
        assert (after.st_mode, after.st_ino, after.st_uid) == (before.st_mode, before.st_ino, before.st_uid)
    finally:
        sock.close()


@pytest.mark.parametrize("kind", ["/dev/null", "fifo", "socket"])
@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_an_output_that_is_not_a_regular_file_is_refused_untouched(tmp_path, kind, command):
    db = _program(tmp_path)
    sock, specials = _specials(tmp_path)
    try:
        path = _special(specials, kind)
        before = os.stat(path)
        result = parse_cli(*command, str(path), "--db", str(db))
        assert_one_line_error(result, "not a regular file")
        after = os.stat(path)
        assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    finally:
        sock.close()


@pytest.mark.parametrize("command", [
    ("export", "ambassadors"), ("export", "posts"), ("export", "calendar"),
    ("report", "program"), ("forget", "anna@x.pl"), ("forget", "anna@x.pl", "--yes"),
    ("backup", "COPY"),
], ids=" ".join)
def test_commands_that_only_read_refuse_a_database_that_does_not_exist(tmp_path, command):
    missing = tmp_path / "typo.db"
    command = tuple(str(tmp_path / "copy.db") if part == "COPY" else part for part in command)
    result = parse_cli(*command, "--db", str(missing))
    assert_one_line_error(result, "does not exist")
    assert not missing.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_demo_works_on_the_commands_that_read(tmp_path, isolated_user_dirs):
    calendar = parse_cli("--demo", "export", "calendar")
    assert calendar.returncode == 0, calendar.stderr
    assert "BEGIN:VEVENT" in calendar.stdout
    people = parse_cli("--demo", "export", "ambassadors")
    assert people.returncode == 0, people.stderr
    assert len(people.stdout.splitlines()) > 5
    report = parse_cli("--demo", "report", "program")
    assert report.returncode == 0, report.stderr
    copy = tmp_path / "demo-copy.db"
    backup = parse_cli("--demo", "backup", str(copy))
    assert backup.returncode == 0, backup.stderr
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM ambassadors").fetchone()[0] > 5
    assert not paths.default_db().exists()  # the user's own program was never opened


@pytest.mark.parametrize("command", [("import", "ambassadors", "FILE"), ("restore", "FILE"),
                                     ("forget", "anna@x.pl", "--yes"), ("locate", "data")],
                         ids=lambda c: c[0])
def test_demo_is_refused_where_it_would_change_nothing_kept(tmp_path, command):
    source = tmp_path / "people.csv"
    source.write_text("name\nAnna\n", encoding="utf-8")
    command = tuple(str(source) if part == "FILE" else part for part in command)
    result = parse_cli("--demo", *command)
    assert_one_line_error(result, "--demo")
    assert not paths.default_db().exists()


def test_importing_a_pipe_or_the_open_database_is_refused_without_reading_it(tmp_path):
    from advocacy_tui.data.csv_io import ImportFileError, read_table

    fifo = tmp_path / "people.csv"
    os.mkfifo(fifo)
    result = parse_cli("import", "ambassadors", str(fifo), "--db", str(tmp_path / "p.db"))  # never hangs
    assert_one_line_error(result, "not a regular file")
    db = _program(tmp_path)
    with Store.open(db) as store:  # the app's import dialog reads in the app's own process
        with pytest.raises(ImportFileError, match="database"):
            read_table(store.path)


def test_the_apps_export_dialog_refuses_the_open_database_and_its_log(store, tmp_path):
    from advocacy_tui.data.csv_io import ImportFileError, export_to_file
    from advocacy_tui.screens.modals.export_dialog import check_export_path

    assert "database" in check_export_path(str(store.path))
    assert "database" in check_export_path(f"{store.path}-wal")
    assert check_export_path(str(tmp_path / "people.csv")) is None
    before = store.path.read_bytes()
    with pytest.raises(ImportFileError, match="database"):  # and the writer itself, whoever calls it
        export_to_file(store, "ambassadors", "csv", store.path)
    assert store.path.read_bytes() == before


@pytest.mark.parametrize("argv", [["--demo"], ["--db", "DB", "--no-saved-settings"]],
                         ids=["demo", "served-demo"])
def test_the_demo_never_writes_the_users_config(monkeypatch, tmp_path, argv):
    from advocacy_tui import cli
    from advocacy_tui.app import AdvocacyApp
    from advocacy_tui.commands.serve import served_command

    assert "--no-saved-settings" in served_command(tmp_path / "demo.db", demo=True)
    assert "--no-saved-settings" not in served_command(tmp_path / "p.db", demo=False)

    def run(self, *args, **kwargs):
        self._remember_theme(types.SimpleNamespace(name="nord"))

    monkeypatch.setattr(AdvocacyApp, "run", run)
    argv = [str(tmp_path / "p.db") if part == "DB" else part for part in argv]
    monkeypatch.setattr("sys.argv", ["advocacy-tui", *argv])
    try:
        cli.main()
    except SystemExit as done:
        assert done.code in (0, None)
    assert not paths.config_file().exists()

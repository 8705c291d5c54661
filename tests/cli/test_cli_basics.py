import sqlite3

import pytest

from advocacy_tui import __version__
from advocacy_tui.data.migrations import SCHEMA_VERSION
from advocacy_tui.data.store import Store

from .helpers import assert_one_line_error, parse_cli, run_cli


def test_version():
    result = parse_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"advocacy-tui {__version__}"


def test_locate_prints_paths_and_creates_nothing(isolated_user_dirs, monkeypatch):
    config = parse_cli("locate", "config")
    data = parse_cli("locate", "data")
    themes = parse_cli("locate", "themes")
    assert config.stdout.strip().endswith("advocacy-tui/config.toml")
    assert data.stdout.strip().endswith("program.db")
    assert themes.stdout.strip().endswith("advocacy-tui/themes")
    assert not any((isolated_user_dirs / ".local/share").rglob("*.db"))


def test_locate_honours_overrides(tmp_path):
    result = parse_cli("locate", "data", env={"ADVOCACY_TUI_DB": str(tmp_path / "x.db")})
    assert result.stdout.strip() == str(tmp_path / "x.db")
    result = parse_cli("locate", "config", env={"ADVOCACY_TUI_CONFIG": str(tmp_path / "c.toml")})
    assert result.stdout.strip() == str(tmp_path / "c.toml")


def test_unknown_option_is_one_line_exit_1():
    assert_one_line_error(parse_cli("--bogus"), "No such option", "--help")


def test_bad_choice_is_one_line_exit_1():
    assert_one_line_error(parse_cli("locate", "nowhere"), "nowhere")


def test_unknown_command_is_one_line_exit_1():
    assert_one_line_error(parse_cli("frobnicate"), "frobnicate")


def _other_sqlite(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (a)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda p: p.write_text("just text"), "not a SQLite file"),
        (_other_sqlite, "another program"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 20), "damaged"),
    ],
)
def test_bad_database_files_are_refused_untouched(tmp_path, make, fragment):
    path = tmp_path / "given.db"
    make(path)
    before = path.read_bytes() if path.is_file() else None
    result = run_cli("--db", str(path))
    assert_one_line_error(result, fragment)
    if before is not None:
        assert path.read_bytes() == before


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    assert_one_line_error(run_cli("--db", str(path)), "newer version")


def test_broken_config_stops_the_app(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('theme = "advocacy-dark"\ncolour = "blue"\n')
    result = run_cli("--db", str(tmp_path / "p.db"), env={"ADVOCACY_TUI_CONFIG": str(config)})
    assert_one_line_error(result, str(config), "colour")


def test_unknown_keymap_id_stops_the_app(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[keymap]\n"roster.ad" = "n"\n')
    result = run_cli("--db", str(tmp_path / "p.db"), env={"ADVOCACY_TUI_CONFIG": str(config)})
    assert_one_line_error(result, "roster.ad", "roster.add")

"""advocacy-tui digest, as an owner (or a script sending it every other Friday) uses it."""

import os
import stat

from advocacy_tui.data.store import Store
from tests.cli.helpers import assert_one_line_error, parse_cli, run_cli


def test_the_demo_digest_in_each_format(tmp_path):
    # the first as a user runs it, the others in this interpreter
    text = run_cli("--demo", "digest", "--format", "text")
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("Northwind Voices: news for our ambassadors\n====")
    assert "Coming up in the next two weeks" in text.stdout and "Thank you" in text.stdout
    html = tmp_path / "digest.html"
    written = parse_cli("--demo", "digest", "-o", str(html))
    assert written.returncode == 0, written.stderr
    assert html.read_text().startswith("<!DOCTYPE html>") and "Digest written to" in written.stderr
    assert stat.S_IMODE(os.stat(html).st_mode) == 0o600
    polish = parse_cli("--demo", "--lang", "pl", "digest")
    assert "## Nowe w bibliotece treści" in polish.stdout
    group = parse_cli("--demo", "digest", "--group", "Sales ambassadors", "--format", "text")
    assert "for the group Sales ambassadors" in group.stdout
    assert_one_line_error(parse_cli("--demo", "digest", "--group", "[red]Nobody"), "no group called “[red]Nobody”",
                          "Sales ambassadors")


def test_a_digest_sent_is_where_the_next_one_starts(tmp_path):
    db = str(tmp_path / "p.db")
    Store.open(db).close()
    first = parse_cli("digest", "--since", "01.11.2026", "--until", "20.11.2026", "--sent", "--db", db)
    assert first.returncode == 0, first.stderr
    assert "the next digest starts on 21.11.2026" in first.stderr
    second = parse_cli("digest", "--db", db)
    assert "21\\.11.2026 – " in second.stdout
    with Store.open(db) as store:
        assert store.db.conn.execute("SELECT since, until FROM digests").fetchall() == [("2026-11-01", "2026-11-20")]


def test_wrong_input_is_one_plain_line(tmp_path):
    db = str(tmp_path / "p.db")
    Store.open(db).close()
    assert_one_line_error(parse_cli("digest", "--since", "yesterday", "--db", db), "--since")
    assert_one_line_error(parse_cli("digest", "--since", "10.11.2026", "--until", "01.11.2026", "--db", db),
                          "comes after")
    assert_one_line_error(parse_cli("digest", "--sent", "-o", db, "--db", db), "database")
    assert_one_line_error(parse_cli("--demo", "digest", "--sent"), "demo")

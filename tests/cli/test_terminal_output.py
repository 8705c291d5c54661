"""Nothing typed acts on a terminal, CLI included (issue 12 §6).

The commands run in a pseudo-terminal (what a person sees) and with a pipe (what a
script gets): on the terminal no escape sequence, bell or lone carriage return arrives;
through the pipe the exported bytes are exactly what the database holds.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import select
import subprocess
import sys

import pytest

from advocacy_tui.commands.output import DataStream, visible
from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ambassadors import build_ambassador

from .helpers import run_cli

EVIL = "Eve\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b]0;pwned\x07 \x9b31m Nowak"
EVIL_NOTES = "line 1\roverwritten\x1b[H\x7f\x00 end"
# What must never reach a terminal: ESC, BEL, CSI (C1, raw or as UTF-8), DEL, NUL.
ACTIVE = (b"\x1b", b"\x07", b"\x9b", "\x9b".encode(), b"\x7f", b"\x00")


def run_in_pty(*args: str, env: dict | None = None) -> tuple[int, bytes]:
    """Run the CLI with stdin, stdout and stderr on a pseudo-terminal; all it printed."""
    master, slave = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "advocacy_tui", *args], stdin=slave,
                            stdout=slave, stderr=slave, env={**os.environ, **(env or {})},
                            close_fds=True)
    os.close(slave)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
    return proc.wait(60), b"".join(chunks)


def assert_inert(output: bytes) -> None:
    for code in ACTIVE:
        assert code not in output, (code, output[:400])
    # a pty turns \n into \r\n (so a CSV line end arrives as \r\r\n); only a lone CR is active
    assert b"\r" not in re.sub(rb"\r+\n", b"", output), output[:400]


@pytest.fixture
def evil_db(tmp_path):
    path = tmp_path / "p.db"
    with Store.open(path) as store:
        AmbassadorRepo(store).add(build_ambassador({"name": EVIL, "email": "eve@x.pl",
                                                    "notes": EVIL_NOTES}))
        with store.write():
            store.db.conn.execute(
                "INSERT INTO posts (uid, title, body, created_at, updated_at) "
                "VALUES ('u1', ?, ?, 'x', 'x')", (EVIL, EVIL_NOTES))
    return path


@pytest.mark.parametrize("args", [
    ["export", "ambassadors"],
    ["export", "ambassadors", "--format", "json"],
    ["export", "posts"],
    ["export", "posts", "--format", "json"],
    ["forget", "eve@x.pl"],
])
def test_exports_and_messages_never_act_on_a_terminal(evil_db, args):
    code, output = run_in_pty(*args, "--db", str(evil_db))
    assert code == 0, output
    assert_inert(output)
    assert b"\\x1b]52;c;ZXZpbA==" in output or b"\\u001b]52;c;ZXZpbA==" in output  # shown, as text


@pytest.mark.parametrize(("args", "reader"), [
    (["export", "ambassadors"], lambda text: list(csv.DictReader(io.StringIO(text, newline="")))),
    (["export", "ambassadors", "--format", "json"], json.loads),
    (["export", "posts", "--format", "json"], json.loads),
    (["export", "posts"], lambda text: list(csv.DictReader(io.StringIO(text, newline="")))),
])
def test_through_a_pipe_the_bytes_are_exact(evil_db, args, reader):
    result = subprocess.run([sys.executable, "-m", "advocacy_tui", *args, "--db", str(evil_db)],
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    rows = reader(result.stdout.decode("utf-8-sig"))
    name = rows[0].get("name") or rows[0].get("title")
    assert name == EVIL
    assert EVIL_NOTES in rows[0].values()


def test_file_names_in_success_messages_never_act_on_a_terminal(evil_db, tmp_path):
    target = tmp_path / "out\x1b[2J\x1b]0;pwned\x07.csv"
    code, output = run_in_pty("export", "ambassadors", "-o", str(target), "--db", str(evil_db))
    assert code == 0, output
    assert target.exists()
    assert_inert(output)
    assert b"out\\x1b[2J" in output
    source = tmp_path / "in\x1b[2J\r.csv"
    source.write_text("name,email\nAnna,anna@x.pl\n")
    code, output = run_in_pty("import", "ambassadors", str(source), "--db", str(evil_db))
    assert code == 0, output
    assert_inert(output)
    code, output = run_in_pty("backup", str(tmp_path / "b\x1b[2J.db"), "--db", str(evil_db))
    assert code == 0, output
    assert_inert(output)


def test_errors_never_act_on_a_terminal(tmp_path):
    code, output = run_in_pty("import", "ambassadors", str(tmp_path / "no\x1b]52;c;eA==\x07.csv"),
                              "--db", str(tmp_path / "p.db"))
    assert code == 1
    assert_inert(output)
    assert b"\\x1b]52" in output


def test_locate_prints_a_path_exactly_to_a_script_and_visibly_to_a_person(tmp_path):
    folder = os.fsdecode(bytes(tmp_path) + b"/cfg\x1b[2J\xff")
    env = {"XDG_CONFIG_HOME": folder}
    piped = subprocess.run([sys.executable, "-m", "advocacy_tui", "locate", "config"],
                           capture_output=True, env={**os.environ, **env}, timeout=60)
    assert piped.stdout.startswith(os.fsencode(folder))  # the bytes, even one that is not UTF-8
    code, output = run_in_pty("locate", "config", env=env)
    assert code == 0
    assert_inert(output)
    assert b"cfg\\x1b[2J\\xff" in output


def test_visible_notation():
    assert visible("a\x1b[2Jb\x07\x7f\x9b\r\nc\rd\te\n") == "a\\x1b[2Jb\\x07\\x7f\\x9b\r\nc\\x0dd\te\n"
    assert visible("Zażółć \u202eevil") == "Zażółć \\u202eevil"


def test_a_crlf_split_across_writes_stays_a_line_end():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    target = Tty()
    stream = DataStream(target)
    stream.write("a\r")
    stream.write("\nb\r")
    stream.write("c")
    stream.finish()
    assert target.getvalue() == "a\r\nb\\x0dc"


def test_cli_error_through_a_pipe_is_still_made_visible(tmp_path):
    result = run_cli("import", "ambassadors", str(tmp_path / "x\x1b[2J.csv"), "--db", str(tmp_path / "p.db"))
    assert result.returncode == 1 and "\x1b" not in result.stderr and "x\\x1b[2J" in result.stderr


def test_a_long_import_shows_its_progress_on_a_terminal_and_nothing_in_a_pipe(tmp_path):
    from bench.generate import write_polish_csv

    people = write_polish_csv(tmp_path / "people.csv", 5_000)
    code, shown = run_in_pty("import", "ambassadors", str(people), "--db", str(tmp_path / "a.db"),
                             env={"ADVOCACY_TUI_PROGRESS_AFTER": "0"})
    assert code == 0, shown[-400:]
    assert b"Checking the rows" in shown and b"%" in shown
    piped = run_cli("import", "ambassadors", str(people), "--db", str(tmp_path / "b.db"),
                    env={"ADVOCACY_TUI_PROGRESS_AFTER": "0"})
    assert piped.returncode == 0
    assert "Checking" not in piped.stderr and "\x1b" not in piped.stderr + piped.stdout

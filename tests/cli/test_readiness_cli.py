"""``advocacy-tui report readiness|program`` and the wizard command's errors."""

from __future__ import annotations

from pathlib import Path

from advocacy_tui.data.demo import open_demo
from advocacy_tui.data.store import Store
from tests.cli.helpers import assert_one_line_error, parse_cli, run_cli

CONTENT = Path(__file__).parents[2] / "src" / "advocacy_tui" / "content"


def demo_db(tmp_path):
    store = open_demo(folder=tmp_path)
    path = store.path
    store.close()
    return path


def test_report_readiness_writes_the_latest_finished_run(tmp_path):
    db = demo_db(tmp_path)
    result = parse_cli("report", "readiness", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Readiness report: Before the launch")
    assert "Prepare first" in result.stdout


def test_report_readiness_html_to_a_file(tmp_path):
    db = demo_db(tmp_path)
    target = tmp_path / "out.html"
    result = parse_cli("report", "readiness", "--run", "1", "--format", "html", "-o", str(target), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "out.html" in result.stderr


def test_report_program(tmp_path):
    db = demo_db(tmp_path)
    result = parse_cli("report", "program", "--format", "md", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "# Program report" in result.stdout and "## Roster" in result.stdout


def test_unknown_run_is_one_line_error(tmp_path):
    db = demo_db(tmp_path)
    assert_one_line_error(parse_cli("report", "readiness", "--run", "99", "--db", str(db)),
                          "no readiness run number 99")


def test_no_finished_run_is_one_line_error(tmp_path):
    Store.open(tmp_path / "empty.db").close()
    assert_one_line_error(parse_cli("report", "readiness", "--db", str(tmp_path / "empty.db")),
                          "No readiness run has been finished yet")


def test_bad_format_is_one_line_error(tmp_path):
    db = demo_db(tmp_path)
    assert_one_line_error(parse_cli("report", "readiness", "--format", "pdf", "--db", str(db)), "pdf")


def test_unknown_bank_is_one_line_error(tmp_path):
    assert_one_line_error(parse_cli("wizard", "--bank", "nope", "--db", str(tmp_path / "x.db")),
                          "no question bank called “nope”", "readiness-quick")
    assert not (tmp_path / "x.db").exists()


def test_a_broken_facilitator_bank_is_named_in_the_error(tmp_path):
    config = tmp_path / "config"
    (config / "banks").mkdir(parents=True)
    (config / "banks" / "mine.en.toml").write_text(
        '[bank]\ntitle = "M"\n[[sections]]\nid = "s"\ntitle = "S"\n[[questions]]\nid = "q9"\n'
        'section = "s"\nkind = "essay"\ntext = "T"\nwhy = "W"\n', encoding="utf-8")
    result = parse_cli("wizard", "--bank", "mine", "--db", str(tmp_path / "x.db"),
                     env={"ADVOCACY_TUI_CONFIG": str(config / "config.toml")})
    assert_one_line_error(result, "mine.en.toml", "question “q9”", "essay")


def test_unwritable_output_is_one_line_error(tmp_path):
    db = demo_db(tmp_path)
    assert_one_line_error(parse_cli("report", "program", "-o", str(tmp_path / "no" / "r.md"), "--db", str(db)),
                          "does not exist")


def test_check_bank_says_a_good_bank_is_valid_and_lists_each_rule(tmp_path):
    path = tmp_path / "mine.en.toml"
    path.write_text((CONTENT / "readiness.en.toml").read_text(encoding="utf-8"), encoding="utf-8")
    result = parse_cli("wizard", "--check-bank", str(path))
    assert result.returncode == 0, result.stderr
    assert "the bank is valid" in result.stdout and "38 questions" in result.stdout
    assert "trust.approval: “yes” raises a red flag" in result.stdout
    assert "asks: Who approves posts, and until when?" in result.stdout


def test_check_bank_explains_a_broken_rule_in_one_line(tmp_path):
    path = tmp_path / "mine.en.toml"
    path.write_text('[bank]\ntitle = "Mine"\n[[sections]]\nid = "s"\ntitle = "S"\n[[questions]]\nid = "q1"\n'
                    'section = "s"\nkind = "yes_no"\ntext = "Q?"\nwhy = "W"\npartly = "ask"\n'
                    'partly_flag = "Half."\nstep = "Do it."\n', encoding="utf-8")
    assert_one_line_error(parse_cli("wizard", "--check-bank", str(path)), "question “q1”", "“follow_up”")


def test_check_bank_refuses_folders_big_files_and_missing_files(tmp_path):
    assert_one_line_error(parse_cli("wizard", "--check-bank", str(tmp_path)), "is a folder")
    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * 1_100_000 + b"\n")
    assert_one_line_error(parse_cli("wizard", "--check-bank", str(big)), "larger than 1 MB")
    assert_one_line_error(parse_cli("wizard", "--check-bank", str(tmp_path / "nope.toml")), "cannot be read")


def test_check_bank_refuses_a_pipe_without_waiting_for_it(tmp_path):
    import os

    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    assert_one_line_error(parse_cli("wizard", "--check-bank", str(fifo)), "not a regular file")


def test_a_report_file_named_html_is_html_unless_the_format_says_otherwise(tmp_path):
    page, text = tmp_path / "report.html", tmp_path / "report-as-md.html"
    made = run_cli("--demo", "report", "program", "-o", str(page))
    assert made.returncode == 0, made.stderr
    assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    asked = run_cli("--demo", "report", "program", "--format", "md", "-o", str(text))
    assert asked.returncode == 0, asked.stderr
    assert text.read_text(encoding="utf-8").startswith("# ")

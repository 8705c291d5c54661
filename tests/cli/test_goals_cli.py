"""advocacy-tui goals / outcomes / export outcomes, as a script uses them."""

import json

from tests.cli.helpers import assert_one_line_error, run_cli


def test_a_goal_its_values_and_the_export(tmp_path):
    db = str(tmp_path / "p.db")
    added = run_cli("goals", "add", "reach", "--baseline", "1 000", "--baseline-date", "01.03.2026",
                    "--target", "1500", "--target-date", "31.12.2026", "--db", db)
    assert added.returncode == 0, added.stderr
    assert run_cli("goals", "launch", "01.04.2026", "--db", db).returncode == 0
    assert run_cli("outcomes", "add", "reach", "1,380", "--month", "06.2026", "--source", "LinkedIn export",
                   "--db", db).returncode == 0
    again = run_cli("outcomes", "add", "reach", "1400", "--month", "2026-06", "--db", db)
    assert "Replaced the value for 2026-06" in again.stderr
    weekly = run_cli("outcomes", "add", "reach", "420", "--week", "w23 2026", "--note", "dzień otwarty", "--db", db)
    assert "Recorded the value for 2026-W23" in weekly.stderr
    listed = run_cli("goals", "list", "--db", db)
    # the latest value is June's, which ends after week 23 (1-7 June)
    assert "1. Reach of ambassadors' posts: +40% since March 2026; target +50% by December 2026" in listed.stdout
    assert run_cli("goals", "edit", "1", "--target", "2000", "--db", db).returncode == 0
    assert "target +100%" in run_cli("goals", "list", "--db", db).stdout
    exported = run_cli("export", "outcomes", "--format", "json", "--db", db)
    rows = json.loads(exported.stdout)
    assert {"metric": "reach", "metric_name": "Reach of ambassadors' posts", "period": "2026-06", "value": 1400,
            "counted": False, "note": "", "source": ""} in rows
    assert {"metric": "reach", "metric_name": "Reach of ambassadors' posts", "period": "2026-W23", "value": 420,
            "counted": False, "note": "dzień otwarty", "source": ""} in rows
    assert run_cli("goals", "delete", "1", "--db", db).returncode == 0
    assert "No goals yet" in run_cli("goals", "list", "--db", db).stdout


def test_wrong_input_is_one_plain_line(tmp_path):
    db = str(tmp_path / "p.db")
    assert_one_line_error(run_cli("goals", "add", "fame", "--baseline", "1", "--baseline-date", "01.03.2026",
                                  "--target", "2", "--target-date", "01.04.2026", "--db", db),
                          "no metric called “fame”")
    assert_one_line_error(run_cli("outcomes", "add", "reach", "lots", "--month", "2026-06", "--db", db),
                          "not a number")
    assert_one_line_error(run_cli("outcomes", "add", "reach", "5", "--month", "2026-13", "--db", db),
                          "not a month")
    assert_one_line_error(run_cli("outcomes", "add", "reach", "5", "--week", "2026-06", "--db", db),
                          "not a week")
    assert_one_line_error(run_cli("outcomes", "add", "reach", "5", "--db", db), "--week 2026-W14")
    assert_one_line_error(run_cli("outcomes", "add", "posts_per_week", "5", "--month", "2026-06", "--db", db),
                          "counted from the program's own data")
    assert_one_line_error(run_cli("goals", "edit", "9", "--target", "3", "--db", db), "no goal 9")
    assert_one_line_error(run_cli("export", "outcomes", "-o", db, "--db", db), "database")

"""Groups in the roster's files: a column of group names brings people into groups (made
when a file first names them), the export writes each person's groups, and the round trip
changes nothing (issue 21)."""

import csv
import io

from advocacy_tui.data.store import Store
from tests.cli.helpers import parse_cli

POLISH = ("Imię i nazwisko;E-mail;Dział;Grupy\n"
          "Ola Nowak;ola@firma.pl;Sprzedaż;Ambasadorzy sprzedaży; Kohorta jesień 2026\n"
          "Jan Kowalski;jan@firma.pl;IT;kohorta JESIEŃ 2026\n"
          "Ewa Zając;ewa@firma.pl;HR;\n")


def memberships(db):
    with Store.open(db) as store:
        return store.db.conn.execute(
            "SELECT a.email, g.name FROM group_members m JOIN ambassadors a ON a.id = m.ambassador_id "
            "JOIN groups g ON g.id = m.group_id ORDER BY a.email, g.name").fetchall()


def test_a_column_of_groups_brings_people_into_them_and_the_export_reads_back(tmp_path):
    source, db = tmp_path / "ludzie.csv", tmp_path / "a.db"
    source.write_text(POLISH.replace("Ambasadorzy sprzedaży; Kohorta", '"Ambasadorzy sprzedaży; Kohorta')
                      .replace("2026\nJan", '2026"\nJan'), encoding="cp1250")
    assert parse_cli("import", "ambassadors", str(source), "--db", str(db)).returncode == 0
    expected = [("jan@firma.pl", "Kohorta jesień 2026"), ("ola@firma.pl", "Ambasadorzy sprzedaży"),
                ("ola@firma.pl", "Kohorta jesień 2026")]
    assert memberships(db) == expected  # one group whatever its letters' case, as first written
    again = parse_cli("import", "ambassadors", str(source), "--db", str(db))
    assert "0 added, 0 updated, 3 unchanged" in again.stdout, again.stdout
    exported = tmp_path / "eksport.csv"
    assert parse_cli("export", "ambassadors", "--headers", "pl", "-o", str(exported), "--db", str(db)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    assert {row["e-mail"]: row["grupy"] for row in rows} == {
        "ola@firma.pl": "Ambasadorzy sprzedaży; Kohorta jesień 2026", "jan@firma.pl": "Kohorta jesień 2026",
        "ewa@firma.pl": ""}
    other = tmp_path / "b.db"
    assert parse_cli("import", "ambassadors", str(exported), "--db", str(other)).returncode == 0
    assert memberships(other) == expected


def test_an_empty_cell_keeps_the_groups_and_a_named_one_sets_them(tmp_path):
    db = tmp_path / "a.db"
    first = tmp_path / "1.csv"
    first.write_text("name,email,groups\nOla,ola@firma.pl,Sales; Cohort\n", encoding="utf-8")
    parse_cli("import", "ambassadors", str(first), "--db", str(db))
    second = tmp_path / "2.csv"
    second.write_text("name,email,groups\nOla,ola@firma.pl,\n", encoding="utf-8")
    parse_cli("import", "ambassadors", str(second), "--db", str(db))
    assert memberships(db) == [("ola@firma.pl", "Cohort"), ("ola@firma.pl", "Sales")]
    second.write_text("name,email,groups\nOla,ola@firma.pl,Cohort\n", encoding="utf-8")
    parse_cli("import", "ambassadors", str(second), "--db", str(db))
    assert memberships(db) == [("ola@firma.pl", "Cohort")]


def test_a_wrong_group_refuses_the_whole_file_with_its_row(tmp_path):
    db, source = tmp_path / "a.db", tmp_path / "p.csv"
    source.write_text("name,email,groups\nOla,ola@firma.pl,Sales\nJan,jan@firma.pl," + "x" * 120 + "\n",
                      encoding="utf-8")
    result = parse_cli("import", "ambassadors", str(source), "--db", str(db))
    assert result.returncode != 0 and "row 3" in result.stderr and "groups" in result.stderr
    assert memberships(db) == []
    with Store.open(db) as store:
        assert store.db.conn.execute("SELECT count(*) FROM ambassadors").fetchone()[0] == 0

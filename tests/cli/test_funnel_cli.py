"""Issue 21 from the command line: who recommended a person and the day they were invited,
imported (English and Polish headers) and exported; the program report's funnel section."""

import csv
import io
from datetime import date

from advocacy_tui.data.store import Store

from .helpers import parse_cli

POLISH = ("imię i nazwisko;e-mail;status;polecający;data zaproszenia\r\n"
          "Ola Nowak;ola@firma.pl;zaproszona;Anna Kowal;02.03.2026\r\n"
          "Jan Wiśniewski;jan@firma.pl;zaproszony;;\r\n"
          "Ewa Lis;ewa@firma.pl;kandydatka;Piotr Zięba;\r\n")


def rows(db):
    with Store.open(db) as store:
        return store.db.conn.execute(
            "SELECT email, status, recommended_by, invited_on FROM ambassadors ORDER BY email").fetchall()


def test_polish_headers_import_recommender_and_invitation_day(tmp_path):
    source, db = tmp_path / "ludzie.csv", tmp_path / "a.db"
    source.write_text(POLISH, encoding="utf-8")
    result = parse_cli("import", "ambassadors", str(source), "--db", str(db))
    assert result.returncode == 0, result.stderr
    got = {email: rest for email, *rest in rows(db)}
    assert got["ola@firma.pl"] == ["invited", "Anna Kowal", "2026-03-02"]
    assert got["ewa@firma.pl"] == ["candidate", "Piotr Zięba", None]
    status, recommender, day = got["jan@firma.pl"]  # invited now, no day given: today's
    assert (status, recommender) == ("invited", "")
    assert abs((date.fromisoformat(day) - date.today()).days) <= 1


def test_english_headers_export_and_import_again_unchanged(tmp_path):
    source, db = tmp_path / "people.csv", tmp_path / "a.db"
    source.write_text("name,email,status,recommended by,invited on\r\n"
                      "Ola Nowak,ola@firma.pl,active,Anna Kowal,2026-03-02\r\n"
                      "Jan Lis,jan@firma.pl,candidate,Kto?,\r\n", encoding="utf-8")
    assert parse_cli("import", "ambassadors", str(source), "--db", str(db)).returncode == 0
    exported = tmp_path / "out.csv"
    assert parse_cli("export", "ambassadors", "-o", str(exported), "--db", str(db)).returncode == 0
    table = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    assert [(r["recommended_by"], r["invited_on"]) for r in table] == [("Kto?", ""), ("Anna Kowal", "2026-03-02")]
    polish = tmp_path / "pl.csv"
    assert parse_cli("export", "ambassadors", "--headers", "pl", "-o", str(polish), "--db", str(db)).returncode == 0
    header = next(csv.reader(io.StringIO(polish.read_text(encoding="utf-8-sig"))))
    assert "polecający" in header and "data zaproszenia" in header
    other = tmp_path / "b.db"
    assert parse_cli("import", "ambassadors", str(polish), "--db", str(other)).returncode == 0
    assert rows(other) == rows(db)
    same = parse_cli("import", "ambassadors", str(polish), "--db", str(db))
    assert "0 added, 0 updated, 2 unchanged" in same.stdout


def test_an_empty_invitation_cell_keeps_the_day_and_a_bad_one_is_a_row_problem(tmp_path):
    db = tmp_path / "a.db"
    first, second, bad = tmp_path / "1.csv", tmp_path / "2.csv", tmp_path / "3.csv"
    first.write_text("name,email,status,invited on\r\nOla,ola@firma.pl,invited,05.01.2026\r\n", encoding="utf-8")
    second.write_text("name,email,status,invited on\r\nOla,ola@firma.pl,active,\r\n", encoding="utf-8")
    bad.write_text("name,email,invited on\r\nOla,ola@firma.pl,31.02.2026\r\n", encoding="utf-8")
    assert parse_cli("import", "ambassadors", str(first), "--db", str(db)).returncode == 0
    assert parse_cli("import", "ambassadors", str(second), "--db", str(db)).returncode == 0
    assert rows(db) == [("ola@firma.pl", "active", "", "2026-01-05")]
    refused = parse_cli("import", "ambassadors", str(bad), "--db", str(db))
    assert refused.returncode != 0
    assert "invited on" in refused.stderr


def test_program_report_has_the_recruitment_funnel(tmp_path):
    md = parse_cli("--demo", "report", "program")
    assert md.returncode == 0, md.stderr
    assert "## Recruitment funnel" in md.stdout
    assert "Recommended by someone:" in md.stdout
    html = tmp_path / "report.html"
    wrote = parse_cli("--demo", "report", "program", "-o", str(html))
    assert wrote.returncode == 0, wrote.stderr
    page = html.read_text(encoding="utf-8")
    assert "Recruitment funnel</h2>" in page and "Invited on" in page

"""``export ... --headers pl``: Polish column headers for a Polish spreadsheet, English by default
(scripts keep stable names), and an export in Polish imports again unchanged."""

import csv
import io

import openpyxl

from advocacy_tui.data.store import Store

from .helpers import parse_cli

PEOPLE = ("name,email,department,role,status,linkedin,joined,notes\r\n"
          "Łukasz Żółć,lukasz@firma.pl,Sprzedaż,owner,active,https://www.linkedin.com/in/lukasz,"
          "2024-02-01,Prowadzi program\r\n"
          "Anna Nowak,anna@firma.pl,IT,ambassador,candidate,,2025-03-04,\r\n")


def header_row(path):
    return next(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def people(db):
    with Store.open(db) as store:
        return store.db.conn.execute(
            "SELECT name, email, department, role, status, linkedin, joined, notes "
            "FROM ambassadors ORDER BY email").fetchall()


def test_ambassadors_exported_with_polish_headers_import_again_unchanged(tmp_path):
    source, db = tmp_path / "people.csv", tmp_path / "a.db"
    source.write_text(PEOPLE, encoding="utf-8")
    assert parse_cli("import", "ambassadors", str(source), "--db", str(db)).returncode == 0
    before = people(db)

    exported = tmp_path / "ambasadorzy.csv"
    wrote = parse_cli("export", "ambassadors", "--headers", "pl", "-o", str(exported), "--db", str(db))
    assert wrote.returncode == 0, wrote.stderr
    assert header_row(exported)[:8] == ["imię i nazwisko", "e-mail", "dział", "rola", "status",
                                        "profil LinkedIn", "data dołączenia", "uwagi"]
    assert header_row(exported)[-2:] == ["utworzono", "zmieniono"]

    other = tmp_path / "b.db"
    again = parse_cli("import", "ambassadors", str(exported), "--db", str(other))
    assert again.returncode == 0, again.stderr
    # what the program works out itself is exported for reading, and not imported (as in English);
    # nor is a consent to be thanked by name: the person gives it in this program
    assert ("Columns not used: wdrożenie ukończone, ostatni krok wdrożenia, ostatnia aktywność, "
            "podziękowania z nazwiska." in again.stderr), again.stderr
    assert people(other) == before
    same = parse_cli("import", "ambassadors", str(exported), "--db", str(db))
    assert "0 added, 0 updated, 2 unchanged" in same.stdout


def test_headers_stay_english_by_default_whatever_the_language(tmp_path):
    exported = tmp_path / "people.csv"
    wrote = parse_cli("--lang", "pl", "--demo", "export", "ambassadors", "-o", str(exported))
    assert wrote.returncode == 0, wrote.stderr
    assert header_row(exported)[:3] == ["name", "email", "department"]


def test_posts_library_and_stakeholders_in_polish(tmp_path):
    for what, first in (("posts", "id"), ("library", "id"), ("stakeholders", "imię i nazwisko")):
        path = tmp_path / f"{what}.csv"
        wrote = parse_cli("--demo", "export", what, "--headers", "pl", "-o", str(path))
        assert wrote.returncode == 0, wrote.stderr
        row = header_row(path)
        assert row[0] == first
        assert "tytuł" in row or what == "stakeholders"
        assert not {"title", "created_at", "updated_at", "notes", "body"} & set(row), row


def test_workbook_with_polish_headers_keeps_real_dates(tmp_path):
    path = tmp_path / "ambasadorzy.xlsx"
    wrote = parse_cli("--demo", "export", "ambassadors", "--format", "xlsx", "--headers", "pl",
                      "-o", str(path))
    assert wrote.returncode == 0, wrote.stderr
    sheet = openpyxl.load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    assert header[:2] == ["imię i nazwisko", "e-mail"]
    joined = header.index("data dołączenia") + 1
    dates = [sheet.cell(row=r, column=joined).value for r in range(2, sheet.max_row + 1)]
    assert any(hasattr(value, "year") for value in dates), dates


def test_headers_option_is_explained_in_help():
    shown = parse_cli("export", "ambassadors", "--help")
    assert "--headers" in shown.stdout and "[en|pl]" in shown.stdout.replace("\n", "")

"""import ambassadors / export / forget from the command line, including every error path."""

import json
import stat

from advocacy_tui.data.store import Store

from .helpers import assert_one_line_error, parse_cli

PL = ("Imię i nazwisko;E-mail;Dział;Rola;Status;Data dołączenia\r\n"
      "Łukasz Żółć;lukasz@firma.pl;Sprzedaż;Właściciel;Aktywny;01.02.2024\r\n"
      "Anna Nowak;anna@firma.pl;IT;ambasador;kandydat;2025-03-04\r\n")


def count(db):
    with Store.open(db) as store:
        return store.db.conn.execute("SELECT count(*) FROM ambassadors").fetchone()[0]


def test_import_polish_excel_file_twice(tmp_path):
    path = tmp_path / "pl.csv"
    path.write_bytes(PL.encode("cp1250"))
    db = str(tmp_path / "p.db")
    first = parse_cli("import", "ambassadors", str(path), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "Imported: 2 added, 0 updated, 0 unchanged, 0 skipped." in first.stdout
    assert "Windows-1250, semicolon-separated" in first.stderr
    second = parse_cli("import", "ambassadors", str(path), "--db", db)
    assert "0 added, 0 updated, 2 unchanged" in second.stdout


def test_missing_file(tmp_path):
    assert_one_line_error(parse_cli("import", "ambassadors", str(tmp_path / "no.csv"),
                                  "--db", str(tmp_path / "p.db")), "There is no file")
    assert not (tmp_path / "p.db").exists()


def test_a_directory(tmp_path):
    assert_one_line_error(parse_cli("import", "ambassadors", str(tmp_path), "--db", str(tmp_path / "p.db")),
                          "is a folder")


def test_empty_file(tmp_path):
    (tmp_path / "e.csv").write_text("")
    assert_one_line_error(parse_cli("import", "ambassadors", str(tmp_path / "e.csv"),
                                  "--db", str(tmp_path / "p.db")), "is empty")


def test_no_name_column(tmp_path):
    (tmp_path / "n.csv").write_text("email,dept\na@x.pl,IT\n")
    assert_one_line_error(parse_cli("import", "ambassadors", str(tmp_path / "n.csv"),
                                  "--db", str(tmp_path / "p.db")), "no name column", "“email”")


def test_invalid_rows_listed_and_nothing_written(tmp_path):
    (tmp_path / "b.csv").write_text("name,email\nAnna,anna@x.pl\n,bad\nBen,ANNA@x.pl\n")
    db = tmp_path / "p.db"
    result = parse_cli("import", "ambassadors", str(tmp_path / "b.csv"), "--db", str(db))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "row 3: name: A name is required." in result.stderr
    assert "row 3: email:" in result.stderr
    assert "row 4: email: ANNA@x.pl is also in row 2" in result.stderr
    assert "Nothing was imported" in result.stderr
    assert count(db) == 0
    skipped = parse_cli("import", "ambassadors", str(tmp_path / "b.csv"), "--db", str(db), "--skip-invalid")
    assert skipped.returncode == 0
    assert "1 added, 0 updated, 0 unchanged, 2 skipped" in skipped.stdout
    assert count(db) == 1


def test_dry_run_writes_nothing(tmp_path):
    (tmp_path / "a.csv").write_text("name\nAnna\n")
    db = tmp_path / "p.db"
    result = parse_cli("import", "ambassadors", str(tmp_path / "a.csv"), "--db", str(db), "--dry-run")
    assert result.returncode == 0
    assert "Would be: 1 added" in result.stdout
    assert count(db) == 0


def test_export_round_trip_and_private_file(tmp_path):
    (tmp_path / "a.csv").write_text("name,email,notes\n=Anna,anna@x.pl,@here\n")
    db = str(tmp_path / "p.db")
    parse_cli("import", "ambassadors", str(tmp_path / "a.csv"), "--db", db)
    out = parse_cli("export", "ambassadors", "--db", db)
    assert out.returncode == 0
    assert out.stdout.splitlines()[1].startswith("'=Anna,anna@x.pl,")
    assert ",'@here," in out.stdout
    target = tmp_path / "out.csv"
    written = parse_cli("export", "ambassadors", "--db", db, "-o", str(target), "--separator", "semicolon")
    assert written.returncode == 0 and stat.S_IMODE(target.stat().st_mode) == 0o600
    again = parse_cli("import", "ambassadors", str(target), "--db", db)
    assert "0 added, 0 updated, 1 unchanged" in again.stdout
    as_json = parse_cli("export", "stakeholders", "--format", "json", "--db", db)
    assert json.loads(as_json.stdout) == []
    data = json.loads(parse_cli("export", "ambassadors", "--format", "json", "--db", db).stdout)
    assert data[0]["name"] == "=Anna" and data[0]["notes"] == "@here"


def test_export_to_a_missing_folder(tmp_path):
    assert_one_line_error(parse_cli("export", "ambassadors", "--db", str(tmp_path / "p.db"),
                                  "-o", str(tmp_path / "nope" / "x.csv")), "does not exist")


def test_forget(tmp_path):
    (tmp_path / "a.csv").write_text("name,email\nAnna Nowak,anna@x.pl\nBen,ben@x.pl\n")
    db = tmp_path / "p.db"
    parse_cli("import", "ambassadors", str(tmp_path / "a.csv"), "--db", str(db))
    dry = parse_cli("forget", "ANNA@x.pl", "--db", str(db))
    assert dry.returncode == 0 and "Would erase" in dry.stdout and "Nothing was changed" in dry.stdout
    assert count(db) == 2
    done = parse_cli("forget", "anna@x.pl", "--yes", "--db", str(db))
    assert done.returncode == 0 and "Erased" in done.stdout
    assert count(db) == 1
    assert_one_line_error(parse_cli("forget", "anna@x.pl", "--yes", "--db", str(db)),
                          "No one in the roster has the email address anna@x.pl")


def test_import_entra_file_with_map_and_notices(tmp_path):
    path = tmp_path / "entra.csv"
    path.write_text("displayName,mail,userPrincipalName,state,accountEnabled,Skrzynka\n"
                    "Anna Nowak,,anna@firma.pl,mazowieckie,False,x\n")
    db = str(tmp_path / "p.db")
    result = parse_cli("import", "ambassadors", str(path), "--map", "Skrzynka=ignore", "--db", db)
    assert result.returncode == 0, result.stderr
    assert "state" in result.stderr and "Skrzynka" not in result.stderr
    with Store.open(db) as store:
        assert store.db.conn.execute("SELECT email, status FROM ambassadors").fetchall() == [
            ("anna@firma.pl", "left")]


def test_import_refuses_ambiguous_dates_until_told(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("name,Hire Date\nAnna,03/04/2022\n")
    db = str(tmp_path / "p.db")
    refused = parse_cli("import", "ambassadors", str(path), "--db", db)
    assert refused.returncode == 1 and "row 2" in refused.stderr and "--dates" in refused.stderr
    told = parse_cli("import", "ambassadors", str(path), "--dates", "mdy", "--db", db)
    assert told.returncode == 0, told.stderr
    with Store.open(db) as store:
        assert store.db.conn.execute("SELECT joined FROM ambassadors").fetchone() == ("2022-03-04",)


def test_import_map_without_equals_is_one_line(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("name\nAnna\n")
    assert_one_line_error(parse_cli("import", "ambassadors", str(path), "--map", "state",
                                  "--db", str(tmp_path / "p.db")), "COLUMN=FIELD")


def test_export_ambassadors_xlsx_and_import_it_again(tmp_path):
    import openpyxl

    path = tmp_path / "pl.csv"
    path.write_bytes(PL.encode("cp1250"))
    db = str(tmp_path / "p.db")
    assert parse_cli("import", "ambassadors", str(path), "--db", db).returncode == 0
    out = tmp_path / "people.xlsx"
    result = parse_cli("export", "ambassadors", "--format", "xlsx", "-o", str(out), "--db", db)
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(out).worksheets[0]["G2"].is_date
    again = parse_cli("import", "ambassadors", str(out), "--db", db)
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 updated, 2 unchanged" in again.stdout and "of a workbook" in again.stderr
    assert_one_line_error(parse_cli("export", "ambassadors", "--format", "xlsx", "--db", db),
                          "cannot be shown on the screen")
    sheet = parse_cli("import", "ambassadors", str(out), "--sheet", "Nope", "--db", db)
    assert_one_line_error(sheet, "no sheet")


def test_export_ambassadors_json_imports_again(tmp_path):
    path = tmp_path / "pl.csv"
    path.write_bytes(PL.encode("cp1250"))
    db = str(tmp_path / "p.db")
    assert parse_cli("import", "ambassadors", str(path), "--db", db).returncode == 0
    out = tmp_path / "a.json"
    assert parse_cli("export", "ambassadors", "--format", "json", "-o", str(out), "--db", db).returncode == 0
    again = parse_cli("import", "ambassadors", str(out), "--db", str(tmp_path / "q.db"))
    assert again.returncode == 0, again.stderr
    assert "Imported: 2 added" in again.stdout

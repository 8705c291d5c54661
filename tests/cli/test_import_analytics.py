"""``advocacy-tui import analytics FILE`` as a user (and an attacker) runs it."""

import openpyxl

from advocacy_tui.data.store import Store
from tests.linkedin_samples import ACTIVITY, company_export, company_row, member_export

from .helpers import assert_one_line_error, parse_cli

A1, A2 = ACTIVITY.format(7352615432538750976), ACTIVITY.format(7351330635715592195)


def rows(db):
    with Store.open(db) as store:
        return store.db.conn.execute(
            "SELECT post_url, ambassador_id, source, impressions, engagements FROM post_analytics "
            "ORDER BY post_url").fetchall()


def add_person(db, email="anna@firma.pl"):
    from advocacy_tui.data.ambassadors import AmbassadorRepo
    from advocacy_tui.domain.ambassadors import build_ambassador

    with Store.open(db) as store:
        return AmbassadorRepo(store).add(build_ambassador({"name": "Anna Nowak", "email": email}))


def test_a_company_export_imported_twice(tmp_path):
    path = company_export(tmp_path / "firma_content.xlsx", [
        company_row(A1, "07/20/2025", impressions=1317),
        company_row(A1, "07/20/2025", impressions=900, kind="Sponsored"),
        company_row(A2, "07/16/2025", impressions="1 690"),
    ])
    db = str(tmp_path / "p.db")
    first = parse_cli("import", "analytics", str(path), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "Read 2 posts from" in first.stderr
    assert "LinkedIn company page content export (All posts sheet)" in first.stderr
    assert "1 row of sponsored campaigns or totals was left out" in first.stderr
    assert "Matched to calendar posts by address: 0 of 2 posts." in first.stderr
    assert "Published from 16.07.2025 to 20.07.2025." in first.stderr
    assert first.stdout == "Imported: 2 new, 0 updated, 0 unchanged.\n"
    second = parse_cli("import", "analytics", str(path), "--db", db)
    assert second.stdout == "Imported: 0 new, 0 updated, 2 unchanged.\n"
    assert rows(db) == [(A2, None, "company", 1690, None), (A1, None, "company", 1317, None)]


def test_a_members_export_is_theirs(tmp_path):
    db = tmp_path / "p.db"
    anna = add_person(db)
    path = member_export(tmp_path / "me.xlsx", [(A1, "11/20/2025", 42)], [(A1, "11/20/2025", 2000)])
    no_person = parse_cli("import", "analytics", str(path), "--db", str(db))
    assert_one_line_error(no_person, "one member's export", "--person EMAIL")
    unknown = parse_cli("import", "analytics", str(path), "--db", str(db), "--person", "nobody@firma.pl")
    assert_one_line_error(unknown, "No one in the roster has the email address nobody@firma.pl.")
    assert rows(db) == []
    done = parse_cli("import", "analytics", str(path), "--db", str(db), "--person", " ANNA@firma.pl ")
    assert done.returncode == 0, done.stderr
    assert "LinkedIn member post analytics (TOP POSTS sheet)" in done.stderr
    assert rows(db) == [(A1, anna, "member", 2000, 42)]
    forgotten = parse_cli("forget", "anna@firma.pl", "--yes", "--db", str(db))
    assert forgotten.returncode == 0, forgotten.stderr
    assert "post_analytics: 1 row removed" in forgotten.stdout
    assert rows(db) == []


def test_a_company_export_belongs_to_no_one(tmp_path):
    db = tmp_path / "p.db"
    add_person(db)
    path = company_export(tmp_path / "c.xlsx", [company_row(A1, "07/20/2025")])
    assert_one_line_error(parse_cli("import", "analytics", str(path), "--db", str(db), "--person", "anna@firma.pl"),
                          "belongs to no one", "leave out --person")


def test_dry_run_writes_nothing(tmp_path):
    path = company_export(tmp_path / "c.xlsx", [company_row(A1, "07/20/2025")])
    db = tmp_path / "p.db"
    result = parse_cli("import", "analytics", str(path), "--db", str(db), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Dry run, nothing written. Would be: 1 new, 0 updated, 0 unchanged.\n"
    assert rows(db) == []


def test_broken_rows_are_listed_and_nothing_is_imported(tmp_path):
    path = company_export(tmp_path / "c.xlsx", [company_row(A1, "07/20/2025"),
                                                company_row(A2, "07/16/2025", impressions="lots")])
    db = tmp_path / "p.db"
    result = parse_cli("import", "analytics", str(path), "--db", str(db))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "row 4, column “Impressions”: expected a count, found “lots”" in result.stderr
    assert "Nothing was imported." in result.stderr
    assert not db.exists()  # the file is checked before the program is opened


def test_files_of_the_wrong_kind(tmp_path):
    db = tmp_path / "p.db"
    (tmp_path / "people.xlsx").write_text("name;email\nAnna;anna@x.pl\n")
    assert_one_line_error(parse_cli("import", "analytics", str(tmp_path / "people.xlsx"), "--db", str(db)),
                          "is not an Excel workbook (.xlsx)", "Expected a LinkedIn analytics export")
    book = openpyxl.Workbook()
    book.active.append(["name", "email"])
    book.save(tmp_path / "roster.xlsx")
    assert_one_line_error(parse_cli("import", "analytics", str(tmp_path / "roster.xlsx"), "--db", str(db)),
                          "is not a LinkedIn analytics export", "“Sheet”")
    assert_one_line_error(parse_cli("import", "analytics", str(tmp_path / "none.xlsx"), "--db", str(db)),
                          "There is no file")
    assert_one_line_error(parse_cli("import", "analytics", str(tmp_path), "--db", str(db)), "is a folder")
    assert not db.exists()


def test_the_database_itself_is_refused_as_an_export(tmp_path):
    db = tmp_path / "p.db"
    add_person(db)
    result = parse_cli("import", "analytics", str(db), "--db", str(db))
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_in_polish(tmp_path):
    path = company_export(tmp_path / "c.xlsx", [company_row(A1, "07/20/2025")])
    result = parse_cli("--lang", "pl", "import", "analytics", str(path), "--db", str(tmp_path / "p.db"))
    assert result.returncode == 0, result.stderr
    assert "eksport treści strony firmowej" in result.stderr
    assert result.stdout.startswith("Zaimportowano:")

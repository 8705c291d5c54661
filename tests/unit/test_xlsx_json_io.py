"""Excel workbooks and JSON in and out: import reads what export writes, dates are real
dates in a workbook, and no cell ever becomes a formula."""

from __future__ import annotations

import json
from datetime import date, datetime

import openpyxl
import pytest

from advocacy_tui.data.csv_io import (
    ImportFileError,
    export_to_file,
    import_file,
    plan_import,
    read_table,
)
from advocacy_tui.data.store import Store
from advocacy_tui.domain.clock import FixedClock

CLOCK = FixedClock.at("2026-11-27T09:30:00+01:00")


def people(store) -> list[tuple]:
    return store.db.conn.execute(
        "SELECT name, email, department, role, status, linkedin, joined, notes FROM ambassadors ORDER BY id"
    ).fetchall()


def workbook(path, sheets: dict[str, list[list]]):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_import_first_sheet_with_real_dates(store, tmp_path):
    path = workbook(tmp_path / "people.xlsx", {
        "Pracownicy": [["Imię", "Nazwisko", "E-mail", "Data zatrudnienia", "Nr"],
                       ["Anna", "Nowak", "anna@firma.pl", datetime(2022, 3, 4), 7],
                       ["Jan", "Kowalski", None, date(2021, 12, 25), 8.0]],
        "Inne": [["name"], ["Nobody"]],
    })
    plan, summary = import_file(store, path)
    assert summary is not None, [str(p) for p in plan.problems]
    assert plan.source == "sheet “Pracownicy” of a workbook"
    assert [(p[0], p[1], p[6]) for p in people(store)] == [
        ("Anna Nowak", "anna@firma.pl", "2022-03-04"), ("Jan Kowalski", None, "2021-12-25")]


def test_import_named_sheet_and_a_missing_one(store, tmp_path):
    path = workbook(tmp_path / "people.xlsx", {"A": [["x"], ["1"]], "Ludzie": [["name"], ["Ola"]]})
    plan = plan_import(store, read_table(path, sheet="ludzie"))
    assert plan.ok and plan.add[0][0] == "Ola"
    with pytest.raises(ImportFileError, match="no sheet “Nope”.*“Ludzie”"):
        read_table(path, sheet="Nope")


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ImportFileError, match="not an Excel workbook"):
        read_table(path)


def _fill(store):
    repo_rows = [
        ("Anna =1+1", "anna@firma.pl", "=HYPERLINK(\"x\")", "owner", "active", "", "2022-03-04", "@home"),
        ("Jan", None, "IT", "ambassador", "paused", "https://www.linkedin.com/in/jan", None, "'=x"),
    ]
    for values in repo_rows:
        store.db.conn.execute(
            "INSERT INTO ambassadors (name, email, department, role, status, linkedin, joined, notes,"
            " sort_key, search_text, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (*values, values[0].lower(), values[0].lower(), "2026-11-27T09:30:00+01:00",
             "2026-11-27T09:30:00+01:00"))
    store.db.conn.commit()
    return repo_rows


def test_xlsx_export_has_real_dates_and_no_formulas_and_imports_back(store, tmp_path):
    rows = _fill(store)
    out = tmp_path / "people.xlsx"
    assert export_to_file(store, "ambassadors", "xlsx", out) == 2
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["name", "email", "department", "role", "status", "linkedin", "joined", "notes"]
    cells = list(sheet.iter_rows(min_row=2))
    assert all(c.data_type != "f" for row in cells for c in row)
    assert cells[0][2].value == "=HYPERLINK(\"x\")" and cells[0][2].data_type == "s"
    assert cells[0][6].is_date and cells[0][6].value == datetime(2022, 3, 4)
    assert cells[0][header.index("created_at")].is_date
    other = Store.open(tmp_path / "other.db", clock=CLOCK)
    try:
        plan, summary = import_file(other, out)
        assert summary is not None, [str(p) for p in plan.problems]
        assert people(other) == rows
        assert str(import_file(other, out)[1]) == "0 added, 0 updated, 2 unchanged, 0 skipped"
    finally:
        other.close()


def test_json_export_imports_back_exactly(store, tmp_path):
    rows = _fill(store)
    out = tmp_path / "a.json"
    export_to_file(store, "ambassadors", "json", out)
    assert json.loads(out.read_text(encoding="utf-8"))[0]["name"] == "Anna =1+1"
    other = Store.open(tmp_path / "other.db", clock=CLOCK)
    try:
        plan, summary = import_file(other, out)
        assert summary is not None, [str(p) for p in plan.problems]
        assert plan.source == "JSON, 2 records"
        assert people(other) == rows
        assert str(import_file(other, out)[1]) == "0 added, 0 updated, 2 unchanged, 0 skipped"
    finally:
        other.close()


def test_json_that_is_not_a_list_of_records_is_read_as_csv(store, tmp_path):
    path = tmp_path / "odd.json"
    path.write_text('{"name": "Anna"}')
    with pytest.raises(ImportFileError, match="no name column"):
        plan_import(store, read_table(path))


@pytest.mark.parametrize(("notes", "fragment"), [("x" * 40_000, "32,767"), ("a\x0bb", "control character")])
def test_text_a_workbook_cannot_hold_is_refused_not_cut(store, tmp_path, notes, fragment):
    store.db.conn.execute(
        "INSERT INTO ambassadors (name, notes, sort_key, search_text, created_at, updated_at) "
        "VALUES ('Anna', ?, 'anna', 'anna', '2026-11-27T09:30:00+01:00', '2026-11-27T09:30:00+01:00')",
        (notes,))
    store.db.conn.commit()
    out = tmp_path / "people.xlsx"
    with pytest.raises(ImportFileError, match=fragment):
        export_to_file(store, "ambassadors", "xlsx", out)
    assert not out.exists()

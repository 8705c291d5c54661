"""Excel workbooks (.xlsx) in and out, with openpyxl.

Reading
    The first sheet (or the one named) becomes the rows of a table, read like a CSV file:
    the cached values of formula cells (never the formula), dates as yyyy-mm-dd, whole
    numbers without ``.0``. The XML is parsed with defusedxml (openpyxl uses it when it is
    installed), and a workbook whose parts unpack to more than ``MAX_UNPACKED`` bytes is
    refused before it is opened (a "zip bomb").

Writing
    One sheet, a bold header row, dates and times as real Excel dates, and every text as text:
    a cell that starts with ``=`` stays the text the user typed, never a formula.

No Textual and no Rich here.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time

from advocacy_tui.domain.text import printable
from advocacy_tui.i18n import _

MAX_UNPACKED = 512 * 1024 * 1024
CELL_MAX = 32_767  # the most characters an Excel cell holds
SHEET_TITLE_MAX = 31


class WorkbookError(Exception):
    """A workbook that cannot be read; the message is one sentence for the user."""


def is_workbook(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


def _check_zip(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
    except (zipfile.BadZipFile, OSError, ValueError):
        raise WorkbookError(_(
            "{name} looks like a zip file or a workbook but cannot be opened: it may be damaged. "
            "Save it again from your spreadsheet (as .xlsx or CSV) and try again."
        ).format(name=name)) from None
    if "xl/workbook.xml" not in names:
        raise WorkbookError(_(
            "{name} is a zip file but not an Excel workbook (.xlsx). Save it from your "
            "spreadsheet as .xlsx or CSV and try again."
        ).format(name=name))
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise WorkbookError(_(
            "{name} unpacks to more than {size} MB, more than a roster needs; it was not opened."
        ).format(name=name, size=MAX_UNPACKED // (1024 * 1024)))


def cell_text(value: object) -> str:
    """A cell's value as the text a CSV cell would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def open_workbook(data: bytes, name: str):  # -> openpyxl Workbook (read-only, cached values)
    """The workbook in ``data``, read-only and with the cached values of formula cells, after
    the zip checks above; WorkbookError in words for anything that is not a readable .xlsx.
    The caller closes it."""
    import openpyxl  # only an import of a workbook pays for it

    _check_zip(data, name)
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file  # noqa: BLE001
        raise WorkbookError(_(
            "{name} cannot be read as an Excel workbook ({reason}). Save it again from your "
            "spreadsheet and try again."
        ).format(name=name, reason=printable(str(error)[:80]) or type(error).__name__)) from None


def read_rows(data: bytes, *, sheet: str | None = None, name: str | None = None,
              ) -> tuple[str, Iterator[list[str]]]:
    """(the sheet's title, its rows as lists of text) of the first sheet or the one named."""
    if name is None:
        name = _("The file")
    book = open_workbook(data, name)
    sheets = book.worksheets
    if not sheets:
        raise WorkbookError(_("{name} has no sheets.").format(name=name))
    if sheet is None:
        chosen = sheets[0]
    else:
        matches = [s for s in sheets if s.title == sheet] or [
            s for s in sheets if s.title.strip().casefold() == sheet.strip().casefold()]
        if not matches:
            raise WorkbookError(_("{name} has no sheet “{sheet}”. Its sheets: {sheets}.").format(
                name=name, sheet=printable(sheet[:40]),
                sheets=", ".join(f"“{printable(s.title)}”" for s in sheets)))
        chosen = matches[0]

    def rows() -> Iterator[list[str]]:
        try:
            for values in chosen.iter_rows(values_only=True):
                yield [cell_text(value) for value in values]
        finally:
            book.close()

    return chosen.title, rows()


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$")


def _typed(value: object, date_column: bool) -> object:
    """A value as Excel should hold it: dates of date columns as dates, the rest as given."""
    if date_column and isinstance(value, str):
        try:
            if _ISO_DATE.match(value):
                return date.fromisoformat(value)
            if _ISO_STAMP.match(value):
                stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
                return stamp.replace(tzinfo=None) if stamp.tzinfo is None else stamp
        except ValueError:
            return value
    return value


def write_workbook(columns: list[str], rows: Iterable[Iterable[object]], *, title: str,
                   date_columns: Iterable[str] = ()) -> tuple[bytes, int]:
    """(the .xlsx bytes, how many rows) of one sheet; no cell is ever a formula."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(re.sub(r"[\[\]:*?/\\]", " ", title)[:SHEET_TITLE_MAX] or "Sheet1")
    dated = {i for i, c in enumerate(columns) if c in set(date_columns)}
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.data_type = "s"
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    try:
        count = _append_rows(sheet, rows, columns, dated)
    except WorkbookError:
        _abandon(sheet)
        raise
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), count


def _abandon(sheet) -> None:
    """Close a write-only sheet that will never be saved, so its temporary file goes too."""
    try:
        sheet.close()
    except Exception:  # noqa: BLE001 (only tidying up before the error is shown)
        pass


def _append_rows(sheet, rows: Iterable[Iterable[object]], columns: list[str], dated: set[int]) -> int:
    from openpyxl.cell import WriteOnlyCell

    count = 0
    for row in rows:
        cells = []
        for position, value in enumerate(row):
            value = _typed(value, position in dated)
            if isinstance(value, datetime) and value.tzinfo is not None:
                value = value.replace(tzinfo=None)  # Excel has no time zones: the time as written
            if isinstance(value, str):
                _check_text(value, count + 2, columns[position] if position < len(columns) else "")
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # "=1+1" stays text: openpyxl would make it a formula
            elif isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
        count += 1
    return count


# Characters XML 1.0 (and so a workbook) cannot hold.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _check_text(value: str, row: int, column: str) -> None:
    """A text a workbook cannot hold whole is refused, never cut or changed."""
    if len(value) > CELL_MAX:
        raise WorkbookError(_(
            "Row {row}, column “{column}” holds {count:,} characters, and an Excel cell holds at "
            "most {limit:,}. Nothing was written: export as CSV or JSON, which keep it whole."
        ).format(row=row, column=printable(column[:40]), count=len(value), limit=CELL_MAX))
    found = _ILLEGAL.search(value)
    if found:
        raise WorkbookError(_(
            "Row {row}, column “{column}” holds a control character (code {code}) that an Excel "
            "workbook cannot store. Nothing was written: export as CSV or JSON, which keep it."
        ).format(row=row, column=printable(column[:40]), code=ord(found.group())))

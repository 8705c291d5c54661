"""Ambassadors in and out of CSV and JSON files: what HR systems and Excel write.

Reading
    * UTF-8 with or without a BOM, Windows-1250 (Excel in a Polish locale) or UTF-16 with a
      BOM, decided on evidence (:mod:`advocacy_tui.data.decoding`); a file mixing UTF-8 and
      Windows-1250 is refused with the line, and cells with garbled Polish letters
      ("JĂłzef") are row problems, so an import never writes mojibake over the roster;
    * a quote that is never closed, or a cell over csv's limit, is named by row, column
      and line (the file is walked once, in linear time);
    * ``,``, ``;`` or tab as the separator (detected);
    * headers in English or Polish, any case and spacing;
    * role and status words in English or Polish, dates as dd.mm.yyyy or ISO.

People are matched by email (ignoring case); a row without an email matches the one
person of the same name (ignoring case and spacing) who has no email either. When
several people without email share that name, the row is a problem, never a new person.
Importing the same file twice changes nothing. Every row is checked before anything is
written.

Spreadsheet safety
    A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would
    be run as a formula by a spreadsheet, so the export puts a single quote ``'`` before
    it (the OWASP advice on CSV injection). A cell that starts with a quote gets one more
    quote, so the rule can be undone exactly: when importing, one leading quote is taken
    away from a cell that starts with a quote followed by one of those characters or by
    another quote. Export then import gives back exactly what was exported.

No Textual and no Rich here: the CLI and the app both use this module.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from advocacy_tui.data import decoding, xlsx_io
from advocacy_tui.data import import_words as vocab
from advocacy_tui.data.ambassadors import _keys, keys_text
from advocacy_tui.data.files import FileWriteError, private_file, write_private
from advocacy_tui.data.files_written import EXPORT, record_file_written
from advocacy_tui.data.store import Store
from advocacy_tui.data.topics import set_topics, topics_sql
from advocacy_tui.domain.ambassadors import (
    ValidationError,
    build_ambassador,
    check_linkedin,
    invitation_day,
)
from advocacy_tui.domain.groups import check_group_list, parse_group_list
from advocacy_tui.domain.text import fold, printable
from advocacy_tui.domain.topics import join_topics, parse_topics
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, Labels, _, ngettext, pgettext

# The fields of a person that a file can set, in the order of an import's values (the
# notes stay last). Topics are a list written "Java, rekrutacja" (``person_topics``), groups
# one written "Sales ambassadors; Autumn 2026 cohort" (``group_members``, a group created
# when a file first names it),
# formats and languages their keys ("text, video", "pl, en"); who recommended them is a name,
# the day they were invited a date. The consent to be thanked by name is never read from a
# file: only the person gives it, in this program.
FIELDS: tuple[str, ...] = ("name", "email", "department", "role", "status", "linkedin", "joined",
                           "topics", "groups", "formats", "languages", "recommended_by", "invited_on",
                           "notes")
#: the order exports write them: the older fields first, as before
EXPORT_FIELDS: tuple[str, ...] = ("name", "email", "department", "role", "status", "linkedin", "joined",
                                  "notes", "topics", "groups", "formats", "languages")
_EMAIL_AT = FIELDS.index("email")
_TOPICS_AT = FIELDS.index("topics")
_GROUPS_AT = FIELDS.index("groups")
_STATUS_AT = FIELDS.index("status")
_INVITED_AT = FIELDS.index("invited_on")
#: a person's groups as one cell, by name ("Autumn 2026 cohort; Sales ambassadors")
GROUPS_SQL = ("(SELECT group_concat(name, '; ') FROM (SELECT g.name FROM group_members m JOIN groups g "
              "ON g.id = m.group_id WHERE m.ambassador_id = {owner} ORDER BY g.name COLLATE NOCASE))")
FIELD_LABELS = Labels({
    "name": N_("name"), "email": N_("email"), "department": N_("department"), "role": N_("role"),
    "status": N_("status"), "linkedin": N_("LinkedIn"), "joined": N_("joined"), "notes": N_("notes"),
    "topics": N_("topics"), "groups": N_("groups"), "formats": N_("formats"), "languages": N_("languages"),
    "recommended_by": N_("recommended by"), "invited_on": N_("invited on"),
})

SEPARATED = {",": N_("comma-separated"), ";": N_("semicolon-separated"), "\t": N_("tab-separated")}

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
PREVIEW_ROWS = 8


class ImportFileError(Exception):
    """A file that cannot be imported at all; the message is one sentence for the user."""


# -- header and word spellings ---------------------------------------------------------


def _key(text: str) -> str:
    """A spelling-insensitive key: no case, diacritics, spaces or punctuation."""
    return re.sub(r"[\s_\-.:/()*'\"]+", "", fold(text))


_BRACKETED = re.compile(r"\s*\[[^\]]*\]\s*$")


def header_key(text: str) -> str:
    """The key of a header cell: :func:`_key` without a bracketed suffix (``[Required]``)."""
    return _key(_BRACKETED.sub("", text))


HEADERS: dict[str, str] = {_key(word): target for target, words in vocab.HEADER_WORDS.items()
                           for word in words}
WEAK_HEADERS: dict[str, str] = {_key(word): target for target, words in vocab.WEAK_HEADER_WORDS.items()
                                for word in words}
_ROLE_WORDS = vocab.ROLE_WORDS
_STATUS_WORDS = vocab.STATUS_WORDS
YES = {_key(word) for word in vocab.YES_WORDS}
NO = {_key(word) for word in vocab.NO_WORDS}
#: what ``--map COLUMN=FIELD`` accepts as FIELD
MAP_TARGETS = (*FIELDS, "first", "last", "email_alt", "enabled", "ignore")
ROLES = {_key(word): role for role, words in _ROLE_WORDS.items() for word in words}
STATUSES = {_key(word): status for status, words in _STATUS_WORDS.items() for word in words}


@functools.lru_cache(maxsize=512)
def role_word(value: str) -> str:
    """``Właściciel`` -> ``owner``; unknown words are returned as typed (the rule explains)."""
    return ROLES.get(_key(value), value.strip())


@functools.lru_cache(maxsize=512)
def status_word(value: str) -> str:
    return STATUSES.get(_key(value), value.strip())


# -- the spreadsheet-safety quote ------------------------------------------------------


def quote_cell(value: str) -> str:
    """Make a cell inert for a spreadsheet: prefix ``'`` to a formula-like start (or a quote)."""
    if value and (value[0] in DANGEROUS_START or value[0] == "'"):
        return "'" + value
    return value


def unquote_cell(value: str) -> str:
    """Undo :func:`quote_cell` exactly: one quote goes when a dangerous start or a quote follows."""
    if len(value) >= 2 and value[0] == "'" and (value[1] in DANGEROUS_START or value[1] == "'"):
        return value[1:]
    return value


# -- reading a file ----------------------------------------------------------------------


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")  # one line with its line break
_CELL_ENDS: dict[str, re.Pattern[str]] = {}
HEADER_MAX_LINES = 20  # a header cell may span lines, but not a whole file


def _cell_end(separators: str) -> re.Pattern[str]:
    if separators not in _CELL_ENDS:
        _CELL_ENDS[separators] = re.compile("[" + re.escape(separators) + "\r\n]")
    return _CELL_ENDS[separators]


def scan_record(text: str, pos: int, separators: str) -> tuple[int, list[int], int | None]:
    """Walk one CSV record of ``text`` from ``pos`` as csv.reader does (quotes open a cell
    only at its start; ``""`` inside quotes is one quote).

    Returns (the offset just past the record's line break, or ``len(text)``; the offsets where
    its cells start; the offset of a quote that is never closed, or None). It jumps from
    quote to quote with ``find``, so a file is walked once, in linear time.
    """
    ends = _cell_end(separators)
    size = len(text)
    starts = [pos]
    while True:
        if pos < size and text[pos] == '"':
            opened, search = pos, pos + 1
            while True:
                close = text.find('"', search)
                if close < 0:
                    return size, starts, opened
                if text.startswith('"', close + 1):
                    search = close + 2
                    continue
                break
            pos = close + 1
        found = ends.search(text, pos)
        if found is None:
            return size, starts, None
        if found.group() in "\r\n":
            end = found.end()
            if found.group() == "\r" and text.startswith("\n", end):
                end += 1
            return end, starts, None
        pos = found.end()
        starts.append(pos)


def _line_of(text: str, offset: int) -> int:
    """The 1-based line number (as an editor counts them) of ``offset`` in ``text``."""
    return len(_LINE_BREAK.findall(text, 0, offset)) + 1


def _line_offset(text: str, start: int, lines: int) -> int:
    """The offset in ``text`` after skipping ``lines`` lines from ``start``."""
    position = start
    for _number in range(lines):
        found = _LINE_BREAK.search(text, position)
        if found is None:
            return len(text)
        position = found.end()
    return position


def _unclosed_quote(row: int, line: int, column: str, snippet: str) -> ImportFileError:
    return ImportFileError(_(
        "Row {row}, column {column}: the quote that opens the cell at line {line} "
        "(“{snippet}”) is never closed, so the rest of the file would be read as one cell. "
        "Nothing was imported. Add the closing quote or remove this one, and try again."
    ).format(row=row, column=column, line=line, snippet=snippet))


def _snippet(text: str, offset: int) -> str:
    part = text[offset:offset + 24].split("\n")[0].split("\r")[0]
    return printable(part + ("…" if len(part) == 24 else ""))


@dataclass
class TableFile:
    """A decoded CSV file: its encoding, separator, header and data rows."""

    encoding: str
    delimiter: str
    header: list[str]
    text: str
    start: int  # offset of the first data line in ``text``
    lines: int  # a line count, for progress
    row_offset: int = 0  # rows above the header (a preamble) and a label row under it
    described: str | None = None  # how a message names a workbook's sheet or a JSON file
    notices: list[str] = field(default_factory=list)  # lines skipped before or under the header

    def column_name(self, index: int) -> str:
        """How a message names the cell's column: “notes” (column 2)."""
        if index < len(self.header) and self.header[index].strip():
            return f"“{printable(self.header[index].strip()[:40])}” ({index + 1})"
        return str(index + 1)

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(row number as a spreadsheet shows it, cells); the header is row 1.

        A quote that is never closed, or a cell longer than csv's limit, raises
        ImportFileError naming the row, the column and the line where the cell starts.
        """
        # The lines are cut from the text as csv asks for them (as io.StringIO(newline="")
        # would cut them: at \r\n, \r or \n), not from a copy of the whole file.
        lines = (match.group() for match in _LINE.finditer(self.text, self.start))
        reader = csv.reader(lines, delimiter=self.delimiter)
        number = 1 + self.row_offset
        pending: tuple[int, list[str], int, int] | None = None  # row, cells, first line, lines
        while True:
            before = reader.line_num
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                raise self._broken(number + 1, before, error) from None
            number += 1
            if reader.line_num - before > 2:
                self._check_swallowed(number, before, cells)
            if pending is not None:
                yield pending[0], pending[1]
            pending = (number, cells, before, reader.line_num - before)
        if pending is not None:
            if pending[3] > 1:  # the last record spans lines: was its quote ever closed?
                offset = _line_offset(self.text, self.start, pending[2])
                _end, starts, unclosed = scan_record(self.text, offset, self.delimiter)
                if unclosed is not None:
                    column = sum(1 for s in starts if s <= unclosed) - 1
                    raise _unclosed_quote(pending[0], _line_of(self.text, unclosed),
                                          self.column_name(column), _snippet(self.text, unclosed))
            yield pending[0], pending[1]

    def _check_swallowed(self, row: int, lines_before: int, cells: list[str]) -> None:
        """A cell over several lines that holds what look like other rows (as many separators
        as the header) means a stray quote swallowed them: refuse rather than lose them."""
        separators = len(self.header) - 1
        if separators < 2:  # with one separator a row is too easy to mistake for a note
            return
        for index, cell in enumerate(cells):
            if cell.count("\n") < 2:
                continue
            lines = cell.splitlines()[1:]
            looks_like_rows = sum(1 for line in lines if line.count(self.delimiter) == separators)
            if looks_like_rows >= 2 and looks_like_rows * 2 >= len(lines):
                offset = _line_offset(self.text, self.start, lines_before)
                _end, starts, unclosed = scan_record(self.text, offset, self.delimiter)
                if unclosed is not None:
                    column = sum(1 for s in starts if s <= unclosed) - 1
                    raise _unclosed_quote(row, _line_of(self.text, unclosed),
                                          self.column_name(column), _snippet(self.text, unclosed))
                start = starts[index] if index < len(starts) else offset
                raise ImportFileError(_(
                    "Row {row}, column {column}: the cell that starts at line {line} (“{snippet}”) "
                    "runs over {lines} lines and holds {count} lines that look like rows of their "
                    "own, so its quote is probably not closed where it should be. Nothing was "
                    "imported. Check the quotes in that cell and try again."
                ).format(row=row, column=self.column_name(index), line=_line_of(self.text, start),
                         snippet=_snippet(self.text, start), lines=cell.count("\n") + 1,
                         count=looks_like_rows))

    def _broken(self, row: int, lines_before: int, error: csv.Error) -> ImportFileError:
        """The message for a record csv.reader could not read (a cell over its size limit)."""
        offset = _line_offset(self.text, self.start, lines_before)
        end, starts, unclosed = scan_record(self.text, offset, self.delimiter)
        if unclosed is not None:
            column = sum(1 for s in starts if s <= unclosed) - 1
            return _unclosed_quote(row, _line_of(self.text, unclosed),
                                   self.column_name(column), _snippet(self.text, unclosed))
        limit = csv.field_size_limit()
        bounds = [*starts[1:], end + 1]
        sizes = [b - a - 1 for a, b in zip(starts, bounds, strict=True)]
        column = max(range(len(sizes)), key=lambda i: sizes[i])
        if sizes[column] <= limit:  # not a size problem: say what csv said, in a sentence
            return ImportFileError(_(
                "Row {row} (line {line}) cannot be read as CSV ({reason}). "
                "Nothing was imported."
            ).format(row=row, line=_line_of(self.text, offset), reason=error))
        return ImportFileError(_(
            "Row {row}, column {column}: the cell is longer than {limit:,} characters, "
            "more than a cell can hold. Nothing was imported. Shorten it, or check the quotes "
            "of this cell (it starts at line {line})."
        ).format(row=row, column=self.column_name(column), limit=limit,
                 line=_line_of(self.text, starts[column])))


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding name), decided on the evidence of every line (see
    :mod:`advocacy_tui.data.decoding`); a file mixing encodings is refused with the line."""
    try:
        return decoding.decode(data)
    except decoding.DecodeError as error:
        raise ImportFileError(str(error)) from None


def detect_delimiter(header_line: str, sample: str) -> str:
    """``,``, ``;`` or tab: csv.Sniffer limited to those, checked against the header line."""
    counts = {sep: header_line.count(sep) for sep in (";", ",", "\t")}
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        sniffed = None
    if sniffed and counts.get(sniffed, 0) > 0:
        return sniffed
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] > 0 else ","


def read_table(path: str | os.PathLike[str], *, sheet: str | None = None) -> TableFile:
    """Open, decode and split a CSV file; ImportFileError says in words what is wrong."""
    path = Path(path).expanduser()
    if not path.exists():
        raise ImportFileError(_("There is no file {path}.").format(path=path))
    if path.is_dir():
        raise ImportFileError(_("{path} is a folder, not a file. Give the path of a CSV file.").format(path=path))
    from advocacy_tui.data.paths_check import check_input_path

    try:
        check_input_path(path)  # never a pipe (it would hang) nor the open database
    except OSError as error:
        raise ImportFileError(str(error)) from None
    try:
        data = path.read_bytes()
    except PermissionError:
        raise ImportFileError(_("{path} cannot be read: permission denied.").format(path=path)) from None
    except OSError as error:
        raise ImportFileError(_("{path} cannot be read: {reason}.").format(
            path=path, reason=error.strerror or error)) from None
    return parse_table(data, name=str(path), sheet=sheet)


def parse_table(data: bytes, *, name: str | None = None, sheet: str | None = None) -> TableFile:
    """A CSV file, an Excel workbook (.xlsx: the first sheet or ``sheet``) or a JSON export."""
    if name is None:
        name = _("The file")
    if xlsx_io.is_workbook(data):
        try:
            title, rows = xlsx_io.read_rows(data, sheet=sheet, name=name)
            text = _rows_as_csv(rows)
        except xlsx_io.WorkbookError as error:
            raise ImportFileError(str(error)) from None
        table = _parse_text(text, "UTF-8", name)
        table.described = _("sheet “{sheet}” of a workbook").format(sheet=printable(title[:40]))
        return table
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(_(
            "{name} is an old Excel workbook (.xls). In your spreadsheet choose "
            "“Save as” → Excel workbook (.xlsx) or CSV, then import that file."
        ).format(name=name))
    head = data[:4096]
    has_bom = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not has_bom and head.count(b"\x00") * 8 > len(head):
        raise ImportFileError(
            _("{name} is not a text file in UTF-8 or Windows-1250 (it may be UTF-16 or binary). "
              "Save it from your spreadsheet as “CSV UTF-8” and try again.").format(name=name)
        )
    text, encoding = decode(data)
    records = _json_records(text)
    if records is not None:
        table = _parse_text(_records_as_csv(records), encoding, name)
        table.described = ngettext("JSON, {count} record", "JSON, {count} records", len(records)).format(
            count=format_number(len(records)))
        return table
    return _parse_text(text, encoding, name)


def _rows_as_csv(rows: Iterable[list[str]]) -> str:
    """Rows of a workbook or a JSON file as CSV text, each cell made inert as an export does
    (so that reading it back gives every cell exactly, ``=1+1`` included)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([quote_cell(cell) for cell in row])
    return out.getvalue()


def _json_records(text: str) -> list[dict] | None:
    """The records of a JSON export (a list of objects), or None when the text is not one."""
    if not text.lstrip("\ufeff \t\r\n").startswith("["):
        return None
    try:
        value = json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        return None
    return value


def _json_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _records_as_csv(records: list[dict]) -> str:
    columns: dict[str, None] = {}
    for record in records:
        for key in record:
            columns.setdefault(str(key), None)
    if not columns:
        columns = {"name": None}
    header = list(columns)
    rows = ([_json_cell(record.get(key)) for key in header] for record in records)
    return _rows_as_csv([header, *rows])


def _parse_text(text: str, encoding: str, name: str) -> TableFile:
    # Skip blank lines before the header.
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        if text[start:end].strip(" \t\r\n;,"):
            break
        start = end
    if start >= len(text):
        raise ImportFileError(_("{name} is empty: there is no header row and no people in it.").format(name=name))
    start, skipped = _find_header(text, start)
    # The header record: a quoted header cell may span lines; a quote never closed may not.
    end, _starts, unclosed = scan_record(text, start, ",;\t")
    delimiter = detect_delimiter(text[start:end], text[start:start + 16_384])
    end, starts, unclosed = scan_record(text, start, delimiter)
    first_line = _line_of(text, start)
    if unclosed is not None:
        raise ImportFileError(_(
            "Row 1 (the header): the quote at line {line} (“{snippet}”) is never closed, "
            "so the whole file would be read as one header cell. Nothing was imported. Add the "
            "closing quote or remove this one, and try again."
        ).format(line=_line_of(text, unclosed), snippet=_snippet(text, unclosed)))
    last_line = _line_of(text, max(end - 1, start))
    if last_line - first_line >= HEADER_MAX_LINES:
        quoted = next((s for s in starts if text.startswith('"', s)), start)
        raise ImportFileError(_(
            "Row 1 (the header) runs from line {first} to line {last}: the quote at line "
            "{line} (“{snippet}”) is closed only there. Nothing was imported. Check the quotes "
            "in the first row and try again."
        ).format(first=first_line, last=last_line, line=_line_of(text, quoted),
                 snippet=_snippet(text, quoted)))
    header = [cell.strip() for cell in _cells(text, start, end, delimiter)]
    notices = []
    if skipped:
        notices.append(ngettext("The line before the header (a note, not a person) was skipped.",
                                "The {count} lines before the header (notes, not people) were skipped.",
                                skipped).format(count=skipped))
    # SAP SuccessFactors writes a second header row of labels under the technical names.
    label_end, _label_starts, label_unclosed = scan_record(text, end, delimiter)
    if label_unclosed is None and _is_label_row(header, _cells(text, end, label_end, delimiter)):
        end = label_end
        skipped += 1
        notices.append(_("Row {row} repeats the header as labels, so it was skipped.").format(row=skipped + 1))
    return TableFile(encoding, delimiter, header, text, end, text.count("\n", end) + 1,
                     row_offset=skipped, notices=notices)


PREAMBLE_MAX_RECORDS = 12  # LinkedIn's Connections.csv puts "Notes:" and a paragraph first


def _cells(text: str, start: int, end: int, delimiter: str) -> list[str]:
    """The cells of one record; none when csv cannot read it (the rows' reader says why)."""
    try:
        return next(csv.reader(io.StringIO(text[start:end], newline=""), delimiter=delimiter), [])
    except csv.Error:
        return []


def _targets(cells: list[str]) -> dict[int, str]:
    """Column -> the field its header names (strong or weak words), for the cells that name one."""
    found = {}
    for position, cell in enumerate(cells):
        key = header_key(cell)
        target = HEADERS.get(key) or WEAK_HEADERS.get(key)
        if target and target != "_ignore":
            found[position] = target
    return found


def _names_a_person(cells: list[str]) -> bool:
    return any(t in ("name", "first", "last") for t in _targets(cells).values())


def _find_header(text: str, start: int) -> tuple[int, int]:
    """(offset of the header record, records before it): the first record of the first few
    that names a person's name column, when everything before it is lines of one cell (a
    note such as LinkedIn's "Notes:"); else the first record (its errors stand)."""
    position = start
    for skipped in range(PREAMBLE_MAX_RECORDS):
        if position >= len(text):
            break
        end, _starts, unclosed = scan_record(text, position, ",;\t")
        if unclosed is not None:
            break
        line = text[position:end]
        delimiter = detect_delimiter(line, line)
        cells = _cells(text, position, end, delimiter)
        if line.strip() and _names_a_person(cells):
            return position, skipped
        if sum(1 for cell in cells if cell.strip()) > 1:
            break  # a row of data, not a note: the first record is the header
        position = end
    return start, 0


def _is_label_row(header: list[str], cells: list[str]) -> bool:
    """A row under the header that names the same fields in the same columns (labels)."""
    first, second = _targets(header), _targets(cells)
    if len(second) < 2 or len(second) * 2 < len(first):
        return False
    return all(first.get(position) == target for position, target in second.items())


# -- planning an import ----------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    row: int
    message: str

    def __str__(self) -> str:
        return _("row {row}: {message}").format(row=self.row, message=self.message)


class PackedRows(Sequence[tuple]):
    """A list of value tuples kept as one string each (three letters saying which fields are
    None, then the fields joined by NUL, which no importable cell holds): a third of the
    memory of the tuples at 100,000 rows. Reads back the same tuples; a tuple with a NUL or a non-text value in it
    is kept as it is."""

    __slots__ = ("_items",)

    def __init__(self, items: Iterable[tuple] = ()) -> None:
        self._items: list[str | tuple] = []
        for item in items:
            self.append(item)

    def append(self, values: tuple) -> None:
        if not values or len(values) > 18:
            self._items.append(values)
            return
        nones, bit, parts = 0, 1, []  # one pass: this runs once per row of a big import
        for value in values:
            if value is None:
                nones |= bit
                parts.append("")
            elif type(value) is str and "\x00" not in value:
                parts.append(value)
            else:
                self._items.append(values)
                return
            bit <<= 1
        self._items.append(chr(0x30 + (nones & 63)) + chr(0x30 + (nones >> 6 & 63)) + chr(0x30 + (nones >> 12))
                           + "\x00".join(parts))

    @staticmethod
    def _unpack(item: str | tuple) -> tuple:
        if type(item) is tuple:
            return item
        assert isinstance(item, str)
        parts = item[3:].split("\x00")
        nones = (ord(item[0]) - 0x30) | (ord(item[1]) - 0x30) << 6 | (ord(item[2]) - 0x30) << 12
        while nones:
            position = nones.bit_length() - 1
            parts[position] = None  # type: ignore[call-overload]
            nones &= ~(1 << position)
        return tuple(parts)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._unpack(item) for item in self._items[index]]
        return self._unpack(self._items[index])

    def __iter__(self) -> Iterator[tuple]:
        return map(self._unpack, self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedRows | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PackedRows({list(self)!r})"


class PackedUpdates(PackedRows):
    """(id, values) pairs, packed as PackedRows packs values."""

    __slots__ = ()

    def append(self, pair: tuple) -> None:
        id_, values = pair
        super().append((str(id_), *values))

    @staticmethod
    def _unpack(item: str | tuple) -> tuple:
        id_, *values = PackedRows._unpack(item)
        return int(id_), tuple(values)

    def __iter__(self) -> Iterator[tuple]:
        return map(self._unpack, self._items)


@dataclass
class ImportPlan:
    """Everything an import would do, worked out without writing anything."""

    path: str
    encoding: str
    delimiter: str
    columns: dict[str, str]  # field -> the header as written in the file
    ignored: list[str]
    preview: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    add: PackedRows = field(default_factory=PackedRows)  # FIELDS values
    update: PackedUpdates = field(default_factory=PackedUpdates)  # (id, FIELDS values)
    unchanged: int = 0
    rows: int = 0
    invalid_rows: int = 0
    # What the plan was made from, so that apply_import can make it again, inside its
    # write transaction, if the roster changed in between (another import, the app).
    table: TableFile | None = field(default=None, repr=False, compare=False)
    seen: tuple | None = field(default=None, repr=False, compare=False)
    notices: list[str] = field(default_factory=list)  # what the import guessed, for the user
    described: str | None = None  # "sheet “Arkusz1” of a workbook", "JSON, 12 records"
    options: dict = field(default_factory=dict, repr=False, compare=False)  # plan_import's choices

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def source(self) -> str:
        """How the file was read: “Windows-1250, semicolon-separated”, “sheet “X” of a workbook”."""
        if self.described:
            return self.described
        encoding = _(self.encoding) if self.encoding == decoding.UTF8_BOM else self.encoding
        separated = SEPARATED.get(self.delimiter)
        if separated is None:
            return f"{encoding}, {self.separator_name}-separated"
        return f"{encoding}, {_(separated)}"

    @property
    def separator_name(self) -> str:
        return {",": "comma", ";": "semicolon", "\t": "tab"}.get(self.delimiter, repr(self.delimiter))


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int
    unchanged: int
    skipped: int

    def __str__(self) -> str:
        return _("{added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped").format(
            added=format_number(self.added), updated=format_number(self.updated),
            unchanged=format_number(self.unchanged), skipped=format_number(self.skipped))


def map_header(header: list[str], column_map: dict[str, str] | None = None,
               ) -> tuple[dict[str, int], dict[str, str], list[str]]:
    """Which column holds which field: (field -> index, field -> header text, ignored headers)."""
    columns = map_columns(header, column_map)
    ignored = columns.ignored + [header[i].strip() for cands in columns.weak.values() for i in cands]
    return columns.index, columns.names, ignored


@dataclass
class ColumnMap:
    index: dict[str, int]  # field -> column, by a strong header word or the user's map
    names: dict[str, str]  # field -> the header as written
    ignored: list[str]  # headers not used
    weak: dict[str, list[int]]  # field -> columns whose header only suggests it (a guess)


def parse_column_map(text: str) -> dict[str, str]:
    """``state=ignore; Kto=name`` (``;``, ``,`` or a new line between pairs) -> a column map."""
    chosen: dict[str, str] = {}
    for part in re.split(r"[;,\n]", text):
        if not part.strip():
            continue
        column, sign, target = part.rpartition("=")
        if not sign or not column.strip() or not target.strip():
            raise ImportFileError(_(
                "Say what a column holds as COLUMN=FIELD, for example state=ignore or Kto=name "
                "(got “{text}”)."
            ).format(text=printable(part.strip()[:60])))
        chosen[column.strip()] = target.strip()
    return chosen


def map_words() -> dict[str, str]:
    """Each target of ``COLUMN=FIELD`` in the language in use ("pomiń" for ``ignore``)."""
    return {
        "name": pgettext("column map", "name"), "first": pgettext("column map", "first"),
        "last": pgettext("column map", "last"), "email": pgettext("column map", "email"),
        "email_alt": pgettext("column map", "email_alt"),
        "department": pgettext("column map", "department"), "role": pgettext("column map", "role"),
        "status": pgettext("column map", "status"), "enabled": pgettext("column map", "enabled"),
        "linkedin": pgettext("column map", "linkedin"), "joined": pgettext("column map", "joined"),
        "notes": pgettext("column map", "notes"), "topics": pgettext("column map", "topics"),
        "groups": pgettext("column map", "groups"),
        "formats": pgettext("column map", "formats"), "languages": pgettext("column map", "languages"),
        "recommended_by": pgettext("column map", "recommended_by"),
        "invited_on": pgettext("column map", "invited_on"),
        "ignore": pgettext("column map", "ignore"),
    }


def _map_target(text: str) -> str | None:
    """The field a ``COLUMN=FIELD`` target names, typed as its key or in the language in use."""
    wanted = text.strip().lower()
    if wanted in MAP_TARGETS:
        return wanted
    key = _key(text)
    return next((target for target, word in map_words().items() if _key(word) == key), None)


def _user_map(header: list[str], column_map: dict[str, str]) -> dict[int, str]:
    """The user's ``COLUMN=FIELD`` choices as column -> field (or ``ignore``)."""
    chosen: dict[int, str] = {}
    for column, target in column_map.items():
        wanted = _map_target(target)
        if wanted is None:
            raise ImportFileError(_(
                "“{target}” is not a field a column can go to. Choose one of: {choices}."
            ).format(target=printable(target[:40]), choices=", ".join(map_words().values())))
        positions = [i for i, text in enumerate(header)
                     if text.strip() == column.strip() or header_key(text) == header_key(column)]
        if not positions:
            found = ", ".join(f"“{printable(h[:40])}”" for h in header if h.strip()) or "none"
            raise ImportFileError(_(
                "The file has no column “{column}” to map. Columns found: {found}."
            ).format(column=printable(column[:40]), found=found))
        for position in positions:
            chosen[position] = "_ignore" if wanted == "ignore" else wanted
    return chosen


def map_columns(header: list[str], column_map: dict[str, str] | None = None) -> ColumnMap:
    """Strong header words and the user's map decide; weak words are kept as guesses."""
    chosen = _user_map(header, column_map or {})
    index: dict[str, int] = {}
    names: dict[str, str] = {}
    ignored: list[str] = []
    weak: dict[str, list[int]] = {}
    for position, text in enumerate(header):
        key = header_key(text)
        target = chosen.get(position) or HEADERS.get(key)
        if target is None:
            guess = WEAK_HEADERS.get(key)
            if guess is not None:
                weak.setdefault(guess, []).append(position)
            elif text.strip():
                ignored.append(text.strip())
            continue
        if target == "_ignore":
            continue
        if target in index:
            raise ImportFileError(
                _("Two columns mean the same thing ({field}): “{first}” and “{second}”. "
                  "Remove or rename one of them.").format(field=FIELD_LABELS.get(target, target),
                                                          first=names[target], second=text)
            )
        index[target] = position
        names[target] = text
    for target in list(weak):
        if target in index:  # a strong header gives the field: the guesses are not used
            ignored += [header[i].strip() for i in weak.pop(target)]
    if "name" not in index and "first" not in index and "last" not in index:
        found = ", ".join(f"“{printable(h[:40])}”" for h in header if h.strip()) or "none"
        raise ImportFileError(_(
            "The file has no name column: add a column called name (or imię i nazwisko, or first "
            "name and last name), or say which column holds it with --map COLUMN=name (“Columns” "
            "in the import dialog). Columns found: {found}."
        ).format(found=found))
    return ColumnMap(index, names, ignored, weak)


def name_key(name: str) -> str:
    """How a row without an email is matched to a person without one: the same name, whatever
    the case, the spacing or the Unicode form (macOS writes "ó" as two code points)."""
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


class _Lookup:
    """email or name key -> (id, values) of the people already in the roster, the values
    packed (a re-import of 100,000 people matches each of them)."""

    __slots__ = ("_rows", "_keys")

    def __init__(self, rows: PackedUpdates, keys: dict[str, int]) -> None:
        self._rows, self._keys = rows, keys

    def get(self, key: str) -> tuple[int, tuple] | None:
        position = self._keys.get(key)
        return None if position is None else self._rows[position]


def _existing(store: Store) -> tuple[_Lookup, dict[str, list[tuple[int, tuple]]]]:
    """Everyone already in the roster, by lower-case email and (for people without one) by name."""
    emails: dict[str, int] = {}
    packed = PackedUpdates()
    by_name: dict[str, list[tuple[int, tuple]]] = {}
    rows = store.db.conn.execute(
        "SELECT id, name, email, department, role, status, linkedin, joined, "
        f"coalesce({topics_sql('person_topics', 'ambassadors.id')}, ''), "
        f"coalesce({GROUPS_SQL.format(owner='ambassadors.id')}, ''), formats, languages, "
        "recommended_by, invited_on, notes FROM ambassadors"
    )
    groups_at = FIELDS.index("groups")
    for id_, *values in rows:
        if values[groups_at]:
            values[groups_at] = _group_cell(values[groups_at], {})
        values = tuple(values)
        if values[1]:
            emails[values[1].lower()] = len(packed)
            packed.append((id_, values))
        else:
            by_name.setdefault(name_key(values[0]), []).append((id_, values))
    return _Lookup(packed, emails), by_name


GARBLE_CHECKED = ("name", "department", "notes")


def _garbled(label: dict[str, str], values: tuple, old: tuple | None) -> list[str]:
    """Problems for cells that hold garbled Polish letters ("JĂłzef" for "Józef")."""
    problems = []
    for position, f in enumerate(FIELDS):
        if f not in GARBLE_CHECKED or not values[position]:
            continue
        repaired = decoding.ungarble(values[position])
        if repaired is None and old is not None and decoding.garbles(old[position], values[position]):
            repaired = old[position]
        if repaired is None:
            continue
        shown, meant = printable(values[position][:60]), printable(repaired[:60])
        if old is not None and old[position] == repaired:
            problems.append(_(
                "{column}: “{shown}” is “{meant}” with garbled letters, and the import would write "
                "it over the right spelling in the roster. The file was saved in another encoding "
                "somewhere: export it again as “CSV UTF-8”."
            ).format(column=label[f], shown=shown, meant=meant))
        else:
            problems.append(_(
                "{column}: “{shown}” looks like “{meant}” with garbled letters (a file saved in "
                "another encoding somewhere). Fix the letters or export the file again as “CSV UTF-8”."
            ).format(column=label[f], shown=shown, meant=meant))
    return problems


_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{4})\s*$")
DATE_ORDERS = ("dmy", "mdy")


def _date_reading(value: str) -> str:
    """What a date cell says of the file's day/month order: ``dmy``, ``mdy``, ``any`` (the
    same either way, ISO, dotted as Polish dates always are, or not a date) or ``?``."""
    match = _NUMERIC_DATE.match(value)
    if not match or match.group(2) == ".":
        return "any"
    first, second = int(match.group(1)), int(match.group(3))
    if first == second:
        return "any"
    if first > 12 >= second:
        return "dmy"
    if second > 12 >= first:
        return "mdy"
    if first > 12 and second > 12:
        return "any"  # not a date either way: the rule for dates says so
    return "?"


def _as_iso(value: str, order: str | None) -> str:
    """A d/m/y or m/d/y cell written as yyyy-mm-dd, in the file's order (day first by default)."""
    match = _NUMERIC_DATE.match(value)
    if not match or (match.group(2) == "." and order is None):
        return value
    first, second, year = int(match.group(1)), int(match.group(3)), match.group(4)
    day, month = (second, first) if order == "mdy" else (first, second)
    if not 1 <= month <= 12:
        return value  # the rule for dates names the month
    return f"{year}-{month:02d}-{day:02d}"


@dataclass
class _Survey:
    """What a first pass over the rows tells about the columns before any row is judged."""

    filled: dict[int, int] = field(default_factory=dict)  # column -> non-empty cells
    fits: dict[int, int] = field(default_factory=dict)  # column -> cells that are valid values
    sample: dict[int, str] = field(default_factory=dict)  # column -> a value that did not fit
    orders: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # dmy/mdy/? -> rows

    def all_fit(self, column: int) -> bool:
        return self.filled.get(column, 0) > 0 and self.fits.get(column, 0) == self.filled[column]


def _survey(table: TableFile, status_columns: list[int], linkedin_columns: list[int],
            joined: int | None) -> _Survey:
    survey = _Survey()
    if not status_columns and not linkedin_columns and joined is None:
        return survey
    checks = [(c, lambda v: _key(v) in STATUSES) for c in status_columns]
    checks += [(c, lambda v: check_linkedin(v) is None) for c in linkedin_columns]
    for number, cells in table.rows():
        width = len(cells)
        for column, fits in checks:
            value = unquote_cell(cells[column]).strip() if column < width else ""
            if not value:
                continue
            survey.filled[column] = survey.filled.get(column, 0) + 1
            if fits(value):
                survey.fits[column] = survey.fits.get(column, 0) + 1
            else:
                survey.sample.setdefault(column, value)
        if joined is not None and joined < width:
            value = cells[joined].strip()
            reading = _date_reading(value) if value else "any"
            if reading != "any":
                survey.orders.setdefault(reading, []).append((number, value))
    return survey


def _date_problems(survey: _Survey, label: str) -> tuple[str | None, dict[int, str]]:
    """(the file's day/month order or None, row -> problem) from the survey of its dates."""
    day_first, month_first = survey.orders.get("dmy", []), survey.orders.get("mdy", [])
    problems: dict[int, str] = {}
    order = None
    if day_first and month_first:
        if len(day_first) != len(month_first):
            order = "dmy" if len(day_first) > len(month_first) else "mdy"
        odd = [("dmy", day_first), ("mdy", month_first)]
        example = {"dmy": day_first[0], "mdy": month_first[0]}
        for reading, rows in odd:
            if order is not None and reading == order:
                continue
            other = "mdy" if reading == "dmy" else "dmy"
            for number, value in rows:
                problems[number] = _(
                    "{column}: “{value}” can only be {reading}, but row {row} (“{example}”) can "
                    "only be {other}: the file mixes the two orders. Correct the dates of one kind."
                ).format(column=label, value=printable(value[:40]), reading=_ORDER_WORDS()[reading],
                         row=example[other][0], example=printable(example[other][1][:40]),
                         other=_ORDER_WORDS()[other])
    elif day_first or month_first:
        order = "dmy" if day_first else "mdy"
    if order is None:
        for number, value in survey.orders.get("?", []):
            problems[number] = _(
                "{column}: “{value}” could be day/month or month/day, and no date in the file "
                "tells which. Say the order: --dates dmy (day first, 31/12/2026) or --dates mdy "
                "(month first, 12/31/2026), or “Dates” in the import dialog."
            ).format(column=label, value=printable(value[:40]))
    return order, problems


def _ORDER_WORDS() -> dict[str, str]:  # noqa: N802 (translated when called)
    return {"dmy": _("day first (day/month/year)"), "mdy": _("month first (month/day/year)")}


def plan_import(
    store: Store,
    table: TableFile,
    *,
    path: str = "",
    progress: Callable[[int, int], object] | None = None,
    cancelled: Callable[[], bool] | None = None,
    column_map: dict[str, str] | None = None,
    date_order: str | None = None,
    _survey_dates: bool = False,
) -> ImportPlan:
    """Check every row of ``table`` and work out what importing it would change.

    ``column_map`` (header -> field or ``ignore``) overrides the header words; ``date_order``
    (``dmy`` or ``mdy``) says how to read 03/04/2022 when the file's dates cannot tell.
    """
    if date_order is not None and date_order not in DATE_ORDERS:
        raise ValueError(date_order)
    found = map_columns(table.header, column_map)
    index, names, ignored = found.index, found.names, list(found.ignored)
    notices: list[str] = list(table.notices)
    # A status column named so (or mapped by the user) is taken, and a word that is not a
    # status is a row problem; a column that only may be one (``state``) must prove it.
    status_columns = found.weak.get("status", [])
    linkedin_columns = found.weak.get("linkedin", [])
    joined = index.get("joined") if date_order is None else None
    # Most files' dates tell nothing of the order (ISO, dotted, day first): they are read in
    # one pass, day first; only a file with a month-first or ambiguous date is read twice.
    survey = _survey(table, status_columns, linkedin_columns, joined if _survey_dates else None)
    for target in ("status", "linkedin", "department"):
        for column in found.weak.get(target, []):
            fits = target == "department" or survey.all_fit(column)
            if target not in index and fits:
                index[target], names[target] = column, table.header[column]
            else:
                ignored.append(table.header[column].strip())
                if target != "department" and survey.filled.get(column):
                    notices.append(_(
                        "The column “{column}” was not used as the {field}: not all its values "
                        "(such as “{value}”) are one. Use --map (“Columns” in the import dialog) to say what it holds."
                    ).format(column=printable(table.header[column][:40]), field=FIELD_LABELS[target],
                             value=printable(survey.sample.get(column, "")[:40])))
    columns = {f: names[f] for f in names if f in FIELDS}
    if "name" not in index and ("first" in names or "last" in names):
        columns["name"] = " + ".join(names[f] for f in ("first", "last") if f in names)
    plan = ImportPlan(path, table.encoding, table.delimiter, columns, ignored, table=table,
                      seen=_roster_mark(store), notices=notices, described=table.described,
                      options={"column_map": column_map, "date_order": date_order})
    by_email, by_name = _existing(store)
    seen_email: dict[str, int] = {}
    seen_name: dict[str, int] = {}
    present = [f for f in FIELDS if f in index]
    name_parts = [index[f] for f in ("first", "last") if f in index] if "name" not in index else []
    label = {f: names.get(f, f) for f in FIELDS}
    if name_parts:
        label["name"] = columns["name"]
    if joined is None:
        order, date_problems = date_order, dict[int, str]()
    elif _survey_dates:
        order, date_problems = _date_problems(survey, label["joined"])
    else:
        order, date_problems = "dmy", {}
    alt_email, enabled = index.get("email_alt"), index.get("enabled")
    today = store.clock.today()
    # a group the file names in other letters is the one the program has
    group_names = ({name.casefold(): name for (name,) in store.db.conn.execute("SELECT name FROM groups")}
                   if "groups" in index else {})
    total = max(table.lines, 1)
    for number, cells in table.rows():
        if not any(cell.strip() for cell in cells):
            continue  # blank lines and rows of bare separators
        plan.rows += 1
        if progress and plan.rows % 2000 == 0:
            progress(number, total)
            if cancelled and cancelled():
                raise ImportFileError(_("The import was cancelled."))
        width = len(cells)
        raw = {f: unquote_cell(cells[index[f]]) if index[f] < width else "" for f in present}
        if "name" not in index:
            raw["name"] = " ".join(
                unquote_cell(cells[i]).strip() for i in name_parts if i < width and cells[i].strip()
            )
        extra_problems = []
        if alt_email is not None and not raw.get("email", "").strip() and alt_email < width:
            alternative = unquote_cell(cells[alt_email]).strip()
            if alternative and "#ext#" not in alternative.lower():  # a guest's made-up address
                raw["email"] = alternative
        if enabled is not None and enabled < width and cells[enabled].strip():
            flag = _key(cells[enabled])
            if flag in NO and not raw.get("status", "").strip():
                raw["status"] = "left"
            elif flag not in NO and flag not in YES:
                extra_problems.append(_("{column}: “{value}” is neither yes nor no").format(
                    column=names["enabled"], value=printable(cells[enabled][:40])))
        typed_joined = raw.get("joined")  # shown as typed in the preview of a row with a problem
        if "joined" in raw:
            if number in date_problems:
                extra_problems.append(date_problems[number])
                raw["joined"] = ""
            else:
                if not _survey_dates and joined is not None and raw["joined"].strip():
                    if _date_reading(raw["joined"].strip()) in ("mdy", "?"):
                        # the whole file must decide the order: read it again, surveyed first
                        return plan_import(store, table, path=path, progress=progress,
                                           cancelled=cancelled, column_map=column_map,
                                           date_order=date_order, _survey_dates=True)
                raw["joined"] = _as_iso(raw["joined"], order)
        if "invited_on" in raw:
            raw["invited_on"] = _as_iso(raw["invited_on"].strip(), order)
        given = set(raw)
        for f in ("role", "status", "invited_on", "groups"):  # an empty cell keeps what the person has
            if f in raw and not raw[f].strip():
                given.discard(f)
        if "role" in raw:
            raw["role"] = role_word(raw["role"])
        if "status" in raw:
            raw["status"] = status_word(raw["status"])
        row_problems = [_("{column} holds a NUL character").format(column=label[f])
                        for f, v in raw.items() if "\x00" in v]
        row_problems += extra_problems
        if raw.get("groups", "").strip() and (problem := check_group_list(raw["groups"])):
            row_problems.append(f"{label['groups']}: {problem}")
        try:
            person = build_ambassador(raw)
        except ValidationError as error:
            row_problems += [f"{label.get(f, f)}: {message}" for f, message in error.problems.items()]
            person = None
        match = None
        if person is not None:
            email_key = person.email.lower() if person.email else None
            if email_key:
                if email_key in seen_email:
                    row_problems.append(_("{column}: {email} is also in row {row}").format(
                        column=label["email"], email=person.email, row=seen_email[email_key]))
                else:
                    seen_email[email_key] = number
                match = by_email.get(email_key)
            else:
                key = name_key(person.name)
                if key in seen_name:
                    row_problems.append(
                        _("{name} has no email and the same name as row {row}; "
                          "add an email to tell them apart").format(name=person.name[:60], row=seen_name[key])
                    )
                else:
                    seen_name[key] = number
                candidates = by_name.get(key, ())
                if len(candidates) > 1:
                    row_problems.append(_(
                        "{count} people in the roster are called {name} and have no email, so this "
                        "row cannot say which of them it means; add an email to the row (and to them)"
                    ).format(count=len(candidates), name=printable(person.name[:60])))
                elif candidates:
                    match = candidates[0]
        values: tuple = ()
        if person is not None:
            values = (person.name, person.email, person.department, person.role, person.status,
                      person.linkedin, person.joined.isoformat() if person.joined else None,
                      join_topics(person.topics), _group_cell(raw.get("groups", ""), group_names),
                      keys_text(person.formats), keys_text(person.languages),
                      person.recommended_by, person.invited_on.isoformat() if person.invited_on else None,
                      person.notes)
            row_problems += _garbled(label, values, match[1] if match else None)
        if row_problems:
            plan.invalid_rows += 1
            plan.problems.extend(RowProblem(number, p) for p in row_problems)
            if len(plan.preview) < PREVIEW_ROWS:
                shown = {**raw, "joined": typed_joined} if typed_joined is not None else raw
                plan.preview.append((number, {**shown, "_problem": "; ".join(row_problems)}))
            continue
        if match is None:
            values = _with_invitation(values, None, today)
            if len(plan.preview) < PREVIEW_ROWS:
                plan.preview.append((number, dict(zip(FIELDS, values, strict=True))))
            plan.add.append(values)
            continue
        id_, old = match
        merged = tuple(
            values[i] if (f in given or f == "name") else old[i] for i, f in enumerate(FIELDS)
        )
        merged = _with_invitation(merged, old[_STATUS_AT], today)
        if old[_EMAIL_AT] and merged[_EMAIL_AT] and old[_EMAIL_AT].lower() == merged[_EMAIL_AT].lower():
            # the same address in other letters: the stored spelling stays
            merged = merged[:_EMAIL_AT] + (old[_EMAIL_AT],) + merged[_EMAIL_AT + 1:]
        if len(plan.preview) < PREVIEW_ROWS:
            # what the person will hold: a kept status shows as kept, not as the default
            kept = ",".join(f for f in FIELDS if f not in given and f != "name" and old[FIELDS.index(f)])
            plan.preview.append((number, {**dict(zip(FIELDS, merged, strict=True)), "_kept": kept}))
        if merged == old:
            plan.unchanged += 1
        else:
            plan.update.append((id_, merged))
    if progress:
        progress(total, total)
    return plan


def _with_invitation(values: tuple, previous_status: str | None, today: date) -> tuple:
    """An import's values with the invitation day: today when the status becomes "invited"
    with this row and the file gives no day (domain.ambassadors.invitation_day)."""
    given = values[_INVITED_AT]
    day = invitation_day(values[_STATUS_AT], date.fromisoformat(given) if given else None,
                         previous_status, today)
    if day is None or given:
        return values
    return values[:_INVITED_AT] + (day.isoformat(),) + values[_INVITED_AT + 1:]


def _roster_mark(store: Store) -> tuple:
    """Changes when anyone changes the file: another connection's commit moves
    ``data_version``, this connection's own writes move ``total_changes``."""
    conn = store.db.conn
    # The connection itself, not its id(): a later connection could reuse a freed id.
    return conn, conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes


class _Person:
    """Just enough of an Ambassador for the search keys."""

    __slots__ = ("name", "email", "department")

    def __init__(self, values: tuple) -> None:
        self.name, self.email, self.department = values[0], values[1], values[2]


def apply_import(store: Store, plan: ImportPlan, *, skip_invalid: bool = False) -> ImportSummary:
    """Write a plan in one transaction. Refuses a plan with problems unless ``skip_invalid``."""
    if plan.problems and not skip_invalid:
        raise ImportFileError(
            ngettext("{n} row has problems, so nothing was imported.",
                     "{n} rows have problems, so nothing was imported.",
                     plan.invalid_rows).format(n=format_number(plan.invalid_rows))
        )
    now = store.now_text()

    def with_keys(values: tuple) -> tuple:
        # _keys reads only name, email and department, which _Person has: no Ambassador is built
        sort_key, search = _keys(_Person(values))  # type: ignore[arg-type]
        return (*values, sort_key, search)

    conn = store.db.conn
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -16384")  # 16 MB while the indexes grow (more only costs memory)
    try:
        # The write lock comes first (BEGIN IMMEDIATE): from here to COMMIT nobody else can
        # change the roster, so a plan made before is made again if the roster moved since.
        with store.write():
            if plan.table is not None and plan.seen != _roster_mark(store):
                plan = plan_import(store, plan.table, path=plan.path, **plan.options)
                if plan.problems and not skip_invalid:
                    raise ImportFileError(
                        ngettext("{n} row has problems, so nothing was imported.",
                     "{n} rows have problems, so nothing was imported.",
                     plan.invalid_rows).format(n=format_number(plan.invalid_rows))
                    )
            _write(store, plan, with_keys, now)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
    return ImportSummary(len(plan.add), len(plan.update), plan.unchanged, plan.invalid_rows)


BULK = 2_000  # adding at least this many people rebuilds the roster's indexes once at the end


def _write(store: Store, plan: ImportPlan, with_keys: Callable[[tuple], tuple], now: str) -> None:
    conn = store.db.conn
    with store.write():
        rebuild: list[str] = []
        first_new = conn.execute("SELECT coalesce(max(id), 0) FROM ambassadors").fetchone()[0] + 1
        if len(plan.add) >= BULK:
            # Building an index once from sorted data is much faster than growing it row by row.
            # Only the indexes and this module's own search trigger: other triggers keep firing.
            rebuild = [sql for name, sql in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'ambassadors' AND sql IS NOT NULL "
                "AND (type = 'index' OR name = 'ambassadors_search_insert')"
            ).fetchall() if not name.startswith("sqlite_")]
            for kind, name in conn.execute(
                "SELECT type, name FROM sqlite_master WHERE tbl_name = 'ambassadors' AND sql IS NOT NULL "
                "AND (type = 'index' OR name = 'ambassadors_search_insert')"
            ).fetchall():
                conn.execute(f'DROP {kind.upper()} "{name}"')
        def columns(values: tuple) -> tuple:  # the ambassadors' own columns: topics and groups go elsewhere
            return with_keys(values[:_TOPICS_AT] + values[_GROUPS_AT + 1:])

        conn.executemany(
            "INSERT INTO ambassadors (name, email, department, role, status, linkedin, joined, formats, "
            "languages, recommended_by, invited_on, notes, sort_key, search_text, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ((*columns(values), now, now) for values in plan.add),
        )
        conn.executemany(
            "UPDATE ambassadors SET name=?, email=?, department=?, role=?, status=?, linkedin=?, "
            "joined=?, formats=?, languages=?, recommended_by=?, invited_on=?, notes=?, sort_key=?, "
            "search_text=?, updated_at=? WHERE id=?",
            ((*columns(values), now, id_) for id_, values in plan.update),
        )
        if "topics" in plan.columns:
            # the new people have the ids after the last one, in the file's order
            for offset, values in enumerate(plan.add):
                if values[_TOPICS_AT]:
                    set_topics(conn, "person_topics", first_new + offset, parse_topics(values[_TOPICS_AT]), now)
            for id_, values in plan.update:
                set_topics(conn, "person_topics", id_, parse_topics(values[_TOPICS_AT]), now)
        if "groups" in plan.columns:
            memberships = [(first_new + offset, values[_GROUPS_AT]) for offset, values in enumerate(plan.add)]
            memberships += [(id_, values[_GROUPS_AT]) for id_, values in plan.update]
            _write_groups(conn, [(person, names) for person, names in memberships if names], now)
        if rebuild:
            if any("ambassadors_search_insert" in sql for sql in rebuild):
                # Merging the index's segments while it grows cost a fifth of the bulk add:
                # it is done by later writes instead (automerge back at SQLite's default).
                conn.execute("INSERT INTO ambassadors_search (ambassadors_search, rank) VALUES ('automerge', 0)")
                conn.execute(
                    "INSERT INTO ambassadors_search (rowid, search_text) "
                    "SELECT id, search_text FROM ambassadors WHERE id >= ?", (first_new,)
                )
                conn.execute("INSERT INTO ambassadors_search (ambassadors_search, rank) VALUES ('automerge', 4)")
            for sql in rebuild:
                conn.execute(sql)


def _group_cell(text: str, known: dict[str, str]) -> str:
    """A cell of groups written one way: each group once, as the program spells it (``known``:
    casefolded name -> name), in alphabetical order, "; " between them."""
    names = [known.get(name.casefold(), name) for name in parse_group_list(text)]
    return "; ".join(sorted(names, key=str.casefold))


def _write_groups(conn: sqlite3.Connection, memberships: list[tuple[int, str]], now: str) -> None:
    """Each person in exactly the groups their cell names (a group named for the first time is
    made, spelt as first written); inside the import's transaction. A person whose cell is
    empty keeps their groups."""
    ids = {name.casefold(): id_ for id_, name in conn.execute("SELECT id, name FROM groups")}
    for _person, cell in memberships:
        for name in parse_group_list(cell):
            if name.casefold() not in ids:
                cursor = conn.execute("INSERT INTO groups (name, created_at, updated_at) VALUES (?, ?, ?)",
                                      (name, now, now))
                ids[name.casefold()] = int(cursor.lastrowid or 0)
    conn.executemany("DELETE FROM group_members WHERE ambassador_id = ?", [(person,) for person, _ in memberships])
    conn.executemany("INSERT OR IGNORE INTO group_members (group_id, ambassador_id, added_at) VALUES (?, ?, ?)",
                     [(ids[name.casefold()], person, now) for person, cell in memberships
                      for name in parse_group_list(cell)])


def import_file(store: Store, path: str | os.PathLike[str], *, dry_run: bool = False,
                skip_invalid: bool = False) -> tuple[ImportPlan, ImportSummary | None]:
    """Read, check and (unless a dry run or refused) write a file. For the CLI and tests."""
    plan = plan_import(store, read_table(path), path=str(path))
    if dry_run or (plan.problems and not skip_invalid):
        return plan, None
    return plan, apply_import(store, plan, skip_invalid=skip_invalid)


# -- export ----------------------------------------------------------------------------

EXPORTS = ("ambassadors", "stakeholders")

#: The languages of an export's column headers (``--headers``): English by default, so that
#: scripts reading an export see stable names.
HEADER_LANGUAGES = ("en", "pl")

#: Polish column headers for a Polish spreadsheet. They are data, not UI text (the same
#: whatever the language in use), and the ambassadors' ones are words the import reads
#: (import_words.HEADER_WORDS), so that an export in Polish imports again.
POLISH_HEADERS: dict[str, str] = {
    # ambassadors
    "name": "imię i nazwisko", "email": "e-mail", "department": "dział", "role": "rola",
    "status": "status", "linkedin": "profil LinkedIn", "joined": "data dołączenia",
    "notes": "uwagi", "created_at": "utworzono", "updated_at": "zmieniono",
    "onboarding_done": "wdrożenie ukończone", "last_step_on": "ostatni krok wdrożenia",
    "last_active": "ostatnia aktywność", "topics": "tematy", "groups": "grupy", "formats": "formaty",
    "languages": "języki", "thanks_by_name": "podziękowania z nazwiska",
    "recommended_by": "polecający", "invited_on": "data zaproszenia",
    # stakeholders
    "kind": "rodzaj", "stance": "nastawienie", "last_talk": "ostatnia rozmowa",
    "next_step": "następny krok",
    # posts and library items
    "id": "id", "uid": "uid", "title": "tytuł", "author": "autor", "author_email": "e-mail autora",
    "channel": "kanał", "planned_on": "planowany dzień", "planned_time": "planowana godzina",
    "state": "stan", "voice": "głos", "library_item_id": "id w bibliotece",
    "published_url": "adres publikacji", "published_on": "data publikacji", "body": "treść",
    "language": "język", "tags": "tagi", "location": "miejsce",
}

#: The sheet names of an Excel export with Polish headers.
POLISH_SHEETS = {"ambassadors": "ambasadorzy", "stakeholders": "interesariusze",
                 "posts": "posty", "library": "biblioteka"}


def export_headers(columns: Iterable[str], headers: str = "en") -> list[str]:
    """The header row of an export: the column names (en) or their Polish words (pl)."""
    if headers not in HEADER_LANGUAGES:
        raise ValueError(headers)
    if headers == "en":
        return list(columns)
    return [POLISH_HEADERS.get(column, column) for column in columns]


def sheet_title(what: str, headers: str = "en") -> str:
    return POLISH_SHEETS.get(what, what) if headers == "pl" else what
_INTERNAL = {"ambassadors": {"id", "sort_key", "search_text"}, "stakeholders": {"id"}}


def export_columns(store: Store, what: str) -> list[str]:
    """Every column a user sees, in a stable order: the known fields first, then the rest."""
    if what not in EXPORTS:
        raise ValueError(what)
    names = [row[1] for row in store.db.conn.execute(f"PRAGMA table_info({what})")]
    names = [n for n in names if n not in _INTERNAL[what]]
    if what == "ambassadors":
        names += ["topics", "groups"]  # from person_topics and group_members
    first = list(EXPORT_FIELDS) if what == "ambassadors" else []
    tail = [n for n in ("created_at", "updated_at") if n in names]
    middle = [n for n in names if n not in first and n not in tail]
    return [*[n for n in first if n in names], *middle, *tail]


def export_rows(store: Store, what: str) -> tuple[list[str], Iterator[tuple]]:
    """(columns, a cursor over the rows): rows are streamed, never all in memory."""
    columns = export_columns(store, what)
    order = "sort_key, id" if what == "ambassadors" else "name COLLATE NOCASE, id"
    computed = {"topics": f"coalesce({topics_sql('person_topics', 'ambassadors.id')}, '')",
                "groups": f"coalesce({GROUPS_SQL.format(owner='ambassadors.id')}, '')"}
    selected = [computed[column] if what == "ambassadors" and column in computed else column
                for column in columns]
    cursor = store.db.conn.execute(
        f"SELECT {', '.join(selected)} FROM {what} ORDER BY {order}"
    )
    return columns, cursor


# Where an export writes: an open text file, or the CLI's stdout stream (an io.TextIOBase).
TextOut = IO[str] | io.TextIOBase


def write_csv(handle: TextOut, columns: list[str], rows: Iterable[tuple], *, delimiter: str = ",") -> int:
    writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow(["" if value is None else quote_cell(str(value)) for value in row])
        count += 1
    return count


def write_json(handle: TextOut, columns: list[str], rows: Iterable[tuple]) -> int:
    handle.write("[")
    count = 0
    for row in rows:
        handle.write(",\n  " if count else "\n  ")
        handle.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False))
        count += 1
    handle.write("\n]\n" if count else "]\n")
    return count


def date_columns(columns: Iterable[str]) -> list[str]:
    """The columns that hold dates or times (a workbook writes them as real dates)."""
    return [c for c in columns if c == "joined" or c.endswith(("_at", "_on"))]


def export(store: Store, what: str, fmt: str, handle: TextOut, *, delimiter: str = ",",
           headers: str = "en") -> int:
    """Write an export; ``headers`` is the language of a CSV's header row (JSON keys, read by
    programs, stay the column names)."""
    columns, rows = export_rows(store, what)
    if fmt == "json":
        return write_json(handle, columns, rows)
    return write_csv(handle, export_headers(columns, headers), rows, delimiter=delimiter)


def export_to_file(store: Store, what: str, fmt: str, path: str | os.PathLike[str], *,
                   delimiter: str = ",", headers: str = "en") -> int:
    """Write an export file readable by its owner only (0600); a failed export leaves no file.

    CSV files get a UTF-8 BOM so that Excel reads the diacritics right.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise ImportFileError(_("{path} is a folder. Give a file name, e.g. {example}.").format(
            path=path, example=path / ("people." + fmt)))
    if fmt == "xlsx":
        columns, rows = export_rows(store, what)
        try:
            data, count = xlsx_io.write_workbook(
                export_headers(columns, headers), rows, title=sheet_title(what, headers),
                date_columns=export_headers(date_columns(columns), headers))
        except xlsx_io.WorkbookError as error:
            raise ImportFileError(str(error)) from None
        try:
            write_private(path, data)
        except FileWriteError as error:
            raise ImportFileError(str(error)) from None
        record_file_written(store, path, EXPORT)
        return count
    try:
        with private_file(path, encoding="utf-8-sig" if fmt == "csv" else "utf-8") as handle:
            count = export(store, what, fmt, handle, delimiter=delimiter, headers=headers)
    except FileWriteError as error:
        raise ImportFileError(str(error)) from None
    record_file_written(store, path, EXPORT)
    return count

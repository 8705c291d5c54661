"""LinkedIn's post analytics exports (.xlsx) into ``post_analytics``, and their totals.

The two layouts, as public sources document them (looked up December 2026):

* A member's own post analytics ("creator analytics", profile → Analytics → Post
  impressions → Export; ambassadors can hand it over). Sheets DISCOVERY, ENGAGEMENT,
  TOP POSTS, FOLLOWERS, DEMOGRAPHICS (github.com/marcelmarais/linklytics,
  linklytics/models/linkedin_models.py). The TOP POSTS sheet (also written "Top posts")
  has a note row and an empty row, then headers in row 3 and two tables side by side:
  "Post URL", "Post publish date", "Engagements", an empty column, then "Post URL",
  "Post publish date", "Impressions" (linklytics/post_scraper.py reads it with
  ``skiprows=2`` and dates as ``%m/%d/%Y``; a public openpyxl parser of the same sheet
  says "Row 1: Header note, Row 2: Empty, Row 3: Column headers", columns A-C and E-G).
  So a member's export gives per post only engagements (reactions + comments + reposts,
  LinkedIn's help on post analytics) and impressions; reactions, comments, reposts and
  clicks stay NULL.
* A company page's content export (page admin → Analytics → Content → Export): sheets
  "Metrics" (one row a day) and "All posts", whose first row is a title ("Engagement
  metrics for individual posts") and whose second row holds the headers: "Post title",
  "Post link", "Post type", "Campaign name", "Posted by", "Created date", "Campaign start
  date", "Campaign end date", "Audience", "Impressions", "Views", "Offsite Views",
  "Clicks", "Click through rate (CTR)", "Likes", "Comments", "Reposts", "Follows",
  "Engagement rate", "Content Type"; dates as text mm/dd/yyyy, links as
  https://www.linkedin.com/feed/update/urn:li:activity:N (a real export committed to
  github.com/NicoMandala/salesstrategy, and its streamlit_app.py: ``sheet_name='All posts',
  header=1``). Tools built on LinkedIn's API call the same figures reactions/likes,
  comments, shares/reposts, clicks and impressions.

No public source shows a Polish export; LinkedIn localises its interface, so the Polish
words below (Link do posta, Wyświetlenia, Reakcje, Komentarze, Udostępnienia/Reposty, ...)
are accepted too, unverified. Headers are found by their words in the first rows of any
sheet, whatever the sheet is called, and each documented spelling is accepted.

Reading is all or nothing: any row with a problem refuses the whole file, every problem
listed. Importing the same export twice changes nothing (a row is found again by source,
person, post address and day). No Textual and no Rich here.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from advocacy_tui.data import xlsx_io
from advocacy_tui.data.post_figures import (  # noqa: F401 (the totals live there, read by the roster)
    METRICS,
    TOTAL_METRICS,
    Totals,
    monthly_totals,
    person_totals,
    totals_by_voice,
)
from advocacy_tui.data.store import Store
from advocacy_tui.domain.text import fold, printable
from advocacy_tui.formatting import format_number
from advocacy_tui.i18n import N_, _, ngettext

MEMBER = "member"
COMPANY = "company"


MAX_COUNT = 10**12  # more than any post's figure; a bigger number is a mistake in the file
MAX_ROWS = 100_000
HEADER_ROWS = 15  # headers sit below a few title rows at most
MAX_SHEETS = 50
FIRST_YEAR = 2003  # LinkedIn opened in 2003

EXPECTED = N_("a LinkedIn analytics export: a member's post analytics (sheet “TOP POSTS”: Post "
              "URL, Post publish date, Engagements, Impressions) or a company page's content "
              "export (sheet “All posts”: Post link, Created date, Impressions, Clicks, Likes, "
              "Comments, Reposts)")

# Header words -> field. Matched whole, ignoring case, accents, spaces and punctuation.
_HEADERS: dict[str, tuple[str, ...]] = {
    "url": ("Post URL", "Post link", "Link do posta", "Link posta",
            "Adres URL posta", "Adres posta", "URL posta"),
    "date": ("Post publish date", "Created date", "Publish date", "Data publikacji posta",
             "Data publikacji", "Data utworzenia"),
    "impressions": ("Impressions", "Wyświetlenia"),
    "reactions": ("Reactions", "Likes", "Reakcje", "Polubienia"),
    "comments": ("Comments", "Komentarze"),
    "reposts": ("Reposts", "Shares", "Udostępnienia", "Reposty", "Ponowne opublikowania"),
    "clicks": ("Clicks", "Kliknięcia"),
    "engagements": ("Engagements", "Interakcje", "Zaangażowania"),
    "type": ("Post type", "Typ posta"),
    "title": ("Post title", "Tytuł posta"),
}

_COMPANY_ONLY = {"reactions", "comments", "reposts", "clicks", "title", "type"}

# A company export lists a boosted post three times or more: its "Organic" figures, one row
# per "Sponsored" campaign and a "Total". The program counts what was earned, not bought:
# the organic row; the others are skipped (and counted in ``ParsedExport.skipped``).
_ORGANIC = {"organic", "organiczny", "organiczne", "organiczna"}
_NOT_ORGANIC = {"sponsored", "total", "sponsorowany", "sponsorowane", "sponsorowana", "lacznie",
                "razem", "suma"}


def _key(text: object) -> str:
    return re.sub(r"[\W_]+", "", fold(str(text))) if text is not None else ""


_FIELD_OF: dict[str, str] = {_key(word): name for name, words in _HEADERS.items() for word in words}


class AnalyticsFileError(Exception):
    """A file that cannot be imported at all; the message is one sentence for the user."""


# -- values --------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")
_GROUPED = re.compile(r"\d{1,3}(?P<sep>[ ,.'])\d{3}(?:(?P=sep)\d{3})*")
_WHOLE_DECIMAL = re.compile(r"(\d+)[.,]0+")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})
_EMPTY = {"", "-", "–", "—"}


def parse_count(value: object) -> int | None:
    """A figure of a post: an int, a whole float, or text such as "1 234", "1,234",
    "1.234", "1234.0"; None for an empty cell. ValueError (a sentence) for anything else:
    a fraction, a percentage, a negative or huge number, a date, a formula's text."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(_("expected a count, found TRUE/FALSE"))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise ValueError(_("expected a whole number, found {value}").format(value=value))
        number = int(value)
    elif isinstance(value, str):
        text = value.translate(_SPACES).strip()
        if text in _EMPTY:
            return None
        if _DIGITS.fullmatch(text):
            number = int(text)
        elif _GROUPED.fullmatch(text):
            number = int(re.sub(r"\D", "", text))
        elif (whole := _WHOLE_DECIMAL.fullmatch(text)) is not None:
            number = int(whole.group(1))
        elif text.endswith("%"):
            raise ValueError(_("expected a count, found a percentage “{value}”").format(value=_shown(text)))
        elif text.startswith("-") and _DIGITS.fullmatch(text[1:].strip()):
            raise ValueError(_("a count cannot be negative ({value})").format(value=_shown(text)))
        else:
            raise ValueError(_("expected a count, found “{value}”").format(value=_shown(text)))
    else:
        raise ValueError(_("expected a count, found a date or time"))
    if number < 0:
        raise ValueError(_("a count cannot be negative ({value})").format(value=number))
    if number > MAX_COUNT:
        raise ValueError(_("{value} is too large to be a figure of one post").format(value=_shown(str(number))))
    return number


_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_PL_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


def parse_day(value: object) -> str:
    """The day a post was published as yyyy-mm-dd: an Excel date, or text as LinkedIn writes
    it (mm/dd/yyyy), as Polish spreadsheets write it (dd.mm.yyyy) or ISO. ValueError else."""
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str):
        text = value.strip()
        try:
            if (us := _US_DATE.fullmatch(text)) is not None:
                day = date(int(us.group(3)), int(us.group(1)), int(us.group(2)))
            elif (pl := _PL_DATE.fullmatch(text)) is not None:
                day = date(int(pl.group(3)), int(pl.group(2)), int(pl.group(1)))
            elif (iso := _ISO_DATE.fullmatch(text)) is not None:
                day = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            raise ValueError(_("“{value}” is not a real date").format(value=_shown(text))) from None
        if day is None:
            if not text:
                raise ValueError(_("the date is missing"))
            raise ValueError(_("expected a date such as 07/20/2025, found “{value}”").format(value=_shown(text)))
    elif value is None:
        raise ValueError(_("the date is missing"))
    else:
        raise ValueError(_("expected a date such as 07/20/2025, found {value}").format(value=_shown(str(value))))
    if not FIRST_YEAR <= day.year <= 2100:
        raise ValueError(_("{value} is not a plausible day for a LinkedIn post").format(value=day.isoformat()))
    return day.isoformat()


CANONICAL = "https://www.linkedin.com/feed/update/"
_URN = re.compile(r"urn:li:(activity|share|ugcpost):(\d+)", re.IGNORECASE)
_SLUG_ACTIVITY = re.compile(r"[-_]activity[-_:](\d{6,})", re.IGNORECASE)
_POST_PATH = re.compile(r"/(posts|pulse|feed/update)/[\w%.~!$&'()*+,;=:@-]+")  # what is left has no id
_URN_KINDS = {"activity": "activity", "share": "share", "ugcpost": "ugcPost"}
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_URL = 2000


def normalise_post_url(text: str) -> str:
    """One spelling for each LinkedIn post address, so that an export's link finds the
    calendar post: a post's activity id, wherever the address carries it (``urn:li:activity:N``,
    percent-encoded or not, or ``/posts/name_slug-activity-N-xyz``), becomes
    ``https://www.linkedin.com/feed/update/urn:li:activity:N``; any other address loses its
    query, fragment and trailing slash and gets a lower-case scheme and host. ValueError
    (a sentence) for what is not the address of a LinkedIn post."""
    text = (text or "").strip()
    if not text:
        raise ValueError(_("the post address is missing"))
    if len(text) > MAX_URL or _CONTROL.search(text):
        raise ValueError(_("“{value}” is not a web address").format(value=_shown(text)))
    bare = _URN.fullmatch(text)
    if bare is not None:
        return _canonical(bare)
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:
        raise ValueError(_("“{value}” is not a web address").format(value=_shown(text))) from None
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise ValueError(_("“{value}” is not a web address").format(value=_shown(text)))
    if host != "linkedin.com" and not host.endswith(".linkedin.com"):
        raise ValueError(_("“{value}” is not the address of a LinkedIn post").format(value=_shown(text)))
    path = unquote(parts.path)
    urn = _URN.search(path)
    if urn is not None:
        return _canonical(urn)
    slug = _SLUG_ACTIVITY.search(path)
    if slug is not None:
        return f"{CANONICAL}urn:li:activity:{slug.group(1)}"
    path = re.sub(r"/+", "/", path).rstrip("/")
    if not _POST_PATH.fullmatch(path):  # a profile, a company page, the feed: not one post
        raise ValueError(_("“{value}” is not the address of a LinkedIn post").format(value=_shown(text)))
    return "https://www.linkedin.com" + path


def _canonical(urn: re.Match[str]) -> str:
    return f"{CANONICAL}urn:li:{_URN_KINDS[urn.group(1).lower()]}:{urn.group(2)}"


def post_key(url: str) -> str | None:
    """The normalised address of a calendar post's ``published_url``; None if it is none."""
    try:
        return normalise_post_url(url)
    except ValueError:
        return None


def _shown(text: str) -> str:
    """A value from the file as a message shows it: one line, no control characters, short."""
    text = printable(text)
    return text if len(text) <= 60 else text[:59] + "…"


# -- reading a workbook --------------------------------------------------------------------


@dataclass
class Record:
    """One post's figures as the file gives them."""

    post_url: str
    published_on: str
    rows: list[int]
    figures: dict[str, int | None] = field(default_factory=dict)


@dataclass
class ParsedExport:
    """What a file holds, before anything is compared with the program."""

    path: str
    source: str  # MEMBER or COMPANY
    sheet: str
    records: list[Record] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    rows: int = 0  # rows of the sheet that hold a post
    skipped: int = 0  # rows of sponsored campaigns and totals (a company export): not counted
    columns: tuple[str, ...] = ()  # the figures the layout gives

    @property
    def layout(self) -> str:
        """Which layout was found, in words."""
        if self.source == MEMBER:
            return _("LinkedIn member post analytics ({sheet} sheet)").format(sheet=_shown(self.sheet))
        return _("LinkedIn company page content export ({sheet} sheet)").format(sheet=_shown(self.sheet))

    @property
    def period(self) -> tuple[str, str] | None:
        """The first and last day a post of the file was published."""
        days = [record.published_on for record in self.records]
        return (min(days), max(days)) if days else None


def read_export(path: str | os.PathLike[str]) -> ParsedExport:
    """Open and read an export; AnalyticsFileError says in words what is wrong with the file.
    Row problems are collected in ``problems`` (the file is then refused whole)."""
    path = Path(path).expanduser()
    if not path.exists():
        raise AnalyticsFileError(_("There is no file {path}.").format(path=path))
    if path.is_dir():
        raise AnalyticsFileError(_("{path} is a folder, not a file. Give the path of the Excel "
                                   "file (.xlsx) exported from LinkedIn.").format(path=path))
    from advocacy_tui.data.paths_check import check_input_path

    try:
        check_input_path(path)  # never a pipe (it would hang) nor the open database
    except OSError as error:
        raise AnalyticsFileError(str(error)) from None
    try:
        data = path.read_bytes()
    except PermissionError:
        raise AnalyticsFileError(_("{path} cannot be read: permission denied.").format(path=path)) from None
    except OSError as error:
        raise AnalyticsFileError(_("{path} cannot be read: {reason}.").format(
            path=path, reason=error.strerror or error)) from None
    return parse_export(data, name=str(path))


def parse_export(data: bytes, *, name: str) -> ParsedExport:
    if not xlsx_io.is_workbook(data):
        raise AnalyticsFileError(_("{name} is not an Excel workbook (.xlsx). Expected {expected}.").format(
            name=name, expected=_(EXPECTED)))
    try:
        book = xlsx_io.open_workbook(data, name)
    except xlsx_io.WorkbookError as error:
        raise AnalyticsFileError(str(error)) from None
    try:
        return _read_book(book, name)
    finally:
        book.close()


def _header_fields(cells: Iterable[object]) -> dict[int, str]:
    return {index: _FIELD_OF[k] for index, cell in enumerate(cells)
            if isinstance(cell, str) and (k := _key(cell)) in _FIELD_OF}


def _find_header(sheet) -> tuple[int, dict[int, str]] | None:
    """(the row number of the headers, column -> field) in the first rows of a sheet."""
    for number, cells in enumerate(sheet.iter_rows(max_row=HEADER_ROWS, values_only=True), start=1):
        fields = _header_fields(cells)
        found = set(fields.values())
        if "url" in found and found & set(METRICS):
            return number, fields
    return None


def _read_book(book, name: str) -> ParsedExport:
    sheets = book.worksheets[:MAX_SHEETS]
    for sheet in sheets:
        header = _find_header(sheet)
        if header is None:
            continue
        number, fields = header
        source = COMPANY if set(fields.values()) & _COMPANY_ONLY else MEMBER
        parsed = ParsedExport(path=name, source=source, sheet=sheet.title)
        _read_rows(sheet, number, fields, parsed)
        return parsed
    titles = ", ".join(f"“{_shown(sheet.title)}”" for sheet in sheets)
    raise AnalyticsFileError(_("{name} is not a LinkedIn analytics export: none of its sheets ({sheets}) "
                               "has a column of post links with figures beside it. Expected {expected}.")
                             .format(name=name, sheets=titles, expected=_(EXPECTED)))


def _groups(fields: dict[int, str]) -> list[dict[str, int]]:
    """The tables of a header row: each starts at a post-link column and takes the columns
    after it (the member's TOP POSTS sheet has two side by side)."""
    groups: list[dict[str, int]] = []
    for index in sorted(fields):
        name = fields[index]
        if name == "url":
            groups.append({"url": index})
        elif groups and name not in groups[-1]:
            groups[-1][name] = index
    return groups


def _read_rows(sheet, header_row: int, fields: dict[int, str], parsed: ParsedExport) -> None:
    groups = _groups(fields)
    labels = {index: _HEADERS[name][0] for index, name in fields.items()}
    header_cells = next(sheet.iter_rows(min_row=header_row, max_row=header_row, values_only=True))
    for index in fields:
        if index < len(header_cells) and isinstance(header_cells[index], str):
            labels[index] = _shown(header_cells[index].strip())
    parsed.columns = tuple(m for m in METRICS if any(m in group for group in groups))
    by_url: dict[tuple[int, str], int] = {}  # (table, address) -> first row, for duplicates
    records: dict[str, Record] = {}
    for number, cells in enumerate(sheet.iter_rows(min_row=header_row + 1, values_only=True),
                                   start=header_row + 1):
        if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells):
            continue
        parsed.rows += 1
        if parsed.rows > MAX_ROWS:
            raise AnalyticsFileError(_("{name} has more than {limit} rows of posts, more than an analytics "
                                       "export holds; it was not imported.").format(
                                           name=parsed.path, limit=format_number(MAX_ROWS)))
        for table, group in enumerate(groups):
            _read_cells(number, cells, table, group, labels, parsed, by_url, records)
    parsed.records = list(records.values())


def _cell(cells: tuple, index: int | None) -> object:
    return cells[index] if index is not None and index < len(cells) else None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_cells(number: int, cells: tuple, table: int, group: dict[str, int], labels: dict[int, str],
                parsed: ParsedExport, by_url: dict[tuple[int, str], int], records: dict[str, Record]) -> None:
    values = {name: _cell(cells, index) for name, index in group.items()}
    if all(_blank(value) for value in values.values()):
        return  # this table of the row is empty (the other one may be longer)
    problems = []
    kind = _key(values.get("type"))
    if kind and kind not in _ORGANIC:
        if kind in _NOT_ORGANIC:
            parsed.skipped += 1
            return
        parsed.problems.append(_("row {row}, column “{column}”: “{value}” is not a post type of LinkedIn's "
                                 "export (Organic, Sponsored, Total)").format(
                                     row=number, column=labels[group["type"]], value=_shown(str(values["type"]))))
        return

    def problem(name: str, message: str) -> None:
        problems.append(_("row {row}, column “{column}”: {problem}").format(
            row=number, column=labels[group[name]], problem=message))

    url = values["url"]
    post_url = ""
    try:
        if not isinstance(url, str):
            raise ValueError(_("the post address is missing") if url is None else
                             _("“{value}” is not a web address").format(value=_shown(str(url))))
        post_url = normalise_post_url(url)
    except ValueError as error:
        problem("url", str(error))
    day = ""
    if "date" in group:
        try:
            day = parse_day(values["date"])
        except ValueError as error:
            problem("date", str(error))
    else:
        problems.append(_("row {row}: the sheet has no column with the day the post was published")
                        .format(row=number))
    figures: dict[str, int | None] = {}
    for name in METRICS:
        if name in group:
            try:
                figures[name] = parse_count(values[name])
            except ValueError as error:
                problem(name, str(error))
    if problems:
        parsed.problems.extend(problems)
        return
    first = by_url.get((table, post_url))
    if first is not None:
        parsed.problems.append(_("row {row}: the post {url} is listed again (first in row {first})")
                               .format(row=number, url=_shown(post_url), first=first))
        return
    by_url[(table, post_url)] = number
    record = records.get(post_url)
    if record is None:
        records[post_url] = Record(post_url, day, [number], figures)
        return
    if record.published_on != day:
        parsed.problems.append(_("row {row}: the post {url} has another publishing day than in row {first}")
                               .format(row=number, url=_shown(post_url), first=record.rows[0]))
        return
    record.rows.append(number)
    for name, figure in figures.items():
        if record.figures.get(name) is None:
            record.figures[name] = figure


# -- comparing with the program and writing ------------------------------------------------


@dataclass
class ImportOutcome:
    """What an import did (or, for a dry run, would do)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    matched: int = 0  # rows whose post is in the calendar (same address)


def _calendar_posts(store: Store) -> dict[str, int]:
    """Normalised published address -> the calendar post (the earliest, if several share it)."""
    found: dict[str, int] = {}
    for id_, url in store.db.conn.execute(
            "SELECT id, published_url FROM posts WHERE published_url != '' ORDER BY id"):
        key = post_key(url)
        if key is not None:
            found.setdefault(key, id_)
    return found


def _changes(store: Store, parsed: ParsedExport, ambassador_id: int | None,
             ) -> tuple[ImportOutcome, list[tuple], list[tuple]]:
    """(the outcome, rows to add, rows to update) of importing ``parsed``."""
    conn = store.db.conn
    existing = {
        (url, day): (id_, post_id, tuple(values))
        for id_, url, day, post_id, *values in conn.execute(
            f"SELECT id, post_url, published_on, post_id, {', '.join(METRICS)} FROM post_analytics "
            "WHERE source = ? AND ifnull(ambassador_id, 0) = ?", (parsed.source, ambassador_id or 0))
    }
    if parsed.source == MEMBER:
        _check_not_someone_elses(store, parsed, ambassador_id)
    posts = _calendar_posts(store)
    outcome = ImportOutcome()
    add: list[tuple] = []
    update: list[tuple] = []
    for record in parsed.records:
        post_id = posts.get(record.post_url)
        outcome.matched += post_id is not None
        figures = tuple(record.figures.get(name) for name in METRICS)
        old = existing.get((record.post_url, record.published_on))
        if old is None:
            outcome.added += 1
            add.append((record.post_url, post_id, ambassador_id, parsed.source, record.published_on, *figures))
        elif (old[1], old[2]) != (post_id, figures):
            outcome.updated += 1
            update.append((post_id, *figures, old[0]))
        else:
            outcome.unchanged += 1
    return outcome, add, update


def _check_not_someone_elses(store: Store, parsed: ParsedExport, ambassador_id: int | None) -> None:
    """A member's posts are theirs alone: posts already imported from another person's export
    mean that --person names the wrong person (their figures would be counted twice)."""
    urls = [record.post_url for record in parsed.records]
    conn = store.db.conn
    taken = 0
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        taken += conn.execute(
            f"SELECT count(DISTINCT post_url) FROM post_analytics WHERE source = 'member' "
            f"AND ambassador_id != ? AND post_url IN ({', '.join('?' * len(chunk))})",
            (ambassador_id, *chunk)).fetchone()[0]
    if taken:
        raise AnalyticsFileError(ngettext(
            "{n} post of this file was imported before from another person's export: is --person right? "
            "Nothing was imported.",
            "{n} posts of this file were imported before from another person's export: is --person right? "
            "Nothing was imported.", taken).format(n=format_number(taken)))


def import_export(store: Store, parsed: ParsedExport, *, ambassador_id: int | None = None,
                  dry_run: bool = False) -> ImportOutcome:
    """Write ``parsed`` in one transaction (or, with ``dry_run``, only count what would change).
    A member's export needs the person it belongs to; a company page's has none."""
    if parsed.problems:
        raise AnalyticsFileError(_("The file has rows with problems, so nothing was imported."))
    if (parsed.source == MEMBER) != (ambassador_id is not None):
        raise AnalyticsFileError(_("A member's export belongs to one person and a company page's "
                                   "export to no one."))
    if dry_run:
        return _changes(store, parsed, ambassador_id)[0]
    conn = store.db.conn
    with store.write():  # compared again under the write lock: what it says is what is done
        outcome, add, update = _changes(store, parsed, ambassador_id)
        now = store.now_text()
        conn.executemany(
            f"INSERT INTO post_analytics (post_url, post_id, ambassador_id, source, published_on, "
            f"{', '.join(METRICS)}, imported_at) VALUES ({', '.join('?' * (6 + len(METRICS)))})",
            [(*values, now) for values in add])
        conn.executemany(
            f"UPDATE post_analytics SET post_id = ?, {', '.join(f'{m} = ?' for m in METRICS)}, "
            "imported_at = ? WHERE id = ?",
            [(*values[:-1], now, values[-1]) for values in update])
    return outcome

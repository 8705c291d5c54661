"""LinkedIn analytics exports: layouts, values, idempotence, all or nothing, matching, totals."""

import sqlite3
from datetime import datetime

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.analytics import (
    COMPANY,
    MAX_COUNT,
    MEMBER,
    AnalyticsFileError,
    ParsedExport,
    Record,
    import_export,
    monthly_totals,
    normalise_post_url,
    parse_count,
    parse_day,
    person_totals,
    read_export,
    totals_by_voice,
)
from advocacy_tui.domain.ambassadors import build_ambassador
from tests.linkedin_samples import ACTIVITY, company_export, company_row, member_export

A1, A2, A3 = (ACTIVITY.format(n) for n in (7352615432538750976, 7351330635715592195, 7349759276803915776))


def _rows(store):
    return store.db.conn.execute(
        "SELECT post_url, post_id, ambassador_id, source, published_on, impressions, reactions, comments, "
        "reposts, clicks, engagements FROM post_analytics ORDER BY post_url").fetchall()


def _person(store, email="anna@firma.pl", name="Anna Nowak"):
    return AmbassadorRepo(store).add(build_ambassador({"name": name, "email": email}))


# -- layouts -------------------------------------------------------------------------------


def test_a_members_top_posts_sheet_merges_its_two_tables(tmp_path):
    path = member_export(tmp_path / "me.xlsx",
                         engagements=[(A1, "11/20/2025", 42), (A2, "11/03/2025", 7)],
                         impressions=[(A2, "11/03/2025", 900), (A1, "11/20/2025", 2000), (A3, "11/01/2025", 50)])
    parsed = read_export(path)
    assert parsed.source == MEMBER
    assert parsed.layout == "LinkedIn member post analytics (TOP POSTS sheet)"
    assert parsed.problems == []
    got = {r.post_url: (r.published_on, r.figures) for r in parsed.records}
    assert got[A1] == ("2025-11-20", {"engagements": 42, "impressions": 2000})
    assert got[A2] == ("2025-11-03", {"engagements": 7, "impressions": 900})
    assert got[A3] == ("2025-11-01", {"impressions": 50})  # only among the most seen
    assert parsed.period == ("2025-11-01", "2025-11-20")


def test_a_sheet_spelled_top_posts_with_headers_in_the_first_row(tmp_path):
    path = member_export(tmp_path / "me.xlsx", engagements=[(A1, "11/20/2025", 3)], sheet="Top posts",
                         title_rows=False,
                         headers=["post url", "POST PUBLISH DATE", "Engagements"])
    parsed = read_export(path)
    assert (parsed.source, parsed.sheet) == (MEMBER, "Top posts")
    assert [(r.post_url, r.figures) for r in parsed.records] == [(A1, {"engagements": 3})]


def test_a_company_export_counts_the_organic_row_of_a_boosted_post(tmp_path):
    path = company_export(tmp_path / "firma_content.xlsx", [
        company_row(A1, "07/03/2025", impressions=3766, clicks=144, likes=55, comments=4, reposts=3),
        company_row(A1, "07/03/2025", impressions=2607, clicks=30, likes=0, kind="Sponsored"),
        company_row(A1, "07/03/2025", impressions=6373, clicks=174, likes=55, kind="Total"),
        company_row(A2, "07/16/2025", impressions="1 690", clicks="107", likes=29.0),
    ])
    parsed = read_export(path)
    assert parsed.source == COMPANY
    assert parsed.layout == "LinkedIn company page content export (All posts sheet)"
    assert parsed.problems == [] and parsed.skipped == 2
    got = {r.post_url: r.figures for r in parsed.records}
    assert got[A1] == {"impressions": 3766, "reactions": 55, "comments": 4, "reposts": 3, "clicks": 144}
    assert got[A2] == {"impressions": 1690, "reactions": 29, "comments": 1, "reposts": 0, "clicks": 107}


def test_polish_headers_are_read_too(tmp_path):
    polish = {"Post title": "Tytuł posta", "Post link": "Link do posta", "Post type": "Typ posta",
              "Created date": "Data utworzenia", "Impressions": "Wyświetlenia", "Clicks": "Kliknięcia",
              "Likes": "Reakcje", "Comments": "Komentarze", "Reposts": "Udostępnienia"}
    path = company_export(tmp_path / "pl.xlsx", [company_row(A1, "20.07.2025", kind="Organiczne")],
                          rename=polish, sheet="Wszystkie posty")
    parsed = read_export(path)
    assert parsed.source == COMPANY and parsed.problems == []
    assert [(r.published_on, r.figures["impressions"]) for r in parsed.records] == [("2025-07-20", 100)]


def test_a_layout_without_clicks_stores_none_not_zero(tmp_path, store):
    headers = ["Post title", "Post link", "Created date", "Impressions", "Likes", "Comments", "Reposts"]
    path = company_export(tmp_path / "c.xlsx", [company_row(A1, "07/20/2025")], headers=headers,
                          rename={"Likes": "Reactions"})
    parsed = read_export(path)
    import_export(store, parsed)
    assert _rows(store)[0][5:] == (100, 7, 1, 0, None, None)


@pytest.mark.parametrize("make, expected", [
    (lambda p: p.write_text("name,email\nAnna,anna@x.pl\n") or p, "not an Excel workbook"),
    (lambda p: p.write_bytes(b"PK\x03\x04 broken zip") or p, "cannot be opened"),
])
def test_files_that_are_not_workbooks_are_refused(tmp_path, make, expected):
    path = tmp_path / "export.xlsx"
    make(path)
    with pytest.raises(AnalyticsFileError, match=expected) as refused:
        read_export(path)
    assert "TOP POSTS" in str(refused.value) or "workbook" in str(refused.value)


def test_a_roster_workbook_is_refused_with_what_was_expected(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Ambasadorzy"
    book.active.append(["Imię i nazwisko", "E-mail", "LinkedIn", "Uwagi"])
    book.active.append(["Anna Nowak", "anna@firma.pl", "https://www.linkedin.com/in/anna", "x"])
    book.save(tmp_path / "roster.xlsx")
    with pytest.raises(AnalyticsFileError) as refused:
        read_export(tmp_path / "roster.xlsx")
    message = str(refused.value)
    assert "is not a LinkedIn analytics export" in message and "“Ambasadorzy”" in message
    assert "TOP POSTS" in message and "All posts" in message


def test_the_daily_metrics_sheet_alone_is_not_an_export_of_posts(tmp_path):
    path = company_export(tmp_path / "c.xlsx", [])
    book = openpyxl.load_workbook(path)
    del book["All posts"]
    book.save(path)
    with pytest.raises(AnalyticsFileError, match="post links"):
        read_export(path)


def test_a_missing_file_and_a_folder(tmp_path):
    with pytest.raises(AnalyticsFileError, match="There is no file"):
        read_export(tmp_path / "none.xlsx")
    with pytest.raises(AnalyticsFileError, match="is a folder"):
        read_export(tmp_path)


# -- rows with problems: the whole file is refused ----------------------------------------


def test_every_broken_row_is_listed_and_nothing_is_imported(tmp_path, store):
    path = company_export(tmp_path / "c.xlsx", [
        company_row(A1, "07/20/2025"),
        company_row("https://example.com/feed/update/urn:li:activity:1", "07/20/2025"),
        company_row(A2, "31/12/2025"),
        company_row(A3, "07/20/2025", impressions="12,5", clicks="5%", likes=-3, comments=10**13),
        company_row(A1, "07/20/2025"),
        company_row("=HYPERLINK(\"x\")", "07/20/2025", kind="Boosted"),
    ])
    parsed = read_export(path)
    text = "\n".join(parsed.problems)
    assert "row 4, column “Post link”: “https://example.com/feed/update/urn:li:activity:1” is not the address" in text
    assert "row 5, column “Created date”: “31/12/2025” is not a real date" in text
    assert "row 6, column “Impressions”: expected a count, found “12,5”" in text
    assert "row 6, column “Clicks”: expected a count, found a percentage “5%”" in text
    assert "row 6, column “Likes”: a count cannot be negative (-3)" in text
    assert "row 6, column “Comments”: 10000000000000 is too large" in text
    assert "row 7: the post " in text and "(first in row 3)" in text
    assert "row 8, column “Post type”: “Boosted” is not a post type" in text
    with pytest.raises(AnalyticsFileError):
        import_export(store, parsed)
    assert _rows(store) == []


def test_a_formula_without_a_value_and_control_characters_are_problems_shown_safely(tmp_path):
    path = tmp_path / "c.xlsx"
    company_export(path, [company_row(A1, "07/20/2025"), company_row("x", "07/20/2025")])
    book = openpyxl.load_workbook(path)
    sheet = book["All posts"]
    sheet["B3"] = '=CONCAT("https://www.linkedin.com/feed/update/", "urn:li:activity:1")'  # no cached value
    sheet["B4"] = "https://www.linkedin.com/feed/update/\x9b2J\u202egnp.exe"
    book.save(path)
    parsed = read_export(path)
    assert "row 3, column “Post link”: the post address is missing" in parsed.problems[0]
    assert "is not a web address" in parsed.problems[1]
    assert "\x9b" not in parsed.problems[1] and "\u202e" not in parsed.problems[1]


def test_a_write_that_fails_half_way_leaves_nothing(store):
    good = Record(A1, "2025-07-20", [3], {"impressions": 10})
    bad = Record(A2, "2025-07-20", [4], {"impressions": -1})  # the table's CHECK refuses it
    parsed = ParsedExport(path="x.xlsx", source=COMPANY, sheet="All posts", records=[good, bad])
    with pytest.raises(sqlite3.IntegrityError):
        import_export(store, parsed)
    assert _rows(store) == []


# -- idempotence, updates, matching to the calendar ----------------------------------------


def test_importing_the_same_export_twice_changes_nothing(tmp_path, store):
    path = company_export(tmp_path / "c.xlsx", [company_row(A1, "07/20/2025"), company_row(A2, "07/16/2025")])
    first = import_export(store, read_export(path))
    before = store.db.conn.execute("SELECT * FROM post_analytics ORDER BY id").fetchall()
    second = import_export(store, read_export(path))
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    assert store.db.conn.execute("SELECT * FROM post_analytics ORDER BY id").fetchall() == before


def test_a_newer_export_updates_the_figures_of_the_same_posts(tmp_path, store):
    anna = _person(store)
    old = member_export(tmp_path / "old.xlsx", [(A1, "11/20/2025", 10)], [(A1, "11/20/2025", 100)])
    new = member_export(tmp_path / "new.xlsx", [(A1, "11/20/2025", 15), (A2, "11/25/2025", 1)],
                        [(A1, "11/20/2025", 180)])
    import_export(store, read_export(old), ambassador_id=anna)
    outcome = import_export(store, read_export(new), ambassador_id=anna)
    assert (outcome.added, outcome.updated, outcome.unchanged) == (1, 1, 0)
    assert [(r[0], r[2], r[3], r[5], r[10]) for r in _rows(store)] == [
        (A2, anna, "member", None, 1), (A1, anna, "member", 180, 15)]


def test_a_dry_run_counts_and_writes_nothing(tmp_path, store):
    path = company_export(tmp_path / "c.xlsx", [company_row(A1, "07/20/2025")])
    outcome = import_export(store, read_export(path), dry_run=True)
    assert outcome.added == 1 and _rows(store) == []


def test_a_members_export_needs_its_person_and_a_companys_has_none(tmp_path, store):
    member = read_export(member_export(tmp_path / "m.xlsx", [(A1, "11/20/2025", 1)]))
    company = read_export(company_export(tmp_path / "c.xlsx", [company_row(A1, "07/20/2025")]))
    with pytest.raises(AnalyticsFileError):
        import_export(store, member)
    with pytest.raises(AnalyticsFileError):
        import_export(store, company, ambassador_id=_person(store))


def test_a_members_posts_imported_as_someone_elses_are_refused(tmp_path, store):
    anna, ben = _person(store), _person(store, "ben@firma.pl", "Ben Lee")
    path = member_export(tmp_path / "m.xlsx", [(A1, "11/20/2025", 4), (A2, "11/21/2025", 1)])
    import_export(store, read_export(path), ambassador_id=anna)
    with pytest.raises(AnalyticsFileError, match="2 posts of this file were imported before"):
        import_export(store, read_export(path), ambassador_id=ben)
    assert {row[2] for row in _rows(store)} == {anna}
    assert import_export(store, read_export(path), ambassador_id=anna).unchanged == 2


def _post(store, url, voice="personal", day="2025-07-20"):
    with store.write():
        return store.db.conn.execute(
            "INSERT INTO posts (uid, title, state, voice, published_url, published_on, created_at, updated_at) "
            "VALUES (?, 'p', 'published', ?, ?, ?, 'now', 'now')", (url, voice, url, day)).lastrowid


def test_rows_are_matched_to_calendar_posts_by_their_address(tmp_path, store):
    slug = _post(store, "https://WWW.LinkedIn.com/posts/firma_nowy-produkt-activity-7352615432538750976-AbCd/"
                        "?utm_source=share&utm_medium=member_desktop", voice="company")
    feed = _post(store, "https://linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7351330635715592195/",
                 voice="expert")
    _post(store, "https://example.com/blog/1")
    path = company_export(tmp_path / "c.xlsx", [company_row(A1, "07/20/2025", impressions=1000),
                                                company_row(A2, "07/16/2025", impressions=500),
                                                company_row(A3, "07/12/2025", impressions=7)])
    outcome = import_export(store, read_export(path))
    assert outcome.matched == 2
    assert {r[0]: r[1] for r in _rows(store)} == {A1: slug, A2: feed, A3: None}
    voices = totals_by_voice(store)
    assert list(voices) == ["", "company", "expert"]
    assert (voices["company"].posts, voices["company"].impressions) == (1, 1000)
    assert voices[""].impressions == 7
    # a post deleted from the calendar keeps its figures, unlinked
    with store.write():
        store.db.conn.execute("DELETE FROM posts WHERE id = ?", (slug,))
    assert {r[0]: r[1] for r in _rows(store)}[A1] is None


def test_a_calendar_address_added_later_links_the_row_on_the_next_import(tmp_path, store):
    path = company_export(tmp_path / "c.xlsx", [company_row(A1, "07/20/2025")])
    import_export(store, read_export(path))
    post = _post(store, A1 + "/")
    again = import_export(store, read_export(path))
    assert (again.updated, again.matched) == (1, 1)
    assert _rows(store)[0][1] == post


# -- totals ---------------------------------------------------------------------------------


def test_monthly_totals_over_the_whole_program(tmp_path, store):
    anna = _person(store)
    import_export(store, read_export(company_export(tmp_path / "c.xlsx", [
        company_row(A1, "07/20/2025", impressions=1000, likes=10, comments=2, reposts=1),
        company_row(A2, "06/16/2025", impressions=500, likes=5, comments=0, reposts=0),
    ])))
    import_export(store, read_export(member_export(tmp_path / "m.xlsx", [(A3, "07/01/2025", 4)],
                                                   [(A3, "07/01/2025", 300)])), ambassador_id=anna)
    assert monthly_totals(store, "impressions") == [("2025-06", 500.0), ("2025-07", 1300.0)]
    assert monthly_totals(store, "clicks") == [("2025-06", 5.0), ("2025-07", 5.0)]
    assert monthly_totals(store, "engagements") == [("2025-06", 5.0), ("2025-07", 17.0)]
    with pytest.raises(ValueError):
        monthly_totals(store, "impressions); DROP TABLE posts; --")


def test_person_totals_are_their_own_export_only(tmp_path, store):
    anna, ben = _person(store), _person(store, "ben@firma.pl", "Ben Lee")
    import_export(store, read_export(member_export(tmp_path / "a.xlsx", [(A1, "07/01/2025", 4)],
                                                   [(A1, "07/01/2025", 300)])), ambassador_id=anna)
    import_export(store, read_export(member_export(tmp_path / "b.xlsx", [(A2, "07/02/2025", 9)])),
                  ambassador_id=ben)
    import_export(store, read_export(company_export(tmp_path / "c.xlsx", [company_row(A3, "07/20/2025")])))
    mine = person_totals(store, anna)
    assert (mine.posts, mine.impressions, mine.engagements, mine.clicks) == (1, 300, 4, None)
    assert person_totals(store, ben).engagements == 9


# -- parsers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    (None, None), ("", None), (" - ", None), (0, 0), (1317, 1317), (64.0, 64), ("1317", "1317"),
    ("1 317", 1317), ("1\u00a0317", 1317), ("1\u202f317 ", 1317), ("1,317", 1317), ("1.317", 1317),
    ("1,234,567", 1234567), ("12.0", 12), ("12,00", 12),
])
def test_counts_as_excel_and_text_hold_them(value, expected):
    assert parse_count(value) == (int(expected) if isinstance(expected, str) else expected)


@pytest.mark.parametrize("value", [True, 1.5, float("nan"), float("inf"), "12,5", "1,23", "5%", "-3", -3,
                                   "abc", "=SUM(A1:A3)", MAX_COUNT + 1, "1 2 3", datetime(2025, 1, 1)])
def test_what_is_not_a_count_is_refused(value):
    with pytest.raises(ValueError):
        parse_count(value)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=MAX_COUNT), st.sampled_from(["", ",", ".", " ", "\u00a0", "\u202f"]))
def test_every_count_reads_back_whichever_way_it_is_written(number, separator):
    grouped = f"{number:,}".replace(",", separator) if separator else str(number)
    assert parse_count(grouped) == number
    assert parse_count(f" {grouped} ") == number
    assert parse_count(number) == number
    if number < 2**53:
        assert parse_count(float(number)) == number


@given(st.text(max_size=20))
def test_any_text_is_a_count_or_a_sentence_never_a_crash(text):
    try:
        result = parse_count(text)
    except ValueError as error:
        assert str(error)
    else:
        assert result is None or 0 <= result <= MAX_COUNT


@pytest.mark.parametrize("value, expected", [
    ("07/20/2025", "2025-07-20"), ("7/4/2025", "2025-07-04"), ("20.07.2025", "2025-07-20"),
    ("2025-07-20", "2025-07-20"), ("2025-07-20T09:30:00Z", "2025-07-20"), (datetime(2025, 7, 20, 9), "2025-07-20"),
])
def test_days_as_linkedin_and_spreadsheets_write_them(value, expected):
    assert parse_day(value) == expected


@pytest.mark.parametrize("value", [None, "", "13/13/2025", "2025-02-30", "tomorrow", 45000, "01/01/1999"])
def test_what_is_not_a_day_is_refused(value):
    with pytest.raises(ValueError):
        parse_day(value)


@pytest.mark.parametrize("url", [
    "https://www.linkedin.com/feed/update/urn:li:activity:7352615432538750976",
    "HTTPS://WWW.LINKEDIN.COM/feed/update/urn:li:activity:7352615432538750976/",
    "https://linkedin.com/feed/update/urn:li:activity:7352615432538750976?utm_source=share#x",
    "https://pl.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7352615432538750976",
    "https://www.linkedin.com/posts/anna-nowak_ai-rekrutacja-activity-7352615432538750976-Xy_Z?utm_medium=ios",
    "urn:li:activity:7352615432538750976",
])
def test_every_spelling_of_a_post_address_is_one(url):
    assert normalise_post_url(url) == A1


def test_a_post_address_without_an_activity_id_keeps_its_path():
    assert normalise_post_url("HTTPS://PL.LinkedIn.com/pulse/jak-zaczac-anna-nowak/?trk=x") == \
        "https://www.linkedin.com/pulse/jak-zaczac-anna-nowak"


@pytest.mark.parametrize("url", ["", "   ", "www.linkedin.com/feed/", "ftp://linkedin.com/x", "https://example.com/x",
                                 "https://linkedin.com.evil.pl/feed/update/urn:li:activity:1",
                                 "https://www.linkedin.com/", "https://www.linkedin.com/feed\n/x", "https://[::1",
                                 "https://www.linkedin.com/in/anna-nowak", "https://www.linkedin.com/company/firma/",
                                 "https://www.linkedin.com/feed/", "https://www.linkedin.com/posts/a/b"])
def test_what_is_not_a_linkedin_post_address_is_refused(url):
    with pytest.raises(ValueError):
        normalise_post_url(url)


_IDS = st.integers(min_value=10**6, max_value=10**20)


@given(_IDS, st.sampled_from(["https://www.", "http://", "https://pl.", "HTTPS://WWW."]),
       st.sampled_from(["", "/", "?utm_source=share", "/?trk=x#top"]),
       st.sampled_from(["feed/update/urn:li:activity:{}", "feed/update/urn%3Ali%3Aactivity%3A{}",
                        "posts/jan-kowalski_tytul-activity-{}-AbCd"]))
def test_a_post_address_has_one_key_whatever_its_spelling(number, start, end, path):
    url = f"{start}linkedin.com/{path.format(number)}{end}"
    key = normalise_post_url(url)
    assert key == ACTIVITY.format(number)
    assert normalise_post_url(key) == key  # idempotent


@given(st.text(max_size=80))
def test_any_text_is_an_address_or_a_sentence_never_a_crash(text):
    try:
        key = normalise_post_url(text)
    except ValueError as error:
        assert str(error)
    else:
        assert key.startswith("https://www.linkedin.com/") and normalise_post_url(key) == key

"""Posts and library in the database: ranges, publishing, copies, authors, search."""

import sqlite3
from datetime import date, time

import pytest

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.posts import LibraryRepo, PostFilter, PostRepo
from advocacy_tui.domain.ambassadors import ValidationError, build_ambassador
from advocacy_tui.domain.posts import (
    LibraryItem,
    Post,
    build_library_item,
    build_post,
    draft_from_library,
    safe_cell,
)
from tests.queries import ranges_read, traced

VOICES = ("personal", "team", "company", "industry")


def test_build_post_checks_every_field():
    with pytest.raises(ValidationError) as error:
        build_post({"title": " ", "planned_on": "31.02.2026", "planned_time": "25:00",
                    "state": "published", "voice": "ads", "published_url": "linkedin"}, VOICES)
    problems = error.value.problems
    assert set(problems) == {"title", "planned_on", "planned_time", "voice", "published_url"}
    assert "does not exist" in problems["planned_on"]
    post = build_post({"title": "Hello", "planned_on": "2026-11-27", "planned_time": "9:05",
                       "state": "published", "voice": "team",
                       "published_url": "https://www.linkedin.com/posts/1"}, VOICES)
    assert post.planned_time == time(9, 5) and post.published_on == date(2026, 11, 27)
    with pytest.raises(ValidationError) as error:
        build_post({"title": "x", "planned_on": "27.11.2026", "state": "published"}, VOICES)
    assert "needs the address" in error.value.problems["published_url"]


def test_publishing_logs_involvement_once_in_the_same_action(store):
    person = AmbassadorRepo(store).add(build_ambassador({"name": "Anna"}))
    repo = PostRepo(store)
    post_id = repo.add(Post(None, "Draft", author_id=person, planned_on=date(2026, 11, 27),
                            state="draft"))
    involvement = "SELECT ambassador_id, kind, post_id, happened_on FROM involvement"
    assert store.db.execute(involvement).fetchall() == []
    post = repo.get(post_id)
    from dataclasses import replace

    published = replace(post, state="published", published_url="https://x.example/p",
                        published_on=date(2026, 11, 28))
    repo.update(published)
    repo.update(replace(published, title="Edited after publishing"))
    assert store.db.execute(involvement).fetchall() == [(person, "post_published", post_id,
                                                         "2026-11-28")]


def test_failed_publish_leaves_nothing(store):
    repo = PostRepo(store)
    with pytest.raises(sqlite3.IntegrityError):
        repo.add(Post(None, "Ghost author", author_id=999, planned_on=date(2026, 11, 27),
                      state="published", published_url="https://x.example/p"))
    assert repo.total() == 0
    assert store.db.execute("SELECT count(*) FROM involvement").fetchone()[0] == 0


def test_range_reads_only_its_days(store):
    repo = PostRepo(store)
    for day in (date(2026, 10, 31), date(2026, 11, 1), date(2026, 11, 30), date(2026, 12, 1)):
        repo.add(Post(None, f"On {day}", planned_on=day, voice="company" if day.day == 1 else "personal"))
    with traced(store.conn) as statements:
        rows = repo.in_range(date(2026, 11, 1), date(2026, 11, 30))
    assert [r.planned_on.day for r in rows] == [1, 30]
    assert ranges_read(statements) == [("2026-11-01", "2026-11-30")]
    for sql in statements:  # the range is found on the posts_by_day index, not by reading all
        plan = " ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "SCAN" not in plan and "posts_by_day" in plan, (sql, plan)
    assert repo.voice_counts(date(2026, 11, 1), date(2026, 11, 30)) == {"company": 1, "personal": 1}
    only = repo.in_range(date(2026, 11, 1), date(2026, 11, 30), PostFilter(voice="company"))
    assert [r.title for r in only] == ["On 2026-11-01"]


def test_duplicate_and_move(store):
    repo = PostRepo(store)
    original = repo.add(Post(None, "Done", planned_on=date(2026, 11, 2), state="published",
                             published_url="https://x.example/p"))
    copy = repo.duplicate(original)
    copied = repo.get(copy)
    assert copied.uid != repo.get(original).uid
    assert (copied.state, copied.published_url, copied.title) == ("draft", "", "Done")
    repo.move(copy, date(2026, 12, 24))
    assert repo.get(copy).planned_on == date(2026, 12, 24)


def test_authors_are_found_by_email_or_unique_name(store):
    people = AmbassadorRepo(store)
    anna = people.add(build_ambassador({"name": "Anna Łąka", "email": "anna@x.pl"}))
    people.add(build_ambassador({"name": "Jan Nowak", "email": "jan1@x.pl"}))
    people.add(build_ambassador({"name": "Jan Nowak", "email": "jan2@x.pl"}))
    repo = PostRepo(store)
    assert repo.find_author("anna laka") == (anna, None)
    assert repo.find_author("Anna Łąka <ANNA@x.pl>") == (anna, None)
    assert repo.find_author("") == (None, None)
    assert "Several people" in repo.find_author("Jan Nowak")[1]
    assert "No one called" in repo.find_author("Zed")[1]
    assert repo.suggest_author("ann") == "Anna Łąka <anna@x.pl>"
    assert repo.suggest_author("a") is None


def test_library_search_ignores_diacritics_and_use_as_draft(store):
    library = LibraryRepo(store)
    first = library.add(build_library_item({"title": "Jak reagować na hejt", "kind": "guideline",
                                            "language": "pl", "tags": "hejt, zasady"}))
    library.add(build_library_item({"title": "Five rules", "body": "Write as yourself"}))
    assert library.count("REAGOWAC") == 1
    assert [row.id for row in library.page("zasady", 0, 10)] == [first]
    assert library.count("") == 2
    item = library.get(first)
    assert item.tags == "hejt zasady"
    post = draft_from_library(item, date(2026, 11, 27))
    post_id = PostRepo(store).add(post)
    assert PostRepo(store).get(post_id).library_item_id == first
    assert post.state == "idea"
    library.delete(first)
    assert PostRepo(store).get(post_id).library_item_id is None


def test_library_item_rules():
    with pytest.raises(ValidationError) as error:
        build_library_item({"title": "", "kind": "poster", "language": "de"})
    assert set(error.value.problems) == {"title", "kind", "language"}
    assert build_library_item({"title": "x"}) == LibraryItem(id=None, title="x")


@pytest.mark.parametrize("value", ["=1+2", "+48 600", "-x", "@SUM(A1)", "\tx", "\rx"])
def test_safe_cell_quotes_formula_starts(value):
    assert safe_cell(value) == "'" + value


def test_safe_cell_leaves_plain_text():
    assert safe_cell("Łukasz") == "Łukasz" and safe_cell(None) == "" and safe_cell(3) == "3"


def test_demo_calendar(demo_store):
    repo = PostRepo(demo_store)
    today = demo_store.clock.today()
    rows = repo.in_range(date(2026, 9, 1), date(2027, 2, 28))
    assert len(rows) == repo.total() > 30
    assert any(r.planned_on < today and r.state == "published" for r in rows)
    assert any(r.planned_on > today and r.state in ("draft", "idea", "ready") for r in rows)
    assert all(r.author for r in rows)
    assert LibraryRepo(demo_store).count("pl") >= 5
    counts = repo.voice_counts(date(2026, 11, 1), date(2026, 11, 30))
    assert counts["company"] / sum(counts.values()) > 1 / 3


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FIELDS = ("title", "planned_on", "planned_time", "state", "voice", "published_url",
          "published_on", "channel", "body", "notes")


@given(st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=40)))
def test_build_post_only_ever_explains(fields):
    try:
        post = build_post(fields, VOICES)
    except ValidationError as error:
        assert error.problems and all(isinstance(v, str) and v for v in error.problems.values())
    else:
        assert post.title.strip() and post.planned_on is not None


def test_month_summary_counts_and_first_titles(store):
    from advocacy_tui.widgets.month_grid import day_counts_text

    people = AmbassadorRepo(store)
    boss = people.add(build_ambassador({"name": "Boss", "role": "owner"}))
    repo = PostRepo(store)
    day = date(2026, 11, 27)
    for n in range(6):
        repo.add(Post(None, f"P{n}", planned_on=day, state="draft" if n % 2 else "idea",
                      planned_time=time(9 + n, 0), author_id=boss if n == 5 else None))
    repo.add(Post(None, "Outside", planned_on=date(2026, 12, 31)))
    with traced(store.conn) as statements:
        days = repo.month_summary(date(2026, 11, 1), date(2026, 11, 30), titles_per_day=3)
    assert sum(summary.total for summary in days.values()) == 6  # "Outside" is not counted
    assert set(ranges_read(statements)) == {("2026-11-01", "2026-11-30")}
    summary = days[day]
    assert summary.counts == {"idea": 3, "draft": 3} and summary.total == 6 and summary.leader
    assert [t[1] for t in summary.titles] == ["P0", "P1", "P2"]
    assert day_counts_text(summary.counts, 20) == "3 ○ 3 ✎"
    assert day_counts_text(summary.counts, 6) == "3○ 3✎"
    assert day_counts_text(summary.counts, 4) == "6"
    only = repo.month_summary(date(2026, 11, 1), date(2026, 11, 30), PostFilter(state="draft"))
    assert only[day].counts == {"draft": 3} and only[day].leader


def test_saving_a_published_post_reads_no_whole_table(store):
    """Each statement a save runs finds its rows through an index (EXPLAIN QUERY PLAN says
    SEARCH, never SCAN), so saving costs the same with 100 or 100,000 posts."""
    author = AmbassadorRepo(store).add(build_ambassador({"name": "Ola"}))
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    PostRepo(store).add(Post(None, "Out now", author_id=author, planned_on=date(2026, 11, 27),
                             state="published", published_on=date(2026, 11, 27)))
    store.conn.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert selects
    for sql in selects:
        plan = " ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "SCAN" not in plan, (sql, plan)

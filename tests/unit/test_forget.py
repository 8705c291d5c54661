"""Forgetting a person: what goes, what is unlinked, what is rewritten, and nothing else."""

import tempfile
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.forget import REMOVED, forget, plan_erasure
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.domain.clock import FixedClock


def _program(store):
    repo = AmbassadorRepo(store)
    anna = repo.add(build_ambassador({"name": "Anna Nowak", "email": "anna@firma.pl"}))
    ben = repo.add(build_ambassador({"name": "Ben Lee", "email": "ben@firma.pl",
                                     "notes": "Mentored by Anna Nowak (ANNA@firma.pl)"}))
    repo.add(build_ambassador({"name": "Anna Nowak", "email": "anna.nowak2@firma.pl", "notes": "a namesake"}))
    c = store.db.conn
    with store.write():
        c.execute("INSERT INTO onboarding_steps VALUES (?, 'profile', '2026-01-01')", (anna,))
        c.execute("INSERT INTO involvement (ambassador_id, kind, happened_on, note, created_at) "
                  "VALUES (?, 'feedback', '2026-01-02', 'x', 'now')", (anna,))
        c.execute("INSERT INTO involvement (ambassador_id, kind, happened_on, note, created_at) "
                  "VALUES (?, 'meeting', '2026-01-02', 'with Anna Nowak', 'now')", (ben,))
        c.execute("INSERT INTO posts (uid, title, body, author_id, created_at, updated_at) "
                  "VALUES ('p1', 'Hello', 'by anna@firma.pl', ?, 'now', 'now')", (anna,))
        c.execute("INSERT INTO tasks (title, ambassador_id, created_at, updated_at) "
                  "VALUES ('Answer Anna Nowak', ?, 'now', 'now')", (anna,))
        c.execute("INSERT INTO task_attendees VALUES (1, ?)", (anna,))
        c.execute("INSERT INTO task_attendees VALUES (1, ?)", (ben,))
        # figures from Anna's own LinkedIn export: the address of her post carries her name
        c.execute("INSERT INTO post_analytics (post_url, ambassador_id, source, published_on, impressions, "
                  "imported_at) VALUES (?, ?, 'member', '2026-01-03', 120, 'now')", (ANNA_POST, anna))
        c.execute("INSERT INTO post_analytics (post_url, source, published_on, impressions, imported_at) "
                  "VALUES ('https://www.linkedin.com/feed/update/urn:li:activity:1', 'company', "
                  "'2026-01-03', 900, 'now')")
    return anna, ben


ANNA_POST = "https://www.linkedin.com/posts/anna-nowak_hello-activity-7352615432538750976-AbCd"


def test_plan_counts_per_table_and_changes_nothing(store):
    _program(store)
    plan = plan_erasure(store, " ANNA@FIRMA.PL ")
    assert plan is not None
    assert {table: n for table, n in plan.removed.items() if n} == {
        "involvement": 1, "onboarding_steps": 1, "task_attendees": 1, "post_analytics": 1}
    assert plan.unlinked == {"posts": 1, "tasks": 1}
    assert plan.mentions == {"ambassadors": 1, "involvement": 1, "posts": 1, "tasks": 1}
    assert any("posts: 1 row kept" in line for line in plan.lines())
    assert any("tasks: 1 row mentions them" in line for line in plan.lines())
    assert store.db.conn.execute("SELECT count(*) FROM ambassadors").fetchone()[0] == 3


def test_forget_erases_and_scrubs(store):
    anna, ben = _program(store)
    secure_before = store.db.conn.execute("PRAGMA secure_delete").fetchone()[0]
    done = forget(store, "anna@firma.pl")
    assert done is not None
    c = store.db.conn
    assert c.execute("SELECT count(*) FROM ambassadors WHERE id = ?", (anna,)).fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM involvement").fetchone()[0] == 1
    assert c.execute("SELECT count(*) FROM onboarding_steps").fetchone()[0] == 0
    assert c.execute("SELECT ambassador_id FROM task_attendees").fetchall() == [(ben,)]
    assert c.execute("SELECT author_id, body FROM posts").fetchone() == (None, f"by {REMOVED}")
    assert c.execute("SELECT ambassador_id, title FROM tasks").fetchone() == (None, f"Answer {REMOVED}")
    assert c.execute("SELECT notes FROM ambassadors WHERE id = ?", (ben,)).fetchone()[0] \
        == f"Mentored by {REMOVED} ({REMOVED})"
    # a namesake keeps their name (it says who they are), and is still found by it
    assert c.execute("SELECT name, notes FROM ambassadors WHERE email = 'anna.nowak2@firma.pl'").fetchone() \
        == ("Anna Nowak", "a namesake")
    assert c.execute("PRAGMA secure_delete").fetchone()[0] == secure_before
    # her own export's figures go; the company page's stay
    assert c.execute("SELECT source, impressions FROM post_analytics").fetchall() == [("company", 900)]
    store.close()
    raw = store.path.read_bytes() + (store.path.with_name(store.path.name + "-wal").read_bytes()
                                     if store.path.with_name(store.path.name + "-wal").exists() else b"")
    assert b"anna@firma.pl" not in raw.lower()
    assert b"anna-nowak" not in raw.lower() and b"7352615432538750976" not in raw


def test_unknown_email(store):
    assert plan_erasure(store, "nobody@x.pl") is None
    assert forget(store, "nobody@x.pl") is None


# -- issue 12 §3: word boundaries, case, Polish letters ------------------------------------


def _person_and_notes(store, name, email, notes):
    repo = AmbassadorRepo(store)
    repo.add(build_ambassador({"name": name, "email": email}))
    other = repo.add(build_ambassador({"name": "Ben Lee", "email": "ben@firma.pl", "notes": notes}))
    return other


def _notes(store, id_):
    return store.db.conn.execute("SELECT notes FROM ambassadors WHERE id = ?", (id_,)).fetchone()[0]


def test_a_longer_name_that_starts_the_same_is_not_damaged(store):
    ben = _person_and_notes(store, "Anna Nowak", "anna@firma.pl",
                            "Mentor: Anna Nowakowska. Also Anna Nowak-Kowalska and Joanna Nowak.")
    plan = plan_erasure(store, "anna@firma.pl")
    assert plan.mentions == {}
    forget(store, "anna@firma.pl")
    assert _notes(store, ben) == "Mentor: Anna Nowakowska. Also Anna Nowak-Kowalska and Joanna Nowak."


def test_every_case_and_spacing_of_the_name_and_email_is_replaced(store):
    ben = _person_and_notes(store, "Anna Nowak", "anna@firma.pl",
                            "ANNA NOWAK, anna nowak, Anna  Nowak, Anna\u00a0Nowak (Anna Nowak). "
                            "Mail ANNA@FIRMA.PL or Anna@Firma.pl. Not joanna@firma.pl.")
    assert plan_erasure(store, "anna@firma.pl").mentions == {"ambassadors": 1}
    forget(store, "anna@firma.pl")
    assert _notes(store, ben) == (f"{REMOVED}, {REMOVED}, {REMOVED}, {REMOVED} ({REMOVED}). "
                                  f"Mail {REMOVED} or {REMOVED}. Not joanna@firma.pl.")


def test_polish_letters_in_any_case(store):
    ben = _person_and_notes(store, "Łucja Wąs", "łucja@firma.pl",
                            "ŁUCJA WĄS; łucja wąs; Łucja Wąsowska; ŁUCJA@FIRMA.PL")
    assert plan_erasure(store, "ŁUCJA@firma.pl").mentions == {"ambassadors": 1}
    forget(store, "łucja@firma.pl")
    assert _notes(store, ben) == f"{REMOVED}; {REMOVED}; Łucja Wąsowska; {REMOVED}"


def test_text_in_decomposed_form_is_found_too(store):
    import unicodedata

    ben = _person_and_notes(store, "Józef Wąs", "jozef@firma.pl",
                            unicodedata.normalize("NFD", "Met Józef Wąs today"))
    forget(store, "jozef@firma.pl")
    assert _notes(store, ben) == f"Met {REMOVED} today"


# -- issue 12 §3: every free-text column, derived columns and indexes ------------------------


def test_library_search_text_and_a_stakeholder_named_like_them_are_scrubbed(store):
    from advocacy_tui.data.posts import LibraryRepo
    from advocacy_tui.domain.posts import LibraryItem

    _person_and_notes(store, "Anna Nowak", "anna@firma.pl", "")
    library = LibraryRepo(store)
    item = library.add(LibraryItem(id=None, kind="sample_post", title="Tips from Anna Nowak",
                                   body="Write to anna@firma.pl", tags="anna nowak"))
    c = store.db.conn
    with store.write():
        c.execute("INSERT INTO stakeholders (name, notes, created_at, updated_at) "
                  "VALUES ('Anna Nowak (HR partner)', 'ask ANNA@firma.pl', 'now', 'now')")
    forget(store, "anna@firma.pl")
    title, body, tags, search = c.execute(
        "SELECT title, body, tags, search_text FROM library_items WHERE id = ?", (item,)).fetchone()
    assert (title, body, tags) == (f"Tips from {REMOVED}", f"Write to {REMOVED}", REMOVED)
    assert "anna" not in search and "nowak" not in search
    assert "removed" in search  # derived again from the scrubbed text, the way the app derives it
    assert c.execute("SELECT name, notes FROM stakeholders").fetchone() == (f"{REMOVED} (HR partner)",
                                                                            f"ask {REMOVED}")


def test_the_roster_search_index_forgets_them(store):
    repo = AmbassadorRepo(store)
    repo.add(build_ambassador({"name": "Anna Nowak", "email": "anna@firma.pl"}))
    ben = repo.add(build_ambassador({"name": "Ben Lee", "email": "ben@firma.pl",
                                     "department": "Team of Anna Nowak"}))
    forget(store, "anna@firma.pl")
    c = store.db.conn
    assert c.execute("SELECT department FROM ambassadors WHERE id = ?", (ben,)).fetchone()[0] \
        == f"Team of {REMOVED}"
    for needle in ("anna@firma", "anna nowak", "nowak"):
        assert c.execute("SELECT count(*) FROM ambassadors_search WHERE ambassadors_search MATCH ?",
                         (f'"{needle}"',)).fetchone()[0] == 0
    assert c.execute("SELECT count(*) FROM ambassadors WHERE search_text LIKE '%nowak%'").fetchone()[0] == 0
    # the index still finds Ben by what is left
    assert c.execute("SELECT rowid FROM ambassadors_search WHERE ambassadors_search MATCH '\"team of\"'"
                     ).fetchall() == [(ben,)]


def _text_columns_of_the_schema(store):
    """Every (table, column) of the app's schema that can hold text, read from SQLite itself."""
    c = store.db.conn
    tables = c.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = {name for name, sql in tables if sql.upper().startswith("CREATE VIRTUAL")}
    columns = set()
    for name, _sql in tables:
        if name.startswith("sqlite_") or name in virtual or any(name.startswith(v + "_") for v in virtual):
            continue
        for row in c.execute(f'PRAGMA table_info("{name}")'):
            declared = (row[2] or "").upper()
            if not declared or any(word in declared for word in ("TEXT", "CHAR", "CLOB")):
                columns.add((name, row[1]))
    return columns, virtual


def test_every_text_column_of_the_schema_is_classified(store):
    """A new TEXT column (or full-text index) must be put in the registry: scrubbed, identity,
    derived or fixed. Otherwise forget could leave a person's name in it unnoticed."""
    from advocacy_tui.data.forget import COLUMNS, SEARCH_INDEXES

    columns, virtual = _text_columns_of_the_schema(store)
    unclassified = sorted(columns - set(COLUMNS))
    assert unclassified == [], f"classify these columns in data/forget.py COLUMNS: {unclassified}"
    assert sorted(set(COLUMNS) - columns) == [], "COLUMNS names columns the schema does not have"
    assert virtual == set(SEARCH_INDEXES), "list every full-text index in data/forget.py SEARCH_INDEXES"


def test_a_column_added_later_without_a_class_is_scrubbed_and_the_check_sees_it(store):
    from advocacy_tui.data.forget import COLUMNS

    _person_and_notes(store, "Anna Nowak", "anna@firma.pl", "")
    c = store.db.conn
    with store.write():
        c.execute("ALTER TABLE posts ADD COLUMN summary TEXT NOT NULL DEFAULT ''")
        c.execute("INSERT INTO posts (uid, title, summary, created_at, updated_at) "
                  "VALUES ('p9', 't', 'by Anna Nowak', 'now', 'now')")
    columns, _ = _text_columns_of_the_schema(store)
    assert ("posts", "summary") in columns - set(COLUMNS)  # the test above would fail
    forget(store, "anna@firma.pl")
    assert c.execute("SELECT summary FROM posts").fetchone()[0] == f"by {REMOVED}"


def test_surname_first_as_hr_systems_write_it_is_replaced_too(store):
    ben = _person_and_notes(store, "Anna Nowak", "anna@firma.pl",
                            "From HR: Nowak Anna; NOWAK, ANNA; but not Nowak Annabelle.")
    forget(store, "anna@firma.pl")
    assert _notes(store, ben) == f"From HR: {REMOVED}; {REMOVED}; but not Nowak Annabelle."


def test_a_one_word_name_is_not_searched_for_and_the_plan_says_so(store):
    ben = _person_and_notes(store, "Anna", "anna@firma.pl", "Anna said hi; mail anna@firma.pl")
    plan = plan_erasure(store, "anna@firma.pl")
    assert any("only one word" in line for line in plan.lines())
    forget(store, "anna@firma.pl")
    assert _notes(store, ben) == f"Anna said hi; mail {REMOVED}"


def test_the_search_index_is_sound_after_forgetting(store):
    repo = AmbassadorRepo(store)
    repo.add(build_ambassador({"name": "Anna Nowak", "email": "anna@firma.pl"}))
    for n in range(20):
        repo.add(build_ambassador({"name": f"P {n}", "email": f"p{n}@firma.pl", "department": "Anna Nowak's"}))
    forget(store, "anna@firma.pl")
    store.db.conn.execute("INSERT INTO ambassadors_search (ambassadors_search) VALUES ('integrity-check')")
    assert store.db.conn.execute("SELECT count(*) FROM ambassadors_search WHERE ambassadors_search MATCH "
                                 "'\"removed\"'").fetchone()[0] == 20


_WORD = st.text(alphabet="abcdefghijklmnoprstuwyzAEIOUąęłóżŁ_%\\'", min_size=2, max_size=8)


@settings(max_examples=40, deadline=None)
@given(first=_WORD, last=_WORD, before=st.sampled_from(["", "Met ", "(", "50% "]),
       upper=st.booleans())
def test_a_name_with_like_wildcards_or_backslashes_is_still_found(first, last, before, upper):
    """SQLite only reads rows that hold one of the name's ASCII words, whatever the letters."""
    name = f"{first} {last}"
    assume(REMOVED not in name)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "p.db", clock=FixedClock.at("2026-11-27T09:30:00+01:00"))
        try:
            written = name.upper() if upper else name
            ben = _person_and_notes(store, name, "anna@firma.pl", f"{before}{written}.")
            assert plan_erasure(store, "anna@firma.pl").mentions == {"ambassadors": 1}
            forget(store, "anna@firma.pl")
            assert _notes(store, ben) == f"{before}{REMOVED}."
        finally:
            store.close()

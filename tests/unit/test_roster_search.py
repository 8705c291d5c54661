"""The roster filter through the trigram index (migration m004) agrees with a plain substring search."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.domain.text import fold


def names(repo, text):
    return [row.name for row in repo.page(RosterQuery(text=text), 0, 100)]


def test_filter_follows_adds_updates_and_deletes(store):
    repo = AmbassadorRepo(store)
    first = repo.add(build_ambassador({"name": "Łukasz Żółć", "email": "lz@firma.pl", "department": "Sprzedaż"}))
    repo.add(build_ambassador({"name": 'Anna "Q" Nowak', "email": "an@firma.pl"}))
    assert names(repo, "LUKASZ") == ["Łukasz Żółć"]
    assert names(repo, "sprzed") == ["Łukasz Żółć"]
    assert names(repo, '"q"') == ['Anna "Q" Nowak']
    assert names(repo, "firma.pl") == ['Anna "Q" Nowak', "Łukasz Żółć"]
    assert repo.count(RosterQuery(text="zol")) == 1
    repo.update(build_ambassador({"name": "Piotr Kos", "email": "lz@firma.pl"}, id=first))
    assert names(repo, "lukasz") == [] and names(repo, "kos") == ["Piotr Kos"]
    repo.delete(first)
    assert names(repo, "kos") == []


WORDS = st.text(alphabet="abcłóżAB \"*()-.^@", min_size=0, max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(WORDS, min_size=1, max_size=8), needle=WORDS)
def test_index_agrees_with_substring_search(store, people, needle):
    store.db.conn.execute("DELETE FROM ambassadors")
    repo = AmbassadorRepo(store)
    for number, name in enumerate(people):
        repo.add(build_ambassador({"name": name.strip() or "x", "email": f"p{number}@x.pl"}))
    everyone = repo.page(RosterQuery(), 0, 100)
    folded = fold(needle.strip())
    expected = sorted(row.id for row in everyone
                      if folded in " ".join(p for p in (fold(row.name), fold(row.email)) if p))
    found = sorted(row.id for row in repo.page(RosterQuery(text=needle), 0, 100))
    assert found == expected
    assert repo.count(RosterQuery(text=needle)) == len(expected)


def test_the_roster_total_follows_changes_of_this_and_other_connections(store):
    import sqlite3

    repo = AmbassadorRepo(store)
    assert repo.total() == 0
    first = repo.add(build_ambassador({"name": "Ola"}))
    assert repo.total() == 1
    other = sqlite3.connect(store.path)
    other.execute("DELETE FROM ambassadors WHERE id = ?", [first])
    other.commit()
    other.close()
    assert repo.total() == 0


def test_a_file_from_before_the_smaller_search_index_still_finds_its_people(tmp_path, clock):
    """Migration m012 makes the search index again without its size table: the people
    already in the file are found as before, and those added after it too."""
    import sqlite3

    import sqlite_utils

    from advocacy_tui.data.migrations import MIGRATIONS
    from advocacy_tui.data.store import APPLICATION_ID, Store

    path = tmp_path / "old.db"
    db = sqlite_utils.Database(sqlite3.connect(path))
    for migrate in MIGRATIONS[:11]:
        migrate(db)
    db.execute("INSERT INTO ambassadors (name, email, search_text, sort_key, created_at, updated_at) "
               "VALUES ('Aleksandra Kowalska', 'ak@firma.pl', 'aleksandra kowalska ak@firma.pl', "
               "'kowalska', 'x', 'x')")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 11")
    db.conn.commit()
    db.close()
    with Store.open(path, clock=clock) as store:
        repo = AmbassadorRepo(store)
        assert names(repo, "kowal") == ["Aleksandra Kowalska"]
        repo.add(build_ambassador({"name": "Jan Kowalczyk", "email": "jk@firma.pl"}))
        assert names(repo, "kowal") == ["Jan Kowalczyk", "Aleksandra Kowalska"]
        store.db.conn.execute("INSERT INTO ambassadors_search (ambassadors_search) VALUES ('integrity-check')")

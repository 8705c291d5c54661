"""Named users (hashed tokens) and the record of who changed which person, post and task."""

from dataclasses import replace

import pytest

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.store import Store
from advocacy_tui.data.users import (
    UserError,
    UserRepo,
    hash_token,
    history,
    record_changes_as,
    who_has,
)
from advocacy_tui.domain.ambassadors import build_ambassador


def test_a_user_gets_a_token_that_is_stored_only_as_a_hash(store):
    users = UserRepo(store)
    token = users.add("  Anna Nowak ")
    assert len(token) >= 32
    assert [user.name for user in users.all()] == ["Anna Nowak"]
    stored = store.conn.execute("SELECT token_hash FROM users").fetchone()[0]
    assert stored == hash_token(token) and token not in stored
    assert who_has(users.token_hashes(), token) == "Anna Nowak"
    assert who_has(users.token_hashes(), token[:-1]) is None
    assert who_has(users.token_hashes(), None) is None
    assert users.add("Piotr") != token


@pytest.mark.parametrize("name, words", [("", "needs a name"), ("x" * 61, "at most 60"),
                                         ("bell\x07", "control characters")])
def test_bad_names_are_refused(store, name, words):
    with pytest.raises(UserError, match=words):
        UserRepo(store).add(name)
    assert UserRepo(store).all() == []


def test_a_name_is_taken_once_whatever_its_case(store):
    users = UserRepo(store)
    users.add("Anna")
    with pytest.raises(UserError, match="already a user"):
        users.add("ANNA")
    assert users.remove("anna")
    assert not users.remove("anna")
    assert users.all() == []


def test_writes_by_a_named_user_are_recorded(store, tmp_path):
    record_changes_as(store, "Anna")
    people = AmbassadorRepo(store)
    person_id = people.add(build_ambassador({"name": "Łukasz"}))
    people.update(replace(people.get(person_id), department="Sales"))
    with store.write():
        store.conn.execute("INSERT INTO tasks (title, created_at, updated_at) VALUES ('t', 'x', 'x')")
        store.conn.execute("INSERT INTO posts (uid, title, created_at, updated_at) "
                           "VALUES ('u1', 'p', 'x', 'x')")
    assert [(c.who, c.action) for c in history(store, "ambassadors", person_id)] == [
        ("Anna", "changed"), ("Anna", "added")]
    assert [c.action for c in history(store, "tasks", 1)] == ["added"]
    assert [c.action for c in history(store, "posts", 1)] == ["added"]
    assert history(store, "ambassadors", person_id)[0].changed_at == store.now_text()

    other = Store.open(store.path)  # another program on the file (the CLI) records nothing
    try:
        AmbassadorRepo(other).delete(person_id)
    finally:
        other.close()
    assert len(history(store, "ambassadors", person_id)) == 2
    people.add(build_ambassador({"name": "Ewa"}))
    assert store.conn.execute("SELECT count(*) FROM changes").fetchone()[0] == 5


def test_a_failed_write_records_nothing(store):
    record_changes_as(store, "Anna")
    with pytest.raises(RuntimeError), store.write():
        AmbassadorRepo(store).add(build_ambassador({"name": "Ewa"}))
        raise RuntimeError("stop")
    assert store.conn.execute("SELECT count(*) FROM changes").fetchone()[0] == 0

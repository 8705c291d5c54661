"""Forgetting a person: what goes, what is unlinked, what is rewritten, and nothing else."""

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.forget import REMOVED, forget, plan_erasure
from advocacy_tui.domain.ambassadors import build_ambassador


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
    return anna, ben


def test_plan_counts_per_table_and_changes_nothing(store):
    _program(store)
    plan = plan_erasure(store, " ANNA@FIRMA.PL ")
    assert plan is not None
    assert plan.removed == {"involvement": 1, "onboarding_steps": 1, "task_attendees": 1}
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
    store.close()
    raw = store.path.read_bytes() + (store.path.with_name(store.path.name + "-wal").read_bytes()
                                     if store.path.with_name(store.path.name + "-wal").exists() else b"")
    assert b"anna@firma.pl" not in raw.lower()


def test_unknown_email(store):
    assert plan_erasure(store, "nobody@x.pl") is None
    assert forget(store, "nobody@x.pl") is None

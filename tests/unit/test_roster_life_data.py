"""Migration 3: summary columns kept right by triggers, filters that agree with the rules."""

import sqlite3
from dataclasses import replace
from datetime import date, timedelta

import sqlite_utils

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
from advocacy_tui.data.involvement import InvolvementRepo
from advocacy_tui.data.migrations import MIGRATIONS
from advocacy_tui.data.onboarding import OnboardingRepo
from advocacy_tui.data.stakeholders import StakeholderQuery, StakeholderRepo
from advocacy_tui.data.store import APPLICATION_ID, Store
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.domain.involvement import Involvement, is_quiet
from advocacy_tui.domain.onboarding import is_stuck
from advocacy_tui.domain.stakeholders import Stakeholder

TODAY = date(2026, 11, 27)


def summary(store, person_id):
    return store.db.conn.execute(
        "SELECT onboarding_done, last_step_on, last_active FROM ambassadors WHERE id = ?",
        (person_id,)).fetchone()


def test_ticks_keep_progress_and_last_step_right(store):
    person = AmbassadorRepo(store).add(build_ambassador({"name": "Ola", "status": "onboarding"}))
    steps = OnboardingRepo(store)
    assert summary(store, person) == (0, None, None)
    steps.tick(person, "profile", date(2026, 11, 1))
    steps.tick(person, "rules", date(2026, 11, 20))
    steps.tick(person, "library", date(2026, 11, 10))
    assert summary(store, person) == (3, "2026-11-20", None)
    steps.tick(person, "profile", date(2026, 11, 25))  # ticking again keeps the first date
    assert steps.steps(person)["profile"] == date(2026, 11, 1)
    steps.untick(person, "rules")
    assert summary(store, person) == (2, "2026-11-10", None)
    store.db.conn.execute("UPDATE onboarding_steps SET done_on = '2026-11-26' WHERE step = 'profile'")
    assert summary(store, person) == (2, "2026-11-26", None)
    assert steps.toggle(person, "time") is True
    assert steps.steps(person)["time"] == TODAY
    assert steps.toggle(person, "time") is False
    assert summary(store, person)[0] == 2


def test_log_keeps_last_active_right(store):
    person = AmbassadorRepo(store).add(build_ambassador({"name": "Ola", "status": "active"}))
    log = InvolvementRepo(store)
    first = log.add(Involvement(None, person, "feedback", date(2026, 10, 1), "x"))
    newest = log.add(Involvement(None, person, "post_published", date(2026, 11, 20), "y"))
    log.add(Involvement(None, person, "meeting", date(2026, 11, 2)))
    assert summary(store, person)[2] == "2026-11-20"
    log.delete(newest)
    assert summary(store, person)[2] == "2026-11-02"
    assert [e.happened_on for e in log.for_person(person)] == [date(2026, 11, 2), date(2026, 10, 1)]
    log.delete(first)
    store.db.conn.execute("DELETE FROM involvement")
    assert summary(store, person)[2] is None


def test_moving_an_entry_to_another_person_updates_both(store):
    repo = AmbassadorRepo(store)
    a = repo.add(build_ambassador({"name": "A"}))
    b = repo.add(build_ambassador({"name": "B"}))
    entry = InvolvementRepo(store).add(Involvement(None, a, "feedback", date(2026, 11, 3)))
    store.db.conn.execute("UPDATE involvement SET ambassador_id = ? WHERE id = ?", (b, entry))
    assert summary(store, a)[2] is None
    assert summary(store, b)[2] == "2026-11-03"


def test_deleting_a_person_removes_their_checklist_and_log(store):
    repo = AmbassadorRepo(store)
    keep = repo.add(build_ambassador({"name": "Keep"}))
    gone = repo.add(build_ambassador({"name": "Gone"}))
    for person in (keep, gone):
        OnboardingRepo(store).tick(person, "profile", date(2026, 11, 1))
        InvolvementRepo(store).add(Involvement(None, person, "question", date(2026, 11, 2)))
    repo.delete(gone)
    conn = store.db.conn
    assert conn.execute("SELECT count(*) FROM onboarding_steps WHERE ambassador_id = ?", (gone,)).fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM involvement WHERE ambassador_id = ?", (gone,)).fetchone() == (0,)
    assert summary(store, keep) == (1, "2026-11-01", "2026-11-02")


def test_migration_fills_the_summaries_of_an_existing_file(tmp_path, clock):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(sqlite3.connect(path))
    for migrate in MIGRATIONS[:2]:
        migrate(db)
    db.execute("INSERT INTO ambassadors (id, name, created_at, updated_at) VALUES (1, 'Ola', 'x', 'x')")
    db.execute("INSERT INTO onboarding_steps VALUES (1, 'profile', '2026-10-01'), (1, 'time', '2026-10-05')")
    db.execute("INSERT INTO involvement (ambassador_id, kind, happened_on, created_at) "
               "VALUES (1, 'feedback', '2026-11-11', 'x')")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 2")
    db.conn.commit()
    db.close()
    with Store.open(path, clock=clock) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert summary(store, 1) == (2, "2026-10-05", "2026-11-11")
    assert (tmp_path / f"old.db.before-v{len(MIGRATIONS)}.bak").exists()


def test_stuck_and_quiet_filters_agree_with_the_rules(demo_store):
    repo = AmbassadorRepo(demo_store)
    today = demo_store.clock.today()
    everyone = repo.page(RosterQuery(), 0, 1000)
    expected_stuck = {r.name for r in everyone if is_stuck(r.onboarding, today)}
    expected_quiet = {r.name for r in everyone
                      if is_quiet(r.status, r.last_active_on, today, r.since)}
    base = RosterQuery(today=today)
    stuck = {r.name for r in repo.page(replace(base, stuck=True), 0, 1000)}
    quiet = {r.name for r in repo.page(replace(base, quiet=True), 0, 1000)}
    assert stuck == expected_stuck
    assert quiet == expected_quiet
    assert {"Bartosz Nowakowski", "Marta Grabowska", "Harry Walsh", "Piotr Wiśniewski"} == stuck
    assert {"Oliver Bennett", "Krzysztof Piotrowski"} <= quiet
    assert repo.count(replace(base, stuck=True)) == len(stuck)
    both = {r.name for r in repo.page(replace(base, stuck=True, quiet=True), 0, 100)}
    assert both == stuck & quiet


def test_role_status_and_department_filters(demo_store):
    repo = AmbassadorRepo(demo_store)
    base = RosterQuery(today=demo_store.clock.today())
    owners = repo.page(replace(base, roles=("owner",)), 0, 100)
    assert {r.role for r in owners} == {"owner"} and len(owners) == 2
    sales = repo.page(replace(base, departments=("sales",)), 0, 100)
    assert sales and {r.department for r in sales} == {"Sales"}
    onboarding_sales = replace(base, departments=("Sales",), statuses=("onboarding",), stuck=True)
    assert {r.name for r in repo.page(onboarding_sales, 0, 100)} == {"Bartosz Nowakowski"}
    assert "Sales" in repo.departments()
    assert onboarding_sales.describe_filters() == (
        "status Onboarding · department Sales · stuck 14+ days")
    position = repo.position(replace(base, stuck=True), repo.by_email("harry.walsh@northwind.example").id)
    assert position is not None


def test_stuck_filter_needs_today(store):
    import pytest

    with pytest.raises(ValueError):
        RosterQuery(stuck=True).where()


def test_demo_program_has_stories_to_tell(demo_store):
    conn = demo_store.db.conn
    assert conn.execute("SELECT count(*) FROM stakeholders").fetchone()[0] == 8
    stances = {row[0] for row in conn.execute("SELECT DISTINCT stance FROM stakeholders")}
    assert stances == {"not_met", "supportive", "neutral", "sceptical", "against"}
    today = demo_store.clock.today()
    recent = conn.execute("SELECT count(DISTINCT ambassador_id) FROM involvement WHERE happened_on >= ?",
                          ((today - timedelta(days=29)).isoformat(),)).fetchone()[0]
    assert recent >= 15
    assert conn.execute("SELECT max(happened_on) FROM involvement").fetchone()[0] <= today.isoformat()


def test_stakeholder_repo_and_query(store):
    repo = StakeholderRepo(store)
    a = repo.add(Stakeholder(None, "PR team", "pr", "sceptical", date(2026, 11, 1), "Talk again"))
    b = repo.add(Stakeholder(None, "Board", "board", "supportive", None, "", "CEO [b]likes[/b] it"))
    assert repo.count(StakeholderQuery()) == 2
    assert [s.name for s in repo.page(StakeholderQuery(), 0, 10)] == ["Board", "PR team"]
    assert [s.id for s in repo.page(StakeholderQuery(text="talk"), 0, 10)] == [a]
    assert [s.id for s in repo.page(StakeholderQuery(text="[b]"), 0, 10)] == [b]
    assert [s.id for s in repo.page(StakeholderQuery(stances=("supportive",)), 0, 10)] == [b]
    assert [s.id for s in repo.page(StakeholderQuery(sort="last_talk"), 0, 10)] == [a, b]
    changed = replace(repo.get(a), stance="supportive")
    repo.update(changed)
    assert repo.get(a).stance == "supportive"
    assert repo.position(StakeholderQuery(), a) == 1
    repo.delete(a)
    assert repo.get(a) is None and repo.total() == 1
    assert repo.kinds()[:6] == ["marketing", "pr", "communications", "management", "board", "team"]


def test_a_person_who_joined_yesterday_is_not_quiet(store):
    """Issue 15: nothing in the log yet, but they joined yesterday: not "gone quiet"."""
    from datetime import timedelta

    from advocacy_tui.domain.ambassadors import build_ambassador

    repo = AmbassadorRepo(store)
    today = store.clock.today()
    yesterday = (today - timedelta(days=1)).strftime("%d.%m.%Y")
    old = (today - timedelta(days=90)).strftime("%d.%m.%Y")
    repo.add(build_ambassador({"name": "New Person", "email": "new@x.pl", "status": "active",
                               "joined": yesterday}))
    repo.add(build_ambassador({"name": "Old Person", "email": "old@x.pl", "status": "active",
                               "joined": old}))
    quiet = {r.name for r in repo.page(RosterQuery(today=today, quiet=True), 0, 10)}
    assert quiet == {"Old Person"}
    rows = {r.name: r for r in repo.page(RosterQuery(today=today), 0, 10)}
    assert not is_quiet("active", None, today, rows["New Person"].since)
    assert is_quiet("active", None, today, rows["Old Person"].since)

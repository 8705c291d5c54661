"""Today watches failure 3 (owners first): the owner's own silence apart from the managers',
and leaders who are invited, paused or only candidates are not counted as silent."""

from __future__ import annotations

from datetime import date

import pytest

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.posts import PostRepo
from advocacy_tui.data.today import TodayRepo
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.domain.posts import build_post
from advocacy_tui.domain.today import counts_as_leader
from advocacy_tui.screens.today import OK, WARN, leaders_reading

FRIDAY = date(2026, 11, 27)


def person(store, name, role, status):
    return AmbassadorRepo(store).add(build_ambassador({"name": name, "role": role, "status": status}))


def published(store, author_id, day):
    PostRepo(store).add(build_post({"title": "A post", "planned_on": day, "state": "published",
                                    "published_url": "https://www.linkedin.com/x"}, ("personal",),
                                   author_id=author_id))


@pytest.mark.parametrize(("status", "counted"), [
    ("candidate", False), ("invited", False), ("onboarding", True), ("active", True), ("paused", False),
    ("left", False)])
def test_who_counts_as_a_leader_taking_part(status, counted):
    assert counts_as_leader(status) is counted


def test_the_demo_owners_post_and_paused_or_invited_managers_are_not_silent(demo_store):
    leaders = TodayRepo(demo_store).leaders_posting()
    assert leaders.silent_owners.count == 0 and leaders.owners == 2
    assert leaders.silent_managers.names == ["Piotr Wiśniewski"] and leaders.managers == 3
    assert leaders.not_counted == [("James O'Connor", "invited"), ("Michał Kowalczyk", "paused")]
    reading = leaders_reading(leaders, "calendar")
    assert reading.mark == WARN
    assert "Owners: both posted" in reading.text or "posted in the last 30 days" in reading.text
    assert "Piotr Wiśniewski" in reading.text
    assert "James O'Connor (invited)" in reading.text and "Michał Kowalczyk (paused)" in reading.text


def test_a_silent_owner_is_named_first_and_the_advice_says_go_first(store):
    owner = person(store, "Agnieszka Wójcik", "owner", "active")
    manager = person(store, "Sarah Mitchell", "manager", "active")
    published(store, manager, "20.11.2026")
    leaders = TodayRepo(store).leaders_posting()
    assert leaders.silent_owners.names == ["Agnieszka Wójcik"] and leaders.silent_managers.count == 0
    reading = leaders_reading(leaders, "calendar")
    assert reading.mark == WARN
    assert reading.text.index("Agnieszka Wójcik") < reading.text.index("Managers")
    assert "first" in reading.advice
    published(store, owner, "25.11.2026")
    assert leaders_reading(TodayRepo(store).leaders_posting(), "calendar").mark == OK


def test_the_sql_agrees_with_the_rule(store):
    for index, status in enumerate(("candidate", "invited", "onboarding", "active", "paused", "left")):
        person(store, f"Manager {index}", "manager", status)
    leaders = TodayRepo(store).leaders_posting()
    assert leaders.managers == sum(counts_as_leader(s) for s in ("candidate", "invited", "onboarding",
                                                                 "active", "paused", "left"))
    assert {status for _, status in leaders.not_counted} == {"candidate", "invited", "paused"}


def test_the_words_name_the_window_the_count_uses(demo_store, monkeypatch):
    """One rule per fact: the leaders' card says the number of days its query looks back."""
    import advocacy_tui.screens.today as today_screen

    leaders = TodayRepo(demo_store).leaders_posting()
    monkeypatch.setattr(today_screen, "SILENT_LEADER_DAYS", 21)
    reading = leaders_reading(leaders, "calendar")
    assert "in the last 21 days" in reading.text and "30 days" not in reading.text

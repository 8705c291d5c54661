"""Today watches failure 4 (personal brand first): people whose own planned posts are mostly
company voice (the "billboard"), counted for Today and shown with their mix on the roster."""

from __future__ import annotations

from datetime import timedelta

import pytest

from advocacy_tui.data.today import TodayRepo
from advocacy_tui.domain.today import BILLBOARD_MIN_POSTS, PERSON_MIX_DAYS, is_billboard, since


@pytest.mark.parametrize(("counts", "billboard"), [
    ({"company": 5}, True),
    ({"company": 2, "team": 1}, True),
    ({"company": 2}, False),  # too few posts to say
    ({"company": 2, "personal": 2}, False),  # half is not "mostly"
    ({"personal": 4}, False),
    ({}, False),
])
def test_mostly_company_posts_make_a_billboard(counts, billboard):
    assert is_billboard(counts) is billboard


def test_the_sql_agrees_with_the_rule_on_the_demo(demo_store):
    today = demo_store.clock.today()
    rows = demo_store.db.conn.execute(
        "SELECT a.name, p.voice FROM posts p JOIN ambassadors a ON a.id = p.author_id "
        "WHERE p.state != 'dropped' AND p.planned_on >= ? AND a.status != 'left'",
        (since(today, PERSON_MIX_DAYS).isoformat(),)).fetchall()
    per_person: dict[str, dict[str, int]] = {}
    for name, voice in rows:
        per_person.setdefault(name, {}).setdefault(voice, 0)
        per_person[name][voice] += 1
    expected = sorted(name for name, counts in per_person.items() if is_billboard(counts))
    found = TodayRepo(demo_store).billboards()
    assert found.count == len(expected) >= 1
    assert set(found.names) <= set(expected)
    assert "Agnieszka Wójcik" in found.names  # the owner herself plans only company posts


def test_a_person_mix_counts_their_own_posts(demo_store):
    repo = TodayRepo(demo_store)
    agnieszka = demo_store.db.conn.execute(
        "SELECT id FROM ambassadors WHERE name = 'Agnieszka Wójcik'").fetchone()[0]
    assert repo.person_mix(agnieszka) == {"company": 5}
    assert sum(repo.person_mix(agnieszka).values()) >= BILLBOARD_MIN_POSTS


def test_old_and_dropped_posts_do_not_count(store):
    from advocacy_tui.data.ambassadors import AmbassadorRepo
    from advocacy_tui.data.posts import PostRepo
    from advocacy_tui.domain.ambassadors import build_ambassador
    from advocacy_tui.domain.posts import build_post

    person = AmbassadorRepo(store).add(build_ambassador({"name": "Ewa Nowak", "status": "active"}))
    old = (store.clock.today() - timedelta(days=PERSON_MIX_DAYS + 5)).strftime("%d.%m.%Y")
    soon = (store.clock.today() + timedelta(days=3)).strftime("%d.%m.%Y")
    posts = PostRepo(store)
    for day, state in ((old, "idea"), (old, "idea"), (soon, "dropped"), (soon, "idea")):
        posts.add(build_post({"title": "x", "planned_on": day, "state": state, "voice": "company"},
                             ("company",), author_id=person))
    assert TodayRepo(store).person_mix(person) == {"company": 1}
    assert TodayRepo(store).billboards().count == 0


async def test_the_roster_shows_a_persons_own_mix_and_names_a_billboard(demo_store, make_app):
    from tests.screen import screen_text

    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash", *"agnieszka", "enter")
        await pilot.pause()
        flat = " ".join(screen_text(app).split())
        assert "⚠ Billboard: own posts company 100%" in flat
        await pilot.press("escape", "slash", *"joanna", "enter")
        await pilot.pause()
        flat = " ".join(screen_text(app).split())
        assert "Own posts: personal 100%" in flat and "Billboard" not in flat


async def test_today_counts_the_billboards(demo_store, make_app):
    from advocacy_tui.screens.today import WARN, Indicator

    app = make_app(demo_store, start_mode="today")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        reading = app.screen.query_one("#ind-mix", Indicator).reading
        assert reading.mark == WARN
        assert "2 people plan mostly company posts" in reading.text
        assert "Agnieszka Wójcik" in reading.text and "Tomasz Zieliński" in reading.text

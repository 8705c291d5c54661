"""Groups, members, a group made from the roster's filter, outcomes per group, campaigns."""

from __future__ import annotations

from datetime import date

import pytest

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
from advocacy_tui.data.forget import forget, plan_erasure
from advocacy_tui.data.groups import CampaignRepo, GroupError, GroupRepo, group_outcomes
from advocacy_tui.data.posts import PostFilter, PostRepo
from advocacy_tui.domain.ambassadors import Ambassador, ValidationError
from advocacy_tui.domain.groups import Campaign, build_campaign
from advocacy_tui.domain.posts import Post
from tests.queries import traced


def person(repo: AmbassadorRepo, name: str, **values) -> int:
    email = name.lower().replace(" ", ".") + "@example.com"
    return repo.add(Ambassador(id=None, name=name, email=email, **values))


def test_groups_are_named_once_renamed_and_deleted(store):
    groups = GroupRepo(store)
    sales = groups.add("  Sales ambassadors ")
    assert groups.get(sales).name == "Sales ambassadors"
    with pytest.raises(GroupError, match="already"):
        groups.add("sales AMBASSADORS")
    with pytest.raises(GroupError):
        groups.add("   ")
    groups.rename(sales, "Sales team")
    assert [g.name for g in groups.groups()] == ["Sales team"]
    groups.delete(sales)
    assert groups.groups() == []


def test_members_are_added_once_listed_and_removed(store):
    people, groups = AmbassadorRepo(store), GroupRepo(store)
    anna, jan = person(people, "Anna Nowak"), person(people, "Jan Kowal")
    cohort = groups.add("Spring cohort")
    assert groups.add_member(cohort, anna) is True
    assert groups.add_member(cohort, anna) is False
    group_id, made, added = groups.add_member_to("Polish speakers", jan)
    assert made and added and groups.by_name("polish speakers").id == group_id
    assert groups.add_member_to("Spring cohort", jan)[1:] == (False, True)
    assert [g.name for g in groups.groups_of(jan)] == ["Polish speakers", "Spring cohort"]
    assert groups.get(cohort).members == 2
    assert [m[1] for m in groups.members(cohort)] == ["Anna Nowak", "Jan Kowal"]
    assert groups.remove_member(cohort, anna) is True
    assert [m[1] for m in groups.members(cohort)] == ["Jan Kowal"]


def test_the_roster_filters_by_group_and_says_so(store):
    people, groups = AmbassadorRepo(store), GroupRepo(store)
    anna, _jan = person(people, "Anna Nowak"), person(people, "Jan Kowal")
    team = groups.add("HR team")
    groups.add_member(team, anna)
    query = RosterQuery(group_id=team, group_name="HR team")
    assert [row.name for row in people.page(query, 0, 10)] == ["Anna Nowak"]
    assert people.count(query) == 1
    assert query.has_filters and "group HR team" in query.describe_filters()
    assert query.without_filters().group_id is None


def test_a_group_from_the_filter_is_one_statement_at_any_size(store):
    """The group is made by one INSERT ... SELECT, not one statement a person: counting the
    statements at 4,000 people shows it for 100,000 too."""
    conn = store.db.conn
    with store.write():
        conn.executemany(
            "INSERT INTO ambassadors (name, email, department, status, created_at, updated_at, sort_key, "
            "search_text) VALUES (?, ?, ?, 'active', 'x', 'x', ?, ?)",
            [(f"P {n}", f"p{n}@example.com", "Sales" if n % 4 == 0 else "IT", f"p {n}", f"p {n}")
             for n in range(4_000)])
    groups = GroupRepo(store)
    with traced(conn) as statements:
        group_id, count = groups.from_query("Sales people", RosterQuery(departments=("sales",)))
    inserts = [s for s in statements if "INSERT" in s.upper()]
    assert len(inserts) == 2  # the group, and its members in one statement
    assert count == 1_000 == groups.get(group_id).members
    with pytest.raises(GroupError):  # the name is taken: nothing is written
        groups.from_query("sales people", RosterQuery())
    assert len(groups.groups()) == 1


def test_a_forgotten_person_leaves_every_group(store):
    people, groups = AmbassadorRepo(store), GroupRepo(store)
    anna = person(people, "Anna Nowak")
    team = groups.add("Anna Nowak's team")
    groups.add_member(team, anna)
    plan = plan_erasure(store, "anna.nowak@example.com")
    assert plan.removed.get("group_members") == 1
    assert plan.mentions.get("groups") == 1
    forget(store, "anna.nowak@example.com")
    assert groups.get(team).members == 0
    assert groups.get(team).name == "[removed]'s team"


def _published(posts: PostRepo, author: int | None, day: date, voice: str = "personal", **values) -> int:
    return posts.add(Post(id=None, title="t", author_id=author, planned_on=day, state="published",
                          published_on=day, voice=voice, published_url="https://example.com/p", **values))


def test_outcomes_per_group_are_totals_and_small_groups_are_not_shown(store):
    people, groups, posts = AmbassadorRepo(store), GroupRepo(store), PostRepo(store)
    ids = [person(people, f"Person {n}") for n in range(4)]
    big, small = groups.add("Big"), groups.add("Small")
    for pid in ids[:3]:
        groups.add_member(big, pid)
    groups.add_member(small, ids[3])
    day = date(2026, 11, 10)
    _published(posts, ids[0], day)
    _published(posts, ids[0], day, voice="company")
    _published(posts, ids[1], day)
    _published(posts, ids[3], day)
    store.db.conn.execute(
        "INSERT INTO post_analytics (post_url, ambassador_id, source, published_on, impressions, imported_at) "
        "VALUES ('u', ?, 'member', '2026-11-10', 120, 'x')", (ids[1],))
    rows = {row.group.name: row for row in group_outcomes(store, date(2026, 11, 1), date(2026, 11, 28))}
    assert rows["Big"].shown and rows["Big"].active == 2 and rows["Big"].posts == 3
    assert rows["Big"].personal_share == pytest.approx(2 / 3)
    assert rows["Big"].posts_per_week == 0.8
    assert rows["Big"].linkedin.impressions == 120
    assert not rows["Small"].shown  # one person: their figure would be shown as a group's


def test_campaigns_bundle_posts_items_and_people_with_their_own_mix(store):
    people, posts, campaigns = AmbassadorRepo(store), PostRepo(store), CampaignRepo(store)
    anna = person(people, "Anna Nowak")
    day = date(2026, 12, 3)
    open_day = campaigns.add(Campaign(None, "Open day", day, date(2026, 12, 10)))
    with pytest.raises(GroupError, match="already"):
        campaigns.add(Campaign(None, "open day", day, day))
    first = posts.add(Post(id=None, title="We open our doors", author_id=anna, planned_on=day,
                           voice="company", campaign_id=open_day))
    posts.add(Post(id=None, title="My team", author_id=anna, planned_on=day, voice="personal",
                   campaign_id=open_day))
    posts.add(Post(id=None, title="Other", planned_on=day, voice="company"))
    assert posts.get(first).campaign_id == open_day
    assert campaigns.voice_counts(open_day) == {"company": 1, "personal": 1}
    assert campaigns.people(open_day) == [(anna, "Anna Nowak")]
    flt = PostFilter(campaign_id=open_day, campaign_name="Open day")
    assert flt.active and len(posts.in_range(day, day, flt)) == 2
    store.db.conn.execute("INSERT INTO library_items (title, kind, location, created_at, updated_at) "
                          "VALUES ('Poster', 'graphic', '~/poster.png', 'x', 'x')")
    campaigns.set_items(open_day, {1})
    assert campaigns.items(open_day) == [(1, "graphic", "Poster", "~/poster.png")]
    campaign = campaigns.get(open_day)
    campaigns.update(Campaign(open_day, "Open day 2026", day, day), expected=campaign)
    campaigns.delete(open_day)
    assert posts.get(first).campaign_id is None  # the posts stay


def test_a_campaign_form_checks_its_dates():
    with pytest.raises(ValidationError) as error:
        build_campaign({"name": "Drive", "starts_on": "10.12.2026", "ends_on": "01.12.2026"})
    assert "ends_on" in error.value.problems
    with pytest.raises(ValidationError) as error:
        build_campaign({"name": "", "starts_on": "x", "ends_on": ""})
    assert set(error.value.problems) == {"name", "starts_on", "ends_on"}
    campaign = build_campaign({"name": " Drive ", "starts_on": "01.12.2026", "ends_on": "2026-12-10"})
    assert campaign.name == "Drive" and campaign.ends_on == date(2026, 12, 10)


def test_the_program_report_has_totals_by_group_for_last_month(store):
    from advocacy_tui.data.reports import program_report

    people, groups, posts = AmbassadorRepo(store), GroupRepo(store), PostRepo(store)
    ids = [person(people, f"Person {n}") for n in range(3)]
    team = groups.add("Sales [b]ambassadors[/b]")
    for pid in ids:
        groups.add_member(team, pid)
    groups.add("Pair")
    _published(posts, ids[0], date(2026, 10, 5))
    text = program_report(store, "md")
    section = text[text.index("Outcomes by group, October 2026"):]
    assert "| Group | Members | Active | Posts a week | Personal | Impressions | Engagements |" in section
    assert "fewer than 3 people: not shown" in section
    assert "Person 0" not in text  # totals only: no one is named


@pytest.mark.parametrize("name", ["Esc\x1b[31mred", "two\nlines", "nul\x00", "bell\x07"])
def test_a_name_with_control_characters_is_refused_not_changed(store, name):
    from advocacy_tui.data.groups import GroupError, GroupRepo

    with pytest.raises(GroupError, match="control characters"):
        GroupRepo(store).add(name)
    assert GroupRepo(store).groups() == []
    assert GroupRepo(store).by_name("[red]Zły[/]") is None
    GroupRepo(store).add("[red]Zły[/] $(x)")  # markup-looking text is text: kept exactly
    assert [group.name for group in GroupRepo(store).groups()] == ["[red]Zły[/] $(x)"]


def test_a_cohort_by_joining_day_or_a_language_is_a_filter_and_so_a_group(store):
    from advocacy_tui.domain.ambassadors import build_ambassador

    people = AmbassadorRepo(store)
    for name, joined, languages in (("Ala", "01.09.2026", "pl"), ("Ben", "15.10.2026", "en, pl"),
                                    ("Cyd", "20.12.2025", "en"), ("Dan", "", "")):
        people.add(build_ambassador({"name": name, "joined": joined, "languages": languages}))
    autumn = RosterQuery(joined_from=date(2026, 9, 1), joined_to=date(2026, 11, 30))
    assert [row.name for row in people.page(autumn, 0, 10)] == ["Ala", "Ben"]
    assert autumn.describe_filters() == "joined 01.09.2026 – 30.11.2026" and autumn.has_filters
    polish = RosterQuery(language="pl")
    assert [row.name for row in people.page(polish, 0, 10)] == ["Ala", "Ben"]
    assert [row.name for row in people.page(RosterQuery(language="en"), 0, 10)] == ["Ben", "Cyd"]
    assert polish.describe_filters() == "language Polish"
    assert not autumn.without_filters().has_filters
    groups = GroupRepo(store)
    group_id, count = groups.from_query("Autumn 2026 cohort", autumn)
    assert count == 2 and groups.get(group_id).members == 2

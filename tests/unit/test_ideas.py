"""Ideas that fit a person: matching (pure) and reading / planning them in the store."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.ideas import IdeaGone, ideas_for, plan_idea, used_items
from advocacy_tui.data.posts import LibraryRepo, PostRepo
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.domain.ideas import Candidate, Profile, fits, match_ideas, nudge_text
from advocacy_tui.domain.posts import LibraryItem, Post


def item(id_, topics, format_="", language="", created="2026-01-01"):
    return Candidate("item", id_, f"item {id_}", tuple(topics), format_, language, created)


def test_an_idea_fits_on_a_shared_topic_a_format_and_a_language_they_take():
    anna = Profile(("Java", "Rekrutacja"), formats=("text",), languages=("pl",))
    assert fits(anna, item(1, ["java"]))
    assert not fits(anna, item(2, ["Python"]))
    assert not fits(anna, item(3, ["Java"], format_="video"))
    assert not fits(anna, item(4, ["Java"], language="en"))
    assert fits(Profile(("Java",)), item(5, ["Java"], format_="video", language="en"))  # any


def test_more_shared_topics_first_then_library_items_then_the_newest_and_used_ones_left_out():
    anna = Profile(("Java", "rekrutacja"))
    post = Candidate("post", 9, "open idea", ("Java", "Rekrutacja"), created_at="2025-01-01")
    ideas = match_ideas(anna, [item(1, ["Java"], created="2026-01-01"), item(2, ["Java"], created="2026-02-01"),
                               item(3, ["Java", "REKRUTACJA"]), post, item(4, ["Java"])], used_items={4})
    assert [i.key for i in ideas] == ["item:3", "post:9", "item:2", "item:1"]
    assert ideas[0].shared == ("Java", "rekrutacja")


def test_the_nudge_names_them_by_first_name_with_two_ideas():
    ideas = match_ideas(Profile(("Java",)), [item(1, ["Java"]), item(2, ["Java"]), item(3, ["Java"])])
    text = nudge_text("Aleksandra Pawłowska", ideas)
    assert text.startswith("Hi Aleksandra,") and text.count("• ") == 2 and "(on Java)" in text
    assert "How are you doing?" in nudge_text("Ola", [])


@pytest.fixture
def program(store):
    people = AmbassadorRepo(store)
    anna = people.add(build_ambassador({"name": "Anna Nowak", "topics": "Java, rekrutacja", "languages": "pl"}))
    bob = people.add(build_ambassador({"name": "Bob", "topics": "Java"}))
    library = LibraryRepo(store)
    ids = {
        "java_pl": library.add(LibraryItem(None, "Java w praktyce", kind="sample_post", language="pl", topics=("Java",))),
        "java_en": library.add(LibraryItem(None, "Java in practice", language="en", topics=("Java",))),
        "rules": library.add(LibraryItem(None, "Java rules", kind="guideline", language="pl", topics=("Java",))),
        "hr": library.add(LibraryItem(None, "Rekrutacja", kind="idea", language="pl", topics=("Rekrutacja",))),
    }
    posts = PostRepo(store)
    ids["open"] = posts.add(Post(None, "Open idea on Java", planned_on=date(2026, 1, 1), topics=("java",)))
    ids["bobs"] = posts.add(Post(None, "Bob's idea", planned_on=date(2026, 1, 1), author_id=bob, topics=("Java",)))
    return store, anna, bob, ids


def test_ideas_for_a_person_in_the_store(program):
    store, anna, bob, ids = program
    titles = [idea.candidate.title for idea in ideas_for(store, anna)]
    # not the English item, not the guideline, not Bob's own idea
    assert sorted(titles) == ["Java w praktyce", "Open idea on Java", "Rekrutacja"]


def test_planning_a_library_item_makes_their_draft_and_it_is_used_then(program):
    store, anna, _, ids = program
    today = store.clock.today()
    idea = next(i for i in ideas_for(store, anna) if i.candidate.id == ids["java_pl"] and i.candidate.source == "item")
    post_id = plan_idea(store, anna, idea, today)
    post = PostRepo(store).get(post_id)
    assert (post.author_id, post.state, post.library_item_id) == (anna, "draft", ids["java_pl"])
    assert post.planned_on == today + timedelta(days=7) and post.topics == ("Java",)
    assert ids["java_pl"] in used_items(store, anna)
    assert "Java w praktyce" not in [i.candidate.title for i in ideas_for(store, anna)]


def test_planning_an_open_idea_makes_it_theirs_and_twice_is_refused(program):
    store, anna, bob, ids = program
    today = store.clock.today()
    idea = next(i for i in ideas_for(store, anna) if i.candidate.source == "post")
    assert plan_idea(store, anna, idea, today) == ids["open"]
    post = PostRepo(store).get(ids["open"])
    assert (post.author_id, post.state) == (anna, "draft") and post.planned_on > today
    with pytest.raises(IdeaGone):
        plan_idea(store, bob, idea, today)

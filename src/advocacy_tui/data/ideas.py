"""The ideas that fit one person, read from the store, and planning one as their draft.

"Used" means: a post of theirs (in any state, dropped too: they have seen it) made from
that library item, or an entry of their involvement log about a post made from it. An open
idea is a post in the ``idea`` state that nobody has taken (no author) or that is theirs
already; planning it makes it their draft, so it is no longer open to others.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.posts import LibraryRepo, PostRepo
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ideas import (
    IDEA_KINDS,
    IDEAS_MAX,
    Candidate,
    Idea,
    Profile,
    draft_day,
    match_ideas,
)
from advocacy_tui.domain.posts import draft_from_library
from advocacy_tui.i18n import _

#: at most this many items and ideas sharing a topic are weighed (the newest)
CANDIDATES_MAX = 500


class IdeaGone(Exception):
    """The idea was taken by someone else or removed since it was shown."""

    def __init__(self) -> None:
        super().__init__(_("This idea was taken or removed in the meantime; the list is shown again."))


def profile_of(store: Store, person_id: int) -> Profile | None:
    person = AmbassadorRepo(store).get(person_id)
    if person is None:
        return None
    return Profile(person.topics, person.formats, person.languages)


def _topics_by_owner(store: Store, table: str, column: str, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    if not ids:
        return found
    rows = store.conn.execute(
        f"SELECT l.{column}, t.name FROM {table} l JOIN topics t ON t.id = l.topic_id "
        f"WHERE l.{column} IN ({', '.join('?' * len(ids))}) ORDER BY l.{column}, l.position", ids)
    for owner, name in rows:
        found.setdefault(owner, []).append(name)
    return found


def candidates(store: Store, person_id: int) -> list[Candidate]:
    """Library items worth writing about and open post ideas that share a topic with them."""
    conn = store.conn
    kinds = ", ".join(f"'{kind}'" for kind in IDEA_KINDS)
    items = conn.execute(
        "SELECT li.id, li.title, li.format, li.language, li.created_at FROM library_items li "
        f"WHERE li.kind IN ({kinds}) AND li.id IN (SELECT it.library_item_id FROM person_topics pt "
        "JOIN item_topics it ON it.topic_id = pt.topic_id WHERE pt.ambassador_id = ?) "
        "ORDER BY li.created_at DESC, li.id DESC LIMIT ?", [person_id, CANDIDATES_MAX]).fetchall()
    posts = conn.execute(
        "SELECT p.id, p.title, p.created_at FROM posts p WHERE p.state = 'idea' "
        "AND (p.author_id IS NULL OR p.author_id = ?) AND p.id IN (SELECT x.post_id FROM person_topics pt "
        "JOIN post_topics x ON x.topic_id = pt.topic_id WHERE pt.ambassador_id = ?) "
        "ORDER BY p.created_at DESC, p.id DESC LIMIT ?", [person_id, person_id, CANDIDATES_MAX]).fetchall()
    item_topics = _topics_by_owner(store, "item_topics", "library_item_id", [row[0] for row in items])
    post_topics = _topics_by_owner(store, "post_topics", "post_id", [row[0] for row in posts])
    found = [Candidate("item", id_, title, tuple(item_topics.get(id_, ())), format_, language, created)
             for id_, title, format_, language, created in items]
    found += [Candidate("post", id_, title, tuple(post_topics.get(id_, ())), created_at=created)
              for id_, title, created in posts]
    return found


def used_items(store: Store, person_id: int) -> set[int]:
    """The library items they already made a post from (or were involved in one made from)."""
    rows = store.conn.execute(
        "SELECT library_item_id FROM posts WHERE author_id = ? AND library_item_id IS NOT NULL "
        "UNION SELECT p.library_item_id FROM involvement i JOIN posts p ON p.id = i.post_id "
        "WHERE i.ambassador_id = ? AND p.library_item_id IS NOT NULL", [person_id, person_id])
    return {row[0] for row in rows}


def ideas_for(store: Store, person_id: int, limit: int = IDEAS_MAX) -> list[Idea]:
    profile = profile_of(store, person_id)
    if profile is None or not profile.topics:
        return []
    return match_ideas(profile, candidates(store, person_id), used_items(store, person_id), limit)


def plan_idea(store: Store, person_id: int, idea: Idea, today: date) -> int:
    """Plan ``idea`` as the person's draft post, in one transaction, through the posts'
    own saving (``PostRepo``): a library item becomes a new draft linked to it (with its
    topics); an open idea becomes their draft. Returns the post's id; raises IdeaGone when
    the idea is no longer there to take."""
    posts = PostRepo(store)
    with store.write():
        if idea.candidate.source == "item":
            item = LibraryRepo(store).get(idea.candidate.id)
            if item is None:
                raise IdeaGone
            post = replace(draft_from_library(item, draft_day(today)), author_id=person_id, state="draft")
            return posts.add(post)
        current = posts.get(idea.candidate.id)
        if current is None or current.state != "idea" or current.author_id not in (None, person_id):
            raise IdeaGone
        posts.update(replace(current, author_id=person_id, state="draft",
                             planned_on=draft_day(today, current.planned_on)), expected=current)
        return idea.candidate.id

"""Reading and writing ``groups`` and ``group_members``, ``campaigns`` and ``campaign_items``
(migration m016). Every action that writes is one transaction."""

from __future__ import annotations

import calendar
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from advocacy_tui.data.ambassadors import RosterQuery
from advocacy_tui.data.post_figures import _TOTALS_SQL, Totals, _totals
from advocacy_tui.data.store import ChangedMeanwhile, Store, inserted_id
from advocacy_tui.domain.groups import (
    MIN_GROUP_FOR_FIGURES,
    Campaign,
    Group,
    check_campaign_name,
    check_group_name,
    clean_name,
)
from advocacy_tui.i18n import _, pgettext

GROUP_COLUMNS = ("g.id, g.name, (SELECT count(*) FROM group_members m WHERE m.group_id = g.id), "
                 "g.created_at, g.updated_at")
CAMPAIGN_COLUMNS = "id, name, starts_on, ends_on, notes, created_at, updated_at"


class GroupError(ValueError):
    """A group or campaign that cannot be saved, in plain words."""


def _campaign(row: tuple) -> Campaign:
    id_, name, starts, ends, notes, created, updated = row
    return Campaign(id_, name, date.fromisoformat(starts), date.fromisoformat(ends), notes, created, updated)


class GroupRepo:
    """The groups of one store and who is in them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    def groups(self) -> list[Group]:
        """Every group in name order, with its number of members."""
        return [Group(*row) for row in self.conn.execute(
            f"SELECT {GROUP_COLUMNS} FROM groups g ORDER BY g.name COLLATE NOCASE, g.id")]

    def get(self, group_id: int) -> Group | None:
        row = self.conn.execute(f"SELECT {GROUP_COLUMNS} FROM groups g WHERE g.id = ?",
                                (group_id,)).fetchone()
        return Group(*row) if row else None

    def by_name(self, name: str) -> Group | None:
        row = self.conn.execute(f"SELECT {GROUP_COLUMNS} FROM groups g WHERE g.name = ? COLLATE NOCASE",
                                (clean_name(name),)).fetchone()
        return Group(*row) if row else None

    def _checked_name(self, name: str, exclude: int | None = None) -> str:
        problem = check_group_name(name)
        if problem:
            raise GroupError(problem)
        name = clean_name(name)
        row = self.conn.execute("SELECT name FROM groups WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
                                (name, exclude)).fetchone()
        if row is not None:
            raise GroupError(_("There already is a group called “{name}”.").format(name=row[0]))
        return name

    def _insert(self, name: str) -> int:
        now = self.store.now_text()
        cursor = self.conn.execute("INSERT INTO groups (name, created_at, updated_at) VALUES (?, ?, ?)",
                                   (name, now, now))
        return inserted_id(cursor)

    def add(self, name: str) -> int:
        with self.store.write():
            return self._insert(self._checked_name(name))

    def rename(self, group_id: int, name: str) -> None:
        with self.store.write():
            name = self._checked_name(name, exclude=group_id)
            self.conn.execute("UPDATE groups SET name = ?, updated_at = ? WHERE id = ?",
                              (name, self.store.now_text(), group_id))

    def delete(self, group_id: int) -> None:
        """The group goes with its list of members; the people stay on the roster."""
        with self.store.write():
            self.conn.execute("DELETE FROM groups WHERE id = ?", (group_id,))

    # -- members -------------------------------------------------------------------------

    def add_member(self, group_id: int, person_id: int) -> bool:
        """Put a person in a group; False when they were in it already."""
        with self.store.write():
            cursor = self.conn.execute(
                "INSERT OR IGNORE INTO group_members (group_id, ambassador_id, added_at) VALUES (?, ?, ?)",
                (group_id, person_id, self.store.now_text()))
        return cursor.rowcount > 0

    def add_member_to(self, name: str, person_id: int) -> tuple[int, bool, bool]:
        """Put a person in the group called ``name``, making the group when there is none:
        one action. (group id, group made now, person added now)."""
        with self.store.write():
            group = self.by_name(name)
            made = group is None
            group_id = self._insert(self._checked_name(name)) if group is None else group.id
            assert group_id is not None
            added = self.add_member(group_id, person_id)
        return group_id, made, added

    def remove_member(self, group_id: int, person_id: int) -> bool:
        with self.store.write():
            cursor = self.conn.execute("DELETE FROM group_members WHERE group_id = ? AND ambassador_id = ?",
                                       (group_id, person_id))
        return cursor.rowcount > 0

    def groups_of(self, person_id: int) -> list[Group]:
        """The groups a person is in, in name order."""
        return [Group(*row) for row in self.conn.execute(
            f"SELECT {GROUP_COLUMNS} FROM groups g JOIN group_members gm ON gm.group_id = g.id "
            "WHERE gm.ambassador_id = ? ORDER BY g.name COLLATE NOCASE, g.id", (person_id,))]

    def members(self, group_id: int, limit: int = 1000, offset: int = 0) -> list[tuple[int, str, str | None]]:
        """(id, name, email) of a group's members in name order, a page at a time."""
        return [tuple(row) for row in self.conn.execute(
            "SELECT a.id, a.name, a.email FROM group_members gm JOIN ambassadors a ON a.id = gm.ambassador_id "
            "WHERE gm.group_id = ? ORDER BY a.sort_key, a.id LIMIT ? OFFSET ?", (group_id, limit, offset))]

    def from_query(self, name: str, query: RosterQuery) -> tuple[int, int]:
        """A new group holding everyone the roster query shows (search and filters): one
        INSERT ... SELECT in one transaction, however many people that is. (id, members)."""
        where, params = query.where()
        with self.store.write():
            group_id = self._insert(self._checked_name(name))
            cursor = self.conn.execute(
                f"INSERT INTO group_members (group_id, ambassador_id, added_at) "
                f"SELECT ?, id, ? FROM ambassadors{where}", [group_id, self.store.now_text(), *params])
        return group_id, cursor.rowcount


# -- outcomes per group ------------------------------------------------------------------


@dataclass(frozen=True)
class GroupOutcome:
    """The counted figures of one group over a period: totals, never per person. ``shown``
    is False for a group too small to show (its figures would be one or two people's)."""

    group: Group
    active: int = 0  # members who published at least one post in the period
    posts: int = 0
    personal: int = 0
    posts_per_week: float = 0.0
    linkedin: Totals = Totals()

    @property
    def shown(self) -> bool:
        return self.group.members >= MIN_GROUP_FOR_FIGURES

    @property
    def personal_share(self) -> float | None:
        return self.personal / self.posts if self.posts else None


def month_span(month: str, today: date) -> tuple[date, date]:
    """The first and last day of a month (YYYY-MM); this month ends today."""
    first = date(int(month[:4]), int(month[5:7]), 1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first, min(last, today) if first <= today else last


def group_outcomes(store: Store, first: date, last: date) -> list[GroupOutcome]:
    """Per group, from ``first`` to ``last``: how many of its members published, the posts
    they published (per week, the share of personal posts) and the LinkedIn figures of
    their posts (their own exports, or the calendar post's author). The same counts as the
    goals' counted metrics, limited to the group's members."""
    conn = store.db.conn
    span = (first.isoformat(), last.isoformat())
    days = (last - first).days + 1
    counted = {gid: (active, posts, personal) for gid, active, posts, personal in conn.execute(
        "SELECT gm.group_id, count(DISTINCT p.author_id), count(*), sum(p.voice = 'personal') "
        "FROM group_members gm JOIN posts p ON p.author_id = gm.ambassador_id "
        "WHERE p.state = 'published' AND p.published_on BETWEEN ? AND ? GROUP BY gm.group_id", span)}
    figures = {gid: _totals(rest) for gid, *rest in conn.execute(
        f"SELECT gm.group_id, {_TOTALS_SQL} FROM post_analytics a LEFT JOIN posts p ON p.id = a.post_id "
        "JOIN group_members gm ON gm.ambassador_id = coalesce(a.ambassador_id, p.author_id) "
        "WHERE a.published_on BETWEEN ? AND ? GROUP BY gm.group_id", span)}
    result = []
    for group in GroupRepo(store).groups():
        active, posts, personal = counted.get(group.id, (0, 0, 0))
        result.append(GroupOutcome(group, active, posts, personal or 0,
                                   round(posts / (days / 7), 1) if days > 0 else 0.0,
                                   figures.get(group.id, Totals())))
    return result


# -- campaigns ---------------------------------------------------------------------------


class CampaignPost(NamedTuple):
    id: int
    planned_on: str | None
    state: str
    voice: str
    title: str
    author: str | None


class CampaignRepo:
    """The campaigns of one store, with their posts, library items and people."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn

    def campaigns(self) -> list[Campaign]:
        """Every campaign, the latest first."""
        return [_campaign(row) for row in self.conn.execute(
            f"SELECT {CAMPAIGN_COLUMNS} FROM campaigns ORDER BY starts_on DESC, name COLLATE NOCASE, id")]

    def get(self, campaign_id: int) -> Campaign | None:
        row = self.conn.execute(f"SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE id = ?",
                                (campaign_id,)).fetchone()
        return _campaign(row) if row else None

    def by_name(self, name: str) -> Campaign | None:
        row = self.conn.execute(f"SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE name = ? COLLATE NOCASE",
                                (clean_name(name),)).fetchone()
        return _campaign(row) if row else None

    def _check(self, campaign: Campaign) -> None:
        problem = check_campaign_name(campaign.name)
        if problem:
            raise GroupError(problem)
        if campaign.ends_on < campaign.starts_on:
            raise GroupError(_("The campaign cannot end before it starts."))
        row = self.conn.execute("SELECT name FROM campaigns WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
                                (clean_name(campaign.name), campaign.id)).fetchone()
        if row is not None:
            raise GroupError(_("There already is a campaign called “{name}”.").format(name=row[0]))

    def add(self, campaign: Campaign) -> int:
        now = self.store.now_text()
        with self.store.write():
            self._check(campaign)
            cursor = self.conn.execute(
                "INSERT INTO campaigns (name, starts_on, ends_on, notes, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (clean_name(campaign.name), campaign.starts_on.isoformat(), campaign.ends_on.isoformat(),
                 campaign.notes, now, now))
        return inserted_id(cursor)

    def update(self, campaign: Campaign, expected: Campaign | None = None) -> None:
        """Save ``campaign``; with ``expected`` refuse with ``ChangedMeanwhile`` when it was
        changed or removed elsewhere since the edit began."""
        if campaign.id is None:
            raise ValueError("update needs a campaign with an id")
        with self.store.write():
            if expected is not None and (current := self.get(campaign.id)) != expected:
                raise ChangedMeanwhile(current)
            self._check(campaign)
            self.conn.execute(
                "UPDATE campaigns SET name = ?, starts_on = ?, ends_on = ?, notes = ?, updated_at = ? "
                "WHERE id = ?",
                (clean_name(campaign.name), campaign.starts_on.isoformat(), campaign.ends_on.isoformat(),
                 campaign.notes, self.store.now_text(), campaign.id))

    def delete(self, campaign_id: int) -> None:
        """The campaign goes; its posts and library items stay (no longer in a campaign)."""
        with self.store.write():
            self.conn.execute("DELETE FROM campaigns WHERE id = ?", (campaign_id,))

    # -- what a campaign bundles ---------------------------------------------------------

    def posts(self, campaign_id: int) -> list[CampaignPost]:
        return [CampaignPost(*row) for row in self.conn.execute(
            "SELECT p.id, p.planned_on, p.state, p.voice, p.title, a.name FROM posts p "
            "LEFT JOIN ambassadors a ON a.id = p.author_id WHERE p.campaign_id = ? "
            "ORDER BY p.planned_on, p.planned_time, p.id", (campaign_id,))]

    def post_count(self, campaign_id: int) -> int:
        return self.conn.execute("SELECT count(*) FROM posts WHERE campaign_id = ?",
                                 (campaign_id,)).fetchone()[0]

    def voice_counts(self, campaign_id: int) -> Counter[str]:
        """The campaign's posts per voice, dropped ones left out (as the calendar's mix)."""
        return Counter(dict(self.conn.execute(
            "SELECT voice, count(*) FROM posts WHERE campaign_id = ? AND state != 'dropped' GROUP BY voice",
            (campaign_id,)).fetchall()))

    def people(self, campaign_id: int) -> list[tuple[int, str]]:
        """The people taking part: the authors of its posts (dropped ones left out)."""
        return [(row[0], row[1]) for row in self.conn.execute(
            "SELECT DISTINCT a.id, a.name, a.sort_key FROM posts p JOIN ambassadors a ON a.id = p.author_id "
            "WHERE p.campaign_id = ? AND p.state != 'dropped' ORDER BY a.sort_key, a.id", (campaign_id,))]

    def items(self, campaign_id: int) -> list[tuple[int, str, str, str]]:
        """(id, kind, title, file or address) of its library items (graphics among them)."""
        return [tuple(row) for row in self.conn.execute(
            "SELECT l.id, l.kind, l.title, l.location FROM campaign_items ci "
            "JOIN library_items l ON l.id = ci.library_item_id WHERE ci.campaign_id = ? "
            "ORDER BY l.kind, l.title COLLATE NOCASE, l.id", (campaign_id,))]

    def item_ids(self, campaign_id: int) -> set[int]:
        return {row[0] for row in self.conn.execute(
            "SELECT library_item_id FROM campaign_items WHERE campaign_id = ?", (campaign_id,))}

    def set_items(self, campaign_id: int, item_ids: set[int]) -> None:
        """The campaign's library items become exactly ``item_ids``: one action."""
        with self.store.write():
            self.conn.execute("DELETE FROM campaign_items WHERE campaign_id = ?", (campaign_id,))
            self.conn.executemany(
                "INSERT INTO campaign_items (campaign_id, library_item_id) VALUES (?, ?)",
                [(campaign_id, item) for item in sorted(item_ids)])

    def link_item(self, campaign_id: int, item_id: int) -> None:
        with self.store.write():
            try:
                self.conn.execute("INSERT OR IGNORE INTO campaign_items (campaign_id, library_item_id) "
                                  "VALUES (?, ?)", (campaign_id, item_id))
            except sqlite3.IntegrityError as error:  # the item or the campaign is gone
                raise GroupError(_("That library item or campaign no longer exists.")) from error


def outcome_header() -> list[str]:
    return [pgettext("by group", "Group"), pgettext("by group", "Members"), pgettext("by group", "Active"),
            pgettext("by group", "Posts a week"), pgettext("by group", "Personal"),
            pgettext("by group", "Impressions"), pgettext("by group", "Engagements")]


def outcome_cells(row: GroupOutcome) -> list[str]:
    """One group's line of the "by group" table (the Goals section and the program report):
    totals of the group; a group too small to show says so instead of its figures."""
    from advocacy_tui.formatting import format_number, format_percent

    members = format_number(row.group.members)
    if not row.shown:
        return [row.group.name, members, _("fewer than {n} people: not shown").format(n=MIN_GROUP_FOR_FIGURES),
                "", "", "", ""]
    share = row.personal_share
    shown = lambda value: format_number(value) if value is not None else "–"  # noqa: E731
    return [row.group.name, members, format_number(row.active), format_number(row.posts_per_week, 1),
            format_percent(share) if share is not None else "–", shown(row.linkedin.impressions),
            shown(row.linkedin.engagements)]

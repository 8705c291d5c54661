"""The Today screen's numbers: SQL aggregates over indexes, never whole tables in Python."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
from advocacy_tui.data.store import Store
from advocacy_tui.domain.today import (
    ACTIVE_DAYS,
    BILLBOARD_MIN_POSTS,
    BILLBOARD_SHARE,
    LEADER_STATUSES,
    MIX_DAYS,
    PERSON_MIX_DAYS,
    SILENT_LEADER_DAYS,
    ActiveShare,
    ContentMix,
    FirstStep,
    ReadinessReminder,
    chart_weeks,
    first_steps,
    readiness_reminder,
    since,
)

SAMPLE = 3  # names shown in an indicator


@dataclass(frozen=True)
class Found:
    """How many match, and the first few names."""

    count: int
    names: list[str]


@dataclass(frozen=True)
class LeadersPosting:
    """Failure 3: owners and managers taking part, who of them is silent, and who is not counted."""

    owners: int
    managers: int
    silent_owners: Found
    silent_managers: Found
    not_counted: list[tuple[str, str]] = field(default_factory=list)  # (name, status), first few
    not_counted_total: int = 0


@dataclass(frozen=True)
class Pilgrimage:
    """Failure 5: the stakeholder map as Today sees it."""

    total: int
    against: Found
    not_met: Found
    old_talks: Found


class TodayRepo:
    def __init__(self, store: Store):
        self.store = store
        self.conn = store.db.conn

    @property
    def today(self) -> date:
        return self.store.clock.today()

    def _found(self, where: str, params: tuple, index: str = "") -> Found:
        table = f"ambassadors a INDEXED BY {index}" if index else "ambassadors a"
        # the condition is evaluated once, for the count and the first names alike
        rows = self.conn.execute(
            f"WITH hits AS MATERIALIZED (SELECT a.name, a.sort_key FROM {table} WHERE {where}) "
            f"SELECT (SELECT count(*) FROM hits), name FROM hits ORDER BY sort_key LIMIT {SAMPLE}", params
        ).fetchall()
        return Found(rows[0][0] if rows else 0, [row[1] for row in rows])

    def people(self) -> int:
        # everyone minus the few who left: both counts read an index's page counts, where
        # "status != 'left'" walks the whole status index (9 ms at 100k, now under 2)
        return self.conn.execute("SELECT (SELECT count(*) FROM ambassadors) - (SELECT count(*) "
                                 "FROM ambassadors WHERE status = 'left')").fetchone()[0]

    def onboarding(self) -> int:
        return self.conn.execute("SELECT count(*) FROM ambassadors WHERE status = 'onboarding'").fetchone()[0]

    def actives(self) -> int:
        return self.conn.execute("SELECT count(*) FROM ambassadors WHERE status = 'active'").fetchone()[0]

    def _roster(self, query: RosterQuery) -> Found:
        """The roster's own filter (same rule, same indexes as the roster screen)."""
        repo = AmbassadorRepo(self.store)
        count = repo.count(query)
        names = [row.name for row in repo.page(query, 0, SAMPLE)] if count else []
        return Found(count, names)

    def stuck(self) -> Found:
        """Stuck in onboarding, as the roster's filter defines it (domain.onboarding)."""
        return self._roster(RosterQuery(stuck=True, today=self.today))

    def quiet(self) -> Found:
        """Gone quiet, as the roster's filter defines it (domain.involvement)."""
        return self._roster(RosterQuery(quiet=True, today=self.today))

    def leaders(self) -> int:
        return self.conn.execute(
            # The role index always: with table statistics SQLite may choose to scan them all.
            "SELECT count(*) FROM ambassadors INDEXED BY ambassadors_by_role "
            "WHERE role IN ('owner', 'manager') AND status != 'left'"
        ).fetchone()[0]

    def silent_leaders(self) -> Found:
        """Owners and managers with no published post in the last 30 days."""
        where = (
            "a.role IN ('owner', 'manager') AND a.status != 'left' AND NOT EXISTS (SELECT 1 FROM posts p "
            "WHERE p.author_id = a.id AND p.state = 'published' AND p.published_on >= ?)"
        )
        return self._found(where, (since(self.today, SILENT_LEADER_DAYS).isoformat(),), "ambassadors_by_role")

    def leaders_posting(self) -> LeadersPosting:
        """Owners apart from managers; only those taking part (domain.today.counts_as_leader) count."""
        statuses = ", ".join(f"'{status}'" for status in LEADER_STATUSES)
        start = since(self.today, SILENT_LEADER_DAYS).isoformat()
        silent = ("NOT EXISTS (SELECT 1 FROM posts p WHERE p.author_id = a.id AND p.state = 'published' "
                  "AND p.published_on >= ?)")

        def taking_part(role: str) -> int:
            return self.conn.execute(
                f"SELECT count(*) FROM ambassadors INDEXED BY ambassadors_by_role "
                f"WHERE role = ? AND status IN ({statuses})", (role,)
            ).fetchone()[0]

        outside = f"a.role IN ('owner', 'manager') AND a.status NOT IN ({statuses}) AND a.status != 'left'"
        leaders = "ambassadors a INDEXED BY ambassadors_by_role"  # the few leaders, never all people
        total = self.conn.execute(f"SELECT count(*) FROM {leaders} WHERE {outside}").fetchone()[0]
        rows = self.conn.execute(
            f"SELECT a.name, a.status FROM {leaders} WHERE {outside} ORDER BY a.sort_key LIMIT {SAMPLE}"
        ).fetchall() if total else []
        return LeadersPosting(
            owners=taking_part("owner"),
            managers=taking_part("manager"),
            silent_owners=self._found(f"a.role = 'owner' AND a.status IN ({statuses}) AND {silent}", (start,),
                                      "ambassadors_by_role"),
            silent_managers=self._found(f"a.role = 'manager' AND a.status IN ({statuses}) AND {silent}",
                                        (start,), "ambassadors_by_role"),
            not_counted=[(name, status) for name, status in rows],
            not_counted_total=total,
        )

    def billboards(self) -> Found:
        """People whose own posts are mostly company voice (domain.today.is_billboard), in SQL."""
        start = since(self.today, PERSON_MIX_DAYS).isoformat()
        where = (
            # the covering index of the range: by author, SQLite would read every post of the table
            "a.status != 'left' AND a.id IN (SELECT p.author_id FROM posts p INDEXED BY posts_mix_by_day "
            "WHERE p.author_id IS NOT NULL "
            "AND p.state != 'dropped' AND p.planned_on >= ? GROUP BY p.author_id "
            f"HAVING count(*) >= {BILLBOARD_MIN_POSTS} "
            f"AND sum(p.voice = 'company') > count(*) * {BILLBOARD_SHARE})"
        )
        return self._found(where, (start,))

    def person_mix(self, ambassador_id: int) -> dict[str, int]:
        """One person's own posts by voice, counted the way ``billboards`` counts them."""
        rows = self.conn.execute(
            "SELECT voice, count(*) FROM posts WHERE author_id = ? AND state != 'dropped' "
            "AND planned_on >= ? GROUP BY voice ORDER BY count(*) DESC, voice",
            (ambassador_id, since(self.today, PERSON_MIX_DAYS).isoformat()),
        ).fetchall()
        return dict(rows)

    def pilgrimage(self, stale_days: int) -> Pilgrimage:
        """Stakeholders against, not met yet, and talks older than ``stale_days`` (domain.today.talk_is_old)."""

        def found(where: str, params: tuple = ()) -> Found:
            count = self.conn.execute(f"SELECT count(*) FROM stakeholders WHERE {where}", params).fetchone()[0]
            names = [row[0] for row in self.conn.execute(
                f"SELECT name FROM stakeholders WHERE {where} ORDER BY name COLLATE NOCASE, id LIMIT {SAMPLE}",
                params).fetchall()] if count else []
            return Found(count, names)

        cutoff = (self.today - timedelta(days=stale_days)).isoformat()
        total = self.conn.execute("SELECT count(*) FROM stakeholders").fetchone()[0]
        return Pilgrimage(
            total=total,
            against=found("stance = 'against'"),
            not_met=found("stance = 'not_met'"),
            old_talks=found("last_talk IS NOT NULL AND last_talk < ?", (cutoff,)),
        )

    def content_mix(self) -> ContentMix:
        rows = self.conn.execute(
            "SELECT voice, count(*) FROM posts INDEXED BY posts_published_by_day "
            "WHERE state = 'published' AND published_on >= ? AND published_on <= ? GROUP BY voice",
            (since(self.today, MIX_DAYS).isoformat(), self.today.isoformat()),
        ).fetchall()
        return ContentMix(dict(rows))

    def active_share(self) -> ActiveShare:
        """People (not those who left) with involvement or a published post lately.

        Everyone active, minus those of them who left: the few who left are looked up on
        the status index, instead of looking up the status of each of thousands of actives.
        Every id found exists (involvement is deleted with its person, posts lose their author).
        """
        start = since(self.today, ACTIVE_DAYS).isoformat()
        active = self.conn.execute(
            "WITH recent(id) AS MATERIALIZED (SELECT i.ambassador_id FROM involvement i "
            "WHERE i.happened_on >= ? UNION SELECT p.author_id FROM posts p INDEXED BY "
            "posts_published_by_day WHERE p.state = 'published' AND p.published_on >= ? "
            "AND p.author_id IS NOT NULL) "
            "SELECT (SELECT count(*) FROM recent) - (SELECT count(*) FROM ambassadors a INDEXED BY "
            "ambassadors_by_status WHERE a.status = 'left' AND a.id IN (SELECT id FROM recent))",
            (start, start),
        ).fetchone()[0]
        return ActiveShare(active, self.people())

    def planned_posts(self) -> tuple[int, int]:
        """(today, rest of this week) posts planned and not yet published or dropped."""
        today = self.today
        sunday = today + timedelta(days=6 - today.weekday())
        row = self.conn.execute(
            "SELECT count(*) FILTER (WHERE planned_on = ?), count(*) FILTER (WHERE planned_on > ?) "
            "FROM posts WHERE planned_on >= ? AND planned_on <= ? AND state NOT IN ('published', 'dropped')",
            (today.isoformat(), today.isoformat(), today.isoformat(), sunday.isoformat()),
        ).fetchone()
        return row[0], row[1]

    def any_posts(self) -> bool:
        return self.conn.execute("SELECT 1 FROM posts LIMIT 1").fetchone() is not None

    def published_per_week(self) -> list[tuple[date, int]]:
        weeks = chart_weeks(self.today)
        # Counted by day on the index, summed into weeks here: the Monday of each of
        # thousands of posts in SQL took ten times as long.
        per_week = dict.fromkeys(weeks, 0)
        for day_text, count in self.conn.execute(
            "SELECT date(published_on), count(*) FROM posts WHERE state = 'published' AND published_on >= ? "
            "AND published_on <= ? GROUP BY published_on",
            (weeks[0].isoformat(), self.today.isoformat()),
        ):
            if day_text is None:
                continue
            day = date.fromisoformat(day_text)
            monday = day - timedelta(days=day.weekday())
            if monday in per_week:
                per_week[monday] += count
        return list(per_week.items())

    def first_steps(self) -> list[FirstStep]:
        """The owner's first steps while any is left (three small look-ups)."""
        conn = self.conn
        has_people = conn.execute("SELECT 1 FROM ambassadors LIMIT 1").fetchone() is not None
        readiness_done = conn.execute(
            "SELECT 1 FROM readiness_runs WHERE finished_at IS NOT NULL LIMIT 1").fetchone() is not None
        row = conn.execute("SELECT value FROM settings WHERE key = 'owner_hours_per_week'").fetchone()
        hours_set = bool(row and row[0].strip())
        return first_steps(has_people, readiness_done, hours_set)

    def readiness(self) -> ReadinessReminder:
        """When the latest finished readiness check said to check again, and how old it is."""
        row = self.conn.execute(
            "SELECT finished_at, verdict FROM readiness_runs WHERE finished_at IS NOT NULL "
            "ORDER BY finished_at DESC, id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return readiness_reminder(None, None, self.today)
        try:
            finished = date.fromisoformat(row[0][:10])
        except (TypeError, ValueError):
            return readiness_reminder(None, None, self.today)
        return readiness_reminder(finished, row[1], self.today)

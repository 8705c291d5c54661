"""The Today screen's numbers: SQL aggregates over indexes, never whole tables in Python."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
from advocacy_tui.data.store import Store
from advocacy_tui.domain.today import (
    ACTIVE_DAYS,
    MIX_DAYS,
    SILENT_LEADER_DAYS,
    ActiveShare,
    ContentMix,
    chart_weeks,
    since,
)

SAMPLE = 3  # names shown in an indicator


@dataclass(frozen=True)
class Found:
    """How many match, and the first few names."""

    count: int
    names: list[str]


class TodayRepo:
    def __init__(self, store: Store):
        self.store = store
        self.conn = store.db.conn

    @property
    def today(self) -> date:
        return self.store.clock.today()

    def _found(self, where: str, params: tuple, index: str = "") -> Found:
        table = f"ambassadors a INDEXED BY {index}" if index else "ambassadors a"
        count = self.conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]
        names = [row[0] for row in self.conn.execute(
            f"SELECT a.name FROM {table} WHERE {where} ORDER BY a.sort_key LIMIT {SAMPLE}", params
        ).fetchall()] if count else []
        return Found(count, names)

    def people(self) -> int:
        return self.conn.execute("SELECT count(*) FROM ambassadors WHERE status != 'left'").fetchone()[0]

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
        rows = dict(self.conn.execute(
            "SELECT date(published_on, '-' || ((CAST(strftime('%w', published_on) AS INTEGER) + 6) % 7) "
            "|| ' days') AS monday, count(*) FROM posts WHERE state = 'published' AND published_on >= ? "
            "AND published_on <= ? GROUP BY monday",
            (weeks[0].isoformat(), self.today.isoformat()),
        ).fetchall())
        return [(monday, rows.get(monday.isoformat(), 0)) for monday in weeks]

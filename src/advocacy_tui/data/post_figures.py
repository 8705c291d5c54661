"""The figures of the LinkedIn analytics imports (table ``post_analytics``), summed: per
month for the whole program, per voice, and one person's own for their detail view only.
Light to import (the roster reads a person's figures); the file reading is in analytics.py.
Nothing here lists people by their figures."""

from __future__ import annotations

from dataclasses import dataclass

from advocacy_tui.data.store import Store

#: The figures a row can hold, in the table's column order.
METRICS: tuple[str, ...] = ("impressions", "reactions", "comments", "reposts", "clicks", "engagements")
#: The figures ``monthly_totals`` sums; "engagements" is the member's own figure, or reactions +
#: comments + reposts where a company export gives those.
TOTAL_METRICS: tuple[str, ...] = METRICS


def _metric_sql(metric: str, table: str = "a") -> str:
    if metric not in TOTAL_METRICS:
        raise ValueError(f"unknown metric {metric!r}; one of {', '.join(TOTAL_METRICS)}")
    if metric == "engagements":
        return (f"coalesce({table}.engagements, "
                f"{table}.reactions + {table}.comments + {table}.reposts)")
    return f"{table}.{metric}"


def monthly_totals(store: Store, metric: str) -> list[tuple[str, float]]:
    """[("2026-03", 1234.0), ...]: ``metric`` summed over the whole program per month of
    publishing, in month order; months without a figure are left out."""
    column = _metric_sql(metric)
    return [(month, float(total)) for month, total in store.db.conn.execute(
        f"SELECT substr(a.published_on, 1, 7) AS month, sum({column}) FROM post_analytics a "
        f"WHERE {column} IS NOT NULL GROUP BY month ORDER BY month")]


@dataclass(frozen=True)
class Totals:
    """Figures summed over some rows; None where no row gave that figure."""

    posts: int = 0
    impressions: int | None = None
    reactions: int | None = None
    comments: int | None = None
    reposts: int | None = None
    clicks: int | None = None
    engagements: int | None = None


_TOTALS_SQL = ("count(DISTINCT a.post_url), " + ", ".join(f"sum({_metric_sql(m)})" for m in TOTAL_METRICS))


def _totals(row: tuple) -> Totals:
    return Totals(row[0], *row[1:])


def totals_by_voice(store: Store) -> dict[str, Totals]:
    """The figures of the posts matched to the calendar, per voice of the post (personal,
    expert, company, ...), in the order of the voices' names. Figures not matched to a
    calendar post are under "" (they have no voice)."""
    return {voice: _totals(rest) for voice, *rest in store.db.conn.execute(
        f"SELECT ifnull(p.voice, ''), {_TOTALS_SQL} FROM post_analytics a "
        "LEFT JOIN posts p ON p.id = a.post_id GROUP BY 1 ORDER BY 1")}


def person_totals(store: Store, ambassador_id: int) -> Totals:
    """The figures of one person's own export, for their own detail view only (the program
    never ranks people: there is deliberately no function that lists people by figures)."""
    row = store.db.conn.execute(
        f"SELECT {_TOTALS_SQL} FROM post_analytics a WHERE a.ambassador_id = ?", (ambassador_id,)).fetchone()
    return _totals(row)

"""The recruitment funnel of a store: counts by status, recommended candidates and the
invitation waves, each one SQL aggregate (a roster of 100,000 stays quick)."""

from __future__ import annotations

from datetime import date

from advocacy_tui.data.settings import SettingsRepo
from advocacy_tui.data.store import Store
from advocacy_tui.domain.funnel import STAGES, Funnel, Wave

WAVES_SHOWN = 12


def funnel(store: Store, waves: int = WAVES_SHOWN) -> Funnel:
    conn = store.db.conn
    marks = ", ".join("?" * len(STAGES))
    counts = dict(conn.execute(
        f"SELECT status, count(*) FROM ambassadors WHERE status IN ({marks}) GROUP BY status",
        STAGES).fetchall())
    recommended = conn.execute(
        "SELECT count(*) FROM ambassadors WHERE status = 'candidate' AND recommended_by != ''"
    ).fetchone()[0]
    rows = conn.execute(
        "SELECT invited_on, count(*), sum(status = 'active') FROM ambassadors "
        "WHERE invited_on IS NOT NULL GROUP BY invited_on ORDER BY invited_on DESC LIMIT ?",
        (waves + 1,)).fetchall()
    older = 0
    if len(rows) > waves:
        rows = rows[:waves]
        older = conn.execute(
            "SELECT count(DISTINCT invited_on) FROM ambassadors WHERE invited_on IS NOT NULL"
        ).fetchone()[0] - waves
    return Funnel(
        counts={stage: counts.get(stage, 0) for stage in STAGES},
        employees=SettingsRepo(store).employees(),
        candidates_recommended=recommended,
        waves=tuple(Wave(date.fromisoformat(day), invited, active or 0) for day, invited, active in rows),
        older_waves=older,
    )

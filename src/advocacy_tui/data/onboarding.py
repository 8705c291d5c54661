"""Reading and writing each ambassador's onboarding checklist (``onboarding_steps``).

Triggers of migration 3 keep ``ambassadors.onboarding_done`` and ``last_step_on`` right.
"""

from __future__ import annotations

from datetime import date

from advocacy_tui.data.store import Store
from advocacy_tui.domain.onboarding import STEPS
from advocacy_tui.i18n import _


class OnboardingRepo:
    def __init__(self, store: Store):
        self.store = store
        self.conn = store.db.conn

    def steps(self, ambassador_id: int) -> dict[str, date]:
        """The steps done, with the day each was done."""
        rows = self.conn.execute(
            "SELECT step, done_on FROM onboarding_steps WHERE ambassador_id = ?", (ambassador_id,)
        ).fetchall()
        return {step: date.fromisoformat(done_on) for step, done_on in rows}

    def tick(self, ambassador_id: int, step: str, on: date | None = None) -> None:
        """Mark a step done (today unless ``on`` is given); ticking again keeps the first date."""
        if step not in STEPS:
            raise ValueError(_("Unknown onboarding step: {step}.").format(step=repr(step)))
        on = on or self.store.clock.today()
        with self.store.write():
            self.conn.execute(
                "INSERT OR IGNORE INTO onboarding_steps (ambassador_id, step, done_on) VALUES (?, ?, ?)",
                (ambassador_id, step, on.isoformat()),
            )

    def untick(self, ambassador_id: int, step: str) -> None:
        with self.store.write():
            self.conn.execute(
                "DELETE FROM onboarding_steps WHERE ambassador_id = ? AND step = ?",
                (ambassador_id, step),
            )

    def toggle(self, ambassador_id: int, step: str) -> bool:
        """Tick an open step (today) or untick a done one; returns True when now done."""
        with self.store.write():
            done = self.conn.execute(
                "SELECT 1 FROM onboarding_steps WHERE ambassador_id = ? AND step = ?",
                (ambassador_id, step),
            ).fetchone()
            if done:
                self.untick(ambassador_id, step)
            else:
                self.tick(ambassador_id, step)
        return not done

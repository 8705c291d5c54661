"""Reading and writing the involvement log (``involvement``).

Triggers of migration 3 keep ``ambassadors.last_active`` right.
"""

from __future__ import annotations

from datetime import date

from advocacy_tui.data.store import Store, inserted_id
from advocacy_tui.domain.involvement import KINDS, Involvement
from advocacy_tui.i18n import _

LOG_LIMIT = 200


def _from_row(row: tuple) -> Involvement:
    id_, ambassador_id, kind, happened_on, note, created_at = row
    return Involvement(id_, ambassador_id, kind, date.fromisoformat(happened_on), note, created_at)


class InvolvementRepo:
    def __init__(self, store: Store):
        self.store = store
        self.conn = store.db.conn

    def add(self, entry: Involvement) -> int:
        if entry.kind not in KINDS:
            raise ValueError(_("Unknown kind of involvement: {kind}.").format(kind=repr(entry.kind)))
        with self.store.write():
            cursor = self.conn.execute(
                "INSERT INTO involvement (ambassador_id, kind, happened_on, note, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (entry.ambassador_id, entry.kind, entry.happened_on.isoformat(), entry.note,
                 self.store.now_text()),
            )
        return inserted_id(cursor)

    def delete(self, entry_id: int) -> None:
        with self.store.write():
            self.conn.execute("DELETE FROM involvement WHERE id = ?", (entry_id,))

    def get(self, entry_id: int) -> Involvement | None:
        row = self.conn.execute(
            "SELECT id, ambassador_id, kind, happened_on, note, created_at FROM involvement "
            "WHERE id = ?", (entry_id,)
        ).fetchone()
        return _from_row(row) if row else None

    def for_person(self, ambassador_id: int, limit: int = LOG_LIMIT) -> list[Involvement]:
        """The newest entries first (at most ``limit``)."""
        rows = self.conn.execute(
            "SELECT id, ambassador_id, kind, happened_on, note, created_at FROM involvement "
            "WHERE ambassador_id = ? ORDER BY happened_on DESC, id DESC LIMIT ?",
            (ambassador_id, limit),
        ).fetchall()
        return [_from_row(row) for row in rows]

    def count_for(self, ambassador_id: int) -> int:
        return self.conn.execute(
            "SELECT count(*) FROM involvement WHERE ambassador_id = ?", (ambassador_id,)
        ).fetchone()[0]

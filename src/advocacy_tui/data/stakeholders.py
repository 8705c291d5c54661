"""Reading and writing the stakeholder map (``stakeholders``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from advocacy_tui.data.store import ChangedMeanwhile, Store, inserted_id
from advocacy_tui.domain.stakeholders import KIND_LABELS, STANCE_LABELS, Stakeholder
from advocacy_tui.i18n import _

COLUMNS = "id, name, kind, stance, last_talk, next_step, notes, created_at, updated_at"

SORTS: dict[str, str] = {
    "name": "name COLLATE NOCASE {dir}, id {dir}",
    "kind": "kind COLLATE NOCASE {dir}, name COLLATE NOCASE, id",
    "stance": "stance {dir}, name COLLATE NOCASE, id",
    "last_talk": "last_talk IS NULL, last_talk {dir}, name COLLATE NOCASE, id",
}


@dataclass(frozen=True)
class StakeholderQuery:
    """What the stakeholder map shows: a search text, stance filter and a sort order."""

    text: str = ""
    stances: tuple[str, ...] = ()
    sort: str = "name"
    descending: bool = False

    def where(self) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        needle = self.text.strip()
        if needle:
            # Stakeholder maps are small (tens of rows): a LIKE over a few columns is enough.
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            columns = ("name", "kind", "next_step", "notes")
            clauses.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
            params.extend([f"%{escaped}%"] * len(columns))
        if self.stances:
            clauses.append(f"stance IN ({', '.join('?' * len(self.stances))})")
            params.extend(self.stances)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def order(self) -> str:
        template = SORTS.get(self.sort, SORTS["name"])
        return " ORDER BY " + template.format(dir="DESC" if self.descending else "ASC")

    def with_text(self, text: str) -> StakeholderQuery:
        return replace(self, text=text)

    def describe_filters(self) -> str:
        if not self.stances:
            return ""
        return _("stance {stances}").format(stances=_(" or ").join(STANCE_LABELS[s] for s in self.stances))


def _from_row(row: tuple) -> Stakeholder:
    id_, name, kind, stance, last_talk, next_step, notes, created, updated = row
    return Stakeholder(id_, name, kind, stance, date.fromisoformat(last_talk) if last_talk else None,
                       next_step, notes, created, updated)


class StakeholderRepo:
    def __init__(self, store: Store):
        self.store = store
        self.conn = store.db.conn

    def _values(self, s: Stakeholder) -> dict[str, object]:
        return {
            "name": s.name,
            "kind": s.kind,
            "stance": s.stance,
            "last_talk": s.last_talk.isoformat() if s.last_talk else None,
            "next_step": s.next_step,
            "notes": s.notes,
        }

    def add(self, stakeholder: Stakeholder) -> int:
        values = self._values(stakeholder)
        values["created_at"] = values["updated_at"] = self.store.now_text()
        columns = ", ".join(values)
        marks = ", ".join(f":{key}" for key in values)
        with self.store.write():
            cursor = self.conn.execute(f"INSERT INTO stakeholders ({columns}) VALUES ({marks})", values)
        return inserted_id(cursor)

    def update(self, stakeholder: Stakeholder, expected: Stakeholder | None = None) -> None:
        """Save ``stakeholder``. With ``expected`` (the version the edit started from), refuse with
        ``ChangedMeanwhile`` when the row now differs from it or is gone: checked and written
        in one transaction, so another window's save is never overwritten unseen."""
        if stakeholder.id is None:
            raise ValueError("update needs a stakeholder with an id")
        values = self._values(stakeholder)
        values["updated_at"] = self.store.now_text()
        assignments = ", ".join(f"{key} = :{key}" for key in values)
        values["id"] = stakeholder.id
        with self.store.write():
            if expected is not None and (current := self.get(stakeholder.id)) != expected:
                raise ChangedMeanwhile(current)
            self.conn.execute(f"UPDATE stakeholders SET {assignments} WHERE id = :id", values)

    def delete(self, stakeholder_id: int) -> None:
        with self.store.write():
            self.conn.execute("DELETE FROM stakeholders WHERE id = ?", (stakeholder_id,))

    def get(self, stakeholder_id: int) -> Stakeholder | None:
        row = self.conn.execute(
            f"SELECT {COLUMNS} FROM stakeholders WHERE id = ?", (stakeholder_id,)
        ).fetchone()
        return _from_row(row) if row else None

    def total(self) -> int:
        return self.conn.execute("SELECT count(*) FROM stakeholders").fetchone()[0]

    def count(self, query: StakeholderQuery) -> int:
        where, params = query.where()
        return self.conn.execute(f"SELECT count(*) FROM stakeholders{where}", params).fetchone()[0]

    def page(self, query: StakeholderQuery, offset: int, limit: int) -> list[Stakeholder]:
        where, params = query.where()
        rows = self.conn.execute(
            f"SELECT {COLUMNS} FROM stakeholders{where}{query.order()} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [_from_row(row) for row in rows]

    def position(self, query: StakeholderQuery, stakeholder_id: int) -> int | None:
        where, params = query.where()
        row = self.conn.execute(
            f"SELECT pos FROM (SELECT id, row_number() OVER ({query.order()[1:]}) - 1 AS pos "
            f"FROM stakeholders{where}) WHERE id = ?",
            [*params, stakeholder_id],
        ).fetchone()
        return row[0] if row else None

    def kinds(self) -> list[str]:
        """Known kinds first, then the free-text kinds in use."""
        used = [row[0] for row in self.conn.execute(
            "SELECT DISTINCT kind FROM stakeholders ORDER BY kind COLLATE NOCASE")]
        return list(KIND_LABELS) + [kind for kind in used if kind not in KIND_LABELS]



def next_step_task(store: Store, stakeholder: Stakeholder, due: date) -> bool:
    """The stakeholder's next step, given a date, as one of the owner's tasks (a meeting).

    Returns False when the step is empty or the same task is already open.
    """
    step = stakeholder.next_step.strip()
    if not step:
        return False
    title = f"{stakeholder.name}: {step}"
    with store.write():
        conn = store.db.conn
        if conn.execute("SELECT 1 FROM tasks WHERE title = ? AND done_at IS NULL", (title,)).fetchone():
            return False
        now = store.now_text()
        conn.execute(
            "INSERT INTO tasks (title, category, due_on, estimate_minutes, notes, created_at, updated_at) "
            "VALUES (?, 'meetings', ?, 30, ?, ?, ?)",
            (title, due.isoformat(), "From the stakeholder map.", now, now),
        )
    return True

"""Reading and writing the ``ambassadors`` table."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple

from advocacy_tui.data.store import ChangedMeanwhile, Store, inserted_id
from advocacy_tui.data.topics import set_topics, topics_of
from advocacy_tui.domain.ambassadors import (
    ROLE_LABELS,
    STATUS_LABELS,
    Ambassador,
    changed_fields,
    invitation_day,
)
from advocacy_tui.domain.dates import format_date
from advocacy_tui.domain.involvement import QUIET_DAYS, quiet_cutoff
from advocacy_tui.domain.onboarding import STUCK_DAYS, OnboardingState, stuck_cutoff
from advocacy_tui.domain.text import fold
from advocacy_tui.domain.topics import LANGUAGE_LABELS
from advocacy_tui.i18n import _

SORTS: dict[str, str] = {
    "name": "sort_key {dir}, id {dir}",
    "role": "role {dir}, sort_key, id",
    "department": "department COLLATE NOCASE {dir}, sort_key, id",
    "status": "status {dir}, sort_key, id",
}

COLUMNS = ("id, name, email, department, role, status, linkedin, joined, notes, created_at, updated_at, "
           "formats, languages, thanks_by_name, recommended_by, invited_on")


class RosterRow(NamedTuple):
    id: int
    name: str
    role: str
    department: str
    status: str
    email: str | None
    onboarding_done: int = 0
    last_step_on: str | None = None
    last_active: str | None = None
    joined: str | None = None
    created_on: str | None = None

    @property
    def onboarding(self) -> OnboardingState:
        """What the onboarding rules need, read from the summary columns."""
        return OnboardingState(self.status, self.onboarding_done, _day(self.last_step_on),
                               _day(self.joined), _day(self.created_on))

    @property
    def last_active_on(self) -> date | None:
        return _day(self.last_active)

    @property
    def since(self) -> date | None:
        """The day they joined (or were added): a newcomer is not "quiet" yet."""
        return _day(self.joined) or _day(self.created_on)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


ROW_COLUMNS = (
    "id, name, role, department, status, email, onboarding_done, last_step_on, last_active, "
    "joined, substr(created_at, 1, 10)"
)

# The same expressions as the partial indexes of migration 3 (so SQLite can use them).
STUCK_SQL = (
    "status = 'onboarding' AND onboarding_done < 6 "
    "AND coalesce(last_step_on, joined, substr(created_at, 1, 10)) <= ?"
)
# quiet: no entry lately, and not a newcomer (joined or added lately): domain.involvement.is_quiet
QUIET_SQL = ("status IN ('onboarding', 'active') AND (last_active IS NULL OR last_active < ?) "
             "AND coalesce(last_active, joined, substr(created_at, 1, 10)) < ?")


@dataclass(frozen=True)
class RosterQuery:
    """What the roster shows: a search text, filters and a sort order."""

    text: str = ""
    sort: str = "name"
    descending: bool = False
    roles: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    stuck: bool = False
    quiet: bool = False
    group_id: int | None = None  # only the members of this group (data/groups.py)
    group_name: str = ""  # its name, for the filter line
    language: str = ""  # one language key (domain/topics.py): people who write in it
    joined_from: date | None = None  # joined on or after (a cohort)
    joined_to: date | None = None  # joined on or before
    today: date | None = None  # needed by the stuck and quiet filters
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def where(self) -> tuple[str, list[object]]:
        """The SQL that follows ``FROM ambassadors`` (an index hint and/or a WHERE) and its
        parameters."""
        clauses: list[str] = []
        params: list[object] = []
        needle = fold(self.text.strip())
        if len(needle) >= 3:  # the trigram index (migration m004_roster_search) finds substrings
            clauses.append("+id IN (SELECT rowid FROM ambassadors_search WHERE ambassadors_search MATCH ?)")
            params.append('"' + needle.replace('"', '""') + '"')
        elif needle:
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("search_text LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
        if self.roles:
            clauses.append(f"role IN ({', '.join('?' * len(self.roles))})")
            params.extend(self.roles)
        if self.statuses:
            clauses.append(f"status IN ({', '.join('?' * len(self.statuses))})")
            params.extend(self.statuses)
        if self.departments:
            marks = ", ".join("?" * len(self.departments))
            clauses.append(f"department COLLATE NOCASE IN ({marks})")
            params.extend(self.departments)
        if self.group_id is not None:
            clauses.append("id IN (SELECT ambassador_id FROM group_members WHERE group_id = ?)")
            params.append(self.group_id)
        if self.language:  # stored as "pl, en"
            clauses.append("instr(', ' || languages || ',', ?) > 0")
            params.append(f", {self.language},")
        if self.joined_from is not None:
            clauses.append("joined >= ?")
            params.append(self.joined_from.isoformat())
        if self.joined_to is not None:
            clauses.append("joined <= ?")
            params.append(self.joined_to.isoformat())
        if self.stuck or self.quiet:
            if self.today is None:
                raise ValueError("the stuck and quiet filters need today's date")
            if self.stuck:
                clauses.append(STUCK_SQL)
                params.append(stuck_cutoff(self.today).isoformat())
            if self.quiet:
                clauses.append(QUIET_SQL)
                params += [quiet_cutoff(self.today).isoformat()] * 2
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return self._index_hint() + where, params

    def _index_hint(self) -> str:
        """SQLite would pick the status index for stuck/quiet and sort thousands of rows;
        the partial indexes of migration 3 give name order for free."""
        if self.departments or not (self.stuck or self.quiet):
            return ""
        return " INDEXED BY ambassadors_stuck" if self.stuck else " INDEXED BY ambassadors_quiet"

    def order(self) -> str:
        template = SORTS.get(self.sort, SORTS["name"])
        return " ORDER BY " + template.format(dir="DESC" if self.descending else "ASC")

    def with_text(self, text: str) -> RosterQuery:
        return replace(self, text=text)

    @property
    def has_filters(self) -> bool:
        """Any filter besides the search text."""
        return bool(self.roles or self.statuses or self.departments or self.stuck or self.quiet
                    or self.group_id is not None or self.language or self.joined_from or self.joined_to)

    def without_filters(self) -> RosterQuery:
        return replace(self, roles=(), statuses=(), departments=(), stuck=False, quiet=False,
                       group_id=None, group_name="", language="", joined_from=None, joined_to=None)

    def describe_filters(self) -> str:
        """The active filters in words, e.g. ``role Manager · stuck 14+ days``."""
        parts: list[str] = []
        either = _(" or ")
        if self.roles:
            parts.append(_("role {roles}").format(
                roles=either.join(ROLE_LABELS.get(r, r) for r in self.roles)))
        if self.statuses:
            parts.append(_("status {statuses}").format(
                statuses=either.join(STATUS_LABELS.get(s, s) for s in self.statuses)))
        if self.departments:
            parts.append(_("department {departments}").format(departments=either.join(self.departments)))
        if self.group_id is not None:
            parts.append(_("group {group}").format(group=self.group_name or "?"))
        if self.language:
            parts.append(_("language {language}").format(language=LANGUAGE_LABELS.get(self.language, self.language)))
        if self.joined_from or self.joined_to:
            first = format_date(self.joined_from) if self.joined_from else "…"
            last = format_date(self.joined_to) if self.joined_to else "…"
            parts.append(_("joined {first} – {last}").format(first=first, last=last))
        if self.stuck:
            parts.append(_("stuck {days}+ days").format(days=STUCK_DAYS))
        if self.quiet:
            parts.append(_("quiet {days}+ days").format(days=QUIET_DAYS))
        return " · ".join(parts)


_fold_word = functools.lru_cache(maxsize=1 << 16)(fold)


def _fold(value: str | None) -> str:
    """fold(value), word by word through a cache: names and departments repeat their words
    (an import of 100,000 people folds a few thousand distinct ones). The same result, as
    folding never joins or moves letters across a space."""
    if not value or value.isascii():
        return fold(value)
    return " ".join(map(_fold_word, value.split(" ")))


def _keys(ambassador: Ambassador) -> tuple[str, str]:
    sort_key = _fold(ambassador.name)
    search = " ".join(
        part for part in (sort_key, fold(ambassador.email), _fold(ambassador.department)) if part
    )
    return sort_key, search


def keys_text(keys: tuple[str, ...]) -> str:
    """Formats or languages as stored: "text, video" (empty: any)."""
    return ", ".join(keys)


def _keys_of(text: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(",") if part.strip())


def _from_row(row: tuple, topics: tuple[str, ...] = ()) -> Ambassador:
    (id_, name, email, department, role, status, linkedin, joined, notes, created, updated,
     formats, languages, thanks, recommended_by, invited_on) = row
    return Ambassador(
        id=id_,
        name=name,
        email=email,
        department=department,
        role=role,
        status=status,
        linkedin=linkedin,
        joined=date.fromisoformat(joined) if joined else None,
        notes=notes,
        created_at=created,
        updated_at=updated,
        topics=topics,
        formats=_keys_of(formats),
        languages=_keys_of(languages),
        thanks_by_name=bool(thanks),
        recommended_by=recommended_by,
        invited_on=date.fromisoformat(invited_on) if invited_on else None,
    )


class AmbassadorRepo:
    """The ambassadors of one store."""

    def __init__(self, store: Store):
        self.store = store
        self.conn = store.conn
        self._total: tuple[tuple[int, int], int] | None = None

    def _values(self, ambassador: Ambassador) -> dict[str, object]:
        sort_key, search = _keys(ambassador)
        return {
            "name": ambassador.name,
            "email": ambassador.email,
            "department": ambassador.department,
            "role": ambassador.role,
            "status": ambassador.status,
            "linkedin": ambassador.linkedin,
            "joined": ambassador.joined.isoformat() if ambassador.joined else None,
            "notes": ambassador.notes,
            "formats": keys_text(ambassador.formats),
            "languages": keys_text(ambassador.languages),
            "thanks_by_name": int(ambassador.thanks_by_name),
            "recommended_by": ambassador.recommended_by,
            "invited_on": ambassador.invited_on.isoformat() if ambassador.invited_on else None,
            "sort_key": sort_key,
            "search_text": search,
        }

    def _invited(self, ambassador: Ambassador, previous_status: str | None) -> Ambassador:
        """The person with their invitation day: today when their status becomes "invited"
        now and no day was given (domain.ambassadors.invitation_day)."""
        day = invitation_day(ambassador.status, ambassador.invited_on, previous_status,
                             self.store.clock.today())
        return ambassador if day == ambassador.invited_on else replace(ambassador, invited_on=day)

    def add(self, ambassador: Ambassador) -> int:
        values = self._values(self._invited(ambassador, None))
        now = self.store.now_text()
        values["created_at"] = values["updated_at"] = now
        columns = ", ".join(values)
        marks = ", ".join(f":{key}" for key in values)
        with self.store.write():
            cursor = self.conn.execute(f"INSERT INTO ambassadors ({columns}) VALUES ({marks})", values)
            person_id = inserted_id(cursor)
            if ambassador.topics:
                set_topics(self.conn, "person_topics", person_id, ambassador.topics, now)
        return person_id

    def update(self, ambassador: Ambassador, expected: Ambassador | None = None) -> None:
        """Save ``ambassador``. With ``expected`` (the version the edit started from), refuse
        with ``ChangedMeanwhile`` when the row now differs from it or is gone: checked and
        written in one transaction, so another window's save is never overwritten unseen."""
        if ambassador.id is None:
            raise ValueError("update needs an ambassador with an id")
        with self.store.write():
            if expected is not None:
                current = self.get(ambassador.id)
                if current is None or changed_fields(expected, current):
                    raise ChangedMeanwhile(current)
            before = self.conn.execute("SELECT status FROM ambassadors WHERE id = ?",
                                       (ambassador.id,)).fetchone()
            values = self._values(self._invited(ambassador, before[0] if before else None))
            values["updated_at"] = self.store.now_text()
            assignments = ", ".join(f"{key} = :{key}" for key in values if key != "id")
            values["id"] = ambassador.id
            self.conn.execute(f"UPDATE ambassadors SET {assignments} WHERE id = :id", values)
            set_topics(self.conn, "person_topics", ambassador.id, ambassador.topics,
                       str(values["updated_at"]))

    def delete(self, ambassador_id: int) -> None:
        from advocacy_tui.data.topics import prune

        with self.store.write():
            self.conn.execute("DELETE FROM ambassadors WHERE id = ?", (ambassador_id,))
            prune(self.conn)  # a topic only they had goes with them

    def get(self, ambassador_id: int) -> Ambassador | None:
        row = self.conn.execute(
            f"SELECT {COLUMNS} FROM ambassadors WHERE id = ?", (ambassador_id,)
        ).fetchone()
        return _from_row(row, topics_of(self.conn, "person_topics", row[0])) if row else None

    def by_email(self, email: str) -> Ambassador | None:
        row = self.conn.execute(
            f"SELECT {COLUMNS} FROM ambassadors WHERE email = ? COLLATE NOCASE", (email.strip(),)
        ).fetchone()
        return _from_row(row, topics_of(self.conn, "person_topics", row[0])) if row else None

    def email_taken(self, email: str | None, exclude_id: int | None = None) -> bool:
        if not email or not email.strip():
            return False
        row = self.conn.execute(
            "SELECT id FROM ambassadors WHERE email = ? COLLATE NOCASE AND id IS NOT ?",
            (email.strip(), exclude_id),
        ).fetchone()
        return row is not None

    def total(self) -> int:
        """Everyone on the roster. Counted again only after a change (by this connection or
        another one): the roster asks on every keystroke of a search."""
        version = (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)
        if self._total is None or self._total[0] != version:
            self._total = (version, self.conn.execute("SELECT count(*) FROM ambassadors").fetchone()[0])
        return self._total[1]

    def count(self, query: RosterQuery) -> int:
        where, params = query.where()
        return self.conn.execute(f"SELECT count(*) FROM ambassadors{where}", params).fetchone()[0]

    def page(self, query: RosterQuery, offset: int, limit: int) -> list[RosterRow]:
        where, params = query.where()
        rows = self.conn.execute(
            f"SELECT {ROW_COLUMNS} FROM ambassadors{where}"
            f"{query.order()} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [RosterRow(*row) for row in rows]

    def row(self, ambassador_id: int) -> RosterRow | None:
        """One person as the roster shows them (with the onboarding and involvement summary)."""
        row = self.conn.execute(
            f"SELECT {ROW_COLUMNS} FROM ambassadors WHERE id = ?", (ambassador_id,)
        ).fetchone()
        return RosterRow(*row) if row else None

    def departments(self, limit: int = 500) -> list[str]:
        """The departments in use (distinct, ignoring case), for the department filter."""
        rows = self.conn.execute(
            "SELECT department FROM ambassadors WHERE department != '' "
            "GROUP BY department COLLATE NOCASE ORDER BY department COLLATE NOCASE LIMIT ?",
            (limit,),
        ).fetchall()
        return [row[0] for row in rows]

    def position(self, query: RosterQuery, ambassador_id: int) -> int | None:
        """Where a person stands in the query's order (for keeping the cursor on them)."""
        where, params = query.where()
        row = self.conn.execute(
            f"SELECT pos FROM (SELECT id, row_number() OVER ({query.order()[1:]}) - 1 AS pos "
            f"FROM ambassadors{where}) WHERE id = ?",
            [*params, ambassador_id],
        ).fetchone()
        return row[0] if row else None

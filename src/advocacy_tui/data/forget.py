"""The right to erasure: remove one person and everything that names them.

What goes:
* rows of any table with a foreign key to ``ambassadors`` ON DELETE CASCADE are
  removed (involvement, onboarding steps, meeting attendance, ...), found from the schema;
* rows with a foreign key ON DELETE SET NULL are kept but unlinked (posts they wrote,
  tasks about them);
* the person's email address, and their full name when it has two words or more, are
  replaced by ``[removed]`` in every free-text column (:data:`COLUMNS` says which columns
  those are; a test fails when a new text column is not classified there). The match is
  case-insensitive (Polish letters too), on whole words only: forgetting "Anna Nowak"
  leaves "Anna Nowakowska" and "Anna Nowak-Kowalska" alone;
* columns derived from others (search and sort keys) are computed again from the
  scrubbed text, and every full-text index is merged so no old segment keeps the person.

Then the freed space is wiped: ``secure_delete`` zeroes what the deletion frees, the
write-ahead log is checkpointed and truncated, the file is vacuumed and checkpointed
again. Another program reading the file can hold the old pages for a while: the wipe
waits for it (a bounded time) and, if it cannot finish, says so; the erasure stays
committed, a marker in ``settings`` remembers the unfinished wipe, and running
``forget`` again finishes it (see :func:`finish_wipe`).
"""

from __future__ import annotations

import re
import sqlite3
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from advocacy_tui.data.files_written import files_to_check
from advocacy_tui.data.store import Store
from advocacy_tui.i18n import _, ngettext

REMOVED = "[removed]"

# -- the registry of text columns ------------------------------------------------------------

SCRUB = "scrub"  # free text a user typed or a file brought: the name and email become [removed]
IDENTITY = "identity"  # says who the row *is*: the person's own row goes whole, a namesake keeps it
DERIVED = "derived"  # computed from other columns of the row: computed again after scrubbing
FIXED = "fixed"  # chosen by the app, not typed: keys, dates, states, configured labels

COLUMNS: dict[tuple[str, str], str] = {
    # ambassadors: a person's own row goes whole; in other people's rows only what says
    # who they are is kept (a namesake keeps their name and is still found by it)
    ("ambassadors", "name"): IDENTITY,
    ("ambassadors", "email"): IDENTITY,
    ("ambassadors", "department"): SCRUB,
    ("ambassadors", "role"): FIXED,
    ("ambassadors", "status"): FIXED,
    ("ambassadors", "linkedin"): SCRUB,
    ("ambassadors", "joined"): FIXED,
    ("ambassadors", "notes"): SCRUB,
    ("ambassadors", "created_at"): FIXED,
    ("ambassadors", "updated_at"): FIXED,
    ("ambassadors", "sort_key"): DERIVED,
    ("ambassadors", "search_text"): DERIVED,
    ("ambassadors", "last_step_on"): FIXED,
    ("ambassadors", "last_active"): FIXED,
    ("ambassadors", "recommended_by"): SCRUB,  # a name: often another person's
    ("ambassadors", "invited_on"): FIXED,
    # digests sent: their text names people who agreed to be thanked by name
    ("digests", "since"): FIXED,
    ("digests", "until"): FIXED,
    ("digests", "group_name"): SCRUB,
    ("digests", "format"): FIXED,
    ("digests", "body"): SCRUB,
    ("digests", "sent_at"): FIXED,
    ("ambassadors", "formats"): FIXED,  # keys of domain.topics.FORMATS
    ("ambassadors", "languages"): FIXED,  # keys of domain.topics.PERSON_LANGUAGES
    # topics: free tags typed by the owner or brought by a file (a person's links to them
    # go with the person, and a topic nothing links to any more goes too)
    ("topics", "name"): SCRUB,
    ("topics", "key"): DERIVED,
    ("topics", "created_at"): FIXED,
    # named users of a served program and the record of who changed what: a user named
    # like the forgotten person is renamed too (their token stays valid)
    ("users", "name"): SCRUB,
    ("users", "token_hash"): FIXED,
    ("users", "created_at"): FIXED,
    ("changes", "who"): SCRUB,
    ("changes", "changed_at"): FIXED,
    ("changes", "table_name"): FIXED,
    ("changes", "action"): FIXED,
    ("settings", "key"): FIXED,
    ("settings", "value"): SCRUB,  # the program's name, ...
    ("onboarding_steps", "step"): FIXED,
    ("onboarding_steps", "done_on"): FIXED,
    ("stakeholders", "name"): SCRUB,  # "Anna Nowak (HR partner)" is about the person
    ("stakeholders", "kind"): SCRUB,  # a known kind or free text
    ("stakeholders", "stance"): FIXED,
    ("stakeholders", "last_talk"): FIXED,
    ("stakeholders", "next_step"): SCRUB,
    ("stakeholders", "notes"): SCRUB,
    ("stakeholders", "created_at"): FIXED,
    ("stakeholders", "updated_at"): FIXED,
    ("library_items", "kind"): FIXED,
    ("library_items", "title"): SCRUB,
    ("library_items", "body"): SCRUB,
    ("library_items", "tags"): SCRUB,
    ("library_items", "language"): FIXED,
    ("library_items", "format"): FIXED,
    ("library_items", "location"): SCRUB,
    ("library_items", "search_text"): DERIVED,
    ("library_items", "created_at"): FIXED,
    ("library_items", "updated_at"): FIXED,
    ("posts", "uid"): FIXED,
    ("posts", "title"): SCRUB,
    ("posts", "body"): SCRUB,
    ("posts", "channel"): SCRUB,
    ("posts", "planned_on"): FIXED,
    ("posts", "planned_time"): FIXED,
    ("posts", "state"): FIXED,
    ("posts", "voice"): FIXED,  # one of the voices configured in config.toml
    ("posts", "published_url"): SCRUB,
    ("posts", "published_on"): FIXED,
    ("posts", "notes"): SCRUB,
    ("posts", "created_at"): FIXED,
    ("posts", "updated_at"): FIXED,
    ("involvement", "kind"): FIXED,
    ("involvement", "happened_on"): FIXED,
    ("involvement", "note"): SCRUB,
    ("involvement", "created_at"): FIXED,
    # goals and outcomes: the program's figures; a goal's title or a value's note and source
    # are typed by the owner and may name someone
    ("goals", "metric"): FIXED,
    ("goals", "title"): SCRUB,
    ("goals", "baseline_on"): FIXED,
    ("goals", "target_on"): FIXED,
    ("goals", "created_at"): FIXED,
    ("goals", "updated_at"): FIXED,
    ("metrics", "key"): FIXED,  # own_1, own_2: never made from the name
    ("metrics", "label"): SCRUB,
    ("metrics", "unit"): FIXED,
    ("metrics", "created_at"): FIXED,
    ("outcomes", "metric"): FIXED,
    ("outcomes", "period"): FIXED,
    ("outcomes", "note"): SCRUB,
    ("outcomes", "source"): SCRUB,
    ("outcomes", "created_at"): FIXED,
    ("outcomes", "updated_at"): FIXED,
    ("tasks", "title"): SCRUB,
    ("tasks", "category"): FIXED,
    ("tasks", "due_on"): FIXED,
    ("tasks", "due_time"): FIXED,
    ("tasks", "recurrence"): FIXED,
    ("tasks", "done_at"): FIXED,
    ("tasks", "question"): SCRUB,
    ("tasks", "answer"): SCRUB,
    ("tasks", "notes"): SCRUB,
    ("tasks", "created_at"): FIXED,
    ("tasks", "updated_at"): FIXED,
    ("readiness_runs", "bank"): FIXED,
    ("readiness_runs", "language"): FIXED,
    ("readiness_runs", "started_at"): FIXED,
    ("readiness_runs", "finished_at"): FIXED,
    ("readiness_runs", "verdict"): FIXED,
    ("readiness_runs", "title"): SCRUB,
    ("readiness_answers", "question_id"): FIXED,
    ("readiness_answers", "answer"): FIXED,  # one of the question's answers (checked)
    ("readiness_answers", "note"): SCRUB,
    ("readiness_answers", "votes"): FIXED,  # counts per answer
    ("readiness_answers", "answered_at"): FIXED,
    ("files_written", "path"): FIXED,  # a file the app wrote: forget lists it for the owner
    ("files_written", "kind"): FIXED,
    ("files_written", "written_at"): FIXED,
    # a deleted post's calendar UID and dates (no text), to cancel its event in calendars
    ("post_tombstones", "uid"): FIXED,
    ("post_tombstones", "kind"): FIXED,
    ("post_tombstones", "planned_on"): FIXED,
    ("post_tombstones", "planned_time"): FIXED,
    ("post_tombstones", "created_at"): FIXED,
    ("post_tombstones", "deleted_at"): FIXED,
    # figures from LinkedIn's analytics exports: a member's rows go with them (cascade); the
    # address of a company page's post is scrubbed like any text a file brought
    ("post_analytics", "post_url"): SCRUB,
    ("post_analytics", "source"): FIXED,
    ("post_analytics", "published_on"): FIXED,
    ("post_analytics", "imported_at"): FIXED,
    # groups and campaigns (m016): a person's memberships go with them (cascade); a group's
    # or campaign's name and notes are typed by the owner and may name someone
    ("groups", "name"): SCRUB,
    ("groups", "created_at"): FIXED,
    ("groups", "updated_at"): FIXED,
    ("group_members", "added_at"): FIXED,
    ("campaigns", "name"): SCRUB,
    ("campaigns", "starts_on"): FIXED,
    ("campaigns", "ends_on"): FIXED,
    ("campaigns", "notes"): SCRUB,
    ("campaigns", "created_at"): FIXED,
    ("campaigns", "updated_at"): FIXED,
}

# Full-text indexes and the table whose text they index. Each is kept in step by triggers
# and merged (``optimize``) after an erasure, so no old segment still holds deleted text.
SEARCH_INDEXES: dict[str, str] = {"ambassadors_search": "ambassadors"}


def _ambassador_keys(row: dict[str, str]) -> dict[str, str]:
    from advocacy_tui.data.ambassadors import _keys

    # _keys reads only name, email and department, which the row has: no Ambassador is built
    sort_key, search = _keys(SimpleNamespace(**row))  # type: ignore[arg-type]
    return {"sort_key": sort_key, "search_text": search}


def _library_search(row: dict[str, str]) -> dict[str, str]:
    from advocacy_tui.data.posts import _search_text
    from advocacy_tui.domain.posts import LibraryItem

    return {"search_text": _search_text(LibraryItem(id=None, title=row["title"], kind=row["kind"], body=row["body"],
                                                    tags=row["tags"], language=row["language"]))}


def _topic_key(row: dict[str, str]) -> dict[str, str]:
    from advocacy_tui.domain.topics import topic_key

    return {"key": topic_key(row["name"])}


# table -> (the columns a derivation reads, the derivation: {column: value} -> {derived: value}),
# the same functions the repositories use when they write a row.
DERIVATIONS: dict[str, tuple[tuple[str, ...], Callable[[dict[str, str]], dict[str, str]]]] = {
    "ambassadors": (("name", "email", "department"), _ambassador_keys),
    "library_items": (("kind", "title", "tags", "language", "body"), _library_search),
    "topics": (("name",), _topic_key),
}

WIPE_PENDING = "forget_wipe_pending"  # settings key: an erasure whose wipe did not finish
WIPE_WAIT_SECONDS = 10.0

BUSY = "busy"
FULL = "full"
FAILED = "failed"


# -- outcomes ------------------------------------------------------------------------------


@dataclass
class Wipe:
    """How wiping the freed space went: complete, or why not (busy, full, failed)."""

    complete: bool
    problem: str = ""
    detail: str = ""

    def message(self) -> str:
        """For an unfinished wipe: what it means and what to do, in plain words."""
        if self.complete:
            return ""
        if self.problem == BUSY:
            return _("The person is erased, but another program still has the database open "
                     "and kept the old pages in use, so their old data may still be in the "
                     "file's unused space. Close the other program (another advocacy-tui window, "
                     "a browser tab of “advocacy-tui serve”, sqlite3, Datasette), then forget the "
                     "same email address again to finish the wipe.")
        if self.problem == FULL:
            return _("The person is erased, but the disk is too full to wipe the file's unused "
                     "space, so their old data may still be in it. Free some space (about twice "
                     "the size of the database), then forget the same email address again to "
                     "finish the wipe.")
        return _("The person is erased, but wiping the file's unused space failed ({detail}), "
                 "so their old data may still be in it. Forget the same email address again "
                 "to finish the wipe.").format(detail=self.detail)


@dataclass
class Erasure:
    """What forgetting one person does, counted per table."""

    person_id: int
    name: str
    email: str
    removed: dict[str, int] = field(default_factory=dict)  # table -> rows deleted
    unlinked: dict[str, int] = field(default_factory=dict)  # table -> rows kept, link cleared
    mentions: dict[str, int] = field(default_factory=dict)  # table -> rows whose text names them
    wipe: Wipe | None = None  # after forget(): how wiping the freed space went
    files: list[Path] = field(default_factory=list)  # files written earlier that still exist

    def lines(self) -> list[str]:
        from advocacy_tui.formatting import format_number  # 1 234 in Polish, 1,234 in English

        out = [_("ambassadors: 1 row ({name}, {email}) removed").format(name=self.name, email=self.email)]
        if len(self.name.split()) < 2:
            out.append(_("their name “{name}” is only one word, so free text is searched for their "
                         "email only; check notes for the name yourself").format(name=self.name))
        out += [ngettext("{table}: {n} row removed", "{table}: {n} rows removed", n)
                .format(table=table, n=format_number(n)) for table, n in self.removed.items() if n]
        out += [ngettext("{table}: {n} row kept, link to the person cleared",
                         "{table}: {n} rows kept, link to the person cleared", n)
                .format(table=table, n=format_number(n)) for table, n in self.unlinked.items() if n]
        out += [ngettext("{table}: {n} row mentions them in free text; their name and email there "
                         "become {removed}",
                         "{table}: {n} rows mention them in free text; their name and email there "
                         "become {removed}", n)
                .format(table=table, n=format_number(n), removed=REMOVED) for table, n in self.mentions.items() if n]
        return out

    def files_lines(self) -> list[str]:
        return describe_files(self.files)


def describe_files(files: list[Path]) -> list[str]:
    """The files the app wrote earlier (exports, reports, backups) that still exist."""
    if not files:
        return []
    return [_("Files written earlier by advocacy-tui that may still hold them "
              "(delete them, or remove the person from them yourself):"),
            *(f"  {path}" for path in files)]


# -- finding the person and their mentions ---------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _links(store: Store) -> list[tuple[str, str, str]]:
    """(table, column, on_delete) of every foreign key that points at ambassadors."""
    conn = store.db.conn
    links = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        for row in conn.execute(f"PRAGMA foreign_key_list({_quote(table)})"):
            # id, seq, table, from, to, on_update, on_delete, match
            if row[2] == "ambassadors":
                links.append((table, row[3], row[6].upper()))
    return links


def _is_text(declared: str | None) -> bool:
    declared = (declared or "").upper()
    return not declared or any(word in declared for word in ("TEXT", "CHAR", "CLOB"))


def _scrubbed_columns(store: Store) -> list[tuple[str, list[str]]]:
    """Ordinary tables (not full-text index internals) and the text columns to scrub: those
    :data:`COLUMNS` marks SCRUB, and any text column it does not know (a table or column
    added later, or by the user with sqlite-utils), to be safe."""
    conn = store.db.conn
    tables = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in tables if (sql or "").upper().startswith("CREATE VIRTUAL")]
    result = []
    for name, _sql in tables:
        if name.startswith("sqlite_") or name in virtual or any(name.startswith(v + "_") for v in virtual):
            continue
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({_quote(name)})")
                   if _is_text(row[2]) and COLUMNS.get((name, row[1]), SCRUB) == SCRUB]
        if columns:
            result.append((name, columns))
    return result


_SPACES = re.compile(r"\s+")


def _patterns(name: str, email: str) -> list[re.Pattern[str]]:
    """The person's email and full name as whole words, in any case and spacing."""
    patterns = []
    email = unicodedata.normalize("NFC", email.strip())
    if email:
        # not part of a longer address: joanna@x.pl, anna@x.pl.com
        patterns.append(re.compile(r"(?<![\w.+-])" + re.escape(email) + r"(?![\w-])(?!\.\w)", re.IGNORECASE))
    words = unicodedata.normalize("NFC", name).split()
    if len(words) >= 2:
        orders = [r"\s+".join(re.escape(w) for w in words)]
        if len(words) == 2:  # surname first, as HR systems write it: "Nowak Anna", "NOWAK, Anna"
            orders.append(re.escape(words[1]) + r",?\s+" + re.escape(words[0]))
        # not part of a longer name: Anna Nowakowska, Anna Nowak-Kowalska, Joanna Nowak
        patterns.append(re.compile(r"(?<!\w)(?<!\w-)(?:" + "|".join(orders) + r")(?!\w)(?!-\w)",
                                   re.IGNORECASE))
    return patterns


def _needles(name: str, email: str) -> list[str] | None:
    """Lower-case ASCII strings of which every mention holds at least one, so SQLite can
    pass over most rows quickly (its lower() folds only A-Z); None when a pattern has no
    ASCII part, and every row is checked in Python."""
    needles = []
    email = unicodedata.normalize("NFC", email.strip())
    if email:
        if not email.isascii():
            return None
        needles.append(email.lower())
    words = unicodedata.normalize("NFC", name).split()
    if len(words) >= 2:
        plain = [word for word in words if word.isascii()]
        if not plain:
            return None
        needles.append(max(plain, key=len).lower())
    return needles


def _containing(needle: str) -> str:
    """A LIKE pattern for text holding ``needle``, its wildcards taken literally."""
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _scrub(value: str, patterns: list[re.Pattern[str]]) -> str:
    """``value`` with every mention replaced, or ``value`` itself when there is none."""
    new = value
    for pattern in patterns:
        new = pattern.sub(REMOVED, new)
    if new == value and not value.isascii():
        composed = unicodedata.normalize("NFC", value)  # text pasted in decomposed form
        if composed != value:
            new = composed
            for pattern in patterns:
                new = pattern.sub(REMOVED, new)
            if new == composed:
                return value
    return new


def _mentions(store: Store, person_id: int, name: str, email: str) -> dict[str, list[tuple[int, dict[str, str]]]]:
    """Per table: (rowid, {column: new text}) for every row whose free text names the person."""
    patterns = _patterns(name, email)
    if not patterns:
        return {}
    conn = store.db.conn

    def names_them(value: object) -> bool:
        return isinstance(value, str) and _scrub(value, patterns) != value

    conn.create_function("advocacy_names_them", 1, names_them, deterministic=True)
    needles = _needles(name, email)
    found: dict[str, list[tuple[int, dict[str, str]]]] = {}
    try:
        for table, columns in _scrubbed_columns(store):
            condition = " OR ".join(f"advocacy_names_them({_quote(c)})" for c in columns)
            params: list[str] = []
            if needles is not None:
                # LIKE folds A-Z as lower() does, and reads the text without copying it
                quick = " OR ".join(f"{_quote(c)} LIKE ? ESCAPE '\\'" for c in columns for _n in needles)
                condition = f"({quick}) AND ({condition})"
                params = [_containing(needle) for _c in columns for needle in needles]
            try:
                rows = conn.execute(
                    f"SELECT rowid, {', '.join(_quote(c) for c in columns)} FROM {_quote(table)} WHERE {condition}",
                    params,
                ).fetchall()
            except sqlite3.OperationalError:  # a WITHOUT ROWID table: nothing to rewrite by rowid
                continue
            for rowid, *values in rows:
                if table == "ambassadors" and rowid == person_id:
                    continue  # their own row goes whole
                changes = {column: _scrub(value, patterns) for column, value in zip(columns, values, strict=True)
                           if isinstance(value, str) and _scrub(value, patterns) != value}
                if changes:
                    found.setdefault(table, []).append((rowid, changes))
    finally:
        conn.create_function("advocacy_names_them", 1, None)
    return found


def find_person(store: Store, email: str) -> tuple[int, str, str] | None:
    email = email.strip()
    conn = store.db.conn
    row = conn.execute("SELECT id, name, email FROM ambassadors WHERE email = ? COLLATE NOCASE", (email,)).fetchone()
    if row is None and not email.isascii():  # SQLite's NOCASE folds only A-Z
        wanted = unicodedata.normalize("NFC", email).casefold()
        for candidate in conn.execute("SELECT id, name, email FROM ambassadors WHERE email IS NOT NULL"):
            if unicodedata.normalize("NFC", candidate[2]).casefold() == wanted:
                row = candidate
                break
    return (row[0], row[1], row[2]) if row else None


def plan_erasure(store: Store, email: str) -> Erasure | None:
    """What forgetting the person with ``email`` would remove; None when no one has it."""
    planned = _plan(store, email)
    return planned[0] if planned else None


def _plan(store: Store, email: str) -> tuple[Erasure, dict[str, list[tuple[int, dict[str, str]]]]] | None:
    """The plan, with the rewrites of every mention (read once: it scans all free text)."""
    person = find_person(store, email)
    if person is None:
        return None
    id_, name, stored_email = person
    erasure = Erasure(id_, name, stored_email)
    conn = store.db.conn
    for table, column, on_delete in _links(store):
        count = conn.execute(
            f"SELECT count(*) FROM {_quote(table)} WHERE {_quote(column)} = ?", (id_,)
        ).fetchone()[0]
        target = erasure.removed if on_delete == "CASCADE" else erasure.unlinked
        target[table] = target.get(table, 0) + count
    found = _mentions(store, id_, name, stored_email)
    for table, rows in found.items():
        erasure.mentions[table] = len(rows)
    return erasure, found


# -- erasing -------------------------------------------------------------------------------


def _derive_again(store: Store, table: str, rowid: int) -> None:
    if table not in DERIVATIONS:
        return
    sources, derive = DERIVATIONS[table]
    conn = store.db.conn
    values = conn.execute(f"SELECT {', '.join(_quote(c) for c in sources)} FROM {_quote(table)} WHERE rowid = ?",
                          (rowid,)).fetchone()
    derived = derive({c: v or "" for c, v in zip(sources, values, strict=True)})
    if table == "topics":
        same = conn.execute("SELECT id FROM topics WHERE key = ? AND rowid != ?",
                            (derived["key"], rowid)).fetchone()
        if same is not None:  # scrubbed into a topic that exists: one topic, linked as both were
            from advocacy_tui.data.topics import LINKS

            for link in LINKS:
                conn.execute(f"UPDATE OR IGNORE {link} SET topic_id = ? WHERE topic_id = ?", (same[0], rowid))
                conn.execute(f"DELETE FROM {link} WHERE topic_id = ?", (rowid,))
            conn.execute("DELETE FROM topics WHERE rowid = ?", (rowid,))
            return
    conn.execute(f"UPDATE {_quote(table)} SET {', '.join(f'{_quote(c)} = ?' for c in derived)} WHERE rowid = ?",
                 [*derived.values(), rowid])


def forget(store: Store, email: str, *, wait_seconds: float = WIPE_WAIT_SECONDS) -> Erasure | None:
    """Erase the person with ``email`` in one transaction, then wipe the freed space.

    The erasure commits whole or not at all (a full disk raises WriteError: nothing
    changed). ``erasure.wipe`` says whether the wipe finished; when another program holds
    old pages it is retried for up to ``wait_seconds``.
    """
    conn = store.db.conn
    previous = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    try:
        with store.write():  # planned inside the transaction: what it says is what is done
            planned = _plan(store, email)
            if planned is None:
                return None
            erasure, found = planned
            for table, rows in found.items():
                for rowid, changes in rows:
                    assignments = ", ".join(f"{_quote(c)} = ?" for c in changes)
                    conn.execute(f"UPDATE {_quote(table)} SET {assignments} WHERE rowid = ?",
                                 [*changes.values(), rowid])
                    _derive_again(store, table, rowid)
            conn.execute("DELETE FROM ambassadors WHERE id = ?", (erasure.person_id,))
            from advocacy_tui.data.topics import prune

            prune(conn)  # the topics only they had
            _merge_search_indexes(store)
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         (WIPE_PENDING, store.now_text()))
        erasure.wipe = _wipe(store, wait_seconds)
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(previous)}")
    erasure.files = files_to_check(store)
    return erasure


def wipe_pending(store: Store) -> bool:
    """Did an earlier erasure leave its wipe unfinished?"""
    return store.db.conn.execute("SELECT 1 FROM settings WHERE key = ?", (WIPE_PENDING,)).fetchone() is not None


def finish_wipe(store: Store, *, wait_seconds: float = WIPE_WAIT_SECONDS) -> Wipe | None:
    """Finish the wipe an earlier erasure could not; None when none is unfinished."""
    if not wipe_pending(store):
        return None
    conn = store.db.conn
    previous = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    try:
        return _wipe(store, wait_seconds)
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(previous)}")


def _merge_search_indexes(store: Store) -> None:
    """A full-text index keeps deleted entries in old segments until they are merged."""
    conn = store.db.conn
    for (table,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
    ).fetchall():
        conn.execute(f"INSERT INTO {_quote(table)} ({_quote(table)}) VALUES ('optimize')")


def _problem(error: sqlite3.Error) -> str:
    text = str(error).lower()
    if "full" in text:
        return FULL
    if "locked" in text or "busy" in text:
        return BUSY
    return FAILED


def _wipe(store: Store, wait_seconds: float) -> Wipe:
    """Checkpoint and truncate the log, vacuum, checkpoint again, retrying while busy.

    ``PRAGMA wal_checkpoint(TRUNCATE)`` answers (busy, log frames, checkpointed frames):
    busy = 1 means a reader kept old pages in use and the log could not be emptied.
    """
    conn = store.db.conn
    deadline = time.monotonic() + wait_seconds
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]

    def attempt(step: Callable[[], bool]) -> bool:
        while True:
            remaining = deadline - time.monotonic()
            conn.execute(f"PRAGMA busy_timeout = {max(0, min(int(remaining * 1000), 1000))}")
            try:
                if step():
                    return True
            except sqlite3.OperationalError as error:
                if _problem(error) != BUSY:
                    raise
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)

    def checkpoint() -> bool:
        row = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return row is None or row[0] == 0

    def vacuum() -> bool:
        conn.execute("VACUUM")
        return True

    def done() -> bool:
        try:
            conn.execute("DELETE FROM settings WHERE key = ?", (WIPE_PENDING,))
            conn.commit()
        except sqlite3.Error:
            if conn.in_transaction:
                conn.rollback()
            raise
        return True

    try:
        for step in (checkpoint, vacuum, checkpoint, done):
            if not attempt(step):
                return Wipe(False, BUSY)
        attempt(checkpoint)  # the marker's own page; it holds nothing of the person
    except sqlite3.Error as error:
        return Wipe(False, _problem(error), str(error))
    finally:
        conn.execute(f"PRAGMA busy_timeout = {timeout}")
    return Wipe(True)

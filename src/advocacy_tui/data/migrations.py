"""Ordered schema migrations. Version N is ``MIGRATIONS[N - 1]``.

Table and column names are a public interface (people open the file with
sqlite-utils or Datasette): add, never rename.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store hands migrations a LazyDatabase (sqlite-utils on first use)
    import sqlite_utils


def _run(db: sqlite_utils.Database, statements: str) -> None:
    for statement in statements.split(";\n"):
        if statement.strip():
            db.execute(statement)


def m001_ambassadors(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """
CREATE TABLE ambassadors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    department TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'ambassador'
        CHECK (role IN ('owner', 'manager', 'ambassador')),
    status TEXT NOT NULL DEFAULT 'candidate'
        CHECK (status IN ('candidate', 'invited', 'onboarding', 'active', 'paused', 'left')),
    linkedin TEXT NOT NULL DEFAULT '',
    joined TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sort_key TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX ambassadors_email ON ambassadors (email COLLATE NOCASE)
    WHERE email IS NOT NULL;
CREATE INDEX ambassadors_by_name ON ambassadors (sort_key, id);
CREATE INDEX ambassadors_by_role ON ambassadors (role, sort_key, id);
CREATE INDEX ambassadors_by_status ON ambassadors (status, sort_key, id);
CREATE INDEX ambassadors_by_department ON ambassadors (department COLLATE NOCASE, sort_key, id)
""",
    )


def m002_program(db: sqlite_utils.Database) -> None:
    """The rest of the program: onboarding, involvement, stakeholders, content, tasks, readiness."""
    _run(
        db,
        """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE onboarding_steps (
    ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id) ON DELETE CASCADE,
    step TEXT NOT NULL
        CHECK (step IN ('profile', 'library', 'platform', 'rules', 'time', 'first_post')),
    done_on TEXT NOT NULL,
    PRIMARY KEY (ambassador_id, step)
);
CREATE TABLE stakeholders (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'team',
    stance TEXT NOT NULL DEFAULT 'not_met'
        CHECK (stance IN ('not_met', 'supportive', 'neutral', 'sceptical', 'against')),
    last_talk TEXT,
    next_step TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE library_items (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'sample_post'
        CHECK (kind IN ('guideline', 'sample_post', 'idea', 'inspiration', 'graphic',
                        'training', 'faq')),
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    location TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    author_id INTEGER REFERENCES ambassadors (id) ON DELETE SET NULL,
    channel TEXT NOT NULL DEFAULT 'LinkedIn',
    planned_on TEXT,
    planned_time TEXT,
    state TEXT NOT NULL DEFAULT 'idea'
        CHECK (state IN ('idea', 'draft', 'ready', 'published', 'dropped')),
    voice TEXT NOT NULL DEFAULT 'personal',
    library_item_id INTEGER REFERENCES library_items (id) ON DELETE SET NULL,
    published_url TEXT NOT NULL DEFAULT '',
    published_on TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX posts_by_day ON posts (planned_on, planned_time, id);
CREATE INDEX posts_by_author ON posts (author_id, published_on);
CREATE INDEX posts_by_published ON posts (published_on) WHERE state = 'published';
CREATE TABLE involvement (
    id INTEGER PRIMARY KEY,
    ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id) ON DELETE CASCADE,
    kind TEXT NOT NULL
        CHECK (kind IN ('post_published', 'content_cocreated', 'feedback', 'helped_colleague',
                        'meeting', 'question')),
    happened_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX involvement_by_person ON involvement (ambassador_id, happened_on);
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT 'other'
        CHECK (category IN ('sample_posts', 'graphics', 'qa', 'meetings', 'inspiration',
                            'content_hub', 'other')),
    due_on TEXT,
    due_time TEXT,
    estimate_minutes INTEGER NOT NULL DEFAULT 0 CHECK (estimate_minutes >= 0),
    recurrence TEXT NOT NULL DEFAULT 'none',
    done_at TEXT,
    skipped INTEGER NOT NULL DEFAULT 0,
    series_id INTEGER,
    ambassador_id INTEGER REFERENCES ambassadors (id) ON DELETE SET NULL,
    post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    question TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX tasks_open_by_due ON tasks (due_on, due_time, id) WHERE done_at IS NULL;
CREATE INDEX tasks_done ON tasks (done_at) WHERE done_at IS NOT NULL;
CREATE TABLE task_attendees (
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, ambassador_id)
);
CREATE TABLE readiness_runs (
    id INTEGER PRIMARY KEY,
    bank TEXT NOT NULL,
    language TEXT NOT NULL,
    workshop INTEGER NOT NULL DEFAULT 0,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    verdict TEXT,
    title TEXT NOT NULL DEFAULT ''
);
CREATE TABLE readiness_answers (
    run_id INTEGER NOT NULL REFERENCES readiness_runs (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    answer TEXT,
    skipped INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    votes TEXT NOT NULL DEFAULT '',
    answered_at TEXT NOT NULL,
    PRIMARY KEY (run_id, question_id)
)
""",
    )


def m005_calendar(db: sqlite_utils.Database) -> None:
    """Calendar and library: a folded search column for the library; an index that answers
    the content mix and the leaders' count of a date range without reading the posts."""
    from advocacy_tui.domain.text import fold

    _run(
        db,
        """
ALTER TABLE library_items ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX library_items_by_title ON library_items (kind, title COLLATE NOCASE, id);
CREATE INDEX posts_by_library_item ON posts (library_item_id) WHERE library_item_id IS NOT NULL;
CREATE INDEX posts_mix_by_day ON posts (planned_on, state, voice, author_id)
""",
    )
    rows = db.execute("SELECT id, kind, title, body, tags, language FROM library_items").fetchall()
    for id_, kind, title, body, tags, language in rows:
        text = " ".join(fold(part) for part in (kind, title, tags, language, body) if part)
        db.execute("UPDATE library_items SET search_text = ? WHERE id = ?", [text, id_])


def m006_tasks_today(db: sqlite_utils.Database) -> None:
    """Indexes for the task views and the Today screen's aggregates."""
    _run(
        db,
        """
CREATE INDEX tasks_by_series ON tasks (series_id) WHERE series_id IS NOT NULL;
CREATE INDEX tasks_open_by_category ON tasks (category, due_on, due_time, id) WHERE done_at IS NULL;
CREATE INDEX tasks_by_due ON tasks (due_on) WHERE skipped = 0;
CREATE INDEX involvement_by_day ON involvement (happened_on, ambassador_id);
CREATE INDEX posts_published_by_day ON posts (published_on, author_id, voice) WHERE state = 'published'
""",
    )


def m003_roster_life(db: sqlite_utils.Database) -> None:
    """Onboarding and involvement summaries on each ambassador, kept right by triggers.

    ``onboarding_done`` (steps done, 0-6), ``last_step_on`` (latest step date) and
    ``last_active`` (latest involvement date) let the roster show and filter 100,000
    people without counting anything per person. Triggers on ``onboarding_steps`` and
    ``involvement`` keep them right on every insert, update and delete (including the
    cascade when a person is deleted). Indexes serve the roster's new filters.
    """

    def steps(person: str) -> str:
        return (
            f"onboarding_done = (SELECT count(*) FROM onboarding_steps WHERE ambassador_id = {person}), "
            f"last_step_on = (SELECT max(done_on) FROM onboarding_steps WHERE ambassador_id = {person})"
        )

    def active(person: str) -> str:
        return f"last_active = (SELECT max(happened_on) FROM involvement WHERE ambassador_id = {person})"

    statements = [
        "ALTER TABLE ambassadors ADD COLUMN onboarding_done INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE ambassadors ADD COLUMN last_step_on TEXT",
        "ALTER TABLE ambassadors ADD COLUMN last_active TEXT",
        f"UPDATE ambassadors SET {steps('ambassadors.id')}, {active('ambassadors.id')}",
    ]
    for table, setter in (("onboarding_steps", steps), ("involvement", active)):
        statements += [
            f"CREATE TRIGGER {table}_after_insert AFTER INSERT ON {table} BEGIN "
            f"UPDATE ambassadors SET {setter('NEW.ambassador_id')} WHERE id = NEW.ambassador_id; END",
            f"CREATE TRIGGER {table}_after_delete AFTER DELETE ON {table} BEGIN "
            f"UPDATE ambassadors SET {setter('OLD.ambassador_id')} WHERE id = OLD.ambassador_id; END",
            f"CREATE TRIGGER {table}_after_update AFTER UPDATE ON {table} BEGIN "
            f"UPDATE ambassadors SET {setter('ambassadors.id')} "
            "WHERE id IN (OLD.ambassador_id, NEW.ambassador_id); END",
        ]
    statements += [
        # "stuck" = onboarding, not all six steps, last progress long ago (see domain.onboarding)
        # Both are in name order and cover their filter: the roster's first and last pages
        # are read without sorting (RosterQuery names them with INDEXED BY).
        "CREATE INDEX ambassadors_stuck ON ambassadors "
        "(sort_key, id, coalesce(last_step_on, joined, substr(created_at, 1, 10))) "
        "WHERE status = 'onboarding' AND onboarding_done < 6",
        # "quiet" = onboarding or active, no involvement lately (see domain.involvement)
        "CREATE INDEX ambassadors_quiet ON ambassadors (sort_key, id, last_active) "
        "WHERE status IN ('onboarding', 'active')",
        "CREATE INDEX stakeholders_by_name ON stakeholders (name COLLATE NOCASE, id)",
        "CREATE INDEX stakeholders_by_stance ON stakeholders (stance, name COLLATE NOCASE, id)",
    ]
    for statement in statements:
        db.execute(statement)


def m004_roster_search(db: sqlite_utils.Database) -> None:
    """A trigram full-text index over the roster's search text, so that filtering 100,000
    people by three letters or more is an index lookup instead of a scan; and an index on
    the search text itself, so that one or two letters scan a small index, not the table.
    Kept in step with ``ambassadors`` by triggers."""
    _run(
        db,
        """
CREATE VIRTUAL TABLE ambassadors_search USING fts5(
    search_text, content='ambassadors', content_rowid='id', tokenize='trigram'
);
INSERT INTO ambassadors_search (ambassadors_search) VALUES ('rebuild');
CREATE TRIGGER ambassadors_search_insert AFTER INSERT ON ambassadors BEGIN INSERT INTO ambassadors_search (rowid, search_text) VALUES (new.id, new.search_text); END;
CREATE TRIGGER ambassadors_search_delete AFTER DELETE ON ambassadors BEGIN INSERT INTO ambassadors_search (ambassadors_search, rowid, search_text) VALUES ('delete', old.id, old.search_text); END;
CREATE TRIGGER ambassadors_search_update AFTER UPDATE OF search_text ON ambassadors BEGIN INSERT INTO ambassadors_search (ambassadors_search, rowid, search_text) VALUES ('delete', old.id, old.search_text); INSERT INTO ambassadors_search (rowid, search_text) VALUES (new.id, new.search_text); END;
CREATE INDEX ambassadors_by_search_text ON ambassadors (search_text)
""",
    )


def m007_task_load(db: sqlite_utils.Database) -> None:
    """A covering index for the weekly load: the open tasks carried over and the open
    repeating series are summed from the index alone (2 ms -> 0.2 ms each with 50,000 tasks,
    and the tasks section computes two weeks as it opens)."""
    _run(
        db,
        """
CREATE INDEX tasks_open_load ON tasks (due_on, recurrence, estimate_minutes) WHERE done_at IS NULL
""",
    )


def m008_files_written(db: sqlite_utils.Database) -> None:
    """Files the app wrote (exports, reports, backups), so that ``forget`` can name the
    ones that may still hold a forgotten person (see data/files_written.py)."""
    _run(
        db,
        """
CREATE TABLE files_written (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    written_at TEXT NOT NULL
)
""",
    )


def m009_involvement_by_post(db: sqlite_utils.Database) -> None:
    """Saving a published post looks up whether its publishing is already logged; without
    an index that read every involvement row, so each save grew slower with the log."""
    _run(db, "CREATE INDEX involvement_by_post ON involvement (post_id) WHERE post_id IS NOT NULL")


def m010_users_and_changes(db: sqlite_utils.Database) -> None:
    """Named sign-in for a served program (each person their own token, kept only as a
    SHA-256 hash) and a plain record of who added, changed or removed which row, and when."""
    _run(
        db,
        """
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    changed_at TEXT NOT NULL,
    who TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('added', 'changed', 'removed'))
);
CREATE INDEX changes_by_row ON changes (table_name, row_id, id)
""",
    )


def m011_post_tombstones(db: sqlite_utils.Database) -> None:
    """A deleted post (or one moved to another day) leaves a tombstone for a while, so that
    the next calendar file cancels its event in the clients that imported an earlier one
    (a file for a --from/--to window no longer holds a post moved out of it). No text of
    the post: its calendar UID, the day it was planned for, and when it was made and left."""
    _run(
        db,
        """
CREATE TABLE post_tombstones (
    uid TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'deleted' CHECK (kind IN ('deleted', 'moved')),
    planned_on TEXT,
    planned_time TEXT,
    created_at TEXT NOT NULL,
    deleted_at TEXT NOT NULL
);
CREATE INDEX post_tombstones_by_deletion ON post_tombstones (deleted_at)
""",
    )


def m012_search_without_sizes(db: sqlite_utils.Database) -> None:
    """The roster's search index without its table of text sizes (``columnsize=0``): only
    ranking by relevance reads them and the roster never ranks, while every person added
    wrote one row to it (a sixth of a 100,000-row import). Made again from the roster."""
    _run(
        db,
        """
DROP TABLE ambassadors_search;
CREATE VIRTUAL TABLE ambassadors_search USING fts5(
    search_text, content='ambassadors', content_rowid='id', tokenize='trigram', columnsize=0
);
INSERT INTO ambassadors_search (ambassadors_search) VALUES ('rebuild')
""",
    )


def m013_goals_and_outcomes(db: sqlite_utils.Database) -> None:
    """What the program is for: up to five goals, each following a metric from a baseline
    to a target; the values of each metric month by month (typed in, with a note and where
    they came from); and the owner's own metrics besides the built-in ones. Figures for the
    whole program: no person is named in these tables."""
    _run(
        db,
        """
CREATE TABLE metrics (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE goals (
    id INTEGER PRIMARY KEY,
    metric TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    baseline REAL NOT NULL,
    baseline_on TEXT NOT NULL,
    target REAL NOT NULL,
    target_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE outcomes (
    metric TEXT NOT NULL,
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    value REAL NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (metric, month)
)
""",
    )


def m014_post_analytics(db: sqlite_utils.Database) -> None:
    """Figures of published posts from LinkedIn's analytics exports (``import analytics``):
    one row per post address (normalised, see data/analytics.py) and publishing day, per
    source. A member's export (``source = 'member'``) belongs to the ambassador who handed
    it over and goes with them (``forget``); a company page's export belongs to no one.
    ``post_id`` links the row to the calendar post with the same address. A count the
    file's layout does not give is NULL, never 0. Importing the same file again finds
    every row by ``post_analytics_key`` and changes nothing."""
    _run(
        db,
        """
CREATE TABLE post_analytics (
    id INTEGER PRIMARY KEY,
    post_url TEXT NOT NULL,
    post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    ambassador_id INTEGER REFERENCES ambassadors (id) ON DELETE CASCADE,
    source TEXT NOT NULL CHECK (source IN ('member', 'company')),
    published_on TEXT NOT NULL,
    impressions INTEGER CHECK (impressions >= 0),
    reactions INTEGER CHECK (reactions >= 0),
    comments INTEGER CHECK (comments >= 0),
    reposts INTEGER CHECK (reposts >= 0),
    clicks INTEGER CHECK (clicks >= 0),
    engagements INTEGER CHECK (engagements >= 0),
    imported_at TEXT NOT NULL,
    CHECK ((source = 'member') = (ambassador_id IS NOT NULL))
);
CREATE UNIQUE INDEX post_analytics_key ON post_analytics
    (source, ifnull(ambassador_id, 0), post_url, published_on);
CREATE INDEX post_analytics_by_month ON post_analytics (published_on);
CREATE INDEX post_analytics_by_post ON post_analytics (post_id) WHERE post_id IS NOT NULL;
CREATE INDEX post_analytics_by_person ON post_analytics (ambassador_id) WHERE ambassador_id IS NOT NULL
""",
    )


def m015_topics(db: sqlite_utils.Database) -> None:
    """What each person can write about, and what the library and the calendar are about.

    ``topics`` is the one list of topics (free tags) that people, library items and posts
    share: ``name`` as first typed, ``key`` the same topic whatever its case, spacing or
    Unicode form (domain.topics.topic_key). Join tables, not a text column, link them
    (``person_topics``, ``item_topics``, ``post_topics``, each with the order typed), so
    that the ideas that fit a person are one indexed join on the topic and completion reads
    one small table. A person's preferred formats and languages are short lists of fixed
    keys ("text, video", "pl, en"; empty: any); a library item may say its format."""
    _run(
        db,
        """
CREATE TABLE topics (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE person_topics (
    ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (ambassador_id, topic_id)
);
CREATE INDEX person_topics_by_topic ON person_topics (topic_id, ambassador_id);
CREATE TABLE item_topics (
    library_item_id INTEGER NOT NULL REFERENCES library_items (id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (library_item_id, topic_id)
);
CREATE INDEX item_topics_by_topic ON item_topics (topic_id, library_item_id);
CREATE TABLE post_topics (
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (post_id, topic_id)
);
CREATE INDEX post_topics_by_topic ON post_topics (topic_id, post_id);
CREATE INDEX posts_open_ideas ON posts (state, author_id) WHERE state = 'idea';
ALTER TABLE ambassadors ADD COLUMN formats TEXT NOT NULL DEFAULT '';
ALTER TABLE ambassadors ADD COLUMN languages TEXT NOT NULL DEFAULT '';
ALTER TABLE library_items ADD COLUMN format TEXT NOT NULL DEFAULT ''
""",
    )


def m018_weekly_outcomes(db: sqlite_utils.Database) -> None:
    """An outcome is a metric's value for a month (``YYYY-MM``) or an ISO week (``YYYY-Www``):
    the column ``month`` becomes ``period``, every value kept."""
    _run(
        db,
        """
CREATE TABLE outcomes_by_period (
    metric TEXT NOT NULL,
    period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'
                                OR period GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),
    value REAL NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (metric, period)
);
INSERT INTO outcomes_by_period (metric, period, value, note, source, created_at, updated_at)
    SELECT metric, month, value, note, source, created_at, updated_at FROM outcomes;
DROP TABLE outcomes;
ALTER TABLE outcomes_by_period RENAME TO outcomes
""",
    )


def m019_digests(db: sqlite_utils.Database) -> None:
    """The digests sent to the ambassadors (each period once, so the next starts where the
    last ended) and each person's consent to be thanked by name in them. A digest's text may
    name people who consented: ``forget`` takes a forgotten person's name out of it."""
    _run(
        db,
        """
ALTER TABLE ambassadors ADD COLUMN thanks_by_name INTEGER NOT NULL DEFAULT 0 CHECK (thanks_by_name IN (0, 1));
CREATE TABLE digests (
    id INTEGER PRIMARY KEY,
    since TEXT NOT NULL,
    until TEXT NOT NULL,
    group_name TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL CHECK (format IN ('md', 'html', 'text')),
    body TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    CHECK (since <= until)
);
CREATE INDEX digests_by_end ON digests (group_name, until)
""",
    )


def m016_groups_and_campaigns(db: sqlite_utils.Database) -> None:
    """Groups of people (a cohort, a team, "sales ambassadors", a language) and campaigns.

    A group is a name and its members; it filters the roster and sums outcomes, never ranks.
    A member's row goes with the person (``forget``) or the group. A campaign (an open day,
    a recruitment drive) has a date range; a post belongs to at most one (``posts.campaign_id``),
    library items (graphics too) are linked through ``campaign_items``; the people taking
    part are the authors of its posts."""
    _run(
        db,
        """
CREATE TABLE groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX groups_by_name ON groups (name COLLATE NOCASE);
CREATE TABLE group_members (
    group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id) ON DELETE CASCADE,
    added_at TEXT NOT NULL,
    PRIMARY KEY (group_id, ambassador_id)
) WITHOUT ROWID;
CREATE INDEX group_members_by_person ON group_members (ambassador_id, group_id);
CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX campaigns_by_name ON campaigns (name COLLATE NOCASE);
CREATE TABLE campaign_items (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    library_item_id INTEGER NOT NULL REFERENCES library_items (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, library_item_id)
) WITHOUT ROWID;
ALTER TABLE posts ADD COLUMN campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL;
CREATE INDEX posts_by_campaign ON posts (campaign_id, planned_on) WHERE campaign_id IS NOT NULL
""",
    )


def m020_funnel(db: sqlite_utils.Database) -> None:
    """The recruitment funnel: who recommended a candidate (a name, free text) and the day a
    person was invited (the invitation waves). The number of employees the funnel's share
    is counted against is a program setting (``settings.employees``)."""
    _run(
        db,
        """
ALTER TABLE ambassadors ADD COLUMN recommended_by TEXT NOT NULL DEFAULT '';
ALTER TABLE ambassadors ADD COLUMN invited_on TEXT;
CREATE INDEX ambassadors_by_invitation ON ambassadors (invited_on) WHERE invited_on IS NOT NULL
""",
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    m001_ambassadors,
    m002_program,
    m003_roster_life,
    m004_roster_search,
    m005_calendar,
    m006_tasks_today,
    m007_task_load,
    m008_files_written,
    m009_involvement_by_post,
    m010_users_and_changes,
    m011_post_tombstones,
    m012_search_without_sizes,
    m013_goals_and_outcomes,
    m014_post_analytics,
    m015_topics,
    m016_groups_and_campaigns,
    m018_weekly_outcomes,
    m019_digests,
    m020_funnel,
]

SCHEMA_VERSION = len(MIGRATIONS)

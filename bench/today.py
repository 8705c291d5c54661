"""Today with 100,000 ambassadors, 100,000 posts and 50,000 tasks opens within 1.5x a bare
Textual app's start. Also times the Today queries and the tasks section on the same file.

    uv run python -m bench.today
"""

from __future__ import annotations

import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

from bench.common import BARE_APP, Start, app_start_code, cold_start, line, median_ms, median_start

PEOPLE = 100_000
POSTS = 100_000
TASKS = 50_000
RECURRING = 300
LIMIT = 1.5


def build(path: Path) -> None:
    from advocacy_tui.data.store import Store

    rng = random.Random(5)
    store = Store.open(path)
    today = store.clock.today()
    now = store.now_text()
    conn = store.db.conn
    statuses = ["candidate"] * 50 + ["invited"] * 10 + ["onboarding"] * 10 + ["active"] * 25 + ["paused", "left"] * 2
    categories = ["sample_posts", "graphics", "qa", "meetings", "inspiration", "content_hub", "other"]
    voices = ["personal", "personal", "team", "company", "industry"]
    rules = ["daily", "weekdays", "weekly:mon,thu", "weekly:fri", "monthly:31"]

    def day(offset: int) -> str:
        return (today + timedelta(days=offset)).isoformat()

    with store.write():
        conn.executemany(
            "INSERT INTO ambassadors (id, name, email, department, role, status, joined, created_at, "
            "updated_at, sort_key, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (i, f"Person {i:06d}", f"p{i}@example.com", f"Dept {i % 40}",
                 "owner" if i <= 3 else "manager" if i <= 400 else "ambassador",
                 rng.choice(statuses), day(-rng.randint(0, 700)), now, now, f"person {i:06d}",
                 f"person {i:06d} p{i}@example.com dept {i % 40}")
                for i in range(1, PEOPLE + 1)
            ),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO onboarding_steps (ambassador_id, step, done_on) VALUES (?, ?, ?)",
            ((rng.randint(1, PEOPLE), rng.choice(["profile", "library", "platform", "rules"]),
              day(-rng.randint(0, 120))) for _ in range(40_000)),
        )
        conn.executemany(
            "INSERT INTO involvement (ambassador_id, kind, happened_on, created_at) VALUES (?, ?, ?, ?)",
            ((rng.randint(1, PEOPLE), rng.choice(["feedback", "meeting", "question", "helped_colleague"]),
              day(-rng.randint(0, 365)), now) for _ in range(150_000)),
        )
        posts = []
        for i in range(1, POSTS + 1):
            offset = rng.randint(-700, 60)
            published = offset <= 0 and rng.random() < 0.8
            posts.append((f"bench-{i}", f"Post {i}", rng.randint(1, PEOPLE), day(offset),
                          "published" if published else rng.choice(["idea", "draft", "ready"]),
                          rng.choice(voices), day(offset) if published else None, now, now))
        conn.executemany(
            "INSERT INTO posts (uid, title, author_id, planned_on, state, voice, published_on, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            posts,
        )
        tasks = []
        for i in range(1, TASKS + 1):
            offset = rng.randint(-700, 90)
            recurring = i <= RECURRING
            done = not recurring and offset < -3 and rng.random() < 0.97
            tasks.append((f"Task {i}", rng.choice(categories), day(offset if not recurring else rng.randint(-5, 7)),
                          rng.choice([15, 30, 45, 60]), rng.choice(rules) if recurring else "none",
                          f"{day(offset)}T16:00:00+00:00" if done else None, i if recurring else None, now, now))
        conn.executemany(
            "INSERT INTO tasks (title, category, due_on, estimate_minutes, recurrence, done_at, series_id, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            tasks,
        )
        conn.execute("INSERT INTO settings (key, value) VALUES ('owner_hours_per_week', '6')")
    conn.execute("ANALYZE")
    store.close()


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="advocacy-bench-today-"))
    path = folder / "big.db"
    print(f"Building {PEOPLE:,} people, {POSTS:,} posts, {TASKS:,} tasks ({RECURRING} repeating) ...")
    build(path)

    from advocacy_tui.data.store import Store
    from advocacy_tui.data.tasks import TaskQuery, TaskRepo
    from advocacy_tui.data.today import TodayRepo
    from advocacy_tui.domain.tasks import week_start

    store = Store.open(path)
    today = TodayRepo(store)
    tasks = TaskRepo(store)
    monday = week_start(store.clock.today())
    queries = {
        "stuck in onboarding": today.stuck,
        "gone quiet": today.quiet,
        "silent owners and managers": today.silent_leaders,
        "content mix": today.content_mix,
        "active share": today.active_share,
        "posts per week (12)": today.published_per_week,
        "posts planned": today.planned_posts,
        "week load": lambda: tasks.load(monday),
        "overdue + today page": lambda: tasks.page(TaskQuery("today"), 0, 128),
        "done view count": lambda: tasks.count(TaskQuery("done")),
    }
    print("\nQueries (median of 15):")
    total = 0.0
    for label, query in queries.items():
        ms = median_ms(query)
        total += ms
        print(f"  {label:<46} {ms:>10.1f} ms")
    print(f"  {'all of them':<46} {total:>10.1f} ms")
    store.close()

    print("\nCold start, median of 11 interleaved rounds (fresh interpreter, to the first frame, 120x40):")
    codes = {"bare": BARE_APP} | {mode: app_start_code(str(path), mode) for mode in ("roster", "today", "tasks")}
    runs: dict[str, list[Start]] = {name: [] for name in codes}
    for _ in range(11):  # interleaved, so a busy moment on the shared machine hits all alike
        for name, code in codes.items():
            runs[name].append(cold_start(code, repeats=1))
    bare = median_start(runs["bare"])
    print(f"  {'bare Textual app (painted · settled)':<46} {bare.painted * 1000:>10.0f} · {bare.settled * 1000:.0f} ms")
    for mode in ("roster", "today", "tasks"):
        start = median_start(runs[mode])
        ratio = start.painted / bare.painted
        label = f"{mode} on the big program" + (" (baseline)" if mode == "roster" else "")
        print(line(label, f"{start.painted * 1000:.0f} ms = {ratio:.2f}x bare", f"{LIMIT}x bare", ratio <= LIMIT))
        settled = start.settled / bare.settled
        print(line("  (to the exit after the next refresh)",
                   f"{start.settled * 1000:.0f} ms = {settled:.2f}x bare", "-", True))
    print(f"\n(database: {path}, {path.stat().st_size / 1e6:.0f} MB; built {date.today():%d.%m.%Y})")


if __name__ == "__main__":
    main()

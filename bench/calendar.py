"""Calendar at scale: 100,000 posts over five years.

Opening the calendar, moving to the next month and filtering must each take at most
100 ms (median), and the month view must read only the posts of its own range.
Run: uv run python -m bench.calendar
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench.common import app_start_code, bare_start, cold_start, line, median_ms

POSTS = 100_000
YEARS = 5
PEOPLE = 2_000
LIMIT_MS = 100.0


def build(path: Path) -> None:
    from advocacy_tui.data.store import Store
    from advocacy_tui.domain.clock import FixedClock

    store = Store.open(path, clock=FixedClock.at("2026-11-27T09:30:00+01:00"))
    rng = random.Random(7)
    now = "2026-11-27T09:30:00+01:00"
    start = date(2022, 1, 1)
    days = YEARS * 365
    voices = ("personal", "team", "company", "industry")
    states = ("idea", "draft", "ready", "published", "dropped")
    with store.write():
        store.db.conn.executemany(
            "INSERT INTO ambassadors (name, email, role, status, created_at, updated_at, sort_key, "
            "search_text) VALUES (?, ?, ?, 'active', ?, ?, ?, ?)",
            [(f"Person {n}", f"p{n}@x.example", "manager" if n % 50 == 0 else "ambassador", now,
              now, f"person {n}", f"person {n}") for n in range(PEOPLE)])
        store.db.conn.executemany(
            "INSERT INTO posts (uid, title, author_id, planned_on, planned_time, state, voice, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(f"bench-{n}@advocacy-tui", f"Post number {n}", rng.randint(1, PEOPLE),
              (start + timedelta(days=rng.randrange(days))).isoformat(),
              f"{rng.randint(7, 19):02d}:{rng.choice(('00', '30'))}" if n % 3 else None,
              rng.choice(states), rng.choice(voices), now, now) for n in range(POSTS)])
    store.db.conn.execute("ANALYZE")
    store.close()


async def in_app(path: Path) -> dict[str, float]:
    """Medians in ms, each measured from the action to the repainted screen (pilot.pause)."""
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

    from advocacy_tui.app import AdvocacyApp
    from advocacy_tui.data.posts import PostFilter
    from advocacy_tui.data.store import Store
    from advocacy_tui.domain.clock import FixedClock

    class BareTabs(Screen):
        """What Textual alone needs for a screen of the same shape."""

        def compose(self):
            yield Header()
            with TabbedContent():
                with TabPane("Calendar"):
                    yield Static("grid")
                with TabPane("Library"):
                    yield Static("library")
            yield Footer()

    clock = FixedClock.at("2026-11-27T09:30:00+01:00")
    store = Store.open(path, clock=clock)
    app = AdvocacyApp(store, clock=clock, start_mode="roster")
    results: dict[str, list[float]] = {key: [] for key in (
        "bare_screen", "open", "reopen", "roster", "next", "filter", "work", "idle", "rows")}

    async def timed(key: str, action) -> None:
        began = time.perf_counter()
        result = action()
        if asyncio.iscoroutine(result):
            await result
        await pilot.pause()
        results[key].append((time.perf_counter() - began) * 1000)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for n in range(7):
            await timed("bare_screen", lambda: app.push_screen(BareTabs()))
            app.pop_screen()
            await pilot.pause()
            app.remove_mode("calendar")  # a fresh calendar screen every round
            from advocacy_tui.screens.calendar import CalendarScreen

            app.add_mode("calendar", CalendarScreen)
            await timed("open", lambda: app.run_action("switch_mode('calendar')"))
            screen = app.screen
            counted = screen.posts.month_summary(*screen.loaded_range)  # what the grid counts
            results["rows"].append(sum(day.total for day in counted.values()))
            await timed("idle", lambda: None)
            await timed("next", lambda screen=screen: screen.action_month(1))
            screen.filter = PostFilter(voice="company") if n % 2 else PostFilter(state="ready")
            await timed("filter", screen.reload)
            screen.filter = PostFilter()
            began = time.perf_counter()
            screen.reload()
            screen.grid._build()
            results["work"].append((time.perf_counter() - began) * 1000)
            await timed("roster", lambda: app.run_action("switch_mode('roster')"))
            await timed("reopen", lambda: app.run_action("switch_mode('calendar')"))
            await app.run_action("switch_mode('roster')")
            await pilot.pause()
    store.close()
    return {key: statistics.median(values) for key, values in results.items()}


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-calendar-"))
    path = folder / "calendar.db"
    began = time.perf_counter()
    build(path)
    print(f"calendar bench: {POSTS:,} posts over {YEARS} years, {PEOPLE:,} people "
          f"(built in {time.perf_counter() - began:.1f} s)")
    bare = bare_start()
    start = cold_start(app_start_code(str(path), "calendar"))
    print(line("bare Textual app start (to the first frame)", f"{bare.painted * 1000:.0f} ms", "-", True))
    print(line("app start in the calendar (cold)",
               f"{start.painted * 1000:.0f} ms  ({start.painted / bare.painted:.2f}x bare)", "-", True))
    from advocacy_tui.data.posts import PostRepo
    from advocacy_tui.data.store import Store

    store = Store.open(path)
    repo = PostRepo(store)
    query = median_ms(lambda: repo.month_summary(date(2026, 10, 26), date(2026, 12, 6)))
    fetched = sum(day.total for day in repo.month_summary(date(2026, 10, 26), date(2026, 12, 6)).values())
    store.close()
    print(line("month summary query (6 weeks, SQL only)", f"{query:.1f} ms", f"{LIMIT_MS:.0f} ms", query <= LIMIT_MS))
    t = asyncio.run(in_app(path))
    bare_ms = t["bare_screen"]
    print(line("bare Textual screen (header, 2 tabs, footer)", f"{bare_ms:.1f} ms", "-", True))
    print(line("idle round trip (pilot.pause, nothing to do)", f"{t['idle']:.1f} ms", "-", True))
    print(line("switch to the roster (reference section)", f"{t['roster']:.1f} ms", "-", True))
    for key, label in (("open", "open the calendar (first time: builds it)"),
                       ("reopen", "open the calendar again (key 3)"),
                       ("next", "next month ( ] ), repainted"),
                       ("filter", "filter by voice or state, repainted"),
                       ("work", "calendar's own work per month (SQL+grid)")):
        value = t[key]
        print(line(label, f"{value:.1f} ms  ({value / bare_ms:.2f}x bare screen)",
                   f"{LIMIT_MS:.0f} ms", value <= LIMIT_MS))
    rows = int(t["rows"])
    expected = POSTS / (YEARS * 365) * 42
    print(line("posts counted for one month view", f"{rows:,} of {POSTS:,}",
               f"~{expected:,.0f} (42 days)", rows == fetched and rows < expected * 1.5))


if __name__ == "__main__":
    sys.exit(main())

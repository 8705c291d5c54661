"""What a user feels: the real `advocacy-tui` command in a pseudo-terminal.

Every screen figure is the time from the start of the process (or from the key) to the
moment the expected text is on a terminal emulator's screen (pyte, fed the bytes as they
arrive). Start-up figures are paired with a bare Textual app (Header, Static, Input,
Footer) started the same way, alternating, and printed as ratios; keystroke figures are
printed next to a key echoed by the bare app's Input. Medians of ROUNDS rounds.

    uv run python -m bench.user              # screens and commands at 100,000 (about 10 minutes)
    uv run python -m bench.user --million    # also import 1,000,000 rows
    uv run python -m bench.user --rounds 3   # a quicker look
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.terminal import Terminal

ROUNDS = 7
ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
APP = [str(BIN / "advocacy-tui")]
BARE = [sys.executable, "-m", "bench.bare_app"]

# figure: (limit for issue 18, goal after it); ratios for start-up, ms for keys, s and MB for commands
LIMITS = {
    "first paint, empty": (1.3, 1.2), "first paint, demo": (1.3, 1.2), "first paint, 100k": (1.3, 1.2),
    "Today with its cards filled, 100k": (1.4, 1.3),
    "roster open (key 2), 100k": (80, 50),
    "filter keystroke k": (40, 30), "filter keystroke o": (40, 30), "filter keystroke w": (40, 30),
    "calendar open (key 3), 100k posts": (80, 50), "next month, 100k posts": (50, 30),
}


def child_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "ADVOCACY_TUI_DB")}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8")
    return env


def on_screen(*texts: str):
    return lambda screen: all(text in screen for text in texts)


def status_line(screen: str) -> str:
    return next((line for line in screen.splitlines() if " people · " in line or "No one matches" in line), "")


def bare_round(env: dict[str, str]) -> tuple[float, float]:
    """(start to first paint in s, key echo in s)."""
    with Terminal(BARE, env=env, cwd=str(ROOT)) as term:
        painted = term.wait_for(on_screen("bare app ready", "^p")) - term.started
        term.settle(0.2)
        sent = term.send(b"k")
        echoed = term.wait_for(lambda s: any("▊" in line and " k " in line for line in s.splitlines())) - sent
    return painted, echoed


def app_start(env: dict[str, str], args: list[str], ready) -> float:
    with Terminal(APP + args, env=env, cwd=str(ROOT)) as term:
        return term.wait_for(ready) - term.started


TODAY_PAINTED = on_screen("advocacy-tui — Today", "^p")


def today_filled(screen: str) -> bool:
    return TODAY_PAINTED(screen) and "Counting" not in screen and "published" in screen


def big_round(env: dict[str, str], db: Path) -> dict[str, float]:
    """One start of the app on the 100k program, then the roster, its filter and the calendar."""
    figures: dict[str, float] = {}
    with Terminal(APP + ["--db", str(db)], env=env, cwd=str(ROOT)) as term:
        figures["first paint, 100k"] = term.wait_for(TODAY_PAINTED) - term.started
        figures["Today with its cards filled, 100k"] = term.wait_for(today_filled) - term.started
        term.settle()
        sent = term.send(b"2")
        figures["roster open (key 2), 100k"] = term.wait_for(
            lambda s: "advocacy-tui — Roster" in s and "100,000 people" in status_line(s)) - sent
        term.settle()
        term.send(b"/")
        term.settle()
        for key in "kow":
            before = status_line(term.text())
            sent = term.send(key.encode())
            figures[f"filter keystroke {key}"] = term.wait_for(
                lambda s, b=before: status_line(s) not in ("", b)) - sent
            term.settle()
        term.send(b"\x1b")
        term.settle()
        sent = term.send(b"3")
        figures["calendar open (key 3), 100k posts"] = term.wait_for(
            on_screen("advocacy-tui — Calendar", "December 2026")) - sent
        term.settle()
        sent = term.send(b"]")
        figures["next month, 100k posts"] = term.wait_for(on_screen("January 2027")) - sent
    return figures


def run_command(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall s, peak MB, output) of one CLI command."""
    start = time.perf_counter()
    process = subprocess.Popen(APP + args, env=env, cwd=str(ROOT), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    output = process.stdout.read().decode(errors="replace")  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status:
        raise RuntimeError(f"{' '.join(args)} failed:\n{output}")
    return wall, usage.ru_maxrss / 1024, output


def add_post_ms(db: Path) -> float:
    """Median ms of adding one published post through the data layer on ``db``."""
    from datetime import date

    from advocacy_tui.data.posts import PostRepo
    from advocacy_tui.data.store import Store
    from advocacy_tui.domain.posts import Post

    store = Store.open(db)
    try:
        posts = PostRepo(store)
        times = []
        for number in range(40):
            post = Post(id=None, title=f"bench add {number}", author_id=7,
                        planned_on=date(2026, 12, 2), state="published", voice="personal",
                        published_on=date(2026, 12, 2))
            start = time.perf_counter()
            posts.add(post)
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1000
    finally:
        store.close()


def row(label: str, value: str, limit: str, ok: bool | None) -> str:
    verdict = "" if ok is None else ("ok" if ok else "OVER")
    return f"  {label:<42} {value:>26}   limit {limit:<10} {verdict}"


def main(argv: list[str]) -> None:
    rounds = int(argv[argv.index("--rounds") + 1]) if "--rounds" in argv else ROUNDS
    million = "--million" in argv
    from advocacy_tui.data.store import Store
    from bench.generate import write_polish_csv
    from bench.today import build

    with tempfile.TemporaryDirectory(prefix="advocacy-bench-") as folder:
        work = Path(folder)
        env = child_env(work)
        empty, big = work / "empty.db", work / "big.db"
        Store.open(empty).close()
        print("building the 100k program (100,000 people, 100,000 posts, 50,000 tasks)...", flush=True)
        build(big)

        # warm-up: bytecode written, files in the page cache; not counted
        bare_round(env)
        app_start(env, ["--db", str(empty)], TODAY_PAINTED)
        app_start(env, ["--demo"], TODAY_PAINTED)
        big_round(env, big)

        bare_paint, bare_echo, samples = [], [], {}
        for _ in range(rounds):
            for name, args in (("first paint, empty", ["--db", str(empty)]), ("first paint, demo", ["--demo"])):
                paint, echo = bare_round(env)
                bare_paint.append(paint)
                bare_echo.append(echo)
                samples.setdefault(name, []).append(app_start(env, args, TODAY_PAINTED) / paint)
            paint, echo = bare_round(env)
            bare_paint.append(paint)
            bare_echo.append(echo)
            for name, value in big_round(env, big).items():
                ratio = name.startswith(("first paint", "Today"))
                samples.setdefault(name, []).append(value / paint if ratio else value * 1000)

        bare_ms = statistics.median(bare_paint) * 1000
        echo_ms = statistics.median(bare_echo) * 1000
        print(f"\nuser bench · real command in a {120}x{40} pty, pyte screen · median of {rounds} rounds")
        print(f"  bare Textual app: first paint {bare_ms:.0f} ms, key echoed in its Input {echo_ms:.0f} ms")
        for name, values in samples.items():
            value = statistics.median(values)
            limit, _goal = LIMITS[name]
            if name.startswith(("first paint", "Today")):
                text = f"{value * bare_ms:.0f}/{bare_ms:.0f} ms = {value:.2f}x"
                print(row(name, text, f"{limit}x", value <= limit), flush=True)
            else:
                print(row(name, f"{value:.0f} ms", f"{limit} ms", value <= limit), flush=True)

        csv_100k = write_polish_csv(work / "people-100k.csv", 100_000)
        imports = []
        for number in range(3):
            imports.append(run_command(["import", "ambassadors", str(csv_100k), "--db",
                                        str(work / f"import-{number}.db")], env))
        wall, peak = statistics.median(i[0] for i in imports), statistics.median(i[1] for i in imports)
        print(row("import ambassadors, 100k rows", f"{wall:.1f} s, {peak:.0f} MB", "3 s, 120 MB",
                  wall <= 3 and peak <= 120), flush=True)
        if million:
            csv_1m = write_polish_csv(work / "people-1m.csv", 1_000_000)
            wall, peak, _ = run_command(["import", "ambassadors", str(csv_1m), "--db", str(work / "m.db")], env)
            print(row("import ambassadors, 1M rows", f"{wall:.1f} s, {peak:.0f} MB", "30 s, 200 MB",
                      wall <= 30 and peak <= 200), flush=True)
            os.unlink(csv_1m)

        wall, peak, _ = run_command(["export", "calendar", "--format", "ics", "-o", str(work / "plan.ics"),
                                     "--db", str(big)], env)
        print(row("export calendar --format ics, 100k posts", f"{wall:.1f} s, {peak:.0f} MB", "5 s, 150 MB",
                  wall <= 5 and peak <= 150), flush=True)

        small = work / "small.db"
        shutil.copy(big, small)
        conn = sqlite3.connect(small)
        conn.execute("DELETE FROM posts WHERE id > 1000")
        conn.commit()
        conn.execute("VACUUM")
        conn.close()
        at_1k, at_100k = add_post_ms(small), add_post_ms(big)
        print(row("add one post at 1k / 100k posts", f"{at_1k:.2f} / {at_100k:.2f} ms", "flat",
                  at_100k <= at_1k * 1.5 + 0.2), flush=True)

        forgets = []
        for number in range(3):
            copy = work / f"forget-{number}.db"
            shutil.copy(big, copy)
            forgets.append(run_command(["forget", f"p{1000 + number}@example.com", "--yes", "--db", str(copy)],
                                       env)[0])
        wall = statistics.median(forgets)
        print(row("forget one person at 100k", f"{wall:.1f} s", "1.5 s", wall <= 1.5), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

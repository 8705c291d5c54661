"""The roster at 1,000, 10,000 and 100,000 people, next to a bare Textual app.

    uv run python -m bench.roster            # all sizes (a few minutes)
    uv run python -m bench.roster 1000       # one size

Each size gets a fresh synthetic program (bench/generate.py, fixed seed). Figures:
* start: a fresh interpreter opening the app on the roster until the first paint,
  as a ratio to a bare Textual app started in the same run (limit 1.5x);
* filter keystroke: from the pilot pressing one key in the filter box until the table
  has reloaded (count and first rows from the database) and every visible line has been
  rendered, median (limit 50 ms), in-process with app.run_test;
* scroll to the end: End in the table, to the same point, median (limit 50 ms);
* peak memory of the app process with that roster (limit 250 MB);
* import of a 100,000-row Windows-1250 CSV through the command line (limit 10 s),
  and that command's peak memory.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import BARE_APP, Start, app_start_code, cold_start, line, median_start
from bench.generate import fill_store, write_polish_csv

SIZES = (1_000, 10_000, 100_000)
CHILD = "--child"


def peak_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: on Linux ru_maxrss survives
    exec, so a child started by a big parent would report the parent's peak."""
    try:
        with open("/proc/self/status") as status:
            for text in status:
                if text.startswith("VmHWM:"):
                    return int(text.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


IMPORT_CODE = """
import sys
from bench.roster import peak_mb
from advocacy_tui.cli import main
sys.argv = ["advocacy-tui", "import", "ambassadors", *sys.argv[1:]]
try:
    main()
finally:
    print(f"peak {peak_mb()}", file=sys.stderr)
"""


async def _interactive(db: str) -> dict[str, float]:
    """Run inside a child process: time filter keystrokes and scrolling with the pilot."""
    from advocacy_tui.app import AdvocacyApp
    from advocacy_tui.data.store import Store
    from advocacy_tui.widgets.virtual_table import VirtualTable

    store = Store.open(db)
    app = AdvocacyApp(store, start_mode="roster")
    filter_times: list[float] = []
    scroll_times: list[float] = []
    done: list[float] = []

    def paint(table: VirtualTable) -> None:
        # What the next screen refresh does for the table: render every visible line.
        for y in range(table.size.height):
            table.render_line(y)
        done.append(time.perf_counter())

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(VirtualTable)
        reload_rows = screen.refresh_rows

        def timed_refresh(*args, **kwargs):
            reload_rows(*args, **kwargs)
            paint(table)

        screen.refresh_rows = timed_refresh
        go_last = table.action_last

        def timed_last() -> None:
            go_last()
            paint(table)

        table.action_last = timed_last
        await pilot.press("slash")
        await pilot.pause()
        for _ in range(4):
            for key in ["k", "o", "w", "backspace", "backspace", "backspace", "a", "backspace"]:
                done.clear()
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                assert done, "the table did not reload"
                filter_times.append(done[-1] - start)
        await pilot.press("escape")
        table.focus()
        await pilot.pause()
        for _ in range(10):
            await pilot.press("home")
            await pilot.pause()
            done.clear()
            start = time.perf_counter()
            await pilot.press("end")
            await pilot.pause()
            assert done, "the table did not move"
            scroll_times.append(done[-1] - start)
        assert table.cursor == table.row_count - 1
    store.close()
    return {
        "filter_ms": statistics.median(filter_times) * 1000,
        "filter_max_ms": max(filter_times) * 1000,
        "scroll_ms": statistics.median(scroll_times) * 1000,
        "rss_mb": peak_mb(),
    }


def child_main(db: str) -> None:
    import asyncio

    print(json.dumps(asyncio.run(_interactive(db))))


def _starts(db: Path, repeats: int = 11) -> tuple[Start, Start]:
    """Median cold start of the app on ``db`` and of the bare app, run alternately so that
    both see the same load on a shared machine."""
    app_code = app_start_code(str(db), "roster")
    apps, bares = [], []
    for _ in range(repeats):
        bares.append(cold_start(BARE_APP, 1))
        apps.append(cold_start(app_code, 1))
    return median_start(apps), median_start(bares)


def _child(db: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-m", "bench.roster", CHILD, str(db)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _import_cli(csv_path: Path, db: Path) -> tuple[float, float]:
    """Seconds and peak MB of ``advocacy-tui import ambassadors`` in a fresh process."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", IMPORT_CODE, str(csv_path), "--db", str(db)],
                            capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    peak = float(result.stderr.strip().splitlines()[-1].split()[-1])
    return seconds, peak


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    if args and args[0] == CHILD:
        child_main(args[1])
        return
    sizes = tuple(int(a) for a in args) or SIZES
    from advocacy_tui.data.store import Store

    print("roster bench · each start is a median of 11, alternating with a bare Textual app")
    with tempfile.TemporaryDirectory(prefix="advocacy-bench-") as folder:
        for size in sizes:
            db = Path(folder) / f"roster-{size}.db"
            with Store.open(db) as store:
                fill_store(store, size)
            start, bare = _starts(db)
            figures = _child(db)
            print(f"{size:,} ambassadors")
            ratio = start.painted / bare.painted
            print(line("app start to roster painted",
                       f"{start.painted * 1000:.0f}/{bare.painted * 1000:.0f} ms = {ratio:.2f}x",
                       "1.5x", ratio <= 1.5))
            settled = start.settled / bare.settled
            print(line("  (to the exit after the next refresh)",
                       f"{start.settled * 1000:.0f}/{bare.settled * 1000:.0f} ms = {settled:.2f}x",
                       "-", True))
            print(line("filter keystroke to repainted table (median)",
                       f"{figures['filter_ms']:.1f} ms (max {figures['filter_max_ms']:.0f})", "50 ms",
                       figures["filter_ms"] <= 50))
            print(line("scroll to the end (median)", f"{figures['scroll_ms']:.1f} ms", "50 ms",
                       figures["scroll_ms"] <= 50))
            print(line("peak memory of the app", f"{figures['rss_mb']:.0f} MB", "250 MB",
                       figures["rss_mb"] <= 250))
        csv_path = write_polish_csv(Path(folder) / "people.csv", 100_000)
        seconds, peak = _import_cli(csv_path, Path(folder) / "import.db")
        print("import ambassadors (100,000-row Windows-1250 CSV, ';', fresh database, CLI)")
        print(line("time", f"{seconds:.2f} s", "10 s", seconds <= 10))
        print(line("peak memory", f"{peak:.0f} MB", "250 MB", peak <= 250))
        seconds, _ = _import_cli(csv_path, Path(folder) / "import.db")
        print(line("same file again (all unchanged)", f"{seconds:.2f} s", "10 s", seconds <= 10))


if __name__ == "__main__":
    main()

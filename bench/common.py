"""Shared measuring tools for the benchmarks.

Every figure is printed next to a bare Textual app started in the same run, because
the machine is shared and noisy: ratios travel, absolute times do not.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

BARE_APP = """
import time
start = time.perf_counter()
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True, size=(120, 40))
print(time.perf_counter() - start)
"""


# A user's installed app has its bytecode cached after the first run. Some environments set
# PYTHONDONTWRITEBYTECODE, which makes every start compile every module again, Textual's
# included; the child processes here are allowed to keep their bytecode, and the first run
# of each program (which writes it) is not counted.
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
_warmed: set[str] = set()


def _run(code: str) -> float:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env=CHILD_ENV)
    return float(result.stdout.strip().splitlines()[-1])


def cold_start(code: str, repeats: int = 5) -> float:
    """Median seconds a fresh interpreter takes to run ``code`` (it prints its own time)."""
    if code not in _warmed:
        _run(code)
        _warmed.add(code)
    return statistics.median(_run(code) for _ in range(repeats))


def bare_start(repeats: int = 5) -> float:
    return cold_start(BARE_APP, repeats)


def app_start_code(db_path: str, mode: str, size: tuple[int, int] = (120, 40)) -> str:
    """Code that opens the real app on ``db_path`` in ``mode`` and exits after the first paint."""
    return f"""
import time
start = time.perf_counter()
from advocacy_tui.data.store import Store
from advocacy_tui.app import AdvocacyApp

class Timed(AdvocacyApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self.exit)

store = Store.open({db_path!r})
Timed(store, start_mode={mode!r}).run(headless=True, size={size!r})
print(time.perf_counter() - start)
"""


def median_ms(action: Callable[[], object], repeats: int = 15) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def line(label: str, value: str, limit: str, ok: bool) -> str:
    return f"  {label:<46} {value:>22}   limit {limit:<14} {'ok' if ok else 'OVER'}"

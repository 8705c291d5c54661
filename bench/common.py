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
from typing import NamedTuple

# Both programs time the same two moments. "painted": the first frame of the screen is
# rendered (App._display receives it; checked to be identical, styles included, to the
# frames that follow). "settled": the app's on_mount asked to exit after the next
# refresh, and did; this adds the refresh cycles (about 17 ms each) that Textual runs
# after the first frame for the start-up resize events, and a slower start lets more of
# them in before the exit.
FRAME_CLOCK = """
import time
start = time.perf_counter()
import textual.app
painted = []
_display = textual.app.App._display
def _timed_display(self, screen, renderable):
    if renderable is not None and not painted:
        painted.append(time.perf_counter() - start)
    return _display(self, screen, renderable)
textual.app.App._display = _timed_display
"""

BARE_APP = FRAME_CLOCK + """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True, size=(120, 40))
print(painted[0], time.perf_counter() - start)
"""


# A user's installed app has its bytecode cached after the first run. Some environments set
# PYTHONDONTWRITEBYTECODE, which makes every start compile every module again, Textual's
# included; the child processes here are allowed to keep their bytecode, and the first run
# of each program (which writes it) is not counted.
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
_warmed: set[str] = set()


class Start(NamedTuple):
    painted: float  # seconds to the first frame of the screen
    settled: float  # seconds to the exit requested after the first refresh


def _run(code: str) -> Start:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env=CHILD_ENV)
    painted, settled = result.stdout.strip().splitlines()[-1].split()
    return Start(float(painted), float(settled))


def cold_start(code: str, repeats: int = 5) -> Start:
    """Median times of a fresh interpreter running ``code`` (it prints its own times)."""
    if code not in _warmed:
        _run(code)
        _warmed.add(code)
    runs = [_run(code) for _ in range(repeats)]
    return Start(statistics.median(r.painted for r in runs), statistics.median(r.settled for r in runs))


def median_start(runs: list[Start]) -> Start:
    return Start(statistics.median(r.painted for r in runs), statistics.median(r.settled for r in runs))


def bare_start(repeats: int = 5) -> Start:
    return cold_start(BARE_APP, repeats)


def app_start_code(db_path: str, mode: str, size: tuple[int, int] = (120, 40)) -> str:
    """Code that opens the real app on ``db_path`` in ``mode`` and exits after the first paint."""
    return FRAME_CLOCK + f"""
from advocacy_tui.data.store import Store
from advocacy_tui.app import AdvocacyApp

class Timed(AdvocacyApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self.exit)

store = Store.open({db_path!r})
Timed(store, start_mode={mode!r}).run(headless=True, size={size!r})
print(painted[0], time.perf_counter() - start)
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

"""Shared fixtures: a fixed clock, temporary databases, and an app that never touches real user files."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from advocacy_tui.config import Settings
from advocacy_tui.data.demo import open_demo
from advocacy_tui.data.store import Store
from advocacy_tui.domain.clock import FixedClock

FIXED_NOW = "2026-11-27T09:30:00+01:00"

# Some environments set PYTHONDONTWRITEBYTECODE, and then every interpreter the tests start
# (pytest's workers, each `advocacy-tui` a CLI test runs) compiles Textual and the app from
# source again, about 1.5 s each on a slow machine. A user's installed app keeps its bytecode
# after the first run; the tests' processes keep theirs too.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False


def _quick_pilot_waits() -> None:
    """Textual's pilot waits after every key until a 20 ms window passes with almost no CPU
    used, a window chosen to span one 60 fps frame. The tests press thousands of keys, so
    they draw a frame every 5 ms and wait in 5 ms windows: still a whole frame per window,
    a quarter of the waiting. Set before any app starts; the app itself is unchanged.
    Textual internals, checked on Textual 8.2.8: if they move, this says so."""
    import textual._wait
    import textual.screen

    for module, name in ((textual.screen, "UPDATE_PERIOD"), (textual._wait, "SLEEP_GRANULARITY"),
                         (textual._wait, "SLEEP_IDLE")):
        assert hasattr(module, name), f"Textual no longer has {module.__name__}.{name}: update conftest.py"
    textual.screen.UPDATE_PERIOD = 1 / 200  # type: ignore[misc]
    textual._wait.SLEEP_GRANULARITY = textual.screen.UPDATE_PERIOD
    textual._wait.SLEEP_IDLE = textual._wait.SLEEP_GRANULARITY / 20


_quick_pilot_waits()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (in addopts) starts workers when a folder is run (``uv run pytest`` runs
    tests/), and uses one process when only files or single tests are named: starting the
    workers would cost more than it saves."""
    named = [Path(str(arg).split("::")[0]) for arg in config.args]
    if named and not any(path.is_dir() for path in named):
        return 0
    # one worker more than there are cores: many tests spend part of their time waiting (on
    # the `advocacy-tui` they started, the browser, the pilot's idle windows), and on the
    # 2-core machine three workers finished the suite in 229 s where two took 269 s (four: 271 s)
    return (os.cpu_count() or 1) + 1


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point config, data and the database default at a temporary home for every test."""
    home = tmp_path_factory.mktemp("home")
    isolate_user_dirs(monkeypatch, home)
    return home


def isolate_user_dirs(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """The environment of ``isolated_user_dirs``, also for fixtures wider than one test
    (which are made before it)."""
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local/state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("ADVOCACY_TUI_DB", raising=False)
    monkeypatch.delenv("ADVOCACY_TUI_CONFIG", raising=False)
    # the language comes from the locale when the config has none: tests speak English
    # unless they ask for Polish, whatever the machine's locale
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text cursors do not blink in tests, so snapshots do not depend on timing."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.at(FIXED_NOW)


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock):
    store = Store.open(tmp_path / "program.db", clock=clock)
    yield store
    store.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo program built once per test session (building it takes a fifth of a second)."""
    store = open_demo(FixedClock.at(FIXED_NOW), tmp_path_factory.mktemp("demo-template"))
    path = store.path
    store.close()
    return path


@pytest.fixture
def polish_store(tmp_path: Path, clock: FixedClock):
    """A fresh Polish demo program, with the app's language set to Polish meanwhile."""
    from advocacy_tui import i18n

    i18n.set_language("pl")
    store = open_demo(clock, tmp_path, language="pl")
    yield store
    store.close()
    i18n.set_language("en")


@pytest.fixture
def demo_store(tmp_path: Path, clock: FixedClock, demo_template: Path):
    """A fresh copy of the demo program for one test, made with SQLite's backup API."""
    path = tmp_path / "demo.db"
    with contextlib.closing(sqlite3.connect(demo_template)) as source, \
            contextlib.closing(sqlite3.connect(path)) as target:
        source.backup(target)
    store = Store.open(path, clock=clock)
    yield store
    store.close()


@pytest.fixture
def make_app(clock: FixedClock):
    """Build the app over a store, with a fixed clock and default settings."""
    from advocacy_tui.app import AdvocacyApp

    def build(store: Store, settings: Settings | None = None, **options):
        return AdvocacyApp(store, settings or Settings(), clock=clock, **options)

    return build

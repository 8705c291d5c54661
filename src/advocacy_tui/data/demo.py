"""The demo program: a realistic sample built fresh into a temporary file."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from datetime import timedelta
from pathlib import Path

import tomli

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.demo_content import demo_language, demo_text
from advocacy_tui.data.demo_tasks import fill_tasks
from advocacy_tui.data.posts import fill_calendar
from advocacy_tui.data.roster_life import fill_roster_life
from advocacy_tui.data.store import Store, StoreError
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.domain.clock import Clock, SystemClock
from advocacy_tui.domain.dates import format_date


def demo_content(language: str | None = None) -> dict:
    return tomli.loads(demo_text("demo", language))


def fill_demo(store: Store, language: str | None = None) -> None:
    """Write the demo program into an empty store, in one transaction: the Polish company
    in Polish, the English one otherwise (``language`` or the one in use)."""
    language = demo_language(language)
    content = demo_content(language)
    today = store.clock.today()
    repo = AmbassadorRepo(store)
    with store.write():
        for person in content["ambassadors"]:
            fields = {key: str(value) for key, value in person.items() if not key.endswith("_days_ago")}
            if "joined_days_ago" in person:
                fields["joined"] = format_date(today - timedelta(days=person["joined_days_ago"]))
            if "invited_days_ago" in person:  # the invitation waves of the recruitment funnel
                fields["invited_on"] = format_date(today - timedelta(days=person["invited_days_ago"]))
            repo.add(build_ambassador(fields))
        fill_roster_life(store, language)
        fill_calendar(store, language)
    fill_tasks(store, language)
    from advocacy_tui.data.readiness import fill_readiness

    fill_readiness(store, language)
    from advocacy_tui.data.demo_goals import fill_goals

    fill_goals(store, language)
    from advocacy_tui.data.demo_groups import fill_groups

    fill_groups(store, language)
    _fill_sent_digest(store)


def _fill_sent_digest(store: Store) -> None:
    """The digest sent two weeks ago (the four weeks to 15 days ago), so that the next one
    starts where it ended."""
    from advocacy_tui.data.digest import DigestRepo, render_digest

    today = store.clock.today()
    repo = DigestRepo(store)
    sent = repo.gather(today - timedelta(days=28), today - timedelta(days=15))
    repo.mark_sent(sent, "md", render_digest(store, sent, "md"))


def open_demo(clock: Clock | None = None, folder: Path | None = None, language: str | None = None,
              *, cached: bool | None = None) -> Store:
    """A fresh temporary copy of the demo program; the user's own data is never touched.

    With ``cached`` (the default when neither a clock nor a folder is given, as the app and
    the CLI call it) the program built once is kept in the user's cache folder and each
    start copies it (SQLite's backup API) instead of building it again: the copy is still
    fresh, nothing done in the demo reaches the cached file. The file is named after what
    it was built from (the demo's content, the code that writes it, the app's version, the
    language, today's date and the time zone), so a new day or a new version builds anew.
    """
    if cached is None:
        cached = clock is None and folder is None
    folder = folder or Path(tempfile.mkdtemp(prefix="advocacy-demo-"))
    target = folder / "demo.db"
    if cached:
        try:
            source = _cached_demo(clock or SystemClock(), demo_language(language))
        except (OSError, sqlite3.Error, StoreError):
            source = None  # no cache folder, a full disk: build in place as before
        if source is not None:
            try:
                _copy(source, target)
                return Store.open(target, clock=clock)
            except (OSError, sqlite3.Error, StoreError):  # a broken cached file: made again next time
                source.unlink(missing_ok=True)
                for leftover in folder.glob("demo.db*"):
                    leftover.unlink(missing_ok=True)
    store = Store.open(target, clock=clock)
    fill_demo(store, language)
    return store


def _demo_key(clock: Clock, language: str) -> str:
    """What the demo program is made of, as a short hash."""
    import hashlib

    import advocacy_tui

    package = Path(advocacy_tui.__file__).parent
    digest = hashlib.sha256()
    now = clock.now()
    digest.update(f"{advocacy_tui.__version__}|{language}|{clock.today()}|{now.utcoffset()}".encode())
    for part in ("data", "domain", "content", f"locale/{language}/LC_MESSAGES"):
        for path in sorted((package / part).glob("*")):
            if path.suffix in (".py", ".toml", ".po", ".mo"):
                stat = path.stat()
                digest.update(f"{part}/{path.name}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def _cached_demo(clock: Clock, language: str) -> Path:
    """The demo program in the cache folder, built there first when missing."""
    from advocacy_tui.paths import cache_dir

    folder = cache_dir() / "demo"
    path = folder / f"demo-{language}-{_demo_key(clock, language)}.db"
    if path.is_file():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"demo-{language}-*.db"):  # yesterday's, or an older version's
        old.unlink(missing_ok=True)
    building = Path(tempfile.mkdtemp(prefix="build-", dir=folder))
    try:
        with Store.open(building / "demo.db", clock=clock) as store:
            fill_demo(store, language)
            partial = building / path.name
            _copy(store.path, partial)
        os.replace(partial, path)  # whole or not at all, whoever else is building it
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return path


def _copy(source: Path, target: Path) -> None:
    """Copy a database with SQLite's backup API (a consistent copy, whatever its journal)."""
    with contextlib.closing(sqlite3.connect(source)) as origin, \
            contextlib.closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)

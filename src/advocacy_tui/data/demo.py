"""The demo program: a realistic sample built fresh into a temporary file."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

import tomli

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.demo_content import demo_language, demo_text
from advocacy_tui.data.demo_tasks import fill_tasks
from advocacy_tui.data.posts import fill_calendar
from advocacy_tui.data.roster_life import fill_roster_life
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.domain.clock import Clock
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
            fields = {key: str(value) for key, value in person.items() if key != "joined_days_ago"}
            if "joined_days_ago" in person:
                fields["joined"] = format_date(today - timedelta(days=person["joined_days_ago"]))
            repo.add(build_ambassador(fields))
        fill_roster_life(store, language)
        fill_calendar(store, language)
    fill_tasks(store, language)
    from advocacy_tui.data.readiness import fill_readiness

    fill_readiness(store, language)


def open_demo(clock: Clock | None = None, folder: Path | None = None, language: str | None = None) -> Store:
    """A fresh temporary copy of the demo program; the user's own data is never touched."""
    folder = folder or Path(tempfile.mkdtemp(prefix="advocacy-demo-"))
    store = Store.open(folder / "demo.db", clock=clock)
    fill_demo(store, language)
    return store

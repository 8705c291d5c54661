"""Today and Tasks in Polish at 80x24 (issue 17): the words fit the same space as the English."""

import pytest

from advocacy_tui import i18n
from advocacy_tui.config import Settings


@pytest.fixture
def polish():
    i18n.set_language("pl")
    yield Settings(language="pl", language_set=True)
    i18n.set_language("en")


async def counted(pilot):
    """Wait for Today's counting worker, so the snapshot shows the numbers."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_today_pl(snap_compare, demo_store, make_app, polish):
    assert snap_compare(make_app(demo_store, polish, start_mode="today"), terminal_size=(80, 24),
                        run_before=counted)


def test_tasks_pl(snap_compare, demo_store, make_app, polish):
    assert snap_compare(make_app(demo_store, polish, start_mode="tasks"), terminal_size=(80, 24))

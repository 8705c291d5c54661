"""The Tasks section's dialogs in Polish (issue 17), in the Polish demo program, at 80x24 and
120x40 with a fixed clock: the task form (new, and editing a repeating task), the list with
its Repeats column, the routine, the delete question, the error dialog and the help page."""

import pytest

from advocacy_tui import i18n
from advocacy_tui.config import Settings

SIZES = [(80, 24), (120, 40)]
ids = lambda s: f"{s[0]}x{s[1]}"  # noqa: E731


@pytest.fixture
def polish(tmp_path, clock):
    """The Polish demo program and Polish settings; English again afterwards."""
    from advocacy_tui.data.demo import open_demo

    i18n.set_language("pl")
    store = open_demo(clock, tmp_path, language="pl")
    yield store, Settings(language="pl", language_set=True)
    store.close()
    i18n.set_language("en")


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_new_task_form_pl(snap_compare, polish, make_app, size):
    store, settings = polish
    assert snap_compare(make_app(store, settings, start_mode="tasks"), terminal_size=size, press=["a"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_edit_repeating_task_pl(snap_compare, polish, make_app, size):
    """The third task of today repeats on Mondays and Thursdays: the rule shows as typed in Polish."""
    store, settings = polish
    assert snap_compare(make_app(store, settings, start_mode="tasks"), terminal_size=size,
                        press=["down", "down", "e"])


def test_task_form_problems_pl(snap_compare, polish, make_app):
    """A repeat rule that cannot be read and a missing title are explained in Polish."""
    store, settings = polish
    assert snap_compare(make_app(store, settings, start_mode="tasks"), terminal_size=(120, 40),
                        press=["a", "tab", "tab", "tab", "tab", "tab", *"co rok", "f10"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_upcoming_repeats_column_pl(snap_compare, polish, make_app, size):
    store, settings = polish
    assert snap_compare(make_app(store, settings, start_mode="tasks"), terminal_size=size,
                        press=["right", "right"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_routine_pl(snap_compare, polish, make_app, size):
    store, settings = polish
    assert snap_compare(make_app(store, settings, start_mode="tasks"), terminal_size=size, press=["r"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_delete_repeating_task_pl(snap_compare, polish, make_app, size):
    store, settings = polish
    assert snap_compare(make_app(store, settings, start_mode="tasks"), terminal_size=size,
                        press=["down", "d"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_error_dialog_pl(snap_compare, polish, make_app, size):
    from advocacy_tui.screens.modals.error import ErrorDialog

    async def failed(pilot):
        await pilot.app.push_screen(ErrorDialog("database is locked", "/home/ola/.cache/advocacy-tui/error.log"))
        await pilot.pause()

    store, settings = polish
    assert snap_compare(make_app(store, settings, start_mode="tasks"), terminal_size=size, run_before=failed)


def test_tasks_help_pl(snap_compare, polish, make_app):
    store, settings = polish
    assert snap_compare(make_app(store, settings, start_mode="tasks"), terminal_size=(80, 24), press=["f1"])

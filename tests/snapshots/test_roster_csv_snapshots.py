"""Snapshots of the import, export and forget dialogs, at 80x24 and 120x40."""

import pytest

SIZES = [(80, 24), (120, 40)]
POLISH_FILE = "tests/snapshots/data/pl-excel.csv"  # Windows-1250, ';', dd.mm.yyyy, two bad rows


def _steady_cursors(screen):
    """A blinking cursor is caught on or off at random: keep it on."""
    for box in screen.query("Input"):
        box.cursor_blink = False


async def _open_and_check(pilot):
    await pilot.press("I")
    dialog = pilot.app.screen
    _steady_cursors(dialog)
    dialog.query_one("#import-path").value = POLISH_FILE
    await pilot.press("enter")
    for _ in range(400):
        await pilot.pause(0.02)
        if not dialog.busy and dialog.plan is not None:
            break
    # The preview table fills in on its next idle moment: let it, then settle.
    table = dialog.query_one("#import-preview")
    for _ in range(50):
        await pilot.pause(0.02)
        if table.row_count and table.virtual_size.height > 1:
            break
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_import_dialog_with_preview_and_problems(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        run_before=_open_and_check)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_import_dialog_empty(snap_compare, demo_store, make_app, size):
    async def open_empty(pilot):
        await pilot.press("I")
        _steady_cursors(pilot.app.screen)
        await pilot.pause()

    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size, run_before=open_empty)


async def _open_export(pilot):
    await pilot.press("x")
    pilot.app.screen.query_one("#export-path").value = "/tmp/ambassadors.csv"
    _steady_cursors(pilot.app.screen)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_export_dialog(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        run_before=_open_export)


async def _open_forget(pilot):
    pilot.app.screen.action_forget_person()
    await pilot.pause()
    _steady_cursors(pilot.app.screen)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_forget_dialog(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        run_before=_open_forget)

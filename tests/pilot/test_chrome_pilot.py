"""The app's own title bar, key bar and tab strip, and what start-up leaves out until needed."""

import gc

from advocacy_tui.app import STYLES
from advocacy_tui.screens.modals.help import HelpScreen
from advocacy_tui.widgets.key_bar import KeyBar
from advocacy_tui.widgets.tab_strip import TabStrip
from tests.screen import screen_text


def _lines(app) -> list[str]:
    return screen_text(app).splitlines()


async def test_title_bar_follows_the_section(demo_store, make_app):
    app = make_app(demo_store, start_mode="today")
    async with app.run_test(size=(100, 30)) as pilot:
        assert "advocacy-tui — Today" in _lines(app)[0]
        await pilot.press("2")
        await pilot.pause()
        assert "advocacy-tui — Roster" in _lines(app)[0]
        await pilot.press("t")
        await pilot.pause()
        assert "advocacy-tui — Roster · stakeholder map" in _lines(app)[0]


async def test_title_bar_icon_opens_the_command_palette(demo_store, make_app):
    from textual.command import CommandPalette

    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("TitleBar", offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_key_bar_shows_whole_keys_and_always_help(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        bottom = _lines(app)[-1]
        assert bottom.rstrip().endswith("│ f1 Help │ ^p palette")
        left = bottom.split("│")[0]
        assert left.startswith(" a Add  e Edit")
        assert "Other tab" not in left  # no room: left out whole, never cut in half
        assert not left.rstrip().endswith(("Expo", "Oth", "Impo"))


async def test_key_bar_changes_with_focus_and_clicks_press_keys(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert " a Add " in _lines(app)[-1]
        await pilot.press("o")  # into the onboarding checklist
        await pilot.pause()
        assert "Tick / untick" in _lines(app)[-1]
        bar = app.screen.query_one(KeyBar)
        help_x = _lines(app)[-1].index("f1 Help")
        await pilot.click(KeyBar, offset=(help_x + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert bar.shown()[1][0].description == "Help"


async def test_tab_strip_switches_by_click_and_by_key(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        strip = app.screen.query_one("#roster-tabs", TabStrip)
        assert not app.screen.query("#stakeholder-view")  # built when first opened
        await pilot.click("#roster-tabs", offset=(12, 0))  # " Stakeholder map "
        await pilot.pause()
        assert strip.active == "stakeholders"
        assert app.screen.query_one("#stakeholder-view").display
        assert not app.screen.query_one("#people-pane").display
        assert "Customer Success" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert strip.active == "people"
        assert app.screen.query_one("#people-pane").display
        assert not app.screen.query_one("#stakeholder-view").display


async def test_calendar_tab_strip_and_week_view(demo_store, make_app):
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert screen.grid.display and not screen.week.display
        await pilot.press("v")
        await pilot.pause()
        assert screen.week.display and not screen.grid.display
        await pilot.click("#cal-tabs", offset=(12, 0))  # " Library "
        await pilot.pause()
        assert screen.on_library
        assert screen.query_one("#lib-pane").display and not screen.query_one("#cal-pane").display


def _sources(app) -> set[str]:
    return {path for path, _ in app.stylesheet.source}


async def test_section_and_dialog_styles_are_read_when_first_needed(demo_store, make_app):
    roster, calendar, dialogs = (str(STYLES / f"{name}.tcss") for name in ("roster", "calendar", "dialogs"))
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        assert roster in _sources(app)
        assert calendar not in _sources(app) and dialogs not in _sources(app)
        await pilot.press("3")
        await pilot.pause()
        assert calendar in _sources(app)
        await pilot.press("a")  # the post form: the first dialog
        await pilot.pause()
        assert dialogs in _sources(app)
        dialog = app.screen.query_one(".dialog")
        assert dialog.styles.width.value == 76  # .form-dialog from dialogs.tcss applies


def test_run_collects_garbage_again_after_the_first_paint(demo_store, make_app):
    app = make_app(demo_store, start_mode="today")
    seen = []
    first_paint_done = app._first_paint_done

    def after_first_paint() -> None:
        seen.append(gc.isenabled())
        first_paint_done()
        seen.append(gc.isenabled())
        app.exit()

    app._first_paint_done = after_first_paint
    try:
        app.run(headless=True, size=(80, 24))
    finally:
        gc.unfreeze()
    assert seen == [False, True]  # no collections while the first screen was built
    assert gc.isenabled()


async def test_a_section_opened_later_is_styled_like_the_first(demo_store, make_app):
    styles = []
    for first, keys in (("calendar", ()), ("roster", ("3",))):
        app = make_app(demo_store, start_mode=first)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
            grid = app.screen.grid
            styles.append((grid.rich_style, grid.get_component_rich_style("month-grid--today")))
    assert styles[0] == styles[1]
    assert styles[0][0].color != styles[0][0].bgcolor  # the day numbers can be read


async def test_detail_lists_keep_their_headings_above_the_items(demo_store, make_app):
    from advocacy_tui.screens.roster_detail import Checklist, InvolvementLog

    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        checklist = app.screen.query_one(Checklist)
        log = app.screen.query_one(InvolvementLog)
        assert checklist.headings[0][0].startswith("Onboarding ")
        # email, their topics and ideas, the person's own mix of posts (the demo's first
        # person is a billboard), the log
        assert [kind for _, kind in log.headings] == ["note", "note", "note", "title"]
        assert "@" in log.headings[0][0] and log.headings[1][0].startswith("Topics: ")
        assert log.headings[2][0].startswith("⚠ Billboard")
        assert log.headings[3][0].startswith("Log · last active")
        text = screen_text(app)
        assert log.headings[3][0] in text and checklist.headings[0][0] in text
        await pilot.press("o")  # into the checklist: its cursor is on the first step, not a heading
        await pilot.click(Checklist, offset=(2, 0))  # a click on the heading changes nothing
        assert checklist.cursor == 0 and checklist.current.key == "profile"
        await pilot.click(Checklist, offset=(2, 3))  # the third step, below the heading
        assert checklist.cursor == 2


async def test_the_screenshot_command_saves_a_private_file(store, make_app, tmp_path, monkeypatch):
    import stat

    from advocacy_tui import paths

    monkeypatch.setattr(paths, "data_dir", lambda: tmp_path / "data")
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        (command,) = [c for c in app.get_system_commands(app.screen) if c.title == "Screenshot"]
        command.callback()
        folder = tmp_path / "data" / "screenshots"
        for _ in range(100):  # the command saves on a short timer: wait for the file, not a time
            await pilot.pause(0.1)
            if folder.is_dir() and any(folder.glob("*.svg")):
                break
        (saved,) = folder.glob("*.svg")
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600
        assert saved.read_text(encoding="utf-8").startswith("<svg")


async def test_a_remapped_key_keeps_its_place_in_the_key_bar(demo_store, make_app):
    from types import MappingProxyType

    from advocacy_tui.config import Settings

    settings = Settings(keymap=MappingProxyType({"roster.add": "n"}))
    app = make_app(demo_store, settings, start_mode="roster")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        footer = _lines(app)[-1].split()
        assert footer[:4] == ["n", "Add", "e", "Edit"]  # first, where "a Add" stood

"""Each use of a Textual internal still works on the pinned Textual, and nothing is patched
when a module is imported."""

from __future__ import annotations

import io
import subprocess
import sys
from importlib.metadata import version

from rich.console import Console
from rich.segment import Segment
from textual.binding import Binding
from textual.strip import Strip

from advocacy_tui import textual_compat


def test_the_pinned_textual_is_the_one_checked():
    # After upgrading Textual, re-check every function in textual_compat, then bump CHECKED_ON.
    assert version("textual") == textual_compat.CHECKED_ON


def test_importing_the_app_patches_nothing_and_starting_it_installs_the_filter():
    code = (
        "from textual.strip import Strip\n"
        "import advocacy_tui.app, advocacy_tui.cli\n"
        "from advocacy_tui import textual_compat\n"
        "print(textual_compat.safe_output_installed())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


async def test_the_app_installs_the_safe_output_and_its_first_screen_needs_no_restyle(store, make_app):
    app = make_app(store, start_mode="roster")
    assert textual_compat.safe_output_installed()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert textual_compat.css_is_current(app.screen, app)


def test_the_safe_output_drops_control_characters_and_keeps_the_rest():
    textual_compat.install_safe_output()
    textual_compat.install_safe_output()  # idempotent
    console = Console(file=io.StringIO(), force_terminal=True)
    assert Strip([Segment("a\x1b[2Jb\x07c ż")]).render(console) == "a[2Jbc ż"


async def test_a_fresh_screen_can_be_marked_as_styled_with_the_current_css(store, make_app):
    from textual.screen import Screen

    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = Screen()
        assert not textual_compat.css_is_current(screen, app)  # Textual's own start: stale
        textual_compat.mark_css_current(screen, app)
        assert textual_compat.css_is_current(screen, app)


async def test_the_ansi_colors_follow_the_theme_and_bindings_are_listed(store, make_app):
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        textual_compat.refresh_ansi_colors(app)  # runs on this Textual without error
        pairs = list(textual_compat.bindings_of(app.screen))
        assert pairs and all(isinstance(key, str) and isinstance(b, Binding) for key, b in pairs)
        assert any(b.action == "quit" for _, b in textual_compat.bindings_of(app))


def test_freezing_the_start_up_objects_moves_them_out_of_collection():
    import gc

    try:
        textual_compat.freeze_startup_objects()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_text_area_is_known_by_its_module_and_nothing_else_is_one():
    from textual.widgets import Input, TextArea

    assert textual_compat.is_text_area(TextArea())
    assert not textual_compat.is_text_area(Input())
    assert TextArea.__module__ == textual_compat.TEXT_AREA_MODULE

"""Text that looks like markup or holds terminal controls is shown, never obeyed."""

import io

from rich.console import Console
from rich.segment import Segment
from textual.strip import Strip

from advocacy_tui import textual_compat
from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.domain.ambassadors import build_ambassador

HOSTILE = "Evil \x1b[2J\x1b[31mRED\x1b]0;pwned\x07\x9b1;1H end"


def _terminal_output(app) -> str:
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor")
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return update.render_segments(console)


def test_strip_render_drops_control_characters():
    textual_compat.install_safe_output()
    console = Console(file=io.StringIO(), force_terminal=True)
    assert Strip([Segment("a\x1b[2Jb\x07c")]).render(console) == "a[2Jbc"


async def test_an_edit_form_full_of_escape_sequences_cannot_touch_the_terminal(store, make_app):
    AmbassadorRepo(store).add(build_ambassador({"name": HOSTILE, "notes": "\x1b[5;5HXX\x1b[?1049l"}))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        output = _terminal_output(app)
        for bad in ("\x1b[2J", "\x1b]0;pwned", "\x07", "\x1b[5;5H", "\x1b[?1049l", "\x9b"):
            assert bad not in output
        assert "[31mRED" in output  # the characters are still there, as text
        app.notify("From a file: \x1b[2J [b]bold?[/b]", markup=False)
        await pilot.pause()
        assert "\x1b[2J" not in _terminal_output(app)
    assert AmbassadorRepo(store).get(1).name == HOSTILE  # stored exactly as typed

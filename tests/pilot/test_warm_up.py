"""While the user reads the first screen, the other sections' code is loaded, so the first
press of 2-5 only builds its screen. Run in a fresh interpreter: this one has loaded them all."""

import subprocess
import sys
import textwrap

from advocacy_tui.app import SECTIONS

SCRIPT = textwrap.dedent("""
    import asyncio, sys
    from datetime import datetime
    from advocacy_tui.app import SECTIONS, WARM_UP_AFTER, WARM_UP_STEP, AdvocacyApp
    from advocacy_tui.config import Settings
    from advocacy_tui.data.store import Store

    modules = [s.screen_path.partition(":")[0] for s in SECTIONS]

    async def main():
        app = AdvocacyApp(Store.open(sys.argv[1]), Settings(), start_mode="today")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            print("before", sum(m in sys.modules for m in modules))
            await pilot.pause(WARM_UP_AFTER + WARM_UP_STEP * len(modules) + 1)
            print("after", sum(m in sys.modules for m in modules))
            await pilot.press("2")
            print("roster", type(app.screen).__name__)

    asyncio.run(main())
""")


def test_the_other_sections_are_loaded_after_the_first_paint(tmp_path):
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "p.db")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    counts = dict(line.split() for line in result.stdout.splitlines())
    assert counts["before"] == "1"  # only Today's, for the first paint
    assert counts["after"] == str(len(SECTIONS))
    assert counts["roster"] == "RosterScreen"

"""The digest dialog as an owner uses it on Today: preview, period, copy, save, keep as sent."""

import os
import stat

from textual.widgets import Input, Static

from advocacy_tui.data.digest import DigestRepo
from tests.screen import screen_text


async def test_write_copy_save_and_keep_the_digest(demo_store, make_app, tmp_path):
    from advocacy_tui.screens.modals.digest_dialog import DigestDialog

    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DigestDialog)
        preview = str(dialog.query_one("#digest-text", Static).render())
        assert preview.startswith("Northwind Voices: news for our ambassadors") and "Thank you" in preview
        copied = []
        app.copy_to_clipboard = copied.append  # what the terminal would be sent
        await pilot.press("f2")
        assert copied == [preview + "\n"] or copied[0].rstrip("\n") == preview.rstrip("\n")
        # a wrong day says how to type it; the period moves the preview
        dialog.query_one("#digest-since", Input).value = "32.11.2026"
        await pilot.pause()
        assert "Type both days" in str(dialog.query_one("#digest-text", Static).render())
        dialog.query_one("#digest-since", Input).value = "27.11.2026"
        await pilot.pause()
        assert "27.11.2026 – 27.11.2026" in str(dialog.query_one("#digest-text", Static).render())
        target = tmp_path / "digest.html"
        dialog.query_one("#digest-path", Input).value = str(target)
        await pilot.press("f3")
        await pilot.pause()
        assert target.read_text().startswith("<!DOCTYPE html>") and stat.S_IMODE(os.stat(target).st_mode) == 0o600
        await pilot.press("f10")
        await pilot.pause()
        assert not isinstance(app.screen, DigestDialog)
        assert "Kept as sent" in " ".join(str(n.message) for n in app._notifications)
    assert [sent.until.isoformat() for sent in DigestRepo(demo_store).sent()] == ["2026-11-27", "2026-11-12"]


async def test_the_digest_from_the_palette_in_polish(polish_store, make_app):
    from advocacy_tui.config import Settings

    app = make_app(polish_store, Settings(language="pl", language_set=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"podsumowanie")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert "Podsumowanie dla ambasadorów" in screen_text(app)


async def test_a_digest_for_one_group(demo_store, make_app):
    from textual.widgets import Select

    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        choice = dialog.query_one("#digest-group", Select)
        choice.value = next(key for key, group in dialog.groups.items() if group.name == "Sales ambassadors")
        await pilot.pause()
        assert "for the group Sales ambassadors" in str(dialog.query_one("#digest-text", Static).render())

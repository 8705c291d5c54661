"""The in-app forget says what the command line says: a wipe that could not finish, files
written earlier, and finishing an unfinished wipe."""

import re
import sqlite3

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.files_written import EXPORT, record_file_written
from advocacy_tui.data.forget import wipe_pending
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.screens.modals.forget_dialog import ForgetDialog
from tests.screen import screen_text


def flat(text: str) -> str:
    """The dialog's text without the line breaks and borders of its wrapping."""
    return re.sub(r"[\s│]", "", text)


async def _erase(pilot, app):
    app.screen.action_forget_person()
    await pilot.pause()
    assert isinstance(app.screen, ForgetDialog)
    await pilot.press("f10")
    for _ in range(500):
        await pilot.pause(0.02)
        if not isinstance(app.screen, ForgetDialog) or not app.screen.busy:
            break
    await pilot.pause()


async def test_a_busy_wipe_is_said_in_plain_words_and_forgetting_again_finishes_it(store, make_app, monkeypatch):
    monkeypatch.setattr(ForgetDialog, "wait_seconds", 0.3)
    repo = AmbassadorRepo(store)
    repo.add(build_ambassador({"name": "Anna Nowak", "email": "anna@x.pl"}))
    repo.add(build_ambassador({"name": "Ben Lee", "email": "ben@x.pl", "notes": "met Anna Nowak"}))
    other = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM ambassadors").fetchone()  # another program's snapshot
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(80, 24)) as pilot:
        await _erase(pilot, app)
        assert isinstance(app.screen, ForgetDialog)  # stays open to say it
        text = screen_text(app)
        assert "another program" in text and "old data may still be" in text
        other.execute("COMMIT")
        other.close()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ForgetDialog)
        assert "Ben Lee" in screen_text(app) and "Anna Nowak" not in screen_text(app)
        assert wipe_pending(store)
        # forgetting the same email again finishes the wipe
        app.screen.action_forget_person()
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#forget-email").value = "anna@x.pl"
        await pilot.press("enter")
        await pilot.pause()
        assert "did not finish" in screen_text(app)
        await pilot.press("f10")
        for _ in range(500):
            await pilot.pause(0.02)
            if not dialog.busy:
                break
        await pilot.pause()
        assert "now complete" in screen_text(app)
    assert not wipe_pending(store)


async def test_files_written_earlier_are_named_before_and_after(store, make_app, tmp_path):
    repo = AmbassadorRepo(store)
    repo.add(build_ambassador({"name": "Anna Nowak", "email": "anna@x.pl"}))
    export = tmp_path / "people.csv"
    export.write_text("name\nAnna Nowak\n")
    record_file_written(store, export, EXPORT)
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.action_forget_person()
        for _ in range(100):
            await pilot.pause(0.02)
            if "This would erase" in screen_text(app):
                break
        assert "Files written earlier" in screen_text(app) and str(export) in flat(screen_text(app))
        await pilot.press("f10")
        for _ in range(500):
            await pilot.pause(0.02)
            if not app.screen.busy:
                break
        await pilot.pause()
        assert isinstance(app.screen, ForgetDialog)
        assert "Erased Anna Nowak" in screen_text(app) and str(export) in flat(screen_text(app))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ForgetDialog)
    assert repo.total() == 0


async def test_a_full_disk_during_the_wipe_is_said_in_plain_words(store, make_app, monkeypatch):
    from advocacy_tui.data import forget as forget_module
    from advocacy_tui.screens.modals import forget_dialog

    def forget_on_a_full_disk(store, email, **options):
        erasure = forget_module.forget(store, email, **options)
        erasure.wipe = forget_module.Wipe(False, forget_module.FULL, "database or disk is full")
        return erasure

    monkeypatch.setattr(forget_dialog, "forget", forget_on_a_full_disk)
    AmbassadorRepo(store).add(build_ambassador({"name": "Anna Nowak", "email": "anna@x.pl"}))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(80, 24)) as pilot:
        await _erase(pilot, app)
        assert isinstance(app.screen, ForgetDialog)
        text = screen_text(app)
        assert "disk is too full" in text and "Free some space" in text
        assert "Traceback" not in text and "disk is full)" not in text

"""The import, export and forget dialogs, driven like a user."""

import stat

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.screens.modals.export_dialog import ExportDialog
from advocacy_tui.screens.modals.forget_dialog import ForgetDialog
from advocacy_tui.screens.modals.import_dialog import ImportDialog
from tests.screen import screen_text

PL = ("Imię i nazwisko;E-mail;Dział;Rola;Status;Data dołączenia\r\n"
      "Łukasz Żółć;lukasz@firma.pl;Sprzedaż;Właściciel;Aktywny;01.02.2024\r\n"
      "[b]Anna[/b] Nowak;anna@firma.pl;IT;ambasador;kandydat;2025-03-04\r\n"
      "Zła Data;zla@firma.pl;IT;;;31.02.2025\r\n")


def toasts(app) -> str:
    return "\n".join(n.message for n in app._notifications)


async def _wait_for_plan(pilot, dialog):
    """Until the worker has read the file (a plan, or a ✗ sentence saying why not)."""
    for _ in range(400):
        await pilot.pause(0.02)
        status = str(dialog.query_one("#import-status").render())
        if not dialog.busy and (dialog.plan is not None or status.startswith("✗")):
            return


async def test_import_dialog_previews_lists_problems_and_imports(store, make_app, tmp_path):
    path = tmp_path / "pl.csv"
    path.write_bytes(PL.encode("cp1250"))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("I")
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        await pilot.press(*str(tmp_path / "nope.csv"))
        await pilot.pause()
        assert "There is no file at this path" in screen_text(app)
        dialog.query_one("#import-path").value = str(path)
        await pilot.press("enter")
        await _wait_for_plan(pilot, dialog)
        text = screen_text(app)
        assert "3 rows (Windows-1250, semicolon-separated): would add 2" in text
        assert "[b]Anna[/b] Nowak" in text
        assert "row 4: Data dołączenia: 31.02.2025 does not exist" in text
        assert dialog.query_one("#import").disabled
        await pilot.press("f10")  # refused: a row has a problem
        assert AmbassadorRepo(store).total() == 0
        await pilot.click("#import-skip")
        await pilot.pause()
        assert not dialog.query_one("#import").disabled
        await pilot.press("f10")
        for _ in range(400):
            await pilot.pause(0.02)
            if not isinstance(app.screen, ImportDialog):
                break
        assert not isinstance(app.screen, ImportDialog)
        await pilot.pause()
        assert "Imported: 2 added, 0 updated, 0 unchanged, 1 skipped." in toasts(app)
        assert "Łukasz Żółć" in screen_text(app)
    assert AmbassadorRepo(store).by_email("LUKASZ@firma.pl").role == "owner"


async def test_import_dialog_says_what_is_wrong_with_a_file(store, make_app, tmp_path):
    (tmp_path / "x.csv").write_text("email;dept\n")
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("I")
        dialog = app.screen
        dialog.query_one("#import-path").value = str(tmp_path)
        await pilot.press("enter")
        await pilot.pause()
        assert "This is a folder" in screen_text(app)
        dialog.query_one("#import-path").value = str(tmp_path / "x.csv")
        await pilot.press("enter")
        await _wait_for_plan(pilot, dialog)
        assert "no name column" in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, ImportDialog)


async def test_export_dialog_writes_a_private_file(store, make_app, tmp_path):
    AmbassadorRepo(store).add(build_ambassador({"name": "Anna", "email": "a@x.pl"}))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        target = tmp_path / "people.csv"
        dialog.query_one("#export-path").value = str(target)
        await pilot.press("f10")
        for _ in range(400):
            await pilot.pause(0.02)
            if not isinstance(app.screen, ExportDialog):
                break
        await pilot.pause()
        assert "Wrote 1 ambassador to" in toasts(app)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Anna,a@x.pl" in target.read_text(encoding="utf-8-sig")


async def test_forget_dialog_lists_what_goes_then_erases(store, make_app):
    repo = AmbassadorRepo(store)
    repo.add(build_ambassador({"name": "Anna Nowak", "email": "anna@x.pl"}))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.action_forget_person()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ForgetDialog)
        assert "ambassadors: 1 row (Anna Nowak, anna@x.pl) removed" in screen_text(app)
        await pilot.press("f10")
        for _ in range(400):
            await pilot.pause(0.02)
            if not isinstance(app.screen, ForgetDialog):
                break
        await pilot.pause()
        assert "Erased Anna Nowak" in toasts(app)
    assert repo.total() == 0


async def test_import_dialog_takes_a_column_map_and_a_date_order(store, make_app, tmp_path):
    path = tmp_path / "hr.csv"
    path.write_text("Kto,Skrzynka,state,Hire Date\nAnna,anna@firma.pl,mazowieckie,03/04/2022\n",
                    encoding="utf-8")
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("I")
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        dialog.query_one("#import-path").value = str(path)
        dialog.query_one("#import-map").value = "Kto"
        dialog.query_one("#import-map").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "COLUMN=FIELD" in screen_text(app) and dialog.plan is None
        dialog.query_one("#import-map").value = "Kto=name; Skrzynka=email"
        dialog.query_one("#import-map").focus()
        await pilot.press("enter")
        await _wait_for_plan(pilot, dialog)
        text = screen_text(app)
        assert "row 2" in text and "could be day/month or month/day" in text
        assert "“state” was not used as the status" in text
        dialog.query_one("#import-dates").value = "mdy"
        await pilot.pause()
        assert dialog.plan is None  # another order: the file is checked again
        dialog.query_one("#import-map").focus()
        await pilot.press("enter")
        await _wait_for_plan(pilot, dialog)
        assert dialog.plan is not None and dialog.plan.ok
        assert dialog.plan.add[0][:2] == ("Anna", "anna@firma.pl") and dialog.plan.add[0][6] == "2022-03-04"


async def test_the_file_box_completes_folder_and_file_names(store, make_app, tmp_path):
    from textual.widgets import Input

    folder = tmp_path / "Pobrane z HR"
    folder.mkdir()
    (folder / "ludzie-2026.csv").write_text("name\nOla\n", encoding="utf-8")
    (folder / "notatki.docx").write_text("x", encoding="utf-8")
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("I")
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        box = app.screen.query_one("#import-path", Input)
        box.focus()
        box.value = ""
        await pilot.press(*f"{tmp_path}/Po")
        await pilot.pause(0.2)
        await pilot.press("right")  # takes the greyed completion
        assert box.value == f"{folder}/"
        await pilot.press("l")
        await pilot.pause(0.2)
        await pilot.press("right")
        assert box.value == f"{folder}/ludzie-2026.csv"  # a file the import reads, not the .docx

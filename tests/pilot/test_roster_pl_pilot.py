"""The roster speaks Polish: the footer, the column titles and the toasts."""

import pytest

from advocacy_tui import i18n
from tests.screen import screen_text


@pytest.fixture
def polish():
    i18n.set_language("pl")
    yield
    i18n.set_language("en")


def toasts(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_roster_in_polish_footer_columns_and_toast(polish, demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        footer = lines[-1]
        assert "a Dodaj" in footer and "e Edytuj" in footer and "f Filtry" in footer
        assert "Add" not in footer and "Filters" not in footer
        header = next(line for line in lines if "Imię i nazwisko" in line)
        assert "Rola" in header and "Dział" in header and "Kroki" in header
        assert "osób" in screen_text(app) and "people" not in screen_text(app)
        name = app.screen.repo.get(app.screen.table.cursor_key).name
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert "Zapisano" in toasts(app) and "Saved" not in toasts(app)
        assert name in toasts(app)


async def test_import_in_polish_says_how_the_file_was_read_and_what_was_imported(polish, store, make_app,
                                                                                  tmp_path):
    from advocacy_tui.screens.modals.import_dialog import ImportDialog

    path = tmp_path / "osoby.csv"
    path.write_bytes(("Imię i nazwisko;E-mail;Dział\r\n"
                      "Łukasz Żółć;lukasz@firma.pl;Sprzedaż\r\n"
                      "Anna Nowak;anna@firma.pl;IT\r\n").encode("cp1250"))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("I")
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        dialog.query_one("#import-path").value = str(path)
        await pilot.press("enter")
        for _ in range(400):
            await pilot.pause(0.02)
            if not dialog.busy and dialog.plan is not None:
                break
        text = screen_text(app)
        assert "2 wiersze (Windows-1250, rozdzielany średnikami)" in text
        assert "Wiersz" in text and "Importuj (F10)" in text
        assert "semicolon" not in text and "would add" not in text
        await pilot.press("f10")
        for _ in range(400):
            await pilot.pause(0.02)
            if not isinstance(app.screen, ImportDialog):
                break
        await pilot.pause()
        assert "Zaimportowano. Dodane: 2, zaktualizowane: 0, bez zmian: 0, pominięte: 0." in toasts(app)

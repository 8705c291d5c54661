"""In Polish, what every screen shares speaks Polish: the key bar, the palette, its commands."""

import pytest

from advocacy_tui import i18n
from advocacy_tui.config import Settings
from tests.screen import screen_text


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    i18n.set_language("en")


async def test_the_key_bar_and_the_palette_are_polish(demo_store, make_app):
    i18n.set_language("pl")
    app = make_app(demo_store, Settings(language="pl", language_set=True), start_mode="today")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "Pomoc" in footer and "paleta" in footer and "Wyjdź" in footer
        assert "Help" not in footer and "palette" not in footer
        assert "spacja Odhacz" in footer and "space" not in footer  # the key's Polish name
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert "Szukaj poleceń" in screen_text(app)
        await pilot.press(*"motyw")
        await pilot.pause(0.5)
        assert "Zmień motyw" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.press(*"Kalendarz")
        await pilot.pause(0.5)
        assert "Kalendarz treści, proporcje i biblioteka · klawisz 3" in screen_text(app)

"""The palette's "Language: Polski / English" switches the running app, without a restart."""

import pytest

from advocacy_tui import i18n
from tests.screen import screen_text


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    i18n.set_language("en")


async def _counted(pilot, app, text: str) -> bool:
    for _ in range(50):
        await pilot.pause(0.05)
        if text in screen_text(app):
            return True
    return False


async def test_palette_switches_today_to_polish_and_back(demo_store, make_app, tmp_path):
    config = tmp_path / "config.toml"
    app = make_app(demo_store, start_mode="today", config_path=config)
    async with app.run_test(size=(120, 40)) as pilot:
        assert await _counted(pilot, app, "Owners:")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Language")
        await pilot.pause(0.3)
        await pilot.press("enter")
        assert await _counted(pilot, app, "Ownerzy:")
        assert i18n.current_language() == "pl"
        assert app.settings.language == "pl"
        assert 'language = "pl"' in config.read_text(encoding="utf-8")
        # another section is built again in Polish, and coming back still works
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("1")
        assert await _counted(pilot, app, "Ownerzy:")
        app.switch_language("en")
        assert await _counted(pilot, app, "Owners:")
        assert "Ownerzy:" not in screen_text(app)


async def test_polish_demo_fills_every_indicator_of_today_as_the_english_one(tmp_path, clock, make_app):
    from advocacy_tui.data.demo import open_demo

    seen = {}
    for language in ("en", "pl"):
        (tmp_path / language).mkdir()
        store = open_demo(clock, tmp_path / language, language=language)
        app = make_app(store, start_mode="today")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            readings = app.screen.readings()
            seen[language] = [(reading.key, reading.mark, bool(reading.text)) for reading in readings]
        store.close()
    assert seen["pl"] == seen["en"]
    assert all(has_body for _key, _mark, has_body in seen["pl"])

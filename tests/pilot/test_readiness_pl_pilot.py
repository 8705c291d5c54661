"""The wizard's answer keys follow the run's language: t/n/c (tak, nie, częściowo) in a Polish
run, y/n/p in an English one; the footer speaks the app's language."""

import pytest

from advocacy_tui import i18n
from advocacy_tui.data.readiness import ReadinessRepo
from advocacy_tui.screens.wizard import SummaryScreen, WizardScreen
from tests.screen import screen_text


@pytest.fixture
def polish():
    i18n.set_language("pl")
    yield
    i18n.set_language("en")


@pytest.fixture
def polish_demo(tmp_path, clock, polish):
    from advocacy_tui.data.demo import open_demo

    store = open_demo(clock, tmp_path, language="pl")
    yield store
    store.close()


def quick_app(make_app, store, language):
    return make_app(store, start_mode="readiness",
                    wizard={"bank": "readiness-quick", "language": language, "workshop": False})


async def settle(pilot, times=3):
    for _ in range(times):
        await pilot.pause()


def saved(store) -> dict[str, str | None]:
    run = ReadinessRepo(store).latest_unfinished()
    return {qid: answer.value for qid, answer in ReadinessRepo(store).answers(run.id).items()}


async def test_a_polish_run_answers_with_t_n_c_and_the_footer_is_polish(polish, store, make_app):
    app = quick_app(make_app, store, "pl")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)
        text = screen_text(app)
        assert "Tak (t)" in text and "Częściowo (c)" in text
        assert "t tak · n nie · c częściowo" in text
        footer = text.splitlines()[-1]
        assert "Wstecz" in footer and "Dalej" in footer and "Pomiń" in footer
        for english in ("Back", "Next", "Skip", "Why", "Leave"):
            assert english not in footer
        await pilot.press("y", "p")  # the English keys do nothing in a Polish run
        await settle(pilot)
        assert app.screen.index == 0
        for key in "tnc":  # the second question would ask "until when?" after "partly"
            await pilot.press(key)
            await settle(pilot)
        assert app.screen.index == 3
    assert saved(store) == {"climate.restructuring": "yes", "climate.change": "no",
                            "climate.discontent": "partly"}


async def test_an_english_run_answers_with_y_n_p(store, make_app):
    app = quick_app(make_app, store, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Yes (y)" in screen_text(app) and "y yes · n no · p partly" in screen_text(app)
        await pilot.press("t", "c")  # the Polish keys do nothing in an English run
        await settle(pilot)
        assert app.screen.index == 0
        for key in "ynp":
            await pilot.press(key)
            await settle(pilot)
        assert app.screen.index == 3
    assert saved(store) == {"climate.restructuring": "yes", "climate.change": "no",
                            "climate.discontent": "partly"}


async def test_a_polish_summary_and_help_show_no_english_words(polish_demo, make_app):
    app = make_app(polish_demo, start_mode="readiness")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Wcześniejsze testy" in text and "Earlier runs" not in text
        app.screen.query_one("#history").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Werdykt: Najpierw przygotowanie" in text
        footer = text.splitlines()[-1]
        assert "Do zadań" in footer and "Zamknij" in footer and "Close" not in footer
        await pilot.press("f1")
        await settle(pilot)
        text = screen_text(app)
        assert "Podsumowanie gotowości" in text and "Readiness summary" not in text

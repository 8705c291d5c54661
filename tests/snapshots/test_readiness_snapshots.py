"""Snapshots of the readiness screens, at 80x24 and wide, with a fixed clock and the demo program."""

import pytest

SIZES = [(80, 24), (120, 40)]
WORKSHOP_SIZES = [(80, 24), (200, 60)]


def size_id(size):
    return f"{size[0]}x{size[1]}"


def wizard_app(make_app, store, *, bank="readiness", language="en", workshop=False):
    return make_app(store, start_mode="readiness",
                    wizard={"bank": bank, "language": language, "workshop": workshop})


async def open_history_summary(pilot):
    pilot.app.screen.query_one("#history").focus()
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_start_screen(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="readiness"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_question(snap_compare, demo_store, make_app, size):
    # the third question answered once and shown again, with its why text open
    assert snap_compare(wizard_app(make_app, demo_store), terminal_size=size,
                        press=["n", "n", "left", "w"])


@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_number_question_in_polish(snap_compare, demo_store, make_app, size):
    # every quick question before the owner's hours, answered (the hours are the 13th of 15)
    keys = ["n", "n", "n", "5", "t", "t", "5", "t", "t", "n", "t", "n"]  # a Polish run: t is "tak"
    assert snap_compare(wizard_app(make_app, demo_store, bank="readiness-quick", language="pl"),
                        terminal_size=size, press=keys)


@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_summary(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="readiness"), terminal_size=size,
                        run_before=open_history_summary)


@pytest.mark.parametrize("size", WORKSHOP_SIZES, ids=size_id)
def test_workshop_question(snap_compare, demo_store, make_app, size):
    assert snap_compare(wizard_app(make_app, demo_store, bank="readiness-quick", workshop=True),
                        terminal_size=size, press=["7", "tab", "3", "tab", "1", "f2"])


@pytest.mark.parametrize("size", WORKSHOP_SIZES, ids=size_id)
def test_workshop_summary(snap_compare, store, make_app, size):
    votes = ["2", "tab", "9", "enter"]
    keys = votes * 12 + ["4", "enter"] + votes * 2  # the hours are the 13th of 15 questions

    async def run_before(pilot):
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        pilot.app.clear_notifications()

    assert snap_compare(wizard_app(make_app, store, bank="readiness-quick", workshop=True),
                        terminal_size=size, run_before=run_before)


def test_compare(snap_compare, demo_store, make_app):
    async def run_before(pilot):
        app = pilot.app
        from advocacy_tui.data.readiness import ReadinessRepo, builtin_bank
        from advocacy_tui.domain.readiness import Answer

        repo = ReadinessRepo(app.store)
        bank = builtin_bank("readiness", "en")
        run = repo.start(bank, title="Six months later")
        for question in bank.questions:
            value = "yes" if question.kind == "yes_no" else ("4" if question.kind == "scale" else "6")
            if question.kind == "yes_no" and question.good == "no":
                value = "no"
            repo.save_answer(run.id, Answer(question.id, value))
        repo.finish(run.id, "go")
        app.screen.refresh_runs()
        app.screen.query_one("#history").focus()
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(make_app(demo_store, start_mode="readiness"), terminal_size=(80, 24),
                        run_before=run_before)

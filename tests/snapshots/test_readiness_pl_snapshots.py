"""Readiness in Polish (the Polish demo program), at 80x24 and 120x40, with a fixed clock:
the list of runs, a wizard question, the summary of the demo's run, the wizard's F1 help and
the comparison of two runs."""

import pytest

SIZES = [(80, 24), (120, 40)]


def size_id(size):
    return f"{size[0]}x{size[1]}"


def wizard_app(make_app, store):
    return make_app(store, start_mode="readiness",
                    wizard={"bank": "readiness-quick", "language": "pl", "workshop": False})


@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_runs_in_polish(snap_compare, polish_store, make_app, size):
    assert snap_compare(make_app(polish_store, start_mode="readiness"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_question_in_polish(snap_compare, polish_store, make_app, size):
    # the third question answered once and shown again, with its why text open
    assert snap_compare(wizard_app(make_app, polish_store), terminal_size=size, press=["n", "n", "left", "w"])


@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_summary_in_polish(snap_compare, polish_store, make_app, size):
    async def open_summary(pilot):
        pilot.app.screen.query_one("#history").focus()
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(polish_store, start_mode="readiness"), terminal_size=size,
                        run_before=open_summary)


@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_wizard_help_in_polish(snap_compare, polish_store, make_app, size):
    assert snap_compare(wizard_app(make_app, polish_store), terminal_size=size, press=["f1"])


def test_compare_in_polish(snap_compare, polish_store, make_app):
    async def run_before(pilot):
        from advocacy_tui.data.readiness import ReadinessRepo, builtin_bank
        from advocacy_tui.domain.readiness import Answer

        app = pilot.app
        repo = ReadinessRepo(app.store)
        bank = builtin_bank("readiness", "pl")
        run = repo.start(bank, title="Pół roku później")
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

    assert snap_compare(make_app(polish_store, start_mode="readiness"), terminal_size=(80, 24),
                        run_before=run_before)

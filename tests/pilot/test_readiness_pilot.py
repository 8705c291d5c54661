"""The readiness wizard driven like a user: a full run, resume, workshop tallies, tasks, export."""

from __future__ import annotations

import json

from textual import events

from advocacy_tui.data.readiness import ReadinessRepo, builtin_bank
from advocacy_tui.screens.readiness import CompareScreen, ReadinessScreen
from advocacy_tui.screens.wizard import SummaryScreen, WizardScreen
from tests.screen import screen_text

QUICK = builtin_bank("readiness-quick", "en")


def quick_app(make_app, store, **wizard):
    request = {"bank": "readiness-quick", "language": "en", "workshop": False, **wizard}
    return make_app(store, start_mode="readiness", wizard=request)


async def settle(pilot, times=3):
    for _ in range(times):
        await pilot.pause()


READY_KEYS = {  # a ready answer for every quick question, in order
    "climate.restructuring": "n", "climate.change": "n", "climate.discontent": "n",
    "climate.engagement": "5", "onboarding.training": "y", "leaders.owner_posts": "y",
    "leaders.managers": "5", "personal.purpose": "y", "trust.tour": "y", "trust.approval": "n",
    "motivation.voluntary": "y", "motivation.prizes": "n", "resources.owner_hours": None,
    "resources.daily_care": "y", "goals.defined": "y",
}
BEFORE_HOURS = dict(list(READY_KEYS.items())[: list(READY_KEYS).index("resources.owner_hours")])


async def answer_all(pilot, app, keys=READY_KEYS, hours="6"):
    for qid, key in keys.items():
        assert app.screen.question.id == qid
        if key is None:
            await pilot.press(*hours, "enter")
        else:
            await pilot.press(key)
        await settle(pilot)


async def test_a_full_quick_run_ends_in_go_with_a_summary(demo_store, make_app):
    app = quick_app(make_app, demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)
        assert "Question 1 of 15 · Timing and climate" in screen_text(app)
        await answer_all(pilot, app)
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Verdict: Go" in text
        assert "Check again after 6 months" in text
    run = ReadinessRepo(demo_store).latest_finished()
    assert run.bank == "readiness-quick" and run.verdict == "go"
    assert ReadinessRepo(demo_store).answers(run.id)["resources.owner_hours"].value == "6"


async def test_a_decimal_comma_is_accepted_for_hours(store, make_app):
    app = quick_app(make_app, store)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await answer_all(pilot, app, BEFORE_HOURS)
        await pilot.press("3", ",", "5", "enter")
        await settle(pilot)
    run = ReadinessRepo(store).latest_unfinished()
    assert ReadinessRepo(store).answers(run.id)["resources.owner_hours"].value == "3.5"


async def test_a_blocking_answer_gives_wait_and_steps_become_tasks(store, make_app):
    keys = {**READY_KEYS, "climate.restructuring": "y"}
    app = quick_app(make_app, store)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await answer_all(pilot, app, keys, hours="1")
        text = screen_text(app)
        assert "Verdict: Wait" in text
        assert "blocking" in text
        assert "Check again in about 3 months" in text
        await pilot.press("t")
        await settle(pilot)
    titles = [row[0] for row in store.db.conn.execute("SELECT title FROM tasks ORDER BY due_on")]
    assert len(titles) == 2  # two blocking flags, each with its step
    assert titles[0] == QUICK.question("climate.restructuring").step


async def test_quitting_mid_way_and_resuming(store, make_app):
    app = quick_app(make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("n", "n", "n", "5"):
            await pilot.press(key)
            await settle(pilot)
        await pilot.press("e", *"only HR knows", "enter")
        await settle(pilot)
        await pilot.press("s")  # skip the training question (the note goes with it)
        await settle(pilot)
        assert app.screen.question.id == "leaders.owner_posts"
    repo = ReadinessRepo(store)
    run = repo.latest_unfinished()
    assert run.position == 5
    answers = repo.answers(run.id)
    assert answers["onboarding.training"].skipped and answers["onboarding.training"].note == "only HR knows"

    app = make_app(store, start_mode="readiness")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Unfinished" in screen_text(app)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)
        assert app.screen.question.id == "leaders.owner_posts"
        await pilot.press("left")
        await settle(pilot)
        assert app.screen.question.id == "onboarding.training"
        assert "only HR knows" in screen_text(app)


async def test_the_wizard_command_resumes_a_matching_unfinished_run(store, make_app):
    repo = ReadinessRepo(store)
    run = repo.start(QUICK)
    repo.set_position(run.id, 5)
    app = quick_app(make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.run.id == run.id
        assert app.screen.question.id == QUICK.questions[5].id
    assert repo.count() == 1


def tallies(app) -> dict[str, str]:
    """What each tally box of the question shown holds."""
    from textual.widgets import Input

    return {box.id.removeprefix("votes-"): box.value for box in app.screen.query(Input)
            if (box.id or "").startswith("votes-")}


async def test_workshop_tallies_record_distribution_and_majority(store, make_app):
    app = quick_app(make_app, store, workshop=True)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        await pilot.press("2", "tab", "9", "tab", "1", "enter")  # yes 2, no 9, partly 1
        await settle(pilot)
        assert app.screen.question.id == "climate.change"
        await pilot.press("4", "tab", "4", "enter")  # a tie: goes to the less ready answer (yes)
        await settle(pilot)
        await pilot.press("pageup")
        await settle(pilot)
        assert app.screen.question.id == "climate.change"
        assert "Answer: Yes" in screen_text(app)
        assert tallies(app) == {"yes": "4", "no": "4", "partly": ""}
        await pilot.press("pageup")
        await settle(pilot)
        assert "Answer: No · Votes: 12" in screen_text(app)
        assert tallies(app) == {"yes": "2", "no": "9", "partly": "1"}
        await pilot.press("pagedown", "pagedown")
        await settle(pilot)
        assert app.screen.question.id == "climate.discontent" and "Answer:" not in screen_text(app)
        assert tallies(app) == {"yes": "", "no": "", "partly": ""}
    repo = ReadinessRepo(store)
    run = repo.latest_unfinished()
    assert run.workshop
    rows = dict(store.db.conn.execute("SELECT question_id, votes FROM readiness_answers").fetchall())
    assert json.loads(rows["climate.restructuring"]) == {"yes": 2, "no": 9, "partly": 1}
    answers = repo.answers(run.id)
    assert answers["climate.restructuring"].value == "no"
    assert answers["climate.change"].value == "yes"


async def test_workshop_facilitator_notes_are_hidden_until_toggled(store, make_app):
    app = quick_app(make_app, store, workshop=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Facilitator notes" not in screen_text(app)
        await pilot.press("f2")
        await settle(pilot)
        assert "Facilitator notes" in screen_text(app)


def finish_quick_run(store) -> None:
    """A quick run answered as READY_KEYS answers it (the hours: 6), finished: what
    answer_all leaves behind, without its keys."""
    from advocacy_tui.domain.readiness import Answer

    words = {"n": "no", "y": "yes", None: "6"}
    repo = ReadinessRepo(store)
    run = repo.start(QUICK)
    for question_id, key in READY_KEYS.items():
        repo.save_answer(run.id, Answer(question_id, words.get(key, key)))
    repo.finish(run.id, repo.result(run, QUICK).verdict)


async def test_history_opens_a_summary_and_compares_two_runs(demo_store, make_app):
    finish_quick_run(demo_store)
    app = make_app(demo_store, start_mode="readiness")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReadinessScreen)
        text = screen_text(app)
        assert "Before the launch" in text and "Quick readiness check" in text
        table = app.screen.query_one("#history")
        table.focus()
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        assert "Verdict" in text and "Prepare first" in text and "Go" in text
        assert "different question banks" in " ".join(text.split())
        await pilot.press("escape", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)


async def test_markup_in_notes_is_shown_as_typed(store, make_app):
    app = quick_app(make_app, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e", *"[b]bold[/b]", "enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("left")
        await settle(pilot)
        assert "[b]bold[/b]" in screen_text(app)


async def test_export_writes_an_html_report(demo_store, make_app, tmp_path):
    app = make_app(demo_store, start_mode="readiness")
    target = tmp_path / "report.html"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.query_one("#history").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("x")
        await settle(pilot)
        field = app.screen.query_one("#export-path")
        field.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


async def test_fast_keys_while_the_next_question_is_drawn_do_not_crash(store, make_app):
    app = make_app(store, start_mode="readiness",
                   wizard={"bank": "readiness", "language": "en", "workshop": True})
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        for _ in range(30):
            screen.action_next()  # as a clicker sends PgDn, faster than the screen redraws:
            app.post_message(events.Key("pagedown", None))  # the key is not waited for
        await settle(pilot)
        for _ in range(200):  # then wait for the last redraw, not for a fixed time
            if app.screen is not screen or screen.drawn is not None:
                break
            await pilot.pause()
        await settle(pilot)
        assert app.screen is screen or isinstance(app.screen, SummaryScreen)
    assert ReadinessRepo(store).count() == 1


async def test_facilitator_banks_are_offered_and_broken_ones_explained(store, make_app):
    from advocacy_tui import paths

    folder = paths.config_dir() / "banks"
    folder.mkdir(parents=True)
    (folder / "mine.en.toml").write_text(
        '[bank]\ntitle = "Our own check"\n[[sections]]\nid = "s"\ntitle = "S"\n[[questions]]\nid = "q1"\n'
        'section = "s"\nkind = "yes_no"\ntext = "Ready?"\nwhy = "W"\n', encoding="utf-8")
    (folder / "broken.en.toml").write_text("[bank", encoding="utf-8")
    app = make_app(store, start_mode="readiness")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Our own check · EN · 1 question" in text and "1 questions" not in text
        flat = " ".join(text.split())
        assert "Bank file skipped" in flat and "broken.en.toml" in flat and "is not valid TOML" in flat
        await pilot.press("w")
        await settle(pilot)
        assert "Workshop mode on" in screen_text(app)


async def test_a_run_title_that_looks_like_markup_is_shown_as_typed(store, make_app):
    # titles come from bank files, which facilitators write; "[/]" alone used to be parsed
    ReadinessRepo(store).start(QUICK, title="[/] [b]Evil[/b] check")
    app = make_app(store, start_mode="readiness")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReadinessScreen)
        assert "[/] [b]Evil[/b] check" in screen_text(app)


async def test_partly_with_a_follow_up_asks_until_when_and_keeps_the_answer(store, make_app):
    app = quick_app(make_app, store)
    keys = dict(list(READY_KEYS.items())[: list(READY_KEYS).index("trust.approval")])
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await answer_all(pilot, app, keys)
        assert app.screen.question.id == "trust.approval"
        await pilot.press("p")
        await settle(pilot)
        assert app.screen.question.id == "trust.approval"  # stays for the follow-up
        assert QUICK.question("trust.approval").follow_up in " ".join(screen_text(app).split())
        assert app.focused.id == "note"
        await pilot.press(*"first month only", "enter")
        await settle(pilot)
        assert app.screen.question.id == "motivation.voluntary"
    run = ReadinessRepo(store).latest_unfinished()
    answer = ReadinessRepo(store).answers(run.id)["trust.approval"]
    assert (answer.value, answer.note) == ("partly", "first month only")


async def test_a_skipped_climate_section_is_not_go_and_names_the_questions(store, make_app):
    keys = {qid: ("s" if qid.startswith("climate.") else key) for qid, key in READY_KEYS.items()}
    app = quick_app(make_app, store)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await answer_all(pilot, app, keys)
        assert isinstance(app.screen, SummaryScreen)
        text = " ".join(screen_text(app).split())
        assert "Verdict: Prepare first" in text and "a skipped question is not a pass" in text
        assert QUICK.question("climate.discontent").text in text


async def test_the_owners_hours_become_the_weekly_capacity_when_the_user_agrees(store, make_app):
    from advocacy_tui.data.settings import SettingsRepo

    app = quick_app(make_app, store)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await answer_all(pilot, app, hours="4,5")
        assert isinstance(app.screen, SummaryScreen)
        assert "press h to use it" in " ".join(screen_text(app).split())
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("n")  # not agreed: nothing changes
        await settle(pilot)
        assert SettingsRepo(store).hours_per_week() is None
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert SettingsRepo(store).hours_per_week() == 4.5

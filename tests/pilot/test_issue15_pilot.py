"""Issue 15: every figure agrees and every key does what it says (driven like a user)."""

from __future__ import annotations

from advocacy_tui.data.today import TodayRepo
from tests.screen import screen_text


async def test_today_and_calendar_say_the_base_of_their_mix(demo_store, make_app):
    mix = TodayRepo(demo_store).content_mix()
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"{mix.total} published in the last 30 days" in screen_text(app)
        await pilot.press("3")  # the calendar
        await pilot.pause()
        text = screen_text(app)
        assert "planned this month" in text


async def _today_ready(app, pilot):
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _follow(app, pilot, key: str):
    app.screen.query_one(f"#ind-{key}").focus()
    await pilot.press("enter")
    for _ in range(5):
        await pilot.pause()


async def test_enter_on_stuck_opens_the_roster_filtered_to_them(demo_store, make_app):
    stuck = TodayRepo(demo_store).stuck()
    assert stuck.count
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _today_ready(app, pilot)
        await _follow(app, pilot, "stuck")
        assert app.current_mode == "roster"
        assert app.screen.table.row_count == stuck.count
        assert "Only stuck" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.table.row_count > stuck.count
        assert "Only stuck" not in screen_text(app)


async def test_enter_on_gone_quiet_opens_the_roster_filtered_to_them(demo_store, make_app):
    quiet = TodayRepo(demo_store).quiet()
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _today_ready(app, pilot)
        await _follow(app, pilot, "quiet")
        assert app.current_mode == "roster"
        assert app.screen.table.row_count == quiet.count
        assert "Only quiet" in screen_text(app)


async def test_enter_on_leaders_shows_exactly_the_owners_and_managers(demo_store, make_app):
    leaders = TodayRepo(demo_store).leaders()
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _today_ready(app, pilot)
        await _follow(app, pilot, "leaders")
        assert app.current_mode == "roster"
        assert app.screen.table.row_count == leaders
        assert "Only role Owner or Manager" in screen_text(app)


async def test_a_tick_that_takes_a_person_out_of_the_filter_never_lands_on_the_next(demo_store, make_app):
    from advocacy_tui.data.onboarding import OnboardingRepo

    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.show_only(stuck=True)
        await pilot.pause()
        table = app.screen.table
        assert table.row_count >= 2
        first = table.cursor_key
        onboarding = OnboardingRepo(demo_store)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("space")  # ticks a step of the first: no longer stuck, leaves the list
        await pilot.pause()
        assert app.screen.detail.person_id == first  # still on screen
        name = app.screen.repo.get(first).name
        assert name in screen_text(app)
        others = [key for key in (table.cursor_key,) if key is not None and key != first]
        second_steps = {key: dict(onboarding.steps(key)) for key in others}
        await pilot.press("down", "space")  # in the checklist: still the chosen person
        await pilot.pause()
        assert {key: dict(onboarding.steps(key)) for key in others} == second_steps
        assert app.screen.detail.person_id == first
        await pilot.press("escape", "down")  # back to the table and moving: the list's person shows
        await pilot.pause()
        assert app.screen.detail.person_id == table.cursor_key


def _count_titles(store) -> dict[str, int]:
    rows = store.db.conn.execute(
        "SELECT title, count(*) FROM tasks WHERE done_at IS NULL AND recurrence != 'none' GROUP BY title")
    return dict(rows.fetchall())


async def test_plan_a_routine_ticks_only_what_is_missing_and_undo_takes_it_back(demo_store, make_app):
    from textual.widgets import Checkbox

    from advocacy_tui.domain.tasks import RECOMMENDED_ROUTINE

    before = _count_titles(demo_store)
    missing = [item.title for item in RECOMMENDED_ROUTINE if item.title not in before]
    assert missing and len(missing) < len(RECOMMENDED_ROUTINE)
    app = make_app(demo_store, start_mode="tasks")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        ticked = [box.label.plain for box in app.screen.query(Checkbox) if box.value]
        assert ticked == missing
        # tick everything: the ones already there are still not added twice
        for box in app.screen.query(Checkbox):
            box.value = True
        await pilot.press("f10")
        await pilot.pause()
        after = _count_titles(demo_store)
        assert all(after[title] == count for title, count in before.items())
        assert all(after.get(title) == 1 for title in missing)
        await pilot.press("u")
        await pilot.pause()
        assert _count_titles(demo_store) == before


async def test_esc_on_a_half_filled_form_asks_before_throwing_it_away(store, make_app):
    from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
    from advocacy_tui.screens.modals.ambassador_form import AmbassadorForm
    from advocacy_tui.screens.modals.confirm import ConfirmDialog

    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        await pilot.press(*"Anna")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert isinstance(app.screen, AmbassadorForm)
        assert app.screen.query_one("#name").value == "Anna"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(app.screen, (AmbassadorForm, ConfirmDialog))
        await pilot.press("a", "escape")  # nothing typed: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, (AmbassadorForm, ConfirmDialog))
    assert AmbassadorRepo(store).count(RosterQuery()) == 0


async def test_enter_on_a_select_saves_when_the_hint_says_so(store, make_app):
    from textual.widgets import Select

    from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
    from advocacy_tui.screens.modals.ambassador_form import AmbassadorForm

    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", *"Anna", "tab", *"anna@firma.pl")
        app.screen.query_one("#role", Select).focus()
        await pilot.pause()
        assert "Enter or F10 saves" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, AmbassadorForm)
    assert AmbassadorRepo(store).count(RosterQuery()) == 1


async def test_workshop_stray_digit_never_lands_in_the_note(store, make_app):
    from advocacy_tui.screens.wizard import WizardScreen

    app = make_app(store, start_mode="readiness",
                   wizard={"bank": "readiness-quick", "language": "en", "workshop": True})
    async with app.run_test(size=(200, 60)) as pilot:
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        await pilot.press("2", "tab", "9", "tab", "1", "tab", "3")
        await pilot.pause()
        assert app.screen.query_one("#note").value == ""
        await pilot.press(*"ok 3")  # words first: then digits are part of the note
        assert app.screen.query_one("#note").value == "ok 3"


async def test_calendar_says_what_the_filter_hides_and_shows_the_filter(demo_store, make_app):
    from datetime import date

    from advocacy_tui.data.posts import PostFilter, PostRepo

    rows = PostRepo(demo_store).in_range(date(2026, 11, 27), date(2026, 12, 31))
    day = rows[0].planned_on
    on_day = sum(1 for row in rows if row.planned_on == day)
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.go_to(day)
        screen.filter = PostFilter(voice="no-such-voice", state="idea")
        screen.reload()
        await pilot.pause()
        text = screen_text(app)
        assert "nothing planned" not in text
        assert f"{on_day} hidden by the filter" in text
        assert "Only idea" in text  # the filter on screen, not only in the title bar
        await pilot.press("escape")  # Esc clears the filter
        await pilot.pause()
        assert not screen.filter.active
        assert "hidden by the filter" not in screen_text(app)


async def test_week_agenda_shows_voice_and_channel(demo_store, make_app):
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        rows = app.screen.rows
        assert rows
        text = screen_text(app)
        labels = app.screen.settings.voice_labels
        row = rows[0]
        assert labels[row.voice] in text
        assert row.channel in text
        assert "DSMN8" not in text


async def test_copy_asks_for_the_day_and_says_an_idea(demo_store, make_app):
    from datetime import date, timedelta

    from advocacy_tui.data.posts import PostRepo
    from advocacy_tui.domain.posts import Post
    from advocacy_tui.screens.modals.calendar_dialogs import DateDialog

    repo = PostRepo(demo_store)
    day = date(2026, 11, 28)
    for row in repo.in_range(day, day):
        repo.delete(row.id)
    repo.add(Post(None, "Lonely idea", planned_on=day, state="idea"))
    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.go_to(day)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, DateDialog)
        app.screen.query_one("#date").value = "01.12.2026"
        await pilot.press("enter")
        await pilot.pause()
        copies = repo.in_range(date(2026, 12, 1), date(2026, 12, 1))
        assert any(row.title == "Lonely idea" for row in copies)
        notes = " ".join(str(n.message) for n in app._notifications)
        assert "as an idea" in notes and "as a idea" not in notes
        del timedelta


async def test_month_weeks_are_all_the_same_height_and_titles_use_the_cell(demo_store, make_app):
    from advocacy_tui.widgets.month_grid import MonthGrid

    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(MonthGrid)
        assert len(set(grid._row_heights())) == 1
        from datetime import date

        width = grid._widths(grid.size.width)[3] - 1
        lines = grid._cell_lines(date(2026, 11, 19), width, grid._row_heights()[0])
        joined = " ".join(line.strip() for line in lines)
        assert "What a product manager" in joined  # wrapped in the cell, not cut at ~14 characters
        assert all(line.strip() in screen_text(app) for line in lines if line.strip())


async def _check_import(app, pilot, path):
    from advocacy_tui.screens.modals.import_dialog import ImportDialog

    await pilot.press("I")
    dialog = app.screen
    assert isinstance(dialog, ImportDialog)
    dialog.query_one("#import-path").value = str(path)
    await pilot.press("enter")
    for _ in range(500):
        await pilot.pause(0.02)
        if not dialog.busy and dialog.plan is not None:
            break
    return dialog


async def test_import_preview_shows_kept_status_and_whole_emails(store, make_app, tmp_path):
    from advocacy_tui.data.ambassadors import AmbassadorRepo
    from advocacy_tui.domain.ambassadors import build_ambassador

    repo = AmbassadorRepo(store)
    repo.add(build_ambassador({"name": "Anna Kowalska", "email": "Anna.Kowalska@Northwind-Example.pl",
                               "status": "active"}))
    path = tmp_path / "hr.csv"
    path.write_text("name,email,department\nAnna Kowalska,anna.kowalska@northwind-example.pl,Sales\n"
                    "Bartosz Długonazwiskowy,bartosz.dlugonazwiskowy@northwind.pl,IT\n",
                    encoding="utf-8")
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await _check_import(app, pilot, path)
        text = screen_text(app)
        assert "bartosz.dlugonazwiskowy@northwind.pl" in text  # not cut at 20
        anna = next(line for line in text.splitlines() if "Anna Kowalska" in line)
        assert "Active (kept)" in anna and "Candidate" not in anna
        await pilot.press("f10")
        for _ in range(200):
            await pilot.pause(0.02)
            if not isinstance(app.screen, type(app.screen)) or repo.total() == 2:
                break
    person = repo.by_email("anna.kowalska@northwind-example.pl")
    assert person.email == "Anna.Kowalska@Northwind-Example.pl"  # the stored case stays
    assert person.status == "active" and person.department == "Sales"


async def test_import_f10_with_bad_rows_and_skip_off_says_why(store, make_app, tmp_path):
    path = tmp_path / "hr.csv"
    path.write_text("name,email\nAnna,anna@x.pl\nBen,not-an-email\n", encoding="utf-8")
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await _check_import(app, pilot, path)
        await pilot.press("f10")
        await pilot.pause()
        notes = " ".join(str(n.message) for n in app._notifications)
        assert "Skip the rows with problems" in notes


async def test_the_skip_checkbox_draws_no_tick_when_off(store, make_app, tmp_path):
    path = tmp_path / "hr.csv"
    path.write_text("name,email\nAnna,anna@x.pl\nBen,not-an-email\n", encoding="utf-8")
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await _check_import(app, pilot, path)
        await pilot.pause()
        box = dialog.query_one("#import-skip")
        line = next(line for line in screen_text(app).splitlines() if "Skip the rows" in line)
        assert "X" not in line and "✓" not in line
        box.value = True
        await pilot.pause()
        line = next(line for line in screen_text(app).splitlines() if "Skip the rows" in line)
        assert "✓" in line


async def test_readiness_summary_shows_each_next_step_whole(store, make_app):
    from advocacy_tui.data.readiness import ReadinessRepo, builtin_bank
    from advocacy_tui.domain.readiness import Answer
    from advocacy_tui.screens.wizard import SummaryScreen

    # a finished workshop run with weak answers, so that it has three long next steps
    bank = builtin_bank("readiness-quick", "en")
    repo = ReadinessRepo(store)
    run = repo.start(bank, workshop=True)
    answers = {"yes_no": "no", "scale": "2"}
    for question in bank.questions:
        repo.save_answer(run.id, Answer(question.id, answers.get(question.kind, "4")))
    repo.finish(run.id, repo.result(run, bank).verdict)
    app = make_app(store, start_mode="readiness")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#history").focus()
        await pilot.press("enter")
        for _ in range(3):
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        assert len(screen.result.steps) == 3
        # the steps are printed whole above their tick list: show that text from its top
        text = screen.query_one("#steps-text")
        screen.query_one("#summary").scroll_to_widget(text, animate=False, top=True)
        for _ in range(3):
            await pilot.pause()
        flat = " ".join(screen_text(app).split())
        for step in screen.result.steps:
            assert " ".join(step.text.split()) in flat


async def test_roster_key_bar_shows_export_at_120_columns(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = screen_text(app).splitlines()[-1]
        assert "x Export" in bar and "I Import CSV" in bar


async def test_stakeholder_next_step_cut_with_an_ellipsis(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        cut = [line for line in screen_text(app).splitlines() if line.rstrip().endswith("…")]
        assert cut, "a long next step at 80 columns ends with an ellipsis"


async def test_first_run_shows_the_owners_first_steps_and_leaves_once_done(store, make_app):
    from advocacy_tui.data.ambassadors import AmbassadorRepo
    from advocacy_tui.data.settings import SettingsRepo
    from advocacy_tui.domain.ambassadors import build_ambassador

    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _today_ready(app, pilot)
        text = screen_text(app)
        assert "First steps" in text
        assert "Import the HR file" in text and "readiness check" in text and "hours" in text
        await pilot.press("2")
        await pilot.pause()
        assert "Press I to import" in screen_text(app)
    AmbassadorRepo(store).add(build_ambassador({"name": "Anna", "email": "anna@x.pl"}))
    SettingsRepo(store).set_many({"owner_hours_per_week": "6"})
    store.db.conn.execute(
        "INSERT INTO readiness_runs (bank, language, title, started_at, finished_at, verdict) "
        "VALUES ('readiness-quick', 'en', 'x', '2026-11-20', '2026-11-20', 'go')")
    store.db.conn.commit()
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _today_ready(app, pilot)
        assert "First steps" not in screen_text(app)


async def test_enter_on_the_calendar_filters_select_applies(demo_store, make_app):
    from textual.widgets import Select

    from advocacy_tui.screens.modals.calendar_dialogs import FilterDialog

    app = make_app(demo_store, start_mode="calendar")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterDialog)
        app.screen.query_one("#state", Select).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, FilterDialog)

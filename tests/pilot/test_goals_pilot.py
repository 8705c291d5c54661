"""The goals section as an owner uses it: add a goal, record values, edit, delete, launch day."""

from textual.widgets import DataTable, Static

from advocacy_tui.data.goals import GoalRepo
from tests.screen import screen_text


def rows(app, selector="#goals-table"):
    table = app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def text(app, selector):
    return str(app.screen.query_one(selector, Static).render())


async def test_a_first_goal_its_values_and_its_review(store, make_app):
    app = make_app(store, start_mode="goals")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "No goals yet" in text(app, "#goals-empty")
        assert "No launch day set" in text(app, "#goals-launch")
        await pilot.press("a")
        await pilot.pause()
        # the metric list starts at the first metric (reach); type the rest
        await pilot.press("tab", *"Reach", "tab", *"1 000", "tab")
        app.screen.query_one("#baseline_on").value = "01.03.2026"
        await pilot.press("tab", *"1500", "tab", *"30.09.2026", "enter")
        await pilot.pause()
        assert rows(app)[0][:2] == ["Reach", "1,000"]
        assert "no values yet since March 2026" in text(app, "#goal-reading")
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one("#month").value = "2026-06"
        await pilot.press(*"1,380", "tab", *"LinkedIn export", "tab", *"<b>[red]x", "f10")
        await pilot.pause()
        # the target's day (30.09) is past on 27.11 and 1,500 is not reached: behind
        assert rows(app)[0][2:] == ["1,380", "1,500", "+38%", "behind"]
        assert rows(app, "#goal-values") == [["2026-06", "1,380", "LinkedIn export", "<b>[red]x"]]
        assert "Period" in screen_text(app)
        # the launch day brings the reviews
        await pilot.press("l", *"01.05.2026", "enter")
        await pilot.pause()
        assert "6-month review due since 01.11.2026" in text(app, "#goals-launch")
    goals = GoalRepo(store).goals()
    assert [(g.title, g.baseline, g.target) for g in goals] == [("Reach", 1000, 1500)]


async def test_a_value_for_a_week(store, make_app):
    from advocacy_tui.domain.goals import build_goal

    GoalRepo(store).add(build_goal({"metric": "candidates", "title": "", "baseline": "4", "baseline_on": "01.09.2026",
                                    "target": "12", "target_on": "31.03.2027"}, ["candidates"]))
    app = make_app(store, start_mode="goals")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one("#month").value = "2026-W60"
        await pilot.press(*"9", "f10")
        await pilot.pause()
        problems = [str(w.render()) for w in app.screen.query(".field-problem") if w.parent.has_class("-invalid")]
        assert any("neither a month nor a week" in p for p in problems)
        app.screen.query_one("#month").value = "W47 2026"
        await pilot.press("tab", "tab", *"rekrutacja", "f10")  # the month had the problem: value, source
        await pilot.pause()
        assert rows(app, "#goal-values") == [["2026-W47", "9", "rekrutacja", ""]]
        assert rows(app)[0][2:] == ["9", "12", "+125%", "on track"]
        assert "Recorded the value for 2026-W47." in [str(n.message) for n in app._notifications]


async def test_a_wrong_value_is_named_and_nothing_is_saved(store, make_app):
    app = make_app(store, start_mode="goals")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a", "tab", "tab", *"lots", "tab")
        await pilot.press("tab", *"5", "tab", *"01.01.2020", "f10")
        await pilot.pause()
        problems = [str(w.render()) for w in app.screen.query(".field-problem") if w.parent.has_class("-invalid")]
        assert any("not a number" in p for p in problems)
        assert any("after the baseline" in p for p in problems)
        await pilot.press("escape")  # typed into the form: asks first
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert GoalRepo(store).goals() == []


async def test_the_demo_goals_edit_delete_and_a_counted_metric(demo_store, make_app):
    app = make_app(demo_store, start_mode="goals")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert [row[0] for row in rows(app)] == ["Reach of ambassadors' posts",
                                                 "Candidates who mention our people's posts"]
        assert [row[5] for row in rows(app)] == ["on track", "behind"]
        assert "6-month review due" in text(app, "#goals-launch")
        await pilot.press("down", "e")
        await pilot.pause()
        app.screen.query_one("#target").value = "6"
        await pilot.press("f10")
        await pilot.pause()
        assert rows(app)[1][3] == "6"
        await pilot.press("d", "y")
        await pilot.pause()
        assert len(rows(app)) == 1
        # a goal on a counted metric: values come from the posts, v says so
        await pilot.press("m", *"Referrals from posts", "enter")
        await pilot.pause()
        assert any(m.label == "Referrals from posts" for m in GoalRepo(demo_store).metrics())
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "OutcomeForm"
        await pilot.press("escape")
        await pilot.pause()
    assert len(GoalRepo(demo_store).goals()) == 1


async def test_key_6_and_the_palette_open_goals(demo_store, make_app):
    app = make_app(demo_store, start_mode="today")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        assert type(app.screen).__name__ == "GoalsScreen"
        await pilot.press("f1")
        await pilot.pause()
        assert "Help: Goals" in screen_text(app)
        await pilot.press("escape", "ctrl+p", *"record a value")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "OutcomeForm"


async def test_the_readiness_notes_on_goals_are_there_to_start_from(demo_store, make_app):
    app = make_app(demo_store, start_mode="goals")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        line = text(app, "#goals-readiness")
        assert line.startswith(" From the readiness check of ")
        assert "“The board expects results in one quarter: talk to them again.”" in line
        assert "r starts a goal from them" in line and "r From readiness" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        assert "“More candidates who mention our people's posts. Later also sales conversations.”" in str(
            form.query_one("#seed-from", Static).render())
        assert form.query_one("#metric").value == "candidates"
        assert form.query_one("#title").value == "More candidates who mention our people's posts"
        today = demo_store.clock.today()
        assert form.query_one("#baseline_on").value == today.strftime("%d.%m.%Y")
        await pilot.press("tab", "tab", *"3", "tab", "tab", *"10", "f10")
        await pilot.pause()
        assert rows(app)[-1][:4] == ["More candidates who mention our people's po…", "3", "–", "10"]
    added = GoalRepo(demo_store).goals()[-1]
    assert (added.metric, added.baseline, added.target) == ("candidates", 3, 10)
    assert added.target_on > today


async def test_without_a_readiness_check_there_is_nothing_to_start_from(store, make_app):
    app = make_app(store, start_mode="goals")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "From readiness" not in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "GoalsScreen"


async def test_a_persons_linkedin_figures_are_on_their_own_detail_only(demo_store, make_app):
    from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery

    repo = AmbassadorRepo(demo_store)
    first, second = repo.page(RosterQuery(), 0, 2)
    demo_store.db.conn.execute(
        "INSERT INTO post_analytics (post_url, ambassador_id, source, published_on, impressions, engagements, "
        "imported_at) VALUES ('https://www.linkedin.com/feed/update/urn:li:activity:1', ?, 'member', "
        "'2026-10-02', 4300, 210, 'x')", (first.id,))
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "LinkedIn: 1 post, 4,300 impressions, 210 engagements" in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        assert "LinkedIn:" not in screen_text(app)  # the next person handed nothing over


async def test_the_launch_day_from_program_settings_shows_in_goals(store, make_app):
    app = make_app(store, start_mode="goals")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        [command] = [c for c in app.screen.palette_commands() if c.title == "Program settings"]
        command.callback()
        await pilot.pause()
        await pilot.press("tab", *"6", "tab", *"01.05.2026", "enter")
        await pilot.pause()
        assert "Launched 01.05.2026 · 6-month review due since 01.11.2026" in text(app, "#goals-launch")

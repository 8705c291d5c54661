"""Groups on the roster, driven by keys: put a person in a group (a new one typed, an existing
one picked), take them out, filter by group, make a group of the people shown, rename and
delete; the person's groups on their detail."""

from __future__ import annotations

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.groups import GroupRepo
from advocacy_tui.screens.modals.group_dialogs import GroupsDialog, NameDialog, PersonGroupsDialog
from advocacy_tui.screens.modals.roster_filter import RosterFilterDialog
from tests.screen import screen_text


async def _type(pilot, text: str) -> None:
    for char in text:
        await pilot.press(char if char != " " else "space")


async def test_a_person_goes_into_a_new_group_then_an_existing_one_and_out(store, make_app):
    people = AmbassadorRepo(store)
    from advocacy_tui.domain.ambassadors import Ambassador

    anna = people.add(Ambassador(id=None, name="Anna Nowak", email="anna@example.com"))
    GroupRepo(store).add("Spring cohort")
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        assert isinstance(app.screen, PersonGroupsDialog)
        await pilot.press("tab")  # from the list to the box
        await pilot.pause()
        assert app.screen.query_one("#new-group").has_focus
        await _type(pilot, "Sales ambassadors")
        await pilot.press("enter")
        await pilot.pause()
        assert [g.name for g in GroupRepo(store).groups_of(anna)] == ["Sales ambassadors"]
        text = screen_text(app)
        assert "[✓] Sales ambassadors" in text and "[ ] Spring cohort" in text
        await pilot.press("down", "enter")  # Spring cohort
        await pilot.pause()
        assert [g.name for g in GroupRepo(store).groups_of(anna)] == ["Sales ambassadors", "Spring cohort"]
        await pilot.press("up", "enter")  # out of Sales ambassadors
        await pilot.pause()
        assert [g.name for g in GroupRepo(store).groups_of(anna)] == ["Spring cohort"]
        await pilot.press("escape")
        await pilot.pause()
        assert "Groups: Spring cohort" in screen_text(app)


async def test_the_roster_filters_by_group_and_says_so(demo_store, make_app):
    groups = GroupRepo(demo_store)
    team = groups.add("Tiny team")
    first = demo_store.db.conn.execute("SELECT id FROM ambassadors ORDER BY sort_key LIMIT 1").fetchone()[0]
    groups.add_member(team, first)
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        assert isinstance(app.screen, RosterFilterDialog)
        app.screen.query_one("#group").value = str(team)
        await pilot.press("f10")
        await pilot.pause()
        assert app.screen.table.row_count == 1
        assert "Only group Tiny team" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.table.row_count > 1


async def test_a_group_of_the_people_shown_then_shown_renamed_and_deleted(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await _type(pilot, "sales")
        await pilot.press("enter")
        await pilot.pause()
        shown = app.screen.table.row_count
        assert 0 < shown < AmbassadorRepo(demo_store).total()
        await pilot.press("G")
        assert isinstance(app.screen, GroupsDialog)
        await pilot.press("n")
        assert isinstance(app.screen, NameDialog)
        assert "matching “sales”" in screen_text(app)
        await _type(pilot, "Sales people")
        await pilot.press("enter")
        await pilot.pause()
        group = GroupRepo(demo_store).by_name("Sales people")
        assert group is not None and group.members == shown
        assert "Sales people · " in screen_text(app)
        await pilot.press("r")
        await pilot.press(*["backspace"] * 20)
        await _type(pilot, "Sales crew")
        await pilot.press("enter")
        await pilot.pause()
        assert GroupRepo(demo_store).get(group.id).name == "Sales crew"
        await pilot.press("enter")  # show it in the roster
        await pilot.pause()
        assert "Only group Sales crew" in screen_text(app)
        assert app.screen.table.row_count == shown
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("d")
        await pilot.press("y")
        await pilot.pause()
        assert GroupRepo(demo_store).get(group.id) is None


async def test_goals_show_the_outcomes_by_group_month_by_month(demo_store, make_app):
    from advocacy_tui.screens.modals.group_outcomes import GroupOutcomesDialog

    app = make_app(demo_store, start_mode="goals")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, GroupOutcomesDialog)
        text = screen_text(app)
        assert "Outcomes by group, November 2026" in text and "Posts a week" in text
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "Outcomes by group, October 2026" in screen_text(app)
        await pilot.press("right_square_bracket", "right_square_bracket")  # not past this month
        await pilot.pause()
        assert "Outcomes by group, November 2026" in screen_text(app)


async def test_a_group_or_campaign_name_that_looks_like_markup_shows_as_typed(store, make_app):
    from datetime import date

    from advocacy_tui.data.groups import CampaignRepo
    from advocacy_tui.domain.groups import Campaign

    GroupRepo(store).add("[b]Team[/b] [red]x")
    CampaignRepo(store).add(Campaign(None, "[i]Drive[/i]", date(2026, 11, 27), date(2026, 11, 30)))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        assert "[b]Team[/b] [red]x · 0 people" in screen_text(app)
        await pilot.press("escape", "f")
        await pilot.pause()
        app.screen.query_one("#group").expanded = True
        await pilot.pause()
        assert "[b]Team[/b] [red]x" in screen_text(app)
        await pilot.press("escape", "escape", "3")
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        assert "[i]Drive[/i] · 27.11.2026" in screen_text(app)


async def test_g_right_after_moving_names_the_person_under_the_cursor(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        second = AmbassadorRepo(demo_store).page(app.screen.query_state, 1, 1)[0].name
        await pilot.press("down", "g")  # in one burst, before the detail pane follows
        await pilot.pause()
        assert f"Groups of {second}" in screen_text(app)


async def test_a_cohort_by_joining_day_and_a_language_from_the_filter(demo_store, make_app):
    from textual.widgets import Input, Select, Static

    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RosterFilterDialog)
        dialog.query_one("#joined-from", Input).value = "31.02.2026"
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, RosterFilterDialog)  # a day that does not exist is named, not applied
        assert "does not exist in the calendar" in str(dialog.query_one("#field-joined_from .field-problem", Static).render())
        dialog.query_one("#joined-from", Input).value = "01.09.2026"
        dialog.query_one("#language", Select).value = "pl"
        await pilot.press("f10")
        await pilot.pause()
        assert "Only language Polish · joined 01.09.2026 – …" in screen_text(app)
        query = app.screen.people.query_state
        assert (query.language, query.joined_from.isoformat(), query.joined_to) == ("pl", "2026-09-01", None)

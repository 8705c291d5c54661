"""Drive the checklist, the involvement log, the filters and the stakeholder map by keyboard."""

from datetime import date

from textual.widgets import Select

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
from advocacy_tui.data.involvement import InvolvementRepo
from advocacy_tui.data.onboarding import OnboardingRepo
from advocacy_tui.data.stakeholders import StakeholderRepo
from advocacy_tui.domain.dates import format_date
from advocacy_tui.screens.modals.confirm import ConfirmDialog
from advocacy_tui.screens.modals.involvement_form import InvolvementForm
from advocacy_tui.screens.modals.roster_filter import RosterFilterDialog
from advocacy_tui.screens.modals.stakeholder_form import StakeholderForm
from advocacy_tui.screens.roster_detail import Checklist, InvolvementLog
from advocacy_tui.widgets.virtual_table import VirtualTable
from tests.screen import screen_text

TODAY = date(2026, 11, 27)
BARTOSZ = "bartosz.nowakowski@northwind.example"


async def find(pilot, text):
    """Search the roster for someone and put the cursor on them."""
    await pilot.press("slash", *text, "enter")
    await pilot.pause()


async def test_ticking_and_unticking_the_checklist(demo_store, make_app):
    person = AmbassadorRepo(demo_store).by_email(BARTOSZ)
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await find(pilot, "bartosz")
        assert "0/6" in screen_text(app) and "⚠ 2 months" in screen_text(app)
        await pilot.press("o")
        assert isinstance(app.focused, Checklist)
        await pilot.press("space")  # profile
        await pilot.press("down", "enter")  # library
        await pilot.pause()
        steps = OnboardingRepo(demo_store).steps(person.id)
        assert steps == {"profile": TODAY, "library": TODAY}
        shown = screen_text(app)
        assert "2/6" in shown
        assert "[✓] Profile ready  27.11.2026" in shown
        title = next(line for line in shown.splitlines() if "Onboarding 2/6" in line)
        assert "stuck" not in title  # a step today: not stuck any more
        await pilot.press("space")  # untick library
        await pilot.pause()
        assert set(OnboardingRepo(demo_store).steps(person.id)) == {"profile"}
        assert "1/6" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.focused, VirtualTable)


async def test_adding_and_deleting_an_involvement_entry(demo_store, make_app):
    person = AmbassadorRepo(demo_store).by_email(BARTOSZ)
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await find(pilot, "bartosz")
        assert "☾ never" in screen_text(app)
        await pilot.press("i")
        form = app.screen
        assert isinstance(form, InvolvementForm)
        form.query_one("#kind", Select).value = "question"
        await pilot.press("tab", "tab")  # to the date, then the note
        await pilot.press(*"How to answer [b]trolls[/b]?", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, InvolvementForm)
        entries = InvolvementRepo(demo_store).for_person(person.id)
        assert [(e.kind, e.happened_on, e.note) for e in entries] == [
            ("question", TODAY, "How to answer [b]trolls[/b]?")]
        shown = screen_text(app)
        assert "Log · last active today" in shown
        assert "Asked a question: How to answer [b]tr" in shown
        assert "☾" not in shown
        await pilot.press("l")
        assert isinstance(app.focused, InvolvementLog)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert InvolvementRepo(demo_store).count_for(person.id) == 1
        await pilot.press("delete", "y")
        await pilot.pause()
        assert InvolvementRepo(demo_store).count_for(person.id) == 0
        assert "☾ never" in screen_text(app)


async def test_involvement_form_refuses_a_future_date(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i", "tab")
        date_box = app.screen.query_one("#happened_on")
        date_box.value = ""
        await pilot.press(*"01.12.2026")
        await pilot.pause()
        assert "the date cannot" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, InvolvementForm)
        await pilot.press("escape")
        assert not isinstance(app.screen, InvolvementForm)
    assert demo_store.db.conn.execute("SELECT count(*) FROM involvement WHERE happened_on > '2026-11-27'").fetchone() == (0,)


async def apply_filters(pilot, app, **choices):
    await pilot.press("f")
    dialog = app.screen
    assert isinstance(dialog, RosterFilterDialog)
    for name, value in choices.items():
        dialog.query_one(f"#{name}", Select).value = value
    await pilot.press("f10")
    await pilot.pause()


async def test_each_filter_narrows_the_roster_and_says_so(demo_store, make_app):
    repo = AmbassadorRepo(demo_store)
    base = RosterQuery(today=TODAY)
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one("#roster-table", VirtualTable)
        total = table.row_count
        await apply_filters(pilot, app, role="manager")
        assert table.row_count == repo.count(RosterQuery(roles=("manager",))) < total
        assert "Only role Manager" in screen_text(app)
        await apply_filters(pilot, app, role="any", status="onboarding")
        assert table.row_count == repo.count(RosterQuery(statuses=("onboarding",)))
        assert "Only status Onboarding" in screen_text(app)
        await apply_filters(pilot, app, status="any", department="Sales")
        assert table.row_count == repo.count(RosterQuery(departments=("Sales",)))
        assert "department Sales" in screen_text(app)
        await apply_filters(pilot, app, department="any")
        assert table.row_count == total
        # stuck, by keyboard only: Role, Status, Department, Group, then the first box
        await pilot.press("f", *["tab"] * 7, "space", "f10")  # role, status, department, group, language, joined from, to
        await pilot.pause()
        from dataclasses import replace

        assert table.row_count == repo.count(replace(base, stuck=True)) == 4
        assert "stuck 14+ days" in screen_text(app)
        # quiet as well
        await pilot.press("f", *["tab"] * 8, "space", "f10")
        await pilot.pause()
        assert table.row_count == repo.count(replace(base, stuck=True, quiet=True))
        assert "quiet 30+ days" in screen_text(app)
        await pilot.press("f", "ctrl+r")  # clear all
        await pilot.pause()
        assert table.row_count == total
        assert "Only " not in screen_text(app)


async def test_quiet_filter_and_escape_clears_search_then_filters(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        table = screen.query_one("#roster-table", VirtualTable)
        total = table.row_count
        screen._quick_filter(quiet=True)
        await pilot.pause()
        shown = screen_text(app)
        assert "Oliver Bennett" in shown and "Agnieszka Wójcik" not in shown
        quiet = table.row_count
        await find(pilot, "krzysztof")
        assert table.row_count == 1
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == quiet
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == total


async def test_stakeholder_tab_add_edit_delete(demo_store, make_app):
    repo = StakeholderRepo(demo_store)
    before = repo.total()
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert "Customer Success" in screen_text(app)
        await pilot.press("a")
        assert isinstance(app.screen, StakeholderForm)
        await pilot.press(*"Zarząd [i]Łódź[/i]", "tab")
        kind = app.screen.query_one("#kind")
        kind.value = ""
        await pilot.press(*"Board", "tab")
        app.screen.query_one("#stance", Select).value = "sceptical"
        await pilot.press("tab", *"31.12.2026")
        await pilot.pause()
        assert "cannot be in the future" in screen_text(app)
        app.screen.query_one("#last_talk").value = "20.11.2026"
        await pilot.press("tab", *"Coffee with the CFO", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, StakeholderForm)
        assert repo.total() == before + 1
        added = next(s for s in repo.page(__import__("advocacy_tui.data.stakeholders", fromlist=["x"]).StakeholderQuery(), 0, 50)
                     if s.name.startswith("Zarząd"))
        assert (added.kind, added.stance, added.last_talk, added.next_step) == (
            "board", "sceptical", date(2026, 11, 20), "Coffee with the CFO")
        shown = screen_text(app)
        assert "Zarząd [i]Łódź[/i]" in shown and "? Sceptical" in shown
        table = app.screen.query_one("#stakeholder-table", VirtualTable)
        assert table.cursor_key == added.id
        await pilot.press("e")
        assert isinstance(app.screen, StakeholderForm)
        app.screen.query_one("#stance", Select).value = "supportive"
        await pilot.press("f10")
        await pilot.pause()
        assert repo.get(added.id).stance == "supportive"
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert repo.get(added.id) is None
        assert repo.total() == before


async def test_stakeholder_search_and_stance_filter(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t", "f")  # first stance: not met yet
        await pilot.pause()
        table = app.screen.query_one("#stakeholder-table", VirtualTable)
        assert table.row_count == 1
        assert "showing stance Not met yet" in screen_text(app)
        await pilot.press("f")  # supportive
        await pilot.pause()
        assert table.row_count == 3
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == 8
        await pilot.press("slash", *"hate")
        await pilot.pause()
        assert table.row_count == 1 and "PR team" in screen_text(app)
        await pilot.press("escape")  # clears the search box
        await pilot.pause()
        assert table.row_count == 8
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.focused, VirtualTable) and app.focused.id == "roster-table"


async def test_deleting_a_person_takes_their_log_and_checklist(demo_store, make_app):
    person = AmbassadorRepo(demo_store).by_email("harry.walsh@northwind.example")
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await find(pilot, "harry")
        await pilot.press("d")
        assert "onboarding checklist and involvement log" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
    conn = demo_store.db.conn
    assert conn.execute("SELECT count(*) FROM involvement WHERE ambassador_id = ?", (person.id,)).fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM onboarding_steps WHERE ambassador_id = ?", (person.id,)).fetchone() == (0,)


async def test_help_explains_stuck_and_quiet(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = app.screen.markdown
        assert "**14 days**" in text and "**30 days**" in text
        assert "no points" in text


async def test_long_log_scrolls_and_deletes_the_entry_under_the_cursor(demo_store, make_app):
    person = AmbassadorRepo(demo_store).by_email("agnieszka.wojcik@northwind.example")
    log = InvolvementRepo(demo_store)
    total = log.count_for(person.id)
    assert total > 20
    oldest_shown = log.for_person(person.id, 50)[-1]
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        widget = app.focused
        assert isinstance(widget, InvolvementLog)
        await pilot.press("end")
        assert widget.current.key == str(oldest_shown.id)
        assert format_date(oldest_shown.happened_on) in screen_text(app)
        await pilot.press("d", "y")
        await pilot.pause()
    assert log.get(oldest_shown.id) is None
    assert log.count_for(person.id) == total - 1

"""Drive the roster like a user and check what the screen and the database hold."""

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
from advocacy_tui.data.store import Store
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.screens.modals.ambassador_form import AmbassadorForm
from advocacy_tui.screens.modals.confirm import ConfirmDialog
from advocacy_tui.widgets.virtual_table import VirtualTable
from tests.screen import screen_text


async def test_add_a_person_through_the_form(store, make_app):
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AmbassadorForm)
        await pilot.press(*"Zażółć [b]Gęślą[/b]")
        await pilot.press("tab")
        await pilot.press(*"zaz@firma.pl")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, AmbassadorForm)
    people = AmbassadorRepo(store).page(RosterQuery(), 0, 10)
    assert [(p.name, p.email) for p in people] == [("Zażółć [b]Gęślą[/b]", "zaz@firma.pl")]


async def test_form_explains_problems_and_keeps_the_dialog_open(store, make_app):
    repo = AmbassadorRepo(store)
    repo.add(build_ambassador({"name": "Anna", "email": "anna@x.pl"}))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", "tab")
        await pilot.press(*"ANNA@x.pl")
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AmbassadorForm)
        problems = {str(f.query_one(".field-problem").render()) for f in form.query("Field.-invalid")}
        assert any("name is required" in p for p in problems)
        assert any("already has this email" in p for p in problems)
        await pilot.press("escape")
        assert not isinstance(app.screen, AmbassadorForm)
    assert repo.total() == 1


async def test_filter_edit_and_delete(demo_store, make_app):
    repo = AmbassadorRepo(demo_store)
    total = repo.total()
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(VirtualTable)
        assert table.row_count == total
        await pilot.press("slash", *"lukasz")
        await pilot.pause()
        assert table.row_count == 1
        assert "Łukasz Dąbrowski" in screen_text(app)
        await pilot.press("enter")  # from the filter box to the table
        await pilot.press("e")
        assert isinstance(app.screen, AmbassadorForm)
        name = app.screen.query_one("#department")
        name.value = "Platform Engineering"
        await pilot.press("f10")
        await pilot.pause()
        person = repo.by_email("lukasz.dabrowski@northwind.example")
        assert person.department == "Platform Engineering"
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert repo.by_email("lukasz.dabrowski@northwind.example") is not None
        await pilot.press("d")
        await pilot.press("y")
        await pilot.pause()
        assert repo.by_email("lukasz.dabrowski@northwind.example") is None
        assert table.row_count == 0
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == total - 1


async def test_markup_in_names_is_shown_as_typed(store, make_app):
    AmbassadorRepo(store).add(build_ambassador({"name": "[bold red]Boss[/] \x1b[2J", "department": "[link=x]"}))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)):
        shown = screen_text(app)
        assert "[bold red]Boss[/]" in shown
        assert "[link=x]" in shown


async def test_sorting_by_header_and_key(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await pilot.press("s")
        assert screen.query_state.descending
        await pilot.press("s")
        assert screen.query_state.sort == "role"
        await pilot.click(VirtualTable, offset=(40, 0))  # the department column
        await pilot.pause()
        assert screen.query_state.sort == "department"


async def test_everything_is_there_after_reopening(tmp_path, clock, make_app):
    path = tmp_path / "program.db"
    store = Store.open(path, clock=clock)
    app = make_app(store, start_mode="roster")
    async with app.run_test() as pilot:
        await pilot.press("a", *"Ola", "enter")
        await pilot.pause()
    store.close()
    with Store.open(path, clock=clock) as again:
        assert [p.name for p in AmbassadorRepo(again).page(RosterQuery(), 0, 5)] == ["Ola"]


async def test_help_and_palette(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        assert "Help: Roster" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.press(*"add a person")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AmbassadorForm)


async def test_theme_choice_is_remembered(store, make_app, tmp_path):
    config = tmp_path / "config.toml"
    app = make_app(store, config_path=config, start_mode="roster")
    async with app.run_test() as pilot:
        app.theme = "advocacy-contrast"
        await pilot.pause()
    assert 'theme = "advocacy-contrast"' in config.read_text()


async def test_scrolling_a_long_roster(store, make_app):
    repo = AmbassadorRepo(store)
    with store.write():
        for n in range(500):
            repo.add(build_ambassador({"name": f"Person {n:04d}"}))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end")
        assert "Person 0499" in screen_text(app)
        await pilot.press("home")
        assert "Person 0000" in screen_text(app)
        await pilot.press("pagedown")
        table = app.screen.query_one(VirtualTable)
        assert table.cursor > 5


async def test_problems_are_explained_while_typing(store, make_app):
    from advocacy_tui.screens.modals.forms import Field

    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", "tab", *"anna@")
        await pilot.pause()
        field = app.screen.query_one("#field-email", Field)
        assert field.has_class("-invalid")
        assert "does not look like an email" in str(field.query_one(".field-problem").render())
        await pilot.press(*"firma.pl")
        await pilot.pause()
        assert not field.has_class("-invalid")

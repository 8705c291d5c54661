"""Keys typed faster than the screen redraws (or pasted into the terminal) land where they say.

A terminal hands a burst of keys to the app at once; `burst` posts them the same way, all
before any is handled, unlike `pilot.press`, which waits for each key to be handled.
"""

from textual import events

from advocacy_tui.data.ambassadors import AmbassadorRepo, RosterQuery
from advocacy_tui.screens.modals.ambassador_form import AmbassadorForm
from advocacy_tui.widgets.virtual_table import VirtualTable

KEY_NAMES = {"\t": "tab", "/": "slash", " ": "space", "@": "at", ".": "full_stop", "\r": "enter"}


def burst(app, text: str) -> None:
    for char in text:
        app.post_message(events.Key(KEY_NAMES.get(char, char), "\t" if char == "\t" else char))


async def test_slash_and_a_name_typed_in_one_burst_all_go_to_the_search(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        burst(app, "/lukasz")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#filter").value == "lukasz"
        assert app.screen.query_one(VirtualTable).row_count == 1


async def test_tab_typed_fast_in_a_form_moves_to_the_next_field(store, make_app):
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AmbassadorForm)
        burst(app, "Anna Test\tanna.test@firma.pl\tSales\r")
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, AmbassadorForm)
    (person,) = AmbassadorRepo(store).page(RosterQuery(), 0, 10)
    assert (person.name, person.email, person.department) == ("Anna Test", "anna.test@firma.pl", "Sales")

"""Two tabs (or two windows) edit the same person: the second save asks, never overwrites
in silence. The other tab is a second connection to the same file, as a served tab is."""

from dataclasses import replace

import pytest
from textual.widgets import Input

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.store import ChangedMeanwhile, Store
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.screens.modals.ambassador_form import AmbassadorForm, ChangedDialog
from tests.screen import screen_text


def toasts(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


@pytest.fixture
def anna(store):
    repo = AmbassadorRepo(store)
    person_id = repo.add(build_ambassador({"name": "Anna Nowak", "department": "Sales"}))
    return repo, person_id


@pytest.fixture
def other_tab(store):
    other = Store.open(store.path)
    yield AmbassadorRepo(other)
    other.close()


async def edit_department(app, pilot, department: str) -> AmbassadorForm:
    await pilot.press("e")
    form = app.screen
    assert isinstance(form, AmbassadorForm)
    form.query_one("#department", Input).value = department
    return form


async def test_the_second_save_asks_and_keep_mine_saves_mine(anna, other_tab, make_app, store):
    repo, person_id = anna
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await edit_department(app, pilot, "Marketing")
        other_tab.update(replace(other_tab.get(person_id), department="[b]HR[/b]"))
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ChangedDialog)
        shown = screen_text(app)
        assert "Changed since" in shown and "Marketing" in shown and "[b]HR[/b]" in shown
        assert repo.get(person_id).department == "[b]HR[/b]"  # nothing written yet
        await pilot.press("k")
        await pilot.pause()
        assert not isinstance(app.screen, (ChangedDialog, AmbassadorForm))
    assert repo.get(person_id).department == "Marketing"


async def test_take_theirs_keeps_the_other_save(anna, other_tab, make_app, store):
    repo, person_id = anna
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await edit_department(app, pilot, "Marketing")
        other_tab.update(replace(other_tab.get(person_id), name="Anna Kowalska"))
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, ChangedDialog)
        await pilot.press("t")
        await pilot.pause()
        assert not isinstance(app.screen, (ChangedDialog, AmbassadorForm))
        assert "Anna Kowalska" in screen_text(app)
        assert "your changes were not saved" in toasts(app)
    person = repo.get(person_id)
    assert (person.name, person.department) == ("Anna Kowalska", "Sales")


async def test_escape_goes_back_to_the_form_with_what_was_typed(anna, other_tab, make_app, store):
    repo, person_id = anna
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        form = await edit_department(app, pilot, "Marketing")
        other_tab.update(replace(other_tab.get(person_id), department="HR"))
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#department", Input).value == "Marketing"
    assert repo.get(person_id).department == "HR"


async def test_no_question_when_nothing_changed_meanwhile(anna, make_app, store):
    repo, person_id = anna
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await edit_department(app, pilot, "Marketing")
        await pilot.press("f10")
        await pilot.pause()
        assert not isinstance(app.screen, (ChangedDialog, AmbassadorForm))
    assert repo.get(person_id).department == "Marketing"


async def test_a_person_removed_meanwhile_is_not_brought_back(anna, other_tab, make_app, store):
    repo, person_id = anna
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await edit_department(app, pilot, "Marketing")
        other_tab.delete(person_id)
        await pilot.press("f10")
        await pilot.pause()
        assert not isinstance(app.screen, (ChangedDialog, AmbassadorForm))
        assert "removed in another tab" in toasts(app)
    assert repo.get(person_id) is None
    assert repo.total() == 0


def test_update_refuses_a_row_changed_since_it_was_read(anna, other_tab):
    """Checked and written in one transaction, so a change between the question and the
    save is caught too."""
    repo, person_id = anna
    seen = repo.get(person_id)
    other_tab.update(replace(seen, department="HR"))
    with pytest.raises(ChangedMeanwhile) as changed:
        repo.update(replace(seen, department="Marketing"), expected=seen)
    assert changed.value.current.department == "HR"
    assert repo.get(person_id).department == "HR"
    repo.update(replace(seen, department="Marketing"), expected=changed.value.current)
    assert repo.get(person_id).department == "Marketing"

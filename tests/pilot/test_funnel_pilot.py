"""Issue 21 on the roster: the consent flag, who recommended a person and the invitation day
on the form and the detail; the recruitment funnel (r); the number of employees in the
program settings."""

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.settings import SETTING_EMPLOYEES, SettingsRepo
from advocacy_tui.domain.ambassadors import build_ambassador
from advocacy_tui.screens.modals.ambassador_form import AmbassadorForm
from advocacy_tui.screens.modals.funnel_dialog import FunnelDialog
from advocacy_tui.screens.modals.task_form import SettingsDialog
from advocacy_tui.widgets.funnel_chart import FunnelChart
from tests.screen import screen_text


async def test_the_form_saves_consent_recommender_and_invitation_day(store, make_app, clock):
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, AmbassadorForm)
        await pilot.press(*"Ola [i]Nowak[/i]")
        form.query_one("#status").value = "invited"
        form.query_one("#recommended_by").focus()
        await pilot.press(*"Anna [b]Kowal[/b]")
        form.query_one("#thanks_by_name").focus()
        await pilot.press("space")
        await pilot.press("f10")
        await pilot.pause()
        assert not isinstance(app.screen, AmbassadorForm)
        [person] = [AmbassadorRepo(store).get(1)]
        assert (person.recommended_by, person.thanks_by_name, person.invited_on) == (
            "Anna [b]Kowal[/b]", True, clock.today())
        shown = screen_text(app)
        assert "recommended by Anna [b]Kowal[/b]" in shown  # as text, never markup
        assert "✓ may be thanked by name" in shown
        assert f"invited {clock.today():%d.%m.%Y}" in shown


async def test_the_detail_stays_compact_without_consent_or_recommender(store, make_app):
    AmbassadorRepo(store).add(build_ambassador({"name": "Jan"}))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "recommended by" not in shown and "thanked by name" not in shown and "invited " not in shown
        await pilot.press("e")
        form = app.screen
        form.query_one("#invited_on").value = "31.02.2026"
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, AmbassadorForm)  # no such day
        form.query_one("#invited_on").value = "02.03.2026"
        form.query_one("#thanks_by_name").value = True
        await pilot.press("f10")
        await pilot.pause()
        assert not isinstance(app.screen, AmbassadorForm)
    person = AmbassadorRepo(store).get(1)
    assert person.thanks_by_name and str(person.invited_on) == "2026-03-02"


async def test_the_funnel_from_the_roster(store, make_app):
    repo = AmbassadorRepo(store)
    for n in range(3):
        repo.add(build_ambassador({"name": f"C{n}", "recommended_by": "Anna" if n else ""}))
    repo.add(build_ambassador({"name": "I", "status": "invited", "invited_on": "2026-10-05"}))
    repo.add(build_ambassador({"name": "A", "status": "active", "invited_on": "2026-10-05"}))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, FunnelDialog)
        chart = app.screen.query_one(FunnelChart)
        assert chart.funnel.counts == {"candidate": 3, "invited": 1, "onboarding": 0, "active": 1}
        shown = screen_text(app)
        assert "The number of employees is not set" in shown
        assert "Recommended by someone: 2 of 3 candidates." in shown
        assert "05.10.2026" in shown and "2 invited, 1 active now" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, FunnelDialog)
        [command] = [c for c in app.screen.palette_commands() if c.title == "Roster: recruitment funnel"]
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, FunnelDialog)


async def test_employees_in_program_settings_feed_the_funnel(store, make_app):
    repo = AmbassadorRepo(store)
    for n in range(3):
        repo.add(build_ambassador({"name": f"A{n}", "status": "active"}))
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(100, 30)) as pilot:
        [command] = [c for c in app.screen.palette_commands() if c.title == "Program settings"]
        command.callback()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SettingsDialog)
        await pilot.press("tab", *"4", "tab", "tab", *"twelve", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsDialog)  # not a number: nothing saved
        assert app.focused is dialog.query_one("#employees")
        dialog.query_one("#employees").value = ""
        await pilot.press(*"12", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsDialog)
        assert SettingsRepo(store).get(SETTING_EMPLOYEES) == "12"
        await pilot.press("r")
        await pilot.pause()
        assert "3 active of 12 employees (25" in screen_text(app)
        assert "Within the usual" in screen_text(app)

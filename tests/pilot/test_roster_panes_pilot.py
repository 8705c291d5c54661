"""The roster is a screen of two panes, each with its own keys, help and palette commands."""

import pytest

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.screens.modals.stakeholder_form import StakeholderForm
from tests.screen import screen_text


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_opening_the_roster_counts_the_people_once(demo_store, make_app, monkeypatch, size):
    counted = []
    count = AmbassadorRepo.count

    def counting(self, query):
        counted.append(query)
        return count(self, query)

    monkeypatch.setattr(AmbassadorRepo, "count", counting)
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.screen.table.row_count > 0
        assert len(counted) == 1


async def test_each_tab_has_its_keys_help_and_commands(demo_store, make_app):
    app = make_app(demo_store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        bottom = screen_text(app).splitlines()[-1]
        assert "o Onboarding" in bottom and "i Log" in bottom
        titles = [command.title for command in app.screen.palette_commands()]
        assert "Roster: add a person" in titles and "Stakeholders: add a stakeholder" not in titles
        await pilot.press("t")
        await pilot.pause()
        bottom = screen_text(app).splitlines()[-1]
        assert "f Stance" in bottom and "o Onboarding" not in bottom
        titles = [command.title for command in app.screen.palette_commands()]
        assert "Stakeholders: add a stakeholder" in titles and "Roster: add a person" not in titles
        await pilot.press("f1")
        await pilot.pause()
        text = app.screen.markdown
        assert text.index("## Stakeholder map") < text.index("## People")
        await pilot.press("escape")
        await pilot.press("a")
        assert isinstance(app.screen, StakeholderForm)

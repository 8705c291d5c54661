"""The roster in Polish (the Polish demo program), at 80x24 and 120x40, with a fixed clock:
the people list, a person's detail (the onboarding checklist in focus) and the stakeholder map."""

import pytest

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_people_in_polish(snap_compare, polish_store, make_app, size):
    assert snap_compare(make_app(polish_store, start_mode="roster"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_person_detail_in_polish(snap_compare, polish_store, make_app, size):
    assert snap_compare(make_app(polish_store, start_mode="roster"), terminal_size=size,
                        press=["down", "down", "o"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_stakeholder_map_in_polish(snap_compare, polish_store, make_app, size):
    assert snap_compare(make_app(polish_store, start_mode="roster"), terminal_size=size, press=["t"])

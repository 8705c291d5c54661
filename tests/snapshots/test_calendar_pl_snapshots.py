"""The calendar section in Polish (the Polish demo program), at 80x24 and 120x40, with a fixed
clock: the month grid, the week agenda, the library, the post form and F1 help of both panes."""

import pytest

from advocacy_tui.config import Settings

SIZES = [(80, 24), (120, 40)]


def _ids(size):
    return f"{size[0]}x{size[1]}"


@pytest.fixture
def polish_app(polish_store, make_app):
    return lambda: make_app(polish_store, Settings(language="pl", language_set=True),
                            start_mode="calendar")


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_month_in_polish(snap_compare, polish_app, size):
    assert snap_compare(polish_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_week_in_polish(snap_compare, polish_app, size):
    assert snap_compare(polish_app(), terminal_size=size, press=["v"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_library_in_polish(snap_compare, polish_app, size):
    assert snap_compare(polish_app(), terminal_size=size, press=["l"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_new_post_form_in_polish(snap_compare, polish_app, size):
    # the next day holds no post: a plans one, F10 with an empty title shows the problems
    assert snap_compare(polish_app(), terminal_size=size, press=["right", "a", "f10"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_calendar_help_in_polish(snap_compare, polish_app, size):
    assert snap_compare(polish_app(), terminal_size=size, press=["f1"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_library_help_in_polish(snap_compare, polish_app, size):
    assert snap_compare(polish_app(), terminal_size=size, press=["l", "f1"])


@pytest.mark.parametrize("size", SIZES, ids=_ids)
def test_post_form_in_polish(snap_compare, polish_app, size):
    # today (27.11) holds two posts: e asks which one, Enter takes the first
    assert snap_compare(polish_app(), terminal_size=size, press=["e", "enter"])


def test_pick_post_in_polish(snap_compare, polish_app):
    assert snap_compare(polish_app(), terminal_size=(80, 24), press=["e"])


def test_filter_dialog_in_polish(snap_compare, polish_app):
    assert snap_compare(polish_app(), terminal_size=(80, 24), press=["f"])


def test_library_form_in_polish(snap_compare, polish_app):
    assert snap_compare(polish_app(), terminal_size=(80, 24), press=["l", "e"])


def test_date_dialog_in_polish(snap_compare, polish_app):
    assert snap_compare(polish_app(), terminal_size=(80, 24), press=["g", "ctrl+u", "3", "1", ".", "0", "2"])

"""Snapshots of a person's detail with topics and ideas, their ideas (with the nudge for
someone quiet) and the person's form with topics, formats and languages."""

import pytest

SIZES = [(80, 24), (120, 40)]
ids = lambda s: f"{s[0]}x{s[1]}"  # noqa: E731


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_detail_with_topics_and_ideas(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["slash", *"zofia", "enter"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_ideas_for_someone_quiet_with_the_nudge(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["slash", *"oliver", "enter", "n"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_person_form_with_topics(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store, start_mode="roster"), terminal_size=size,
                        press=["slash", *"zofia", "enter", "e", "tab", "tab", "tab", "tab", "tab", "tab",
                               "tab", "end", *", recr"])

"""Snapshots of the digest dialog on Today (demo, English and Polish), at 80x24 and 120x40, fixed clock."""

import pytest

SIZES = [(80, 24), (120, 40)]
ids = lambda s: f"{s[0]}x{s[1]}"  # noqa: E731


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_digest_dialog(snap_compare, demo_store, make_app, size):
    assert snap_compare(make_app(demo_store), terminal_size=size, press=["d"])


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_digest_dialog_in_polish(snap_compare, polish_store, make_app, size):
    from advocacy_tui.config import Settings

    app = make_app(polish_store, Settings(language="pl", language_set=True))
    assert snap_compare(app, terminal_size=size, press=["d"])

"""The import dialog shows the same plain sentences as the command line: mixed encodings,
a quote never closed, a huge cell, a full disk (issue 12 §5)."""

from __future__ import annotations

import csv
import subprocess

import pytest

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.csv_io import ImportFileError, plan_import, read_table
from advocacy_tui.data.store import Store
from advocacy_tui.screens.modals.import_dialog import ImportDialog


def status(dialog) -> str:
    return str(dialog.query_one("#import-status").render())


async def _check(app, pilot, path) -> str:
    await pilot.press("I")
    dialog = app.screen
    assert isinstance(dialog, ImportDialog)
    dialog.query_one("#import-path").value = str(path)
    await pilot.press("enter")
    for _ in range(500):
        await pilot.pause(0.02)
        if not dialog.busy and (dialog.plan is not None or status(dialog).startswith("✗")):
            break
    return status(dialog)


def _cli_message(store, path) -> str:
    with pytest.raises(ImportFileError) as caught:
        plan_import(store, read_table(path))
    return str(caught.value)


@pytest.mark.parametrize("content", [
    "name,department\nJózef Wąs,IT\n".encode() + b"Anna,Sprzeda\xbf\n",
    b'"name,email\n' + b"Anna,a@x.pl\n" * 3000,
    b'name,notes\nAnna,"' + b"x" * 140_000 + b'"\n',
    b'name,notes\nAnna,ok\nBen,"oops\nCarl,x\n',
])
async def test_the_dialog_shows_the_same_sentence_as_the_command_line(store, make_app, tmp_path, content):
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    expected = _cli_message(store, path)
    app = make_app(store, start_mode="roster")
    async with app.run_test(size=(120, 40)) as pilot:
        shown = await _check(app, pilot, path)
    assert shown == "✗ " + expected
    assert "unexpected" not in shown and AmbassadorRepo(store).total() == 0


@pytest.fixture
def tiny_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    # room for a new program (its schema's write-ahead log alone is about 390 kB) and little more
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=700k", "tmpfs", str(mount)],
                            capture_output=True)
    if result.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


async def test_a_full_disk_during_import_is_one_plain_sentence(tiny_disk, make_app, clock, tmp_path):
    source = tmp_path / "many.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "email", "notes"])
        for n in range(3000):
            writer.writerow([f"Osoba {n}", f"o{n}@firma.pl", "Zażółć gęślą jaźń " * 20])
    with Store.open(tiny_disk / "p.db", clock=clock) as store:
        app = make_app(store, start_mode="roster")
        async with app.run_test(size=(120, 40)) as pilot:
            await _check(app, pilot, source)
            dialog = app.screen
            await pilot.press("f10")
            for _ in range(500):
                await pilot.pause(0.02)
                if not dialog.busy:
                    break
            shown = status(dialog)
        assert shown.startswith("✗ The disk is full: nothing was saved"), shown
        assert AmbassadorRepo(store).total() == 0

"""Import from the command line: every failure is a plain sentence with the row and column,
never "something unexpected went wrong" (issue 12 §5)."""

from __future__ import annotations

import csv
import subprocess

import pytest

from .helpers import assert_one_line_error, parse_cli


@pytest.fixture
def tiny_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)],
                            capture_output=True)
    if result.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_during_import_says_so_plainly(tiny_disk, tmp_path):
    source = tmp_path / "many.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "email", "notes"])
        for n in range(3000):
            writer.writerow([f"Osoba {n}", f"o{n}@firma.pl", "Zażółć gęślą jaźń " * 20])
    result = parse_cli("import", "ambassadors", str(source), "--db", str(tiny_disk / "p.db"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "unexpected" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert "disk is full" in last and "nothing was" in last


def test_a_huge_cell_names_row_and_column(tmp_path):
    source = tmp_path / "huge.csv"
    source.write_text("name,notes\nAnna,ok\nBen,\"" + "x" * 140_000 + "\"\n", encoding="utf-8")
    result = parse_cli("import", "ambassadors", str(source), "--db", str(tmp_path / "p.db"))
    assert_one_line_error(result, "Row 3", "notes", "131,072")


def test_an_unclosed_quote_in_the_header_names_the_line(tmp_path):
    source = tmp_path / "quote.csv"
    source.write_text('"name,email\n' + "Anna,a@x.pl\n" * 5000, encoding="utf-8")
    result = parse_cli("import", "ambassadors", str(source), "--db", str(tmp_path / "p.db"))
    assert_one_line_error(result, "Row 1", "line 1", "never closed")


def test_a_mixed_encoding_file_names_the_line(tmp_path):
    source = tmp_path / "mixed.csv"
    source.write_bytes("name,department\nJózef Wąs,IT\n".encode() + b"Anna,Sprzeda\xbf\n")
    result = parse_cli("import", "ambassadors", str(source), "--db", str(tmp_path / "p.db"))
    assert_one_line_error(result, "line 3", "Windows-1250")

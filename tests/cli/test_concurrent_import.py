"""Many imports of overlapping files at once: each lands whole or says the file was busy."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from advocacy_tui.data.store import Store


def _file(path, numbers):
    lines = ["name,email,department"]
    lines += [f"Person {n},person{n}@example.pl,Dept {n % 3}" for n in numbers]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("new_file", [False, True], ids=["existing", "created-by-the-imports"])
def test_ten_overlapping_imports_at_once_give_exactly_the_union(tmp_path, new_file):
    db = tmp_path / "p.db"
    if not new_file:
        Store.open(db).close()
    groups = [range(i * 20, i * 20 + 60) for i in range(5)]
    files = [_file(tmp_path / f"people{i}.csv", numbers) for i, numbers in enumerate(groups)]
    procs = [
        subprocess.Popen([sys.executable, "-m", "advocacy_tui", "import", "ambassadors", str(f),
                          "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for f in files * 2
    ]
    results = [(proc, *proc.communicate(timeout=120)) for proc in procs]
    wanted: set[str] = set()
    for (proc, out, err), numbers in zip(results, groups * 2, strict=True):
        assert "Traceback" not in err and "unexpected" not in err, err
        if proc.returncode == 0:
            assert out.startswith("Imported:"), out
            wanted |= {f"person{n}@example.pl" for n in numbers}
        else:
            assert proc.returncode == 1 and "busy" in err and "Try again" in err, err
    assert wanted
    conn = sqlite3.connect(db)
    try:
        emails = [row[0] for row in conn.execute("SELECT email FROM ambassadors")]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert len(emails) == len(set(emails))
    assert set(emails) == wanted  # a busy import wrote nothing; the others brought all of theirs


def test_a_plan_made_before_another_import_landed_is_made_again_under_the_write_lock(tmp_path):
    from advocacy_tui.data.csv_io import apply_import, plan_import, read_table

    db = tmp_path / "p.db"
    source = _file(tmp_path / "people.csv", range(3))
    with Store.open(db) as store:
        plan = plan_import(store, read_table(source), path=str(source))
        assert len(plan.add) == 3
        other = sqlite3.connect(db)  # another program adds one of them meanwhile
        other.execute("INSERT INTO ambassadors (name, email, sort_key, search_text, created_at, "
                      "updated_at) VALUES ('Person 1', 'person1@example.pl', 'person 1', '', '', '')")
        other.commit()
        other.close()
        summary = apply_import(store, plan)
        assert (summary.added, summary.unchanged + summary.updated) == (2, 1)
        emails = sorted(row[0] for row in store.conn.execute("SELECT email FROM ambassadors"))
    assert emails == [f"person{n}@example.pl" for n in range(3)]

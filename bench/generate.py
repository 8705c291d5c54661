"""Synthetic programs for the benchmarks: realistic Polish and English people, deterministic.

    uv run python -m bench.generate 100000 people.csv            # a Polish-Excel CSV
    uv run python -m bench.generate 100000 program.db --db       # straight into a database
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from advocacy_tui.domain.text import fold

FIRST_PL = ["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Zofia", "Joanna",
            "Magdalena", "Aleksandra", "Łucja", "Żaneta", "Piotr", "Krzysztof", "Andrzej", "Tomasz",
            "Paweł", "Michał", "Marcin", "Łukasz", "Grzegorz", "Jakub", "Mateusz", "Wojciech", "Ścibor"]
LAST_PL = ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
           "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
           "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski",
           "Michalski", "Król", "Wieczorek", "Jabłoński", "Wróbel", "Gęślą", "Żółć"]
FIRST_EN = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
            "Elizabeth", "William", "Susan", "Richard", "Jessica", "Joseph", "Sarah", "Thomas", "Karen"]
LAST_EN = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson",
           "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris"]
DEPARTMENTS = ["Sprzedaż", "Marketing", "IT", "HR", "Finanse", "Logistyka", "Obsługa klienta",
               "Engineering", "Sales", "Customer Success", "R&D", "Produkcja", "Zarząd", "Legal",
               "Komunikacja", "PR", "Data", "Security", "Operations", "Zakupy"]
ROLES = [("ambassador", 97), ("manager", 2.5), ("owner", 0.5)]
STATUSES = [("candidate", 40), ("invited", 15), ("onboarding", 15), ("active", 20), ("paused", 6), ("left", 4)]
ROLE_PL = {"owner": "Właściciel", "manager": "Menedżer", "ambassador": "Ambasador"}
STATUS_PL = {"candidate": "Kandydat", "invited": "Zaproszony", "onboarding": "Wdrażanie",
             "active": "Aktywny", "paused": "Wstrzymany", "left": "Odszedł"}


def _pick(rng: random.Random, weighted: list[tuple[str, float]]) -> str:
    return rng.choices([w for w, _ in weighted], [p for _, p in weighted])[0]


def people(count: int, seed: int = 2026) -> Iterator[dict[str, str]]:
    """``count`` people with unique emails; the same seed gives the same people."""
    rng = random.Random(seed)
    for number in range(count):
        polish = rng.random() < 0.75
        first = rng.choice(FIRST_PL if polish else FIRST_EN)
        last = rng.choice(LAST_PL if polish else LAST_EN)
        if polish and first.endswith("a") and last.endswith("ski"):
            last = last[:-1] + "a"  # Kowalski -> Kowalska
        slug = f"{fold(first)}.{fold(last)}".replace(" ", "")
        role = _pick(rng, ROLES)
        status = _pick(rng, STATUSES)
        year, month, day = rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)
        yield {
            "name": f"{first} {last}",
            "email": f"{slug}.{number}@{'firma.pl' if polish else 'company.com'}",
            "department": rng.choice(DEPARTMENTS),
            "role": role,
            "status": status,
            "linkedin": f"https://www.linkedin.com/in/{slug}-{number}" if rng.random() < 0.4 else "",
            "joined": f"{day:02d}.{month:02d}.{year}" if rng.random() < 0.8 else "",
            "notes": "Chce pisać o danych." if rng.random() < 0.05 else "",
        }


def write_polish_csv(path: Path, count: int, seed: int = 2026) -> Path:
    """A file as Excel in a Polish locale saves it: Windows-1250, ``;``, Polish headers and words."""
    with path.open("w", encoding="cp1250", newline="", errors="replace") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(["Imię i nazwisko", "E-mail", "Dział", "Rola", "Status", "LinkedIn",
                         "Data dołączenia", "Uwagi"])
        for p in people(count, seed):
            writer.writerow([p["name"], p["email"], p["department"], ROLE_PL[p["role"]],
                             STATUS_PL[p["status"]], p["linkedin"], p["joined"], p["notes"]])
    return path


def fill_store(store, count: int, seed: int = 2026) -> None:
    """Put ``count`` synthetic people into a store (through the importer's fast path)."""
    import tempfile

    from advocacy_tui.data.csv_io import apply_import, plan_import, read_table

    with tempfile.TemporaryDirectory() as folder:
        path = write_polish_csv(Path(folder) / "people.csv", count, seed)
        apply_import(store, plan_import(store, read_table(path)))


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        raise SystemExit(2)
    count, target = int(args[0]), Path(args[1])
    if "--db" in args:
        from advocacy_tui.data.store import Store

        with Store.open(target) as store:
            fill_store(store, count)
    else:
        write_polish_csv(target, count)
    print(f"wrote {count:,} people to {target}")


if __name__ == "__main__":
    main()

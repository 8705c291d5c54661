"""Readiness: scoring, loading banks, and the program report over a large roster.

    uv run python -m bench.readiness
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from bench.common import line, median_ms


def main() -> None:
    from advocacy_tui.data.readiness import available_banks, builtin_bank
    from advocacy_tui.data.reports import program_report
    from advocacy_tui.data.store import Store
    from advocacy_tui.domain.readiness import Answer, score_run

    print("readiness")
    bank = builtin_bank("readiness", "en")
    answers = {q.id: Answer(q.id, q.choices[1] if q.choices else "3") for q in bank.questions}
    score = median_ms(lambda: score_run(bank, answers, date(2026, 11, 27)), repeats=50)
    print(line(f"score a full run ({len(bank.questions)} questions)", f"{score:.2f} ms", "5 ms", score < 5))
    load = median_ms(lambda: available_banks(None), repeats=10)
    print(line("load and check the four built-in banks", f"{load:.1f} ms", "100 ms", load < 100))

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.db"
        store = Store.open(path)
        with store.write():
            store.db.conn.executemany(
                "INSERT INTO ambassadors (name, role, status, created_at, updated_at) VALUES (?, ?, ?, '', '')",
                [(f"Person {i}", ("owner", "manager", "ambassador")[i % 3],
                  ("candidate", "onboarding", "active")[i % 3]) for i in range(100_000)],
            )
        report = median_ms(lambda: program_report(store, "html"), repeats=5)
        print(line("program report, 100,000 people", f"{report:.0f} ms", "1000 ms", report < 1000))
        store.close()


if __name__ == "__main__":
    main()

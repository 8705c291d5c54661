"""Small programs the safety tests run as real processes (``python -m tests.safety.workers``)."""

from __future__ import annotations

import sys
import time

from advocacy_tui.data.ambassadors import AmbassadorRepo
from advocacy_tui.data.store import Store, WriteError
from advocacy_tui.domain.ambassadors import build_ambassador


def big_edit(path: str, rows: int) -> None:
    """One user action that writes many rows, announcing when it has started."""
    store = Store.open(path)
    repo = AmbassadorRepo(store)
    with store.write():
        for n in range(rows):
            repo.add(build_ambassador({"name": f"Batch {n}", "email": f"batch{n}@x.pl"}))
            if n == 100:
                print("started", flush=True)
    print("done", flush=True)


def adder(path: str, prefix: str, count: int) -> None:
    """Many small writes, each its own transaction, racing another process."""
    store = Store.open(path)
    repo = AmbassadorRepo(store)
    failures = 0
    for n in range(count):
        try:
            repo.add(build_ambassador({"name": f"{prefix} {n}"}))
        except WriteError:
            failures += 1
        time.sleep(0.001)
    print(f"failures={failures}", flush=True)


def open_only(path: str) -> None:
    Store.open(path).close()
    print("opened", flush=True)


if __name__ == "__main__":
    name, *args = sys.argv[1:]
    {"big_edit": lambda: big_edit(args[0], int(args[1])),
     "adder": lambda: adder(args[0], args[1], int(args[2])),
     "open_only": lambda: open_only(args[0])}[name]()

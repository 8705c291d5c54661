"""Small programs the safety tests run as real processes (``python -m tests.safety.workers``)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

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


def holder(path: str) -> None:
    """The app's pattern: a store stays open while the same process opens (and closes) the
    file again, checks it, or backs it up; then it writes on stdin's word."""
    from advocacy_tui.data.store import check_database_file

    store = Store.open(path)
    repo = AmbassadorRepo(store)
    repo.add(build_ambassador({"name": "Before"}))
    Store.open(path).close()  # a worker thread's own connection, as the app's dialogs do
    check_database_file(Path(path))
    store.backup_to(Path(path).with_name("held-copy.db"))
    print("ready", flush=True)
    for line in sys.stdin:
        word = line.strip()
        if word == "quit":
            break
        repo.add(build_ambassador({"name": word}))
        print("written", flush=True)
    store.close()


def slow_backup(path: str, target: str) -> None:
    """A backup that announces it has started and then takes its time (to be killed)."""
    store = Store.open(path)

    def progress(status: int, remaining: int, total: int) -> None:
        print("started", flush=True)
        time.sleep(0.5)

    store.backup_to(target, progress=progress)
    print("done", flush=True)


def slow_export(target: str) -> None:
    """An export that has written personal data and then hangs (to be killed)."""
    from advocacy_tui.data.files import private_file

    with private_file(target) as handle:
        handle.write("Anna Nowak,anna@example.pl\n")
        handle.flush()
        print("started", flush=True)
        time.sleep(120)


def open_only(path: str) -> None:
    Store.open(path).close()
    print("opened", flush=True)


if __name__ == "__main__":
    name, *args = sys.argv[1:]
    {"big_edit": lambda: big_edit(args[0], int(args[1])),
     "adder": lambda: adder(args[0], args[1], int(args[2])),
     "holder": lambda: holder(args[0]),
     "slow_backup": lambda: slow_backup(args[0], args[1]),
     "slow_export": lambda: slow_export(args[0]),
     "open_only": lambda: open_only(args[0])}[name]()

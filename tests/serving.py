"""Start the real `advocacy-tui serve` in a subprocess and read the sign-in link it prints."""

from __future__ import annotations

import os
import re
import select
import socket
import subprocess
import sys
import time
from pathlib import Path

from advocacy_tui.data.store import Store


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children(pid: int) -> list[int]:
    """The processes the server started (the app of each session, through a shell)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


class Served:
    def __init__(self, process: subprocess.Popen, port: int, url: str, output: str, db: Path):
        self.process, self.port, self.url, self.output, self.db = process, port, url, output, db
        self.origin = f"http://127.0.0.1:{port}"

    def children(self) -> list[int]:
        return children(self.process.pid)


def start_serve(tmp_path: Path, *args: str, env: dict | None = None,
                link: bytes = rb"http://127\.0\.0\.1:\d+/\?token=\S+") -> Served:
    db = tmp_path / "program.db"
    if not db.exists():
        Store.open(db).close()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "advocacy_tui", "serve", "--db", str(db), "--port", str(port), *args],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
    )
    output = b""
    deadline = time.monotonic() + 30
    url = None
    while url is None:
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise RuntimeError("the server did not start: " + output.decode())
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            chunk = os.read(process.stdout.fileno(), 65536)
            output += chunk
            found = re.search(link, output)
            if found:
                url = found.group().decode()
    # the URL is printed just before the server listens: wait until it accepts connections
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("the server never listened") from None
            time.sleep(0.1)
    return Served(process, port, url, output.decode(), db)


def stop(served: Served) -> None:
    served.process.terminate()
    try:
        served.process.wait(10)
    except subprocess.TimeoutExpired:
        served.process.kill()

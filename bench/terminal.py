"""Run a real command in a pseudo-terminal and watch its screen the way a user would.

The bytes the program writes are timestamped as they arrive and replayed into a terminal
emulator (pyte); a figure is the time at which the expected text is on that screen.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable, Sequence

import pyte


class Timeout(Exception):
    pass


class Terminal:
    """One program in a pty of ``cols`` x ``rows``, with a pyte screen of the same size."""

    def __init__(self, argv: Sequence[str], *, cols: int = 120, rows: int = 40,
                 env: dict[str, str] | None = None, cwd: str | None = None) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.master = master
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(argv), stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
            start_new_session=True, preexec_fn=_take_terminal,
        )
        os.close(slave)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def _pump(self, wait: float) -> float | None:
        """Read what is there (waiting up to ``wait`` s); the arrival time, or None."""
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return None
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:
            data = b""
        arrived = time.perf_counter()
        if not data:
            raise Timeout("the program closed its terminal")
        self.stream.feed(data)
        return arrived

    def wait_for(self, check: Callable[[str], bool], timeout: float = 60.0) -> float:
        """The perf_counter moment the screen first satisfies ``check``."""
        if check(self.text()):
            return time.perf_counter()
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            arrived = self._pump(0.2)
            if arrived is not None and check(self.text()):
                return arrived
        raise Timeout(f"screen never showed what was expected; last screen:\n{self.text()}")

    def settle(self, quiet: float = 0.3, timeout: float = 30.0) -> None:
        """Read until the program has written nothing for ``quiet`` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self._pump(quiet) is None:
                return

    def send(self, keys: bytes) -> float:
        sent = time.perf_counter()
        os.write(self.master, keys)
        return sent

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        os.close(self.master)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _take_terminal() -> None:
    """In the child: make the pty its controlling terminal, as a shell would."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)

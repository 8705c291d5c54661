import os
import signal
import subprocess
import sys


def run_cli(*args: str, env: dict | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m advocacy_tui`` as a user would, in the test's isolated home."""
    return subprocess.run(
        [sys.executable, "-m", "advocacy_tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        input=input,
        timeout=60,
    )


class _Hung(Exception):
    pass


def _hung(_signal, _frame):
    raise _Hung("the command did not finish within a minute (a pipe or device opened?)")


def parse_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``run_cli`` in this interpreter, through click's CliRunner isolation: for commands that
    need no process of their own (no app, no server). The entry point
    (``advocacy_tui.cli.main``) runs whole, with its one-line errors and exit statuses; a
    command stuck on a pipe or a device is interrupted after a minute, as ``run_cli`` is."""
    from click.testing import CliRunner

    from advocacy_tui import cli
    from advocacy_tui.i18n import current_language, set_language

    before = current_language()
    code: int = 0
    with CliRunner().isolation(env=env) as (out, err, _output):
        argv, sys.argv = sys.argv, ["advocacy-tui", *args]
        alarm = signal.signal(signal.SIGALRM, _hung)
        signal.alarm(60)
        try:
            cli.main()
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else int(done.code is not None)
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, alarm)
            sys.argv = argv
            set_language(before)  # the CLI chose a language for itself; the tests go on as before
        stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
    return subprocess.CompletedProcess(list(args), code, stdout, stderr)


def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]

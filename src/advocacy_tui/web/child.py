"""In a copy of the app that ``advocacy-tui serve`` started for a browser tab.

textual-serve talks to each app through pipes. If the server is killed (a crash, a kill, a
service manager giving up), Textual's web driver only sees its input end and the app stays,
holding the database open and spinning on a dead pipe. The server names itself in
``SERVED_BY``; the app watches that its parent is still that server and ends when it is not.
No Textual, no Rich: started before the app is built.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import MutableMapping

SERVED_BY = "ADVOCACY_TUI_SERVED_BY"
#: the named user signed in to this tab (see data/users.py), when the program has users
USER_VARIABLE = "ADVOCACY_TUI_USER"


def served_user(environ: MutableMapping[str, str] = os.environ) -> str | None:
    """The named user this copy of the app works for, if any (taken out of the environment,
    so nothing the app starts inherits it)."""
    return environ.pop(USER_VARIABLE, None) or None


def end_with_server(environ: MutableMapping[str, str] = os.environ, every: float = 1.0) -> bool:
    """Start watching the server, when this app was started by one. True when watching."""
    value = environ.pop(SERVED_BY, None)
    if not value or not value.isdigit():
        return False
    server = int(value)

    def watch() -> None:
        while os.getppid() == server:
            threading.Event().wait(every)
        # the server is gone: end as a stop from outside would (what was saved stays saved)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="end-with-server", daemon=True).start()
    return True

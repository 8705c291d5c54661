"""``advocacy-tui serve``: the same app, in a web browser, through textual-serve.

Only the people with the sign-in link get in: see ``advocacy_tui.web``. Textual and
textual-serve are imported only when the server really starts.
"""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import sys
from pathlib import Path
from urllib.parse import quote

import click

from advocacy_tui.commands.common import UserError, command, db_option, open_store
from advocacy_tui.commands.output import say, tell
from advocacy_tui.i18n import N_, _
from advocacy_tui.web.access import (
    WILDCARD_HOSTS,
    Access,
    is_loopback,
    new_token,
    origin_of,
    public_url_problem,
    token_problem,
)
from advocacy_tui.web.child import SERVED_BY

TOKEN_VARIABLE = "ADVOCACY_TUI_TOKEN"



def check_can_listen(host: str, port: int) -> None:
    """Refuse, in one line, an address the server could not listen on."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise UserError(_("The host “{host}” is not an address of this computer. "
                          "Use --host 127.0.0.1 (the default).").format(host=host)) from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except PermissionError:
            raise UserError(_("Port {port} needs administrator rights; use a port above 1023, "
                              "such as --port 8000.").format(port=port)) from None
        except OSError as error:
            if error.errno in (98, 48):  # EADDRINUSE on Linux and macOS
                raise UserError(_("Port {port} is already in use; pick another one with "
                                  "--port.").format(port=port)) from None
            raise UserError(_("Cannot listen on {host}:{port} ({reason}). Use --host "
                              "127.0.0.1 (the default).").format(
                                  host=host, port=port, reason=error.strerror)) from None


def machine_names() -> set[str]:
    """The names this computer is known by on its network, for a server on every address."""
    names = set()
    for name in (socket.gethostname(), socket.getfqdn()):
        if name:
            names.add(name.lower())
    return names


def sign_in_links(token: str | None, host: str, port: int, public_url: str | None) -> list[str]:
    """The addresses to open, with the token in them (or without, for named users)."""
    query = f"?token={quote(token, safe='')}" if token else ""
    links = []
    if public_url:
        links.append(f"{public_url.rstrip('/')}/{query}")
    if host in WILDCARD_HOSTS:
        links += [f"http://{name}:{port}/{query}" for name in sorted(machine_names())]
        links.append(f"http://127.0.0.1:{port}/{query}")
    else:
        shown = f"[{host}]" if ":" in host else host
        links.append(f"http://{shown}:{port}/{query}")
    return list(dict.fromkeys(links))


def users_loader(path: Path):
    """Reads the named users (name -> token hash) through a read-only SQLite connection."""
    import sqlite3

    def load() -> dict[str, str]:
        conn = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True, timeout=2)
        try:
            return dict(conn.execute("SELECT name, token_hash FROM users").fetchall())
        finally:
            conn.close()

    return load


def served_command(path: Path, *, demo: bool) -> str:
    """The command each browser tab runs, in the server's language; the demo's never writes
    the user's config."""
    from advocacy_tui.i18n import current_language

    return shlex.join([sys.executable, "-m", "advocacy_tui", "--lang", current_language(), "--db", str(path),
                       *(["--no-saved-settings"] if demo else [])])


@command(help=N_("Open the app in a web browser, for a projector, a workshop or a team on one "
                 "computer.\n\nOnly people with the sign-in link printed at the start get in "
                 "(with named users, see “advocacy-tui users”, each with their own token)."))
@db_option
@click.option("--demo", is_flag=True, help=N_("Serve a fresh copy of the sample program."))
@click.option("--host", default="127.0.0.1", show_default=True,
              help=N_("Address to listen on. Anything but loopback lets others on the network "
                      "reach it (they still need the sign-in link)."))
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help=N_("Port to listen on."))
@click.option("--token", envvar=TOKEN_VARIABLE, default=None, metavar="TEXT",
              help=N_("The sign-in token (at least 16 characters). Default: a new random one at "
                      "every start. Prefer ADVOCACY_TUI_TOKEN to this option: other users of the "
                      "computer can see a command line."))
@click.option("--public-url", default=None, metavar="URL",
              help=N_("The address people use when a reverse proxy (TLS) stands in front, such as "
                      "https://advocacy.example.com. It is printed as the link and allowed."))
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help=N_("A further name this computer is reached by (may be repeated)."))
@click.option("--max-sessions", type=click.IntRange(1, 500), default=20, show_default=True,
              help=N_("Browser tabs that may be open at once; one more gets a “full” page."))
@click.option("--idle-minutes", type=click.IntRange(1, 24 * 60), default=60, show_default=True,
              help=N_("A tab where nothing was typed for this long is closed (saved work stays)."))
@click.pass_context
def serve(ctx: click.Context, db_path: Path | None, demo: bool, host: str, port: int,
          token: str | None, public_url: str | None, allow_hosts: tuple[str, ...],
          max_sessions: int, idle_minutes: int) -> None:
    os.environ.pop(TOKEN_VARIABLE, None)  # the app processes do not need it
    if token is not None and (problem := token_problem(token)):
        raise UserError(problem)
    if public_url is not None and (problem := public_url_problem(public_url)):
        raise UserError(problem)
    for name in allow_hosts:
        if not name or any(char in name for char in "/:@ ") or not name.isascii():
            raise UserError(_("--allow-host takes a plain name such as laptop.local, without "
                              "http:// or a port."))
    demo_folder = None
    if demo or ctx.find_root().params.get("demo"):
        from advocacy_tui.data.demo import open_demo

        store = open_demo()
        demo_folder = store.path.parent
    else:
        store = open_store(ctx, db_path)
    path = store.path.resolve()
    from advocacy_tui.data.users import UserRepo

    named_users = UserRepo(store).token_hashes()
    store.close()
    try:
        check_can_listen(host, port)
        names = {name.lower() for name in allow_hosts}
        origins = set()
        if public_url:
            origin, name = origin_of(public_url)
            names.add(name)
            origins.add(origin)
        if host in WILDCARD_HOSTS:
            names |= machine_names()
        access = Access(token=token or new_token(), port=port, bound_host=host,
                        names=frozenset(names), origins=frozenset(origins), users=named_users)
        if named_users and token:
            tell(_("Note: this program has named users, so the shared token is not used: "
                   "each person signs in with their own."))
        if not is_loopback(host):
            tell(_("Warning: listening on {host}. Everyone with the link below who can "
                         "reach port {port} can read and change this program's data, including "
                         "the people in the roster. The connection is not encrypted: for a team, "
                         "put a reverse proxy with TLS in front (see the README).").format(
                             host=host, port=port))
        # exec: the app itself (not a shell around it) is the server's child, and watches it
        command = "exec " + served_command(path, demo=demo_folder is not None)
        os.environ[SERVED_BY] = str(os.getpid())
        from advocacy_tui.web.server import GuardedServer

        server = GuardedServer(command, access=access, host=host, port=port, title="advocacy-tui",
                               max_sessions=max_sessions, idle_seconds=idle_minutes * 60,
                               public_url=public_url, load_users=users_loader(path))
        if named_users:
            say(_("advocacy-tui is served for its named users. Each person opens this "
                         "address with ?token= and their own token (from “advocacy-tui users "
                         "add”) at the end:"))
            links = sign_in_links(None, host, port, public_url)
        else:
            say(_("advocacy-tui is served. Open this link in a browser; it signs you in, "
                         "so share it only with people who may see this program's data:"))
            links = sign_in_links(access.token, host, port, public_url)
        for link in links:
            say(f"    {link}")
        say(_("Ctrl+C stops the server."))
        server.serve()
    finally:
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)

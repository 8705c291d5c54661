"""``advocacy-tui serve``: the same app, in a web browser, through textual-serve."""

from __future__ import annotations

import ipaddress
import shlex
import shutil
import socket
import sys
from pathlib import Path

import click

from advocacy_tui.cli import CONTEXT, UserError, cli, db_option, open_store
from advocacy_tui.commands.output import say, tell


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_can_listen(host: str, port: int) -> None:
    """Refuse, in one line, an address the server could not listen on."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise UserError(f"The host “{host}” is not an address of this computer. "
                        "Use --host 127.0.0.1 (the default).") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except PermissionError:
            raise UserError(f"Port {port} needs administrator rights; use a port above 1023, "
                            "such as --port 8000.") from None
        except OSError as error:
            if error.errno in (98, 48):  # EADDRINUSE on Linux and macOS
                raise UserError(f"Port {port} is already in use; pick another one with --port.") from None
            raise UserError(f"Cannot listen on {host}:{port} ({error.strerror}). "
                            "Use --host 127.0.0.1 (the default).") from None


def served_command(path: Path, *, demo: bool) -> str:
    """The command each browser tab runs; the demo's never writes the user's config."""
    return shlex.join([sys.executable, "-m", "advocacy_tui", "--db", str(path),
                       *(["--no-saved-settings"] if demo else [])])


@cli.command(context_settings=CONTEXT)
@db_option
@click.option("--demo", is_flag=True, help="Serve a fresh copy of the sample program.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback lets others on the network in.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.pass_context
def serve(ctx: click.Context, db_path: Path | None, demo: bool, host: str, port: int) -> None:
    """Open the app in a web browser, for a projector or a shared screen."""
    demo_folder = None
    if demo or ctx.find_root().params.get("demo"):
        from advocacy_tui.data.demo import open_demo

        store = open_demo()
        demo_folder = store.path.parent
    else:
        store = open_store(ctx, db_path)
    path = store.path.resolve()
    store.close()
    try:
        check_can_listen(host, port)
        if not is_loopback(host):
            tell(
                f"Warning: listening on {host}. Everyone who can reach port {port} can read "
                "and change this program's data, including the people in the roster."
            )
        command = served_command(path, demo=demo_folder is not None)
        from textual_serve.server import Server

        server = Server(command, host=host, port=port, title="advocacy-tui")
        shown = f"[{host}]" if ":" in host else host
        say(f"advocacy-tui is served at http://{shown}:{port}  (open it in a browser; "
            "Ctrl+C stops)")
        server.serve()
    finally:
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)
